# SPDX-License-Identifier: GPL-3.0-or-later
"""Every command of the window: one table, one factory, one menu bar.

A shortcut lives in exactly one row here, so clashes are caught by a test
instead of by a user (git-cola's Alt+A clash, ``hotkeys.py:12-13``). Handlers
are method names on the window, resolved by the factory, so this module needs
no import of the window (Meld ``accelerators.py``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

Key = QKeySequence.StandardKey | str


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command: its id, menu text, shortcuts, handler method and menu."""

    id: str
    text: str
    shortcuts: tuple[Key, ...]
    handler: str
    menu: str
    checkable: bool = False
    tip: str = ""


SK = QKeySequence.StandardKey

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "&Open Files…", (SK.Open,), "open_files", "&File"),
    ActionSpec("reload", "&Reload", ("F5",), "reload", "&File"),
    ActionSpec("swap", "&Swap Sides", ("Ctrl+Shift+S",), "swap_sides", "&File"),
    ActionSpec("quit", "&Quit", ("Ctrl+Q",), "close", "&File"),
    ActionSpec("find", "&Find…", (SK.Find,), "show_find_bar", "&Edit"),
    ActionSpec("find_next", "Find &Next", ("F3",), "find_next", "&Edit"),
    ActionSpec("find_previous", "Find &Previous", ("Shift+F3",), "find_previous", "&Edit"),
    ActionSpec("zoom_in", "Zoom &In", ("Ctrl++", "Ctrl+="), "zoom_in", "&View"),
    ActionSpec("zoom_out", "Zoom &Out", ("Ctrl+-",), "zoom_out", "&View"),
    ActionSpec("zoom_reset", "&Actual Size", ("Ctrl+0",), "zoom_reset", "&View"),
    ActionSpec("wrap", "&Wrap Lines", ("Alt+Z",), "set_word_wrap", "&View", checkable=True),
    ActionSpec("sidebar", "Changes &List", ("F9",), "set_sidebar_visible", "&View", True),
    ActionSpec("focus_list", "Go to Changes List", ("Ctrl+L",), "focus_changes_list", "&View"),
    ActionSpec(
        "next_change",
        "&Next Change",
        ("Alt+Down", "Ctrl+Down", "F8"),
        "next_change",
        "&Go",
    ),
    ActionSpec(
        "previous_change",
        "&Previous Change",
        ("Alt+Up", "Ctrl+Up", "F7"),
        "previous_change",
        "&Go",
    ),
    ActionSpec("first_change", "&First Change", ("Alt+Home",), "first_change", "&Go"),
    ActionSpec("last_change", "&Last Change", ("Alt+End",), "last_change", "&Go"),
    ActionSpec("cancel", "&Cancel Comparison", ("Esc",), "cancel", "&Go"),
)


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The concrete key sequences of a spec, standard keys expanded for this platform."""
    out: list[QKeySequence] = []
    for key in spec.shortcuts:
        if isinstance(key, str):
            out.append(QKeySequence(key))
        else:
            out.extend(QKeySequence.keyBindings(key))
    return out


def create_actions(target: QWidget, specs: Iterable[ActionSpec] = ACTIONS) -> dict[str, QAction]:
    """Make a ``QAction`` per spec on ``target``, wired to ``target.<handler>``."""
    actions: dict[str, QAction] = {}
    for spec in specs:
        action = QAction(spec.text, target)
        action.setObjectName(f"action_{spec.id}")
        action.setShortcuts(key_sequences(spec))
        action.setCheckable(spec.checkable)
        if spec.tip:
            action.setStatusTip(spec.tip)
        handler = getattr(target, spec.handler)
        signal = action.toggled if spec.checkable else action.triggered
        if spec.checkable:
            signal.connect(handler)
        else:
            signal.connect(lambda _checked=False, h=handler: h())
        target.addAction(action)
        actions[spec.id] = action
    return actions


def build_menus(
    menubar: QMenuBar, actions: dict[str, QAction], specs: Iterable[ActionSpec] = ACTIONS
) -> None:
    """Fill the menu bar in table order, so every shortcut is discoverable."""
    menus: dict[str, QMenu] = {}
    for spec in specs:
        if spec.menu not in menus:
            menus[spec.menu] = menubar.addMenu(spec.menu)
        menus[spec.menu].addAction(actions[spec.id])
