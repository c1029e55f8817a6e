# SPDX-License-Identifier: GPL-3.0-or-later
"""One pane on its own: its text, tints, cut lines, copy, search, scrolling and fill."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.spans import Span
from twofold.engine.view.display_blocks import LONG_LINE, block_table
from twofold.engine.view.utf16 import Utf16Map
from twofold.ui.find.text_search import find_all, fold
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.panes.spans import PanePositions
from twofold.ui.tuning import ViewTuning


def _paragraphs(texts: list[str]) -> tuple[str, list[Span]]:
    """``texts`` joined by blank lines, and the span of each."""
    spans, at = [], 0
    for text in texts:
        spans.append(Span(at, at + len(text)))
        at += len(text) + 2
    return "\n\n".join(texts) + "\n", spans


def _positions(text: str, spans: list[Span]) -> PanePositions:
    """What the worker prepares for a pane: the display blocks and the UTF-16 map."""
    return PanePositions(block_table(text, spans), Utf16Map(text))


def _document_text(pane: DiffPane, start: int, end: int) -> str:
    """The text between two document positions (Qt's, in UTF-16 code units)."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def _fill(
    qtbot: QtBot,
    pane: DiffPane,
    text: str,
    spans: list[Span],
    tints: Sequence[tuple[int, PairKind]] = (),
) -> None:
    pane.set_content(_positions(text, spans), list(tints), None)
    qtbot.waitUntil(lambda: not pane.filling and not pane.layout_pending)


def test_the_text_is_shown_and_the_changed_paragraphs_tinted(qtbot: QtBot, pane: DiffPane) -> None:
    text, spans = _paragraphs(["kept", "changed\nover two lines", "inserted"])
    _fill(qtbot, pane, text, spans, [(1, PairKind.CHANGED), (2, PairKind.INSERTED)])
    assert pane.toPlainText() == text
    # blocks: kept, blank, changed, over two lines, blank, inserted
    assert [pane.content.block_kind(n) for n in range(6)] == [
        None,
        None,
        PairKind.CHANGED,
        PairKind.CHANGED,
        None,
        PairKind.INSERTED,
    ]
    assert pane.content.paragraph_start_kind(2) is PairKind.CHANGED
    assert pane.content.paragraph_start_kind(3) is None  # the second line of the same paragraph
    assert [pane.content.line_label(n) for n in range(3)] == ["1", "2", "3"]


