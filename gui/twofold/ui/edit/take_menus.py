# SPDX-License-Identifier: GPL-3.0-or-later
"""The context menus that offer takes: a pane's (on a changed word) and the changes list's.

As in a review of tracked changes: the edit under the mouse goes to the other
side, or the other side's version of it comes here; a change in the list goes
to either side. An item for a side that cannot be changed is greyed.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QListView, QMenu

from twofold.engine.result.kinds import Side
from twofold.ui.edit.edit_commands import EditCommands
from twofold.ui.edit.takes import NAMES, Takes
from twofold.ui.panes.diff_view import DiffView
from twofold.ui.sidebar.change_rows import INDEX_ROLE


class TakeMenus:
    """Builds and opens the take menus; the panes and the list ask for them by their signals."""

    def __init__(
        self, view: DiffView, changes_list: QListView, takes: Takes, edits: EditCommands
    ) -> None:
        """The panes and ``changes_list`` ask for their menus (``customContextMenuRequested``)."""
        self._view, self._list, self._takes, self._edits = view, changes_list, takes, edits
        for pane in view.panes.values():
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        changes_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def on_sidebar_menu_requested(self, point: QPoint) -> None:
        index = self._list.indexAt(point)
        if not index.isValid():
            return
        change = int(index.data(INDEX_ROLE))
        menu = self.change_menu(change)
        menu.exec(self._list.viewport().mapToGlobal(point))

    def on_pane_menu_requested(self, side: Side, point: QPoint) -> None:
        pane = self._view.pane(side)
        self.pane_menu(side, point).exec(pane.viewport().mapToGlobal(point))

    def pane_menu(self, side: Side, point: QPoint) -> QMenu:
        """A pane's context menu: Qt's own, and on a changed word, take or reject that edit."""
        pane = self._view.pane(side)
        menu = pane.createStandardContextMenu(point)
        menu.setObjectName("paneMenu")
        position = pane.cursorForPosition(point).position()
        if self._takes.word_edit_at(side, position) is None:
            return menu
        menu.addSeparator()
        here, there = NAMES[side], NAMES[side.other]
        for to, text in (
            (side.other, f"Take This Edit to the {there.title()}"),
            (side, f"Replace This Edit with the {there.title()} Side's"),
        ):
            action = QAction(text, menu)
            action.setObjectName(f"take_word_{NAMES[to]}")
            action.setEnabled(self._edits.editable(to))
            action.setToolTip(f"Changes only the {here if to is side else there} side")
            action.triggered.connect(
                lambda _c=False, t=to: self._takes.take_word_at(side, position, t)
            )
            menu.addAction(action)
        return menu

    def change_menu(self, change: int) -> QMenu:
        """The list's context menu for one change: take it to either side."""
        menu = QMenu(self._list)
        menu.setObjectName("changeMenu")
        for to, text, keys in (
            (Side.B, "Take to the &Right", "Alt+Right"),
            (Side.A, "Take to the &Left", "Alt+Left"),
        ):
            action = QAction(f"{text}\t{keys}", menu)
            action.setEnabled(self._edits.editable(to))
            action.triggered.connect(lambda _c=False, t=to: self._takes.take_change_at(change, t))
            menu.addAction(action)
        return menu
