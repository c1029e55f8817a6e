# SPDX-License-Identifier: GPL-3.0-or-later
"""The command table made real: a ``QAction`` per row, its handler, its menu, its state.

One factory for every action (git-cola ``qtutils.add_action``): the rows of
``ui/actions.py`` become actions on the window, each connected to the one
object that has its handler, and the menu bar lists them in table order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from twofold.resource_paths import resource_path
from twofold.ui.actions import ACTIONS, NEED_A_COMPARISON, ActionSpec, Key, Menu
from twofold.ui.icons import IconTint


def enable_for_comparison(actions: dict[str, QAction], shown: bool) -> None:
    """Enable the commands in ``NEED_A_COMPARISON`` when a comparison is ``shown``."""
    for name in NEED_A_COMPARISON & actions.keys():
        actions[name].setEnabled(shown)


def sequences_of(key: Key) -> list[QKeySequence]:
    """One key as sequences: a string as written, a standard key as this platform binds it."""
    if isinstance(key, str):
        return [QKeySequence(key)]
    return list(QKeySequence.keyBindings(key))


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The concrete key sequences of a spec, standard keys expanded for this platform."""
    return [sequence for key in spec.shortcuts for sequence in sequences_of(key)]


def create_actions(target: QWidget, specs: Iterable[ActionSpec] = ACTIONS) -> dict[str, QAction]:
    """Make a ``QAction`` per spec on ``target``; ``connect_actions`` gives them their handlers.

    Twofold's own icons are tinted with ``target``'s palette, and again when it changes.
    """
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    own_icons: dict[QAction, Path] = {}
    for spec in specs:
        action = QAction(spec.text, target)
        action.setObjectName(f"action_{spec.id}")
        action.setShortcuts(key_sequences(spec))
        action.setCheckable(spec.checkable)
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        path = resource_path("icons", spec.icon_file) if spec.icon_file else None
        if path is not None:
            own_icons[action] = path
        elif spec.icon is not None:
            action.setIcon(target.style().standardIcon(spec.icon))
        if spec.group:
            groups.setdefault(spec.group, QActionGroup(target)).addAction(action)
        target.addAction(action)
        actions[spec.id] = action
    IconTint(target, own_icons)
    return actions


def handler_of(spec: ActionSpec, receivers: Sequence[object]) -> Callable[..., object]:
    """``spec``'s handler: the method of that name on exactly one of ``receivers``.

    Exactly one, so that a controller's method can never shadow the window's
    (or another controller's) without a test noticing.

    Raises:
        LookupError: no receiver, or more than one, has the handler.
    """
    owners = [r for r in receivers if callable(getattr(r, spec.handler, None))]
    if len(owners) != 1:
        names = ", ".join(type(r).__name__ for r in owners) or "no receiver"
        raise LookupError(f"the handler {spec.handler!r} of {spec.id!r} is on {names}")
    handler: Callable[..., object] = getattr(owners[0], spec.handler)
    return handler


def connect_actions(
    actions: dict[str, QAction], receivers: Sequence[object], specs: Iterable[ActionSpec] = ACTIONS
) -> None:
    """Connect each action to its handler, found on one of ``receivers`` (``handler_of``)."""
    for spec in specs:
        _connect(actions[spec.id], spec, handler_of(spec, receivers))


def _connect(action: QAction, spec: ActionSpec, handler: Callable[..., object]) -> None:
    """Plain commands get no argument, toggles their state, choices their value."""
    if spec.group:
        action.toggled.connect(lambda on, h=handler, v=spec.value: on and h(v))
    elif spec.checkable:
        action.toggled.connect(handler)
    else:
        action.triggered.connect(lambda _checked=False, h=handler: h())


def build_menus(
    menubar: QMenuBar, actions: dict[str, QAction], specs: Iterable[ActionSpec] = ACTIONS
) -> None:
    """Fill the menu bar in table order, so every shortcut is discoverable."""
    menus: dict[Menu, QMenu] = {}
    for spec in specs:
        if spec.menu not in menus:
            menus[spec.menu] = menubar.addMenu(spec.menu.value)
        menus[spec.menu].addAction(actions[spec.id])
