# SPDX-License-Identifier: GPL-3.0-or-later
"""The list of every change: kind, paragraph numbers, similarity, first words.

A list model over ``DiffResult.changes``, a proxy that filters by kind, and a
delegate that draws each entry on two lines. Selecting an entry announces the
change's index in ``result.changes``; the window does the scrolling.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from twofold.engine.result.kinds import PairKind, Side, Unit
from twofold.engine.result.model import DiffResult, Pair
from twofold.engine.result.summary import percent
from twofold.engine.view.invisibles import reveal
from twofold.ui.focus_ring import FocusRing
from twofold.ui.theme import NAMES, SIGNS, Theme
from twofold.ui.tuning import DEFAULT_VIEW_TUNING, ViewTuning
from twofold.ui.turns import turn_queue

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
INDEX_ROLE = Qt.ItemDataRole.UserRole + 2
WHERE_ROLE = Qt.ItemDataRole.UserRole + 3
SIMILARITY_ROLE = Qt.ItemDataRole.UserRole + 4
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        KIND_ROLE,
        INDEX_ROLE,
        WHERE_ROLE,
        SIMILARITY_ROLE,
    }
)
_REFINED_ROLES = [
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    SIMILARITY_ROLE,
]


_FILTERS: tuple[tuple[str, frozenset[PairKind]], ...] = (
    ("All changes", frozenset(PairKind) - {PairKind.EQUAL}),
    ("Changed", frozenset({PairKind.CHANGED})),
    ("Moved", frozenset({PairKind.MOVED})),
    ("Inserted", frozenset({PairKind.INSERTED})),
    ("Deleted", frozenset({PairKind.DELETED})),
)
_WORDS = 12

ModelIndex = QModelIndex | QPersistentModelIndex


def paragraph_label(indices: tuple[int, ...], number: Callable[[int], int] | None = None) -> str:
    """Paragraph numbers for humans: 1-based, a range for a split or merge, a dash for none.

    Args:
        number: the 1-based number of a unit (``DiffResult.number`` of a side);
            by default its index plus one.
    """
    if not indices:
        return "\u2014"
    first, last = (
        (indices[0] + 1, indices[-1] + 1)
        if number is None
        else (
            number(indices[0]),
            number(indices[-1]),
        )
    )
    return str(first) if len(indices) == 1 else f"{first}\u2013{last}"


def first_words(result: DiffResult, pair: Pair) -> str:
    """The opening words of the pair's newer text (the older one for a deletion)."""
    side = Side.A if pair.kind is PairKind.DELETED else Side.B
    span = result.span_of(pair, side)
    if span is None:
        return ""
    # stand-ins for hidden characters: a direction control would reorder the row
    text = reveal(result.document(side).text[span.start : min(span.end, span.start + 400)])
    words = re.sub(r"\s+", " ", text).strip().split(" ")
    return " ".join(words[:_WORDS]) + (" \u2026" if len(words) > _WORDS else "")


class ChangesModel(QAbstractListModel):
    """One row per change of a result, in reading order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: DiffResult | None = None
        self._changes: tuple[Pair, ...] = ()
        self._words: dict[int, str] = {}

    def set_result(self, result: DiffResult | None) -> None:
        self.beginResetModel()
        self._result = result
        self._changes = result.changes if result is not None else ()
        self._words = {}  # filled as rows are drawn: thousands of changes, a screenful shown
        self.endResetModel()

    def kind_at(self, row: int) -> PairKind:
        return self._changes[row].kind

    def _first_words(self, row: int) -> str:
        words = self._words.get(row)
        if words is None and self._result is not None:
            words = self._words[row] = first_words(self._result, self._changes[row])
        return words or ""

    def refine(self, result: DiffResult) -> None:
        """Same changes, refined numbers: repaint the rows instead of resetting the model."""
        self._result, self._changes = result, result.changes
        if self._changes:
            # Kinds and first words stay; only the numbers (and texts built on them) move.
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._changes) - 1, 0), _REFINED_ROLES
            )

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._changes)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for a dozen roles per row and paint; most are not ours: answer fast.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        row = index.row()
        pair = self._changes[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._first_words(row)
        if role == KIND_ROLE:
            return pair.kind
        if role == INDEX_ROLE:
            return row
        if role == SIMILARITY_ROLE:
            return pair.similarity
        # Lines are numbered as lines (a log, source code); paragraphs get a pilcrow.
        by_lines = self._result is not None and self._result.unit is Unit.LINES
        mark = "line" if by_lines else "\u00b6"
        result = self._result
        label_a = paragraph_label(
            pair.a, None if result is None else partial(result.number, Side.A)
        )
        label_b = paragraph_label(
            pair.b, None if result is None else partial(result.number, Side.B)
        )
        where = f"{mark} {label_a} \u2192 {label_b}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{NAMES[pair.kind].capitalize()} {where}, {percent(pair.similarity)} similar"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{NAMES[pair.kind]} {where}: {self._first_words(row)}"
        return where  # WHERE_ROLE


class KindFilter(QSortFilterProxyModel):
    """Keeps only the rows whose kind is in the chosen set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kinds = _FILTERS[0][1]

    def set_kinds(self, kinds: frozenset[PairKind]) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt < 6.9
            self._kinds = kinds
            self.invalidateFilter()
            return
        self.beginFilterChange()
        self._kinds = kinds
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def kinds(self) -> frozenset[PairKind]:
        return self._kinds

    def filterAcceptsRow(self, row: int, parent: ModelIndex) -> bool:
        # Ask the Python model directly: a Qt index and data() round trip per row
        # stalled the UI thread on a result with thousands of changes.
        source = self.sourceModel()
        if isinstance(source, ChangesModel):
            return source.kind_at(row) in self._kinds
        return source.index(row, 0, parent).data(KIND_ROLE) in self._kinds


class ChangeDelegate(QStyledItemDelegate):
    """Two lines per change: sign badge, paragraph numbers and similarity; first words."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(200, 2 * line + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget: QWidget | None = opt.widget  # None when painted outside a view
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        kind: PairKind = index.data(KIND_ROLE)
        rect: QRect = opt.rect.adjusted(6, 5, -8, -5)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = palette.color(role)
        line = opt.fontMetrics.lineSpacing()
        painter.save()
        badge = QRect(rect.left(), rect.top() + 1, line + 2, line)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.theme.marks[kind])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawRoundedRect(badge, 4, 4)
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(Qt.GlobalColor.white)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, SIGNS[kind])
        painter.setPen(text_colour)
        head = QRect(badge.right() + 8, rect.top(), rect.width() - badge.width() - 8, line)
        painter.drawText(head, Qt.AlignmentFlag.AlignVCenter, index.data(WHERE_ROLE))
        painter.setFont(opt.font)
        pct = percent(index.data(SIMILARITY_ROLE))
        if kind in (PairKind.CHANGED, PairKind.MOVED):
            painter.drawText(head, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, pct)
        body = QRect(rect.left(), rect.top() + line + 2, rect.width(), line)
        if not selected:
            painter.setPen(self.theme.muted)
        words = opt.fontMetrics.elidedText(
            index.data(Qt.ItemDataRole.DisplayRole), Qt.TextElideMode.ElideRight, body.width()
        )
        painter.drawText(body, Qt.AlignmentFlag.AlignVCenter, words)
        painter.restore()


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
        for label, kinds in _FILTERS:
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
        a screenful: tens of milliseconds for a reworded book, which should not
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
        for row, (label, kinds) in enumerate(_FILTERS):
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
