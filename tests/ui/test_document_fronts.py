# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's fronts on documents: a screenshot of two forms, a side from standard input."""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from support import DATA
from twofold.cli import main

PAIR = DATA / "documents" / "pep0008_strunk_white"


def test_a_screenshot_of_a_word_draft_against_its_rtf_revision(
    qapp: QApplication, tmp_path: Path
) -> None:
    out = tmp_path / "shot.png"
    assert main(["--screenshot", str(out), str(PAIR / "a.docx"), str(PAIR / "b.rtf")]) == 0
    assert not QImage(str(out)).isNull()


def test_the_window_reads_a_side_from_standard_input_and_leaves_no_file_behind(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    piped = io.TextIOWrapper(io.BytesIO((PAIR / "a.docx").read_bytes()))
    monkeypatch.setattr(sys, "stdin", piped)
    out = tmp_path / "shot.png"
    assert main(["--screenshot", str(out), "-", str(PAIR / "b.docx")]) == 0
    assert not QImage(str(out)).isNull()
    assert [path.name for path in tmp_path.iterdir()] == ["shot.png"]
