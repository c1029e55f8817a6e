# SPDX-License-Identifier: GPL-3.0-or-later
"""The settings file is read only when it is a regular file and never written out of its folder.

The hostile files are made in a throwaway folder standing for ``~/.config/twofold``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import hostile
from qt_helpers import compare_and_wait
from twofold.ui.files.settings import RECENT_KEY, ZOOM, Settings, user_settings_path
from twofold.ui.files.settings_file import FileUse, vet
from twofold.ui.main_window import MainWindow

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and FIFOs")

DEFAULTS = "Twofold is using its default settings and will not save them."
NOT_SAVED = "Settings are not saved while the settings file itself is compared."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "config" / "twofold").mkdir(parents=True)
    return tmp_path / "config" / "twofold"


def _window(qtbot: QtBot, settings: Settings) -> MainWindow:
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_a_fifo_settings_file_starts_the_window_at_once(qtbot: QtBot, folder: Path) -> None:
    """It used to hang start-up for good: Qt opened the FIFO for reading."""
    ini = folder / "twofold.ini"
    ini.unlink(missing_ok=True)
    hostile.fifo(folder).rename(ini)
    win = _window(qtbot, Settings(path=str(ini)))
    assert win.banner.text() == f"The settings file is a pipe, not a regular file; {DEFAULTS}"
    win.actions_by_id["zoom_in"].trigger()
    win.close()
    assert ini.is_fifo()


def test_a_link_out_of_the_folder_is_read_but_never_written(
    qtbot: QtBot, folder: Path, tmp_path: Path
) -> None:
    """Qt's save used to replace the link's target, wherever it was, with a new file."""
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    target = dotfiles / "twofold.ini"
    target.write_bytes(b"[preferences]\nzoom=3\n")
    ini = folder / "twofold.ini"
    ini.symlink_to(target)
    settings = Settings(path=str(ini))
    win = _window(qtbot, settings)
    assert "a link to a file outside its folder" in win.banner.text()
    assert settings.get(ZOOM) == 3  # read
    win.actions_by_id["zoom_in"].trigger()
    compare_and_wait(qtbot, win, *hostile_pair(tmp_path))
    win.close()
    assert ini.is_symlink()
    assert target.read_bytes() == b"[preferences]\nzoom=3\n"  # never written through
    assert sorted(p.name for p in dotfiles.iterdir()) == ["twofold.ini"]


def hostile_pair(tmp: Path) -> tuple[Path, Path]:
    a, b = tmp / "a.txt", tmp / "b.txt"
    a.write_text("one\n\ntwo\n", "utf-8")
    b.write_text("one\n\nthree\n", "utf-8")
    return a, b


def test_a_link_within_the_folder_is_used(folder: Path) -> None:
    (folder / "main.ini").write_bytes(b"[preferences]\nzoom=2\n")
    ini = folder / "twofold.ini"
    ini.symlink_to("main.ini")
    assert vet(str(ini)).use is FileUse.LIVE
    settings = Settings(path=str(ini))
    assert settings.take_warning() is None
    settings.set(ZOOM, 5)
    settings.sync()
    assert "zoom=5" in (folder / "main.ini").read_text("utf-8")


@pytest.mark.parametrize(
    ("make", "sentence"),
    [
        (lambda f: hostile.dev_zero(f), f"The settings file is a link to a device; {DEFAULTS}"),
        (lambda f: f / "gone.ini", f"The settings file is a broken link; {DEFAULTS}"),
        (lambda f: f.parent, f"The settings file is a link to a folder; {DEFAULTS}"),
    ],
    ids=["device", "dangling-outside", "folder"],
)
def test_links_to_what_is_not_a_file_are_not_opened(
    folder: Path, tmp_path: Path, make, sentence: str
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    ini = folder / "twofold.ini"
    ini.symlink_to(make(elsewhere))
    settings = Settings(path=str(ini))
    assert settings.take_warning() == sentence
    settings.set(ZOOM, 4)
    settings.sync()
    assert ini.is_symlink()
    assert list(elsewhere.iterdir()) == []


def test_a_damaged_file_is_kept_aside_without_following_a_planted_link(
    folder: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "precious.txt"
    outside.write_bytes(b"not the settings")
    ini = folder / "twofold.ini"
    ini.write_bytes(b"\x00\x00[broken\n")
    (folder / "twofold.ini.damaged").symlink_to(outside)
    settings = Settings(path=str(ini))
    assert "twofold.ini.damaged" in (settings.take_warning() or "")
    assert outside.read_bytes() == b"not the settings"
    assert (folder / "twofold.ini.damaged").read_bytes() == b"\x00\x00[broken\n"


def _settings_and_another(folder: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A settings file (zoom 1) and another INI file (zoom 2) to compare it with."""
    ini = folder / "twofold.ini"
    ini.write_bytes(b"[preferences]\nzoom=1\n")
    other = tmp_path / "other.ini"
    other.write_bytes(b"[preferences]\nzoom=2\n")
    return ini, other


