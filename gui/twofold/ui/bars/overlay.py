# SPDX-License-Identifier: GPL-3.0-or-later
"""Message strips laid over the top of the window's content instead of above it.

Why: in the layout, each message pushed the panes down and back up again when
dismissed, so the line being read jumped (twice) for news that did not concern
it. Laid over the top of the text, a message covers a line or two for as long as
it is shown and the text stays where it was. It starts below the pane headers:
they name the files and their encodings, which is what a message such as "the two
documents are equivalent under the current options" sends the reader to look at.
The strips keep their own rows, colours and close buttons (``bars/banner.py``,
``files/file_watcher.py``); this only places them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtWidgets import QVBoxLayout, QWidget

#: what makes the strips' size or presence change
_REPLACE = frozenset(
    {
        QEvent.Type.Resize,
        QEvent.Type.Move,
        QEvent.Type.Show,
        QEvent.Type.Hide,
        QEvent.Type.LayoutRequest,
        QEvent.Type.ShowToParent,
        QEvent.Type.HideToParent,
    }
)


class TopOverlay(QObject):
    """Keeps ``strips``, stacked, over the top of ``host`` at its full width.

    While ``below`` (a widget inside ``host``) is visible, the strips start at its
    bottom edge instead of the host's top.
    """

    def __init__(
        self, host: QWidget, strips: Sequence[QWidget], below: QWidget | None = None
    ) -> None:
        super().__init__(host)
        self._host = host
        self._below = below
        self.box = QWidget(host)
        self.box.setObjectName("messageOverlay")
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._strips = list(strips)
        for strip in self._strips:
            layout.addWidget(strip)
            strip.installEventFilter(self)
        host.installEventFilter(self)
        self.box.installEventFilter(self)
        if below is not None:
            below.installEventFilter(self)
        self.place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _REPLACE:
            self.place()
        return False

    def place(self) -> None:
        """Cover the top of the host with the strips shown, as tall as they need; else hide."""
        shown = [strip for strip in self._strips if not strip.isHidden()]
        if not shown:
            self.box.hide()
            return
        width = self._host.width()
        layout = self.box.layout()
        assert layout is not None
        height = layout.heightForWidth(width) if layout.hasHeightForWidth() else -1
        if height < 0:
            height = layout.sizeHint().height()
        self.box.setGeometry(0, self._top(), width, height)
        self.box.show()
        self.box.raise_()

    def _top(self) -> int:
        """Where the strips start: under ``below`` while it is on screen, else at the top."""
        below = self._below
        if below is None or not below.isVisibleTo(self._host):
            return 0
        return below.mapTo(self._host, QPoint(0, below.height())).y()