def test_a_long_line_is_shown_in_pieces_and_copied_whole(qtbot: QtBot, pane: DiffPane) -> None:
    line = " ".join(f"word{n}" for n in range(3 * LONG_LINE // 5))  # well over LONG_LINE
    text = f"short\n{line}\n"
    _fill(qtbot, pane, text, [Span(0, 5), Span(6, 6 + len(line))])
    assert pane.blockCount() > 3
    assert pane.content.line_label(1) == "2"
    assert pane.content.line_label(2) == ""  # a piece of line 2, not a line of its own
    pane.selectAll()
    assert pane.createMimeDataFromSelection().text() == text
    assert pane.selected_source_text() == text


def test_nothing_selected_copies_nothing(qtbot: QtBot, pane: DiffPane) -> None:
    text, spans = _paragraphs(["one", "two"])
    _fill(qtbot, pane, text, spans)
    assert pane.selected_source_text() == ""


def test_find_matches_land_on_the_text_shown(qtbot: QtBot, pane: DiffPane) -> None:
    text, spans = _paragraphs(["The \U0001f98a Fox and the fox", "a FOX"])
    _fill(qtbot, pane, text, spans)
    found = find_all(fold(pane.table.source), "fox", 10)
    assert found == [(6, 9), (18, 21), (25, 28)]  # code points of the source
    ranges = pane.document_ranges(found)  # the fox emoji is two UTF-16 units in Qt
    assert ranges == [(7, 10), (19, 22), (26, 29)]
    assert [_document_text(pane, start, end) for start, end in ranges] == ["Fox", "fox", "FOX"]


def test_a_new_font_is_announced_once_laid_out(qtbot: QtBot, pane: DiffPane) -> None:
    text, spans = _paragraphs([f"paragraph {n} " * 20 for n in range(30)])
    _fill(qtbot, pane, text, spans)
    before = pane.layout_signature()
    bigger = QFont(pane.font())
    bigger.setPointSizeF(pane.font().pointSizeF() + 6)
    with qtbot.waitSignal(pane.layout_changed):
        pane.set_text_font(bigger)
    assert pane.layout_signature() != before


def test_no_wrapping_means_no_line_length(qtbot: QtBot, pane: DiffPane) -> None:
    assert pane.chars_per_line() > 0
    pane.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    assert pane.chars_per_line() == 0


@pytest.mark.parametrize("at", [0.0, 0.5])
def test_a_position_scrolled_to_sits_where_asked(qtbot: QtBot, pane: DiffPane, at: float) -> None:
    text, spans = _paragraphs([f"paragraph {n}" for n in range(200)])
    _fill(qtbot, pane, text, spans)
    target = 150.0  # a block position: block 150 is paragraph 75
    pane.scroll_to_pos(target, at)
    assert abs(pane.pos_at(at) - target) < 1.0
    assert pane.line_of(target) == 150.0


def test_a_big_text_goes_in_slices_and_says_when_it_is_all_in(qtbot: QtBot) -> None:
    pane = DiffPane(Side.A, tuning=ViewTuning(fill_first_chars=2_000, fill_slice_chars=5_000))
    qtbot.addWidget(pane)
    pane.resize(500, 300)
    pane.show()
    qtbot.waitExposed(pane)
    text, spans = _paragraphs([f"paragraph {n} of a long text" for n in range(2_000)])
    with qtbot.waitSignal(pane.filled, timeout=30_000):
        pane.set_content(_positions(text, spans), [], None)
        assert pane.filling  # the first screen is in, the rest comes later
        assert pane.toPlainText() != text
    assert not pane.filling
    assert pane.toPlainText() == text


def test_a_sliced_fill_is_no_edit_and_keeps_the_tints_in_place(qtbot: QtBot) -> None:
    pane = DiffPane(Side.A, tuning=ViewTuning(fill_first_chars=200, fill_slice_chars=300))
    qtbot.addWidget(pane)
    pane.show()
    text, spans = _paragraphs([f"paragraph {n}\nof two lines" for n in range(300)])
    with qtbot.waitSignal(pane.filled, timeout=30_000):
        pane.set_content(_positions(text, spans), [(250, PairKind.CHANGED)], None)
    assert pane.isReadOnly()
    assert not pane.document().isUndoAvailable()  # the slices are no steps to undo
    tinted = [n for n in range(pane.blockCount()) if pane.content.block_kind(n) is not None]
    assert tinted == [750, 751]  # three blocks a paragraph: its two lines and a blank


def test_a_text_compared_again_after_an_edit_stays_as_typed(qtbot: QtBot, pane: DiffPane) -> None:
    text, spans = _paragraphs(["one", "two"])
    _fill(qtbot, pane, text, spans)
    pane.set_editable(True)
    pane.setFocus()
    qtbot.keyClicks(pane, "new ")
    typed = pane.toPlainText()
    assert typed == "new " + text
    edited, edited_spans = _paragraphs(["new one", "two"])
    pane.set_content(
        _positions(edited, edited_spans), [(0, PairKind.CHANGED)], None, keep_text=True
    )
    assert pane.toPlainText() == typed
    assert pane.document().isUndoAvailable()  # the undo history is kept
    assert pane.textCursor().position() == len("new ")
    assert pane.content.block_kind(0) is PairKind.CHANGED
    pane.set_editable(False)
    assert pane.isReadOnly()
    assert not pane.document().isUndoAvailable()  # a viewer forgets it


def test_the_gutter_widens_for_more_lines_and_scrolls_with_the_text(
    qtbot: QtBot, pane: DiffPane
) -> None:
    text, spans = _paragraphs([f"line {n}" for n in range(20)])
    _fill(qtbot, pane, text, spans)
    narrow = pane.viewport().x()
    assert narrow > 0  # the numbers sit left of the text
    text, spans = _paragraphs([f"line {n}" for n in range(6_000)])  # five digits
    _fill(qtbot, pane, text, spans)
    assert pane.viewport().x() > narrow
    gutter = pane.childAt(narrow // 2, pane.height() // 2)
    assert gutter is not None
    assert gutter.objectName() == "lineGutter"
    before = gutter.grab().toImage()
    pane.verticalScrollBar().setValue(50)
    qtbot.waitUntil(lambda: gutter.grab().toImage() != before)  # other numbers now


def test_a_resize_is_announced_once_it_settles(qtbot: QtBot, pane: DiffPane) -> None:
    text, spans = _paragraphs([f"paragraph {n} " * 12 for n in range(40)])
    _fill(qtbot, pane, text, spans)
    before = pane.estimated_lines()[-1]
    announced: list[bool] = []
    pane.layout_changed.connect(lambda: announced.append(True))
    with qtbot.waitSignal(pane.layout_changed):
        pane.resize(300, 300)
        pane.resize(250, 300)
        assert pane.layout_pending
    assert not pane.layout_pending
    assert announced == [True]  # many size changes, one announcement
    assert pane.estimated_lines()[-1] > before  # narrower: more lines


def test_block_positions_and_the_screen_agree(qtbot: QtBot, pane: DiffPane) -> None:
    text, spans = _paragraphs([f"paragraph {n} " * (1 + n % 9) for n in range(120)])
    _fill(qtbot, pane, text, spans)
    pane.scroll_to_pos(100.0, 0.0)
    numbers, tops, heights = pane.visible_blocks()
    assert numbers[0] <= 100 <= numbers[-1]
    height = pane.viewport().height()
    for number, top in zip(numbers, tops, strict=True):
        assert pane.y_of(float(number)) == top
        if 0 <= top < height:
            assert abs(pane.pos_at(top / height) - number) < 1e-6
    below = pane.y_of(float(numbers[-1] + 20))  # off screen: estimated, further down
    assert below > tops[-1] + heights[-1]
