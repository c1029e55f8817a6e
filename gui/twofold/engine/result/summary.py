# SPDX-License-Identifier: GPL-3.0-or-later
"""The short human summary of ``twofold --stat`` (and the status bar's wording).

Layout differences are told in words that name what differs and where, never
by printing it: a blank line's form feed is "a form feed (U+000C)", so nothing
but plain words reaches a terminal.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from twofold.engine.export.terminal_text import quote_name
from twofold.engine.result.kinds import DocFormat, NewlineStyle, PairKind, Unit
from twofold.engine.result.model import (
    DiffResult,
    Document,
    Layout,
    LayoutDifference,
    LayoutKind,
    LayoutValue,
    Stats,
)
from twofold.engine.result.wording import counted

_ORDER = (PairKind.CHANGED, PairKind.MOVED, PairKind.INSERTED, PairKind.DELETED)


def percent(share: float) -> str:
    """``share`` as a whole percentage that never claims 100 % (or 0 %) when it is not.

    A 5 MB paragraph with a few changed words is 99.9 % similar; "100%" beside a
    change would read as "nothing changed".
    """
    value = round(share * 100)
    if value == 100 and share < 1.0:
        value = 99
    elif value == 0 and share > 0.0:
        value = 1
    return f"{value}%"


def replaced_text(count: int) -> str:
    """``2 undecodable sequences``: what a decode with U+FFFD replacements says about itself."""
    return counted(count, "undecodable sequence")


def words_changed(stats: Stats) -> str:
    """``1 word deleted, 12 words inserted``."""
    deleted, inserted = counted(stats.words_deleted, "word"), counted(stats.words_inserted, "word")
    return f"{deleted} deleted, {inserted} inserted"


def kind_counts(result: DiffResult) -> str:
    """e.g. ``"12 changed · 2 moved · 1 inserted"``; empty when nothing differs."""
    counts = result.stats.pairs_by_kind
    return " · ".join(f"{counts[k]} {k.value}" for k in _ORDER if counts.get(k))


def _encoding(doc: Document) -> str:
    """``utf-8``, or ``utf-8, 2 undecodable sequences replaced`` when the decode was not clean."""
    if not doc.replaced:
        return doc.encoding
    return f"{doc.encoding}, {replaced_text(doc.replaced)} replaced"


def _stored(doc: Document) -> str:
    """How a side was stored: ``utf-8, LF`` for text, ``Word document`` for a document."""
    if doc.format is not DocFormat.TEXT:
        return doc.format.display_name
    return f"{_encoding(doc)}, {doc.newline.value}"


def _set_apart(name: str, doc: Document) -> str:
    """``A: not compared: 3 paragraphs of page headers and footers``; empty for none."""
    if not doc.set_apart:
        return ""
    kept = ", ".join(
        f"{counted(part.paragraphs, 'paragraph')} of {part.kind}" for part in doc.set_apart
    )
    return f"{name}: not compared: {kept}"


#: layout differences ``--stat`` lists at most (the JSON lists more)
STAT_LAYOUT_LINES = 10


def stat_text(result: DiffResult) -> str:
    s = result.stats
    noun = "line" if result.unit is Unit.LINES else "paragraph"
    # quoted: a label or a file name may carry ESC sequences or a newline (a forged "B:")
    lines = [
        f"{name}: {quote_name(doc.label)} ({counted(count, noun)}, {_stored(doc)})"
        for name, doc, count in (("A", result.a, s.paragraphs_a), ("B", result.b, s.paragraphs_b))
    ]
    lines.extend(filter(None, (_set_apart("A", result.a), _set_apart("B", result.b))))
    if not result.differs:
        lines.append("No differences.")
        return "\n".join(lines)
    if result.changes:
        lines.append(f"{counted(s.changes, 'change')}: {kind_counts(result)}")
        lines.append(f"{words_changed(s)}; {percent(s.similarity)} similar")
    lines.append(layout_headline(result))
    if result.changes or result.layout.total > 1:
        lines.extend(f"  {line}" for line in layout_lines(result.layout, STAT_LAYOUT_LINES))
    return "\n".join(line for line in lines if line)


# ------------------------------------------------------------------- layout wording

#: per kind: what differs, as a label and as the subject of "Only ... differ(s)"
_SUBJECTS: dict[LayoutKind, tuple[str, str]] = {
    LayoutKind.ENCODING: ("encoding", "the encoding differs"),
    LayoutKind.BOM: ("byte order mark", "the byte order mark differs"),
    LayoutKind.LINE_ENDINGS: ("line endings", "line endings differ"),
    LayoutKind.FINAL_NEWLINE: ("newline at end of file", "the newline at the end differs"),
    LayoutKind.BLANK_LINES: ("blank lines", "blank lines differ"),
    LayoutKind.BLANK_LINE_WHITESPACE: (
        "white space on a blank line",
        "white space on a blank line differs",
    ),
    LayoutKind.BYTES: ("bytes", "the bytes differ"),
}

#: white space without a name Python knows, or whose name reads better in lower case
_SPACE_NAMES = {
    " ": "space",
    "\t": "tab",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\r": "carriage return",
    "\x1c": "file separator",
    "\x1d": "group separator",
    "\x1e": "record separator",
    "\x1f": "unit separator",
    "\x85": "next line",
}


def layout_headline(result: DiffResult) -> str:
    """One sentence on the layout: ``Only line endings differ: CRLF → LF``; empty if none.

    With changes too, or several layout differences, it only announces them;
    ``layout_lines`` lists them.
    """
    layout = result.layout
    if not layout:
        return ""
    if result.changes:
        return "The layout differs too:"
    if layout.total == 1 and layout.differences:
        first = layout.differences[0]
        return f"Only {_SUBJECTS[first.kind][1]}: {layout_detail(first)}"
    return "Only the layout differs:"


def layout_lines(layout: Layout, limit: int) -> list[str]:
    """``label: detail`` for the first ``limit`` differences, and how many more there are."""
    lines = [f"{_SUBJECTS[d.kind][0]}: {layout_detail(d)}" for d in layout.differences[:limit]]
    more = layout.total - len(lines)
    if more:
        lines.append(f"\u2026 and {more} more")
    return lines


def layout_detail(diff: LayoutDifference) -> str:
    """What A and B hold, e.g. ``CRLF → LF`` or ``1 at A line 2, 2 at B line 2``."""
    kind, a, b = diff.kind, diff.a, diff.b
    if kind is LayoutKind.ENCODING:
        return f"{_encoding_name(a)} \u2192 {_encoding_name(b)}"
    if kind is LayoutKind.LINE_ENDINGS and isinstance(a, NewlineStyle):
        return f"{a.value} \u2192 {b.value if isinstance(b, NewlineStyle) else b}"
    if kind in (LayoutKind.BOM, LayoutKind.FINAL_NEWLINE):
        return f"A has {'one' if a else 'none'}, B has {'one' if b else 'none'}"
    if kind is LayoutKind.BLANK_LINES:
        return f"{_count(a)} at A line {diff.a_line}, {_count(b)} at B line {diff.b_line}"
    if kind is LayoutKind.BLANK_LINE_WHITESPACE:
        return f"{_blank_line('A', diff.a_line, a)}, {_blank_line('B', diff.b_line, b)}"
    return (
        "the same text from other bytes (mixed line endings placed otherwise, "
        "or other undecodable bytes shown as \ufffd)"
    )


def _encoding_name(value: LayoutValue) -> str:
    return str(value).upper().replace("_", "-")


def _count(value: LayoutValue) -> str:
    return "none" if value == 0 else str(value)


def _blank_line(side: str, line: int | None, value: LayoutValue) -> str:
    if value is None:
        return f"{side} has no such line (at line {line})"
    if value == "":
        return f"{side} line {line} is empty"
    return f"{side} line {line} holds {describe_space(str(value))}"


def describe_space(text: str) -> str:
    """White space in words: ``2 spaces and a tab``, ``a no-break space (U+00A0)``."""
    counts = Counter(text)
    parts = []
    for char, n in counts.items():
        name = _SPACE_NAMES.get(char) or unicodedata.name(char, "character").lower()
        code = "" if char in (" ", "\t") else f" (U+{ord(char):04X})"
        if n == 1:
            parts.append(f"{'an' if name[0] in 'aeiou' else 'a'} {name}{code}")
        else:
            parts.append(f"{n} {name}s{code}")
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
