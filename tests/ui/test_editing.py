# SPDX-License-Identifier: GPL-3.0-or-later
"""Acting on a difference in the window: take a change, type, undo, save; then the bytes on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenu
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait, wait_settled
from twofold.engine.edit.take import take_change
from twofold.engine.result.kinds import Side
from twofold.ui.edit.pane_text import pane_text
from twofold.ui.files.settings import Settings
from twofold.ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier

FIRST_A = "Four score and seven years ago our fathers brought forth a new nation."
FIRST_B = "Eighty-seven years ago our fathers brought forth a new nation."
SECOND = "Now we are engaged in a great civil war, testing whether that nation endures."
THIRD_A = "We are met on a great battlefield of that war."
THIRD_B = "We have come to dedicate a portion of that field."


def files(tmp_path: Path, *, crlf_b: bool = True) -> tuple[Path, Path]:
    a, b = tmp_path / "draft.txt", tmp_path / "edited.txt"
    a.write_bytes(f"{FIRST_A}\n\n{SECOND}\n\n{THIRD_A}\n".encode())
    newline = "\r\n" if crlf_b else "\n"
    b.write_bytes(f"{FIRST_B}\n\n{SECOND}\n\n{THIRD_B}".replace("\n", newline).encode())
    return a, b


def settle_edits(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the texts as they are now are compared and shown."""
    qtbot.waitUntil(lambda: not window.edit_commands.comparing, timeout=20_000)
    result = window.result
    assert result is not None
    assert (result.a.text, result.b.text) == window.edit_commands.texts()


def click_when_shown(name: str, button: str, tries: int = 500) -> list[str]:
    """Click ``button`` of the modal dialog ``name`` once it is up (it blocks the caller).

    Looks every 20 ms, ``tries`` times; the list returned gets the button's name once
    it was clicked.
    """
    clicked: list[str] = []

    def attempt(left: int) -> None:
        box = QApplication.activeModalWidget()
        if box is None or box.objectName() != name:
            if left > 0:
                QTimer.singleShot(20, lambda: attempt(left - 1))
            return
        for found in box.findChildren(QAbstractButton):
            if found.text().replace("&", "") == button:
                clicked.append(button)
                found.click()
                return
        raise AssertionError(f"no {button} on {name}")

    QTimer.singleShot(0, lambda: attempt(tries))
    return clicked


@pytest.fixture(autouse=True)
def _clipboard_cleared(qapp: QApplication) -> Iterator[None]:
    """A cut leaves a QMimeData on the clipboard, which crashes Qt's teardown at exit
    (SIGSEGV, offscreen; see ``test_paste.py``): cleared after each test."""
    yield
    QApplication.clipboard().clear()


