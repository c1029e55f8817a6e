# SPDX-License-Identifier: GPL-3.0-or-later
"""The band between the panes that joins each change to its counterpart.

A filled shape per non-equal pair, from its y-range in the left pane to its
y-range in the right one, with curved sides so crossing moves stay readable
(Meld ``linkmap.py``). Only pairs touching the viewport are drawn, found by
bisection over their block positions rather than by visiting every change.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from twofold.engine.result.kinds import Side
from twofold.engine.result.model import Pair
from twofold.ui.panes.pane_sync import PaneSync


class LinkMap(QWidget):
    """Paints the connections; repainted whenever either pane scrolls or re-lays out.

    Where a side can be edited, each change has an arrow at the other side's edge
    that takes it across (Meld's): ``→`` at the left edge, ``←`` at the right.

    Signals:
        take_requested: an arrow was clicked (the change's index, the ``Side`` it goes to).
    """

    take_requested = Signal(int, object)

    def __init__(self, sync: PaneSync, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkMap")
        self._sync = sync
        self._current: Pair | None = None
        self._takes: dict[Side, bool] = {Side.A: False, Side.B: False}
        #: the arrows painted last: where, which change, to which side
        self.arrows: list[tuple[QRectF, int, Side]] = []
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

    def set_takes(self, editable: dict[Side, bool]) -> None:
        """Which sides a change may be taken to (their arrows are shown)."""
        self._takes = dict(editable)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for rect, change, side in self.arrows:
            if rect.contains(event.position()):
                self.take_requested.emit(change, side)
                event.accept()
                return
        super().mousePressEvent(event)

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
        ranges = {side: pane.visible_block_range() for side, pane in panes.items()}
        a_ext, b_ext = self._sync.change_extents(Side.A), self._sync.change_extents(Side.B)
        # Only the changes on screen in either pane: a 10 MB pair has tens of thousands.
        shown = set(self._sync.changes_between(Side.A, ranges[Side.A][0], ranges[Side.A][1] + 1))
        shown.update(self._sync.changes_between(Side.B, ranges[Side.B][0], ranges[Side.B][1] + 1))
        changes = self._sync.changes
        h = float(self.height())

        def y(side: Side, pos: float) -> float:  # far ends (a move) are clamped near the band
            return min(max(panes[side].y_of(pos) + offsets[side], -2 * h), 3 * h)

        self.arrows = []
        for n in sorted(shown):
            # stored extents, moved with the edits typed since (``PaneContent.extent_now``)
            pair = changes[n]
            ea = panes[Side.A].content.extent_now(a_ext[n])
            eb = panes[Side.B].content.extent_now(b_ext[n])
            a_top, a_bottom = y(Side.A, ea.top), y(Side.A, ea.bottom)
            b_top, b_bottom = y(Side.B, eb.top), y(Side.B, eb.bottom)
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
            self._add_arrows(n, a_top, b_top, w)
        painter.setPen(Qt.PenStyle.NoPen)
        for rect, _change, side in self.arrows:
            painter.setBrush(theme.marks[changes[_change].kind].darker(140))
            painter.drawPolygon(_arrow(rect, side))
        painter.end()

    def _add_arrows(self, change: int, a_top: float, b_top: float, width: float) -> None:
        """The take arrows of one change: at the edge of the side it comes from."""
        size = _ARROW
        if self._takes[Side.B]:
            self.arrows.append((QRectF(1, a_top + 1, size, size), change, Side.B))
        if self._takes[Side.A]:
            self.arrows.append((QRectF(width - size - 1, b_top + 1, size, size), change, Side.A))


#: the side of a take arrow's square, in pixels
_ARROW = 12.0


def _arrow(rect: QRectF, to: Side) -> QPolygonF:
    """A triangle in ``rect`` pointing to the side it takes a change to."""
    left, right, mid = rect.left() + 2, rect.right() - 2, rect.center().y()
    top, bottom = rect.top() + 2, rect.bottom() - 2
    if to is Side.B:
        return QPolygonF([QPointF(left, top), QPointF(right, mid), QPointF(left, bottom)])
    return QPolygonF([QPointF(right, top), QPointF(left, mid), QPointF(right, bottom)])
