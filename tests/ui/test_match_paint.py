# SPDX-License-Identifier: GPL-3.0-or-later
"""Find's painted matches: highlights cut around them, their rectangles on wrapped lines."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from twofold.ui.find.match_paint import match_rects, outside


@st.composite
def _holes(draw: st.DrawFn) -> list[tuple[int, int]]:
    """Sorted, non-overlapping, non-empty ranges in 0..60."""
    cuts = sorted(draw(st.sets(st.integers(0, 60), max_size=12)))
    return list(zip(cuts[0::2], cuts[1::2], strict=False))


@given(_holes(), st.integers(0, 60), st.integers(0, 60))
def test_outside_is_the_range_less_the_holes(
    holes: list[tuple[int, int]], start: int, end: int
) -> None:
    parts = list(outside(start, end, holes))
    covered = {i for a, b in parts for i in range(a, b)}
    in_holes = {i for a, b in holes for i in range(a, b)}
    assert covered == set(range(start, end)) - in_holes
    assert all(a < b for a, b in parts)
    assert all(b1 < a2 for (_a1, b1), (a2, _b2) in pairwise(parts))


def _pane(qtbot: QtBot, text: str, width: int) -> QPlainTextEdit:
    pane = QPlainTextEdit()
    qtbot.addWidget(pane)
    pane.setPlainText(text)
    pane.resize(width, 300)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def test_a_match_over_a_wrap_is_a_rectangle_on_each_line(qtbot: QtBot) -> None:
    text = "word " * 60
    pane = _pane(qtbot, text, 200)
    block = pane.document().firstBlock()
    layout = block.layout()
    assert layout.lineCount() > 2
    second = layout.lineAt(1)
    start = second.textStart() - 3  # the last 3 characters of line 1, the first 4 of line 2
    rects = list(match_rects(block, 10.0, 0.0, [(start, start + 7)]))
    assert len(rects) == 2
    first_line = layout.lineAt(0)
    assert rects[0].top() == 10.0 + first_line.y()
    assert rects[1].top() == 10.0 + second.y()
    assert rects[0].right() == first_line.cursorToX(second.textStart())[0]
    assert rects[1].left() == second.cursorToX(second.textStart())[0]
    assert rects[1].width() == second.cursorToX(start + 7)[0] - rects[1].left()


def test_a_match_across_blocks_is_cut_at_the_break(qtbot: QtBot) -> None:
    pane = _pane(qtbot, "first block ends\nsecond block", 600)
    doc = pane.document()
    first, second = doc.firstBlock(), doc.firstBlock().next()
    match = [(first.position() + 12, second.position() + 6)]  # "ends" + break + "second"
    (in_first,) = match_rects(first, 0.0, 5.0, match)
    (in_second,) = match_rects(second, 20.0, 5.0, match)
    line = first.layout().lineAt(0)
    assert in_first.left() == 5.0 + line.cursorToX(12)[0]
    assert in_first.right() == 5.0 + line.cursorToX(16)[0]  # up to, not over, the break
    assert in_second.left() == 5.0 + second.layout().lineAt(0).cursorToX(0)[0]
    assert in_second.top() == 20.0
    assert not list(match_rects(first, 0.0, 0.0, [(second.position() + 1, second.position() + 3)]))
