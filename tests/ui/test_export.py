# SPDX-License-Identifier: GPL-3.0-or-later
"""File ▸ Export writes like the command line: never an input, a special file or half a file."""

from __future__ import annotations

import codecs
import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

import hostile
from qt_helpers import compare_and_wait
from twofold import cli
from twofold.engine.export.export_unified import unified_diff
from twofold.engine.load.text_decoding import decode_bytes
from twofold.engine.pipeline import compare
from twofold.engine.result.model import Document
from twofold.ui.files.export import UNIFIED, Exporter
from twofold.ui.main_window import MainWindow

PATCH = shutil.which("patch")


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


# ------------------------------------------------- File ▸ Export Unified Diff is --diff

_UTF16 = codecs.BOM_UTF16_LE
#: pairs the window used to export as its texts in UTF-8, which patch cannot apply
_STORED_PAIRS = {
    "crlf": (b"one\r\ntwo\nthree\r\nfour\r\n", b"one\r\nTWO\r\nthree\r\nfour\n"),
    "cr": (b"one\rtwo\rthree\r\nfour\n", b"one\rTWO\rthree\r\nfour"),
    "bom": (codecs.BOM_UTF8 + b"one\ntwo\r\nthree\n", b"one\ntwo\r\nTHREE\n"),
    "cp1252": (
        "Caf\u00e9 cr\u00e8me, na\u00efve fa\u00e7ade.\nThe second line.\n".encode("cp1252"),
        "Caf\u00e9 cr\u00e8me, na\u00efve fa\u00e7ade.\nThe 2nd line \u2013 \u20ac5.\n".encode(
            "cp1252"
        ),
    ),
    "utf16": (
        _UTF16 + "Gr\u00fc\u00dfe aus Bern.\r\nZweite Zeile.\r\n".encode("utf-16-le"),
        _UTF16 + "Gr\u00fc\u00dfe aus Basel.\r\nZweite Zeile.\r\n".encode("utf-16-le"),
    ),
}


def _cli_diff(a: Path, b: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> bytes:
    capsysbinary.readouterr()
    assert cli.main(["--diff", str(a), str(b)]) == 1
    return capsysbinary.readouterr().out


def _export_diff(qtbot: QtBot, win: MainWindow, target: Path) -> None:
    """File ▸ Export Unified Diff to ``target``, waiting until the export has ended."""
    win.exporter.choose_path = lambda *_args: str(target)
    with qtbot.waitSignal(win.exporter.written, timeout=30_000):
        win.actions_by_id["export_diff"].trigger()


@pytest.mark.parametrize("name", sorted(_STORED_PAIRS))
def test_the_exported_diff_is_what_twofold_diff_prints(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
    name: str,
) -> None:
    """Byte for byte, in the files' own encoding and line ends, so patch rebuilds B."""
    raw_a, raw_b = _STORED_PAIRS[name]
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(raw_a)
    b.write_bytes(raw_b)
    compare_and_wait(qtbot, window, a, b)
    target = tmp_path / "out.diff"
    _export_diff(qtbot, window, target)
    assert "Saved the diff" in window.statusBar().currentMessage()
    assert target.read_bytes() == _cli_diff(a, b, capsysbinary)
    if PATCH is not None:
        copy = tmp_path / "copy.txt"
        copy.write_bytes(raw_a)
        run = subprocess.run(
            [PATCH, "--batch", "--quiet", "--no-backup-if-mismatch", str(copy), str(target)],
            capture_output=True,
            check=False,
        )
        assert run.returncode == 0, run.stdout + run.stderr
        assert copy.read_bytes() == raw_b


def test_the_exported_diff_follows_the_window_options(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    """With line endings ignored in the window, the export is ``--diff --strip-trailing-cr``."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(b"one\r\ntwo\r\nthree\r\n")
    b.write_bytes(b"one\nTWO\nthree\n")
    compare_and_wait(qtbot, window, a, b)
    with qtbot.waitSignal(window.comparison_finished, timeout=60_000):
        window.actions_by_id["strip_trailing_cr"].trigger()
    assert window.result is not None
    assert window.result.options.strip_trailing_cr
    target = tmp_path / "out.diff"
    _export_diff(qtbot, window, target)
    capsysbinary.readouterr()
    assert cli.main(["--diff", "--strip-trailing-cr", str(a), str(b)]) == 1
    assert target.read_bytes() == capsysbinary.readouterr().out
    assert target.read_bytes().endswith(b"@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n")


def _compared_pair(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> tuple[Path, Path, Path]:
    """A two-line pair compared in ``window``, alone in a folder: (folder, a, b)."""
    folder = tmp_path / "files"
    folder.mkdir()
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_bytes(b"one\ntwo\n")
    b.write_bytes(b"one\nTWO\n")
    compare_and_wait(qtbot, window, a, b)
    return folder, a, b


@pytest.mark.parametrize("same_size", [True, False], ids=["same-size", "longer"])
def test_a_file_changed_since_the_comparison_is_not_exported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, same_size: bool
) -> None:
    """The export would be a diff of text the window does not show: one sentence, no file."""
    folder, a, b = _compared_pair(qtbot, window, tmp_path)
    b.write_bytes(b"one\nTwo\n" if same_size else b"one\nTWO\nthree\n")
    target = folder / "out.diff"
    _export_diff(qtbot, window, target)
    sentence = "b.txt changed on disk since it was compared; reload (F5) before exporting the diff."
    assert sentence in window.banner.text().splitlines()
    assert sorted(folder.iterdir()) == [a, b]  # no diff, no temporary file


def test_a_side_without_a_file_is_exported_as_its_text_and_says_so(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Pasted text (issue 20) has no bytes to re-read: its decoded text goes in, in UTF-8."""
    b = tmp_path / "b.txt"
    b.write_bytes(b"one\r\nTWO\r\n")
    doc_b = decode_bytes(b.read_bytes(), "b.txt", str(b))
    result = compare(Document("pasted text", "one\ntwo\n"), doc_b)
    told: list[tuple[str, bool]] = []
    parent = QWidget()
    qtbot.addWidget(parent)
    exporter = Exporter(parent, lambda: result, lambda text, error: told.append((text, error)))
    target = tmp_path / "out.diff"
    exporter.choose_path = lambda *_args: str(target)
    with qtbot.waitSignal(exporter.written, timeout=30_000):
        assert exporter.export(UNIFIED) == str(target)
    assert target.read_bytes() == unified_diff(
        b"one\ntwo\n", b"one\r\nTWO\r\n", "pasted text", "b.txt"
    )
    message, error = told[-1]
    assert not error
    assert message == (
        f"Saved the diff as {target}; pasted text is not a file, so its side is the text"
        " shown, in UTF-8."
    )


def test_a_compared_file_that_is_gone_is_not_exported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder, a, b = _compared_pair(qtbot, window, tmp_path)
    b.unlink()
    _export_diff(qtbot, window, folder / "out.diff")
    assert 'Not saved: "b.txt" does not exist.' in window.banner.text().splitlines()
    assert sorted(folder.iterdir()) == [a]
