# SPDX-License-Identifier: GPL-3.0-or-later
"""Cues beside colour: strike-through and underline, and the mark of a paragraph break.

Under deuteranopia the deleted and inserted highlights are the same beige; the
lines tell them apart (as the HTML report does). A change that only splits a
paragraph used to show as a sliver a few pixels wide.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait
from twofold.engine.result.kinds import Side
from twofold.ui.files.settings import CHANGE_LINES, ChangeLines, Settings
from twofold.ui.main_window import MainWindow
from twofold.ui.panes.change_lines import lines_wanted

A_TEXT = "Alpha beta gamma, a sentence of some length. Delta epsilon zeta.\n\nThe end stays.\n"
B_TEXT = "Alpha beta gamma, a sentence of some length.\n\nDelta epsilon zeta.\n\nThe end stays.\n"


def _near(one: QColor, other: QColor) -> bool:
    return max(abs(one.red() - other.red()), abs(one.green() - other.green())) <= 12 and (
        abs(one.blue() - other.blue()) <= 12
    )


def test_a_change_that_only_breaks_a_paragraph_is_marked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(A_TEXT)
    (tmp_path / "b.txt").write_text(B_TEXT)
    compare_and_wait(qtbot, window, tmp_path / "a.txt", tmp_path / "b.txt")
    pane = window.view.pane(Side.B)
    cursor = QTextCursor(pane.document())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)  # after "length."
    at = pane.cursorRect(cursor)
    image = pane.viewport().grab().toImage()
    y = at.center().y()
    colour = pane.theme.word_colour(deleted=False)
    marked = [x for x in range(at.left(), image.width()) if _near(image.pixelColor(x, y), colour)]
    pilcrow = pane.fontMetrics().horizontalAdvance("\u00b6")
    assert marked, "the break is highlighted"
    span = max(marked) - min(marked) + 1
    assert span >= pilcrow, f"a {span} px sliver, not a mark {pilcrow} px wide"
    box = image.copy(min(marked), at.top(), span, at.height())
    inked = [
        (x, row)
        for x in range(box.width())
        for row in range(box.height())
        if _near(box.pixelColor(x, row), pane.theme.text)
    ]
    assert inked, "a pilcrow is drawn in the box"
    assert "\u00b6" not in pane.toPlainText(), "painted: nothing but the file's text goes in"


def _formats(window: MainWindow, side: Side) -> list[tuple[bool, bool]]:
    return [
        (sel.format.fontStrikeOut(), sel.format.fontUnderline())
        for sel in window.view.pane(side).extraSelections()
    ]


def test_deletions_can_be_struck_through_and_insertions_underlined(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path], settings: Settings
) -> None:
    compare_and_wait(qtbot, window, *demo)
    action = window.actions_by_id["change_lines"]
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert action in view_menu.actions()  # type: ignore[union-attr]
    assert not action.isChecked()  # off by default outside high contrast
    assert not any(strike for strike, _under in _formats(window, Side.A))
    action.trigger()
    assert settings.get(CHANGE_LINES) is ChangeLines.ON
    left, right = _formats(window, Side.A), _formats(window, Side.B)
    assert left
    assert all(strike for strike, _under in left)
    assert right
    assert all(under and not strike for strike, under in right)
    action.trigger()
    assert settings.get(CHANGE_LINES) is ChangeLines.OFF
    assert not any(strike for strike, _under in _formats(window, Side.A))


def test_the_lines_are_remembered(
    qtbot: QtBot, settings: Settings, demo: tuple[Path, Path]
) -> None:
    settings.set(CHANGE_LINES, ChangeLines.ON)
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    compare_and_wait(qtbot, win, *demo)
    assert win.actions_by_id["change_lines"].isChecked()
    assert all(strike for strike, _under in _formats(win, Side.A))


@pytest.mark.parametrize(
    ("stored", "preference", "wanted"),
    [
        (ChangeLines.AUTO, Qt.ContrastPreference.NoPreference, False),
        (ChangeLines.AUTO, Qt.ContrastPreference.HighContrast, True),
        (ChangeLines.ON, Qt.ContrastPreference.NoPreference, True),
        (ChangeLines.OFF, Qt.ContrastPreference.HighContrast, False),
    ],
)
def test_the_lines_are_on_by_default_in_high_contrast(
    stored: ChangeLines, preference: Qt.ContrastPreference, wanted: bool
) -> None:
    assert lines_wanted(stored, preference) is wanted
