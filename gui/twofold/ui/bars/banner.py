# SPDX-License-Identifier: GPL-3.0-or-later
"""Dismissable message strips above the panes, for news that must not block.

Used instead of modal dialogs for a bad drop or a file that cannot be loaded:
the comparison stays on screen and usable, and tests are never stuck on a
dialog. Each row announces itself to screen readers through its label.

Why rows and topics: several messages can be due at once (the settings were
reset, a drop was refused, the documents are identical), and a single strip let
the latest hide the others; the settings warning vanished as soon as a
comparison showed (issue #16). So each message gets its own row, a new message
replaces only an older one about the same thing, a new comparison clears only
what it makes old news, and the settings warning goes only when dismissed.

Every text here is plain text: messages name files, and a file may be named
``<h1>All files verified OK</h1>.txt``.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from twofold.ui.plain_text import one_line, plain_label
from twofold.ui.theme import blend, is_dark

#: refused drops and failed loads pile up no further than this (the oldest goes):
#: each was on screen when the next one came, and a wall of red helps no one
MAX_PROBLEMS = 3


class Topic(enum.Enum):
    """What a message is about, which decides its colour and what may replace it."""

    #: the settings file was reset: stays until the user dismisses it
    SETTINGS = "settings"
    #: something the user asked for failed (a load, a drop, an export): these stack
    PROBLEM = "problem"
    #: what the comparison shown found ("The two documents are identical.")
    OUTCOME = "outcome"
    #: what to do next ("Now drop the right-hand file.")
    PROMPT = "prompt"

    @property
    def error(self) -> bool:
        return self is Topic.PROBLEM

    @property
    def stale_after_a_comparison(self) -> bool:
        """Whether a newly shown comparison makes such a message old news."""
        return self is not Topic.SETTINGS


class BannerRow(QFrame):
    """One message: its text, tinted by topic (errors red, notices blue), and a close button."""

    def __init__(self, text: str, topic: Topic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic = topic
        self.setObjectName(f"banner_{topic.value}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.label = plain_label()
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("\u2715")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Dismiss")
        self.close_button.setAccessibleName("Dismiss message")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        hue = QColor(218, 54, 51) if self.topic.error else QColor(66, 133, 244)
        palette.setColor(
            QPalette.ColorRole.Window, blend(base, hue, 0.3 if is_dark(palette) else 0.18)
        )
        self.setPalette(palette)
        self.label.setText(one_line(text))

    def text(self) -> str:
        return self.label.text()


class Banner(QWidget):
    """The rows of messages, oldest first; hidden while there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(1)
        self._rows: list[BannerRow] = []
        self.hide()

    def show_message(self, text: str, topic: Topic = Topic.PROBLEM) -> None:
        """Show ``text`` in a row of its own, or in the row of the older message it replaces.

        A problem is added to the problems shown (unless the same sentence is
        already there); any other topic has one row, which the new text takes
        (a settings warning joins the one shown, which must stay until dismissed).
        """
        same = [row for row in self._rows if row.topic is topic]
        if topic is Topic.PROBLEM:
            if any(row.text() == text for row in same):
                return
            for row in same[: max(0, len(same) - MAX_PROBLEMS + 1)]:
                self._remove(row)
        elif same:
            if topic is Topic.SETTINGS:  # both stay until dismissed: neither hides the other
                old = same[0].text()
                text = old if text in old else f"{old} {text}"
            same[0].set_text(text)
            self.show()
            return
        row = BannerRow(text, topic)
        row.close_button.clicked.connect(lambda: self._remove(row))
        self._rows.append(row)
        self._layout.addWidget(row)
        self.show()

    def dismiss(self, *topics: Topic) -> None:
        """Remove the messages about these topics."""
        for row in [row for row in self._rows if row.topic in topics]:
            self._remove(row)

    def dismiss_stale(self) -> None:
        """Remove what a newly shown comparison makes old news: all but the settings warning."""
        self.dismiss(*(topic for topic in Topic if topic.stale_after_a_comparison))

    def row(self, topic: Topic) -> BannerRow | None:
        """The newest row about ``topic``, if one is shown."""
        return next((row for row in reversed(self._rows) if row.topic is topic), None)

    def text(self) -> str:
        """The messages shown, one a line, oldest first; empty when the strip is hidden."""
        return "\n".join(row.text() for row in self._rows) if self.isVisible() else ""

    def _remove(self, row: BannerRow) -> None:
        if row in self._rows:
            self._rows.remove(row)
            self._layout.removeWidget(row)
            row.hide()
            row.setParent(None)  # gone from findChildren now, not at the next turn
            row.deleteLater()
        if not self._rows:
            self.hide()
