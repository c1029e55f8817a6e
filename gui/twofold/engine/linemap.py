# SPDX-License-Identifier: GPL-3.0-or-later
"""Pane-to-pane geometry: which position in one pane matches a position in the other.

Purpose: keep a paragraph and its counterpart level while either pane scrolls,
whatever their heights (wrapping makes a 500-character paragraph 6 lines on one
side and 8 on the other), and give the overview map its fractions.

Constraints: pure functions over plain numbers, no Qt; everything here is
testable without a display. The mapping is piecewise linear between *anchors*,
the tops and bottoms of matched pairs, the way Meld's ``FileDiff._sync_vscroll``
interpolates inside a chunk.

The unit is the *block* (a line of the displayed text) plus a fraction of it:
paragraph ``i`` spans ``[first_block, last_block + 1)``. Block positions come
from the text alone, so they never change with wrapping, width or font, and
the UI never has to lay out a whole document to know where a paragraph sits;
it converts block positions to pixels only for the blocks on screen. A
``BlockTable`` also cuts lines too long to lay out (a 5 MB minified line) into
display blocks, so no single block costs seconds to shape.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, pairwise, repeat
from operator import add, sub
from typing import TypeVar, overload

from twofold.engine.model import Pair, PairKind, Segments, Side, Span, span_bounds
from twofold.engine.segmentation import break_offsets, newline_offsets

K = TypeVar("K")

_BLOCK_BREAK = re.compile("[\n\u2029]")

#: lines longer than this (characters) are shown cut into display blocks
LONG_LINE = 10_000
#: the length of those display blocks; a cut goes after a space when one is near
PIECE = 2_000


@dataclass(frozen=True, slots=True)
class Extent:
    """Where one paragraph (or a run of them) sits in a pane: ``[top, bottom)``."""

    top: float
    bottom: float

    def __post_init__(self) -> None:
        if self.bottom < self.top:
            raise ValueError(f"bad extent [{self.top}, {self.bottom})")

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True, slots=True)
class LineMap:
    """Matched positions of the two panes, non-decreasing on both sides.

    ``a[i]`` and ``b[i]`` are the same place in the text's reading order; between
    two anchors positions are interpolated linearly.
    """

    a: Sequence[float]
    b: Sequence[float]

    def __post_init__(self) -> None:
        if len(self.a) != len(self.b) or not self.a:
            raise ValueError("a line map needs the same, non-zero number of anchors per side")

    def anchors(self, side: Side) -> Sequence[float]:
        return self.a if side is Side.A else self.b

    def map(self, y: float, source: Side) -> float:
        """The position in the other pane that matches ``y`` in the ``source`` pane."""
        src, dst = self.anchors(source), self.anchors(source.other)
        if y < src[0]:
            return dst[0] + (y - src[0])
        i = bisect_right(src, y) - 1
        if i >= len(src) - 1:
            return dst[-1] + (y - src[-1])
        # src[i] <= y < src[i + 1], so the span is never empty here.
        t = (y - src[i]) / (src[i + 1] - src[i])
        return dst[i] + t * (dst[i + 1] - dst[i])


def _extent_of(extents: Sequence[Extent], indices: tuple[int, ...]) -> Extent | None:
    if not indices:
        return None
    if isinstance(extents, ParagraphExtents):
        return extents.covering(indices[0], indices[-1])
    return Extent(extents[indices[0]].top, extents[indices[-1]].bottom)


def _tops_and_bottoms(extents: Sequence[Extent]) -> tuple[Sequence[float], Sequence[float]]:
    """Each paragraph's top and bottom, as two sequences: no ``Extent`` read per pair.

    A 250,000-line file has a pair a line; two ``Extent`` objects each took 1.5 s.
    """
    if isinstance(extents, ParagraphExtents):
        first, last = extents.bounds
        return first, array("l", map(add, last, repeat(1)))
    return [e.top for e in extents], [e.bottom for e in extents]


def build_linemap(
    pairs: Sequence[Pair],
    a_extents: Sequence[Extent],
    b_extents: Sequence[Extent],
    a_total: float,
    b_total: float,
) -> LineMap:
    """Anchor the tops and bottoms of every pair present on both sides.

    Moved pairs are skipped (their A paragraph stands elsewhere, so they would
    fold the map back on itself), and so is any pair that would run backwards
    on one side; insertions and deletions need no anchor: the interpolation
    between their neighbours squeezes them into the gap on the other side.

    Args:
        pairs: the comparison's pairs in reading order.
        a_extents: where each paragraph of A sits, by paragraph index.
        b_extents: the same for B.
        a_total: the height of the whole of A (same unit as the extents).
        b_total: the height of the whole of B.
    """
    a_pts = array("d", [0.0])
    b_pts = array("d", [0.0])
    tops_a, bottoms_a = _tops_and_bottoms(a_extents)
    tops_b, bottoms_b = _tops_and_bottoms(b_extents)
    add_a, add_b = a_pts.append, b_pts.append  # ``extend`` with a tuple costs 1.7 us a call
    at_a = at_b = 0.0  # the last anchor on each side
    for pair in pairs:
        a, b = pair.a, pair.b
        if not a or not b or pair.kind is PairKind.MOVED:
            continue
        top_a, top_b = tops_a[a[0]], tops_b[b[0]]
        if top_a < at_a or top_b < at_b:
            continue
        at_a, at_b = bottoms_a[a[-1]], bottoms_b[b[-1]]
        add_a(top_a)
        add_a(at_a)
        add_b(top_b)
        add_b(at_b)
    a_pts.append(max(a_total, a_pts[-1]))
    b_pts.append(max(b_total, b_pts[-1]))
    return LineMap(a_pts, b_pts)


def pair_extent(
    linemap: LineMap, pair: Pair, side: Side, extents: Sequence[Extent], other: Sequence[Extent]
) -> Extent:
    """Where a pair sits on ``side``; an empty extent at the matching gap if it has no paragraph.

    Args:
        linemap: the map built from the same extents.
        pair: the pair to locate.
        side: the pane asked about.
        extents: the paragraph extents of ``side``.
        other: the paragraph extents of the other side.
    """
    own = _extent_of(extents, pair.indices(side))
    if own is not None:
        return own
    theirs = _extent_of(other, pair.indices(side.other))
    if theirs is None:
        return Extent(0.0, 0.0)
    y = linemap.map(theirs.top, side.other)
    return Extent(y, y)


def sync_point(value: float, page: float, maximum: float) -> float:
    """The fraction of the viewport height at which two panes are held level.

    The middle of the viewport, except within half a page of either end, where it
    slides to the top (bottom) edge so both panes reach their ends together;
    otherwise a short document could never show its last lines in sync.
    """
    if page <= 0 or maximum <= 0:
        return 0.0
    ramp = min(page / 2, maximum / 2)
    if value < ramp:
        return 0.5 * max(value, 0.0) / ramp
    if maximum - value < ramp:
        return 1.0 - 0.5 * max(maximum - value, 0.0) / ramp
    return 0.5


def fraction(y: float, total: float) -> float:
    """A position as a fraction ``[0, 1]`` of the whole document, for the overview map."""
    if total <= 0:
        return 0.0
    return min(max(y / total, 0.0), 1.0)


class ExtentIndex:
    """Finds the extents that overlap a range, without visiting all of them.

    Extents sorted by top, with the running maximum of their bottoms: both are
    non-decreasing, so two bisections bound the candidates. Moves make the
    extents of one side out of order, hence the sort.
    """

    __slots__ = ("_extents", "_max_bottom", "_order", "_tops")

    def __init__(self, extents: Sequence[Extent]) -> None:
        self._extents = extents
        self._order = array("l", sorted(range(len(extents)), key=lambda i: extents[i].top))
        self._tops = array("d", (extents[i].top for i in self._order))
        self._max_bottom = array("d", accumulate((extents[i].bottom for i in self._order), max))

    def overlapping(self, lo: float, hi: float) -> list[int]:
        """Indices of the extents touching ``[lo, hi]``, empty ones included, in index order."""
        first = bisect_left(self._max_bottom, lo)
        last = bisect_right(self._tops, hi)
        found = []
        for k in range(first, last):
            i = self._order[k]
            if self._extents[i].bottom >= lo:
                found.append(i)
        return sorted(found)


@dataclass(frozen=True, slots=True)
class BlockTable:
    """One side's text as displayed: its blocks and where each paragraph sits in them.

    ``soft_breaks`` are the offsets (into the source text) where a long line was cut
    for display; ``text`` has a newline inserted at each. Every array is compact
    (``array``), since a 10 MB file has hundreds of thousands of blocks.
    """

    #: the side's text itself (not a copy: see ``text``)
    source: str
    soft_breaks: array[int]
    #: first and last block of every paragraph, by paragraph index
    para_first: array[int]
    para_last: array[int]
    #: characters per block, for the overview's estimate of wrapped heights
    block_lengths: array[int]
    #: blocks that continue a cut line (the gutter numbers source lines, not blocks)
    continuations: array[int]
    #: the display text made ahead (``prepare_text``) until a pane takes it
    _made: list[str] = field(default_factory=list, compare=False, repr=False)

    @property
    def text(self) -> str:
        """The text as displayed: a newline at every soft break.

        Made when asked, not kept: with long lines it is a copy of the whole
        text (12 MB for a 3 MB paragraph pair, two bytes a character), which the
        panes need only while they fill.
        """
        if not self.soft_breaks:
            return self.source
        bounds = [0, *self.soft_breaks, len(self.source)]
        return "\n".join(self.source[a:b] for a, b in pairwise(bounds))

    def prepare_text(self) -> None:
        """Make ``text`` now (in a worker), for the next ``take_text``."""
        if self.soft_breaks and not self._made:
            self._made.append(self.text)

    def take_text(self) -> str:
        """``text``, the one made ahead if there is one: it is not kept after this."""
        return self._made.pop() if self._made else self.text

    @property
    def block_count(self) -> int:
        return len(self.block_lengths)

    def display_offset(self, offset: int) -> int:
        """A source offset in ``text`` (each soft break before it adds one)."""
        return offset + bisect_right(self.soft_breaks, offset) if self.soft_breaks else offset

    def source_line(self, block: int) -> int | None:
        """The 0-based source line a block starts, or None for a continuation block."""
        cont = self.continuations
        if not cont:
            return block
        i = bisect_left(cont, block)
        return None if i < len(cont) and cont[i] == block else block - i

    def paragraphs_in(self, first_block: int, last_block: int) -> range:
        """The paragraphs that have a block in ``[first_block, last_block]``."""
        lo = bisect_left(self.para_last, first_block)
        return range(lo, bisect_right(self.para_first, last_block))


class ParagraphExtents(Sequence[Extent]):
    """Where each paragraph of a side sits, ``Extent(first, last + 1)``, read off a table.

    Why not a list of ``Extent``: that is an object and two ints per paragraph,
    about 115 bytes, kept for as long as the result is shown; for a pair of
    28,000-line source files it was 6.6 MB, a sixth of what the window added for
    them. The table's arrays already hold the numbers.
    """

    __slots__ = ("_first", "_last")

    def __init__(self, table: BlockTable) -> None:
        self._first, self._last = table.para_first, table.para_last

    def __len__(self) -> int:
        return len(self._first)

    @property
    def bounds(self) -> tuple[array[int], array[int]]:
        """Each paragraph's first and last block: an extent is ``(first, last + 1)``."""
        return self._first, self._last

    @overload
    def __getitem__(self, index: int) -> Extent: ...

    @overload
    def __getitem__(self, index: slice) -> list[Extent]: ...

    def __getitem__(self, index: int | slice) -> Extent | list[Extent]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return Extent(self._first[index], self._last[index] + 1)

    def __iter__(self) -> Iterator[Extent]:
        return map(Extent, self._first, (last + 1 for last in self._last))

    def covering(self, first: int, last: int) -> Extent:
        """The extent from paragraph ``first``'s top to paragraph ``last``'s bottom.

        One ``Extent`` made instead of three: the line map asks this of every pair.
        """
        return Extent(self._first[first], self._last[last] + 1)


