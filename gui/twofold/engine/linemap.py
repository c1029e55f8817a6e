# SPDX-License-Identifier: GPL-3.0-or-later
"""Pane-to-pane geometry: which position in one pane matches a position in the other.

Purpose: keep a paragraph and its counterpart level while either pane scrolls,
whatever their heights (wrapping makes a 500-character paragraph 6 lines on one
side and 8 on the other), and give the overview map its fractions.

Constraints: pure functions over plain numbers, no Qt. The UI measures where
each paragraph sits (in any monotonic unit: visual lines or pixels) and hands
the extents in; everything here is testable without a display. The mapping is
piecewise linear between *anchors*, the tops and bottoms of matched pairs,
the way Meld's ``FileDiff._sync_vscroll`` interpolates inside a chunk.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from twofold.engine.model import Pair, PairKind, Side


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

    a: tuple[float, ...]
    b: tuple[float, ...]

    def __post_init__(self) -> None:
        if len(self.a) != len(self.b) or not self.a:
            raise ValueError("a line map needs the same, non-zero number of anchors per side")

    def anchors(self, side: Side) -> tuple[float, ...]:
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
    return Extent(extents[indices[0]].top, extents[indices[-1]].bottom)


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
    a_pts: list[float] = [0.0]
    b_pts: list[float] = [0.0]
    for pair in pairs:
        if pair.kind is PairKind.MOVED or not pair.a or not pair.b:
            continue
        ea, eb = _extent_of(a_extents, pair.a), _extent_of(b_extents, pair.b)
        if ea is None or eb is None or ea.top < a_pts[-1] or eb.top < b_pts[-1]:
            continue
        a_pts += [ea.top, ea.bottom]
        b_pts += [eb.top, eb.bottom]
    a_pts.append(max(a_total, a_pts[-1]))
    b_pts.append(max(b_total, b_pts[-1]))
    return LineMap(tuple(a_pts), tuple(b_pts))


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


def sync_scroll(
    linemap: LineMap,
    source: Side,
    value: float,
    page: float,
    maximum: float,
    target_page: float,
    target_maximum: float,
) -> float:
    """The scroll value of the other pane that keeps it level with ``source``.

    Args:
        linemap: the anchors of both panes, in scroll units.
        source: the pane the user scrolled.
        value: its scroll value (the position of its top edge).
        page: its viewport height.
        maximum: its largest scroll value.
        target_page: the other pane's viewport height.
        target_maximum: the other pane's largest scroll value.
    """
    frac = sync_point(value, page, maximum)
    mapped = linemap.map(value + frac * page, source)
    target = mapped - frac * target_page
    return min(max(target, 0.0), max(target_maximum, 0.0))


def fraction(y: float, total: float) -> float:
    """A position as a fraction ``[0, 1]`` of the whole document, for the overview map."""
    if total <= 0:
        return 0.0
    return min(max(y / total, 0.0), 1.0)
