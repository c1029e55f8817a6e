# SPDX-License-Identifier: GPL-3.0-or-later
"""Big inputs at small sizes: many paragraphs, one huge line, a text filled in slices.

Correctness only (``bench/gui_bench.py`` measures speed): stepping reaches the
last change and both panes show it, sync keeps counterparts on screen, the
overview marks every change, long lines are cut for display and still read back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from qt_helpers import TunedWindow, compare_and_wait
from twofold import app
from twofold.engine.result.kinds import Side
from twofold.ui.main_window import MainWindow
from twofold.ui.panes import pane_fill
from twofold.ui.tuning import ViewTuning

PARAGRAPHS = 2000


def _words(i: int) -> str:
    return f"Paragraph {i} keeps most of its words, " + "and some filler follows here " * 6


@pytest.fixture
def many(tmp_path: Path) -> tuple[Path, Path]:
    """2,000 paragraphs; every 40th reworded, one deleted and one inserted."""
    a = [_words(i) for i in range(PARAGRAPHS)]
    b = [p.replace("most", "nearly all") if i % 40 == 7 else p for i, p in enumerate(a)]
    del b[500]
    b.insert(1500, "A paragraph that only the newer version has, " * 4)
    (tmp_path / "a.txt").write_text("\n\n".join(a) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(b) + "\n", encoding="utf-8")
    return tmp_path / "a.txt", tmp_path / "b.txt"


def _on_screen(win: MainWindow, change: int, side: Side) -> bool:
    ext = win.view.sync.change_extents(side)[change]
    lo, hi = win.view.pane(side).visible_block_range()
    return ext.top <= hi + 1 and ext.bottom >= lo


def test_stepping_reaches_the_last_change_in_both_panes(
    qtbot: QtBot, window: MainWindow, many: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, *many)
    n = len(window.view.sync.changes)
    assert n >= PARAGRAPHS // 40
    window.activateWindow()
    qtbot.waitActive(window)
    for step in range(1, 6):
        qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        assert window.current_change == step
        assert all(_on_screen(window, step, side) for side in Side)
    qtbot.keyClick(window, Qt.Key.Key_End, Qt.KeyboardModifier.AltModifier)
    assert window.current_change == n - 1
    assert all(_on_screen(window, n - 1, side) for side in Side)
    assert window.status_line.position_label.text() == f"Change {n} of {n}"


def test_sync_keeps_the_counterpart_on_screen(
    qtbot: QtBot, window: MainWindow, many: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, *many)
    sync = window.view.sync
    bar = window.view.pane(Side.A).verticalScrollBar()
    for value in range(0, bar.maximum(), max(1, bar.maximum() // 40)):
        bar.setValue(value)
        middle = window.view.pane(Side.A).pos_at(0.5)
        for n in sync.changes_between(Side.A, middle, middle):
            if sync.changes[n].a and sync.changes[n].b:
                assert _on_screen(window, n, Side.B), (value, n)


def test_the_overview_marks_every_change(
    qtbot: QtBot, window: MainWindow, many: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, *many)
    sync = window.view.sync
    for side in Side:
        extents = sync.change_extents(side)
        assert len(extents) == len(sync.changes)
        total = sync.total(side)
        assert all(0 <= e.top <= e.bottom <= total for e in extents)
    image = window.view.overview.grab().toImage()
    theme = window.view.pane(Side.A).theme
    colours = {
        image.pixelColor(x, y).rgb() for x in range(image.width()) for y in range(image.height())
    }
    assert theme.overview[sync.changes[0].kind].rgb() in colours


def test_a_huge_line_is_cut_for_display_and_reads_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    words = [f"w{i}" for i in range(40_000)]  # one line of ~230 KB
    a = " ".join(words)
    b = " ".join(w if i % 1000 else "CHANGED" for i, w in enumerate(words))
    (tmp_path / "a.txt").write_text(a + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(b + "\n", encoding="utf-8")
    compare_and_wait(qtbot, window, tmp_path / "a.txt", tmp_path / "b.txt")
    pane = window.view.pane(Side.B)
    assert pane.blockCount() > 100  # shown in pieces, none of them a 200 KB layout
    assert pane.toPlainText().replace("\n", "") == b
    assert "pieces" in window.view.headers[Side.B].text()
    assert pane.content.line_label(0) == "1"
    assert pane.content.line_label(1) == ""
    pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())
    # the last piece comes into view once the scrolled pane has laid it out
    qtbot.waitUntil(lambda: pane.visible_block_range()[1] == pane.blockCount() - 1)


@pytest.fixture
def sliced_window(tuned_window: TunedWindow) -> MainWindow:
    """A window whose panes take a text of a few hundred kilobytes in slices, as a big one."""
    return tuned_window(fill_first_chars=5_000, fill_slice_chars=20_000)


def _compare_many(qtbot: QtBot, window: MainWindow, many: tuple[Path, Path]) -> None:
    with qtbot.waitSignal(window.comparison_finished, timeout=60_000):
        window.compare_files(str(many[0]), str(many[1]))


def test_a_big_text_fills_in_slices(
    qtbot: QtBot, sliced_window: MainWindow, many: tuple[Path, Path]
) -> None:
    window = sliced_window
    _compare_many(qtbot, window, many)
    assert window.view.filling  # the first screen is up, the rest still coming
    qtbot.waitUntil(lambda: not window.view.filling, timeout=30_000)
    result = window.result
    assert result is not None
    assert window.view.pane(Side.A).toPlainText() == result.a.text
    assert window.view.pane(Side.B).toPlainText() == result.b.text


def _fill_in_slices(qtbot: QtBot, text: str, tuning: ViewTuning) -> list[int]:
    """Fill a pane with ``text`` through a real ``SlicedFill``; where each later slice ended.

    Each slice goes into the document as one insertion at its end, which the
    document announces (``contentsChange``) as it would to any view of it.
    """
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    filler = pane_fill.SlicedFill(edit, tuning)
    cuts: list[int] = []
    started: list[bool] = []

    def on_change(at: int, _removed: int, added: int) -> None:
        if started:  # not the first screen's ``setPlainText``
            cuts.append(at + added)

    with qtbot.waitSignal(filler.finished, timeout=10_000):
        filler.start(text)
        started.append(True)
        edit.document().contentsChange.connect(on_change)
    assert edit.toPlainText() == text
    return cuts


def test_many_short_lines_fill_a_few_thousand_lines_a_turn(qtbot: QtBot) -> None:
    """A slice is cut by lines as well as characters: making a block is what costs in code."""
    # slices shrink when a turn takes long; on a loaded machine they would, so never
    tuning = ViewTuning(fill_first_chars=1_000, fill_slice_lines=700, fill_slice_seconds=3_600.0)
    text = "".join(f"x = {i}\n" for i in range(5_000))  # ~45,000 characters, far below a slice
    cuts = _fill_in_slices(qtbot, text, tuning)
    first = text.find("\n", 1_000) + 1
    slices = [text[a:b] for a, b in zip([first, *cuts], cuts, strict=False)]
    assert len(slices) == -(-(5_000 - text[:first].count("\n")) // 700)
    assert all(s.count("\n") <= 700 and s.endswith("\n") for s in slices)


def test_a_screenshot_waits_until_the_window_has_settled(
    qtbot: QtBot, sliced_window: MainWindow, many: tuple[Path, Path]
) -> None:
    """The rest of a big text, the delayed layout and the overview's marks: all before the grab."""
    window = sliced_window
    _compare_many(qtbot, window, many)
    assert not window.view.settled  # slices still to come
    app.settle(QApplication.instance(), window)
    assert window.view.settled
    result = window.result
    assert result is not None
    assert window.view.pane(Side.B).toPlainText() == result.b.text
    window.view.pane(Side.A).resize(window.view.pane(Side.A).width() - 40, 400)
    assert not window.view.settled  # a size change waits to be announced
    app.settle(QApplication.instance(), window)
    assert window.view.settled


