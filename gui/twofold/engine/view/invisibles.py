# SPDX-License-Identifier: GPL-3.0-or-later
"""Characters that draw as nothing, or rearrange the text around them, made visible.

Two lines that read the same can differ: a zero-width space inside a word, a
right-to-left override that reverses what follows it ("Trojan Source",
CVE-2021-42574), a tag character smuggling text. Qt and browsers draw these as
nothing, or obey them, so a change made only of them looked like no change.
This module says which characters are *shown* and how; the panes put a stand-in
in their place (``reveal``) and the HTML report a code-point badge.

Shown: C0 and C1 controls but tab and newline; the format characters (category
Cf) but the few that draw a visible sign (Arabic and Kaithi number signs, the
Syriac abbreviation mark, Egyptian hieroglyph format controls); and the other
default-ignorable code points (combining grapheme joiner, Hangul fillers,
Khmer inherent vowels, variation selectors, tags, the unassigned ignorables).
Bidirectional controls are always shown. Three uses are legitimate and kept
as they are, since showing them would break ordinary text: a zero-width
(non-)joiner between two visible non-ASCII characters (Persian, Indic scripts,
emoji sequences), one variation selector right after a visible character
(emoji presentation), and tags completing an emoji flag (England, Scotland,
Wales). A change made only of such a character would be highlighted over
nothing, so the panes widen its highlight to the character it joins
(``widen_unseen``) and the report writes it as a badge (``draws_nothing``).

A stand-in has the UTF-16 length of the character it replaces, so a pane's
positions (Qt counts UTF-16) map to the text's offsets unchanged: highlights,
find, copy and the tooltip all use the real text.

Constraints: pure, no Qt. ``find`` costs a few C-level passes when there is
nothing to show: a fraction of a regular expression's scan for ASCII and for
prose with dashes and accents, the same for Cyrillic (``_scanner``;
``bench/reveal_bench.py`` measures what it costs a pane's fill).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Sequence
from enum import Enum

from twofold.engine.result.spans import Segments, Span, span_bounds

__all__ = [
    "Kind",
    "badge",
    "code_point",
    "describe",
    "draws_nothing",
    "find",
    "hideable",
    "kind",
    "name",
    "reveal",
    "spell_out",
    "stand_in",
    "widen_unseen",
]


class Kind(Enum):
    """What a shown character does, for the sentence that explains it."""

    DIRECTION = "a text-direction control, shown here instead of obeyed"
    CONTROL = "a control character"
    INVISIBLE = "an invisible character"


#: bidirectional embedding, override, isolate and mark characters (Trojan Source)
_DIRECTION = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_JOINERS = "\u200c\u200d"
_SELECTORS_BMP = "\u180b-\u180d\u180f\ufe00-\ufe0f"
_SELECTORS = _SELECTORS_BMP + "\U000e0100-\U000e01ef"
#: zero-width, format and filler characters, and the unassigned default ignorables
_OTHER_BMP = (
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b\u2060-\u2065\u206a-\u206f"
    "\u3164\ufeff\uffa0\ufff0-\ufffb"
)
_OTHER = (
    _OTHER_BMP
    + "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e00ff\U000e01f0-\U000e0fff"
)
_ALL_BMP = _CONTROL + _DIRECTION + _JOINERS + _SELECTORS_BMP + _OTHER_BMP
_ALL = _CONTROL + _DIRECTION + _JOINERS + _SELECTORS + _OTHER

#: the first search: one character class, scanned in C. Its BMP part alone scans
#: much faster, so texts without astral characters get that one.
_ANY = re.compile(f"[{_ALL}]")
_ANY_BMP = re.compile(f"[{_ALL_BMP}]")
#: the legitimate uses, matched where ``_ANY`` found a candidate (lookbehind sees
#: before the match position)
_KEPT = re.compile(
    # a variation selector right after a visible character
    f"(?<=[^\\s{_ALL}])[{_SELECTORS}]"
    # a joiner between visible non-ASCII characters (after a variation selector too: ❤️‍🔥)
    f"|(?<=[^\\x00-\\x7f\\s{_CONTROL}{_DIRECTION}{_JOINERS}{_OTHER}])[{_JOINERS}]"
    f"(?=[^\\x00-\\x7f\\s{_ALL}])"
)
#: a run of hideable characters, and the longest run ``draws_nothing`` looks at
_HIDDEN_RUN = re.compile(f"[{_ALL}]+")
_UNSEEN_RUN = 8
#: an emoji flag: black flag, tag letters, cancel tag
_FLAG = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")
_FLAG_BASE = "\U0001f3f4"
_TAG_FIRST, _TAG_LAST = "\U000e0020", "\U000e007f"
#: what ``_KEPT`` or a flag may keep: everything else found is shown wherever it is
_KEEPABLE = frozenset(
    [*_JOINERS, *map(chr, range(0x180B, 0x180E)), "\u180f", *map(chr, range(0xFE00, 0xFE10))]
    + [chr(code) for code in (*range(0xE0100, 0xE01F0), *range(0xE0020, 0xE0080))]
)
#: how far back to look for a flag's black flag (its tag sequence is a region code, 2-7 tags)
_FLAG_TAGS = 32
#: characters a text's start is sampled on, to skip the ASCII shortcut for Cyrillic, CJK…
_SAMPLE = 65_536
#: printable ASCII, tab and newline: what is left of ASCII text after deleting
#: these is its controls
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n"

_DIRECTIONS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: stand-ins: one glyph each, in common fonts, neutral in direction
_DIRECTION_MARK = "\u21c6"  # ⇆
_HIDDEN_MARK = "\u2b1a"  # ⬚ (dotted square)


def find(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """The offsets of the shown characters in ``text[start:end]``, in order.

    Context comes from the whole text, so a window finds what the whole text
    finds there: a joiner at ``start`` is judged by the character before it.
    """
    stop = len(text) if end is None else min(end, len(text))
    if start >= stop:
        return []
    scan = _scanner(text if start == 0 and stop == len(text) else text[start:stop])
    if scan is None:
        return []
    found: list[int] = []
    skip = start  # past the end of a flag
    for hit in scan.finditer(text, start, stop):
        at = hit.start()
        if hit.group() in _KEEPABLE:  # the rest are shown wherever they are
            if at < skip:
                continue
            if _TAG_FIRST <= hit.group() <= _TAG_LAST and (flag_end := _flag_end(text, at)):
                skip = flag_end
                continue
            if _KEPT.match(text, at) is not None:
                continue
        found.append(at)
    return found


def _scanner(piece: str) -> re.Pattern[str] | None:
    """The class to scan ``piece`` with, or None when it has nothing to show.

    The regular expression reads a character in 3 ns or more. Most text is
    ASCII, or nearly: its UTF-8 without the plain ASCII bytes is what can hold
    a candidate (continuation bytes are never ASCII), decoded and searched in a
    fraction of the time; Cyrillic (its sample says dense) gets no shortcut.
    ``bench/reveal_bench.py`` measures what revealing costs a pane's fill.
    """
    if piece.isascii():
        return _ANY_BMP if piece.encode("ascii").translate(None, _PLAIN_ASCII) else None
    if _mostly_ascii(piece[:_SAMPLE]):
        data = piece.encode("utf-8", "surrogatepass")
        if _mostly_ascii(piece, data):
            rest = data.translate(None, _PLAIN_ASCII).decode("utf-8", "surrogatepass")
            if _ANY.search(rest) is None:
                return None
            piece = rest
    return _ANY_BMP if len(piece.encode("utf-16-le", "surrogatepass")) == 2 * len(piece) else _ANY


def _mostly_ascii(text: str, data: bytes | None = None) -> bool:
    """Whether at most one character in eight of ``text`` (UTF-8 ``data``) is not ASCII."""
    size = len(text.encode("utf-8", "surrogatepass") if data is None else data)
    return size < len(text) + len(text) // 8


def _flag_end(text: str, at: int) -> int:
    """The end of the emoji flag whose tags include ``text[at]``, or 0 if it is in none."""
    back = at
    while back > 0 and at - back < _FLAG_TAGS and _TAG_FIRST <= text[back - 1] < _TAG_LAST:
        back -= 1
    if back == 0 or text[back - 1] != _FLAG_BASE:
        return 0
    flag = _FLAG.match(text, back - 1)
    return flag.end() if flag is not None and flag.end() > at else 0


def draws_nothing(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is only characters kept as they are (no stand-in).

    A highlight of such a range is zero wide: a variation selector removed from
    "❤️", a Persian zero-width non-joiner added. Ranges longer than a few
    characters are never that (only lone ones are kept).
    """
    return (
        0 < end - start <= _UNSEEN_RUN
        and _HIDDEN_RUN.fullmatch(text, start, end) is not None
        and not find(text, start, end)
    )


