# SPDX-License-Identifier: GPL-3.0-or-later
"""Compare ▸ Read Files as Text: the pair on screen re-read by its bytes, and only that pair."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from office_files import docx_bytes, p
from qt_helpers import compare_and_wait
from twofold.app import open_files
from twofold.cli import main
from twofold.engine.result.kinds import DocFormat
from twofold.ui.main_window import MainWindow

PAGE_A = '<!DOCTYPE html>\n<html><body>\n<p class="lead">Hello, world.</p>\n</body></html>\n'
PAGE_B = PAGE_A.replace('class="lead"', 'class="intro"')


@pytest.fixture
def pages(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    a.write_text(PAGE_A, encoding="utf-8")
    b.write_text(PAGE_B, encoding="utf-8")
    return a, b


def trigger_and_wait(qtbot: QtBot, window: MainWindow, action: str) -> None:
    with qtbot.waitSignal(window.comparison_finished, timeout=60_000):
        window.actions_by_id[action].trigger()


def test_the_menu_item_re_reads_the_pair_and_a_new_pair_is_read_by_its_format(
    qtbot: QtBot, window: MainWindow, pages: tuple[Path, Path], tmp_path: Path
) -> None:
    toggle = window.actions_by_id["read_as_text"]
    compare_and_wait(qtbot, window, *pages)
    assert window.result is not None
    assert window.result.a.format is DocFormat.HTML
    assert not window.result.differs  # the pages read the same
    assert not toggle.isChecked()

    trigger_and_wait(qtbot, window, "read_as_text")
    assert toggle.isChecked()
    assert window.result.a.format is DocFormat.TEXT
    assert window.result.a.text == PAGE_A
    assert window.result.differs

    trigger_and_wait(qtbot, window, "reload")  # F5 and option changes keep the choice
    assert window.result.b.text == PAGE_B
    trigger_and_wait(qtbot, window, "swap")
    assert (window.result.a.text, toggle.isChecked()) == (PAGE_B, True)

    other = tmp_path / "c.html"
    other.write_text(PAGE_A, encoding="utf-8")
    compare_and_wait(qtbot, window, pages[0], other)  # another pair: read as documents again
    assert window.result.a.format is DocFormat.HTML
    assert not toggle.isChecked()

    trigger_and_wait(qtbot, window, "read_as_text")
    trigger_and_wait(qtbot, window, "read_as_text")  # and back
    assert window.result.a.format is DocFormat.HTML
    assert not toggle.isChecked()


def test_a_document_that_is_no_text_says_so_and_the_pair_stays_as_it_was(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes(p("Some words.")))
    compare_and_wait(qtbot, window, draft, draft)
    with qtbot.waitSignal(window.comparison_failed, timeout=60_000) as failed:
        window.actions_by_id["read_as_text"].trigger()
    assert failed.args[0].startswith('"draft.docx" is a Word document, whose bytes are not text')
    assert window.banner.isVisible()
    assert window.result is not None
    assert window.result.a.format is DocFormat.DOCX
    assert not window.actions_by_id["read_as_text"].isChecked()


def test_the_menu_item_waits_for_a_comparison(window: MainWindow) -> None:
    assert not window.actions_by_id["read_as_text"].isEnabled()


def test_as_text_from_the_command_line_opens_the_window_on_the_markup(
    qtbot: QtBot, window: MainWindow, pages: tuple[Path, Path]
) -> None:
    with qtbot.waitSignal(window.comparison_finished, timeout=60_000):
        open_files(window, str(pages[0]), str(pages[1]), as_text=True)
    assert window.result is not None
    assert window.result.a.text == PAGE_A
    assert window.actions_by_id["read_as_text"].isChecked()


def test_a_screenshot_as_text(qapp: QApplication, tmp_path: Path, pages: tuple[Path, Path]) -> None:
    out = tmp_path / "shot.png"
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes(p("Some words.")))
    assert main(["--screenshot", str(out), "--as-text", str(draft), str(pages[1])]) == 2
    assert not out.exists()  # the Word document is no text: the front says so
    assert main(["--screenshot", str(out), "--as-text", *map(str, pages)]) == 0
    assert not QImage(str(out)).isNull()
