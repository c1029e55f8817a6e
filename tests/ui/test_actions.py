# SPDX-License-Identifier: GPL-3.0-or-later
"""The action table: no shortcut twice, every handler exists, everything is in a menu."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from twofold.engine.result.kinds import Unit
from twofold.ui.action_factory import handler_of, key_sequences
from twofold.ui.actions import ACTIONS, ActionSpec
from twofold.ui.commands import CompareCommands, FileCommands, GoCommands, ViewCommands
from twofold.ui.comparisons import Comparisons
from twofold.ui.edit.edit_commands import EditCommands
from twofold.ui.edit.takes import Takes
from twofold.ui.files.opening import FileOpener
from twofold.ui.files.paste import Paster
from twofold.ui.files.read_as_text import ReadAsText
from twofold.ui.files.whole_page import WholePage
from twofold.ui.find.find_bar import FindController
from twofold.ui.find.go_to_line import GoToLine
from twofold.ui.main_window import MainWindow
from twofold.ui.panes.change_lines import ChangeLinesChoice
from twofold.ui.sidebar.fold import SidebarFold

#: where the window finds its handlers (the window and the controllers it wires)
RECEIVERS = (
    MainWindow,
    Comparisons,
    CompareCommands,
    FileCommands,
    ViewCommands,
    GoCommands,
    FileOpener,
    Paster,
    ReadAsText,
    WholePage,
    FindController,
    ChangeLinesChoice,
    GoToLine,
    SidebarFold,
    EditCommands,
    Takes,
)


def test_no_shortcut_is_bound_twice(qapp: QApplication) -> None:
    # keyBindings() needs the platform theme, so a QApplication must exist.
    keys = Counter(
        seq.toString(QKeySequence.SequenceFormat.PortableText)
        for spec in ACTIONS
        for seq in key_sequences(spec)
    )
    assert {k: n for k, n in keys.items() if n > 1} == {}


def test_ids_are_unique() -> None:
    ids = [spec.id for spec in ACTIONS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("spec", ACTIONS, ids=lambda s: s.id)
def test_every_handler_is_on_exactly_one_receiver(spec: ActionSpec) -> None:
    assert callable(handler_of(spec, RECEIVERS))  # raises if on none, or on two


class _Zooms:
    def zoom_in(self) -> None:
        """A handler of the table, to be found twice."""


@pytest.mark.parametrize(
    ("receivers", "found"), [((), "no receiver"), ((_Zooms(), _Zooms()), "_Zooms, _Zooms")]
)
def test_a_handler_found_nowhere_or_twice_is_refused(
    receivers: tuple[object, ...], found: str
) -> None:
    spec = next(s for s in ACTIONS if s.handler == "zoom_in")
    with pytest.raises(LookupError, match=f"'zoom_in' of 'zoom_in' is on {found}"):
        handler_of(spec, receivers)


def test_an_action_reaches_a_handler_on_a_controller(window: MainWindow) -> None:
    """By Lines, from the Compare menu, sets the option (``CompareCommands.set_unit``)."""
    assert window.options_bar.options.unit is not Unit.LINES
    window.actions_by_id["unit_lines"].trigger()
    assert window.options_bar.options.unit is Unit.LINES


@pytest.mark.parametrize(
    ("action", "keys"),
    [
        ("next_change", ["Alt+Down", "Ctrl+Down", "F8"]),
        ("previous_change", ["Alt+Up", "Ctrl+Up", "F7"]),
        ("first_change", ["Alt+Home"]),
        ("last_change", ["Alt+End"]),
        ("open", ["Ctrl+O"]),
        ("reload", ["F5"]),
        ("find", ["Ctrl+F"]),
        ("quit", ["Ctrl+Q"]),
        ("zoom_reset", ["Ctrl+0"]),
        ("cancel", ["Esc"]),
    ],
)
def test_required_shortcuts(window: MainWindow, action: str, keys: list[str]) -> None:
    bound = [s.toString() for s in window.actions_by_id[action].shortcuts()]
    for key in keys:
        assert key in bound


def test_menus_show_every_action(window: MainWindow) -> None:
    in_menus = {
        a.objectName()
        for menu in window.menuBar().actions()
        for a in menu.menu().actions()  # type: ignore[union-attr]
    }
    assert in_menus == {f"action_{spec.id}" for spec in ACTIONS}
