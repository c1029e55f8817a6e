# SPDX-License-Identifier: GPL-3.0-or-later
"""Comparison options, export, copy and font: keys re-compare, choices persist, files are right."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QFontDialog, QListView
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait
from twofold.engine.export.export_html import render_html
from twofold.engine.result.kinds import Granularity, PairKind, Side, Unit
from twofold.engine.result.model import CompareOptions, DiffResult, Pair
from twofold.ui.bars.options_bar import anchor_of, change_near
from twofold.ui.files.export import render_diff
from twofold.ui.files.settings import COMPARE_OPTIONS, FONT, Settings
from twofold.ui.main_window import MainWindow

MakeResult = Callable[..., DiffResult]


@pytest.fixture
def case_pair(tmp_path: Path) -> tuple[Path, Path]:
    """Two paragraphs: one differs only in case, one in a word."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Hello World, said the text.\n\nThe second paragraph stays.\n", encoding="utf-8")
    b.write_text("hello world, said the text.\n\nThe second paragraph changed.\n", encoding="utf-8")
    return a, b


def _rows(win: MainWindow) -> int:
    view = win.findChild(QListView, "changesList")
    assert view is not None
    return view.model().rowCount()


def _focus(qtbot: QtBot, win: MainWindow) -> None:
    with qtbot.waitActive(win):
        win.activateWindow()
    win.view.pane(Side.A).setFocus()