def widen_unseen(text: str, spans: Sequence[Span]) -> Sequence[Span]:
    """``spans`` (sorted, apart) with each one that ``draws_nothing`` widened back to
    the visible character it joins; ``spans`` itself when none is.
    """
    if not spans or _scanner(text[spans[0].start : spans[-1].end]) is None:
        return spans  # nothing hideable in their reach: the usual case, one C-level pass
    starts, ends = array("q"), array("q")
    widened = False
    for start, end in span_bounds(spans):
        if start > 0 and draws_nothing(text, start, end):
            start = _base_before(text, start)
            widened = True
        if ends and ends[-1] >= start:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return Segments(starts, ends) if widened else spans


def _base_before(text: str, at: int) -> int:
    """The offset of the character ``text[at]`` attaches to: back over the hidden ones
    (a flag's tags) to the first visible one, within ``_FLAG_TAGS``."""
    base = at - 1
    while base > 0 and at - base < _FLAG_TAGS and hideable(text[base]):
        base -= 1
    return base


def hideable(char: str) -> bool:
    """Whether ``char`` is one that ``find`` shows (in some context, at least)."""
    return _ANY.fullmatch(char) is not None


def reveal(text: str) -> str:
    """``text`` with a stand-in for each shown character (``text`` itself if none).

    The result has the same UTF-16 length as ``text``, character by character.
    """
    hits = find(text)
    if not hits:
        return text
    stand_ins = {char: stand_in(char) for char in {text[at] for at in hits}}
    parts: list[str] = []
    pos = 0
    for at in hits:
        parts += (text[pos:at], stand_ins[text[at]])
        pos = at + 1
    parts.append(text[pos:])
    return "".join(parts)


