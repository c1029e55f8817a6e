# SPDX-License-Identifier: GPL-3.0-or-later
"""Every pair on screen starts at the same height in both panes, as a reader steps through.

The pair is ``pep1_mixed``: reworded, split, merged, inserted, deleted and
moved paragraphs of PEP 1, so the two sides' paragraphs wrap to different
heights all the way down. The heights are read from Qt's layout
(``qt_helpers.level_gaps``), not from Twofold's own geometry.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait, level_gaps, resize_and_settle, wait_settled
from support import DATA
from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.model import DiffResult, Pair
from twofold.engine.view.view_geometry import prepare
from twofold.ui.main_window import MainWindow
from twofold.ui.panes.pane_sync import READING_AT

PAIR = DATA / "pairs" / "pep1_mixed"
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def reworded(qtbot: QtBot, window: MainWindow) -> MainWindow:
    compare_and_wait(qtbot, window, PAIR / "a.txt", PAIR / "b.txt")
    window.view.pane(Side.A).setFocus()
    return window


def _step(qtbot: QtBot, win: MainWindow, key: Qt.Key = Qt.Key.Key_Down) -> None:
    qtbot.keyClick(win.view.pane(Side.A), key, ALT)
    wait_settled(qtbot, win)


def _current_top(win: MainWindow, side: Side) -> float:
    pair = win.view.sync.changes[win.current_change or 0]
    pane = win.view.pane(side)
    return pane.y_of(win.view.sync.block_extent(pair, side).top)


def test_every_pair_on_screen_is_level_at_every_change(qtbot: QtBot, reworded: MainWindow) -> None:
    """A moved paragraph is the exception: each pane shows it where it stands on its side."""
    changes = reworded.view.sync.changes
    count = len(changes)
    assert sum(pair.kind is PairKind.MOVED for pair in changes) < count / 4
    seen = 0
    for step in range(count):
        if step:
            _step(qtbot, reworded)
        assert reworded.current_change == step
        if changes[step].kind is PairKind.MOVED:
            continue
        gaps = level_gaps(reworded)
        assert gaps, step
        assert max(gaps) <= 2, (step, gaps)
        seen += len(gaps)
    assert seen > 2 * count  # several pairs on screen at each step, not one


def test_the_current_change_comes_to_the_reading_position(
    qtbot: QtBot, reworded: MainWindow
) -> None:
    """Its top a third down the pane, give or take the few lines both panes can stop at."""
    pane = reworded.view.pane(Side.B)
    line = pane.line_height()
    wanted = READING_AT * pane.viewport().height()
    placed = 0
    for _ in range(12):
        _step(qtbot, reworded)
        if pane.verticalScrollBar().value() not in (0, pane.verticalScrollBar().maximum()):
            for side in Side:
                assert abs(_current_top(reworded, side) - wanted) <= 3 * line + 1
            placed += 1
    assert placed >= 8


@pytest.mark.parametrize("change", ["width", "zoom", "wrap"])
def test_pairs_stay_level_when_the_layout_changes(
    qtbot: QtBot, reworded: MainWindow, change: str
) -> None:
    for _ in range(10):
        _step(qtbot, reworded)
    if change == "width":
        resize_and_settle(qtbot, reworded, reworded.width() - 260, reworded.height())
    elif change == "zoom":
        qtbot.keyClick(reworded, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        wait_settled(qtbot, reworded)
    else:
        for _ in range(2):  # off and on again
            qtbot.keyClick(reworded, Qt.Key.Key_Z, ALT)
            wait_settled(qtbot, reworded)
    assert max(level_gaps(reworded)) <= 2
    _step(qtbot, reworded)
    assert max(level_gaps(reworded)) <= 2


def test_scrolling_the_shorter_side_keeps_every_pair_level(
    qtbot: QtBot, reworded: MainWindow
) -> None:
    """The right pane follows the left one's top line exactly, also beside its padding."""
    bar = reworded.view.pane(Side.A).verticalScrollBar()
    looked = 0
    for value in range(1, bar.maximum(), max(1, bar.maximum() // 60)):
        bar.setValue(value)
        gaps = level_gaps(reworded)
        looked += len(gaps)
        assert max(gaps, default=0.0) <= 2, value
    assert looked > 100


def test_the_document_text_stays_the_files_text(qtbot: QtBot, reworded: MainWindow) -> None:
    """The padding is layout only: nothing is inserted into either pane's document."""
    for _ in range(5):
        _step(qtbot, reworded)
    for side, name in ((Side.A, "a.txt"), (Side.B, "b.txt")):
        text = (PAIR / name).read_text("utf-8")
        assert reworded.view.pane(side).toPlainText() == text


def test_a_paragraph_inserted_at_the_top_pads_the_other_side_above_its_first_line(
    qtbot: QtBot, window: MainWindow, make_result: Callable[..., DiffResult]
) -> None:
    """Nothing precedes the first pair on the left: its padding goes above its first block."""
    words = "a paragraph long enough to wrap over several lines in a pane of this width "
    a = [f"{n} {words * (2 + n % 3)}" for n in range(14)]
    b = ["A new opening paragraph. " * 12] + [f"{n} {words * (3 + n % 2)}" for n in range(14)]
    pairs = [Pair(PairKind.INSERTED, (), (0,), 0.0)]
    pairs += [Pair(PairKind.CHANGED, (n,), (n + 1,), 0.8) for n in range(14)]
    window.resize(900, 500)
    window.show_result(prepare(make_result(a, b, pairs)))
    wait_settled(qtbot, window)
    window.view.pane(Side.A).setFocus()
    assert max(level_gaps(window)) <= 2
    for step in range(1, len(pairs)):
        _step(qtbot, window)
        assert window.current_change == step
        assert max(level_gaps(window)) <= 2, step


def _painted_geometry_is_qts(win: MainWindow) -> None:
    """What the gutter, tints, gaps and band paint by (``visible_blocks``) is Qt's layout."""
    for side in Side:
        pane = win.view.pane(side)
        numbers, tops, heights = pane.visible_blocks()
        document, offset = pane.document(), pane.contentOffset()
        for number, top, height in zip(numbers, tops, heights, strict=True):
            rect = pane.blockBoundingGeometry(document.findBlockByNumber(number)).translated(offset)
            assert (top, height) == (rect.top(), rect.height()), (side, number)


def test_every_painter_reads_the_padded_geometry(
    qtbot: QtBot, window: MainWindow, make_result: Callable[..., DiffResult]
) -> None:
    """The gutter's numbers, the tints and the gap lines sit by the padded text, not above it."""
    words = "a paragraph long enough to wrap over several lines in a pane of this width "
    a = [f"{n} {words * (2 + n % 3)}" for n in range(10)]
    b = ["A new opening paragraph. " * 12] + [f"{n} {words * (3 + n % 2)}" for n in range(10)]
    pairs = [Pair(PairKind.INSERTED, (), (0,), 0.0)]
    pairs += [Pair(PairKind.CHANGED, (n,), (n + 1,), 0.8) for n in range(10)]
    window.show_result(prepare(make_result(a, b, pairs)))
    wait_settled(qtbot, window)
    window.grab()  # a paint, as the screenshot takes
    _painted_geometry_is_qts(window)
    for _ in range(4):
        _step(qtbot, window)
        _painted_geometry_is_qts(window)


def test_a_line_inserted_at_the_top_of_code_keeps_the_lines_level(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Line by line, the left pane's first line is padded above and is a group of its own."""
    lines = [f"value_{n} = {n}  # a comment\n" for n in range(80)]
    (tmp_path / "a.py").write_text("".join(lines), "utf-8")
    (tmp_path / "b.py").write_text(
        "import first\n" + "".join(lines[:40]) + "x = 1\n" + "".join(lines[40:]), "utf-8"
    )
    window.resize(900, 400)
    compare_and_wait(qtbot, window, tmp_path / "a.py", tmp_path / "b.py")
    window.view.pane(Side.A).setFocus()
    assert max(level_gaps(window)) <= 2
    for step in (1, 0):
        _step(qtbot, window)
        assert window.current_change == step
        assert max(level_gaps(window)) <= 2, step
    bar = window.view.pane(Side.B).verticalScrollBar()
    for value in range(bar.maximum() + 1):
        bar.setValue(value)  # never stuck, never an error
    assert bar.value() == bar.maximum()
    bar.setValue(0)
    assert max(level_gaps(window)) <= 2


def _paragraph_y(win: MainWindow, side: Side, paragraph: int) -> float:
    """The y of a paragraph's first line from its pane's top edge, as Qt lays it out."""
    pane = win.view.pane(side)
    block = pane.document().findBlockByNumber(pane.table.para_first[paragraph])
    top = pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top()
    seen = pane.viewport().geometry().top() - pane.contentsRect().top()
    return seen + top + block.layout().lineAt(0).y()


def test_the_paragraphs_of_a_two_by_two_pair_are_level_one_by_one(
    qtbot: QtBot, window: MainWindow, make_result: Callable[..., DiffResult]
) -> None:
    """Two paragraphs reworded as two: the second ones start level too, not only the first."""
    words = "a paragraph long enough to wrap over several lines in a pane of this width "
    a = [f"{n} {words * 2}" for n in range(6)]
    b = [f"{n} {words * 2}" for n in range(6)]
    a[2], b[2] = "2 " + words * 6, "2 " + words  # the first of the pair: longer on the left
    a[3], b[3] = "3 " + words, "3 " + words * 5  # the second: longer on the right
    pairs = [Pair(PairKind.EQUAL, (n,), (n,), 1.0) for n in range(2)]
    pairs += [Pair(PairKind.CHANGED, (2, 3), (2, 3), 0.7)]
    pairs += [Pair(PairKind.EQUAL, (n,), (n,), 1.0) for n in range(4, 6)]
    window.resize(900, 700)
    window.show_result(prepare(make_result(a, b, pairs)))
    wait_settled(qtbot, window)
    window.view.pane(Side.A).setFocus()
    _step(qtbot, window)  # to the 2:2 pair
    for paragraph in (2, 3, 4):
        ya, yb = _paragraph_y(window, Side.A, paragraph), _paragraph_y(window, Side.B, paragraph)
        assert abs(ya - yb) <= 2, (paragraph, ya, yb)
