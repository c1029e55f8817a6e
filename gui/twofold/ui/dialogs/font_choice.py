# SPDX-License-Identifier: GPL-3.0-or-later
"""View ▸ Font…: the reader's own font for both panes, remembered, and zoom still works.

The panes get their font from ``DiffView`` (``text_font``: the system's prose
or fixed font at ``base_point_size`` plus the zoom), on every result and every
zoom step. Rather than re-set the font after each of those (two relayouts of a
10 MB document), this controller filters the panes' ``FontChange`` event: when
the view sets its font, the pane gets the chosen family at the chosen size plus
the same zoom instead, in one relayout, and the view's font never lays out.

TODO: once the pane rework settles, a ``DiffView.set_base_font`` hook would
replace the event filter (the filter keeps ``diff_view.py`` untouched meanwhile).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFontDialog, QWidget

from twofold.ui.files.settings import FONT, Settings
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.panes.diff_view import base_point_size

log = logging.getLogger(__name__)


def stored_font(text: str) -> QFont | None:
    """The font a ``QFont.toString()`` describes; None for empty or unreadable text."""
    font = QFont()
    return font if text and font.fromString(text) else None


def zoomed(chosen: QFont, requested: QFont) -> QFont:
    """``chosen`` at its own size plus the zoom that ``requested`` carries."""
    font = QFont(chosen)
    zoom = requested.pointSizeF() - base_point_size()
    font.setPointSizeF(max(5.0, chosen.pointSizeF() + zoom))
    return font


class FontChoice(QObject):
    """Keeps the panes in the chosen font; None chosen means the view's own fonts."""

    def __init__(
        self, settings: Settings, panes: Iterable[DiffPane], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._panes = list(panes)
        #: the font the view last asked each pane for, so a new choice can be re-applied
        self._requested = {id(pane): QFont(pane.font()) for pane in self._panes}
        self._chosen = stored_font(str(settings.get(FONT)))
        self._applying = False
        self.dialog: QFontDialog | None = None
        for pane in self._panes:
            pane.installEventFilter(self)
        self._apply()

    @property
    def chosen(self) -> QFont | None:
        return self._chosen

    def choose(self, parent: QWidget) -> QFontDialog:
        """Open the font dialog (window-modal, ``open()``: nothing waits on it)."""
        dialog = QFontDialog(self._chosen or self._panes[0].font(), parent)
        dialog.setObjectName("fontDialog")
        dialog.setWindowTitle("Text Font")
        dialog.setOption(QFontDialog.FontDialogOption.DontUseNativeDialog)  # same on every desktop
        dialog.fontSelected.connect(self.set_font)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog
        return dialog

    def set_font(self, font: QFont | None) -> None:
        """Use ``font`` (its size is the size at zoom 0) from now on; None restores the defaults."""
        self._chosen = QFont(font) if font is not None else None
        self._settings.set(FONT, font.toString() if font is not None else "")
        self._apply()

    def _apply(self) -> None:
        for pane in self._panes:
            requested = self._requested[id(pane)]
            self._put(pane, requested if self._chosen is None else zoomed(self._chosen, requested))

    def _put(self, pane: DiffPane, font: QFont) -> None:
        self._applying = True
        try:
            pane.set_text_font(font)  # the gutter and the layout follow
        finally:
            self._applying = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() is not QEvent.Type.FontChange or self._applying:
            return False
        if not isinstance(watched, DiffPane) or id(watched) not in self._requested:
            return False
        self._requested[id(watched)] = QFont(watched.font())
        if self._chosen is None:
            return False
        self._put(watched, zoomed(self._chosen, watched.font()))
        return True  # the view's font never lays out: the chosen one just did
