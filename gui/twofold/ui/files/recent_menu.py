# SPDX-License-Identifier: GPL-3.0-or-later
"""File ▸ Open Recent: the last comparisons, newest first, one keystroke each.

The list itself is kept by ``ui/files/settings.py`` (which also drops pairs whose
files are gone); this menu only shows it. It is rebuilt each time it opens, so
it is never stale and costs nothing while closed. Entries are numbered ``&1``
to ``&9`` so a keyboard user picks one with a digit.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu, QWidget

from twofold.ui.files.settings import Settings
from twofold.ui.plain_text import menu_text, tooltip


def entry_text(number: int, left: str, right: str) -> str:
    """``&1  draft.txt ↔ final.txt`` (the folder shows in the tooltip, not here).

    An ``&`` in a name is doubled and a tab escaped, so neither acts on the menu.
    """
    mnemonic = f"&{number}" if number < 10 else str(number)
    names = f"{os.path.basename(left)} \u2194 {os.path.basename(right)}"
    return f"{mnemonic}  {menu_text(names)}"


class RecentMenu(QMenu):
    """The Open Recent submenu.

    Signals:
        comparison_chosen: the user picked a pair (left path, right path).
    """

    comparison_chosen = Signal(str, str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__("Open &Recent", parent)
        self.setObjectName("recentMenu")
        self._settings = settings
        self.setToolTipsVisible(True)
        self.aboutToShow.connect(self.refresh)

    def refresh(self) -> None:
        """Rebuild the entries from the stored list."""
        self.clear()
        pairs = self._settings.recent_comparisons()
        for number, (left, right) in enumerate(pairs, start=1):
            action = self.addAction(entry_text(number, left, right))
            action.setObjectName(f"recent_{number}")
            action.setToolTip(tooltip(left, right))
            action.triggered.connect(
                lambda _checked=False, a=left, b=right: self.comparison_chosen.emit(a, b)
            )
        if not pairs:
            self.addAction("No recent comparisons").setEnabled(False)
            return
        self.addSeparator()
        self.addAction("&Clear Menu").triggered.connect(self.on_clear_triggered)

    def popup_over(self) -> None:
        """Open by itself (its shortcut): under the pointer if it is on the window, else centred."""
        at = QCursor.pos()
        window = self.parentWidget()
        if window is not None and not window.rect().contains(window.mapFromGlobal(at)):
            at = window.mapToGlobal(window.rect().center())
        self.popup(at)

    def on_clear_triggered(self) -> None:
        self._settings.clear_recent_comparisons()
        self.refresh()
