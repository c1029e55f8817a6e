# SPDX-License-Identifier: GPL-3.0-or-later
"""While the user types, what a pane paints stays on its words until the edit is compared.

The highlights, tints, frame and find's matches come from positions the last
comparison stored; typing moves the text under them for the pause before the
re-comparison (and while it runs). Checked as the user meets it: real key
presses, then what the pane paints, before the new comparison lands.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait
from twofold.engine.result.model import Side
from twofold.engine.view.extents import Extent
from twofold.ui.files.settings import Settings
from twofold.ui.main_window import MainWindow
from twofold.ui.panes.diff_pane import DiffPane

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier

A_PARAGRAPHS = [
    "The quick brown fox jumps over the lazy dog near the river bank.",
    "A stitch in time saves nine, as the old saying goes in the village.",
    "All that glitters is not gold, and not all who wander are lost.",
    "Early to bed and early to rise makes a man healthy and wise.",
    "Fortune favours the bold, said the captain to his weary crew.",
]
B_PARAGRAPHS = [
    "The quick red fox leaps over the sleepy dog near the river bank.",
    "A stitch in time saves many, as the new saying goes in the town.",
    "All that shines is not gold, and not all who roam are lost.",
    "Early to bed and late to rise makes a man tired and wise.",
    "Fortune favours the brave, said the captain to his tired crew.",
]


@pytest.fixture
def window(qtbot: QtBot, settings: Settings, tmp_path: Path) -> Iterator[MainWindow]:
    """A reworded pair compared and shown; closed at the end with nothing left to ask."""
    a, b = tmp_path / "old.txt", tmp_path / "new.txt"
    a.write_text("\n\n".join(A_PARAGRAPHS) + "\n")
    b.write_text("\n\n".join(B_PARAGRAPHS) + "\n")
    win = MainWindow(settings=settings)
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    compare_and_wait(qtbot, win, a, b)
    yield win
    for pane in win.view.panes.values():
        pane.document().setModified(False)
    win.close()
    win.deleteLater()
    QApplication.clipboard().clear()


def settle_edits(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.edit_commands.comparing, timeout=20_000)


def painted(pane: DiffPane) -> list[tuple[int, int, str]]:
    """The word highlights the pane paints: document range and the text under it."""
    text = pane.document().toRawText()
    ranges = sorted(
        (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in pane.extraSelections()
    )
    return [(start, end, text[start:end]) for start, end in ranges]


def focused_pane(window: MainWindow) -> DiffPane:
    focus = QApplication.focusWidget()
    panes = [p for p in window.view.panes.values() if p is focus or p.isAncestorOf(focus)]
    assert len(panes) == 1, "a pane has the keyboard"
    return panes[0]


def test_the_highlights_stay_on_their_words_while_typing(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
    settle_edits(qtbot, window)
    pane = focused_pane(window)
    qtbot.keyClick(pane, Qt.Key.Key_Right, CTRL)
    at = pane.textCursor().position()
    before = painted(pane)
    after_cursor = [h for h in before if h[0] >= at]
    assert after_cursor, "highlights follow the cursor (the case to check)"
    assert any(h[1] <= at for h in before) or at < before[0][0]
    for key in "XYZZY ":
        qtbot.keyClick(pane, key)
    assert window.edit_commands.comparing, "checked before the new comparison lands"
    now = painted(pane)
    assert [h[2] for h in now] == [h[2] for h in before]  # the same words
    assert [h[:2] for h in now if h[0] >= at] == [(s + 6, e + 6) for s, e, _ in after_cursor]
    assert all("XYZZY" not in h[2] for h in now)
    settle_edits(qtbot, window)
    assert window.result is not None
    assert "XYZZY " in window.result.document(pane.side).text


def test_a_typed_line_break_moves_the_tints_and_highlights_below_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.view.pane(Side.A)
    pane.setFocus()
    before = painted(pane)
    tinted = [
        n for n in range(pane.document().blockCount()) if pane.content.block_kind(n) is not None
    ]
    framed = pane.content.current_extent()  # the first change is current
    assert framed is not None
    cursor = pane.textCursor()
    cursor.setPosition(0)
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    assert window.edit_commands.comparing
    now = painted(pane)
    assert [h[2] for h in now] == [h[2] for h in before]
    assert [h[:2] for h in now] == [(s + 2, e + 2) for s, e, _ in before]
    moved = [
        n for n in range(pane.document().blockCount()) if pane.content.block_kind(n) is not None
    ]
    assert moved == [0, 1, *(n + 2 for n in tinted)]  # the new lines join the first paragraph
    assert pane.content.current_extent() == Extent(framed.top, framed.bottom + 2)  # the frame grows


def test_find_matches_stay_on_their_words_while_typing(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.view.pane(Side.B)
    pane.setFocus()
    pane.set_find_matches([(4, 9), (70, 75)])  # "quick", and a word of the next paragraph
    text = pane.document().toRawText()
    words = [text[4:9], text[70:75]]
    cursor = pane.textCursor()
    cursor.setPosition(0)
    pane.setTextCursor(cursor)
    for key in "Oh ":
        qtbot.keyClick(pane, key)
    now = pane.document().toRawText()
    shown = pane.content.find_matches_in(0, len(now))
    assert [now[s:e] for s, e in shown] == words
