# SPDX-License-Identifier: GPL-3.0-or-later
"""Keeps the two panes level by the alignment, not by proportion.

Paragraph extents are block positions taken from the text (``engine.display_blocks``),
so the ``LineMap`` is built once per result and never by laying out the
document. When one pane scrolls, the block position at its sync point is
mapped to the other side and the other pane is scrolled to put that position
at the same height; only the blocks on screen are ever measured. A re-entrancy
guard drops the echo: setting the other pane's scroll bar fires its own
``valueChanged``, which must not sync back (Meld ``filediff.py:70`` ``_sync_vscroll_lock``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal

from twofold.engine.result.model import Pair, Side
from twofold.engine.view.extents import Extent, ExtentIndex
from twofold.engine.view.overview_estimate import position_at_fraction
from twofold.engine.view.scroll_sync import LineMap, pair_extent, sync_point
from twofold.engine.view.view_geometry import SyncGeometry
from twofold.ui.panes.diff_pane import DiffPane


class PaneSync(QObject):
    """Owns the pane geometry and the scroll link between the panes.

    Signals:
        geometry_changed: extents or the panes' estimated heights changed (repaint maps).
        scrolled: either pane scrolled (after the other followed).
    """

    geometry_changed = Signal()
    scrolled = Signal()

    def __init__(self, left: DiffPane, right: DiffPane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panes = {Side.A: left, Side.B: right}
        self._pairs: tuple[Pair, ...] = ()
        self._changes: tuple[Pair, ...] = ()
        self._extents: dict[Side, Sequence[Extent]] = {Side.A: [], Side.B: []}
        self._change_extents: dict[Side, list[Extent]] = {Side.A: [], Side.B: []}
        self._index: dict[Side, ExtentIndex] = {s: ExtentIndex([]) for s in Side}
        self._signature: object = None
        self._linemap = LineMap((0.0,), (0.0,))
        self._syncing = False
        for side, pane in self._panes.items():
            pane.layout_changed.connect(self.on_pane_layout_changed)
            pane.verticalScrollBar().valueChanged.connect(
                lambda _value, s=side: self.on_pane_scrolled(s)
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
        else:
            self._extents, self._linemap = geometry.extents, geometry.linemap
            self._change_extents, self._index = geometry.change_extents, geometry.index
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

    def on_pane_layout_changed(self) -> None:
        """Wrap, zoom or width changed: estimated heights moved; re-level the panes."""
        signature = tuple(pane.layout_signature() for pane in self._panes.values())
        if signature != self._signature:
            self._signature = signature
            self.geometry_changed.emit()
            self.on_pane_scrolled(Side.A)

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
        """Hold the other pane level at the sync point (the middle, or an edge near the ends)."""
        if self._syncing:
            return
        source, target = self._panes[side], self._panes[side.other]
        bar = source.verticalScrollBar()
        at = sync_point(bar.value(), bar.pageStep(), bar.maximum())
        mapped = self._linemap.map(source.pos_at(at), side)
        self._syncing = True
        try:
            target.scroll_to_pos(mapped, at)
        finally:
            self._syncing = False
        self.scrolled.emit()

    def scroll_to_pair(self, pair: Pair) -> None:
        """Bring a pair into view in both panes, a little below the top edge."""
        with self.suspended():
            for side, pane in self._panes.items():
                ext = self.block_extent(pair, side)
                page = max(1, pane.page_lines())
                height = pane.line_of(ext.bottom) - pane.line_of(ext.top)
                lead = min(page * 0.25, max(0.0, (page - height) / 2))
                pane.scroll_to_pos(ext.top, lead / page)

    def scroll_to_fraction(self, side: Side, fraction: float) -> None:
        """Centre the place at ``fraction`` of one pane's estimated height; the other follows."""
        pane = self._panes[side]
        self._syncing = True
        try:
            pane.scroll_to_pos(position_at_fraction(pane.estimated_lines(), fraction), 0.5)
        finally:
            self._syncing = False
        self.on_pane_scrolled(side)
