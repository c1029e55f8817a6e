# SPDX-License-Identifier: GPL-3.0-or-later
"""Hidden characters in the window: a stand-in on screen, named in a tooltip, a listed change.

Trojan Source: a right-to-left override inside a word was obeyed by the pane
(the rest of the line came out reversed) and a zero-width space was drawn as
nothing, so a line that read the same on both sides could differ, and a change
made only of it was highlighted over nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolTip
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait
from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.view.invisibles import reveal
from twofold.ui.find.text_search import find_all, fold
from twofold.ui.main_window import MainWindow
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.panes.pane_fill import SlicedFill
from twofold.ui.sidebar import change_rows
from twofold.ui.tuning import ViewTuning

RLO, ZWSP = "\u202e", "\u200b"
#: where the hidden character sits in B's first line: "The to|tal is ready now."
AT = 6


@pytest.fixture
def trojan_pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The total is ready now.\n\nAccess is granted.\n", "utf-8")
    b.write_text(f"The to{RLO}tal is ready now.\n\nAccess is gran{ZWSP}ted.\n", "utf-8")
    return a, b


def _rect(pane: DiffPane, start: int, end: int) -> QRect:
    """The viewport rectangle of document positions ``[start, end)`` on one line."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    first = pane.cursorRect(cursor)
    cursor.setPosition(end)
    last = pane.cursorRect(cursor)
    return QRect(first.left(), first.top(), last.left() - first.left(), first.height())


def _tooltip_at(qtbot: QtBot, pane: DiffPane, point: QPoint) -> str:
    viewport = pane.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


@pytest.mark.parametrize("granularity", ["word", "character"])
def test_a_direction_control_is_shown_named_and_listed_as_a_change(
    qtbot: QtBot, window: MainWindow, trojan_pair: tuple[Path, Path], granularity: str
) -> None:
    window.actions_by_id[f"granularity_{granularity}"].trigger()
    compare_and_wait(qtbot, window, *trojan_pair)
    pane = window.view.pane(Side.B)
    document = pane.document()
    # on screen: a stand-in where the override is, and the override itself nowhere
    assert document.characterAt(AT) == "\u21c6"
    assert document.characterAt(AT + 1) == "t", "the rest of the line is not reversed"
    assert RLO not in pane.toPlainText()
    assert ZWSP not in pane.toPlainText()
    assert len(pane.toPlainText()) == len(window.result.b.text)  # type: ignore[union-attr]
    # the sidebar lists both lines as changed, stand-ins in their first words
    model = window.sidebar.view.model()
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    assert [row.data(change_rows.KIND_ROLE) for row in rows] == [PairKind.CHANGED] * 2
    assert rows[0].data().startswith("The to\u21c6tal")
    # the change's highlight covers the stand-in, and shows there on screen
    highlighted = [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in pane.extraSelections()
        if s.format.background().color() == pane.theme.word_colour(deleted=False)
    ]
    assert any(start <= AT < end for start, end in highlighted)
    rect = _rect(pane, AT, AT + 1)
    image = pane.viewport().grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    }
    assert pane.theme.word_colour(deleted=False).name() in colours
    assert pane.theme.hidden.name() in colours, "the stand-in is framed in its own colour"
    # hovering it names it
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in _tooltip_at(qtbot, pane, rect.center())
    zwsp = pane.toPlainText().index("\u2b1a")
    assert "U+200B ZERO WIDTH SPACE" in _tooltip_at(
        qtbot, pane, _rect(pane, zwsp, zwsp + 1).center()
    )


def test_copy_and_find_use_the_real_characters(
    qtbot: QtBot, window: MainWindow, trojan_pair: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, *trojan_pair)
    pane = window.view.pane(Side.B)
    pane.selectAll()
    assert pane.createMimeDataFromSelection().text() == window.result.b.text  # type: ignore[union-attr]
    (start, end), *_ = pane.document_ranges(find_all(fold(pane.table.source), "tal is", 10))
    assert pane.toPlainText()[start:end] == "tal is"
    assert start == AT + 1


def test_no_tooltip_off_a_stand_in(
    qtbot: QtBot, window: MainWindow, trojan_pair: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, *trojan_pair)
    pane = window.view.pane(Side.B)
    assert pane.stand_in_at(_rect(pane, 1, 2).center()) is None
    assert pane.stand_in_at(_rect(pane, AT, AT + 1).center()) is not None


def test_every_slice_of_a_big_fill_is_revealed(qtbot: QtBot) -> None:
    text = "".join(f"line {n} to{RLO}tal and gran{ZWSP}ted \U0001f600\n" for n in range(200))
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    filler = SlicedFill(edit, ViewTuning(fill_first_chars=100, fill_slice_chars=150))
    with qtbot.waitSignal(filler.finished, timeout=10_000):
        filler.start(text)
    shown = edit.toPlainText()
    assert shown == reveal(text)
    assert shown.count("\u21c6") == 200
    assert RLO not in shown
    assert len(shown.encode("utf-16-le")) == len(text.encode("utf-16-le"))
    assert filler.revealed


def test_a_name_with_a_direction_control_is_spelled_out(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The classic spoof: ``invoice<RLO>fdp.txt`` read as "invoicetxt.pdf" in the header."""
    a, b = tmp_path / "a.txt", tmp_path / f"invoice{RLO}fdp.txt"
    a.write_text("Same words.\n", "utf-8")
    b.write_text("Same words, more.\n", "utf-8")
    compare_and_wait(qtbot, window, a, b)
    header = window.view.headers[Side.B].name.text()
    assert header == "invoice\u27e8U+202E\u27e9fdp.txt"
    assert RLO not in window.windowTitle()
    assert "\u27e8U+202E\u27e9" in window.windowTitle()
