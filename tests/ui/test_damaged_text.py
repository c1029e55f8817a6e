# SPDX-License-Identifier: GPL-3.0-or-later
"""Damaged text in the window: shown with U+FFFD, and the status bar says the decode was not clean.

Issue 16, item 4: an ASCII file with one bad UTF-8 sequence used to be guessed as a
legacy encoding (the damage shown as plausible letters), and UTF-16 with a lone
surrogate was refused as binary.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait
from twofold.engine.result.kinds import Side
from twofold.ui.main_window import MainWindow

PROSE = "A line of plain prose, the kind a diff viewer is made for.\n" * 40


def test_a_bad_byte_sequence_shows_as_replacements_and_is_named(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(PROSE, "utf-8")
    b.write_bytes(PROSE.encode() + b"One more line \xff\xfe here.\n")
    compare_and_wait(qtbot, window, a, b)
    note = "UTF-8 (2 undecodable sequences shown as \ufffd) \u00b7 LF"
    assert window.status_line.formats_label.text() == f"UTF-8 \u00b7 LF | {note}"
    assert note in window.view.headers[Side.B].text()
    assert window.result is not None
    assert window.result.b.text.endswith("One more line \ufffd\ufffd here.\n")


def test_utf16_with_a_lone_surrogate_opens_and_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(codecs.BOM_UTF16_LE + PROSE.encode("utf-16-le"))
    damaged = PROSE + "Half an emoji: \ud83d.\n"
    b.write_bytes(codecs.BOM_UTF16_LE + damaged.encode("utf-16-le", "surrogatepass"))
    compare_and_wait(qtbot, window, a, b)
    assert window.status_line.formats_label.text() == (
        "UTF-16-LE BOM \u00b7 LF | UTF-16-LE BOM (1 undecodable sequence shown as \ufffd) \u00b7 LF"
    )
    assert "binary" not in window.banner.text()
    assert window.result is not None
    assert window.result.b.text.endswith("Half an emoji: \ufffd.\n")


def test_a_nul_after_8_kb_is_refused_and_the_comparison_stays(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Item 3: the binary verdict holds for the whole file, in the window too."""
    a, b, blob = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "b.bin"
    a.write_text(PROSE * 5, "utf-8")
    b.write_text(PROSE * 5 + "One more line.\n", "utf-8")
    data = (PROSE * 5).encode()
    blob.write_bytes(data[:9000] + b"\0" + data[9000:])
    compare_and_wait(qtbot, window, a, b)
    shown = window.result
    with qtbot.waitSignal(window.comparison_failed, timeout=30_000):
        window.compare_files(str(a), str(blob))
    assert window.banner.text() == '"b.bin" looks like a binary file, not text.'
    assert window.result is shown
