# SPDX-License-Identifier: GPL-3.0-or-later
"""The questions saving asks: a name to save under, overwrite a changed file, keep edits.

Each is a window-modal dialog named by ``objectName`` so that a test (or an
accessibility tool) finds it and its buttons as a user would.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from twofold.ui.plain_text import one_line

SB = QMessageBox.StandardButton


class Unsaved(Enum):
    """What to do with unsaved edits before they would be lost."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget, names: list[str]) -> Unsaved:
    """Save, Discard or Cancel, before closing or replacing sides with unsaved edits."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedQuestion")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved changes")
    shown = " and ".join(one_line(name) for name in names)
    box.setText(f"{shown} {'have' if len(names) > 1 else 'has'} unsaved changes.")
    box.setInformativeText("Save them before going on?")
    box.setStandardButtons(SB.Save | SB.Discard | SB.Cancel)
    box.setDefaultButton(SB.Save)
    answer = box.exec()
    if answer == SB.Save:
        return Unsaved.SAVE
    return Unsaved.DISCARD if answer == SB.Discard else Unsaved.CANCEL


def ask_overwrite(parent: QWidget, name: str) -> bool:
    """Whether to write over a file that changed on disk since it was opened."""
    box = QMessageBox(parent)
    box.setObjectName("overwriteQuestion")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("File changed on disk")
    box.setText(f"{one_line(name)} changed on disk since it was opened.")
    box.setInformativeText("Overwrite it with the text shown here?")
    box.setStandardButtons(SB.Save | SB.Cancel)
    box.button(SB.Save).setText("Overwrite")
    box.setDefaultButton(SB.Cancel)
    return box.exec() == SB.Save


def ask_save_name(parent: QWidget, suggested: str) -> str | None:
    """Where to save a side under a new name (as text); None if the user cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent, "Save as text", suggested, "Text files (*.txt);;All files (*)"
    )
    return path or None
