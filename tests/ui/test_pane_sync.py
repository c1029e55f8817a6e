# SPDX-License-Identifier: GPL-3.0-or-later
"""Scrolling one pane keeps the counterpart paragraph level in the other, under wrap."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from qt_helpers import (
    TunedWindow,
    compare_and_wait,
    desktop_font_size,
    level_gaps,
    resize_and_settle,
    wait_settled,
)
from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.model import DiffResult, Pair
from twofold.engine.tuning import GeometryTuning
from twofold.engine.view.view_geometry import prepare
from twofold.ui.main_window import MainWindow


@pytest.fixture
def uneven(make_result) -> DiffResult:  # type: ignore[no-untyped-def]
    """Paragraphs much longer on the right, plus an insertion: proportion would drift."""
    a, b, pairs = [], [], []
    for i in range(30):
        words = f"paragraph {i} " + "short text " * 25
        a.append(words)
        b.append(f"paragraph {i} " + "much longer reworded text " * (5 + (i % 4) * 12))
        pairs.append(Pair(PairKind.CHANGED, (i,), (len(b) - 1,), 0.5))
        if i == 10:
            b.append("an inserted paragraph " * 20)
            pairs.append(Pair(PairKind.INSERTED, (), (len(b) - 1,), 0.0))
    return make_result(a, b, pairs)


@pytest.fixture
def ten_point_desktop() -> Iterator[None]:
    """The desktop font this was measured with (the panes follow it: 11-point text)."""
    with desktop_font_size(10.0):
        yield


@pytest.mark.usefixtures("ten_point_desktop")
@pytest.mark.parametrize("source", [Side.A, Side.B])
def test_scrolling_keeps_the_counterpart_visible(
    qtbot: QtBot, window: MainWindow, uneven: DiffResult, source: Side
) -> None:
    """Every pair on screen level, wherever the other pane's lines begin (or its padding)."""
    window.resize(860, 700)
    window.show_result(prepare(uneven))
    wait_settled(qtbot, window)
    src_bar = window.view.pane(source).verticalScrollBar()
    assert src_bar.maximum() > 20
    looked = 0
    for value in range(0, src_bar.maximum(), max(1, src_bar.maximum() // 25)):
        src_bar.setValue(value)
        gaps = level_gaps(window)
        assert max(gaps, default=0.0) <= 2, value
        looked += len(gaps)
    assert looked > 25


def test_the_band_and_overview_paint(qtbot: QtBot, window: MainWindow, uneven: DiffResult) -> None:
    window.show_result(prepare(uneven))
    wait_settled(qtbot, window)
    assert not window.view.link.grab().isNull()
    assert not window.view.overview.grab().isNull()


def test_many_marks_are_rendered_in_a_later_turn(
    qtbot: QtBot, loaded: MainWindow, tuned_window: TunedWindow, demo: tuple[Path, Path]
) -> None:
    many = tuned_window(overview_later_changes=0, overview_rows_slice=1)  # a turn a change
    compare_and_wait(qtbot, many, *demo)
    overview = many.view.overview
    overview.invalidate()
    overview.repaint()  # this paint only schedules the marks
    assert overview.marks is None
    qtbot.waitUntil(lambda: overview.marks is not None, timeout=5000)
    later = overview.marks.toImage()  # type: ignore[union-attr]
    at_once = loaded.view.overview  # the demo has few changes: its paint renders the marks
    at_once.invalidate()
    at_once.repaint()
    assert at_once.marks is not None
    assert at_once.marks.toImage() == later


def test_the_overview_estimates_heights_a_slice_a_turn(
    qtbot: QtBot, tuned_window: TunedWindow, tmp_path: Path
) -> None:
    """A long document's estimate is spread over turns; the marks wait for all of it."""
    from twofold.engine.view import overview_estimate

    two_blocks = GeometryTuning(estimate_slice_blocks=2)
    loaded = tuned_window(overview_later_changes=0, geometry=two_blocks)
    text = "".join(f"Paragraph {n}, a few words of a long document.\n\n" for n in range(200))
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("Paragraph 7,", "Paragraph 7b,"), "utf-8")
    overview = loaded.view.overview
    turns: list[bool] = []  # one a pass of the event loop: whether the marks were still to come
    ticker = QTimer(interval=0)
    ticker.timeout.connect(lambda: turns.append(overview.marks is None))
    loaded.comparison_finished.connect(ticker.start)  # the result is on screen: marks to make
    compare_and_wait(qtbot, loaded, tmp_path / "a.txt", tmp_path / "b.txt")
    ticker.stop()
    assert overview.marks is not None
    pane = loaded.view.pane(Side.B)  # the one strip is drawn from the right-hand text
    assert pane.table.block_count >= 400
    assert turns.count(True) >= pane.table.block_count / 2  # the window answered meanwhile
    whole = overview_estimate.estimated_lines(pane.table.block_lengths, pane.chars_per_line())
    assert list(pane.estimated_lines()) == list(whole)


def test_both_panes_reach_their_ends_together(qtbot: QtBot, loaded: MainWindow) -> None:
    """Scrolling one pane to its top or bottom takes the other one there too."""
    resize_and_settle(qtbot, loaded, 900, 420)
    left = loaded.view.pane(Side.A).verticalScrollBar()
    right = loaded.view.pane(Side.B).verticalScrollBar()
    assert left.maximum() > 0
    left.setValue(left.maximum())
    qtbot.waitUntil(lambda: right.value() == right.maximum(), timeout=3000)
    left.setValue(0)
    qtbot.waitUntil(lambda: right.value() == 0, timeout=3000)
