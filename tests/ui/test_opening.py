# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening files: the Open dialog (one file or two), a lone dropped file awaiting its partner."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from qt_helpers import drop_files
from twofold.ui.files.settings import ZOOM, Settings
from twofold.ui.main_window import MainWindow


@pytest.fixture
def texts(tmp_path: Path) -> list[Path]:
    paths = [tmp_path / f"{name}.txt" for name in ("old", "new", "other")]
    for path in paths:
        path.write_text(f"The {path.stem} text.\n\nA paragraph all share.\n", encoding="utf-8")
    return paths


def _answer_dialogs(
    monkeypatch: pytest.MonkeyPatch, first: list[Path], second: Path | None
) -> list[str]:
    """The user picks ``first`` in the Open dialog, then ``second`` if asked (and where)."""
    asked_in: list[str] = []

    def open_names(*_args: object) -> tuple[list[str], str]:
        return [str(p) for p in first], ""

    def open_name(_parent: object, _caption: str, folder: str, *_filter: str) -> tuple[str, str]:
        asked_in.append(folder)
        return (str(second) if second else ""), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_names))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
    return asked_in


def test_open_with_two_files_compares_them(
    qtbot: QtBot, window: MainWindow, texts: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked_in = _answer_dialogs(monkeypatch, texts[:2], None)
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.actions_by_id["open"].trigger()
    assert window.result is not None
    assert (window.result.a.path, window.result.b.path) == (str(texts[0]), str(texts[1]))
    assert asked_in == []  # two files: no second question


def test_open_with_one_file_asks_for_its_partner_beside_it(
    qtbot: QtBot, window: MainWindow, texts: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked_in = _answer_dialogs(monkeypatch, texts[:1], texts[2])
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.actions_by_id["open"].trigger()
    assert asked_in == [str(texts[0].parent)]
    assert window.result is not None
    assert (window.result.a.path, window.result.b.path) == (str(texts[0]), str(texts[2]))


def test_open_canceled_at_the_partner_changes_nothing(
    window: MainWindow, texts: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_dialogs(monkeypatch, texts[:1], None)
    window.actions_by_id["open"].trigger()
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
    _answer_dialogs(monkeypatch, [old, new], None)
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.actions_by_id["open"].trigger()
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
