# SPDX-License-Identifier: GPL-3.0-or-later
"""Where the window tells the reader something: problems in the banner, the rest in the status bar.

A problem stays until dismissed and never hides the window's content; a note
(a step's end, a copy) stays a while in the status bar and clears a problem
shown before it, never the settings' warning (issue #16).
"""

from __future__ import annotations

from PySide6.QtWidgets import QStatusBar

from twofold.ui.bars.banner import Banner, Topic
from twofold.ui.files.settings import Settings

#: how long a status-bar note stays
NOTE_MS = 5000


class Notes:
    """The window's one way to say something (``note``), and its settings' warnings."""

    def __init__(self, banner: Banner, bar: QStatusBar, settings: Settings) -> None:
        self._banner, self._bar, self._settings = banner, bar, settings

    def show_error(self, message: str) -> None:
        """A non-blocking message; whatever is on screen stays usable."""
        self._banner.show_message(message, Topic.PROBLEM)

    def note(self, message: str, error: bool) -> None:
        """An error in the banner; anything else a while in the status bar."""
        if error:
            self.show_error(message)
        else:
            self._banner.dismiss(Topic.PROBLEM)  # never the settings warning (issue #16)
            self._bar.showMessage(message, NOTE_MS)

    def show_briefly(self, message: str, ms: int) -> None:
        """``message`` in the status bar for ``ms``, leaving the banner as it is."""
        self._bar.showMessage(message, ms)

    def show_settings_warning(self) -> None:
        """What the settings said went wrong (at start, or when their file is compared)."""
        if warning := self._settings.take_warning():
            self._banner.show_message(warning, Topic.SETTINGS)  # stays until dismissed
