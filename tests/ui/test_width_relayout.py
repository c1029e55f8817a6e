# SPDX-License-Identifier: GPL-3.0-or-later
"""A big pane re-wraps once a width change has stopped, a small one at once.

"Big" is ``ViewTuning.relayout_defer_blocks`` blocks (20,000); the tests lower it so
that a few hundred paragraphs count, and read what Qt has laid out: the line
count of a long paragraph on screen, before and after the window narrows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qt_helpers import TunedWindow, compare_and_wait
from twofold.engine.result.kinds import Side
from twofold.ui.main_window import MainWindow
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.tuning import DEFAULT_VIEW_TUNING

SENTENCE = "Every paragraph here is long enough to wrap over several lines of a pane. "


@pytest.fixture
def long_paragraphs(tmp_path: Path) -> tuple[Path, Path]:
    """300 paragraphs of ~600 characters; every tenth reworded in B."""
    a = [f"{i}. " + SENTENCE * 8 for i in range(300)]
    b = [
        p.replace("long enough", "quite long enough") if i % 10 == 3 else p for i, p in enumerate(a)
    ]
    (tmp_path / "a.txt").write_text("\n\n".join(a) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(b) + "\n", encoding="utf-8")
    return tmp_path / "a.txt", tmp_path / "b.txt"


@pytest.fixture
def big(qtbot: QtBot, tuned_window: TunedWindow, long_paragraphs: tuple[Path, Path]) -> MainWindow:
    """The window on the pair, with 100 blocks counting as big; laid out, nothing pending."""
    window = tuned_window(relayout_defer_blocks=100)
    compare_and_wait(qtbot, window, *long_paragraphs)
    for side in Side:
        pane = window.view.pane(side)
        assert pane.blockCount() >= 100
        qtbot.waitUntil(lambda p=pane: not p.layout_pending, timeout=5_000)  # the gutter widened
    return window


def _first_block_lines(pane: DiffPane) -> int:
    block = pane.document().firstBlock()
    pane.document().documentLayout().blockBoundingRect(block)  # laid out if it was not
    return block.lineCount()


def _narrow_in_steps(qtbot: QtBot, window: MainWindow, steps: int, step_px: int) -> None:
    """Narrow the window as a dragged edge does: a step, a frame's pause, the next."""
    pane = window.view.pane(Side.A)
    for _ in range(steps):
        before = pane.viewport().width()
        window.resize(window.width() - step_px, window.height())
        qtbot.waitUntil(lambda before=before: pane.viewport().width() < before)  # step taken


def test_a_big_pane_rewraps_once_the_window_stops_narrowing(qtbot: QtBot, big: MainWindow) -> None:
    window = big
    pane = window.view.pane(Side.A)
    wide_lines = _first_block_lines(pane)
    estimate = pane.estimated_lines()
    policy = pane.horizontalScrollBarPolicy()

    _narrow_in_steps(qtbot, window, steps=6, step_px=60)

    # Mid-drag: the old line breaks, their estimate, no scroll bar for the old width.
    assert pane.layout_pending
    assert _first_block_lines(pane) == wide_lines
    assert pane.estimated_lines() is estimate
    assert pane.horizontalScrollBarPolicy() is Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    qtbot.waitUntil(lambda: not pane.layout_pending, timeout=5_000)  # laid out and announced
    assert _first_block_lines(pane) > wide_lines
    assert pane.estimated_lines() is not estimate
    assert pane.horizontalScrollBarPolicy() is policy


def test_a_small_pane_rewraps_at_each_width(
    qtbot: QtBot, window: MainWindow, long_paragraphs: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, *long_paragraphs)
    pane = window.view.pane(Side.B)
    assert pane.blockCount() < DEFAULT_VIEW_TUNING.relayout_defer_blocks
    wide_lines = _first_block_lines(pane)

    window.resize(window.width() - 360, window.height())

    qtbot.waitUntil(lambda: _first_block_lines(pane) > wide_lines)


def test_a_pane_without_wrapping_keeps_its_scroll_bar_while_the_width_waits(
    qtbot: QtBot, big: MainWindow
) -> None:
    window = big
    window.activateWindow()
    qtbot.waitActive(window)
    if window.actions_by_id["wrap"].isChecked():
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    pane = window.view.pane(Side.A)
    qtbot.waitUntil(lambda: not pane.layout_pending, timeout=5_000)
    assert _first_block_lines(pane) == 1
    policy = pane.horizontalScrollBarPolicy()

    _narrow_in_steps(qtbot, window, steps=3, step_px=60)

    assert pane.layout_pending
    assert pane.horizontalScrollBarPolicy() is policy  # long lines still scroll sideways
    qtbot.waitUntil(lambda: not pane.layout_pending, timeout=5_000)
    assert _first_block_lines(pane) == 1
    assert pane.horizontalScrollBar().maximum() > 0
