# SPDX-License-Identifier: GPL-3.0-or-later
"""The window says when only the layout differs, and its two new ignores persist (issue 16, 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait
from twofold.engine.result.kinds import Side
from twofold.ui import copy_change
from twofold.ui.files.settings import COMPARE_OPTIONS, Settings
from twofold.ui.main_window import MainWindow
from twofold.ui.sidebar import change_rows

TEXT = "Hello world.\n\nSecond paragraph.\n"


@pytest.fixture
def eol_pair(tmp_path: Path) -> tuple[Path, Path]:
    """The same text with LF and with CRLF line endings."""
    a, b = tmp_path / "lf.txt", tmp_path / "crlf.txt"
    a.write_bytes(TEXT.encode())
    b.write_bytes(TEXT.replace("\n", "\r\n").encode())
    return a, b


@pytest.fixture
def blank_pair(tmp_path: Path) -> tuple[Path, Path]:
    """The same text with one blank line more between the paragraphs."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(TEXT.encode())
    b.write_bytes(TEXT.replace("\n\n", "\n\n\n").encode())
    return a, b


def _label(win: MainWindow, name: str) -> QLabel:
    label = win.findChild(QLabel, name)
    assert label is not None, name
    return label


def _press(qtbot: QtBot, win: MainWindow, key: Qt.Key) -> None:
    """Alt+key in the window, as a user toggles an option, and wait for the re-compare."""
    with qtbot.waitActive(win):
        win.activateWindow()
    win.view.pane(Side.A).setFocus()
    with qtbot.waitSignal(win.comparison_finished, timeout=10_000):
        qtbot.keyClick(win, key, Qt.KeyboardModifier.AltModifier)


def test_line_endings_only_are_told_in_the_status_bar_and_a_note(
    qtbot: QtBot, window: MainWindow, eol_pair: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, *eol_pair)
    says = "Only line endings differ: LF \u2192 CRLF"
    assert _label(window, "statsLabel").text() == says
    note = _label(window, "layoutNote")
    assert note.isVisible()
    assert note.text() == says
    assert note.textFormat() is Qt.TextFormat.PlainText
    assert not window.banner.isVisible()  # a note, not a banner; and never "identical"


def test_strip_trailing_cr_by_key_hides_the_note_and_persists(
    qtbot: QtBot, window: MainWindow, settings: Settings, eol_pair: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, *eol_pair)
    _press(qtbot, window, Qt.Key.Key_L)
    assert window.actions_by_id["strip_trailing_cr"].isChecked()
    assert window.result is not None
    assert window.result.options.strip_trailing_cr
    assert not window.result.differs
    assert not _label(window, "layoutNote").isVisible()
    assert window.banner.text() == "The two documents are equivalent under the current options."
    assert settings.get(COMPARE_OPTIONS["strip_trailing_cr"]) is True
    window.close()
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    assert again.actions_by_id["strip_trailing_cr"].isChecked()
    compare_and_wait(qtbot, again, *eol_pair)
    assert again.result is not None
    assert not again.result.differs


def test_the_equivalent_message_leaves_the_headers_readable(
    qtbot: QtBot, window: MainWindow, eol_pair: tuple[Path, Path]
) -> None:
    """ "Equivalent under the current options" sends the reader to the headers' newline names."""
    window.show()
    compare_and_wait(qtbot, window, *eol_pair)
    _press(qtbot, window, Qt.Key.Key_L)
    banner = window.banner
    qtbot.waitUntil(banner.isVisible)
    covered = QRect(banner.mapTo(window, QPoint()), banner.size())
    for side in Side:
        header = window.view.headers[side]
        assert header.isVisible()
        shown = QRect(header.mapTo(window, QPoint()), header.size())
        assert not shown.intersects(covered), f"side {side.name}'s header is under the message"
    assert "CRLF" in window.view.headers[Side.B].text()


def test_ignore_blank_lines_by_key_and_menu_persists(
    qtbot: QtBot, window: MainWindow, settings: Settings, blank_pair: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, *blank_pair)
    assert _label(window, "layoutNote").text() == (
        "Only blank lines differ: 1 at A line 2, 2 at B line 2"
    )
    _press(qtbot, window, Qt.Key.Key_B)
    assert window.result is not None
    assert window.result.options.ignore_blank_lines
    assert not _label(window, "layoutNote").isVisible()
    assert _label(window, "statsLabel").text() == "100% similar"
    assert settings.get(COMPARE_OPTIONS["ignore_blank_lines"]) is True
    with qtbot.waitSignal(window.comparison_finished, timeout=10_000):
        window.actions_by_id["ignore_blank_lines"].trigger()  # from the Compare menu
    assert settings.get(COMPARE_OPTIONS["ignore_blank_lines"]) is False
    assert _label(window, "layoutNote").isVisible()


def test_a_change_and_the_layout_are_both_told(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(TEXT.encode())
    b.write_bytes(TEXT.replace("Second", "Third").replace("\n", "\r\n").encode())
    compare_and_wait(qtbot, window, a, b)
    assert _label(window, "statsLabel").text().endswith("\u00b7 layout differs too")
    note = _label(window, "layoutNote")
    assert note.text() == "The layout differs too: line endings: LF \u2192 CRLF"
    assert "The layout differs too:<br>line endings: LF \u2192 CRLF<br>" in note.toolTip()
    assert "Ignore Line Endings (Alt+L)" in note.toolTip()
    assert window.current_change == 0


def test_identical_files_still_say_so(
    qtbot: QtBot, window: MainWindow, eol_pair: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, eol_pair[0], eol_pair[0])
    assert window.banner.text() == "The two documents are identical."
    assert not _label(window, "layoutNote").isVisible()


def test_by_lines_under_b_the_changes_list_names_file_lines(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """-B leaves blank lines out of the units: unit 4 is line 6, and the list says line 6."""
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("def f():\n    return 1\n\n\ndef g():\n    return 2\n", "utf-8")
    b.write_text("def f():\n    return 1\n\ndef g():\n\n    return 3\n", "utf-8")
    window.actions_by_id["ignore_blank_lines"].trigger()  # no comparison yet: just stored
    compare_and_wait(qtbot, window, a, b)
    assert window.result is not None
    assert window.result.options.ignore_blank_lines
    model = window.sidebar.view.model()
    assert model.rowCount() == 1
    assert model.index(0, 0).data(change_rows.WHERE_ROLE) == "line 6 \u2192 6"
    assert copy_change.change_text(window.result, 0).splitlines() == [
        "--- a.py, line 6",
        "    return 2",
        "+++ b.py, line 6",
        "    return 3",
    ]
