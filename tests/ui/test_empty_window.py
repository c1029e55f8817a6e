# SPDX-License-Identifier: GPL-3.0-or-later
"""The window before anything is compared: what it says, offers and refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFrame, QListWidget, QPushButton, QToolBar
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait
from twofold.engine.result.kinds import Side
from twofold.ui.actions import NEED_A_COMPARISON
from twofold.ui.files.settings import Settings
from twofold.ui.main_window import MainWindow


def test_the_empty_window_says_nothing_about_changes(window: MainWindow) -> None:
    assert window.status_line.position_label.text() == ""


def test_commands_wait_for_something_to_act_on(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path]
) -> None:
    bar = window.findChild(QToolBar, "optionsToolBar")
    assert bar is not None
    for name in ("reload", "export_report", "next_change", "previous_change", "find", "swap"):
        action = window.actions_by_id[name]
        assert not action.isEnabled(), name
        if action in bar.actions():
            assert not bar.widgetForAction(action).isEnabled(), name
    assert window.actions_by_id["open"].isEnabled()
    compare_and_wait(qtbot, window, *demo)
    for name in sorted(NEED_A_COMPARISON):
        assert window.actions_by_id[name].isEnabled(), name


def test_ctrl_e_on_the_empty_window_does_no_harm(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert not window.banner.isVisible()
    assert window.banner.text() == ""
    assert window.stack.currentWidget() is window.drop_zone


def test_each_drop_zone_has_a_choose_button(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [str(demo[0]), str(demo[1])]
    asked: list[str] = []

    def choose(_parent: object, caption: str, *_args: object) -> tuple[str, str]:
        asked.append(caption)
        return answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    buttons = {
        side: target.findChild(QPushButton, "chooseFile")
        for side, target in window.drop_zone.targets.items()
    }
    assert all(
        button is not None and button.text() == "Choose file\u2026" for button in buttons.values()
    )
    qtbot.mouseClick(buttons[Side.A], Qt.MouseButton.LeftButton)
    assert window.result is None
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        qtbot.mouseClick(buttons[Side.B], Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    assert window.result is not None
    assert (window.result.a.path, window.result.b.path) == (str(demo[0]), str(demo[1]))


def test_the_recent_comparisons_are_listed_and_open(
    qtbot: QtBot, settings: Settings, demo: tuple[Path, Path]
) -> None:
    settings.add_recent_comparison(str(demo[0]), str(demo[1]))
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    listing = win.drop_zone.findChild(QListWidget, "recentComparisons")
    assert listing is not None
    assert listing.isVisible()
    assert listing.count() == 1
    item = listing.item(0)
    assert demo[0].name in item.text()
    assert demo[1].name in item.text()
    rect = listing.visualItemRect(item)
    with qtbot.waitSignal(win.comparison_finished, timeout=30_000):
        qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.result is not None


def test_the_empty_status_bar_draws_no_lone_divider(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path]
) -> None:
    """The line between the statistics and the formats stood alone under the drop zones."""
    window.show()
    qtbot.waitExposed(window)
    divider = window.statusBar().findChild(QFrame, "statusDivider")
    assert divider is not None
    assert not divider.isVisible()
    compare_and_wait(qtbot, window, *demo)
    assert divider.isVisible()
