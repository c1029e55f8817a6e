# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers for the window tests (pytest-qt), shared by every file under tests/ui."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from twofold.ui.main_window import MainWindow


def compare_and_wait(qtbot: QtBot, win: MainWindow, left: Path | str, right: Path | str) -> None:
    """Compare two files in ``win`` and wait until the result is on screen and filled in."""
    with qtbot.waitSignal(win.comparison_finished, timeout=60_000):
        win.compare_files(str(left), str(right))
    qtbot.waitUntil(lambda: not win.view.filling, timeout=30_000)
    qtbot.wait(60)  # the delayed geometry rebuild
