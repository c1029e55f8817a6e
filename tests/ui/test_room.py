# SPDX-License-Identifier: GPL-3.0-or-later
"""Room for the text: what the chrome leaves the panes, and the list that folds away.

Measured as a reader sees it: the width of the two text areas (the panes'
viewports, without gutters, band, strip or scroll bars) against the window's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QSplitter, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait, resize_and_settle, wait_settled
from twofold.engine.result.kinds import Side
from twofold.ui.files.settings import Settings
from twofold.ui.main_window import MainWindow


def text_share(win: MainWindow) -> float:
    """The share of the window's width the two text areas get."""
    text = sum(win.view.pane(side).viewport().width() for side in Side)
    return text / win.width()


def _loaded(qtbot: QtBot, win: MainWindow, demo: tuple[Path, Path], width: int) -> None:
    win.resize(width, 800)
    compare_and_wait(qtbot, win, *demo)
    resize_and_settle(qtbot, win, width, 801)


def test_the_text_gets_four_fifths_of_a_1280_window(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path]
) -> None:
    _loaded(qtbot, window, demo, 1280)
    assert text_share(window) >= 0.8
    assert not window.sidebar.isVisible(), "folded away by itself"


def test_the_list_folds_away_in_a_narrow_window_and_comes_back(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path]
) -> None:
    _loaded(qtbot, window, demo, 1800)
    assert window.sidebar.isVisible()
    assert window.actions_by_id["sidebar"].isChecked()
    resize_and_settle(qtbot, window, 1000, 700)
    assert not window.sidebar.isVisible()
    assert not window.actions_by_id["sidebar"].isChecked()
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F9)  # asked for: shown, narrow or not
    assert window.sidebar.isVisible()
    resize_and_settle(qtbot, window, 1100, 700)
    assert window.sidebar.isVisible(), "stays while the window stays narrow"
    resize_and_settle(qtbot, window, 900, 700)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert not window.sidebar.isVisible()
    resize_and_settle(qtbot, window, 1800, 700)
    assert not window.sidebar.isVisible(), "hidden by the reader: not shown by widening"
    qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.sidebar.isVisible()


def test_the_list_can_be_resized_and_its_width_is_remembered(
    qtbot: QtBot, settings: Settings, demo: tuple[Path, Path]
) -> None:
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.resize(1800, 800)
    win.show()
    qtbot.waitExposed(win)
    compare_and_wait(qtbot, win, *demo)
    splitter = win.findChild(QSplitter, "mainSplitter")
    assert splitter is not None
    handle = splitter.handle(1)
    before = win.sidebar.width()
    middle = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, middle - QPoint(60, 0))
    qtbot.mouseMove(handle, middle - QPoint(120, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=middle - QPoint(120, 0))
    qtbot.waitUntil(lambda: win.sidebar.width() >= before + 100)
    wider = win.sidebar.width()
    win.close()
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    again.resize(1800, 800)
    again.show()
    qtbot.waitExposed(again)
    compare_and_wait(qtbot, again, *demo)
    assert abs(again.sidebar.width() - wider) <= 2


def test_one_overview_strip(qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path]) -> None:
    _loaded(qtbot, window, demo, 1280)
    strip = window.view.overview
    assert strip.width() <= 20
    strip.repaint()
    assert strip.marks is not None
    image = strip.marks.toImage()  # the marks, without the frame of what is on screen
    # One column: a change's mark runs across the strip, no second column beside it.
    mark = window.view.pane(Side.B).theme.overview
    rows = [
        y
        for y in range(image.height())
        if image.pixelColor(image.width() // 2, y) in [mark[kind] for kind in mark]
    ]
    assert rows, "the middle of the strip shows the changes"


def test_the_wheel_over_the_strip_scrolls_the_texts(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path]
) -> None:
    _loaded(qtbot, window, demo, 1280)
    resize_and_settle(qtbot, window, 1280, 400)
    bars = [window.view.pane(side).verticalScrollBar() for side in Side]
    assert all(bar.value() == 0 for bar in bars)  # the first change is at the top
    strip = window.view.overview
    at = QPointF(strip.rect().center())
    wheel = QWheelEvent(
        at,
        QPointF(strip.mapToGlobal(at.toPoint())),
        QPoint(0, 0),
        QPoint(0, -240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(strip, wheel)
    qtbot.waitUntil(lambda: all(bar.value() > 0 for bar in bars))


def test_the_ignore_toggles_are_on_the_toolbar_at_800_by_600(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path]
) -> None:
    _loaded(qtbot, window, demo, 800)
    resize_and_settle(qtbot, window, 800, 600)
    bar = window.findChild(QToolBar, "optionsToolBar")
    assert bar is not None
    overflow = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert overflow is None or not overflow.isVisible(), "nothing hidden in an overflow"
    for name in ("ignore_whitespace", "ignore_case", "ignore_typography"):
        action = window.actions_by_id[name]
        button = bar.widgetForAction(action)
        assert button.isVisible(), name
        assert bar.rect().contains(button.geometry()), name
        was = action.isChecked()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert action.isChecked() is not was, name
    wait_settled(qtbot, window)


def test_the_list_head_does_not_repeat_the_count(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path]
) -> None:
    _loaded(qtbot, window, demo, 1800)
    texts = [
        label.text() for label in window.sidebar.findChildren(type(window.status_line.stats_label))
    ]
    count = len(window.result.changes)  # type: ignore[union-attr]
    assert f"All changes ({count})" == window.sidebar.filter.currentText()
    assert not [text for text in texts if f"({count})" in text]
