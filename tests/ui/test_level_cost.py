# SPDX-License-Identifier: GPL-3.0-or-later
"""Levelling the panes lays out what is on screen, not the whole of a big document.

A one-line document is shown as many display blocks in a few huge groups (one
anchor every many sentences); measuring a whole group, or the last one for the
scroll range, laid out every block of both panes (seconds and hundreds of MB on
a 5 MB line). Counted from Qt's own layout (a block laid out has lines), not
from a timing.
"""

from __future__ import annotations

import random
from pathlib import Path

from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait, level_gaps
from twofold.engine.result.model import Side
from twofold.ui.main_window import MainWindow
from twofold.ui.panes.diff_pane import DiffPane

WORDS = [
    "the",
    "a",
    "river",
    "stone",
    "light",
    "paper",
    "quiet",
    "window",
    "north",
    "letter",
    "harbour",
    "green",
]


def _one_line_pair(tmp_path: Path, sentences: int) -> tuple[Path, Path]:
    """Two single lines of prose, every tenth sentence reworded on the right."""
    rng = random.Random(7)
    left, right = [], []
    for n in range(sentences):
        sentence = " ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "."
        left.append(sentence)
        right.append(sentence if n % 10 else sentence.replace("the", "this").upper())
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(" ".join(left) + "\n", encoding="utf-8")
    b.write_text(" ".join(right) + "\n", encoding="utf-8")
    return a, b


def _laid_out(pane: DiffPane) -> int:
    block, count = pane.document().firstBlock(), 0
    while block.isValid():
        count += block.layout().lineCount() > 0
        block = block.next()
    return count


def test_a_huge_one_line_pair_lays_out_only_a_few_screens(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    compare_and_wait(qtbot, window, *_one_line_pair(tmp_path, 12_000))
    for side in Side:
        pane = window.view.pane(side)
        screen = pane.viewport().height() / pane.line_height()
        assert pane.blockCount() > 10 * screen  # far more than a screen, or nothing is shown
        # the screen shown, and the last one for the scroll range, as Qt alone does
        assert _laid_out(pane) <= 4 * screen, side
    gaps = level_gaps(window)
    assert gaps
    assert max(gaps) <= 2
