# SPDX-License-Identifier: GPL-3.0-or-later
"""Help: the shortcuts sheet comes from the action table, the About box names the versions;
the window follows a palette or colour-scheme change."""

from __future__ import annotations

from importlib.metadata import version

import PySide6
import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from twofold import __version__
from twofold.ui.action_factory import key_sequences
from twofold.ui.actions import ACTIONS
from twofold.ui.dialogs.about import diff_backend, versions_text
from twofold.ui.dialogs.shortcuts_sheet import ShortcutsSheet, plain, shortcut_rows
from twofold.ui.main_window import MainWindow


def test_f1_opens_a_sheet_with_every_shortcut(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    sheet = window.findChild(ShortcutsSheet, "shortcutsSheet")
    assert sheet is not None
    assert sheet.isVisible()
    shown = sheet.commands()
    with_keys = [spec for spec in ACTIONS if key_sequences(spec)]
    assert set(shown) == {plain(spec.text) for spec in with_keys}
    for spec in with_keys:
        first = key_sequences(spec)[0].toString(QKeySequence.SequenceFormat.NativeText)
        assert first in shown[plain(spec.text)], spec.id
    assert shown["Keyboard Shortcuts"] == "F1"
    qtbot.keyClick(window, Qt.Key.Key_F1)  # again: the same sheet, not a second one
    assert len(window.findChildren(ShortcutsSheet)) == 1


def test_sheet_rows_follow_the_table_order(qapp: object) -> None:
    menus = [menu for menu, _command, _keys in shortcut_rows()]
    assert menus[0] == "File"
    assert menus.index("Compare") < menus.index("Go") < menus.index("Help")
    assert plain("Export &HTML Report…") == "Export HTML Report"
    assert plain("Save && &Quit") == "Save & Quit"


def test_about_box_names_the_versions(window: MainWindow) -> None:
    window.actions_by_id["about"].trigger()
    box = window.findChild(QMessageBox, "aboutBox")
    assert box is not None
    assert box.isVisible()
    assert not box.isModal() or box.windowModality() is Qt.WindowModality.WindowModal
    text = box.text() + box.informativeText()
    for expected in (
        __version__,
        qVersion(),
        PySide6.__version__,
        version("chardet"),
        "diff-match-patch",
        "Python",
    ):
        assert expected in text, expected
    assert diff_backend().split(" ")[0] in ("C++", "pure")
    assert __version__ in versions_text()
    box.close()


def _dark_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor(24, 24, 24))
    palette.setColor(QPalette.ColorRole.Text, QColor(230, 230, 230))
    palette.setColor(QPalette.ColorRole.Window, QColor(40, 40, 40))
    return palette


def test_a_dark_palette_recolours_the_panes(window: MainWindow) -> None:
    assert not window.theme_watcher.theme.dark
    window.setPalette(_dark_palette())
    assert window.theme_watcher.theme.dark
    assert window.sidebar.view.itemDelegate().theme.dark  # type: ignore[attr-defined]


def test_a_colour_scheme_change_is_followed(qtbot: QtBot, window: MainWindow) -> None:
    watcher = window.theme_watcher
    window.removeEventFilter(watcher)  # only the QStyleHints signal may tell it now
    window.setPalette(_dark_palette())
    assert not watcher.theme.dark
    with qtbot.waitSignal(watcher.theme_changed, timeout=2000):
        QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert watcher.theme.dark


@pytest.mark.parametrize("action", ["about", "shortcuts"])
def test_help_is_in_the_help_menu(window: MainWindow, action: str) -> None:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.actions_by_id[action] in help_menu.actions()  # type: ignore[union-attr]
