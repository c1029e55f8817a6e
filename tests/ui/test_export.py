# SPDX-License-Identifier: GPL-3.0-or-later
"""File ▸ Export writes like the command line: never an input, a special file or half a file."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import hostile
from twofold.ui.main_window import MainWindow


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX FIFOs")
def test_export_onto_a_fifo_is_refused_at_once(
    qtbot: QtBot, loaded: MainWindow, tmp_path: Path
) -> None:
    """Opening a FIFO for writing blocks until a reader comes: it is refused from its type."""
    pipe = hostile.fifo(tmp_path)
    loaded.exporter.choose_path = lambda *_args: str(pipe)
    loaded.actions_by_id["export_report"].trigger()
    assert not loaded.exporter.busy
    assert loaded.banner.text() == (
        'Not saved: "pipe" is a pipe, not a regular file; Twofold writes only regular files.'
        " Choose another name."
    )


def test_export_onto_a_hard_link_to_an_input_is_refused(loaded: MainWindow, tmp_path: Path) -> None:
    assert loaded.result is not None
    assert loaded.result.b.path is not None
    second = tmp_path / "second-name.html"
    os.link(loaded.result.b.path, second)
    before = second.read_bytes()
    loaded.exporter.choose_path = lambda *_args: str(second)
    loaded.actions_by_id["export_diff"].trigger()
    assert "one of the compared files" in loaded.banner.text()
    assert second.read_bytes() == before


def test_a_failed_export_keeps_the_old_file_whole(
    qtbot: QtBot, loaded: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while exporting: the previous report stays, no temporary file is left."""
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "report.html"
    target.write_bytes(b"<html>the previous report</html>")
    target.chmod(0o640)

    def full_disk(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    loaded.exporter.choose_path = lambda *_args: str(target)
    loaded.actions_by_id["export_report"].trigger()
    qtbot.waitUntil(lambda: not loaded.exporter.busy)
    qtbot.waitUntil(lambda: "cannot be written" in loaded.banner.text())
    assert loaded.banner.text() == 'Not saved: "report.html" cannot be written: the disk is full.'
    assert target.read_bytes() == b"<html>the previous report</html>"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]
    monkeypatch.undo()
    loaded.actions_by_id["export_report"].trigger()
    qtbot.waitUntil(lambda: not loaded.exporter.busy)
    qtbot.waitUntil(lambda: "Saved the report" in loaded.statusBar().currentMessage())
    assert target.read_bytes().startswith(b"<!DOCTYPE html>")
    if sys.platform != "win32":
        assert target.stat().st_mode & 0o777 == 0o640
