# SPDX-License-Identifier: GPL-3.0-or-later
"""What two files differ in outside their paragraphs: the layout differences.

Why: pairs compare paragraphs (or lines), so everything between and around
them, and everything decoding took away, escaped the comparison. CRLF against
LF, a missing final newline, one blank line more, a blank line that holds a
space or a form feed, a byte order mark: ``--stat`` said "No differences." and
exited 0 where diff(1) and git say the files differ. This module finds those
differences, so that every front can say what they are and ``DiffResult.differs``
can count them.

What is compared: each document's encoding, BOM, newline style and final
newline; then the *gaps*, the blank lines before the first paragraph, between
two paragraphs and after the last, wherever the paragraphs on both sides of a
gap are paired with each other (elsewhere a change is shown already); last, the
bytes' digests, for what the decoded text cannot show.

Options follow diff(1): ``strip_trailing_cr`` ignores the newline style,
``ignore_blank_lines`` (``-B``) ignores empty lines added or removed (in a
file with CRLF endings only together with ``strip_trailing_cr``, as for diff),
``ignore_whitespace`` (``-w``) ignores the newline style and the final newline
and treats a line of white space as an empty one; ``-w -B`` thus ignores every
blank line. A blank line is one with no ``\\S`` in it, as in segmentation.

Pure and Qt-free; cost: a comparison of two slices per paragraph boundary.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import compress, pairwise, repeat, zip_longest
from operator import add, itemgetter, sub
from typing import NamedTuple

from twofold.engine.result.kinds import DocFormat, NewlineStyle
from twofold.engine.result.model import (
    CompareOptions,
    Document,
    Layout,
    LayoutDifference,
    LayoutKind,
    LayoutValue,
    Pair,
)
from twofold.engine.result.spans import Segments, Span
from twofold.engine.segment.normalize import fold_same_length, folds_anything

#: layout differences listed at most; more are counted, not listed
MAX_LAYOUT_SHOWN = 100
#: characters of a blank line kept in a difference (a line of a million spaces is possible)
MAX_LINE_SHOWN = 200

_NON_EMPTY_LINE = re.compile(r"[^\n]+")


class _Found(NamedTuple):
    """A difference before its offsets become line numbers (only the listed ones need them)."""

    kind: LayoutKind
    a: LayoutValue
    b: LayoutValue
    a_offset: int | None = None
    b_offset: int | None = None


def layout_of(
    a: Document,
    b: Document,
    segs_a: Sequence[Span],
    segs_b: Sequence[Span],
    pairs: Sequence[Pair],
    options: CompareOptions,
) -> Layout:
    """The layout differences of ``a`` and ``b`` under ``options``, first to last.

    Args:
        segs_a: A's segments, as the comparison made them.
        pairs: the comparison's pairs, in reading order.
    """
    found: list[_Found] = []
    # A document's reader puts one blank line between paragraphs and keeps its text
    # only: its gaps, encoding and bytes say nothing beside a text file's, or another's.
    if a.format is DocFormat.TEXT and b.format is DocFormat.TEXT:
        found.extend(_file_wide(a, b, options))
        if a.text != b.text:
            gap_options = options
            if not (blank_lines_ignored(a, options) and blank_lines_ignored(b, options)):
                gap_options = replace(options, ignore_blank_lines=False)
            found.extend(_gap_differences(a.text, b.text, segs_a, segs_b, pairs, gap_options))
        elif _only_bytes_differ(a, b, options):
            found.append(_Found(LayoutKind.BYTES, _hex(a.digest), _hex(b.digest)))
    shown = found[:MAX_LAYOUT_SHOWN]
    lines_a = _line_numbers(a.text, [f.a_offset for f in shown])
    lines_b = _line_numbers(b.text, [f.b_offset for f in shown])
    listed = tuple(
        LayoutDifference(f.kind, f.a, f.b, _at(lines_a, f.a_offset), _at(lines_b, f.b_offset))
        for f in shown
    )
    return Layout(listed, len(found))


def kept_lines(doc: Document, lines: Segments, options: CompareOptions) -> Segments:
    """The lines a comparison by lines aligns under ``ignore_blank_lines``.

    diff -B ignores empty lines, and with -w lines of white space too; dropped
    from the units, they fall in the gaps between lines, where ``layout_of``
    looks at them (and, under these options, lets them be).
    """
    if not blank_lines_ignored(doc, options):
        return lines
    text = doc.text
    keep: Iterator[bool] | Iterator[int] = map(sub, lines.ends, lines.starts)  # empty: 0
    if options.ignore_whitespace:
        keep = (end > start and not text[start:end].isspace() for start, end in lines.bounds())
    kept = list(compress(range(len(lines)), keep))
    return Segments((lines.starts[k] for k in kept), (lines.ends[k] for k in kept), lines.newlines)


def blank_lines_ignored(doc: Document, options: CompareOptions) -> bool:
    """Whether ``ignore_blank_lines`` applies to the blank lines of ``doc``.

    To diff -B an empty line of a CRLF file is a line holding a CR, which is
    not blank: ``--strip-trailing-cr`` (or ``-w``) makes it blank. A file with
    mixed line endings is taken as one with CRs; which of its lines have one
    the decoded text does not tell.
    """
    if not options.ignore_blank_lines:
        return False
    return (
        options.strip_trailing_cr
        or options.ignore_whitespace
        or doc.newline in (NewlineStyle.LF, NewlineStyle.NONE)
    )


# ------------------------------------------------------------------------ the files


def _file_wide(a: Document, b: Document, options: CompareOptions) -> Iterator[_Found]:
    """Encoding, BOM, newline style and final newline: what decoding keeps beside the text."""
    if a.encoding != b.encoding:
        yield _Found(LayoutKind.ENCODING, a.encoding, b.encoding)
    if a.bom != b.bom:
        yield _Found(LayoutKind.BOM, a.bom, b.bom)
    no_style = NewlineStyle.NONE in (a.newline, b.newline)  # one line: the final newline says it
    eol_ignored = options.strip_trailing_cr or options.ignore_whitespace
    if a.newline is not b.newline and not no_style and not eol_ignored:
        yield _Found(LayoutKind.LINE_ENDINGS, a.newline, b.newline)
    # An empty file has no last line to end; diff -w ignores a missing newline at the end.
    ends_differ = a.trailing_newline != b.trailing_newline
    if a.text and b.text and ends_differ and not options.ignore_whitespace:
        yield _Found(LayoutKind.FINAL_NEWLINE, a.trailing_newline, b.trailing_newline)


def _only_bytes_differ(a: Document, b: Document, options: CompareOptions) -> bool:
    """Same text and file-wide layout, different bytes: what the decoded text cannot show.

    Where the mixed line endings fall, or which invalid bytes became U+FFFD. The
    options that ignore line endings ignore it when a side mixes them, since
    that is the likely cause.
    """
    if a.digest is None or b.digest is None or a.digest == b.digest:
        return False
    if next(_file_wide(a, b, CompareOptions()), None) is not None:
        return False  # explained by a file-wide difference, counted or ignored
    eol_ignored = options.strip_trailing_cr or options.ignore_whitespace
    return not (eol_ignored and NewlineStyle.MIXED in (a.newline, b.newline))


def _hex(digest: bytes | None) -> str:
    return "" if digest is None else digest.hex()


# ------------------------------------------------------------------------- the gaps


class _Gaps:
    """Where each gap of a text lies: gap ``k`` is the one before segment ``k``.

    A gap after a segment begins past the newline that ends the segment's last
    line, so it holds whole blank lines only (the last may lack its newline at
    the end of the text). Gap 0 is before the first segment, the last one after
    the last segment; a text without segments is one gap.
    """

    def __init__(self, text: str, segs: Sequence[Span]) -> None:
        segs = segs if isinstance(segs, Segments) else Segments.of(segs)
        self.starts, self.ends, self.between = segs.starts, segs.ends, segs.between
        self.text = text
        self.count = len(self.starts)

    def outer(self) -> tuple[dict[int, int], dict[int, int]]:
        """Where the first and the last gaps begin and stop, when only they are compared."""
        size, count = len(self.text), self.count
        last, first = (min(self.ends[-1] + 1, size), self.starts[0]) if count else (0, size)
        return {0: 0, count: last}, {0: first, count: size}

    def table(self) -> tuple[array[int], array[int]]:
        """Where each gap begins and where it stops, made in C.

        Indexing these in the loop over the gaps, rather than working each out
        in a method, was most of that loop.
        """
        size = len(self.text)
        begins = array("q", [0])
        begins.extend(map(add, self.ends, repeat(1)))
        # Only segments that end the text begin a gap past it; the ends ascend, so
        # they are the last ones (a min over every gap cost more than this).
        last = len(begins) - 1
        while last > 0 and begins[last] > size:
            begins[last] = size
            last -= 1
        stops = array("q", self.starts)
        stops.append(size)
        return begins, stops

    def inner_width(self) -> int | None:
        """The width of every gap between two segments, past the newline before it, if one.

        1 for segments that follow each other line by line (lines, none left out),
        2 for paragraphs one blank line apart. Seen in C, in one array.
        """
        starts, ends = self.starts, self.ends
        width = starts[1] - ends[0]
        widths = array("q", map(sub, starts[1:], ends[:-1]))
        return width if widths == array("q", [width]) * (self.count - 1) else None

    def inner_character(self) -> str | None:
        """The character every gap between two segments holds, if they all hold the same
        one and only it (``inner_width`` is 2)."""
        starts, text = self.starts, self.text
        # gathered in C; a single one comes back alone, and counts the same
        held = itemgetter(*map(sub, starts[1:], repeat(1)))(text)
        first = text[starts[1] - 1]
        return first if held.count(first) == self.count - 1 else None


def _inner_gaps_alike(gaps_a: _Gaps, gaps_b: _Gaps) -> bool:
    """Whether every gap between two segments holds the same text on both sides.

    Then no gap between paragraphs paired on both sides can differ and none is
    compared one by one: that loop was most of a big pair's layout
    (``bench/corpus_speed.py``) and a stall on a log (``bench/gui_bench.py --only log``).
    """
    if gaps_a.count < 2 or gaps_b.count < 2:
        return True  # no gap between two paragraphs on one side
    if gaps_a.between is not None and gaps_a.between == gaps_b.between:
        return True  # the cutting put the same text between every two, on both sides
    width = gaps_a.inner_width()
    if width not in (1, 2) or width != gaps_b.inner_width():
        return False
    if width == 1:
        return True  # no gaps at all
    character = gaps_a.inner_character()
    return character is not None and character == gaps_b.inner_character()


def _gap_differences(
    text_a: str,
    text_b: str,
    segs_a: Sequence[Span],
    segs_b: Sequence[Span],
    pairs: Sequence[Pair],
    options: CompareOptions,
) -> Iterator[_Found]:
    """A difference for each gap that differs between paragraphs paired on both sides."""
    if options.ignore_whitespace and options.ignore_blank_lines:
        return  # every blank line is ignored
    gaps_a, gaps_b = _Gaps(text_a, segs_a), _Gaps(text_b, segs_b)
    inner = not _inner_gaps_alike(gaps_a, gaps_b)
    begins_a, stops_a = gaps_a.table() if inner else gaps_a.outer()
    begins_b, stops_b = gaps_b.table() if inner else gaps_b.outer()
    for k_a, k_b in _compared_gaps(pairs, gaps_a.count, gaps_b.count, inner=inner):
        start_a, start_b = begins_a[k_a], begins_b[k_b]
        body_a, body_b = text_a[start_a : stops_a[k_a]], text_b[start_b : stops_b[k_b]]
        if body_a == body_b:
            continue
        if folds_anything(options):  # same length: offsets stay right
            body_a, body_b = fold_same_length(body_a, options), fold_same_length(body_b, options)
        found = _gap_difference(body_a, body_b, options)
        if found is not None:
            yield found._replace(
                a_offset=start_a + (found.a_offset or 0), b_offset=start_b + (found.b_offset or 0)
            )


def _compared_gaps(
    pairs: Sequence[Pair], count_a: int, count_b: int, *, inner: bool = True
) -> Iterator[tuple[int, int]]:
    """``(k_a, k_b)``: the gaps that stand between paragraphs paired on both sides.

    The gap before the first paragraphs, and the one after the last, count when
    those are paired with each other; two texts without a paragraph compare
    their whole (blank) texts.

    Args:
        inner: also the gaps between paragraphs (False when they all hold the same).
    """
    if count_a == 0 or count_b == 0:
        if count_a == count_b:
            yield 0, 0
        return
    # Pairs stand in B's order (deletions where they stood in A): B's first and
    # last paragraphs are in the first and last pairs that have one in B.
    first = next(pair for pair in pairs if pair.b)
    if first.a and first.a[0] == 0 and first.b[0] == 0:
        yield 0, 0
    if inner:
        for before, after in pairwise(pairs):
            if before.a and before.b and after.a and after.b:
                k_a, k_b = before.a[-1] + 1, before.b[-1] + 1
                if after.a[0] == k_a and after.b[0] == k_b:
                    yield k_a, k_b
    last = next(pair for pair in reversed(pairs) if pair.b)
    if last.a and last.a[-1] == count_a - 1 and last.b[-1] == count_b - 1:
        yield count_a, count_b


def _line_count(body: str) -> int:
    """Lines in a gap's text: one a newline, and one more if the last has none."""
    return body.count("\n") + (bool(body) and not body.endswith("\n"))


