# SPDX-License-Identifier: GPL-3.0-or-later
"""Keeps the two panes level by the alignment, not by proportion.

Measures where every paragraph sits in each pane (visual lines, so wrapping is
accounted for), builds an ``engine.linemap.LineMap`` from the pairs, and when
one pane scrolls sets the other to the mapped position. A re-entrancy guard
drops the echo: setting the other pane's scroll bar fires its own
``valueChanged``, which must not sync back (Meld ``filediff.py:70`` ``_sync_vscroll_lock``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QObject, Signal

from twofold.engine.linemap import Extent, LineMap, build_linemap, pair_extent, sync_scroll
from twofold.engine.model import Pair, Side
from twofold.ui.diff_pane import DiffPane


class PaneSync(QObject):
    """Owns the pane geometry and the scroll link between the panes.

    Signals:
        geometry_changed: extents or the line map were rebuilt (repaint maps and bands).
        scrolled: either pane scrolled (after the other followed).
    """

    geometry_changed = Signal()
    scrolled = Signal()

    def __init__(self, left: DiffPane, right: DiffPane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panes = {Side.A: left, Side.B: right}
        self._pairs: tuple[Pair, ...] = ()
        self._changes: tuple[Pair, ...] = ()
        self._extents: dict[Side, list[Extent]] = {Side.A: [], Side.B: []}
        self._change_extents: dict[Side, list[Extent]] = {Side.A: [], Side.B: []}
        self._signature: object = None
        self._linemap = LineMap((0.0,), (0.0,))
        self._syncing = False
        for side, pane in self._panes.items():
            pane.layout_changed.connect(self.on_pane_layout_changed)
            pane.verticalScrollBar().valueChanged.connect(
                lambda _value, s=side: self.on_pane_scrolled(s)
            )

    # ----- state ---------------------------------------------------------------------------

    def set_pairs(self, pairs: Sequence[Pair]) -> None:
        self._pairs = tuple(pairs)
        self._changes = tuple(p for p in self._pairs if p.is_change)
        self.rebuild()

    @property
    def changes(self) -> tuple[Pair, ...]:
        return self._changes

    def change_extents(self, side: Side) -> list[Extent]:
        """``extent_of`` for every change, in the order of ``changes`` (cached per layout)."""
        return self._change_extents[side]

    @property
    def linemap(self) -> LineMap:
        return self._linemap

    def pane(self, side: Side) -> DiffPane:
        return self._panes[side]

    def extents(self, side: Side) -> list[Extent]:
        return self._extents[side]

    def total(self, side: Side) -> float:
        return self._panes[side].total_lines()

    def extent_of(self, pair: Pair, side: Side) -> Extent:
        """Where ``pair`` sits in the ``side`` pane (an empty extent at its gap if absent)."""
        if not self._extents[side] and not self._extents[side.other]:
            return Extent(0.0, 0.0)
        return pair_extent(
            self._linemap, pair, side, self._extents[side], self._extents[side.other]
        )

    def on_pane_layout_changed(self) -> None:
        """Re-measure only if something that moves paragraphs changed (resizes come in bursts)."""
        signature = tuple(pane.layout_signature() for pane in self._panes.values())
        if signature != self._signature:
            self.rebuild()

    def rebuild(self) -> None:
        """Re-measure both panes (after new text, wrap, zoom or resize) and re-level them."""
        a, b = self._panes[Side.A], self._panes[Side.B]
        self._extents = {Side.A: a.paragraph_extents(), Side.B: b.paragraph_extents()}
        try:
            self._linemap = build_linemap(
                self._pairs,
                self._extents[Side.A],
                self._extents[Side.B],
                a.total_lines(),
                b.total_lines(),
            )
        except IndexError:  # pairs and text out of step for one event-loop turn
            self._linemap = LineMap((0.0,), (0.0,))
        self._signature = (a.layout_signature(), b.layout_signature())
        try:
            self._change_extents = {
                side: [self.extent_of(pair, side) for pair in self._changes] for side in Side
            }
        except IndexError:
            self._change_extents = {Side.A: [], Side.B: []}
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
        if self._syncing:
            return
        source, target = self._panes[side], self._panes[side.other]
        src_bar, dst_bar = source.verticalScrollBar(), target.verticalScrollBar()
        value = sync_scroll(
            self._linemap,
            side,
            src_bar.value(),
            src_bar.pageStep(),
            src_bar.maximum(),
            dst_bar.pageStep(),
            dst_bar.maximum(),
        )
        self._syncing = True
        try:
            dst_bar.setValue(round(value))
        finally:
            self._syncing = False
        self.scrolled.emit()

    def scroll_to_pair(self, pair: Pair) -> None:
        """Bring a pair into view in both panes, a little below the top edge."""
        with self.suspended():
            for side, pane in self._panes.items():
                extent = self.extent_of(pair, side)
                page = pane.page_lines()
                lead = min(page * 0.25, max(0.0, (page - extent.height) / 2))
                pane.scroll_to_line(extent.top - lead)

    def scroll_to_fraction(self, side: Side, fraction: float) -> None:
        """Centre the line at ``fraction`` of one pane's document; the other follows."""
        pane = self._panes[side]
        pane.scroll_to_line(fraction * self.total(side) - pane.page_lines() / 2)
        self.on_pane_scrolled(side)
