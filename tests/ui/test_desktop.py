# SPDX-License-Identifier: GPL-3.0-or-later
"""Respect the desktop: the text follows the desktop's font size, the window fits the screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait, desktop_font_size
from twofold.engine.result.kinds import Side
from twofold.ui.files.settings import Settings
from twofold.ui.main_window import MainWindow

GUI = Path(__file__).resolve().parents[2] / "gui"

#: a window opened for the first time, on the screen the test describes; prints its size
FIRST_WINDOW = """
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from twofold.ui.files.settings import Settings
from twofold.ui.main_window import MainWindow
app = QApplication([])
window = MainWindow(settings=Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat)))
window.show()
app.processEvents()
room = window.screen().availableGeometry()
frame = window.frameGeometry()
print(frame.width(), frame.height(), room.width(), room.height(), window.width())
"""


@pytest.mark.parametrize(
    ("screen", "scale"), [((1600, 1000), "2"), ((1366, 768), "1"), ((2560, 1440), "1")]
)
def test_the_first_window_fits_the_available_screen(
    tmp_path: Path, screen: tuple[int, int], scale: str
) -> None:
    width, height = screen
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height}]})
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "PYTHONPATH": str(GUI),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", FIRST_WINDOW, str(tmp_path / "twofold.ini")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    frame_w, frame_h, room_w, room_h, inner_w = map(int, done.stdout.split())
    assert frame_w <= room_w
    assert frame_h <= room_h
    assert inner_w >= min(room_w * 0.8, 1280), "and it uses the room it has"


@pytest.fixture
def desktop_font() -> Iterator[QFont]:
    """A 16 pt desktop font, as a user with poor sight sets it; restored afterwards."""
    with desktop_font_size(16.0) as font:
        yield font


def test_the_text_follows_the_desktop_font_and_zoom_goes_on_top(
    qtbot: QtBot, desktop_font: QFont, settings: Settings, demo: tuple[Path, Path]
) -> None:
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    compare_and_wait(qtbot, win, *demo)
    pane = win.view.pane(Side.A)
    size = pane.font().pointSizeF()
    assert size >= desktop_font.pointSizeF()
    win.actions_by_id["zoom_in"].trigger()
    assert pane.font().pointSizeF() == size + 1
