# SPDX-License-Identifier: GPL-3.0-or-later
"""Documents and the clipboard into the window: paste, Paste as Left / Right, Open."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait, wait_settled
from support import DATA
from twofold.engine.result.kinds import DocFormat, Side
from twofold.ui.main_window import MainWindow

PAIR = DATA / "documents" / "pep0008_strunk_white"


@pytest.fixture(autouse=True)
def _clipboard_cleared(qapp: QApplication) -> Iterator[None]:
    """A QMimeData left on the clipboard crashes Qt's teardown at exit (SIGSEGV, offscreen).

    pytest then exits 139 after every test passed, which fails ``make test``.
    """
    yield
    QGuiApplication.clipboard().clear()


def _clipboard(text: str = "", html: str = "") -> None:
    data = QMimeData()
    if text:
        data.setText(text)
    if html:
        data.setHtml(html)
    QGuiApplication.clipboard().setMimeData(data)


def test_ctrl_v_twice_on_the_empty_window_compares_two_pastes(
    qtbot: QtBot, window: MainWindow
) -> None:
    _clipboard("The first draft.\n\nIt has two paragraphs.\n")
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "right-hand" in window.banner.text()
    _clipboard("The final draft.\n\nIt has two paragraphs.\n")
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    wait_settled(qtbot, window)
    result = window.result
    assert result is not None
    assert (result.a.label, result.b.label) == ("pasted text", "pasted text")
    assert result.a.text == "The first draft.\n\nIt has two paragraphs.\n"
    assert window.view.pane(Side.B).toPlainText() == result.b.text
    assert len(result.changes) == 1


def test_paste_as_right_compares_the_clipboard_with_the_left_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    compare_and_wait(qtbot, window, PAIR / "a.txt", PAIR / "b.txt")
    _clipboard((PAIR / "b.txt").read_text("utf-8").replace("Strunk", "Fowler"))
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.actions_by_id["paste_right"].trigger()
    result = window.result
    assert result is not None
    assert result.a.path == str(PAIR / "a.txt")
    assert result.b.label == "pasted text"
    assert "Fowler" in result.b.text


def test_html_on_the_clipboard_is_read_as_a_web_page(qtbot: QtBot, window: MainWindow) -> None:
    compare_and_wait(qtbot, window, PAIR / "a.txt", PAIR / "b.txt")
    _clipboard(text="Hello", html="<meta charset='utf-8'><p>Hello <b>there</b>.</p>")
    if importlib.util.find_spec("twofold.engine.load.documents.html") is None:
        with qtbot.waitSignal(window.comparison_failed, timeout=30_000):
            window.actions_by_id["paste_left"].trigger()
        assert window.banner.text() == (
            '"pasted text.html" cannot be opened: reading web pages is not available yet.'
        )
    else:
        with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
            window.actions_by_id["paste_left"].trigger()
        assert window.result is not None
        assert window.result.a.format is DocFormat.HTML


def test_an_empty_clipboard_says_so(qtbot: QtBot, window: MainWindow) -> None:
    _clipboard()
    window.actions_by_id["paste_left"].trigger()
    assert window.banner.text() == "The clipboard holds no text to compare."


def test_pastes_stay_out_of_the_recent_list_and_go_with_the_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    _clipboard("one\n")
    window.actions_by_id["paste_left"].trigger()
    _clipboard("two\n")
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.actions_by_id["paste_right"].trigger()
    assert window.result is not None
    pasted = Path(window.result.a.path or "")
    assert pasted.exists()
    assert window.recent_menu.isEmpty() or not any(
        str(pasted) in action.text() for action in window.recent_menu.actions()
    )
    window.close()
    assert not pasted.exists()


def test_the_open_dialog_offers_the_documents_and_opens_them(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answers = [str(PAIR / "a.docx"), str(PAIR / "b.epub")]

    def choose(*args: object) -> tuple[str, str]:
        asked.append(str(args[3]))
        return answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    window.actions_by_id["open"].trigger()
    dialog = window.opener.dialog
    assert dialog is not None
    dialog.browse(Side.A)  # each side's Browse… (the two-field dialog, issue 19)
    dialog.browse(Side.B)
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        dialog.accept()
    assert "*.docx *.odt *.rtf *.pdf *.epub *.html" in asked[0]
    assert window.result is not None
    assert (window.result.a.format, window.result.b.format) == (DocFormat.DOCX, DocFormat.EPUB)
