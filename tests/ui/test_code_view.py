# SPDX-License-Identifier: GPL-3.0-or-later
"""Code as code: a source pair is shown unwrapped unless the user asks for wrapping.

In line mode (source code and data) lines keep their shape; Alt+Z still wraps,
and that choice is remembered for code apart from the choice for prose.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait
from twofold.engine.result.kinds import Side
from twofold.ui.files.settings import Settings
from twofold.ui.main_window import MainWindow

NO_WRAP = QPlainTextEdit.LineWrapMode.NoWrap

#: a line of code longer than a pane of the default window is wide
LONG = "    result = compute_the_total(first_argument, second_argument, third_argument)  # sum"


@pytest.fixture
def code_pair(tmp_path: Path) -> tuple[Path, Path]:
    lines = ["def total(first_argument, second_argument, third_argument):", LONG]
    lines += [f"    value_{i} = first_argument + {i}" for i in range(30)] + ["    return result"]
    a, b = tmp_path / "old.py", tmp_path / "new.py"
    a.write_text("\n".join(lines) + "\n", encoding="utf-8")
    b.write_text("\n".join(lines).replace("+ 7", "- 7") + "\n", encoding="utf-8")
    return a, b


@pytest.fixture
def prose_pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("One long paragraph of prose that goes on. " * 8 + "\n", encoding="utf-8")
    b.write_text("One long paragraph of prose that went on. " * 8 + "\n", encoding="utf-8")
    return a, b


def _wraps(window: MainWindow) -> list[bool]:
    return [pane.lineWrapMode() is not NO_WRAP for pane in window.view.panes.values()]


def test_a_source_pair_is_not_wrapped_by_default(
    qtbot: QtBot, window: MainWindow, code_pair: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, *code_pair)

    assert _wraps(window) == [False, False]
    assert not window.actions_by_id["wrap"].isChecked()
    pane = window.view.pane(Side.A)
    line = pane.document().findBlockByNumber(1)
    assert line.text() == LONG
    assert line.layout().lineCount() == 1  # one screen line, scrolled sideways
    assert pane.horizontalScrollBar().maximum() > 0


def test_prose_still_wraps_by_default(
    qtbot: QtBot, window: MainWindow, prose_pair: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, *prose_pair)

    assert _wraps(window) == [True, True]
    assert window.actions_by_id["wrap"].isChecked()


def test_alt_z_wraps_code_and_is_remembered_for_code_only(
    qtbot: QtBot,
    tmp_path: Path,
    code_pair: tuple[Path, Path],
    prose_pair: tuple[Path, Path],
) -> None:
    ini = str(tmp_path / "choice.ini")
    window = MainWindow(settings=Settings(QSettings(ini, QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    compare_and_wait(qtbot, window, *code_pair)
    window.activateWindow()
    qtbot.waitActive(window)

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)

    assert _wraps(window) == [True, True]
    compare_and_wait(qtbot, window, *prose_pair)
    assert _wraps(window) == [True, True]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.AltModifier)  # prose unwrapped
    assert _wraps(window) == [False, False]
    compare_and_wait(qtbot, window, *code_pair)
    assert _wraps(window) == [True, True]  # the choice for code stands
    window.close()

    again = MainWindow(settings=Settings(QSettings(ini, QSettings.Format.IniFormat)))
    qtbot.addWidget(again)
    again.show()
    compare_and_wait(qtbot, again, *code_pair)
    assert _wraps(again) == [True, True]
    compare_and_wait(qtbot, again, *prose_pair)
    assert _wraps(again) == [False, False]