def spell_out(text: str) -> str:
    """``text`` with a badge (``⟨U+202E⟩``) for each shown character: for names.

    A file name or a label has room for the badge, and one reads better there
    than a one-glyph stand-in: ``invoice⟨U+202E⟩fdp.exe``, not ``invoiceexe.pdf``.
    """
    hits = find(text)
    if not hits:
        return text
    parts: list[str] = []
    pos = 0
    for at in hits:
        parts += (text[pos:at], badge(text[at]))
        pos = at + 1
    parts.append(text[pos:])
    return "".join(parts)


def kind(char: str) -> Kind:
    """Whether a shown character is a direction control, a control, or invisible."""
    if char in _DIRECTIONS:
        return Kind.DIRECTION
    code = ord(char)
    return Kind.CONTROL if code < 0x20 or 0x7F <= code <= 0x9F else Kind.INVISIBLE


def stand_in(char: str) -> str:
    """What a pane shows instead of ``char``: visible, and as long in UTF-16.

    C0 controls get their Unicode control pictures (␛ for ESC); direction
    controls ⇆; everything else ⬚. A tag character (two UTF-16 units) shows
    as ⬚ and the ASCII letter it mirrors, so smuggled tag text can be read.
    """
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if char in _DIRECTIONS:
        return _DIRECTION_MARK
    if code <= 0xFFFF:
        return _HIDDEN_MARK
    mirrored = code - 0xE0000
    return _HIDDEN_MARK + (chr(mirrored) if 0x21 <= mirrored <= 0x7E else _HIDDEN_MARK)


def name(char: str) -> str:
    """The character's Unicode name; controls, which have none, by their control picture."""
    found = unicodedata.name(char, "")
    if found:
        return found
    code = ord(char)
    if code < 0x20 or code == 0x7F:
        picture = "\u2421" if code == 0x7F else chr(0x2400 + code)
        return unicodedata.name(picture).removeprefix("SYMBOL FOR ")
    return "CONTROL CHARACTER" if code <= 0x9F else "UNASSIGNED IGNORABLE CODE POINT"


def code_point(char: str) -> str:
    """``U+202E``: the code point as code-review tools write it."""
    return f"U+{ord(char):04X}"


def badge(char: str) -> str:
    """The report's stand-in: ``⟨U+202E⟩``."""
    return f"\u27e8{code_point(char)}\u27e9"


def describe(char: str) -> str:
    """One line for a tooltip: ``U+202E RIGHT-TO-LEFT OVERRIDE: a text-direction control…``."""
    return f"{code_point(char)} {name(char)}: {kind(char).value}"