def test_ignore_case_key_recompares_and_hides_a_case_only_change(
    qtbot: QtBot, window: MainWindow, case_pair: tuple[Path, Path], settings: Settings
) -> None:
    compare_and_wait(qtbot, window, *case_pair)
    assert _rows(window) == 2
    _focus(qtbot, window)
    with qtbot.waitSignal(window.comparison_finished, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert window.actions_by_id["ignore_case"].isChecked()
    assert window.result is not None
    assert window.result.options.ignore_case
    assert _rows(window) == 1
    assert settings.get(COMPARE_OPTIONS["ignore_case"]) is True


def test_options_survive_a_new_window(
    qtbot: QtBot, window: MainWindow, settings: Settings, case_pair: tuple[Path, Path]
) -> None:
    window.actions_by_id["ignore_case"].trigger()
    window.actions_by_id["granularity_character"].trigger()
    window.actions_by_id["unit_lines"].trigger()
    window.close()
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    assert again.actions_by_id["ignore_case"].isChecked()
    assert again.actions_by_id["granularity_character"].isChecked()
    assert again.actions_by_id["unit_lines"].isChecked()
    combo = again.findChild(QComboBox, "unitCombo")
    assert combo is not None
    assert combo.currentText() == "Lines"
    compare_and_wait(qtbot, again, *case_pair)
    options = again.result.options  # type: ignore[union-attr]
    assert (options.ignore_case, options.granularity, options.unit) == (
        True,
        Granularity.CHARACTER,
        Unit.LINES,
    )


def test_changes_are_debounced_into_one_comparison(
    qtbot: QtBot, window: MainWindow, case_pair: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, *case_pair)
    started: list[None] = []
    window.runner.started.connect(lambda: started.append(None))
    for action in ("ignore_case", "ignore_whitespace", "ignore_typography"):
        window.actions_by_id[action].trigger()
    assert window.options_bar.timer.isActive()
    assert not started
    with qtbot.waitSignal(window.comparison_finished, timeout=10_000):
        pass
    assert len(started) == 1
    options = window.result.options  # type: ignore[union-attr]
    assert options.ignore_case
    assert options.ignore_whitespace
    assert options.ignore_typography


def test_toolbar_combo_by_keyboard_sets_the_menu_choice(
    qtbot: QtBot, window: MainWindow, settings: Settings
) -> None:
    combo = window.findChild(QComboBox, "granularityCombo")
    assert combo is not None
    assert combo.currentText() == "Words"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Characters"
    assert window.actions_by_id["granularity_character"].isChecked()
    assert settings.get(COMPARE_OPTIONS["granularity"]) is Granularity.CHARACTER
    window.actions_by_id["granularity_word"].trigger()  # and back, from the menu
    assert combo.currentText() == "Words"


def test_recompare_keeps_the_current_change(qtbot: QtBot, loaded: MainWindow) -> None:
    loaded.go_to_change(2)
    before = loaded.result.changes[2]  # type: ignore[union-attr]
    with qtbot.waitSignal(loaded.comparison_finished, timeout=10_000):
        loaded.actions_by_id["granularity_character"].trigger()
    assert loaded.result.options.granularity is Granularity.CHARACTER  # type: ignore[union-attr]
    assert loaded.current_change == 2
    after = loaded.result.changes[2]  # type: ignore[union-attr]
    assert (after.a, after.b) == (before.a, before.b)


def test_command_line_options_are_shown_not_stored(
    qtbot: QtBot, window: MainWindow, settings: Settings, case_pair: tuple[Path, Path]
) -> None:
    with qtbot.waitSignal(window.comparison_finished, timeout=10_000):
        window.compare_files(*map(str, case_pair), options=CompareOptions(ignore_case=True))
    assert window.actions_by_id["ignore_case"].isChecked()
    assert settings.get(COMPARE_OPTIONS["ignore_case"]) is False


def test_anchor_finds_the_same_text_again(make_result: MakeResult) -> None:
    changed = Pair(PairKind.CHANGED, (1,), (1,), 0.5)
    result = make_result(
        ["one", "two", "three"],
        ["one", "TWO", "three", "four"],
        [
            Pair(PairKind.EQUAL, (0,), (0,), 1.0),
            changed,
            Pair(PairKind.EQUAL, (2,), (2,), 1.0),
            Pair(PairKind.INSERTED, (), (3,), 0.0),
        ],
    )
    anchor = anchor_of(result, 0)
    assert anchor == (Side.B, result.b_segments[1].start)
    assert change_near(result, anchor) == 0
    assert change_near(result, (Side.B, result.b_segments[3].start)) == 1
    assert change_near(result, (Side.B, 10_000)) == 1  # past the end: the last change
    assert anchor_of(result, None) is None
    assert anchor_of(None, 0) is None


# ----- export ------------------------------------------------------------------------------


def test_ctrl_e_writes_the_engines_report(qtbot: QtBot, loaded: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    asked: list[str] = []
    loaded.exporter.choose_path = lambda _p, title, suggested, _f: (
        asked.append(suggested) or str(target)
    )
    _focus(qtbot, loaded)
    qtbot.keyClick(loaded, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked
    assert asked[0].endswith(".html")
    qtbot.waitUntil(lambda: "Saved the report" in loaded.statusBar().currentMessage())
    assert target.read_text(encoding="utf-8") == render_html(loaded.result)  # type: ignore[arg-type]
    assert str(target) in loaded.statusBar().currentMessage()


def test_an_export_is_written_while_the_window_goes_on(
    qtbot: QtBot, loaded: MainWindow, tmp_path: Path
) -> None:
    """A big report renders for seconds: the window keeps handling events meanwhile."""
    from twofold.ui.files.export import ExportFormat, Rendered

    go_on = threading.Event()

    def slow_render(result: DiffResult) -> Rendered:
        assert go_on.wait(10)
        return render_diff(result)

    slow = ExportFormat("diff", "Export", "*.diff", ".diff", slow_render)
    target = tmp_path / "slow.diff"
    loaded.exporter.choose_path = lambda *_args: str(target)
    assert loaded.exporter.export(slow) == str(target)
    assert loaded.exporter.busy
    assert "Saving the diff" in loaded.statusBar().currentMessage()
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks))  # the event loop runs while the render waits
    go_on.set()
    qtbot.waitUntil(lambda: "Saved the diff" in loaded.statusBar().currentMessage())
    assert not loaded.exporter.busy
    assert target.read_bytes() == render_diff(loaded.result).data  # type: ignore[arg-type]


def test_an_export_that_cannot_be_written_says_why(
    qtbot: QtBot, loaded: MainWindow, tmp_path: Path
) -> None:
    loaded.exporter.choose_path = lambda *_args: str(tmp_path / "missing" / "report.html")
    loaded.actions_by_id["export_report"].trigger()
    qtbot.waitUntil(lambda: "cannot be written" in loaded.banner.text())
    assert loaded.banner.text() == (
        'Not saved: "report.html" cannot be written: its folder does not exist.'
    )


def test_unified_diff_export(qtbot: QtBot, loaded: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "changes.diff"
    loaded.exporter.choose_path = lambda *_args: str(target)
    loaded.actions_by_id["export_diff"].trigger()
    qtbot.waitUntil(lambda: not loaded.exporter.busy)
    qtbot.waitUntil(lambda: "Saved the diff" in loaded.statusBar().currentMessage())
    data = target.read_bytes()
    assert data == render_diff(loaded.result).data  # type: ignore[arg-type]
    assert data.startswith(b"--- ")


def test_export_refuses_a_compared_file(
    loaded: MainWindow, demo: tuple[Path, Path], tmp_path: Path
) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(demo[0])
    before = demo[0].read_bytes()
    for target in (demo[0], demo[1], link):
        loaded.exporter.choose_path = lambda *_args, t=target: str(t)
        loaded.actions_by_id["export_report"].trigger()
        assert "one of the compared files" in loaded.banner.text()
    assert demo[0].read_bytes() == before


def test_export_without_a_comparison_is_not_offered(window: MainWindow) -> None:
    """Greyed out (issue 19): nothing to export, so no dialog and no red banner either."""
    window.exporter.choose_path = lambda *_args: pytest.fail("no dialog without a result")
    assert not window.actions_by_id["export_report"].isEnabled()
    window.actions_by_id["export_report"].trigger()
    assert window.banner.text() == ""


# ----- copy --------------------------------------------------------------------------------


def test_copy_change_puts_both_sides_on_the_clipboard(qtbot: QtBot, loaded: MainWindow) -> None:
    _focus(qtbot, loaded)
    loaded.go_to_change(1)
    qtbot.keyClick(
        loaded,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    text = QApplication.clipboard().text()
    result = loaded.result
    assert result is not None
    pair = result.changes[1]
    for side, mark in ((Side.A, "---"), (Side.B, "+++")):
        span = result.span_of(pair, side)
        assert span is not None
        assert f"{mark} {result.document(side).label}" in text
        assert result.document(side).text[span.start : span.end].strip() in text


def test_copy_change_prefers_the_selection(qtbot: QtBot, loaded: MainWindow) -> None:
    _focus(qtbot, loaded)
    pane = loaded.view.pane(Side.B)
    pane.setFocus()
    cursor = pane.textCursor()
    cursor.setPosition(0)
    cursor.movePosition(QTextCursor.MoveOperation.Down, QTextCursor.MoveMode.KeepAnchor, 2)
    pane.setTextCursor(cursor)
    loaded.actions_by_id["copy_change"].trigger()
    expected = cursor.selectedText().replace("\u2029", "\n")
    assert expected
    assert QApplication.clipboard().text() == expected
    assert "\u2029" not in QApplication.clipboard().text()


# ----- font --------------------------------------------------------------------------------


def _pick_font(qtbot: QtBot, win: MainWindow, font: QFont) -> None:
    win.actions_by_id["font"].trigger()
    dialog = win.findChild(QFontDialog, "fontDialog")
    assert dialog is not None
    assert dialog.isVisible()
    dialog.setCurrentFont(font)
    dialog.accept()


def test_font_choice_applies_survives_zoom_and_persists(
    qtbot: QtBot, loaded: MainWindow, settings: Settings
) -> None:
    chosen = QFont(QApplication.font())
    chosen.setPointSizeF(17)
    _pick_font(qtbot, loaded, chosen)
    pane = loaded.view.pane(Side.A)
    assert pane.font().family() == chosen.family()
    assert pane.font().pointSizeF() == 17
    loaded.actions_by_id["zoom_in"].trigger()
    assert pane.font().family() == chosen.family()
    assert pane.font().pointSizeF() == 18
    loaded.actions_by_id["zoom_reset"].trigger()
    assert settings.get(FONT)
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    assert again.view.pane(Side.B).font().pointSizeF() == 17
    again.actions_by_id["font_reset"].trigger()
    assert settings.get(FONT) == ""
    assert again.view.pane(Side.B).font().pointSizeF() != 17
