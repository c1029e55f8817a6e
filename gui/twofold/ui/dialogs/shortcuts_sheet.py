# SPDX-License-Identifier: GPL-3.0-or-later
"""Help ▸ Keyboard Shortcuts (F1): every command and its keys, read from the action table.

Why generated: a hand-written list drifts the day someone rebinds a key. The
rows come from ``ui/actions.ACTIONS`` and ``key_sequences`` (so standard keys
show as this platform binds them), grouped by menu in the table's order, which
is also the menu bar's order.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from twofold.ui.action_factory import sequences_of
from twofold.ui.actions import ACTIONS, ActionSpec

#: ``(menu, command, keys)``, the keys as the platform writes them
Row = tuple[str, str, str]


def plain(text: str) -> str:
    """Menu text without its mnemonic ampersands and ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def display_keys(spec: ActionSpec) -> list[str]:
    """The keys worth showing: every key written out, and a standard key's main binding.

    A standard key also binds alternatives and dedicated keys (Copy is Ctrl+C,
    Ctrl+Ins and the Copy key); the sheet shows the one people use, as menus do.
    """
    native = QKeySequence.SequenceFormat.NativeText
    return [bound[0].toString(native) for key in spec.shortcuts if (bound := sequences_of(key))]


def shortcut_rows(specs: Iterable[ActionSpec] = ACTIONS) -> list[Row]:
    """One row per command that has a key, in table (and menu bar) order."""
    rows: list[Row] = []
    for spec in specs:
        if keys := display_keys(spec):
            rows.append((plain(spec.menu.value), plain(spec.text), ", ".join(keys)))
    return rows


class ShortcutsSheet(QDialog):
    """A non-modal window listing the shortcuts; Esc or Close hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsSheet")
        self.setWindowTitle("Keyboard Shortcuts \u2014 Twofold")
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutsTree")
        self.tree.setHeaderLabels(["Command", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        self._fill(shortcut_rows())
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(460, 560)

    def _fill(self, rows: list[Row]) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for menu, command, keys in rows:
            if menu not in groups:
                group = groups[menu] = QTreeWidgetItem(self.tree, [menu])
                group.setFirstColumnSpanned(True)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            QTreeWidgetItem(groups[menu], [command, keys])
        self.tree.expandAll()

    def commands(self) -> dict[str, str]:
        """``{command: keys}`` as the sheet shows them."""
        shown: dict[str, str] = {}
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            if group is None:
                continue
            for c in range(group.childCount()):
                item = group.child(c)
                if item is not None:
                    shown[item.text(0)] = item.text(1)
        return shown

    def present(self) -> None:
        """Show (or raise) the sheet and give the list the keyboard."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.tree.setFocus()
