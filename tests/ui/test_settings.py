# SPDX-License-Identifier: GPL-3.0-or-later
"""Settings survive a damaged INI file: defaults, one warning, a window that starts.

Each test writes into a throwaway INI file (never the user's) before opening it,
the way a disk error, a sync tool or a hand edit would leave it.
"""

from __future__ import annotations

import enum
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from twofold.ui.files.settings import (
    MAX_RECENT,
    RECENT_KEY,
    SIDEBAR,
    WORD_WRAP,
    ZOOM,
    Option,
    Settings,
)
from twofold.ui.main_window import MainWindow


class Palette(enum.Enum):
    LIGHT = "light"
    DARK = "dark"


THEME = Option("preferences/theme", Palette, Palette.LIGHT)


def _open(path: Path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "twofold.ini"


def _start_window(qtbot: QtBot, settings: Settings) -> MainWindow:
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


# ------------------------------------------------------------------- damaged files

GARBAGE = {
    "random-bytes": bytes(range(256)) * 8,
    "nul-bytes": b"\x00\x00\x00[preferences]\nzoom=3\n",
    "unterminated-quote": b'[preferences\nzoom="abc\n',
}


@pytest.mark.parametrize("data", GARBAGE.values(), ids=GARBAGE.keys())
def test_a_garbage_file_starts_the_window_with_defaults_and_one_warning(
    qtbot: QtBot, ini: Path, data: bytes
) -> None:
    ini.write_bytes(data)
    settings = _open(ini)
    win = _start_window(qtbot, settings)
    text = win.banner.text()
    assert text.startswith("The settings file was damaged and has been reset to defaults")
    assert "twofold.ini.damaged" in text
    assert (ini.parent / "twofold.ini.damaged").read_bytes() == data
    assert settings.take_warning() is None  # shown once
    assert settings.get(ZOOM) == 0
    assert win.actions_by_id["wrap"].isChecked() is True
    win.close()  # writes a clean file
    assert _open(ini).take_warning() is None


def test_wrong_types_are_reset_and_named(qtbot: QtBot, ini: Path) -> None:
    ini.write_bytes(
        b"[preferences]\nzoom=banana\nword_wrap=maybe\nsidebar_visible=false\n"
        b"[window]\ngeometry=hello\nsplitter=@ByteArray(not a splitter state)\n"
    )
    settings = _open(ini)
    win = _start_window(qtbot, settings)
    assert win.banner.text() == (
        "Some settings were invalid and have been reset to defaults: "
        "preferences/word_wrap, preferences/zoom, window/geometry."
    )
    assert settings.get(ZOOM) == 0
    assert settings.get(WORD_WRAP) is True
    assert settings.get(SIDEBAR) is False  # the valid value is kept
    assert not win.sidebar.isVisible()


@pytest.mark.parametrize("zoom", ["99999", "-40", "true", "3.5"])
def test_out_of_range_zoom_is_refused(ini: Path, zoom: str) -> None:
    ini.write_text(f"[preferences]\nzoom={zoom}\n", "utf-8")
    settings = _open(ini)
    assert settings.get(ZOOM) == 0
    assert "preferences/zoom" in (settings.take_warning() or "")


def test_an_unknown_enum_value_falls_back_to_the_default(ini: Path) -> None:
    ini.write_text("[preferences]\ntheme=solarized\n", "utf-8")
    settings = _open(ini)
    assert settings.get(THEME) is Palette.LIGHT
    settings.set(THEME, Palette.DARK)
    settings.sync()
    assert _open(ini).get(THEME) is Palette.DARK


def test_an_unloadable_variant_is_reset(ini: Path) -> None:
    ini.write_bytes(b"[preferences]\nzoom=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x5ffoo)\n")
    settings = _open(ini)
    assert settings.get(ZOOM) == 0
    assert "preferences/zoom" in (settings.take_warning() or "")


def test_an_unreadable_settings_file_is_not_fatal(qtbot: QtBot, ini: Path) -> None:
    ini.mkdir()  # a folder where the file should be: unreadable even for root
    settings = _open(ini)
    win = _start_window(qtbot, settings)
    assert win.banner.text() == (
        "The settings file cannot be read; Twofold is using its default settings."
    )
    win.actions_by_id["zoom_in"].trigger()
    win.close()  # saving fails quietly too
    assert ini.is_dir()


# ----------------------------------------------------------------- recent comparisons


def _pair(tmp_path: Path, name: str) -> tuple[str, str]:
    a, b = tmp_path / f"{name}-a.txt", tmp_path / f"{name}-b.txt"
    a.write_text("a\n", "utf-8")
    b.write_text("b\n", "utf-8")
    return str(a), str(b)


def test_recent_comparisons_are_bounded_newest_first_and_deduplicated(
    tmp_path: Path, ini: Path
) -> None:
    settings = _open(ini)
    pairs = [_pair(tmp_path, f"p{i}") for i in range(MAX_RECENT + 3)]
    for left, right in pairs:
        settings.add_recent_comparison(left, right)
    settings.add_recent_comparison(*pairs[5])
    settings.sync()
    recent = _open(ini).recent_comparisons()
    assert len(recent) == MAX_RECENT
    assert recent[0] == pairs[5]
    assert recent[1] == pairs[-1]
    assert len(set(recent)) == len(recent)


def test_recent_comparisons_drop_files_that_are_gone(tmp_path: Path, ini: Path) -> None:
    settings = _open(ini)
    kept, gone = _pair(tmp_path, "kept"), _pair(tmp_path, "gone")
    settings.add_recent_comparison(*kept)
    settings.add_recent_comparison(*gone)
    Path(gone[1]).unlink()
    assert settings.recent_comparisons() == [kept]


def test_recent_paths_with_commas_and_non_ascii_round_trip(tmp_path: Path, ini: Path) -> None:
    folder = tmp_path / "Entwürfe, alt"
    folder.mkdir()
    pair = _pair(folder, "résumé \u2013 v2")
    settings = _open(ini)
    settings.add_recent_comparison(*pair)
    settings.sync()
    assert _open(ini).recent_comparisons() == [pair]
    assert ini.read_bytes().isascii()


@pytest.mark.parametrize(
    "stored",
    [
        "not json at all",
        json.dumps({"a": "b"}),
        json.dumps("just a string"),
        json.dumps([["only-one"]]),
        json.dumps([[1, 2]]),
        json.dumps([["", "b"]]),
        "a, b, c",  # what a hand edit leaves: QSettings reads it as a list
    ],
)
def test_a_damaged_recent_list_is_reset_with_a_warning(
    tmp_path: Path, ini: Path, stored: str
) -> None:
    scratch = QSettings(str(ini), QSettings.Format.IniFormat)
    scratch.setValue(RECENT_KEY, stored)
    scratch.sync()
    if stored == "a, b, c":
        ini.write_text("[history]\nrecent_comparisons=a, b, c\n", "utf-8")
    settings = _open(ini)
    assert settings.take_warning() == (
        f"Some settings were invalid and have been reset to defaults: {RECENT_KEY}."
    )
    assert settings.recent_comparisons() == []
    settings.add_recent_comparison(*_pair(tmp_path, "fresh"))
    assert len(settings.recent_comparisons()) == 1


def test_the_window_records_what_it_compared(
    qtbot: QtBot, window: MainWindow, settings: Settings, tmp_path: Path
) -> None:
    left, right = _pair(tmp_path, "shown")
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.compare_files(left, right)
    assert settings.recent_comparisons() == [(left, right)]
