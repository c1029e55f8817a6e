# SPDX-License-Identifier: GPL-3.0-or-later
"""Documents in the window: opened and dropped like files, refused like bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

import hostile_documents
from office_files import docx_bytes, p
from qt_helpers import compare_and_wait, drop_files
from support import DATA
from twofold.engine.result.kinds import DocFormat, Side
from twofold.engine.result.model import DiffResult
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


def _compare(qtbot: QtBot, window: MainWindow, left: Path, right: Path) -> DiffResult:
    compare_and_wait(qtbot, window, left, right)
    assert window.result is not None
    return window.result


def test_each_pane_header_names_its_format(qtbot: QtBot, window: MainWindow) -> None:
    _compare(qtbot, window, PAIR / "a.odt", PAIR / "b.txt")
    assert "OpenDocument text" in window.view.headers[Side.A].text()
    assert "UTF-8" in window.view.headers[Side.B].text()


def test_headings_look_like_headings(qtbot: QtBot, window: MainWindow) -> None:
    result = _compare(qtbot, window, PAIR / "a.docx", PAIR / "b.docx")
    pane = window.view.pane(Side.A)
    document = pane.document()
    heading = document.findBlock(result.a.headings[0])
    body = heading.next().next()  # the paragraph after the heading (a blank line between)
    assert body.text()
    assert body.position() not in result.a.headings
    looks = heading.begin().fragment().charFormat()
    plain = body.begin().fragment().charFormat()
    assert looks.fontWeight() == QFont.Weight.Bold
    assert plain.fontWeight() != QFont.Weight.Bold
    assert heading.layout().lineAt(0).height() > body.layout().lineAt(0).height()
    assert pane.toPlainText() == result.a.text  # nothing but the text went in


def test_what_was_set_apart_is_one_click_away(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes(p("Body text."), header=p("DRAFT"), footer=p("Page 1")))
    _compare(qtbot, window, draft, PAIR / "b.txt")
    note = window.view.headers[Side.A].set_apart
    assert note.isVisible()
    assert note.text() == "2 paragraphs of page headers and footers not compared \u2014"
    assert not window.view.headers[Side.B].set_apart.isVisible()
    qtbot.mouseClick(note.show_button, Qt.MouseButton.LeftButton)
    dialog = note.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.text.toPlainText() == (
        "Page headers and footers (2 paragraphs):\n\nDRAFT\n\nPage 1"
    )
    dialog.close()
