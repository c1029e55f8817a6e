# SPDX-License-Identifier: GPL-3.0-or-later
"""View ▸ Strike Deleted, Underline Inserted: a cue that does not rest on colour.

Under deuteranopia the red of deleted words and the green of inserted ones turn
the same beige; lines tell them apart, as in the HTML report. Off by default
(lines make prose busier), on by default when the desktop asks for high
contrast, and the reader's own choice wins either way, stored in the settings.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication

from twofold.ui.files.settings import CHANGE_LINES, ChangeLines, Settings
from twofold.ui.panes.diff_view import DiffView


def lines_wanted(stored: ChangeLines, preference: Qt.ContrastPreference) -> bool:
    """Whether to draw the lines: the stored choice, or the desktop's contrast preference."""
    if stored is ChangeLines.AUTO:
        return preference is Qt.ContrastPreference.HighContrast
    return stored is ChangeLines.ON


class ChangeLinesChoice(QObject):
    """Keeps the view's lines, the View menu's check mark and the stored choice agreeing."""

    def __init__(
        self, settings: Settings, action: QAction, view: DiffView, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._settings, self._action, self._view = settings, action, view
        self._style_hints = QGuiApplication.styleHints()  # held: it owns the next one
        self._hints = self._style_hints.accessibility()
        self._hints.contrastPreferenceChanged.connect(self._apply)
        self._apply()

    def _apply(self) -> None:
        on = lines_wanted(self._settings.get(CHANGE_LINES), self._hints.contrastPreference())
        self._action.blockSignals(True)  # showing the state is not choosing it
        self._action.setChecked(on)
        self._action.blockSignals(False)
        self._view.set_change_lines(on)

    def set_change_lines(self, on: bool) -> None:
        """The reader's choice (the View menu): stored, and it outlasts a contrast change."""
        self._settings.set(CHANGE_LINES, ChangeLines.ON if on else ChangeLines.OFF)
        self._apply()
