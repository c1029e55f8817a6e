# SPDX-License-Identifier: GPL-3.0-or-later
"""The strip showing the whole comparison: where the changes are, what is on screen.

One column, as narrow as a scroll bar, drawn from the right-hand document (the
panes scroll together, so a second column for the left one only took room from
the text; a deletion shows where the right-hand text lacks it). It is scaled to
the document's length as *estimated* from the characters per block and the pane width
(``engine.overview_estimate.estimated_lines``), with the padding that levels the
panes counted (``engine.view.level_estimate``: a change is on the strip where it is
in the panes): exact heights would need the whole document laid out, and an
estimate keeps the marks still while scrolling lays blocks out. The marks are
painted once into a cached ``QPixmap`` (Meld ``chunkmap.py``); only the
visible-region frame is painted per frame. It stands in for the panes' scroll
bars (they have none, being scrolled together): click or drag to jump, and the
wheel over it scrolls them.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.view.overview_estimate import fraction, fraction_of_position, overview_rows
from twofold.ui.panes.pane_sync import PaneSync
from twofold.ui.tuning import DEFAULT_VIEW_TUNING, ViewTuning
from twofold.ui.turns import turn_queue

_MARGIN = 2.0
#: the strip's width: a scroll bar's
_WIDTH = 16
#: the document the strip is drawn from
_SIDE = Side.B


class OverviewMap(QWidget):
    """Change marks of the comparison plus the region the panes show.

    Signals:
        position_clicked: (Side, fraction 0..1) the user clicked or dragged to.
    """

    position_clicked = Signal(object, float)

    def __init__(
        self,
        sync: PaneSync,
        parent: QWidget | None = None,
        tuning: ViewTuning = DEFAULT_VIEW_TUNING,
    ) -> None:
        super().__init__(parent)
        self._tuning = tuning  # when the marks are rendered in later turns, and how many a turn
        self.setObjectName("overviewMap")
        self.setToolTip("Overview: click or drag to go there")
        self.setAccessibleName("Overview of the changes")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._sync = sync
        self._pixmap: QPixmap | None = None
        self._steps: Iterator[bool] | None = None
        sync.geometry_changed.connect(self.invalidate)
        sync.scrolled.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(_WIDTH, 200)

    @property
    def marks(self) -> QPixmap | None:
        """The change marks as last rendered, or None while they are still to be.

        Tests compare it to see that marks rendered over later turns are the
        marks a single paint renders.
        """
        return self._pixmap

    def invalidate(self) -> None:
        """Drop the cached marks; the next paint redraws them."""
        self._pixmap = None
        self._steps = None  # marks begun for the old geometry start over
        self.update()

    def _column(self, side: Side) -> QRectF:
        return QRectF(_MARGIN, _MARGIN, self.width() - 2 * _MARGIN, self.height() - 2 * _MARGIN)

    def _y(self, side: Side, pos: float) -> float:
        """Strip y of a block position of ``side``."""
        col = self._column(side)
        lines = self._sync.level_lines(side)
        return col.top() + fraction_of_position(lines, pos) * col.height()

    def _rows(self, side: Side) -> Iterator[list[tuple[float, float, PairKind]]]:
        """The strip rows of ``side``'s changes, yielded as they grow a slice at a time."""
        lines = self._sync.level_lines(side)
        kinds = [pair.kind for pair in self._sync.changes]
        extents = self._sync.change_extents(side)
        height = self._column(side).height()
        rows: list[tuple[float, float, PairKind]] = []
        step = self._tuning.overview_rows_slice
        for start in range(0, len(extents), step):
            end = start + step
            yield overview_rows(lines, extents[start:end], kinds[start:end], height, rows)
        yield rows

    def _render_marks(self) -> QPixmap:
        return self._paint_marks({_SIDE: list(self._rows(_SIDE))[-1]})

    def _paint_marks(self, rows: dict[Side, list[tuple[float, float, PairKind]]]) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        theme = self._sync.pane(Side.A).theme
        pixmap.fill(theme.gutter)
        painter = QPainter(pixmap)
        for side in rows:
            col = self._column(side)
            painter.fillRect(col, theme.base)
            top0, left, width = col.top(), col.left(), col.width()
            for top, bottom, kind in rows[side]:
                painter.fillRect(
                    QRectF(left, top0 + top, width, bottom - top), theme.overview[kind]
                )
        painter.end()
        return pixmap

    def _stale(self) -> bool:
        pixmap = self._pixmap
        return pixmap is None or pixmap.deviceIndependentSize().toSize() != self.size()

    def _heavy(self) -> bool:
        if len(self._sync.changes) > self._tuning.overview_later_changes:
            return True
        blocks = self._tuning.overview_later_blocks
        return any(self._sync.pane(side).table.block_count > blocks for side in Side)

    def _render_later(self) -> bool:
        """One step of ``_render_steps`` a turn; False once the marks are painted."""
        if self._steps is None:
            self._steps = self._render_steps()
        if next(self._steps, None) is None:
            self._steps = None
            return False
        return True

    def _render_steps(self) -> Iterator[bool]:
        """Both panes' estimated heights, levelled, then the rows, a slice a step; the marks."""
        while self._sync.advance_estimate(self._tuning.geometry.estimate_slice_blocks):
            yield True
        size = self.size()
        rows: dict[Side, list[tuple[float, float, PairKind]]] = {}
        for grown in self._rows(_SIDE):
            rows[_SIDE] = grown
            yield True
        if self.size() == size:  # else rows for another height: the repaint starts over
            self._pixmap = self._paint_marks(rows)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        theme = self._sync.pane(Side.A).theme
        if self._stale() and self._heavy():
            # Thousands of marks, or the estimated heights of 40,000 blocks (which the
            # frames need too), take tens of milliseconds: not in the same turn as
            # putting a new result on screen, which the user is waiting for.
            painter.fillRect(self.rect(), theme.gutter)
            painter.end()
            queue = turn_queue()
            if not queue.pending(self):
                queue.schedule(self, self._render_later)
            return
        if self._stale():
            self._pixmap = self._render_marks()
        assert self._pixmap is not None
        painter.drawPixmap(0, 0, self._pixmap)
        frame = QColor(theme.text)
        shade = QColor(theme.text)
        shade.setAlphaF(0.12)
        painter.setPen(QPen(frame, 1))
        painter.setBrush(shade)
        painter.drawRect(self.frame())
        painter.end()

    def frame(self) -> QRectF:
        """The strip's frame around what the panes show (as it is painted)."""
        pane = self._sync.pane(_SIDE)
        top, bottom = self._y(_SIDE, pane.pos_at(0.0)), self._y(_SIDE, pane.pos_at(1.0))
        col = self._column(_SIDE)
        return QRectF(col.left(), top, col.width() - 1, max(3.0, bottom - top))

    def _jump(self, event: QMouseEvent) -> None:
        col = self._column(_SIDE)
        self.position_clicked.emit(_SIDE, fraction(event.position().y() - col.top(), col.height()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._jump(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # The scroll bar the panes have no more: the other pane follows this one.
        QCoreApplication.sendEvent(self._sync.pane(_SIDE).verticalScrollBar(), event)
