# SPDX-License-Identifier: GPL-3.0-or-later
"""The numbers and bullets Word shows before list items, as the reader sees them.

Why: in WordprocessingML a list item's "3." is not text; the paragraph names
a list (``w:numPr``: a ``numId`` and a level), directly or through its style
and that style's ancestry, and ``numbering.xml`` says how each level of the
list is written (``w:numFmt``, ``w:lvlText`` such as ``%1.%2``, ``w:start``).
Without the numbers, a list renumbered by an inserted item compares as
unchanged below it, and "Step 3" in the text refers to nothing a reader can
see. So each item's label is counted as Word counts it and put before its
text: ``1.``, ``b)``, ``iv.``, ``2.1``, and ``•`` for every bullet (the
bullet's own character is usually a private-use glyph of the Symbol font).

How counting goes: the counters belong to the abstract list a ``numId``
points to, so two ``numId`` of one abstract list continue each other, as in
Word, unless a ``numId`` restarts a level (``w:startOverride``), which gives
it counters of its own. Numbering a level resets the deeper ones. A level
not yet used in a label (``%1`` from an item at level 2 opening the list)
shows its start value.

Constraints: no Qt, no I/O; the parsed parts come from the reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

__all__ = ["ListNumbers", "format_number"]

#: what every bullet reads as
BULLET = "\u2022"
#: Word's list levels are 0-8
_LEVELS = 9
#: a style based on a style based on ... is followed this far (a loop is not followed forever)
_MAX_STYLE_DEPTH = 16
#: the largest number spelled in letters or Roman numerals; past it, digits
_MAX_SPELLED = 100_000
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


@dataclass(frozen=True, slots=True)
class _Level:
    """How one level of a list is written."""

    start: int
    #: ``w:numFmt``: decimal, lowerLetter, upperRoman, bullet, none...
    fmt: str
    #: ``w:lvlText``: the label with ``%1``-``%9`` for the levels' numbers
    text: str
    #: what follows the label: a tab, a space or nothing (``w:suff``)
    suffix: str


@dataclass(frozen=True, slots=True)
class _List:
    """One ``numId``: its levels, and whose counters it counts with."""

    #: the counters' owner: the abstract list, or the ``numId`` itself if it restarts
    counter: str
    levels: dict[int, _Level]


def format_number(value: int, fmt: str) -> str:
    """``value`` written as the number format ``fmt`` writes it (decimal when unknown)."""
    if fmt == "bullet":
        return BULLET
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{value:02d}"
    if 0 < value < _MAX_SPELLED:
        if fmt in ("lowerRoman", "upperRoman"):
            roman = _roman(value)
            return roman.upper() if fmt == "upperRoman" else roman
        if fmt in ("lowerLetter", "upperLetter"):
            # Word repeats the letter past z: y, z, aa, bb, ...
            letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
            return letter.upper() if fmt == "upperLetter" else letter
    return str(value)


def _roman(value: int) -> str:
    out: list[str] = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


class ListNumbers:
    """Counts a document's list items in reading order and labels each one.

    Args:
        w: the WordprocessingML namespace in braces.
        numbering: the parsed ``numbering.xml``, or None when there is none.
        styles: the parsed ``styles.xml``, or None: a style can make its
            paragraphs list items (``List Number``).
    """

    __slots__ = ("_counters", "_lists", "_style_lists", "_w")

    def __init__(self, w: str, numbering: Element | None, styles: Element | None) -> None:
        self._w = w
        self._lists = _lists(w, numbering) if numbering is not None else {}
        self._style_lists = _style_lists(w, styles) if styles is not None and self._lists else {}
        #: each counter owner's numbers by level; None: the level was not counted yet
        self._counters: dict[str, list[int | None]] = {}

    def label(self, props: Element | None) -> str:
        """The label to put before the paragraph with properties ``props`` ("" if none).

        Call it once per paragraph, in reading order: it counts the item.
        """
        found = self._list_of(props)
        if found is None:
            return ""
        listed, level = found
        own = listed.levels.get(level)
        if own is None:
            return ""
        counters = self._counters.setdefault(listed.counter, [None] * _LEVELS)
        now = counters[level]
        counters[level] = own.start if now is None else now + 1
        for deeper in range(level + 1, _LEVELS):
            counters[deeper] = None
        if own.fmt == "bullet":
            return BULLET + " "
        text = own.text
        for n in range(_LEVELS, 0, -1):  # %10 is no placeholder: nine levels
            placeholder = f"%{n}"
            if placeholder in text:
                text = text.replace(placeholder, self._number(listed, counters, n - 1))
        return text + own.suffix if text.strip() else ""

    def _number(self, listed: _List, counters: list[int | None], level: int) -> str:
        spec = listed.levels.get(level)
        if spec is None:
            return ""
        value = counters[level]
        return format_number(spec.start if value is None else value, spec.fmt)

    def _list_of(self, props: Element | None) -> tuple[_List, int] | None:
        """The list and level a paragraph is an item of: its own ``numPr``, else its style's."""
        if not self._lists or props is None:
            return None
        w = self._w
        num_id, level = None, None
        own = props.find(f"{w}numPr")
        if own is not None:
            num_id = _val(own.find(f"{w}numId"), w)
            level = _int(_val(own.find(f"{w}ilvl"), w))
        style = props.find(f"{w}pStyle")
        if style is not None and (num_id is None or level is None):
            from_style = self._style_lists.get(style.get(f"{w}val", ""))
            if from_style is not None:
                num_id = from_style[0] if num_id is None else num_id
                level = from_style[1] if level is None else level
        listed = self._lists.get(num_id or "")
        if listed is None:  # numId 0 takes a paragraph out of its style's list
            return None
        return listed, min(max(level or 0, 0), _LEVELS - 1)


