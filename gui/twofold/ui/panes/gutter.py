# SPDX-License-Identifier: GPL-3.0-or-later
"""The line-number gutter of a pane: numbers, a sign per changed paragraph, a kind bar.

The sign (minus, plus, tilde, up-down arrows) makes the kind readable without colour; the thin bar
beside it shows how far the paragraph runs when it wraps over many lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from twofold.ui.theme import SIGNS

if TYPE_CHECKING:
    from twofold.ui.panes.diff_pane import DiffPane

_PAD = 6
_BAR = 3


class LineGutter(QWidget):
    """Paints beside a ``DiffPane``'s viewport; the pane owns it and says when to ``place`` it."""

    def __init__(self, pane: DiffPane) -> None:
        super().__init__(pane)
        self._pane = pane
        self.setObjectName("lineGutter")

    def number_font(self) -> QFont:
        font = QFont(self._pane.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFamily("monospace")
        return font

    def width_hint(self) -> int:
        digits = len(str(max(1, self._pane.table.block_count)))
        metrics = QFontMetrics(self.number_font())
        return _PAD + metrics.horizontalAdvance("9" * max(3, digits) + " ~") + _PAD + _BAR

    def sizeHint(self) -> QSize:
        return QSize(self.width_hint(), 0)

    def place(self) -> None:
        """Widen for the block count and the font, and sit beside the pane's viewport.

        The viewport may start above the pane's top edge (``level_scroll.set_shift``):
        the gutter starts there too, so its numbers stay beside their lines.
        """
        pane, width = self._pane, self.width_hint()
        top = pane.viewportMargins().top()
        pane.setViewportMargins(width, top, 0, 0)
        rect = pane.contentsRect()
        self.setGeometry(rect.left(), rect.top() + top, width, rect.height() - top)

    def follow(self, rect: QRect, dy: int) -> None:
        """Scroll or repaint along with the viewport (``QPlainTextEdit.updateRequest``)."""
        if dy:
            self.scroll(0, dy)
        else:
            self.update(0, rect.y(), self.width(), rect.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        pane, theme, content = self._pane, self._pane.theme, self._pane.content
        painter = QPainter(self)
        painter.fillRect(event.rect(), theme.gutter)
        painter.setFont(self.number_font())
        metrics = painter.fontMetrics()
        sign_w = metrics.horizontalAdvance("~ ")
        num_right = self.width() - _PAD - _BAR - sign_w
        line_h = round(pane.line_height())
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        # The pane's own walk over the blocks on screen: no per-block geometry queries.
        above = pane.leveller.top_padding(pane.side)  # over the first block's text
        for number, top, height in zip(*pane.visible_blocks(), strict=True):
            if top > event.rect().bottom() or top + height < event.rect().top():
                continue
            if number == 0 and above:
                top, height = top + above, height - above
            height -= pane.leveller.measured_below(pane.side, number)  # beside the text only
            kind = content.block_kind(number)
            if kind is not None:
                painter.fillRect(QRectF(self.width() - _BAR, top, _BAR, height), theme.marks[kind])
            painter.setPen(theme.muted)
            painter.drawText(
                QRect(0, round(top), num_right, line_h), align, content.line_label(number)
            )
            first_kind = content.paragraph_start_kind(number)
            if first_kind is not None:
                painter.setPen(theme.marks[first_kind])
                sign_rect = QRect(num_right, round(top), sign_w, line_h)
                painter.drawText(sign_rect, Qt.AlignmentFlag.AlignCenter, SIGNS[first_kind])
        painter.end()