def _gap_difference(body_a: str, body_b: str, options: CompareOptions) -> _Found | None:
    """How two different gaps differ under the options; offsets are into the gaps.

    Returns None when the options ignore the difference.
    """
    count_a, count_b = _line_count(body_a), _line_count(body_b)
    if options.ignore_whitespace:  # every blank line is an empty line: only the counts matter
        same = count_a == count_b
        return None if same else _Found(LayoutKind.BLANK_LINES, count_a, count_b, 0, 0)
    if options.ignore_blank_lines:  # empty lines do not count: the others must agree
        return _first_unlike_line(body_a, body_b)
    if count_a != count_b:
        return _Found(LayoutKind.BLANK_LINES, count_a, count_b, 0, 0)
    if body_a.removesuffix("\n") == body_b.removesuffix("\n"):
        return None  # the last line's newline: the final newline's business
    at = _common_prefix(body_a, body_b)
    start_a, start_b = body_a.rfind("\n", 0, at) + 1, body_b.rfind("\n", 0, at) + 1
    return _Found(
        LayoutKind.BLANK_LINE_WHITESPACE,
        _line_at(body_a, start_a),
        _line_at(body_b, start_b),
        start_a,
        start_b,
    )


def _first_unlike_line(body_a: str, body_b: str) -> _Found | None:
    """The first line of white space that the other gap lacks or holds differently (-B)."""
    lines_a = _NON_EMPTY_LINE.finditer(body_a)
    lines_b = _NON_EMPTY_LINE.finditer(body_b)
    for line_a, line_b in zip_longest(lines_a, lines_b):
        text_a = None if line_a is None else line_a.group()
        text_b = None if line_b is None else line_b.group()
        if text_a != text_b:
            return _Found(
                LayoutKind.BLANK_LINE_WHITESPACE,
                None if text_a is None else text_a[:MAX_LINE_SHOWN],
                None if text_b is None else text_b[:MAX_LINE_SHOWN],
                len(body_a) if line_a is None else line_a.start(),
                len(body_b) if line_b is None else line_b.start(),
            )
    return None


def _line_at(body: str, start: int) -> str:
    end = body.find("\n", start)
    return body[start : len(body) if end < 0 else end][:MAX_LINE_SHOWN]


def _common_prefix(one: str, other: str) -> int:
    """Length of the longest common prefix, by halving: each step one comparison in C."""
    low, high = 0, min(len(one), len(other))
    while low < high:
        mid = (low + high + 1) // 2
        if one[low:mid] == other[low:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _at(numbers: dict[int, int], offset: int | None) -> int | None:
    return None if offset is None else numbers[offset]


def _line_numbers(text: str, offsets: Sequence[int | None]) -> dict[int, int]:
    """1-based line number of each offset, counting newlines once in increasing order."""
    numbers: dict[int, int] = {}
    line, at = 1, 0
    for offset in sorted({o for o in offsets if o is not None}):
        line += text.count("\n", at, offset)
        numbers[offset], at = line, offset
    return numbers
