# SPDX-License-Identifier: GPL-3.0-or-later
"""Syntax colours in code pairs: on the first screen, under the diff's highlights, both themes.

Prose gets none; a big source is coloured where the user looks, lexed or guessed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextBlock, QTextCursor
from PySide6.QtWidgets import QAbstractSlider
from pytestqt.qtbot import QtBot

from qt_helpers import TunedWindow, compare_and_wait, next_turn, wait_settled
from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.view.syntax import TokenKind
from twofold.ui.main_window import MainWindow
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.panes.syntax_colours import contrast, syntax_formats
from twofold.ui.theme import Theme

FUNCTION = '''def total(values):
    """Add them up."""
    # a comment
    return sum(values) + 42
'''


def _pair(tmp_path: Path, a: str, b: str, names: tuple[str, str]) -> tuple[Path, Path]:
    left, right = tmp_path / names[0], tmp_path / names[1]
    left.write_text(a, encoding="utf-8")
    right.write_text(b, encoding="utf-8")
    return left, right


def _coloured(block: QTextBlock) -> dict[str, QColor]:
    """The text of each syntax format range in ``block``, with its colour."""
    text = block.text()
    return {
        text[r.start : r.start + r.length]: r.format.foreground().color()
        for r in block.layout().formats()
    }


def _block(pane: DiffPane, number: int) -> QTextBlock:
    return pane.document().findBlockByNumber(number)


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#dcdcdc"),
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e0e0e0"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def coloured(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> MainWindow:
    """The window showing two versions of ``FUNCTION``: 42 became 43."""
    compare_and_wait(
        qtbot, window, *_pair(tmp_path, FUNCTION, FUNCTION.replace("42", "43"), ("a.py", "b.py"))
    )
    return window


def test_a_code_pair_is_coloured_from_its_first_screen(coloured: MainWindow) -> None:
    pane = coloured.view.pane(Side.B)
    formats = syntax_formats(pane.theme)

    first, last = _coloured(_block(pane, 0)), _coloured(_block(pane, 3))

    assert first["def"] == formats[TokenKind.KEYWORD].foreground().color()
    assert first["total"] == formats[TokenKind.DEFINITION].foreground().color()
    assert _coloured(_block(pane, 1))['"""Add them up."""'] == (
        formats[TokenKind.STRING].foreground().color()
    )
    assert _block(pane, 2).layout().formats()[0].format.fontItalic()  # the comment
    assert last["43"] == formats[TokenKind.NUMBER].foreground().color()
    assert last["sum"] == formats[TokenKind.BUILTIN].foreground().color()


def test_the_diff_highlights_stay_on_top_of_the_colours(coloured: MainWindow) -> None:
    pane = coloured.view.pane(Side.B)

    words = [s for s in pane.extraSelections() if s.cursor.selectedText() == "43"]

    assert len(words) == 1
    assert words[0].format.background().color() == pane.theme.word_colour(deleted=False)
    assert not words[0].format.hasProperty(words[0].format.Property.ForegroundBrush)
    assert "43" in _coloured(_block(pane, 3))  # coloured as a number under its highlight
    assert pane.content.block_kind(3) is PairKind.CHANGED  # and tinted as a change


def test_a_line_typed_into_a_code_pane_is_coloured_as_it_now_reads(
    qtbot: QtBot, coloured: MainWindow
) -> None:
    pane = coloured.view.pane(Side.A)
    pane.setFocus()
    pane.setTextCursor(QTextCursor(_block(pane, 3)))  # before ``    return sum(values) + 42``

    qtbot.keyClicks(pane, "# ")
    qtbot.waitUntil(lambda: not coloured.edit_commands.comparing, timeout=20_000)

    comment = syntax_formats(pane.theme)[TokenKind.COMMENT].foreground().color()
    assert _block(pane, 3).text() == "#     return sum(values) + 42"  # the text is the user's
    qtbot.waitUntil(
        lambda: [c.name() for c in _coloured(_block(pane, 3)).values()] == [comment.name()]
    )
    assert _coloured(_block(pane, 0))["def"]  # the lines around it keep their colours
    while coloured.edit_commands.unsaved(Side.A):  # undone, so closing asks nothing
        qtbot.keyClick(pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not coloured.edit_commands.comparing, timeout=20_000)


def test_prose_gets_no_colours(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    prose = "def is a word here, and so is return.\n\nA second paragraph of prose.\n"
    compare_and_wait(
        qtbot, window, *_pair(tmp_path, prose, prose.replace("second", "2nd"), ("a.txt", "b.txt"))
    )

    for pane in window.view.panes.values():
        block = pane.document().firstBlock()
        while block.isValid():
            assert block.layout().formats() == []
            block = block.next()


def test_a_minified_script_shown_in_pieces_is_not_lexed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """A one-line script over the piece length was lexed piece by piece: minutes for 2 MB."""
    line = "function f(a){return a+1};var x=f(2);" * 400  # one line over LONG_LINE
    compare_and_wait(
        qtbot, window, *_pair(tmp_path, line + "\n", line + "x;\n", ("min-a.js", "min-b.js"))
    )

    assert window.view.syntax[Side.A].language is None
    assert window.view.syntax[Side.B].language is None
    assert window.view.syntax[Side.A].lexed == 0


def test_a_script_without_a_suffix_is_known_by_its_first_line(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    script = "#!/usr/bin/env python3\n" + FUNCTION * 3  # shaped as code: compared by lines
    compare_and_wait(qtbot, window, *_pair(tmp_path, script, script + "x = 1\n", ("run", "run2")))

    assert "def" in _coloured(_block(window.view.pane(Side.A), 1))


def test_far_down_a_big_source_the_screen_is_coloured(
    qtbot: QtBot, tuned_window: TunedWindow, tmp_path: Path
) -> None:
    """Lexed as far as read (and a little more); a screen far past that is guessed at once."""
    window = tuned_window(lex_ahead_chars=10_000)  # as if the file were big
    body = "".join(FUNCTION.replace("total", f"total_{i}") for i in range(2000))  # 180 KB
    compare_and_wait(
        qtbot, window, *_pair(tmp_path, body, body.replace("total_0(", "first("), ("a.py", "b.py"))
    )
    pane = window.view.pane(Side.B)
    syntax = window.view.syntax[Side.B]
    assert syntax.lexed < 30_000  # the first screen, and the way ahead of it

    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum())
    last = pane.document().blockCount() - 2  # ``    return sum(values) + 42``

    qtbot.waitUntil(lambda: "sum" in _coloured(_block(pane, last)))
    assert "return" in _coloured(_block(pane, last))
    wait_settled(qtbot, window)
    assert syntax.lexed < 30_000  # nothing lexed on the way: the screen was guessed


def test_a_guess_is_put_right_once_the_lexing_gets_there(
    qtbot: QtBot, tuned_window: TunedWindow, tmp_path: Path
) -> None:
    """Inside a long string, lines that look like code are guessed as code, then corrected.

    The lexing runs only near the screen: a jump far into the string is guessed; read
    down to it from the top, a page at a time, and the lexing follows and gets there.
    """
    window = tuned_window(lex_ahead_chars=1_000)
    looks_like_code = "    def not_code(self): return 42\n"
    text = FUNCTION * 60 + 'NOTE = """\n' + looks_like_code * 600 + '"""\n' + FUNCTION * 60
    compare_and_wait(
        qtbot, window, *_pair(tmp_path, text, text.replace("total", "sum_up", 1), ("a.py", "b.py"))
    )
    pane = window.view.pane(Side.A)
    string = syntax_formats(pane.theme)[TokenKind.STRING].foreground().color()
    keyword = syntax_formats(pane.theme)[TokenKind.KEYWORD].foreground().color()
    inside = 240 + 500  # a line of the string, far past what the first screen lexed
    pane.scroll_to_pos(float(inside), 0.5)
    qtbot.waitUntil(lambda: _coloured(_block(pane, inside)).get("def") == keyword)  # a guess
    wait_settled(qtbot, window)
    assert window.view.syntax[Side.A].lexed < text.index(looks_like_code * 400)  # not lexed

    bar = pane.verticalScrollBar()
    bar.setValue(0)
    while inside not in pane.visible_blocks()[0]:
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)  # a click below
        next_turn(qtbot)  # the screen is looked at, and the lexing goes on near it
        wait_settled(qtbot, window)

    qtbot.waitUntil(
        lambda: [c.name() for c in _coloured(_block(pane, inside)).values()] == [string.name()]
    )


def test_a_theme_change_recolours_the_screen(qtbot: QtBot, coloured: MainWindow) -> None:
    dark = Theme.from_palette(_dark_palette())

    coloured.view.set_theme(dark)

    pane = coloured.view.pane(Side.A)
    keyword = syntax_formats(dark)[TokenKind.KEYWORD].foreground().color()
    qtbot.waitUntil(lambda: _coloured(_block(pane, 0)).get("def") == keyword)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_colour_reads_on_the_pane_and_its_highlights(qapp: object, dark: bool) -> None:
    theme = Theme.from_palette(_dark_palette() if dark else QPalette())

    for kind, fmt in syntax_formats(theme).items():
        colour = fmt.foreground().color()
        assert contrast(colour, theme.base) >= 4.5, kind
        assert min(contrast(colour, tint) for tint in theme.tints.values()) >= 4.5, kind
        assert min(contrast(colour, word) for word in theme.words.values()) >= 3.0, kind


def test_a_colour_that_would_not_read_is_drawn_toward_the_text() -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#0033b3"))  # the light keyword's blue
    palette.setColor(QPalette.ColorRole.Text, QColor("#ffffff"))
    theme = Theme.from_palette(palette)

    keyword = syntax_formats(theme)[TokenKind.KEYWORD].foreground().color()

    assert contrast(keyword, theme.base) >= 4.5
