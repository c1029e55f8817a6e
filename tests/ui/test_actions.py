# SPDX-License-Identifier: GPL-3.0-or-later
"""The action table: no shortcut twice, every handler exists, everything is in a menu."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from twofold.ui.actions import ACTIONS, key_sequences
from twofold.ui.main_window import MainWindow


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
def test_every_handler_exists(spec) -> None:  # type: ignore[no-untyped-def]
    assert callable(getattr(MainWindow, spec.handler))


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
