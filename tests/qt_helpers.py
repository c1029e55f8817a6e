# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for the window tests (pytest-qt), shared by every file under tests/ui."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from twofold.ui.main_window import MainWindow

#: ``tuned_window(**changes)`` (a fixture): a shown window whose ``ViewTuning`` has ``changes``
TunedWindow = Callable[..., "MainWindow"]


def compare_and_wait(qtbot: QtBot, win: MainWindow, left: Path | str, right: Path | str) -> None:
    """Compare two files in ``win`` and wait until the result is on screen and filled in."""
    with qtbot.waitSignal(win.comparison_finished, timeout=60_000):
        win.compare_files(str(left), str(right))
    wait_settled(qtbot, win)


def wait_settled(qtbot: QtBot, win: MainWindow) -> None:
    """Wait until what ``win`` shows is filled in, laid out and has no deferred step queued.

    The panes announce a width or font change after a delay (``layout_changed``)
    and the overview renders many marks in later turns: ``DiffView.settled`` is
    false until all of that has run, so a test reads the geometry the user sees.
    """
    qtbot.waitUntil(lambda: win.view.settled, timeout=30_000)


def resize_and_settle(qtbot: QtBot, win: MainWindow, width: int, height: int) -> None:
    """Resize ``win`` and wait until its panes have the new size and have settled.

    The resize reaches the panes through the window system and the layout, a turn
    or more later; only then do they start their delayed relayout.
    """
    from twofold.engine.result.kinds import Side

    pane = win.view.pane(Side.A)
    before = pane.viewport().size()
    win.resize(width, height)
    qtbot.waitUntil(lambda: pane.viewport().size() != before, timeout=10_000)
    wait_settled(qtbot, win)


def deliver_posted_events() -> None:
    """Deliver every event already posted to the UI thread, queued signals included.

    A signal emitted in a worker thread reaches a UI-thread slot as a posted
    event; once this returns, anything emitted before it has been delivered, so
    a test can say that nothing (a stale result, a second report) came.
    """
    QCoreApplication.sendPostedEvents()


def next_turn(qtbot: QtBot) -> None:
    """Let the event loop run once: the zero timers started before this have fired."""
    turned: list[bool] = []
    QTimer.singleShot(0, lambda: turned.append(True))
    qtbot.waitUntil(lambda: bool(turned))


def drop_files(target: QWidget, paths: list[Path | str]) -> bool:
    """Send a real DragEnter then Drop carrying file URLs; True if the drop was accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = target.rect().center()
    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(
        QPointF(QPoint(pos)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    return drop.isAccepted()


def level_gaps(win: MainWindow) -> list[float]:
    """How far apart the two panes show each pair on screen (its first line's y in each).

    Every pair with a paragraph on both sides, not moved, whose first line is in
    view in either pane; read from Qt's layout, not from Twofold's own geometry.
    """
    from twofold.engine.result.kinds import PairKind, Side

    view = win.view
    result = view.result
    assert result is not None

    def first_line_y(side: Side, paragraph: int) -> float:
        pane = view.pane(side)
        block = pane.document().findBlockByNumber(pane.table.para_first[paragraph])
        top = pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top()
        layout = block.layout()
        # Where the reader sees it: from the pane's top edge, wherever its viewport begins.
        seen = pane.viewport().geometry().top() - pane.contentsRect().top()
        return seen + top + (layout.lineAt(0).y() if layout.lineCount() else 0.0)

    gaps = []
    for pair in result.pairs:
        if not pair.a or not pair.b or pair.kind is PairKind.MOVED:
            continue
        ya, yb = first_line_y(Side.A, pair.a[0]), first_line_y(Side.B, pair.b[0])
        height = view.pane(Side.A).contentsRect().height()
        if 0 <= ya < height or 0 <= yb < height:
            gaps.append(abs(ya - yb))
    return gaps


@contextmanager
def desktop_font_size(points: float) -> Iterator[QFont]:
    """The application (desktop) font at ``points`` for the block; the panes follow it."""
    from PySide6.QtGui import QGuiApplication

    before = QFont(QGuiApplication.font())
    font = QFont(before)
    font.setPointSizeF(points)
    QGuiApplication.setFont(font)
    try:
        yield font
    finally:
        QGuiApplication.setFont(before)
