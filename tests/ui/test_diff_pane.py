# SPDX-License-Identifier: GPL-3.0-or-later
"""One pane on its own: its text, tints, cut lines, copy, search, scrolling and fill."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.spans import Span
from twofold.engine.view.display_blocks import LONG_LINE, block_table
from twofold.engine.view.utf16 import Utf16Map
from twofold.ui.find.text_search import fold
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.panes.spans import PanePositions
from twofold.ui.tuning import ViewTuning


@pytest.fixture
def pane(qtbot: QtBot) -> DiffPane:
    shown = DiffPane(Side.A)
    qtbot.addWidget(shown)
    shown.resize(500, 300)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


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
    assert [pane.block_kind(n) for n in range(6)] == [
        None,
        None,
        PairKind.CHANGED,
        PairKind.CHANGED,
        None,
        PairKind.INSERTED,
    ]
    assert pane.paragraph_start_kind(2) is PairKind.CHANGED
    assert pane.paragraph_start_kind(3) is None  # the second line of the same paragraph
    assert [pane.line_label(n) for n in range(3)] == ["1", "2", "3"]


def test_a_long_line_is_shown_in_pieces_and_copied_whole(qtbot: QtBot, pane: DiffPane) -> None:
    line = " ".join(f"word{n}" for n in range(3 * LONG_LINE // 5))  # well over LONG_LINE
    text = f"short\n{line}\n"
    _fill(qtbot, pane, text, [Span(0, 5), Span(6, 6 + len(line))])
    assert pane.blockCount() > 3
    assert pane.line_label(1) == "2"
    assert pane.line_label(2) == ""  # a piece of line 2, not a line of its own
    pane.selectAll()
    assert pane.createMimeDataFromSelection().text() == text
    assert pane.selected_source_text() == text


def test_nothing_selected_copies_nothing(qtbot: QtBot, pane: DiffPane) -> None:
    text, spans = _paragraphs(["one", "two"])
    _fill(qtbot, pane, text, spans)
    assert pane.selected_source_text() == ""


def test_matches_ignore_case_and_stop_at_the_limit(qtbot: QtBot, pane: DiffPane) -> None:
    text, spans = _paragraphs(["The Fox and the fox", "a FOX"])
    _fill(qtbot, pane, text, spans)
    folded = fold(pane.table.source)
    assert pane.matches_of(folded, "fox", 10) == [(4, 7), (16, 19), (23, 26)]
    assert pane.matches_of(folded, "fox", 2) == [(4, 7), (16, 19)]
    assert pane.matches_of(folded, "wolf", 10) == []


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