def _lists(w: str, numbering: Element) -> dict[str, _List]:
    """Each ``numId``'s list: its abstract list's levels with its overrides applied."""
    abstract = {
        element.get(f"{w}abstractNumId", ""): _levels(w, element)
        for element in numbering.iter(f"{w}abstractNum")
    }
    found: dict[str, _List] = {}
    for num in numbering.iter(f"{w}num"):
        num_id = num.get(f"{w}numId", "")
        abstract_id = _val(num.find(f"{w}abstractNumId"), w) or ""
        if abstract_id not in abstract:
            continue
        levels = dict(abstract[abstract_id])
        restarts = False
        for override in num.iter(f"{w}lvlOverride"):
            level = _int(override.get(f"{w}ilvl"))
            if level is None:
                continue
            if override.find(f"{w}lvl") is not None:  # written its own way: counted apart
                levels.update(_levels(w, override))
                restarts = True
            start = _int(_val(override.find(f"{w}startOverride"), w))
            if start is not None and level in levels:
                spec = levels[level]
                levels[level] = _Level(start, spec.fmt, spec.text, spec.suffix)
                restarts = True
        owner = f"num {num_id}" if restarts else f"abstract {abstract_id}"
        found[num_id] = _List(owner, levels)
    return found


def _levels(w: str, parent: Element) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for lvl in parent.findall(f"{w}lvl"):
        level = _int(lvl.get(f"{w}ilvl"))
        if level is None or not 0 <= level < _LEVELS:
            continue
        suffix = {"space": " ", "nothing": ""}.get(_val(lvl.find(f"{w}suff"), w) or "", " ")
        levels[level] = _Level(
            start=_int(_val(lvl.find(f"{w}start"), w)) or 0,
            fmt=_val(lvl.find(f"{w}numFmt"), w) or "decimal",
            text=_val(lvl.find(f"{w}lvlText"), w) or "",
            suffix=suffix,
        )
    return levels


def _style_lists(w: str, styles: Element) -> dict[str, tuple[str, int]]:
    """The list (``numId``, level) each paragraph style puts its paragraphs in, by ancestry."""
    own: dict[str, tuple[str | None, int | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles.iter(f"{w}style"):
        if style.get(f"{w}type") != "paragraph":
            continue
        sid = style.get(f"{w}styleId", "")
        numbered = style.find(f"{w}pPr/{w}numPr")
        if numbered is not None:
            own[sid] = (
                _val(numbered.find(f"{w}numId"), w),
                _int(_val(numbered.find(f"{w}ilvl"), w)),
            )
        parent = style.find(f"{w}basedOn")
        if parent is not None:
            based_on[sid] = parent.get(f"{w}val", "")
    found: dict[str, tuple[str, int]] = {}
    for sid in own.keys() | based_on.keys():
        num_id, level = _inherited(sid, own, based_on)
        if num_id is not None:
            found[sid] = (num_id, level or 0)
    return found


def _inherited(
    sid: str, own: dict[str, tuple[str | None, int | None]], based_on: dict[str, str]
) -> tuple[str | None, int | None]:
    """The nearest ``numId`` and level up ``sid``'s ancestry (each may come from another)."""
    num_id: str | None = None
    level: int | None = None
    for _ in range(_MAX_STYLE_DEPTH):
        here = own.get(sid, (None, None))
        num_id = here[0] if num_id is None else num_id
        level = here[1] if level is None else level
        if sid not in based_on:
            break
        sid = based_on[sid]
    return num_id, level


def _val(element: Element | None, w: str) -> str | None:
    return None if element is None else element.get(f"{w}val")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
