# SPDX-License-Identifier: GPL-3.0-or-later
"""Names, paths and labels show as the characters they are, never as HTML (issue #16).

A file named ``<h1 style="color:green">All files verified OK<img src=pic.png>.txt``
turned the "changed on disk" banner into a big green heading with a local
image: QLabel's default format, QToolTip and QMessageBox render a string as
HTML whenever ``Qt.mightBeRichText`` says it looks like HTML. Menu entries
read ``&`` as a mnemonic and a tab as the start of a shortcut; window titles
read ``[*]`` as the modified marker. Each test here opens such names the way
a user would and looks at what the widgets show, down to the pixels.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait, drop_files
from twofold.engine.result.kinds import Side
from twofold.ui.dialogs.error_dialog import ErrorDialog
from twofold.ui.files.recent_menu import RecentMenu
from twofold.ui.main_window import MainWindow
from twofold.ui.plain_text import menu_text, one_line, plain_label, tooltip, window_title

HOSTILE = '<h1 style="color:green">All files verified OK<img src=pic.png>.txt'
#: a --label with markup, an ampersand, the title's modified marker and a newline
LABEL = "<b>draft</b> & [*] <img src=pic.png>\nB: forged"
LABEL_SHOWN = "<b>draft</b> & [*] <img src=pic.png>\\nB: forged"
A_TEXT = "The first paragraph stays.\n\nThe second paragraph is here.\n"
B_TEXT = "The first paragraph stays.\n\nThe second paragraph is there.\n"


@pytest.fixture
def hostile_pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """``a.txt`` and the hostile name, beside a green ``pic.png`` that rich text would load."""
    monkeypatch.chdir(tmp_path)  # where <img src=pic.png> is looked up
    picture = QImage(64, 64, QImage.Format.Format_RGB32)
    picture.fill(QColor(0, 200, 0))
    assert picture.save(str(tmp_path / "pic.png"))
    folder = tmp_path / "docs"
    folder.mkdir()
    a, b = folder / "a.txt", folder / HOSTILE
    a.write_text(A_TEXT, "utf-8")
    b.write_text(B_TEXT, "utf-8")
    return a, b


def _shown(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a label or tooltip with ``text`` puts on screen, as characters."""
    rich = fmt is Qt.TextFormat.RichText or (
        fmt is Qt.TextFormat.AutoText and QtGui.mightBeRichText(text)
    )
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def _green_pixels(widget: QWidget) -> int:
    """Pixels of the heading's or the picture's green (no banner or header has any)."""
    image = widget.grab().toImage()
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            count += colour.green() > 120 and colour.red() < 100 and colour.blue() < 100
    return count


def _one_line(label: QLabel) -> bool:
    return label.height() < 2 * label.fontMetrics().lineSpacing()


def _load_change_and_refuse(qtbot: QtBot, win: MainWindow, pair: tuple[Path, Path]) -> None:
    """Open the pair with the hostile label, save B, and drop a missing hostile name."""
    with qtbot.waitSignal(win.comparison_finished, timeout=30_000):
        win.compare_files(str(pair[0]), str(pair[1]), (LABEL, None))
    qtbot.waitUntil(lambda: not win.view.filling, timeout=30_000)
    win.file_banner.watcher.debounce_ms = 50
    pair[1].write_text(B_TEXT + "\nA new paragraph.\n", "utf-8")
    qtbot.waitUntil(win.file_banner.isVisible, timeout=5000)
    drop_files(win.view.pane(Side.A).viewport(), [pair[1].with_name("gone " + HOSTILE)])


def test_hostile_names_and_labels_show_as_text(
    qtbot: QtBot, window: MainWindow, hostile_pair: tuple[Path, Path]
) -> None:
    _load_change_and_refuse(qtbot, window, hostile_pair)
    assert window.file_banner.text() == f"{HOSTILE} changed on disk."
    assert window.banner.text() == f'"gone {HOSTILE}" does not exist.'
    assert window.view.headers[Side.A].text().startswith(LABEL_SHOWN)
    assert window.view.headers[Side.B].text().startswith(HOSTILE)
    assert _shown(window.view.headers[Side.B].toolTip()) == str(hostile_pair[1])
    handle = window.windowHandle()
    assert handle is not None
    assert handle.title() == f"{LABEL_SHOWN} \u2194 {HOSTILE} \u2014 Twofold"
    for label in window.findChildren(QLabel):
        if label.isVisible() and ("<" in label.text() or "&" in label.text()):
            assert _shown(label.text(), label.textFormat()) == label.text(), label.objectName()
    for strip in (window.banner, window.file_banner, window.view.headers[Side.A]):
        assert _green_pixels(strip) == 0, strip.objectName()
    assert _one_line(window.file_banner.label)
    row_labels = window.banner.findChildren(QLabel)
    assert row_labels
    assert all(_one_line(label) for label in row_labels)
    assert window.file_banner.height() < 3 * window.fontMetrics().lineSpacing()


