# SPDX-License-Identifier: GPL-3.0-or-later
"""Scrolling sideways, wrapping and reloading keep what the reader looks at whole."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QPaintEvent, QRegion, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait, wait_settled
from support import DATA
from twofold.engine.result.kinds import Side
from twofold.engine.result.model import Pair
from twofold.ui.bars.banner import Topic
from twofold.ui.main_window import MainWindow

PAIR = DATA / "pairs" / "pep1_mixed"
ALT = Qt.KeyboardModifier.AltModifier


def _load(qtbot: QtBot, win: MainWindow) -> None:
    compare_and_wait(qtbot, win, PAIR / "a.txt", PAIR / "b.txt")
    win.view.pane(Side.A).setFocus()


def _unwrap(qtbot: QtBot, win: MainWindow) -> None:
    if win.actions_by_id["wrap"].isChecked():
        qtbot.keyClick(win.view.pane(Side.A), Qt.Key.Key_Z, ALT)
    wait_settled(qtbot, win)
    assert not win.actions_by_id["wrap"].isChecked()


def _current_pair(win: MainWindow) -> Pair:
    return win.view.sync.changes[win.current_change or 0]


def _wheel_sideways(qtbot: QtBot, win: MainWindow, side: Side) -> None:
    viewport = win.view.pane(side).viewport()
    at = QPointF(viewport.width() / 2, viewport.height() / 2)
    event = QWheelEvent(
        at,
        viewport.mapToGlobal(at),
        QPoint(),
        QPoint(-120, 0),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_without_wrap_scrolling_sideways_scrolls_both_panes(
    qtbot: QtBot, window: MainWindow
) -> None:
    _load(qtbot, window)
    _unwrap(qtbot, window)
    left, right = (window.view.pane(side).horizontalScrollBar() for side in Side)
    assert left.maximum() > 0
    assert right.maximum() > 0
    _wheel_sideways(qtbot, window, Side.A)
    assert left.value() > 0
    assert right.value() == left.value()
    right.setValue(0)
    assert left.value() == 0


class _Painted(QObject):
    """Collects the regions a widget repaints."""

    def __init__(self) -> None:
        super().__init__()
        self.region = QRegion()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(event, QPaintEvent):
            self.region += event.region()
        return False


def test_scrolling_sideways_repaints_the_whole_current_change_frame(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Qt moves the pixels and repaints the strip that came in; the frame's sides would trail."""
    _load(qtbot, window)
    _unwrap(qtbot, window)
    pane = window.view.pane(Side.A)
    frame_top = round(pane.y_of(window.view.sync.block_extent(_current_pair(window), Side.A).top))
    painted = _Painted()
    pane.viewport().installEventFilter(painted)
    _wheel_sideways(qtbot, window, Side.A)
    qtbot.waitUntil(lambda: not painted.region.isEmpty())
    wait_settled(qtbot, window)
    width = pane.viewport().width()
    for x in (1, 2, width - 3, width - 2):  # the frame's left and right sides
        assert painted.region.contains(QPoint(x, frame_top + 2)), x


def _on_screen(win: MainWindow, side: Side) -> bool:
    pane = win.view.pane(side)
    extent = win.view.sync.block_extent(_current_pair(win), side)
    top, bottom = pane.y_of(extent.top), pane.y_of(extent.bottom)
    return bottom > 0 and top < pane.viewport().height()


def test_wrapping_keeps_the_current_change_on_screen(qtbot: QtBot, window: MainWindow) -> None:
    _load(qtbot, window)
    for _ in range(12):
        qtbot.keyClick(window.view.pane(Side.A), Qt.Key.Key_Down, ALT)
    wait_settled(qtbot, window)
    for _ in range(4):
        qtbot.keyClick(window.view.pane(Side.A), Qt.Key.Key_Z, ALT)
        wait_settled(qtbot, window)
        assert all(_on_screen(window, side) for side in Side)


def _selections(win: MainWindow, side: Side) -> set[tuple[int, int]]:
    return {
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in win.view.pane(side).extraSelections()
    }


def test_a_reload_that_closes_a_banner_highlights_the_text_it_uncovers(
    qtbot: QtBot, window: MainWindow
) -> None:
    _load(qtbot, window)
    for _ in range(3):
        window.banner.show_message(f"Something went wrong {_}.", Topic.PROBLEM)
    wait_settled(qtbot, window)
    with qtbot.waitSignal(window.comparison_finished, timeout=60_000):
        window.reload()
    wait_settled(qtbot, window)
    assert not window.banner.text()
    shown = {side: _selections(window, side) for side in Side}
    for side in Side:  # what a scroll there and back would give
        bar = window.view.pane(side).verticalScrollBar()
        value = bar.value()
        bar.setValue(value + 5)
        bar.setValue(value)
    wait_settled(qtbot, window)
    for side in Side:
        assert shown[side] == _selections(window, side), side
