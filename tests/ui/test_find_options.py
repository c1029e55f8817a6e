# SPDX-License-Identifier: GPL-3.0-or-later
"""Find's options as a user sets them: match case, whole words, regular expressions.

Toggled with Alt+C, Alt+W and Alt+R in the search field or by clicking, remembered
in the settings; an invalid expression gets a sentence in the bar; a slow search
goes on a piece a turn and the window keeps answering.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from qt_helpers import TunedWindow, compare_and_wait
from twofold.engine.result.kinds import Side
from twofold.ui.files.settings import FIND_CASE, FIND_REGEX, FIND_WORDS, Settings
from twofold.ui.main_window import MainWindow

LEFT = "cat concat Cat\ncat_1 (cat) CAT\ncategory cat.\n" * 3
RIGHT = LEFT.replace("concat", "bobcat")


def _cats_in(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> MainWindow:
    """``window`` showing the pair of cats, its find bar open (Ctrl+F)."""
    (tmp_path / "a.txt").write_text(LEFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RIGHT, encoding="utf-8")
    compare_and_wait(qtbot, window, tmp_path / "a.txt", tmp_path / "b.txt")
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    return window


@pytest.fixture
def cats(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> MainWindow:
    return _cats_in(qtbot, window, tmp_path)


def _found(window: MainWindow, side: Side = Side.A) -> list[str]:
    text = window.view.pane(side).toPlainText()
    return [text[s:e] for found, s, e in window.finder.matches if found is side]


def _alt(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.find_bar.edit, key, Qt.KeyboardModifier.AltModifier)


def test_without_options_find_ignores_case_and_finds_parts_of_words(
    qtbot: QtBot, cats: MainWindow
) -> None:
    qtbot.keyClicks(cats.find_bar.edit, "cat")

    assert len(_found(cats)) == 8 * 3
    assert cats.find_bar.count.text() == "1 of 48"


def test_alt_c_matches_case(qtbot: QtBot, cats: MainWindow, settings: Settings) -> None:
    qtbot.keyClicks(cats.find_bar.edit, "cat")

    _alt(qtbot, cats, Qt.Key.Key_C)

    assert cats.find_bar.options["case"].isChecked()
    assert set(_found(cats)) == {"cat"}
    assert len(_found(cats)) == 6 * 3
    assert settings.get(FIND_CASE) is True


def test_alt_w_finds_whole_words_only(qtbot: QtBot, cats: MainWindow) -> None:
    qtbot.keyClicks(cats.find_bar.edit, "cat")

    _alt(qtbot, cats, Qt.Key.Key_W)

    # "cat", "Cat", "(cat)", "CAT" and "cat." count; "concat", "cat_1" and "category" do not
    assert len(_found(cats)) == 5 * 3
    assert len(_found(cats, Side.B)) == 5 * 3  # "bobcat" is no cat either
    assert cats.find_bar.edit.text() == "cat"  # the key toggled; it typed nothing
    assert not cats.actions_by_id["ignore_whitespace"].isChecked()  # nor ignored whitespace


def test_alt_r_reads_a_regular_expression(qtbot: QtBot, cats: MainWindow) -> None:
    _alt(qtbot, cats, Qt.Key.Key_R)
    qtbot.keyClicks(cats.find_bar.edit, r"^cat\w*")

    assert _found(cats) == ["cat", "cat_1", "category"] * 3


def test_the_toggles_combine_and_can_be_clicked(qtbot: QtBot, cats: MainWindow) -> None:
    qtbot.mouseClick(cats.find_bar.options["regex"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(cats.find_bar.options["words"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(cats.find_bar.options["case"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(cats.find_bar.edit, "[Cc]at|CAT")

    assert _found(cats) == ["cat", "Cat", "cat", "CAT", "cat"] * 3
    assert cats.find_bar.edit.hasFocus()  # clicking a toggle left the typing where it was


@pytest.mark.parametrize(
    ("typed", "sentence", "literally"),
    [
        ("(cat", "Not a regular expression: missing ), unterminated subpattern at position 1.", 3),
        ("*cat", "Not a regular expression: nothing to repeat at position 1.", 0),
    ],
)
def test_an_invalid_expression_gets_a_sentence(
    qtbot: QtBot, cats: MainWindow, typed: str, sentence: str, literally: int
) -> None:
    _alt(qtbot, cats, Qt.Key.Key_R)
    qtbot.keyClicks(cats.find_bar.edit, typed)

    assert cats.find_bar.count.text() == sentence
    assert cats.finder.matches == []
    _alt(qtbot, cats, Qt.Key.Key_R)  # read as it is written instead
    assert len(_found(cats)) == literally


def test_the_options_are_remembered(qtbot: QtBot, tmp_path: Path) -> None:
    ini = str(tmp_path / "find.ini")
    first = MainWindow(settings=Settings(QSettings(ini, QSettings.Format.IniFormat)))
    qtbot.addWidget(first)
    first.find_bar.options["words"].click()
    first.find_bar.options["regex"].click()
    first.close()

    again = MainWindow(settings=Settings(QSettings(ini, QSettings.Format.IniFormat)))
    qtbot.addWidget(again)

    checked = {name: button.isChecked() for name, button in again.find_bar.options.items()}
    assert checked == {"case": False, "words": True, "regex": True}
    stored = Settings(QSettings(ini, QSettings.Format.IniFormat))
    assert (stored.get(FIND_WORDS), stored.get(FIND_REGEX)) == (True, True)


def test_a_slow_search_goes_on_in_pieces_while_the_window_answers(
    qtbot: QtBot, tuned_window: TunedWindow, tmp_path: Path
) -> None:
    """As if the text were big: a piece of 8 characters a step, one step a turn."""
    window = tuned_window(search_piece_chars=8, search_turn_seconds=0.0)
    cats = _cats_in(qtbot, window, tmp_path)
    _alt(qtbot, cats, Qt.Key.Key_R)

    qtbot.keyClicks(cats.find_bar.edit, "c.t")

    assert cats.finder.searching
    assert cats.find_bar.count.text() == "Searching\u2026"
    qtbot.waitUntil(lambda: not cats.finder.searching)
    assert len(_found(cats)) == 8 * 3
    assert cats.find_bar.count.text() == "1 of 48"
