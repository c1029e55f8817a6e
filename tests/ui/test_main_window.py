# SPDX-License-Identifier: GPL-3.0-or-later
"""The window end to end: keys walk the changes, the sidebar drives the panes, find, zoom."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextFormat
from PySide6.QtWidgets import QListView, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from qt_helpers import TunedWindow, compare_and_wait
from twofold.engine.result.kinds import Side
from twofold.ui.files.drop_zone import HINT
from twofold.ui.find.match_paint import match_rects
from twofold.ui.main_window import MainWindow
from twofold.ui.sidebar import change_rows
from twofold.ui.turns import turn_queue


def _activate(qtbot: QtBot, win: MainWindow) -> None:
    win.activateWindow()
    qtbot.waitActive(win)


def test_empty_window_shows_the_drop_hint(window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.drop_zone
    labels = [w.text() for w in window.findChildren(QWidget) if hasattr(w, "text")]
    assert HINT in labels
    assert window.status_line.position_label.text() == ""  # no "No changes" before a result


def test_object_names(loaded: MainWindow) -> None:
    for name, kind in [
        ("leftPane", QPlainTextEdit),
        ("rightPane", QPlainTextEdit),
        ("changesList", QListView),
        ("overviewMap", QWidget),
    ]:
        assert loaded.findChild(kind, name) is not None, name


def test_result_is_rendered(loaded: MainWindow) -> None:
    result = loaded.result
    assert result is not None
    left, right = loaded.view.pane(Side.A), loaded.view.pane(Side.B)
    assert left.toPlainText() == result.a.text
    assert right.toPlainText() == result.b.text
    assert left.lineWrapMode() is QPlainTextEdit.LineWrapMode.WidgetWidth
    assert left.extraSelections(), "deleted words are highlighted"
    assert right.extraSelections(), "inserted words are highlighted"
    assert loaded.status_line.position_label.text() == f"Change 1 of {len(result.changes)}"
    assert "similar" in loaded.status_line.stats_label.text()
    assert "UTF-8" in loaded.status_line.formats_label.text()


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_keys_step_through_changes(
    qtbot: QtBot, loaded: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    _activate(qtbot, loaded)
    loaded.view.pane(Side.A).setFocus()
    n = len(loaded.result.changes)  # type: ignore[union-attr]
    assert n >= 3
    seen = []
    for step in range(2, n + 1):
        qtbot.keyClick(loaded, key, modifier)
        assert loaded.current_change == step - 1
        assert loaded.status_line.position_label.text() == f"Change {step} of {n}"
        seen.append(loaded.view.pane(Side.B).verticalScrollBar().value())
    qtbot.keyClick(loaded, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert loaded.status_line.position_label.text() == f"Change {n - 1} of {n}"
    qtbot.keyClick(loaded, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert loaded.current_change == 0
    qtbot.keyClick(loaded, Qt.Key.Key_End, Qt.KeyboardModifier.AltModifier)
    assert loaded.current_change == n - 1


def test_stepping_scrolls_both_panes_to_the_change(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """A long document: each step brings the pair into view on both sides."""
    filler = [f"Paragraph {i} stays the same in both versions of the text." for i in range(60)]
    a = [*filler[:20], "The quick brown fox.", *filler[20:50], "A lazy dog sleeps.", *filler[50:]]
    b = [*filler[:20], "The quick red fox.", *filler[20:50], "A lazy cat sleeps.", *filler[50:]]
    (tmp_path / "a.txt").write_text("\n\n".join(a) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(b) + "\n", encoding="utf-8")
    compare_and_wait(qtbot, window, tmp_path / "a.txt", tmp_path / "b.txt")
    _activate(qtbot, window)
    before = {s: window.view.pane(s).verticalScrollBar().value() for s in Side}
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.status_line.position_label.text() == "Change 2 of 2"
    for side in Side:
        pane = window.view.pane(side)
        assert pane.verticalScrollBar().value() > before[side]
        assert "lazy" in _visible_text(pane)


def _visible_text(pane: QPlainTextEdit) -> str:
    block, out = pane.firstVisibleBlock(), []
    while block.isValid():
        geo = pane.blockBoundingGeometry(block).translated(pane.contentOffset())
        if geo.top() > pane.viewport().height():
            break
        out.append(block.text())
        block = block.next()
    return "\n".join(out)


def test_sidebar_selection_scrolls_and_marks_current(qtbot: QtBot, loaded: MainWindow) -> None:
    view = loaded.findChild(QListView, "changesList")
    assert view is not None
    model = view.model()
    assert model.rowCount() == len(loaded.result.changes)  # type: ignore[union-attr]
    last = model.rowCount() - 1
    view.setCurrentIndex(model.index(last, 0))
    assert loaded.current_change == last
    assert loaded.status_line.position_label.text() == f"Change {last + 1} of {model.rowCount()}"
    pair = loaded.result.changes[last]  # type: ignore[union-attr]
    for side in Side:
        extent = loaded.view.sync.extent_of(pair, side)
        pane = loaded.view.pane(side)
        top = pane.verticalScrollBar().value()
        assert extent.top < top + pane.page_lines()
        assert extent.bottom > top


def test_stepping_repaints_the_list_rows_it_selects_and_leaves(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    """Only the rows that change are repainted: the painted list shows the current one alone."""
    loaded.actions_by_id["sidebar"].trigger()  # shown: the window is narrow enough to fold it
    view = loaded.sidebar.view
    highlight = view.palette().color(view.palette().ColorRole.Highlight).rgb()

    def painted_selected(row: int) -> bool:
        # What the window shows (its backing store), not a fresh render like grab()'s.
        shown = loaded.screen().grabWindow(loaded.winId()).toImage()
        rect = view.visualRect(view.model().index(row, 0))
        corner = view.viewport().mapTo(loaded, rect.bottomRight())
        ratio = shown.width() / loaded.width()
        x, y = int((corner.x() - 3) * ratio), int((corner.y() - 2) * ratio)
        return shown.pixelColor(x, y).rgb() == highlight

    for key, row in ((Qt.Key.Key_Down, 1), (Qt.Key.Key_Down, 2), (Qt.Key.Key_Up, 1)):
        qtbot.keyClick(loaded, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda row=row: painted_selected(row))  # the list's repaint came
    assert loaded.current_change == 1
    assert painted_selected(1)
    assert not painted_selected(0)
    assert not painted_selected(2)


def test_keyboard_reaches_the_sidebar(qtbot: QtBot, loaded: MainWindow) -> None:
    _activate(qtbot, loaded)
    qtbot.keyClick(loaded, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    view = loaded.sidebar.view
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert loaded.current_change == 1


def test_kind_filter_limits_navigation(loaded: MainWindow) -> None:
    loaded.sidebar.filter.setCurrentIndex(3)  # Inserted: the demo has none
    assert loaded.sidebar.view.model().rowCount() == 0
    loaded.sidebar.filter.setCurrentIndex(0)
    assert loaded.sidebar.view.model().rowCount() == len(loaded.result.changes)  # type: ignore[union-attr]


def test_find_bar_searches_both_panes(qtbot: QtBot, loaded: MainWindow) -> None:
    _activate(qtbot, loaded)
    qtbot.keyClick(loaded, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert loaded.find_bar.isVisible()
    qtbot.keyClicks(loaded.find_bar.edit, "nation")
    sides = {side for side, _s, _e in loaded.finder.matches}
    assert sides == {Side.A, Side.B}
    assert "of" in loaded.find_bar.count.text()
    first = loaded.find_bar.count.text()
    qtbot.keyClick(loaded.find_bar.edit, Qt.Key.Key_Return)
    assert loaded.find_bar.count.text() != first
    qtbot.keyClick(loaded.find_bar.edit, Qt.Key.Key_Escape)
    assert not loaded.find_bar.isVisible()
    assert not loaded.finder.folded  # the folded copies go with the bar


def test_opening_find_folds_both_texts_before_the_first_keystroke(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    _activate(qtbot, loaded)
    qtbot.keyClick(loaded, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: turn_queue().idle)
    folded = loaded.finder.folded
    for side in Side:
        assert folded[side] is loaded.view.pane(side).table.source, side
    qtbot.keyClick(loaded.find_bar.edit, Qt.Key.Key_Escape)
    assert not loaded.finder.folded


def test_closing_find_at_once_drops_the_folding_still_to_do(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    _activate(qtbot, loaded)
    qtbot.keyClick(loaded, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(loaded.find_bar.edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: turn_queue().idle)
    assert not loaded.finder.folded


def test_find_matches_are_painted_under_the_text_and_cut_out_of_highlights(
    qtbot: QtBot, loaded: MainWindow
) -> None:
    """Qt's cost per selection grows with their number: matches are painted, not selected."""
    _activate(qtbot, loaded)
    qtbot.keyClick(loaded, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(loaded.find_bar.edit, "the")
    qtbot.keyClick(loaded.find_bar.edit, Qt.Key.Key_Escape)  # the current match's selection
    qtbot.keyClick(loaded, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    pane = loaded.view.pane(Side.A)
    pane.setTextCursor(QTextCursor(pane.document()))  # no selection over a match
    found = pane.theme.found
    selections = pane.extraSelections()
    assert selections, "the word highlights are still selections"
    assert not any(s.format.background().color() == found for s in selections)
    assert not any(s.format.hasProperty(QTextFormat.Property.ForegroundBrush) for s in selections)
    matches = [(start, end) for side, start, end in loaded.finder.matches if side is Side.A]
    for s in selections:  # a match inside a highlighted word shows the match colour
        start, end = s.cursor.selectionStart(), s.cursor.selectionEnd()
        assert not any(m_start < end and start < m_end for m_start, m_end in matches)

    image = pane.viewport().grab().toImage()
    numbers, tops, _heights = pane.visible_blocks()
    rects = [
        rect
        for number, top in zip(numbers, tops, strict=True)
        for rect in match_rects(
            pane.document().findBlockByNumber(number), top, pane.contentOffset().x(), matches
        )
        if rect.bottom() < image.height()
    ]
    assert len(rects) >= 3
    for rect in rects:  # the match colour wherever a letter does not cover it
        inside = rect.toRect().adjusted(1, 1, -1, -1)
        colours = {
            image.pixelColor(x, y).name()
            for x in range(inside.left(), inside.right() + 1)
            for y in range(inside.top(), inside.bottom() + 1)
        }
        assert found.name() in colours, (rect, colours)


def test_find_says_when_there_are_more_matches_than_it_shows(
    qtbot: QtBot, tuned_window: TunedWindow, demo: tuple[Path, Path]
) -> None:
    loaded = tuned_window(max_matches=2)
    compare_and_wait(qtbot, loaded, *demo)
    _activate(qtbot, loaded)
    qtbot.keyClick(loaded, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(loaded.find_bar.edit, "the")
    assert len(loaded.finder.matches) == 4  # two a pane
    assert loaded.find_bar.count.text() == "1 of 4+"
    qtbot.keyClicks(loaded.find_bar.edit, "zzz")
    assert loaded.find_bar.count.text() == "No matches"


def test_zoom_keys_change_the_font(qtbot: QtBot, loaded: MainWindow) -> None:
    _activate(qtbot, loaded)
    pane = loaded.view.pane(Side.A)
    size = pane.font().pointSizeF()
    qtbot.keyClick(loaded, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert pane.font().pointSizeF() > size
    qtbot.keyClick(loaded, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pane.font().pointSizeF() == size


def test_swap_sides(qtbot: QtBot, loaded: MainWindow) -> None:
    a_text = loaded.result.a.text  # type: ignore[union-attr]
    with qtbot.waitSignal(loaded.comparison_finished, timeout=30_000):
        loaded.actions_by_id["swap"].trigger()
    assert loaded.result.b.text == a_text  # type: ignore[union-attr]
    assert loaded.view.pane(Side.B).toPlainText() == a_text


def test_load_error_shows_a_banner_and_keeps_the_result(
    qtbot: QtBot, loaded: MainWindow, tmp_path: Path
) -> None:
    shown = loaded.result
    with qtbot.waitSignal(loaded.comparison_failed, timeout=30_000):
        loaded.compare_files(str(tmp_path / "missing.txt"), str(tmp_path / "also-missing.txt"))
    assert loaded.banner.text()
    assert loaded.result is shown


def test_file_names_are_shown_as_text_not_markup(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path], tmp_path: Path
) -> None:
    hostile = tmp_path / "<i>x & y.txt"
    hostile.write_bytes(demo[0].read_bytes())
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.compare_files(str(hostile), str(demo[1]))
    header = window.view.headers[Side.A]
    assert header.text().startswith("<i>x & y.txt  UTF-8")
    assert header.name.textFormat() is Qt.TextFormat.PlainText


def test_a_long_changes_list_fills_after_the_panes_without_losing_steps(
    qtbot: QtBot, tuned_window: TunedWindow, demo: tuple[Path, Path]
) -> None:
    """Thousands of changes go into the list a turn later; stepping meanwhile still works."""
    window = tuned_window(list_later_changes=0)
    seen: list[tuple[bool, int]] = []
    sidebar = window.sidebar

    def on_done(_result: object) -> None:  # still in the turn that showed the result
        seen.append((sidebar.filling, sidebar.view.model().rowCount()))
        _activate(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)

    window.comparison_finished.connect(on_done)
    compare_and_wait(qtbot, window, *demo)
    result = window.result
    assert result is not None
    assert seen == [(True, 0)]
    assert window.current_change == 1
    qtbot.waitUntil(lambda: not sidebar.filling)
    assert sidebar.view.model().rowCount() == len(result.changes)
    assert sidebar.view.currentIndex().row() == 1
    assert sidebar.visible_changes() == list(range(len(result.changes)))


def test_the_changes_list_numbers_lines_as_lines(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # A log has many lines and no blank one: compared by lines, its rows say "line".
    rows = [f"12:00:{n:02d} INFO request {n} done" for n in range(60)]
    old, new = tmp_path / "old.log", tmp_path / "new.log"
    old.write_text("\n".join(rows) + "\n", encoding="utf-8")
    rows[41] = rows[41].replace("INFO", "WARN")
    new.write_text("\n".join(rows) + "\n", encoding="utf-8")
    compare_and_wait(qtbot, window, old, new)
    model = window.sidebar.view.model()
    assert model.rowCount() == 1
    assert model.index(0, 0).data(change_rows.WHERE_ROLE) == "line 42 \u2192 42"


def test_the_changes_list_marks_paragraphs_with_a_pilcrow(loaded: MainWindow) -> None:
    where = loaded.sidebar.view.model().index(0, 0).data(change_rows.WHERE_ROLE)
    assert where.startswith("\u00b6 ")
