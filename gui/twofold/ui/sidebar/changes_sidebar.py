# SPDX-License-Identifier: GPL-3.0-or-later
"""The list of every change beside the panes: a filter by kind over the rows.

The rows and the filter are ``change_rows``, the drawing of a row
``change_delegate``; this widget fills the list (a long one a turn later) and
keeps its selection on the current change. Selecting an entry announces the
change's index in ``result.changes``; the window does the scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QListView,
    QVBoxLayout,
    QWidget,
)

from twofold.engine.result.kinds import PairKind
from twofold.engine.result.model import DiffResult
from twofold.ui.focus_ring import FocusRing
from twofold.ui.sidebar.change_delegate import ChangeDelegate
from twofold.ui.sidebar.change_rows import FILTERS, INDEX_ROLE, ChangesModel, KindFilter
from twofold.ui.theme import Theme
from twofold.ui.tuning import DEFAULT_VIEW_TUNING, ViewTuning
from twofold.ui.turns import turn_queue


class ChangesSidebar(QWidget):
    """Filter combo plus list; the window's table of contents for changes.

    Signals:
        change_selected: index into ``result.changes`` the user picked.
        listed: the list holds the result's changes (at once, or at the turn that fills it).
    """

    change_selected = Signal(int)
    listed = Signal()

    def __init__(
        self, theme: Theme, parent: QWidget | None = None, tuning: ViewTuning = DEFAULT_VIEW_TUNING
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changesSidebar")
        #: a longer list is filled in the turn after the panes show the result
        self._fill_later = tuning.list_later_changes
        self._model = ChangesModel(self)
        self._proxy = KindFilter(self)
        self._proxy.setSourceModel(self._model)
        self._delegate = ChangeDelegate(theme, self)
        self._visible: list[int] | None = None
        self._result: DiffResult | None = None
        self._selected: int | None = None
        # The filter box heads the list and says the count: a title beside it said it twice.
        self.filter = QComboBox()
        self.filter.setObjectName("kindFilter")
        # Sized to its text whenever the count changes, never cut to "All changes (28".
        self.filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter.setToolTip("Show only changes of one kind")
        self.filter.setAccessibleName("Filter changes by kind")
        for label, kinds in FILTERS:
            self.filter.addItem(label, kinds)
        self.view = QListView()
        self.view.setObjectName("changesList")
        self.view.setAccessibleName("Changes")
        self.view.setModel(self._proxy)
        self.view.setItemDelegate(self._delegate)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setFrameShape(QFrame.Shape.NoFrame)  # like the panes; focus shows as a ring
        self._ring = FocusRing(self.view)
        self.setFocusProxy(self.view)
        self._setup_layout()
        self.filter.currentIndexChanged.connect(self.on_filter_changed)
        self.view.selectionModel().currentRowChanged.connect(self.on_view_current_changed)

    def _setup_layout(self) -> None:
        head = QHBoxLayout()
        head.setContentsMargins(6, 4, 6, 4)
        head.addWidget(self.filter)
        head.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.view)

    def set_theme(self, theme: Theme) -> None:
        self._delegate.theme = theme
        self.view.viewport().update()

    def set_result(self, result: DiffResult | None) -> None:
        """List the changes of ``result``; thousands of them go in at the next turn.

        Resetting the model runs the filter over every row and the list then paints
        a screenful: a visible stall on a reworded book, which should not
        share an event-loop turn with putting the panes on screen. Until then the
        list is empty and ``visible_changes`` and ``select_change`` work from
        ``result`` itself, so stepping through changes never waits for it.
        """
        self._visible = None
        self._result = result
        self._selected = None
        counts = {k: 0 for k in PairKind}
        for pair in result.changes if result is not None else ():
            counts[pair.kind] += 1
        for row, (label, kinds) in enumerate(FILTERS):
            n = sum(counts[k] for k in kinds)
            self.filter.setItemText(row, f"{label} ({n})")
        if result is not None and len(result.changes) > self._fill_later:
            self._model.set_result(None)
            turn_queue().schedule(self, self._fill)
        else:
            turn_queue().cancel(self)
            self._fill()

    def _fill(self) -> bool:
        self._model.set_result(self._result)
        if self._selected is not None:
            self.select_change(self._selected)
        self.listed.emit()
        return False

    @property
    def filling(self) -> bool:
        """True between ``set_result`` of a long list and the turn that fills it."""
        return turn_queue().pending(self)

    def refine(self, result: DiffResult) -> None:
        """Show the refined similarities of the same changes, keeping selection and filter."""
        self._result = result
        if not self.filling:
            self._model.refine(result)

    def visible_changes(self) -> list[int]:
        """Indices into ``result.changes`` that the filter shows, in order (cached)."""
        if self._visible is None:
            kinds = self._proxy.kinds
            changes = self._result.changes if self._result is not None else ()
            self._visible = [n for n, pair in enumerate(changes) if pair.kind in kinds]
        return self._visible

    def select_change(self, change: int | None) -> None:
        """Mark a change current in the list without announcing it again."""
        self._selected = change
        if self.filling:
            return
        previous_row = self.view.currentIndex().row()  # -1 for none
        proxy_index = QModelIndex()
        self.view.selectionModel().blockSignals(True)
        try:
            if change is not None:
                proxy_index = self._proxy.mapFromSource(self._model.index(change, 0))
            if proxy_index.isValid():
                self.view.setCurrentIndex(proxy_index)
                self.view.scrollTo(proxy_index)
            else:
                self.view.clearSelection()
        finally:
            self.view.selectionModel().blockSignals(False)
        # With its signals blocked the view does not repaint the rows whose selection
        # changed; only those two are: the whole list took a third of a step's time.
        for index in (self._proxy.index(previous_row, 0), proxy_index):
            if index.isValid():
                self.view.update(index)

    def on_filter_changed(self, row: int) -> None:
        self._visible = None
        self._proxy.set_kinds(self.filter.itemData(row))

    def on_view_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.change_selected.emit(current.data(INDEX_ROLE))
