# SPDX-License-Identifier: GPL-3.0-or-later
"""A dismissable message strip above the panes, for errors that must not block.

Used instead of modal dialogs for a bad drop or a file that cannot be loaded:
the comparison stays on screen and usable, and tests are never stuck on a
dialog. It also announces itself to screen readers through its label.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from twofold.ui.theme import blend, is_dark


class Banner(QFrame):
    """One line of text with a close button; hidden until ``show_message``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.label = QLabel()
        self.label.setObjectName("bannerText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("\u2715")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.setAccessibleName("Dismiss message")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def show_message(self, text: str, error: bool = True) -> None:
        """Show ``text``; errors get a red wash, notices a blue one."""
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        hue = QColor(218, 54, 51) if error else QColor(66, 133, 244)
        palette.setColor(
            QPalette.ColorRole.Window, blend(base, hue, 0.3 if is_dark(palette) else 0.18)
        )
        self.setPalette(palette)
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
