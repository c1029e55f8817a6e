# SPDX-License-Identifier: GPL-3.0-or-later
"""Documents in the window: opened and dropped like files, refused like bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import hostile_documents
from qt_helpers import drop_files
from support import DATA
from twofold.engine.result.model import DocFormat, Side
from twofold.ui.main_window import MainWindow

PAIR = DATA / "documents" / "pep0008_strunk_white"


@pytest.mark.parametrize(
    "case", ["ratio_bomb", "billion_laughs", "encrypted_docx", "truncated_docx"]
)
def test_a_hostile_document_dropped_is_a_banner_and_the_comparison_stays(
    qtbot: QtBot, loaded: MainWindow, tmp_path: Path, case: str
) -> None:
    build, words = hostile_documents.CASES[case]
    path = build(tmp_path)
    shown = loaded.result
    with qtbot.waitSignal(loaded.comparison_failed, timeout=30_000):
        drop_files(loaded.view.pane(Side.B).viewport(), [path])
    assert words in loaded.banner.text()
    assert loaded.banner.text().startswith(f'"{path.name}" ')
    assert loaded.result is shown
    assert loaded.view.pane(Side.A).toPlainText() == shown.a.text  # type: ignore[union-attr]


def test_dropped_documents_are_compared(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        drop_files(window.drop_zone.targets[Side.A], [PAIR / "a.docx", PAIR / "b.epub"])
    result = window.result
    assert result is not None
    assert (result.a.format, result.b.format) == (DocFormat.DOCX, DocFormat.EPUB)
    assert result.changes
