# SPDX-License-Identifier: GPL-3.0-or-later
"""How the list draws one change: two lines, a sign badge, numbers and similarity, first words."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from twofold.engine.result.kinds import PairKind
from twofold.engine.result.summary import percent
from twofold.ui.sidebar.change_rows import KIND_ROLE, SIMILARITY_ROLE, WHERE_ROLE, ModelIndex
from twofold.ui.theme import SIGNS, Theme


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