def test_comparing_the_settings_file_itself_leaves_it_alone(
    qtbot: QtBot, folder: Path, tmp_path: Path
) -> None:
    """``twofold twofold.ini other.ini``: the settings file is an input, so never an output."""
    ini, other = _settings_and_another(folder, tmp_path)
    settings = Settings(path=str(ini), inputs=(str(ini), str(other)))
    win = _window(qtbot, settings)
    compare_and_wait(qtbot, win, ini, other)
    assert NOT_SAVED in win.banner.text().splitlines()
    win.actions_by_id["zoom_in"].trigger()
    win.close()
    assert ini.read_bytes() == b"[preferences]\nzoom=1\n"
    assert settings.get(ZOOM) == 2  # the session goes on in memory


def test_opening_the_settings_file_later_stops_writing_it(
    qtbot: QtBot, folder: Path, tmp_path: Path
) -> None:
    """Compared from the window (a drop, Open): from its result on, nothing is written to it."""
    ini = folder / "twofold.ini"
    other = tmp_path / "other.ini"
    other.write_bytes(b"[preferences]\nzoom=2\n")
    settings = Settings(path=str(ini))
    win = _window(qtbot, settings)
    win.actions_by_id["zoom_in"].trigger()
    settings.sync()
    before = ini.read_bytes()
    compare_and_wait(qtbot, win, ini, other)
    win.actions_by_id["zoom_in"].trigger()
    win.close()
    assert ini.read_bytes() == before


def test_opening_the_settings_file_later_says_settings_are_not_saved(
    qtbot: QtBot, folder: Path, tmp_path: Path
) -> None:
    """Not only in the log: the zoom, the recent list... of this session will be lost."""
    ini, other = _settings_and_another(folder, tmp_path)
    win = _window(qtbot, Settings(path=str(ini)))
    compare_and_wait(qtbot, win, other, other)
    assert NOT_SAVED not in win.banner.text()
    compare_and_wait(qtbot, win, other, ini)
    assert win.banner.text().splitlines() == [NOT_SAVED]
    compare_and_wait(qtbot, win, other, other)  # the settings stay unsaved: so does the note
    assert NOT_SAVED in win.banner.text().splitlines()


def test_the_user_settings_path_follows_qt_and_opens_nothing(tmp_path: Path) -> None:
    """The probe finds the folder QSettings.setPath (here, conftest's) gives."""
    assert user_settings_path() == str(tmp_path / "user" / "twofold" / "twofold.ini")
    assert not (tmp_path / "user").exists()


def test_a_settings_reader_that_must_not_persist_writes_nothing(folder: Path) -> None:
    ini = folder / "twofold.ini"
    ini.write_bytes(b"[preferences]\nzoom=2\n")
    settings = Settings(path=str(ini), persist=False)
    assert settings.get(ZOOM) == 2
    settings.set(ZOOM, 7)
    settings.add_recent_comparison(str(ini), str(ini))
    settings.sync()
    assert ini.read_bytes() == b"[preferences]\nzoom=2\n"
    assert RECENT_KEY not in ini.read_text("utf-8")
