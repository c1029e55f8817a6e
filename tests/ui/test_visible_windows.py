# SPDX-License-Identifier: GPL-3.0-or-later
"""Without wrapping, only what is in view of a long line is highlighted and searched.

A screen of 2,000-character pieces (a cut line, a minified script) holds far
more text than the pane shows; its highlights and find's matches are set for
the part in view, and follow the horizontal scroll bar.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait
from twofold.engine.result.kinds import Side
from twofold.ui.main_window import MainWindow
from twofold.ui.panes.diff_pane import DiffPane

WORDS = " ".join(f"word{i}" for i in range(400))  # ~3,500 characters on one line


@pytest.fixture
def long_lines(tmp_path: Path) -> tuple[Path, Path]:
    """Two one-line texts that differ near their start and near their end."""
    b = WORDS.replace("word3 ", "changed3 ").replace("word396 ", "changed396 ")
    (tmp_path / "a.txt").write_text(WORDS + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(b + "\n", encoding="utf-8")
    return tmp_path / "a.txt", tmp_path / "b.txt"


def _unwrapped(qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]) -> DiffPane:
    compare_and_wait(qtbot, window, *pair)
    window.activateWindow()
    qtbot.waitActive(window)
    if window.actions_by_id["wrap"].isChecked():
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)
    pane = window.view.pane(Side.B)
    qtbot.waitUntil(lambda: not pane.layout_pending)
    return pane


def _highlighted(pane: DiffPane) -> list[str]:
    return [s.cursor.selectedText() for s in pane.extraSelections()]


def test_only_the_part_in_view_is_highlighted(
    qtbot: QtBot, window: MainWindow, long_lines: tuple[Path, Path]
) -> None:
    pane = _unwrapped(qtbot, window, long_lines)
    assert any("changed3" in text for text in _highlighted(pane))
    assert not any("changed396" in text for text in _highlighted(pane))

    bar = pane.horizontalScrollBar()
    bar.setValue(bar.maximum())

    qtbot.waitUntil(lambda: any("changed396" in text for text in _highlighted(pane)))
    assert not any(text.strip() == "changed3" for text in _highlighted(pane))


def test_the_window_is_what_the_pane_shows(
    qtbot: QtBot, window: MainWindow, long_lines: tuple[Path, Path]
) -> None:
    pane = _unwrapped(qtbot, window, long_lines)
    bar = pane.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.waitUntil(lambda: pane.contentOffset().x() < 0)  # the text moved left
    numbers = pane.visible_blocks()[0]
    lo, hi = pane.visible_windows(numbers)[numbers[0]]
    line = pane.document().findBlockByNumber(numbers[0]).layout().lineAt(0)
    left = -pane.contentOffset().x()
    assert 0 < lo <= line.xToCursor(left) < line.xToCursor(left + pane.viewport().width()) < hi
    assert hi - lo < len(WORDS) // 2  # a part of the line, not all of it


def test_wrapped_panes_and_right_to_left_lines_count_whole(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    hebrew = " ".join(["שלום עולם"] * 300)
    (tmp_path / "a.txt").write_text(hebrew + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(hebrew.replace("עולם", "חבר", 1) + "\n", encoding="utf-8")
    pane = _unwrapped(qtbot, window, (tmp_path / "a.txt", tmp_path / "b.txt"))
    numbers = pane.visible_blocks()[0]
    block = pane.document().findBlockByNumber(numbers[0])
    assert pane.visible_windows(numbers)[numbers[0]] == (
        block.position(),
        block.position() + block.length(),
    )
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)  # wrap again
    assert pane.visible_windows(pane.visible_blocks()[0]) == {}


def test_a_wider_pane_highlights_what_comes_into_view(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    b = " ".join(f"changed{i}" if i % 4 == 3 else f"word{i}" for i in range(400))
    (tmp_path / "a.txt").write_text(WORDS + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(b + "\n", encoding="utf-8")
    window.resize(900, window.height())
    pane = _unwrapped(qtbot, window, (tmp_path / "a.txt", tmp_path / "b.txt"))

    def furthest() -> int:
        return max((s.cursor.selectionEnd() for s in pane.extraSelections()), default=-1)

    narrow = furthest()
    window.resize(1800, window.height())
    qtbot.waitUntil(lambda: not pane.layout_pending)
    qtbot.waitUntil(lambda: furthest() > narrow)
