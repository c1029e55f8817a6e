# SPDX-License-Identifier: GPL-3.0-or-later
"""What to paint: the highlighted ranges of a result, in Qt's UTF-16 positions.

Python offsets count code points; ``QTextDocument`` counts UTF-16 code units
(``engine.utf16``). ``PanePositions`` converts with the map the worker made.

``PaneHighlights`` computes a pane's ranges lazily, per change, only for the
paragraphs the pane shows: a 1 MB pair with every paragraph reworded has tens of
thousands of ranges, and the pane never needs more than a screenful of them.
The big changes' ranges come ready in the worker's ``PreparedView``.

``stand_ins`` finds, in a block on screen, the visible stand-ins the pane put in
place of hidden characters (``engine.invisibles``), and the characters they
stand for: what gets the stand-in style and the tooltip naming the character.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from twofold.engine.pipeline import refine_pair
from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.model import DiffResult, Pair
from twofold.engine.result.spans import Span
from twofold.engine.view.display_blocks import BlockTable
from twofold.engine.view.invisibles import hideable, stand_in
from twofold.engine.view.utf16 import Utf16Map
from twofold.engine.view.view_geometry import pane_spans
from twofold.ui.tuning import DEFAULT_VIEW_TUNING

#: the first unit of every stand-in ``invisibles.stand_in`` makes
_STAND_IN_GLYPH = re.compile("[\u2400-\u2421\u21c6\u2b1a]")


class PanePositions:
    """Source-text offsets to a pane's document positions and back.

    A pane shows its ``BlockTable``'s text: the source with a newline inserted at
    each soft break of a long line, counted by Qt in UTF-16 code units. The
    highlights, find's matches and copy all cross between the two.
    """

    __slots__ = ("_table", "_to16")

    def __init__(self, table: BlockTable, to16: Utf16Map) -> None:
        """``to16`` is the map of ``table.source`` (the worker's ``PreparedView.utf16``)."""
        self._table = table
        self._to16 = to16

    @property
    def table(self) -> BlockTable:
        return self._table

    @property
    def same(self) -> bool:
        """Whether positions are the offsets themselves (no astral character, no cut line)."""
        return not self._to16.astral and not self._table.soft_breaks

    def position(self, offset: int) -> int:
        """The document position of source ``offset``."""
        return self._to16(offset) + self._table.display_offset(offset) - offset

    def offset(self, position: int) -> int:
        """The source offset at document ``position`` (a soft break maps to the offset after it)."""
        to16, soft = self._to16, self._table.soft_breaks
        # The soft break before source offset soft[i] stands at position to16(soft[i]) + i.
        cuts = bisect_left(range(len(soft)), position, key=lambda i: to16(soft[i]) + i)
        return to16.offset_of(position - cuts)

    def ranges(self, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Source ranges (find's matches) as document ranges."""
        if self.same:  # most texts: mapping the many matches of "e" was slow
            return found
        return [(self.position(start), self.position(end)) for start, end in found]

    def source_text(self, start: int, end: int) -> str:
        """The source text between two document positions: without a cut line's soft breaks."""
        return self._table.source[self.offset(start) : self.offset(end)]


@dataclass(frozen=True, slots=True)
class StandIn:
    """A hidden character's stand-in in a pane: document positions and the real character."""

    start: int
    end: int
    char: str


def stand_ins(
    positions: PanePositions, source: str, block_text: str, block_at: int
) -> list[StandIn]:
    """The stand-ins in one block of a pane whose text is ``source``.

    Read off the document, not found again in the source: a glyph is a stand-in
    where the source has a hidden character there that ``stand_in`` turns into
    that glyph (a real "⬚" in the text is itself). So they agree with what
    the fill put in, whatever the context the fill saw.

    Args:
        positions: the pane's offset and position mapping.
        source: the pane's source text.
        block_text: the block's text as the document holds it.
        block_at: the block's first document position.
    """
    found: list[StandIn] = []
    glyphs = list(_STAND_IN_GLYPH.finditer(block_text))
    if not glyphs:
        return found
    to16 = Utf16Map(block_text)
    for glyph in glyphs:
        at = block_at + to16(glyph.start())
        offset = positions.offset(at)
        char = source[offset] if offset < len(source) else ""
        if hideable(char) and stand_in(char)[0] == glyph.group():
            found.append(StandIn(at, at + len(stand_in(char)), char))
    return found


@dataclass(frozen=True, slots=True)
class Highlight:
    """One range to paint in a pane, in UTF-16 positions."""

    start: int
    end: int
    kind: PairKind


class PaneHighlights:
    """The highlights of one pane, computed per change on first sight and kept.

    Positions are the pane's document positions: UTF-16, and shifted past the
    soft breaks its ``BlockTable`` inserted into long lines.
    """

    def __init__(
        self,
        result: DiffResult,
        side: Side,
        positions: PanePositions,
        ready: Mapping[tuple[int, Side], Sequence[Span]],
        refine_limit: int = DEFAULT_VIEW_TUNING.on_screen_refine_chars,
    ) -> None:
        """``ready`` holds the ranges the worker computed (``PreparedView.spans``).

        ``refine_limit``: the largest pair of a coarse result diffed here when it comes
        on screen (``ViewTuning.on_screen_refine_chars``).
        """
        self._result, self._side = result, side
        self._refine_limit = refine_limit
        self._table, self._doc = positions.table, positions.position
        self._ready = ready
        self._changes = result.changes
        self._of_paragraph = array("l", [-1]) * len(result.segments(side))
        for n, pair in enumerate(self._changes):
            for index in pair.indices(side):
                self._of_paragraph[index] = n
        self._cache: dict[int, Sequence[Span]] = {}

    def _spans(self, change: int) -> Sequence[Span]:
        """The change's highlighted ranges in source offsets, sorted (cached)."""
        found = self._cache.get(change)
        if found is None:
            found = self._ready.get((change, self._side))
        if found is None:
            pair = self._changes[change]
            if not self._result.refined and _size(self._result, pair) <= self._refine_limit:
                # A coarse result: diff what comes on screen now, the worker does the rest.
                pair = refine_pair(self._result, pair)
            found = self._cache[change] = pane_spans(self._result, pair, self._side)
        return found

    def in_range(self, first_block: int, last_block: int, start: int, end: int) -> list[Highlight]:
        """Highlights touching document positions ``[start, end)`` of these blocks, in order.

        Only the ranges on screen are converted to document positions, found by
        bisection: a one-line change can have tens of thousands of them
        (``bench/gui_bench.py --only single``).
        """
        out: list[Highlight] = []
        seen = -1
        doc = self._doc
        for para in self._table.paragraphs_in(first_block, last_block):
            change = self._of_paragraph[para]
            if change < 0 or change == seen:
                continue
            seen = change
            spans, kind = self._spans(change), self._changes[change].kind
            lo = bisect_right(spans, start, key=lambda s: doc(s.end))
            hi = bisect_left(spans, end, lo=lo, key=lambda s: doc(s.start))
            out += [Highlight(doc(s.start), doc(s.end), kind) for s in spans[lo:hi]]
        return out


def _size(result: DiffResult, pair: Pair) -> int:
    """The pair's characters on both sides."""
    size = 0
    for side in (Side.A, Side.B):
        span = result.span_of(pair, side)
        size += len(span) if span is not None else 0
    return size


class BlockTints:
    """Which blocks are tinted, and which start their paragraph, by bisection.

    Sorted block ranges of the non-equal paragraphs instead of a per-block table:
    a 10 MB file has hundreds of thousands of blocks and the painter asks about
    a screenful.
    """

    __slots__ = ("_firsts", "_kinds", "_lasts")

    def __init__(self, table: BlockTable, tints: Sequence[tuple[int, PairKind]]) -> None:
        spans = sorted((table.para_first[i], table.para_last[i], kind) for i, kind in tints)
        self._firsts = [s[0] for s in spans]
        self._lasts = [s[1] for s in spans]
        self._kinds = [s[2] for s in spans]

    def at(self, block: int) -> tuple[PairKind, bool] | None:
        """The tint of a block and whether the block starts its paragraph."""
        i = bisect_right(self._firsts, block) - 1
        if i < 0 or block > self._lasts[i]:
            return None
        return self._kinds[i], self._firsts[i] == block