def back_from_question(qtbot: QtBot, window: MainWindow) -> None:
    """The window active again once a question closed (the offscreen platform does not)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def window(qtbot: QtBot, settings: Settings) -> Iterator[MainWindow]:
    """The window, closed at the end with nothing left to ask (a failed test leaves edits).

    Not handed to ``qtbot.addWidget``: pytest-qt closes those before any fixture's
    teardown, and the question about unsaved edits would wait for an answer.
    """
    win = MainWindow(settings=settings)
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for pane in win.view.panes.values():
        pane.document().setModified(False)
    win.close()
    win.deleteLater()


@pytest.fixture
def pair(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> tuple[Path, Path]:
    a, b = files(tmp_path)
    compare_and_wait(qtbot, window, a, b)
    return a, b


def test_alt_right_takes_the_current_change_and_ctrl_s_saves_it_in_its_own_bytes(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    a, b = pair
    right = window.view.pane(Side.B)
    assert window.current_change == 0
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
    settle_edits(qtbot, window)
    assert pane_text(right).startswith(FIRST_A + "\n\n")
    assert window.current_change == 0  # the next change is current now, by index
    assert window.view.headers[Side.B].text().startswith("\u2022 edited.txt")
    assert "\u2022 edited.txt" in window.windowTitle()
    right.setFocus()
    qtbot.keyClick(right, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not window.edit_commands.unsaved(Side.B))
    # CRLF and no final newline, as the file had them; only the taken sentence changed
    assert b.read_bytes() == f"{FIRST_A}\r\n\r\n{SECOND}\r\n\r\n{THIRD_B}".encode()
    assert a.read_bytes() == f"{FIRST_A}\n\n{SECOND}\n\n{THIRD_A}\n".encode()
    assert "\u2022" not in window.windowTitle()
    window.file_banner.watcher.check_now()  # our own save is no change on disk
    assert not window.file_banner.isVisible()


def test_a_take_is_one_undo_step_and_redo_brings_it_back(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    left = window.view.pane(Side.A)
    before = pane_text(left)
    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    settle_edits(qtbot, window)
    taken = pane_text(left)
    assert taken.startswith(FIRST_B + "\n\n")
    left.setFocus()
    qtbot.keyClick(left, Qt.Key.Key_Z, CTRL)
    settle_edits(qtbot, window)
    assert pane_text(left) == before
    assert not window.edit_commands.unsaved(Side.A)
    window.sidebar.view.setFocus()  # Ctrl+Y from elsewhere redoes on the side last changed
    qtbot.keyClick(window.sidebar.view, Qt.Key.Key_Y, CTRL)
    settle_edits(qtbot, window)
    assert pane_text(left) == taken


def test_typing_is_compared_again_and_the_view_keeps_its_place(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    left = window.view.pane(Side.A)
    result = window.result
    assert result is not None
    changes = len(result.changes)
    left.setFocus()
    cursor = left.textCursor()
    cursor.setPosition(len(FIRST_A) + 2 + len(SECOND) + 2)  # the start of the third paragraph
    cursor.movePosition(cursor.MoveOperation.EndOfBlock, cursor.MoveMode.KeepAnchor)
    left.setTextCursor(cursor)
    top = left.verticalScrollBar().value()
    qtbot.keyClicks(left, THIRD_B)
    settle_edits(qtbot, window)
    now = window.result
    assert now is not None
    assert len(now.changes) < changes
    assert all(2 not in pair.a for pair in now.changes)  # the third paragraph is equal now
    assert left.verticalScrollBar().value() == top
    assert left.textCursor().position() == len(FIRST_A) + len(SECOND) + 4 + len(THIRD_B)


def test_a_file_changed_on_disk_is_overwritten_only_when_the_user_says_so(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    a, _b = pair
    left = window.view.pane(Side.A)
    left.setFocus()
    left.moveCursor(left.textCursor().MoveOperation.End)
    qtbot.keyClicks(left, "Added.")
    settle_edits(qtbot, window)
    a.write_text("Someone else saved this.\n")
    click_when_shown("overwriteQuestion", "Cancel")
    qtbot.keyClick(left, Qt.Key.Key_S, CTRL)
    assert a.read_text() == "Someone else saved this.\n"
    assert window.edit_commands.unsaved(Side.A)
    back_from_question(qtbot, window)
    click_when_shown("overwriteQuestion", "Overwrite")
    qtbot.keyClick(left, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not window.edit_commands.unsaved(Side.A))
    assert a.read_bytes() == f"{FIRST_A}\n\n{SECOND}\n\n{THIRD_A}\nAdded.".encode()


def test_closing_with_unsaved_edits_asks_save_discard_or_cancel(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    a, b = pair
    original = b.read_bytes()
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
    settle_edits(qtbot, window)
    click_when_shown("unsavedQuestion", "Cancel")
    window.close()
    assert window.isVisible()
    back_from_question(qtbot, window)
    click_when_shown("unsavedQuestion", "Discard")
    qtbot.keyClick(window, Qt.Key.Key_F5)  # reload asks as well
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=20_000)
    wait_settled(qtbot, window)
    assert b.read_bytes() == original
    assert pane_text(window.view.pane(Side.B)) == original.decode().replace("\r\n", "\n")
    back_from_question(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Right, ALT)
    settle_edits(qtbot, window)
    click_when_shown("unsavedQuestion", "Save")
    window.close()
    assert not window.isVisible()
    assert b.read_bytes().startswith(f"{FIRST_A}\r\n".encode())
    assert a.exists()


def test_the_arrows_between_the_panes_take_a_change(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    link = window.view.link
    link.repaint()
    to_left = [(rect, n) for rect, n, side in link.arrows if side is Side.A]
    result = window.result
    assert result is not None
    assert len(to_left) == len(result.changes), "an arrow for every change on screen"
    rect, change = to_left[0]
    assert change == 0
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    settle_edits(qtbot, window)
    assert pane_text(window.view.pane(Side.A)).startswith(FIRST_B)


def test_the_changes_list_menu_takes_a_change(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    view = window.sidebar.view
    rect = view.visualRect(view.model().index(1, 0))

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, choose)
            return
        [left] = [a for a in menu.actions() if a.text().startswith("Take to the &Left")]
        left.trigger()
        menu.close()

    QTimer.singleShot(0, choose)
    result = window.result
    assert result is not None
    expected = take_change(result, result.changes[1], Side.A).apply(result.a.text)
    view.customContextMenuRequested.emit(rect.center())  # the second row: the third paragraph
    settle_edits(qtbot, window)
    assert pane_text(window.view.pane(Side.A)) == expected
    assert THIRD_A not in expected


def test_alt_shift_left_takes_only_the_word_edit_at_the_cursor(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The brave men, living and dead, who struggled here.\n")
    b.write_text("The brave women, living and dead, who fought here.\n")
    compare_and_wait(qtbot, window, a, b)
    right = window.view.pane(Side.B)
    right.setFocus()
    cursor = right.textCursor()
    cursor.setPosition(len("The brave wo"))
    right.setTextCursor(cursor)
    qtbot.keyClick(right, Qt.Key.Key_Left, ALT | Qt.KeyboardModifier.ShiftModifier)
    settle_edits(qtbot, window)
    assert pane_text(window.view.pane(Side.A)) == (
        "The brave women, living and dead, who struggled here.\n"
    )


def test_a_side_shown_in_pieces_stays_read_only_and_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.min.js", tmp_path / "b.min.js"
    a.write_text("var x = 1; " * 2000 + "\n")
    b.write_text("var x = 2; " * 2000 + "\n")
    compare_and_wait(qtbot, window, a, b)
    left = window.view.pane(Side.A)
    assert left.isReadOnly()
    assert "read-only" in window.view.headers[Side.A].text()
    left.setFocus()
    qtbot.keyClicks(left, "typed")
    assert "typed" not in pane_text(left)
    qtbot.keyClick(window, Qt.Key.Key_Left, ALT)
    assert "left side cannot be changed: its long lines are shown in pieces" in window.banner.text()
    assert a.read_text() == "var x = 1; " * 2000 + "\n"


def test_the_menu_on_a_changed_word_takes_or_rejects_only_that_edit(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The brave men, living and dead, who struggled here.\n")
    b.write_text("The brave women, living and dead, who fought here.\n")
    compare_and_wait(qtbot, window, a, b)
    right = window.view.pane(Side.B)
    cursor = right.textCursor()
    cursor.setPosition(len("The brave women, living and dead, who fou"))
    point = right.cursorRect(cursor).center()
    menu = window.take_menus.pane_menu(Side.B, point)
    [reject] = [act for act in menu.actions() if act.objectName() == "take_word_right"]
    assert reject.text() == "Replace This Edit with the Left Side's"
    reject.trigger()
    settle_edits(qtbot, window)
    assert pane_text(right) == "The brave women, living and dead, who struggled here.\n"
    assert pane_text(window.view.pane(Side.A)) == a.read_text()


def test_cut_and_paste_in_a_pane_are_compared_like_typing(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    right = window.view.pane(Side.B)
    right.setFocus()
    cursor = right.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(len("Eighty-seven"), cursor.MoveMode.KeepAnchor)
    right.setTextCursor(cursor)
    qtbot.keyClick(right, Qt.Key.Key_X, CTRL)
    assert QApplication.clipboard().text() == "Eighty-seven"
    QApplication.clipboard().setText("Four score and seven")
    qtbot.keyClick(right, Qt.Key.Key_V, CTRL)
    settle_edits(qtbot, window)
    assert pane_text(right).startswith(FIRST_A)
    result = window.result
    assert result is not None
    assert all(0 not in pair.b for pair in result.changes)  # the first paragraphs agree now


def test_a_compare_option_changed_while_editing_keeps_the_edits(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    left = window.view.pane(Side.A)
    left.setFocus()
    left.moveCursor(left.textCursor().MoveOperation.End)
    qtbot.keyClicks(left, "Kept.")
    settle_edits(qtbot, window)
    asked = click_when_shown("unsavedQuestion", "Cancel", tries=50)
    qtbot.keyClick(window, Qt.Key.Key_W, ALT)  # Ignore Whitespace: no question, no reload
    qtbot.waitUntil(lambda: window.result is not None and window.result.options.ignore_whitespace)
    settle_edits(qtbot, window)
    assert pane_text(left).endswith("Kept.")
    assert window.edit_commands.unsaved(Side.A)
    assert asked == []
