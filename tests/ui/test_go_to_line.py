# SPDX-License-Identifier: GPL-3.0-or-later
"""Go to line (Ctrl+G), pressed and typed as a user does: the line comes to the reading position.

A number that names no line gets a sentence in the bar, which stays open.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait
from twofold.engine.result.kinds import Side
from twofold.ui.main_window import MainWindow
from twofold.ui.panes.pane_sync import READING_AT

LINES = 400


@pytest.fixture
def code(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> MainWindow:
    """A source pair of 400 and 410 lines: ten lines inserted near the top of the right."""
    lines = [f"value_{i} = compute({i})  # line {i + 1}" for i in range(LINES)]
    inserted = lines[:20] + [f"extra_{i} = {i}" for i in range(10)] + lines[20:]
    (tmp_path / "a.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("\n".join(inserted) + "\n", encoding="utf-8")
    compare_and_wait(qtbot, window, tmp_path / "a.py", tmp_path / "b.py")
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def _ask(qtbot: QtBot, window: MainWindow, typed: str) -> None:
    qtbot.keyClick(
        window.focusWidget() or window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier
    )
    assert window.line_bar.isVisible()
    qtbot.keyClicks(window.line_bar.edit, typed)
    qtbot.keyClick(window.line_bar.edit, Qt.Key.Key_Return)


def test_ctrl_g_brings_a_line_of_the_focused_side_to_the_reading_position(
    qtbot: QtBot, code: MainWindow
) -> None:
    right, left = code.view.pane(Side.B), code.view.pane(Side.A)
    right.setFocus()

    _ask(qtbot, code, "250")

    assert not code.line_bar.isVisible()
    assert right.hasFocus()
    assert int(right.pos_at(READING_AT)) == 249  # line 250 is block 249
    assert right.textCursor().selectedText() == "value_239 = compute(239)  # line 240"
    first, last = left.visible_block_range()  # the left pane follows: its line 240 is in view
    assert first < 239 < last


def test_the_left_side_is_asked_when_no_pane_has_the_focus(qtbot: QtBot, code: MainWindow) -> None:
    code.sidebar.view.setFocus()

    _ask(qtbot, code, "300")

    assert int(code.view.pane(Side.A).pos_at(READING_AT)) == 299
    assert code.view.pane(Side.A).hasFocus()


def test_the_side_can_be_switched_in_the_bar(qtbot: QtBot, code: MainWindow) -> None:
    code.view.pane(Side.A).setFocus()
    qtbot.keyClick(code.view.pane(Side.A), Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    code.line_bar.side.setCurrentIndex(code.line_bar.side.findData(Side.B))
    qtbot.keyClicks(code.line_bar.edit, "200")
    qtbot.keyClick(code.line_bar.edit, Qt.Key.Key_Return)

    assert int(code.view.pane(Side.B).pos_at(READING_AT)) == 199


def test_a_line_near_the_end_comes_as_far_as_the_pane_scrolls(
    qtbot: QtBot, code: MainWindow
) -> None:
    right = code.view.pane(Side.B)
    right.setFocus()

    _ask(qtbot, code, "410")

    bar = right.verticalScrollBar()
    assert bar.value() == bar.maximum()
    assert right.textCursor().selectedText() == "value_399 = compute(399)  # line 400"


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("9999", "The right side has 410 lines; there is no line 9,999."),
        ("0", "Lines are numbered from 1 to 410 on the right side."),
        ("twelve", "\u201ctwelve\u201d is not a line number; type digits, such as 12."),
        ("", "Type a line number."),
    ],
)
def test_a_number_that_names_no_line_gets_a_sentence(
    qtbot: QtBot, code: MainWindow, typed: str, sentence: str
) -> None:
    right = code.view.pane(Side.B)
    right.setFocus()
    before = right.verticalScrollBar().value()

    _ask(qtbot, code, typed)

    assert code.line_bar.isVisible()  # open, to put it right
    assert code.line_bar.message.text() == sentence
    assert right.verticalScrollBar().value() == before
    qtbot.keyClick(code.line_bar.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(code.line_bar.edit, "12")
    qtbot.keyClick(code.line_bar.edit, Qt.Key.Key_Return)
    assert not code.line_bar.isVisible()


def test_esc_closes_the_bar_and_goes_nowhere(qtbot: QtBot, code: MainWindow) -> None:
    right = code.view.pane(Side.B)
    right.setFocus()
    before = right.verticalScrollBar().value()
    qtbot.keyClick(right, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(code.line_bar.edit, "300")

    qtbot.keyClick(code.line_bar.edit, Qt.Key.Key_Escape)

    assert not code.line_bar.isVisible()
    assert right.verticalScrollBar().value() == before


def test_ctrl_g_does_nothing_before_a_comparison(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)

    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)

    assert not window.line_bar.isVisible()
