# SPDX-License-Identifier: GPL-3.0-or-later
"""The command controllers work with what they are handed, not with a window."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import Unit
from twofold.engine.result.model import CompareOptions, DiffResult, Document
from twofold.ui.action_factory import create_actions
from twofold.ui.bars.options_bar import OptionsController
from twofold.ui.commands import CompareCommands
from twofold.ui.files.settings import Settings

A = "Intro stays.\n\nFirst was here.\n\nMiddle stays.\n\nSecond was here.\n\nThird was here.\n"
B = "Intro stays.\n\nFirst is here.\n\nMiddle stays.\n\nSecond is here.\n\nThird is here.\n"


def _result(a_path: str = "/docs/a.txt") -> DiffResult:
    return compare(Document("a.txt", A, path=a_path), Document("b.txt", B, path="/docs/b.txt"))


@dataclass
class Host:
    """The ``Navigable`` a ``CompareCommands`` is handed: it records what is asked of it."""

    result: DiffResult | None
    current_change: int | None = None
    reloads: int = 0
    went_to: list[int] = field(default_factory=list)

    def reload(self) -> None:
        self.reloads += 1
        self.current_change = 0  # a new result starts at its first change

    def go_to_change(self, change: int) -> None:
        self.went_to.append(change)
        self.current_change = change


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """What holds the actions and the controller (pytest keeps it for the test)."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def options(parent: QWidget, settings: Settings) -> OptionsController:
    return OptionsController(settings, create_actions(parent), parent)


def test_a_recompare_comes_back_to_the_change_that_was_current(
    options: OptionsController,
) -> None:
    host = Host(_result(), current_change=1)
    commands = CompareCommands(options, host)
    commands.on_options_changed(CompareOptions())
    assert host.reloads == 1
    commands.on_comparison_finished(_result())
    assert host.went_to == [1]
    commands.on_comparison_finished(_result())  # only the re-compare that was asked for
    assert host.went_to == [1]


@pytest.mark.parametrize("other_files", [True, False], ids=["other files", "failed"])
def test_the_place_is_forgotten_for_other_files_or_a_failure(
    options: OptionsController, other_files: bool
) -> None:
    host = Host(_result(), current_change=1)
    commands = CompareCommands(options, host)
    commands.on_options_changed(CompareOptions())
    if other_files:
        commands.on_comparison_finished(_result("/elsewhere/a.txt"))
    else:
        commands.on_comparison_failed("b.txt: no such file")
    commands.on_comparison_finished(_result())
    assert host.went_to == []


def test_a_menu_choice_sets_the_option(options: OptionsController) -> None:
    commands = CompareCommands(options, Host(None))
    commands.set_ignore_case(True)
    commands.set_unit(Unit.LINES)
    assert options.options.ignore_case
    assert options.options.unit is Unit.LINES
