# SPDX-License-Identifier: GPL-3.0-or-later
"""File ▸ Open Recent: a comparison made in one window is one keystroke away in the next."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from twofold.ui.files.recent_menu import RecentMenu, entry_text
from twofold.ui.files.settings import Settings
from twofold.ui.main_window import MainWindow


def _new_window(qtbot: QtBot, settings: Settings) -> MainWindow:
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitActive(win):
        win.activateWindow()
    return win


def test_open_recent_lists_and_reopens_a_comparison(
    qtbot: QtBot, loaded: MainWindow, settings: Settings, demo: tuple[Path, Path]
) -> None:
    loaded.close()
    win = _new_window(qtbot, settings)
    assert win.result is None
    qtbot.keyClick(
        win, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    menu = win.findChild(RecentMenu, "recentMenu")
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    entries = [a for a in menu.actions() if a.objectName().startswith("recent_")]
    assert len(entries) == 1
    assert demo[0].name in entries[0].text()
    assert demo[1].name in entries[0].text()
    with qtbot.waitSignal(win.comparison_finished, timeout=30_000):
        qtbot.keyClick(menu, Qt.Key.Key_1)  # the entry's mnemonic
    result = win.result
    assert result is not None
    assert (result.a.path, result.b.path) == (str(demo[0].resolve()), str(demo[1].resolve()))


def test_open_recent_is_a_submenu_of_file(window: MainWindow) -> None:
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert isinstance(file_menu, QMenu)
    recent = window.actions_by_id["open_recent"]
    assert recent in file_menu.actions()
    assert recent.menu() is window.recent_menu


def test_empty_and_cleared(
    qtbot: QtBot, window: MainWindow, settings: Settings, demo: tuple[Path, Path]
) -> None:
    menu = window.recent_menu
    menu.refresh()
    assert [a.text() for a in menu.actions()] == ["No recent comparisons"]
    settings.add_recent_comparison(str(demo[0]), str(demo[1]))
    menu.refresh()
    assert (
        menu.findChild(object, "recent_1") is not None
        or menu.actions()[0].objectName() == "recent_1"
    )
    clear = next(a for a in menu.actions() if a.text() == "&Clear Menu")
    clear.trigger()
    assert settings.recent_comparisons() == []
    assert [a.text() for a in menu.actions()] == ["No recent comparisons"]


def test_entry_text_numbers_and_escapes() -> None:
    assert entry_text(1, "/x/draft.txt", "/y/final.txt") == "&1  draft.txt \u2194 final.txt"
    assert entry_text(10, "/x/R&D.txt", "/y/b.txt") == "10  R&&D.txt \u2194 b.txt"
