# SPDX-License-Identifier: GPL-3.0-or-later
"""The band between the panes that joins each change to its counterpart.

A filled shape per non-equal pair, from its y-range in the left pane to its
y-range in the right one, with curved sides so crossing moves stay readable
(Meld ``linkmap.py``). Only pairs touching the viewport are drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from twofold.engine.model import Pair, Side
from twofold.ui.pane_sync import PaneSync


class LinkMap(QWidget):
    """Paints the connections; repainted whenever either pane scrolls or re-lays out."""

    def __init__(self, sync: PaneSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkMap")
        self._sync = sync
        self._current: Pair | None = None
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        sync.geometry_changed.connect(self.update)
        sync.scrolled.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(44, 100)

    def reset(self) -> None:
        self._current = None
        self.update()

    def set_current(self, pair: Pair | None) -> None:
        self._current = pair
        self.update()

    def _offset(self, side: Side) -> float:
        """Pane-viewport y to band y (the headers above the panes may differ in height)."""
        viewport = self._sync.pane(side).viewport()
        return float(viewport.mapTo(self.window(), QPoint(0, 0)).y()) - float(
            self.mapTo(self.window(), QPoint(0, 0)).y()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        theme = self._sync.pane(Side.A).theme
        painter.fillRect(event.rect(), theme.gutter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w = float(self.width())
        panes = {side: self._sync.pane(side) for side in Side}
        offsets = {side: self._offset(side) for side in Side}
        visible = {
            side: (pane.scroll_value() - 1.0, pane.scroll_value() + pane.page_lines() + 1.0)
            for side, pane in panes.items()
        }
        a_ext, b_ext = self._sync.change_extents(Side.A), self._sync.change_extents(Side.B)
        for pair, ea, eb in zip(self._sync.changes, a_ext, b_ext, strict=False):
            (a_lo, a_hi), (b_lo, b_hi) = visible[Side.A], visible[Side.B]
            if (ea.bottom < a_lo or ea.top > a_hi) and (eb.bottom < b_lo or eb.top > b_hi):
                continue
            a_top = panes[Side.A].line_to_y(ea.top) + offsets[Side.A]
            a_bottom = panes[Side.A].line_to_y(ea.bottom) + offsets[Side.A]
            b_top = panes[Side.B].line_to_y(eb.top) + offsets[Side.B]
            b_bottom = panes[Side.B].line_to_y(eb.bottom) + offsets[Side.B]
            path = QPainterPath(QPointF(0, a_top))
            path.cubicTo(QPointF(w * 0.5, a_top), QPointF(w * 0.5, b_top), QPointF(w, b_top))
            path.lineTo(QPointF(w, b_bottom))
            path.cubicTo(
                QPointF(w * 0.5, b_bottom), QPointF(w * 0.5, a_bottom), QPointF(0, a_bottom)
            )
            path.closeSubpath()
            mark = theme.marks[pair.kind]
            fill = QColor(mark)
            fill.setAlphaF(0.32 if theme.dark else 0.22)
            painter.setBrush(fill)
            if pair is self._current:
                painter.setPen(QPen(theme.current, 2))
            else:
                painter.setPen(QPen(mark, 1))
            painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.end()
