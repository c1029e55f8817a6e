# SPDX-License-Identifier: GPL-3.0-or-later
"""What a document's reader kept out of the comparison, one click away in the pane header.

Why shown at all: a reader that sets text apart (page headers, a web page's
navigation and footer) decides what is compared, and a reviewer must be able
to check that decision. So the header says how much was left out and of what
("3 paragraphs of page headers and footers not compared") and "Show" opens it,
read-only, in a dialog; the panes hold only what is compared. For a web page,
whose site chrome is set apart by a guess, "Compare whole" is the way back:
it asks for what Compare ▸ Compare Web Pages Whole does, from where the
guess is reported (``compare_whole_asked``; the window decides).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from twofold.engine.result.model import SetApart
from twofold.engine.result.wording import counted
from twofold.ui.plain_text import one_line, plain_label

__all__ = ["SetApartDialog", "SetApartNote", "set_apart_summary"]


def set_apart_summary(parts: Sequence[SetApart]) -> str:
    """``3 paragraphs of page headers and footers and comments not compared``; empty for none."""
    kept = [part for part in parts if part.paragraphs]
    if not kept:
        return ""
    total = sum(part.paragraphs for part in kept)
    kinds = [part.kind for part in kept]
    named = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
    return f"{counted(total, 'paragraph')} of {named} not compared"


class SetApartNote(QWidget):
    """The header's note on what was set apart, and its Show button; hidden when nothing was."""

    #: "Compare whole" was clicked: compare the pair again with nothing set apart
    compare_whole_asked = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._parts: tuple[SetApart, ...] = ()
        self._label = ""
        self._full = ""
        self.summary = plain_label()
        self.summary.setObjectName(f"{name}Summary")
        self.summary.setMinimumWidth(1)  # the pane decides the width: a long summary is cut
        self.show_button = QPushButton("Show")
        self.show_button.setObjectName(f"{name}Show")
        self.show_button.setFlat(True)
        self.show_button.setToolTip("Show the text this side's reader did not compare")
        self.show_button.clicked.connect(self.open_dialog)
        self.whole_button = QPushButton("Compare whole")
        self.whole_button.setObjectName(f"{name}Whole")
        self.whole_button.setFlat(True)
        self.whole_button.setToolTip("Compare these web pages whole, site navigation and all")
        self.whole_button.clicked.connect(self.compare_whole_asked)
        self.whole_button.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.summary)
        row.addWidget(self.show_button)
        row.addWidget(self.whole_button)
        row.addStretch(1)
        self.dialog: SetApartDialog | None = None
        self.hide()

    def set_parts(self, label: str, parts: Sequence[SetApart], *, web_page: bool = False) -> None:
        """Say what ``label``'s reader set apart (nothing hides the note).

        ``web_page`` offers "Compare whole" as well: only a web page's reader has that choice.
        """
        self._label, self._parts = label, tuple(parts)
        summary = set_apart_summary(self._parts)
        self._full = f"{summary} \u2014" if summary else ""
        self.summary.setToolTip(summary)
        self.show_button.setAccessibleName(f"Show {summary}" if summary else "Show")
        self.whole_button.setVisible(web_page)
        self.setVisible(bool(summary))
        self._fit()

    def text(self) -> str:
        """The whole summary, however much of it the pane's width shows."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Cut the summary at its end, with an ellipsis, to the room the button leaves."""
        margins = self.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        room -= self.show_button.sizeHint().width() + 4
        if not self.whole_button.isHidden():
            room -= self.whole_button.sizeHint().width() + 4
        metrics = self.summary.fontMetrics()
        self.summary.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, room))

    def open_dialog(self) -> None:
        """Show the set-apart text, kind by kind, in a read-only dialog."""
        self.dialog = SetApartDialog(self._label, self._parts, self.window())
        self.dialog.show()


class SetApartDialog(QDialog):
    """The text a reader kept out of the comparison, under a line naming each kind."""

    def __init__(self, label: str, parts: Sequence[SetApart], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("setApartDialog")
        self.setWindowTitle(f"Not compared \u2014 {one_line(label)}")
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setPlainText(
            "\n\n".join(
                f"{part.kind.capitalize()} ({counted(part.paragraphs, 'paragraph')}):\n\n"
                f"{part.text}"
                for part in parts
                if part.paragraphs
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 480)