def test_every_label_in_the_window_is_plain_text(
    qtbot: QtBot, window: MainWindow, hostile_pair: tuple[Path, Path]
) -> None:
    """The rule that keeps it so: any label added later must say PlainText too.

    After a load, a file change, a refused drop, a search and an error dialog,
    every QLabel of the window is in plain-text mode, and every tooltip that Qt
    would render as HTML is one built to show its text as is.
    """
    _load_change_and_refuse(qtbot, window, hostile_pair)
    window.show_find_bar()
    window.find_bar.edit.setText("<h1>")
    dialog = ErrorDialog(f"Twofold hit an unexpected error (ValueError: {HOSTILE}).", "", window)
    dialog.open()
    labels = window.findChildren(QLabel)
    assert len(labels) >= 10
    rich = [
        f"{label.objectName() or type(label.parent()).__name__}: {label.text()!r}"
        for label in labels
        if label.textFormat() is not Qt.TextFormat.PlainText
    ]
    assert rich == [], "set Qt.TextFormat.PlainText on these labels (names may hold HTML)"
    for widget in [window, *window.findChildren(QWidget)]:
        tip = widget.toolTip()
        if QtGui.mightBeRichText(tip):
            assert "&lt;" in tip or "white-space:pre" in tip, (widget.objectName(), tip)
    dialog.close()


def test_recent_entries_show_names_as_text(
    qtbot: QtBot, window: MainWindow, hostile_pair: tuple[Path, Path]
) -> None:
    odd = hostile_pair[0].with_name("R&D\tnotes <i>x.txt")
    odd.write_text(A_TEXT, "utf-8")
    compare_and_wait(qtbot, window, odd, hostile_pair[1])
    menu = window.findChild(RecentMenu, "recentMenu")
    assert menu is not None
    menu.refresh()
    [entry] = [a for a in menu.actions() if a.objectName().startswith("recent_")]
    assert entry.text() == f"&1  R&&D\\tnotes <i>x.txt \u2194 {HOSTILE}"
    folder = str(odd.parent)
    assert _shown(entry.toolTip()) == f"{folder}/R&D\\tnotes <i>x.txt\n{hostile_pair[1]}"


#: the characters no shown name may keep raw: controls, separators, bidi and zero-width
_NEVER_RAW = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)


#: the pieces that mean something to Qt, among any other characters
_FRAGMENTS = ["[*]", "&", "&&", "<b>", "</b>", "&lt;", "\n", "\t", "\u202e", "\u2028", "\xa0", " "]
_NAMES = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=3)), max_size=8).map("".join),
)


@settings(max_examples=200)
@given(name=_NAMES)
def test_any_name_shows_as_the_same_one_line_everywhere(qapp: object, name: str) -> None:
    """Label, tooltip, menu entry and title all show ``one_line(name)``, character for character."""
    line = one_line(name)
    assert not _NEVER_RAW.search(line)
    label = plain_label(line)
    assert label.text() == line
    assert label.textFormat() is Qt.TextFormat.PlainText
    doc = QTextDocument()
    doc.setHtml(tooltip(name))
    assert doc.toRawText() == line
    assert re.sub("&&", "", menu_text(name)).count("&") == 0  # no mnemonic from a name
    assert menu_text(name).replace("&&", "&") == line
    window = QWidget()
    window.winId()  # a native window, so the title goes through Qt's [*] handling
    window.setWindowTitle(window_title(name))
    handle = window.windowHandle()
    assert handle is not None
    assert handle.title() == line
    window.deleteLater()


def test_a_long_name_is_shortened_in_the_middle_and_the_encoding_stays(
    qtbot: QtBot, window: MainWindow, hostile_pair: tuple[Path, Path]
) -> None:
    long_name = hostile_pair[1].with_name("a rather long draft name " * 2 + "final.txt")
    long_name.write_text(B_TEXT, "utf-8")
    window.resize(900, 600)
    compare_and_wait(qtbot, window, hostile_pair[0], long_name)
    header = window.view.headers[Side.B]
    assert header.text().startswith(long_name.name)  # in full, for what reads it
    shown = header.name.text()
    assert "\u2026" in shown
    assert shown.endswith("final.txt")
    assert header.details.text() == "UTF-8 \u00b7 LF"
    assert header.details.isVisible()
    assert header.details.width() >= header.details.sizeHint().width()
    assert header.details.geometry().right() <= header.width()
    window.resize(1800, 600)
    qtbot.waitUntil(lambda: "\u2026" not in header.name.text())
    assert header.name.text() == long_name.name