def test_slices_that_take_long_make_the_next_ones_smaller(qtbot: QtBot) -> None:
    """Lines of a log cost more than lines of code: a slice's size follows what it took."""
    # Every slice takes far longer than this: the next ones shrink to the least.
    tuning = ViewTuning(fill_first_chars=1_000, fill_slice_lines=800, fill_slice_seconds=1e-9)
    text = "".join(f"x = {i}\n" for i in range(5_000))
    cuts = _fill_in_slices(qtbot, text, tuning)
    starts = [text.find("\n", 1_000) + 1, *cuts]
    lines = [text[a:b].count("\n") for a, b in zip(starts, cuts, strict=False)]  # per slice
    least = int(800 * tuning.fill_min_scale)
    assert lines[0] == 800
    assert lines[1:-1] == [least] * (len(lines) - 2)  # never below the least either
    assert 0 < lines[-1] <= least


@pytest.mark.parametrize(
    ("scale", "took", "then"),
    [
        (1.0, 0.050, 0.5),  # twice as long as a slice should take: half as big
        (0.5, 0.050, 0.25),  # and again
        (0.25, 0.0125, 0.5),  # quicker again: bigger again
        (0.5, 0.001, 1.0),  # never above the tuning's slice
        (1 / 16, 10.0, 1 / 16),  # never below fill_min_scale
    ],
)
def test_a_slices_size_follows_what_the_last_one_took(
    scale: float, took: float, then: float
) -> None:
    tuning = ViewTuning(fill_slice_seconds=0.025, fill_min_scale=1 / 16)
    assert pane_fill.next_scale(scale, took, tuning) == pytest.approx(then)