def hard_breaks(text: str) -> array[int]:
    """Offsets of the characters that end a block: ``\\n`` and U+2029.

    Read in C a piece at a time (no Python step per line, no long hold of the
    GIL): as fast as ``str.find`` in a loop on prose, and 15 % faster on a log
    of 250,000 lines.
    """
    # A literal newline is found 2.5x faster than a character class.
    # Without U+2029 they are the newlines, which the text's lines were cut at already.
    return break_offsets(text, _BLOCK_BREAK) if "\u2029" in text else newline_offsets(text)


def soft_breaks(
    text: str, hard: Sequence[int], long_line: int = LONG_LINE, piece: int = PIECE
) -> list[int]:
    """Where to cut lines longer than ``long_line`` into pieces of about ``piece`` characters.

    A cut goes just after the last space of the piece's final tenth, so prose
    keeps whole words; code without spaces is cut hard.

    Args:
        text: the source text.
        hard: its ``hard_breaks``.
        long_line: lines longer than this are cut.
        piece: the length of a piece.
    """
    cuts: list[int] = []
    start = 0
    for end in (*hard, len(text)):
        pos = start
        while end - start > long_line and end - pos > piece:
            hard_cut = pos + piece
            space = text.rfind(" ", hard_cut - piece // 10, hard_cut)
            pos = space + 1 if space > pos else hard_cut
            cuts.append(pos)
        start = end + 1
    return cuts


def block_table(
    text: str, segments: Sequence[Span], long_line: int = LONG_LINE, piece: int = PIECE
) -> BlockTable:
    """Cut ``text`` into display blocks and place every paragraph in them.

    Computed from the text rather than asked of Qt per paragraph (50,000
    ``findBlock`` calls cost a second): a block ends at every ``\\n``, at U+2029
    (which ``QTextDocument`` also treats as a paragraph separator) and at every
    soft break.
    """
    hard = hard_breaks(text)
    soft = soft_breaks(text, hard, long_line, piece)
    # A block starts after every hard break and at every soft one.
    starts: Sequence[int]
    ends: Sequence[int]
    if soft:
        starts = sorted([0, *(h + 1 for h in hard), *soft])
        soft_set = set(soft)
        ends = [s if s in soft_set else s - 1 for s in starts[1:]] + [len(text)]
    else:  # every step in C: a log has a block a line, 250,000 of them
        starts = array("q", [0])
        starts.extend(map(add, hard, repeat(1)))
        ends = array("q", hard)
        ends.append(len(text))
    lengths = array("l", map(sub, ends, starts))
    first, last = _paragraph_blocks(segments, starts, ends)
    continuations = array("l", (bisect_right(starts, s) - 1 for s in soft))
    return BlockTable(text, array("l", soft), first, last, lengths, continuations)


def _paragraph_blocks(
    segments: Sequence[Span], starts: Sequence[int], ends: Sequence[int]
) -> tuple[array[int], array[int]]:
    """Each paragraph's first and last block, given the blocks' starts and ends."""
    count = len(segments)
    if (
        isinstance(segments, Segments)
        and isinstance(starts, array)
        and count <= len(starts)
        and segments.starts == starts[:count]
        and segments.ends == ends[:count]
    ):
        # Lines as the units, none cut: paragraph n is block n (a log has 250,000).
        return array("l", range(count)), array("l", range(count))
    first, last = array("l"), array("l")
    for seg_start, seg_end in span_bounds(segments):
        first.append(bisect_right(starts, seg_start) - 1)
        last.append(bisect_right(starts, max(seg_start, seg_end - 1)) - 1)
    return first, last


#: Blocks ``LineEstimate.advance`` estimates in one call: some 6 ms of a 250,000-line log.
ESTIMATE_SLICE = 1 << 15


def estimated_lines(lengths: Sequence[int], chars_per_line: int) -> array[int]:
    """Cumulative visual lines per block if each wraps every ``chars_per_line`` characters.

    The overview map scales by this: exact heights would mean laying out every
    block, and an estimate that never changes while scrolling keeps the marks still.
    ``out[i]`` is the first line of block ``i``; ``out[-1]`` the total.
    """
    return LineEstimate(lengths, chars_per_line).lines()


class LineEstimate:
    """``estimated_lines`` made a slice of blocks at a time.

    Why: it runs on the UI thread, and a 250,000-line log's took 45-65 ms in one
    event-loop turn, the longest stall of showing that comparison. A slice of
    ``ESTIMATE_SLICE`` blocks takes a few milliseconds.
    """

    def __init__(self, lengths: Sequence[int], chars_per_line: int) -> None:
        self._lengths = lengths
        self._cpl = chars_per_line
        self._out = array("l", [0])
        #: max(1, ceil(n / cpl)) per distinct length n (a few hundred): looked up
        #: in C, where a Python expression per block took twice as long
        self._heights: dict[int, int] = {}

    @property
    def complete(self) -> bool:
        return len(self._out) > len(self._lengths)

    def advance(self, blocks: int | None = None) -> bool:
        """Estimate up to ``blocks`` (``ESTIMATE_SLICE``) more blocks; True when all are done."""
        done = len(self._out) - 1
        chunk = self._lengths[done : done + max(1, blocks or ESTIMATE_SLICE)]
        if self._cpl <= 0:  # no wrapping: a line a block
            self._out.extend(range(done + 1, done + len(chunk) + 1))
            return self.complete
        heights, cpl = self._heights, self._cpl
        for n in set(chunk).difference(heights):
            heights[n] = max(1, -(-n // cpl))
        running = accumulate(map(heights.__getitem__, chunk), initial=self._out[-1])
        next(running)  # the initial value, already there
        self._out.extend(running)
        return self.complete

    def lines(self) -> array[int]:
        """The whole estimate (``estimated_lines``), finishing it here if need be."""
        while not self.advance(len(self._lengths)):
            pass
        return self._out


def position_at_fraction(cumulative: Sequence[int], fraction: float) -> float:
    """The block position at ``fraction`` of the estimated lines (``estimated_lines`` output)."""
    total = cumulative[-1] if cumulative else 0
    if total <= 0:
        return 0.0
    line = min(max(fraction, 0.0), 1.0) * total
    n = min(max(bisect_right(cumulative, line) - 1, 0), len(cumulative) - 2)
    span = cumulative[n + 1] - cumulative[n]
    return n + ((line - cumulative[n]) / span if span > 0 else 0.0)


def fraction_of_position(cumulative: Sequence[int], pos: float) -> float:
    """Where a block position is, as a fraction of the total (``position_at_fraction`` inverse)."""
    total = cumulative[-1] if cumulative else 0
    if total <= 0:
        return 0.0
    n = min(max(int(pos), 0), len(cumulative) - 2)
    line = cumulative[n] + min(max(pos - n, 0.0), 1.0) * (cumulative[n + 1] - cumulative[n])
    return min(max(line / total, 0.0), 1.0)


def overview_rows(
    cumulative: Sequence[int],
    extents: Sequence[Extent],
    kinds: Sequence[K],
    height: float,
    rows: list[tuple[float, float, K]] | None = None,
) -> list[tuple[float, float, K]]:
    """The strip rows ``(top, bottom, kind)`` of changes in a strip ``height`` pixels tall.

    ``fraction_of_position`` for each end of each extent, inlined because a
    reworded document has thousands of changes and the strip is redrawn on every
    resize; rows at least two pixels tall, and a row of the same kind that
    touches the previous one extends it, so a run of changes (which share a few
    hundred pixel rows) becomes one rectangle.

    Args:
        rows: the rows of the extents before these, to go on from (extended in
            place): a log's 25,000 changes take their rows a slice at a time.
    """
    rows = [] if rows is None else rows
    total = cumulative[-1] if cumulative else 0
    if total <= 0 or height <= 0:
        return rows
    scale = height / total
    last = len(cumulative) - 2

    def y(pos: float) -> float:
        n = int(pos)
        n = 0 if n < 0 else last if n > last else n
        share = pos - n
        share = 0.0 if share < 0.0 else 1.0 if share > 1.0 else share
        return (cumulative[n] + share * (cumulative[n + 1] - cumulative[n])) * scale

    for extent, kind in zip(extents, kinds, strict=False):
        top, bottom = y(extent.top), y(extent.bottom)
        if bottom - top < 2.0:
            top, bottom = top - 1.0, top + 1.0
        if rows:
            prev_top, prev_bottom, prev_kind = rows[-1]
            if prev_kind == kind and prev_top <= top <= prev_bottom + 0.5:
                rows[-1] = (prev_top, max(prev_bottom, bottom), kind)
                continue
        rows.append((top, bottom, kind))
    return rows
