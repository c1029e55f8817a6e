# SPDX-License-Identifier: GPL-3.0-or-later
"""Keeps the two panes level by the alignment, not by proportion.

Paragraph extents are block positions taken from the text (``engine.display_blocks``),
so they are found without laying out the document. The panes pad the shorter
side of every group of pairs (``level_layout``), so a place is the same group
and pixel offset in both: when one pane scrolls, its top edge's coordinate is
copied to the other (``level_scroll``), and every pair on screen is level, not
only one at a sync line; only the blocks on screen and the group at the top
are measured. A re-entrancy guard drops the echo: setting the other pane's
scroll bar fires its own ``valueChanged``, which must not sync back (Meld
``filediff.py:70`` ``_sync_vscroll_lock``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal

from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.model import Pair
from twofold.engine.tuning import DEFAULT_GEOMETRY_TUNING
from twofold.engine.view.extents import Extent, ExtentIndex
from twofold.engine.view.level_estimate import LevelEstimate
from twofold.engine.view.overview_estimate import position_at_fraction
from twofold.engine.view.scroll_sync import LineMap, pair_extent
from twofold.engine.view.view_geometry import SyncGeometry
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.panes.level_layout import Leveller
from twofold.ui.panes.level_scroll import (
    Coordinate,
    back_by,
    block_coordinate,
    scroll_to_coordinate,
    set_shift,
    top_coordinate,
)

#: where a change is brought when navigating: its top this far down the pane
READING_AT = 1 / 3


class PaneSync(QObject):
    """Owns the pane geometry and the scroll link between the panes.

    Signals:
        geometry_changed: extents or the panes' estimated heights changed (repaint maps).
        scrolled: either pane scrolled (after the other followed).
    """

    geometry_changed = Signal()
    scrolled = Signal()

    def __init__(
        self,
        left: DiffPane,
        right: DiffPane,
        leveller: Leveller,
        parent: QObject | None = None,
        *,
        slice_groups: int = DEFAULT_GEOMETRY_TUNING.estimate_slice_blocks,
    ) -> None:
        super().__init__(parent)
        self._panes = {Side.A: left, Side.B: right}
        self._leveller = leveller
        #: groups a levelled estimate may have to be finished in one go outside the slices
        self._slice_groups = slice_groups
        self._pairs: tuple[Pair, ...] = ()
        self._changes: tuple[Pair, ...] = ()
        self._extents: dict[Side, Sequence[Extent]] = {Side.A: [], Side.B: []}
        self._change_extents: dict[Side, list[Extent]] = {Side.A: [], Side.B: []}
        self._index: dict[Side, ExtentIndex] = {s: ExtentIndex([]) for s in Side}
        self._signature: object = None
        self._linemap = LineMap((0.0,), (0.0,))
        self._syncing = False
        self._estimate: LevelEstimate | None = None  # the overview's scale, padding counted
        for side, pane in self._panes.items():
            pane.layout_changed.connect(self.on_pane_layout_changed)
            pane.verticalScrollBar().valueChanged.connect(
                lambda _value, s=side: self.on_pane_scrolled(s)
            )
            pane.horizontalScrollBar().valueChanged.connect(
                lambda value, s=side: self.on_pane_scrolled_sideways(s, value)
            )

    # ----- state ---------------------------------------------------------------------------

    def set_pairs(
        self, pairs: Sequence[Pair], changes: Sequence[Pair], geometry: SyncGeometry | None
    ) -> None:
        """Adopt a result's pairs and the geometry the worker made of them.

        The panes must already hold the result's text (their block tables).
        ``geometry`` is None when the pairs and the text are out of step (a
        hand-made result): then nothing is placed and the panes scroll alone.
        """
        self._pairs = tuple(pairs)
        self._changes = tuple(changes)
        if geometry is None:
            self._extents = {Side.A: [], Side.B: []}
            self._linemap = LineMap((0.0,), (0.0,))
            self._change_extents = {Side.A: [], Side.B: []}
            self._index = {side: ExtentIndex([]) for side in Side}
            self._leveller.set_groups(None)
        else:
            self._extents, self._linemap = geometry.extents, geometry.linemap
            self._change_extents, self._index = geometry.change_extents, geometry.index
            self._leveller.set_groups(geometry.groups)
        self._signature = tuple(pane.layout_signature() for pane in self._panes.values())
        self.geometry_changed.emit()
        self.on_pane_scrolled(Side.A)

    def replace_pairs(self, pairs: Sequence[Pair], changes: Sequence[Pair]) -> None:
        """Adopt refined pairs laid out like the current ones: nothing moves, no rebuild."""
        self._pairs = tuple(pairs)
        self._changes = tuple(changes)

    @property
    def changes(self) -> tuple[Pair, ...]:
        return self._changes

    def change_extents(self, side: Side) -> list[Extent]:
        """``block_extent`` of every change, in the order of ``changes``."""
        return self._change_extents[side]

    def changes_between(self, side: Side, lo: float, hi: float) -> list[int]:
        """Indices of the changes whose ``side`` extent touches block positions ``[lo, hi]``."""
        return self._index[side].overlapping(lo, hi)

    @property
    def linemap(self) -> LineMap:
        return self._linemap

    def pane(self, side: Side) -> DiffPane:
        return self._panes[side]

    def extents(self, side: Side) -> Sequence[Extent]:
        return self._extents[side]

    def total(self, side: Side) -> float:
        """The height of one side in block positions."""
        return float(self._panes[side].table.block_count)

    def block_extent(self, pair: Pair, side: Side) -> Extent:
        """Where ``pair`` sits on ``side`` in block positions (empty at its gap if absent)."""
        if not self._extents[side] and not self._extents[side.other]:
            return Extent(0.0, 0.0)
        return pair_extent(
            self._linemap, pair, side, self._extents[side], self._extents[side.other]
        )

    def extent_of(self, pair: Pair, side: Side) -> Extent:
        """Where ``pair`` sits in the scroll bar's unit (visual lines, as far as laid out)."""
        ext = self.block_extent(pair, side)
        pane = self._panes[side]
        top = pane.line_of(ext.top)
        return Extent(top, max(top, pane.line_of(ext.bottom)))

    def level_lines(self, side: Side) -> Sequence[int]:
        """Estimated lines per block of ``side`` with the levelling padding (the overview's).

        Where a change is on the overview strip is then where it is in the
        levelled panes; without groups, or until the overview's slices have
        levelled the estimate (``advance_estimate``), the pane's own estimate. Asked
        here (a paint of the strip's frame), it is finished only when it is one
        slice in all: finishing a log's from a paint held the UI thread for all of
        its groups at once after every wrap or zoom (``bench/gui_actions.py``, Alt+Z).
        """
        estimate = self._level_estimate()
        if estimate is not None and (estimate.complete or self._finish_small(estimate)):
            return estimate.lines(side)
        return self._panes[side].estimated_lines()

    def _finish_small(self, estimate: LevelEstimate) -> bool:
        """Finish ``estimate`` when it is a slice in all; True when it is complete."""
        return estimate.groups_count <= self._slice_groups and estimate.advance(self._slice_groups)

    def advance_estimate(self, blocks: int) -> bool:
        """Estimate a slice more of ``level_lines`` (blocks, or groups); True while some remains."""
        if any(pane.advance_estimate() for pane in self._panes.values()):
            return True
        estimate = self._level_estimate()
        return estimate is not None and not estimate.advance(blocks)

    def _level_estimate(self) -> LevelEstimate | None:
        groups = self._leveller.groups
        if groups is None:
            return None
        a, b = (self._panes[side].estimated_lines() for side in Side)
        if len(a) != groups.a_blocks + 1 or len(b) != groups.b_blocks + 1:
            return None  # the text and the groups are out of step: no padding to count
        if self._estimate is None or not self._estimate.is_for(groups, a, b):
            self._estimate = LevelEstimate(groups, a, b)
        return self._estimate

    def on_pane_layout_changed(self) -> None:
        """Wrap, zoom or width changed: estimated heights moved; re-level the panes."""
        signature = tuple(pane.layout_signature() for pane in self._panes.values())
        if signature != self._signature:
            self._signature = signature
            self.geometry_changed.emit()
            left = self._panes[Side.A]
            if self._leveller.groups is None or left.verticalScrollBar().value() == 0:
                self.on_pane_scrolled(Side.A)
            else:  # the left pane's top line stayed: the right one comes level with it
                self._level_at(top_coordinate(left, Side.A, self._leveller))

    # ----- scrolling -----------------------------------------------------------------------

    @contextmanager
    def suspended(self) -> Iterator[None]:
        """Scroll panes independently inside this block (e.g. jump both to a change)."""
        previous, self._syncing = self._syncing, True
        try:
            yield
        finally:
            self._syncing = previous
        self.scrolled.emit()

    def on_pane_scrolled(self, side: Side) -> None:
        """Put the other pane's top edge at the same level coordinate (at the ends: its ends)."""
        if self._syncing:
            return
        source, target = self._panes[side], self._panes[side.other]
        bar, other = source.verticalScrollBar(), target.verticalScrollBar()
        self._syncing = True
        try:
            set_shift(source, 0)  # the pane scrolled stands where one of its lines begins
            if self._leveller.groups is None or bar.value() in (0, bar.maximum()):
                set_shift(target, 0)
                other.setValue(other.maximum() if bar.value() and bar.maximum() else 0)
            else:
                where = top_coordinate(source, side, self._leveller)
                scroll_to_coordinate(
                    target, side.other, self._leveller, where, nearest=False, exact=True
                )
        finally:
            self._syncing = False
        self.scrolled.emit()

    def on_pane_scrolled_sideways(self, side: Side, value: int) -> None:
        """Without wrapping, scroll the other pane sideways by as much (Meld does the same)."""
        if self._syncing:
            return
        self._syncing = True
        try:
            self._panes[side.other].horizontalScrollBar().setValue(value)
        finally:
            self._syncing = False

    def scroll_to_pair(self, pair: Pair) -> None:
        """Bring a pair to the reading position in both panes, level: its top a third down.

        A pair too tall for the rest of the pane starts higher, so more of it
        shows. Both panes go to a place where each can stop (a line begins in
        both). A moved pair is shown where it stands on each side instead: the
        panes part until the next scroll brings them level again.
        """
        if self._leveller.groups is None:
            return
        if pair.kind is PairKind.MOVED:
            with self.suspended():
                for side, pane in self._panes.items():
                    where = back_by(
                        self._leveller, self._pair_top(pair, side), self._lead(pair, side)
                    )
                    scroll_to_coordinate(pane, side, self._leveller, where, nearest=False)
            return
        side = Side.B if pair.b else Side.A
        wanted = back_by(self._leveller, self._pair_top(pair, side), self._lead(pair, side))
        landed = self._level_at(wanted)
        if landed != wanted:  # the blocks met on the way are laid out now: the ranges grew
            landed = self._level_at(wanted)
        group, offset = wanted
        # Only a group ending within that distance matters: a taller one is not laid out.
        height = self._leveller.level_height(group, limit=2 * offset - landed[1])
        if landed[0] == group and height is not None and height - offset < offset - landed[1]:
            self._level_at((group + 1, 0.0))  # the next group's top is nearer the place wanted

    def _pair_top(self, pair: Pair, side: Side) -> Coordinate:
        pane = self._panes[side]
        top = min(int(self.block_extent(pair, side).top), pane.blockCount() - 1)
        return block_coordinate(pane, side, self._leveller, top)

    def _lead(self, pair: Pair, side: Side) -> float:
        """How far below the top edge ``pair`` should start on ``side``."""
        pane = self._panes[side]
        ext = self.block_extent(pair, side)
        page = float(pane.viewport().height())
        height = pane.y_of(ext.bottom) - pane.y_of(ext.top) if pair.indices(side) else 0.0
        return min(page * READING_AT, max(pane.line_height(), page - height))

    def _level_at(self, where: Coordinate) -> Coordinate:
        """Put both panes' top edges at ``where``, or the nearest place where both can be.

        A pane stops only where one of its lines begins; with lines of one
        height a place where both begin a line is found at once, else in a few
        rounds. Failing that, the right pane is shifted to where the left one stopped.

        Returns:
            Where the top edges went.
        """
        with self.suspended():
            for _ in range(4):
                self._leveller.flush()  # the ranges with the padding met so far
                landed = [
                    scroll_to_coordinate(p, s, self._leveller, where, nearest=False)
                    for s, p in self._panes.items()
                ]
                if landed[0] == landed[1]:
                    return where
                # Above, where both may stop; if that is where it was, below (a pane
                # padded on top cannot stop at its first line).
                where = min(landed) if min(landed) != where else max(landed)
            self._leveller.flush()
            left, right = self._panes[Side.A], self._panes[Side.B]
            where = scroll_to_coordinate(left, Side.A, self._leveller, where, nearest=False)
            scroll_to_coordinate(right, Side.B, self._leveller, where, nearest=False, exact=True)
        return where

    def reading_position(self, side: Side, lines_above: float = 0.0) -> float:
        """The block position at the reading position of ``side``'s pane (or lines above it)."""
        pane = self._panes[side]
        height = max(1, pane.viewport().height())
        return pane.pos_at(max(0.0, READING_AT - lines_above * pane.line_height() / height))

    def scroll_to_fraction(self, side: Side, fraction: float) -> None:
        """Centre the place at ``fraction`` of one pane's estimated height; the other follows."""
        pane = self._panes[side]
        self._syncing = True
        try:
            pane.scroll_to_pos(position_at_fraction(self.level_lines(side), fraction), 0.5)
        finally:
            self._syncing = False
        self.on_pane_scrolled(side)
