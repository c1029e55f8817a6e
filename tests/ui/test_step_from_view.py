# SPDX-License-Identifier: GPL-3.0-or-later
"""Next and Previous start from what is on screen, and say when they wrap around."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait, level_gaps, wait_settled
from support import DATA
from twofold.engine.result.kinds import Side
from twofold.ui.main_window import MainWindow
from twofold.ui.panes.pane_sync import READING_AT

PAIR = DATA / "pairs" / "pep1_mixed"
ALT = Qt.KeyboardModifier.AltModifier


def _load(qtbot: QtBot, win: MainWindow) -> None:
    compare_and_wait(qtbot, win, PAIR / "a.txt", PAIR / "b.txt")
    win.view.pane(Side.A).setFocus()


def _press(qtbot: QtBot, win: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(win.view.pane(Side.A), key, ALT)
    wait_settled(qtbot, win)


def _wheel(qtbot: QtBot, win: MainWindow, notches: int) -> None:
    viewport = win.view.pane(Side.A).viewport()
    at = QPointF(viewport.width() / 2, viewport.height() / 2)
    for _ in range(abs(notches)):
        event = QWheelEvent(
            at,
            viewport.mapToGlobal(at),
            QPoint(),
            QPoint(0, -120 if notches > 0 else 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)
    wait_settled(qtbot, win)


def _tops(win: MainWindow) -> list[float]:
    """Each change's top in the right pane, in viewport pixels (its gap for a deletion)."""
    pane, sync = win.view.pane(Side.B), win.view.sync
    return [pane.y_of(sync.block_extent(pair, Side.B).top) for pair in sync.changes]


def _reading_y(win: MainWindow) -> float:
    return READING_AT * win.view.pane(Side.B).viewport().height()


def _button(win: MainWindow, action: str) -> QWidget:
    bar = win.findChild(QToolBar, "optionsToolBar")
    assert bar is not None
    button = bar.widgetForAction(win.actions_by_id[action])
    assert button is not None
    return button


def test_after_scrolling_next_goes_to_the_first_change_below_the_reading_position(
    qtbot: QtBot, window: MainWindow
) -> None:
    _load(qtbot, window)
    _wheel(qtbot, window, 25)
    tops, reading = _tops(window), _reading_y(window)
    line = window.view.pane(Side.B).line_height()
    below = [n for n, top in enumerate(tops) if top >= reading - line]
    assert below
    assert below[0] > 2  # far from the current change (the first)
    _press(qtbot, window, Qt.Key.Key_Down)
    assert window.current_change == below[0]


def test_after_scrolling_previous_goes_to_the_last_change_above_the_reading_position(
    qtbot: QtBot, window: MainWindow
) -> None:
    _load(qtbot, window)
    _wheel(qtbot, window, 30)
    tops, reading = _tops(window), _reading_y(window)
    line = window.view.pane(Side.B).line_height()
    above = [n for n, top in enumerate(tops) if top < reading - line]
    assert len(above) > 2
    _press(qtbot, window, Qt.Key.Key_Up)
    assert window.current_change == above[-1]


def test_a_click_on_the_overview_is_where_next_starts(qtbot: QtBot, window: MainWindow) -> None:
    _load(qtbot, window)
    overview = window.view.overview
    qtbot.mouseClick(
        overview,
        Qt.MouseButton.LeftButton,
        pos=QPoint(overview.width() // 2, overview.height() // 2),
    )
    wait_settled(qtbot, window)
    tops, reading = _tops(window), _reading_y(window)
    line = window.view.pane(Side.B).line_height()
    below = [n for n, top in enumerate(tops) if top >= reading - line]
    assert below[0] > 2
    _press(qtbot, window, Qt.Key.Key_Down)
    assert window.current_change == below[0]


def test_stepping_from_where_stepping_left_the_view_goes_one_change_on(
    qtbot: QtBot, window: MainWindow
) -> None:
    _load(qtbot, window)
    for step in range(1, 8):
        _press(qtbot, window, Qt.Key.Key_Down)
        assert window.current_change == step
    for step in range(6, 2, -1):
        _press(qtbot, window, Qt.Key.Key_Up)
        assert window.current_change == step


def test_the_last_change_says_so_greys_next_and_wraps_on_the_next_press(
    qtbot: QtBot, window: MainWindow
) -> None:
    _load(qtbot, window)
    count = len(window.view.sync.changes)
    assert not _button(window, "previous_change").isEnabled()  # at the first change
    assert _button(window, "next_change").isEnabled()
    qtbot.keyClick(window.view.pane(Side.A), Qt.Key.Key_End, ALT)
    wait_settled(qtbot, window)
    assert window.current_change == count - 1
    assert max(level_gaps(window)) <= 2  # the panes' ends are level too
    assert not _button(window, "next_change").isEnabled()
    assert _button(window, "previous_change").isEnabled()
    assert "last change" in window.statusBar().currentMessage().lower()
    _press(qtbot, window, Qt.Key.Key_Down)
    assert window.current_change == 0
    assert "first" in window.statusBar().currentMessage().lower()
    assert not _button(window, "previous_change").isEnabled()
    _press(qtbot, window, Qt.Key.Key_Up)
    assert window.current_change == count - 1
    assert "last" in window.statusBar().currentMessage().lower()


def test_scrolling_away_from_the_last_change_makes_next_usable_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    _load(qtbot, window)
    qtbot.keyClick(window.view.pane(Side.A), Qt.Key.Key_End, ALT)
    wait_settled(qtbot, window)
    assert not _button(window, "next_change").isEnabled()
    _wheel(qtbot, window, -20)
    assert _button(window, "next_change").isEnabled()
    _press(qtbot, window, Qt.Key.Key_Down)
    assert window.current_change is not None
    assert window.current_change < len(window.view.sync.changes) - 1