def test_find_selects_its_matches_in_cut_lines_after_astral_characters(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Matches are found in the source and shown where the pane has them: past the
    UTF-16 pairs of emoji and the soft breaks of a cut line, even across a cut."""
    line = "Needle" * 3000  # no space: the cuts fall inside words
    (tmp_path / "a.txt").write_text(f"😀 intro 😀\n\n{line}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"😀 outro 😀\n\n{line}needle\n", encoding="utf-8")
    compare_and_wait(qtbot, window, tmp_path / "a.txt", tmp_path / "b.txt")
    assert window.view.pane(Side.A).table.soft_breaks  # the line was cut
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.find_bar.edit, "NEEDLE")
    found = window.finder.matches
    assert sum(side is Side.A for side, *_ in found) == 3000
    assert sum(side is Side.B for side, *_ in found) == 3001
    shown = {side: window.view.pane(side).toPlainText().encode("utf-16-le") for side in Side}
    for side, start, end in found:
        text = shown[side][2 * start : 2 * end].decode("utf-16-le")
        assert text.replace("\n", "").lower() == "needle", (side, start, text)
    crossing = [m for m in found if "\n" in shown[m[0]][2 * m[1] : 2 * m[2]].decode("utf-16-le")]
    assert crossing  # some matches span a cut, and are still found
    assert window.find_bar.count.text() == f"1 of {len(found):,}"


def test_copying_a_cut_line_copies_the_file_text(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The newlines a pane inserts into a long line are not in the file: not in a copy."""
    line = "😀 " + "Needle" * 3000
    a_text, b_text = f"intro 😀\n\n{line}\n", f"outro 😀\n\n{line}needle\n"
    (tmp_path / "a.txt").write_text(a_text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(b_text, encoding="utf-8")
    compare_and_wait(qtbot, window, tmp_path / "a.txt", tmp_path / "b.txt")
    pane = window.view.pane(Side.B)
    assert pane.table.soft_breaks
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == b_text
    # A selection that starts past an emoji and ends past a cut, by Shift+arrow keys.
    cursor = pane.textCursor()
    cursor.setPosition(len("outro 😀\n\n😀 ".encode("utf-16-le")) // 2)
    pane.setTextCursor(cursor)
    for _ in range(2500):
        qtbot.keyClick(pane, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    selected = pane.selected_source_text()
    assert b_text.index(selected) == len("outro 😀\n\n😀 ")
    assert len(selected) == 2500 - 1  # one of the steps crossed a soft break
    qtbot.keyClick(pane, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == selected
