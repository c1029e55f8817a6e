# SPDX-License-Identifier: GPL-3.0-or-later
"""The side-by-side area on its own: both panes, their headers, the maps, refining in place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from twofold.engine.result.kinds import Op, PairKind, Side, Unit
from twofold.engine.result.model import DiffResult, Edit, Pair
from twofold.engine.view.view_geometry import prepare
from twofold.ui.panes.diff_view import DiffView, base_point_size
from twofold.ui.panes.pane_header import PaneHeader


@pytest.fixture
def view(qtbot: QtBot) -> DiffView:
    shown = DiffView()
    qtbot.addWidget(shown)
    shown.resize(900, 500)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _show(qtbot: QtBot, view: DiffView, result: DiffResult) -> None:
    view.show_result(prepare(result))
    qtbot.waitUntil(lambda: view.settled)


@pytest.fixture
def long_result(make_result: Callable[..., DiffResult]) -> DiffResult:
    """Sixty paragraphs, every tenth one changed: more than a screen."""
    a = [f"Paragraph {n} says the same thing in both versions of it." for n in range(60)]
    b = [text.replace("same", "other") if n % 10 == 9 else text for n, text in enumerate(a)]
    pairs = [
        Pair(
            PairKind.CHANGED if n % 10 == 9 else PairKind.EQUAL,
            (n,),
            (n,),
            0.9 if n % 10 == 9 else 1.0,
        )
        for n in range(60)
    ]
    return make_result(a, b, pairs)


def test_a_result_fills_both_panes_and_names_both_documents(
    qtbot: QtBot, view: DiffView, long_result: DiffResult
) -> None:
    _show(qtbot, view, long_result)
    assert view.result is long_result
    for side in Side:
        assert view.pane(side).toPlainText() == long_result.document(side).text
    assert view.headers[Side.A].text() == "a.txt  UTF-8 \u00b7 LF"
    assert view.headers[Side.B].text() == "b.txt  UTF-8 \u00b7 LF"
    assert not view.layout_note.isVisible()  # nothing differs outside the paragraphs


def test_lines_read_in_the_fixed_font_and_prose_in_the_text_font(
    qtbot: QtBot, view: DiffView, long_result: DiffResult
) -> None:
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    _show(qtbot, view, replace(long_result, unit=Unit.LINES))
    assert view.pane(Side.A).font().family() == fixed
    _show(qtbot, view, long_result)
    general = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    assert view.pane(Side.B).font().family() == general
    assert view.pane(Side.B).font().pointSizeF() == base_point_size()


def test_zoom_and_wrap_reach_both_panes(
    qtbot: QtBot, view: DiffView, long_result: DiffResult
) -> None:
    _show(qtbot, view, long_result)
    view.set_zoom(3)
    view.set_word_wrap(False)
    for side in Side:
        pane = view.pane(side)
        assert pane.font().pointSizeF() == base_point_size() + 3
        assert pane.lineWrapMode() is QPlainTextEdit.LineWrapMode.NoWrap
    view.set_zoom(-100)  # never below a readable size
    assert view.pane(Side.A).font().pointSizeF() == 5.0


def test_the_current_change_is_brought_into_view_on_both_sides(
    qtbot: QtBot, view: DiffView, long_result: DiffResult
) -> None:
    _show(qtbot, view, long_result)
    last = long_result.changes[-1]
    view.set_current(last)
    for side in Side:
        pane = view.pane(side)
        first, final = pane.visible_block_range()
        block = view.sync.block_extent(last, side)
        assert pane.verticalScrollBar().value() > 0
        assert first <= block.top <= final


def test_a_click_on_the_overview_scrolls_there(
    qtbot: QtBot, view: DiffView, long_result: DiffResult
) -> None:
    _show(qtbot, view, long_result)
    bar = view.pane(Side.B).verticalScrollBar()  # the one strip is drawn from this text
    other = view.pane(Side.A).verticalScrollBar()
    assert bar.value() == other.value() == 0
    overview = view.overview
    with qtbot.waitSignal(overview.position_clicked) as clicked:
        qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=QPoint(5, overview.height() - 5))
    assert clicked.args[0] is Side.B
    # The end of the document is centred, as far as it goes, at a line both panes stop at.
    assert bar.value() >= bar.maximum() - 1
    assert other.value() >= other.maximum() - 1


def _refined(result: DiffResult) -> DiffResult:
    """``result`` as the refinement returns it: the same pairs, now with their edits."""
    pairs = tuple(
        replace(pair, edits=(Edit(Op.EQUAL, "x"),)) if pair.is_change else pair
        for pair in result.pairs
    )
    return replace(result, pairs=pairs, refined=True)


def test_a_refined_result_is_swapped_in_without_moving_the_view(
    qtbot: QtBot, view: DiffView, long_result: DiffResult
) -> None:
    coarse = replace(long_result, refined=False)
    _show(qtbot, view, coarse)
    view.set_current(coarse.changes[-1])
    scrolled = [view.pane(side).verticalScrollBar().value() for side in Side]
    refined = _refined(coarse)
    assert view.refine(prepare(refined))
    assert view.result is refined
    assert [view.pane(side).verticalScrollBar().value() for side in Side] == scrolled
    assert not view.refine(prepare(_refined(refined))), (
        "an already refined result is not refined again"
    )


def test_a_result_paired_otherwise_is_not_swapped_in(
    qtbot: QtBot, view: DiffView, long_result: DiffResult
) -> None:
    """Ignored differences can make a change equal: then the caller shows it afresh."""
    coarse = replace(long_result, refined=False)
    assert not view.refine(prepare(_refined(coarse))), "nothing shown, nothing to refine"
    _show(qtbot, view, coarse)
    first = coarse.changes[0]
    n = coarse.pairs.index(first)
    equal = replace(first, kind=PairKind.EQUAL, similarity=1.0)
    other = replace(coarse, pairs=(*coarse.pairs[:n], equal, *coarse.pairs[n + 1 :]), refined=True)
    assert not view.refine(prepare(other))
    assert view.result is coarse


def test_after_next_paint_calls_back_at_once_when_nothing_will_paint(qtbot: QtBot) -> None:
    hidden = DiffView()
    qtbot.addWidget(hidden)
    calls: list[str] = []
    hidden.after_next_paint(lambda: calls.append("called"))
    qtbot.waitUntil(lambda: calls == ["called"])


def test_a_long_name_is_shortened_in_the_middle_and_kept_whole_in_the_text(
    qtbot: QtBot,
) -> None:
    header = PaneHeader("leftHeader")
    qtbot.addWidget(header)
    name = "a-report-with-a-very-long-name-that-will-not-fit-in-a-narrow-pane-final.txt"
    header.resize(260, 30)
    header.show()
    header.set_document(name, "UTF-8 \u00b7 LF", f"/home/someone/{name}")
    shown = header.name.text()
    assert shown != name
    assert "\u2026" in shown
    assert shown.endswith("final.txt")  # the extension stays readable
    assert header.text() == f"{name}  UTF-8 \u00b7 LF"
    assert f"/home/someone/{name}" in header.toolTip()


def test_a_name_that_looks_like_html_is_shown_as_it_is(qtbot: QtBot) -> None:
    header = PaneHeader("rightHeader")
    qtbot.addWidget(header)
    header.resize(600, 30)
    header.set_document("<b>bold</b>.txt", "UTF-8 \u00b7 LF", "<b>bold</b>.txt")
    assert header.name.text() == "<b>bold</b>.txt"
    assert header.name.textFormat() is Qt.TextFormat.PlainText
