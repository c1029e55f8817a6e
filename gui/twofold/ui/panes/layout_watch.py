# SPDX-License-Identifier: GPL-3.0-or-later
"""Tells once that a pane's layout moved (wrap, zoom, width), after the changes settle.

Scroll sync, the link band and the overview keep estimates of where each block
sits; they are made again when the pane announces that the layout moved. A
window resize sends many size changes, and a big pane's width changes are held
back until the resizing stops (``width_relayout``), so the announcement waits
for a short quiet time after the last change. Each relayout also clears the
padding the leveller measured (``level_layout``): the lines broke anew.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit

from twofold.ui.panes.level_layout import Leveller
from twofold.ui.panes.width_relayout import WidthRelayout

#: re-measure this long after the last layout change (a window resize sends many)
LAYOUT_DELAY_MS = 15


class LayoutWatch(QObject):
    """One pane's pending relayout and announcement; the pane reports its changes here."""

    def __init__(
        self,
        pane: QPlainTextEdit,
        leveller: Leveller,
        announce: Callable[[], None],
        defer_blocks: int,
    ) -> None:
        """``announce`` is called once the layout settled; widths over ``defer_blocks`` wait."""
        super().__init__(pane)
        self._leveller = leveller
        self._timer = QTimer(self, singleShot=True, interval=LAYOUT_DELAY_MS)
        self._timer.timeout.connect(announce)
        self._width = WidthRelayout(pane, self.relaid_out, defer_blocks)

    @property
    def pending(self) -> bool:
        """True while a size change waits to be laid out or announced."""
        return self._width.pending or self._timer.isActive()

    @property
    def width_held(self) -> bool:
        """True while a width change waits to be laid out: the text keeps its old breaks."""
        return self._width.pending

    def changed(self) -> None:
        """The layout moved (a new text, font or size): announce it once things settle."""
        self._timer.start()

    def relaid_out(self) -> None:
        """The text was laid out anew (width, wrap): measure the padding again, announce it."""
        self._leveller.invalidate()
        self._timer.start()

    def resize_event(self, event: QResizeEvent) -> QResizeEvent:
        """The event to hand ``QPlainTextEdit.resizeEvent``: a held width keeps the old one."""
        return self._width.filter(event)

    def resized(self) -> None:
        """After Qt's resize: announce now unless a held width is laid out later."""
        if not self._width.pending:
            self.relaid_out()
