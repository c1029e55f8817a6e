# SPDX-License-Identifier: GPL-3.0-or-later
"""``run_gui``: the screenshot mode, the no-display refusal, bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from support import GUI
from twofold.app import SCREENSHOT_SIZE, left_out_sentence, open_files, run_gui
from twofold.cli import main
from twofold.engine.parallel import launch_start
from twofold.ui.main_window import MainWindow


def test_screenshot_writes_a_png(
    qapp: QApplication, demo: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "shot.png"
    assert run_gui(str(demo[0]), str(demo[1]), screenshot=str(out)) == 0
    assert out.stat().st_size > 10_000
    image = QImage(str(out))
    assert (image.width(), image.height()) == SCREENSHOT_SIZE


def test_demo_screenshot(qapp: QApplication, tmp_path: Path) -> None:
    out = tmp_path / "demo.png"
    assert run_gui(None, None, demo=True, screenshot=str(out)) == 0
    assert out.stat().st_size > 10_000


def test_screenshot_of_missing_files_fails_with_one_line(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_gui(
        str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), screenshot=str(tmp_path / "x.png")
    )
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("twofold: ")
    assert not (tmp_path / "x.png").exists()


def test_no_display_suggests_text_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert run_gui("a.txt", "b.txt") == 2
    err = capsys.readouterr().err
    assert "--stat" in err
    assert "--json" in err


def test_one_file_opens_as_the_left_side_and_asks_for_the_other(
    window: MainWindow, demo: tuple[Path, Path]
) -> None:
    """What "Open with Twofold" on a single file from a file manager does."""
    open_files(window, str(demo[0]), None)
    assert "right-hand file" in window.banner.text()
    assert window.result is None


def test_a_failing_launch_head_start_still_opens_the_pair(
    qapp: QApplication, demo: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The launch head start only saves time: a bug in it costs a log line, not the comparison."""

    def broken(*_args: object) -> None:
        raise RuntimeError("a bug in the shortcut")

    monkeypatch.setattr(launch_start, "begin", broken)
    out = tmp_path / "shot.png"
    assert run_gui(str(demo[0]), str(demo[1]), screenshot=str(out)) == 0
    assert out.stat().st_size > 10_000


def test_an_offscreen_screenshot_prints_nothing_on_stderr(tmp_path: Path) -> None:
    """Qt's offscreen plugin says "does not support propagateSizeHints()" on every run."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(GUI),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    out = tmp_path / "demo.png"
    run = subprocess.run(
        [sys.executable, "-m", "twofold", "--screenshot", str(out), "--demo"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0
    assert run.stderr == ""
    assert out.stat().st_size > 10_000


def test_other_qt_warnings_still_reach_stderr(tmp_path: Path) -> None:
    """Only that one message is dropped: a warning of Qt's own still gets through."""
    code = (
        "from PySide6.QtCore import qWarning\n"
        "from twofold.app import filter_qt_messages\n"
        "filter_qt_messages()\n"
        "qWarning('This plugin does not support propagateSizeHints()')\n"
        "qWarning('a warning of some other kind')\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(GUI), "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip().splitlines() == ["a warning of some other kind"]


def test_three_files_from_a_launcher_compare_two_and_say_so(
    qtbot: QtBot,
    demo: tuple[Path, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``Exec=twofold %F`` with three files selected: a window, never an unseen argparse error."""
    third = tmp_path / "notes.txt"
    third.write_text("A third text.\n", "utf-8")
    shown: dict[str, str] = {}

    def exec_until_shown(app: QApplication) -> int:
        (window,) = [
            w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.result is not None and "notes.txt" in window.banner.text())
        assert window.result is not None
        shown["a"], shown["b"] = window.result.a.label, window.result.b.label
        shown["banner"] = window.banner.text()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_until_shown)
    assert main([str(demo[0]), str(demo[1]), str(third)]) == 0
    assert (shown["a"], shown["b"]) == (demo[0].name, demo[1].name)
    sentence = '"notes.txt" was not opened; Twofold compares two files at a time.'
    assert shown["banner"] == f"{sentence} Drop it on a pane to compare it instead."
    assert capsys.readouterr().err == f"twofold: {sentence}\n"


@pytest.mark.parametrize(
    ("names", "sentence"),
    [
        (["c.txt"], '"c.txt" was not opened'),
        (["c.txt", "d.txt"], '"c.txt" and "d.txt" were not opened'),
        (["c", "d", "e"], '"c", "d" and "e" were not opened'),
        (["c", "d", "e", "f"], '"c" and 3 more files were not opened'),
    ],
)
def test_what_was_left_out_is_named(names: list[str], sentence: str) -> None:
    assert left_out_sentence([f"/some/folder/{n}" for n in names]) == (
        f"{sentence}; Twofold compares two files at a time."
    )
