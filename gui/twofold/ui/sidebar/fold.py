# SPDX-License-Identifier: GPL-3.0-or-later
"""The changes list folds away by itself in a narrow window, and keeps the width it is given.

Why: beside the list a 1280-pixel window gave the two texts 60 % of its width,
and an 800-pixel one about 18 characters a line a pane. Below ``FOLD_BELOW``
the list makes way; F9 (View ▸ Changes List) still shows it on demand.

The fold acts only when the window crosses ``FOLD_BELOW``, never on every
resize: what the reader chose with F9 holds until then. Widening shows the list
again only if the reader had not hidden it (the stored ``SIDEBAR`` choice).
The list's width is the reader's too: dragged on the splitter, stored as
``SIDEBAR_WIDTH``, given back whenever the list is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

from twofold.ui.files.settings import SIDEBAR, SIDEBAR_WIDTH, Settings

#: windows narrower than this (device-independent pixels) fold the list away; at
#: 1400 the texts keep four fifths of a 1280-pixel window
FOLD_BELOW = 1400
#: the list's narrowest: its filter box and a few words of each change
MIN_WIDTH = 180


class SidebarFold(QObject):
    """Shows or hides ``sidebar`` (the splitter's last widget) as ``window`` narrows or widens."""

    def __init__(
        self,
        window: QWidget,
        splitter: QSplitter,
        action: QAction,
        settings: Settings,
    ) -> None:
        super().__init__(window)
        self._window, self._splitter, self._action = window, splitter, action
        self._settings = settings
        sidebar = splitter.widget(splitter.count() - 1)
        assert sidebar is not None, "the list is the splitter's last widget"
        self._sidebar: QWidget = sidebar
        self._sidebar.setMinimumWidth(MIN_WIDTH)
        splitter.setCollapsible(splitter.count() - 1, False)  # hidden by F9, not by a drag
        self._narrow: bool | None = None
        #: the stored width is given once the splitter has its size (it has none before)
        self._width_due = True
        window.installEventFilter(self)
        splitter.installEventFilter(self)
        splitter.splitterMoved.connect(self.on_splitter_moved)

    @property
    def narrow(self) -> bool:
        return self._window.width() < FOLD_BELOW

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._splitter and isinstance(event, QResizeEvent) and self._width_due:
            # Before the splitter lays out its new size: it then keeps the list's width.
            self._give_width(event.size().width() - self._splitter.handleWidth())
        elif watched is self._window and event.type() is QEvent.Type.Resize:
            narrow = self.narrow
            if narrow != self._narrow:
                self._narrow = narrow
                self._show(bool(self._settings.get(SIDEBAR)) and not narrow)
        return False

    def set_sidebar_visible(self, on: bool) -> None:
        """The reader's own choice (F9): shown or hidden, narrow window or not."""
        self._settings.set(SIDEBAR, on)
        self._show(on)

    def focus_changes_list(self) -> None:
        """Ctrl+L: show the list and put the keyboard there."""
        self.set_sidebar_visible(True)
        self._sidebar.setFocus()

    def _show(self, on: bool) -> None:
        was = self._action.blockSignals(True)  # the check mark follows; nothing to store
        self._action.setChecked(on)
        self._action.blockSignals(was)
        if on and self._sidebar.isHidden():
            self._width_due = True
        self._sidebar.setVisible(on)
        if on and self._splitter.isVisible():
            self._give_width(sum(self._splitter.sizes()))

    def _give_width(self, total: int) -> None:
        """Give the list its stored width (at most half of ``total``), the text the rest."""
        if total <= 0:
            return
        self._width_due = False
        width = min(int(self._settings.get(SIDEBAR_WIDTH)), max(MIN_WIDTH, total // 2))
        self._splitter.setSizes([total - width, width])

    def on_splitter_moved(self, _pos: int, _index: int) -> None:
        if self._sidebar.isVisible():
            self._settings.set(SIDEBAR_WIDTH, self._sidebar.width())
