# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening files: the Open dialog (a left and a right field), a lone drop awaiting its partner."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from qt_helpers import drop_files
from twofold.engine.result.kinds import Side
from twofold.ui.dialogs.open_pair import OpenPairDialog
from twofold.ui.files.settings import ZOOM, Settings
from twofold.ui.main_window import MainWindow


@pytest.fixture
def texts(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / f"{name}.txt" for name in ("old", "new", "other")]
    for path in paths:
        path.write_text(f"The {path.stem} text.\n\nA paragraph all share.\n", encoding="utf-8")
    return paths


def _open_dialog(qtbot: QtBot, window: MainWindow) -> OpenPairDialog:
    """File ▸ Open (Ctrl+O) as a user presses it: the dialog with its two fields."""
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    dialog = window.opener.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _type(qtbot: QtBot, dialog: OpenPairDialog, left: Path, right: Path) -> None:
    for side, path in ((Side.A, left), (Side.B, right)):
        field = dialog.fields[side]
        field.clear()
        qtbot.keyClicks(field, str(path))


def test_open_has_a_left_and_a_right_field_and_compares_them(
    qtbot: QtBot, window: MainWindow, texts: list[Path]
) -> None:
    dialog = _open_dialog(qtbot, window)
    compare = dialog.findChild(QPushButton, "compareButton")
    assert compare is not None
    assert not compare.isEnabled(), "nothing to compare yet"
    qtbot.keyClicks(dialog.fields[Side.A], str(texts[1]))
    assert not compare.isEnabled(), "one side is not a comparison"
    qtbot.keyClicks(dialog.fields[Side.B], str(texts[0]))
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        qtbot.mouseClick(compare, Qt.MouseButton.LeftButton)
    assert window.result is not None
    assert (window.result.a.path, window.result.b.path) == (str(texts[1]), str(texts[0]))


def test_browse_fills_one_side_from_beside_the_other(
    qtbot: QtBot, window: MainWindow, texts: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked_in: list[str] = []

    def open_name(_parent: object, _caption: str, folder: str, *_filter: str) -> tuple[str, str]:
        asked_in.append(folder)
        return str(texts[2]), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    dialog = _open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.fields[Side.A], str(texts[0]))
    browse = dialog.findChild(QPushButton, "rightBrowse")
    assert browse is not None
    qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    assert asked_in == [str(texts[0].parent)]
    assert dialog.fields[Side.B].text() == str(texts[2])
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert window.result is not None
    assert (window.result.a.path, window.result.b.path) == (str(texts[0]), str(texts[2]))


def test_open_canceled_changes_nothing(qtbot: QtBot, window: MainWindow, texts: list[Path]) -> None:
    dialog = _open_dialog(qtbot, window)
    _type(qtbot, dialog, texts[0], texts[1])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not window.runner.busy
    assert window.result is None
    assert window.stack.currentWidget() is window.drop_zone


def test_a_comparison_forgets_a_file_dropped_alone_before_it(
    qtbot: QtBot, window: MainWindow, texts: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lone drop waits for its partner only until another comparison is asked for."""
    old, new, other = texts
    assert drop_files(window, [other])
    assert window.banner.text() == "Now drop the right-hand file."
    dialog = _open_dialog(qtbot, window)
    assert dialog.fields[Side.A].text() == str(other), "the file waiting is offered"
    _type(qtbot, dialog, old, new)
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        assert drop_files(window, [other])  # replaces the left side, paired with nothing old
    assert window.result is not None
    assert (window.result.a.path, window.result.b.path) == (str(other), str(new))


def test_zoom_stops_at_the_bounds_the_settings_accept(
    window: MainWindow, settings: Settings
) -> None:
    for _ in range(40):
        window.actions_by_id["zoom_in"].trigger()
    assert settings.get(ZOOM) == 24
    for _ in range(40):
        window.actions_by_id["zoom_out"].trigger()
    assert settings.get(ZOOM) == -6
    window.actions_by_id["zoom_reset"].trigger()
    assert settings.get(ZOOM) == 0
