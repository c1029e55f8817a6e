# SPDX-License-Identifier: GPL-3.0-or-later
"""The anchors of the two panes: where each matched pair starts and ends on each side.

Purpose: the tops of the pairs present on both sides are where the panes are
held level (``level_groups`` pads the stretches between them, so scrolling is a
straight mapping); a pair missing from one side is placed in the other's gap.

Constraints: pure functions over plain numbers, no Qt; everything here is
testable without a display. Between anchors the map is piecewise linear (Meld's
``FileDiff._sync_vscroll`` interpolates inside a chunk the same way), which
only places gaps now. Positions are blocks (``display_blocks``) plus a fraction.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import add

from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.model import Pair
from twofold.engine.view.extents import Extent, ParagraphExtents


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

    A log has a pair a line: building an ``Extent`` object per pair was a long
    stall (``bench/gui_bench.py --only log``).
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
    add_a, add_b = a_pts.append, b_pts.append  # ``extend`` with a tuple costs more a call
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
