# SPDX-License-Identifier: GPL-3.0-or-later
"""Every pair on screen stays level while the reader scrolls: the wheel and the overview.

A pane stops only where one of its lines begins; the one following the
other must still put each pair beside its counterpart to the pixel, also
where its top edge falls inside a paragraph's padding (an inserted one on
the other side). The heights are read from Qt's layout (``level_gaps``), as
the reader sees them from each pane's top edge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from qt_helpers import TunedWindow, compare_and_wait, level_gaps, wait_settled
from support import DATA
from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.model import DiffResult, Pair
from twofold.engine.tuning import DEFAULT_GEOMETRY_TUNING
from twofold.engine.view.view_geometry import prepare
from twofold.ui.main_window import MainWindow

PAIR = DATA / "pairs" / "pep1_mixed"


def _wheel(widget: QWidget, notches: int) -> None:
    """``notches`` clicks of a mouse wheel over ``widget`` (down when positive)."""
    at = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        at,
        widget.mapToGlobal(at),
        QPoint(),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def reworded(qtbot: QtBot, window: MainWindow) -> MainWindow:
    window.resize(1000, 640)
    compare_and_wait(qtbot, window, PAIR / "a.txt", PAIR / "b.txt")
    return window


@pytest.mark.parametrize("side", [Side.A, Side.B])
def test_every_pair_on_screen_is_level_after_each_wheel_notch(
    qtbot: QtBot, reworded: MainWindow, side: Side
) -> None:
    viewport = reworded.view.pane(side).viewport()
    bar = reworded.view.pane(side).verticalScrollBar()
    looked = 0
    for notch in range(60):
        _wheel(viewport, 1)
        gaps = level_gaps(reworded)
        looked += len(gaps)
        assert max(gaps, default=0.0) <= 2, (notch, gaps)
        if bar.value() == bar.maximum():
            break
    for notch in range(8):  # and back up
        _wheel(viewport, -1)
        assert max(level_gaps(reworded), default=0.0) <= 2, notch
    assert looked > 100


def test_the_line_numbers_stay_beside_their_lines_while_a_pane_follows(
    qtbot: QtBot, reworded: MainWindow
) -> None:
    """The follower's viewport may start above its top edge: its gutter starts there too."""
    right = reworded.view.pane(Side.B)
    gutter = right.findChild(QWidget, "lineGutter")
    assert gutter is not None
    moved = 0
    for _ in range(40):
        _wheel(reworded.view.pane(Side.A).viewport(), 1)
        viewport = right.viewport().geometry()
        moved += viewport.top() != right.contentsRect().top()
        assert gutter.geometry().top() == viewport.top()
        assert gutter.geometry().bottom() == viewport.bottom()
    assert moved  # the right pane did sit between two of its lines


def test_scrolling_one_pane_then_the_other_keeps_every_pair_level(
    qtbot: QtBot, reworded: MainWindow
) -> None:
    """The pane that followed takes the lead from where it stood, and the other follows it."""
    for notch in range(30):
        _wheel(reworded.view.pane(Side.A if notch % 3 else Side.B).viewport(), 1)
        assert max(level_gaps(reworded), default=0.0) <= 2, notch


def test_clicking_and_dragging_the_overview_keeps_every_pair_level(
    qtbot: QtBot, reworded: MainWindow
) -> None:
    overview = reworded.view.overview
    x = overview.width() // 2
    for step in range(1, 20):
        at = QPoint(x, step * overview.height() // 20)
        qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=at)
        assert max(level_gaps(reworded), default=0.0) <= 2, step
    qtbot.mousePress(overview, Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    for y in range(5, overview.height(), 7):
        qtbot.mouseMove(overview, QPoint(x, y))
        assert max(level_gaps(reworded), default=0.0) <= 2, y
    qtbot.mouseRelease(overview, Qt.MouseButton.LeftButton, pos=QPoint(x, overview.height() - 5))
    wait_settled(qtbot, reworded)
    assert max(level_gaps(reworded), default=0.0) <= 2


def test_the_overview_frame_keeps_its_size_beside_a_long_deletion(
    qtbot: QtBot, window: MainWindow, make_result: Callable[..., DiffResult]
) -> None:
    """The strip is scaled as the levelled panes are: the padding of a deletion counts.

    Scaled by the right-hand text alone, the frame shrank to a sliver while the
    panes showed the deleted paragraphs (the right pane only padding there), and the
    marks after them sat higher on the strip than in the panes.
    """
    words = "a paragraph long enough to wrap over several lines in a pane of this width "
    a = [f"{n} {words * 3}" for n in range(40)]
    b = [f"{n} {words * 3}" for n in range(10)] + [f"{n} {words * 3}" for n in range(30, 40)]
    pairs = [Pair(PairKind.EQUAL, (n,), (n,), 1.0) for n in range(10)]
    pairs += [Pair(PairKind.DELETED, (n,), (), 0.0) for n in range(10, 30)]
    pairs += [Pair(PairKind.EQUAL, (n,), (n - 20,), 1.0) for n in range(30, 40)]
    window.resize(900, 600)
    window.show_result(prepare(make_result(a, b, pairs)))
    wait_settled(qtbot, window)
    overview = window.view.overview
    bar = window.view.pane(Side.A).verticalScrollBar()
    heights = []
    while bar.value() < bar.maximum():
        _wheel(window.view.pane(Side.A).viewport(), 1)
        wait_settled(qtbot, window)
        heights.append(overview.frame().height())
    assert len(heights) > 10
    assert max(heights) < 1.5 * min(heights), heights


def test_the_strip_levels_a_long_document_a_slice_at_a_time(
    qtbot: QtBot, tuned_window: TunedWindow, make_result: Callable[..., DiffResult]
) -> None:
    """Painting the strip's frame never levels a long document's scale in one go.

    After a wrap or zoom the levelled estimate starts again; a paint of the frame
    that finished it held the window for all of a log's lines at once (0.5 s on
    the 250,000-line log, ``bench/gui_actions.py``). A document of more groups than
    a slice keeps the pane's own scale when nothing levels it in slices.
    """
    geometry = replace(DEFAULT_GEOMETRY_TUNING, estimate_slice_blocks=8)
    window = tuned_window(geometry=geometry)
    a = [f"line {n} of a long document" for n in range(400)]
    kept = [n for n in range(400) if n % 4]  # every fourth line deleted: 100 groups
    b = [a[n] for n in kept]
    pairs = [
        Pair(PairKind.EQUAL, (n,), (kept.index(n),), 1.0)
        if n % 4
        else Pair(PairKind.DELETED, (n,), (), 0.0)
        for n in range(400)
    ]
    window.show_result(prepare(make_result(a, b, pairs)))
    sync, right = window.view.sync, window.view.pane(Side.B)
    own = right.estimated_lines()[-1]
    assert sync.level_lines(Side.B)[-1] == own, "levelled in one go by the first paint"
    wait_settled(qtbot, window)
    window.view.overview.frame()  # a paint of the frame asks for the scale again
    assert sync.level_lines(Side.B)[-1] == right.estimated_lines()[-1]
