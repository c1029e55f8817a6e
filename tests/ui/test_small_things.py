# SPDX-License-Identifier: GPL-3.0-or-later
"""Small things a user trips over: drops as copies, three files, the banner, an icon."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionComboBox, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait
from twofold.engine.result.kinds import Side
from twofold.ui.bars.banner import Topic
from twofold.ui.main_window import MainWindow

#: what a file manager offers: copy or move
OFFERED = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
#: Shift proposes a move, as a file manager does on one disk (``QPlatformDrag::defaultAction``)
KEYS = Qt.KeyboardModifier.ShiftModifier


def _drop(target: QWidget, paths: list[Path]) -> QDropEvent:
    """A drag offering copy or move with move proposed, then its drop."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    pos = target.rect().center()
    buttons = Qt.MouseButton.LeftButton
    enter = QDragEnterEvent(pos, OFFERED, mime, buttons, KEYS)
    assert enter.proposedAction() is Qt.DropAction.MoveAction
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    assert enter.dropAction() is Qt.DropAction.CopyAction, "the drag is told: a copy"
    drop = QDropEvent(QPointF(QPoint(pos)), OFFERED, mime, buttons, KEYS)
    QApplication.sendEvent(target, drop)
    return drop


@pytest.fixture
def texts(tmp_path: Path) -> list[Path]:
    paths = []
    for name, word in (("old.txt", "here"), ("new.txt", "there"), ("third.txt", "elsewhere")):
        path = tmp_path / name
        path.write_text(f"First paragraph {word}.\n\nSecond one is the same.\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_drops_are_taken_as_copies_everywhere(
    qtbot: QtBot, window: MainWindow, texts: list[Path]
) -> None:
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        drop = _drop(window.drop_zone.targets[Side.A], texts[:2])
    assert drop.isAccepted()
    assert drop.dropAction() is Qt.DropAction.CopyAction  # a move would delete the file
    for target in (window.view.pane(Side.B).viewport(), window):
        with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
            drop = _drop(target, [texts[2]] if target is not window else texts[1:])
        assert drop.dropAction() is Qt.DropAction.CopyAction, target.objectName()
    assert all(path.exists() for path in texts)


@pytest.mark.parametrize("where", ["drop zone", "window"])
def test_three_files_are_refused_with_a_sentence(
    qtbot: QtBot, window: MainWindow, texts: list[Path], where: str
) -> None:
    target = window.drop_zone.targets[Side.A] if where == "drop zone" else window
    _drop(target, texts)
    row = window.banner.row(Topic.PROBLEM)
    assert row is not None, "a refusal is said"
    assert "3 files" in row.text()
    assert "two" in row.text()
    assert window.result is None


def test_an_error_banner_does_not_push_the_view_down(
    qtbot: QtBot, window: MainWindow, texts: list[Path], tmp_path: Path
) -> None:
    compare_and_wait(qtbot, window, texts[0], texts[1])
    pane = window.view.pane(Side.A)
    top = pane.mapTo(window, QPoint(0, 0))
    _drop(pane.viewport(), [tmp_path])  # a folder: refused, in the banner
    banner = window.banner
    qtbot.waitUntil(banner.isVisible)
    assert "folder" in banner.text()
    assert pane.mapTo(window, QPoint(0, 0)) == top
    assert banner.height() > 0
    assert window.rect().contains(QRect(banner.mapTo(window, QPoint()), banner.size()))
    row = banner.row(Topic.PROBLEM)
    assert row is not None
    qtbot.mouseClick(row.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible())
    assert pane.mapTo(window, QPoint(0, 0)) == top


def test_the_filter_box_is_never_cut_after_a_drop(
    qtbot: QtBot, window: MainWindow, texts: list[Path]
) -> None:
    window.resize(1600, 800)
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        _drop(window.drop_zone.targets[Side.A], texts[:2])
    combo = window.sidebar.filter
    qtbot.waitUntil(combo.isVisible)
    assert combo.currentText().endswith(")")

    def text_room() -> int:
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField
        )
        return field.width()

    needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
    qtbot.waitUntil(lambda: text_room() >= needed)


def test_the_report_button_has_no_floppy_disk(window: MainWindow) -> None:
    bar = window.findChild(QToolBar, "optionsToolBar")
    assert bar is not None
    action = window.actions_by_id["export_report"]
    assert action in bar.actions()
    icon = action.icon()
    assert not icon.isNull()
    floppy = window.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
    assert icon.pixmap(24).toImage() != floppy.pixmap(24).toImage()
