# SPDX-License-Identifier: GPL-3.0-or-later
"""A clearly visible ring around the pane or list that has the keyboard focus.

Why: the panes have no frame and the style's focus cue for a list is a dotted
item rectangle, so a keyboard user could not tell which of three text areas
Tab had reached. The ring is a transparent child laid over the widget (mouse
events pass through), so the widget's own painting stays untouched; its colour
is the palette's highlight, moved until it reaches 3:1 on the widget's base
(WCAG 1.4.11, non-text contrast).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from twofold.ui.theme import GRAPHIC_CONTRAST, reaching

#: the ring's width in pixels: two, so it reads as a frame and not as a stray line
RING_WIDTH = 2


def ring_colour(palette: QPalette) -> QColor:
    """The highlight colour, darkened or lightened until it stands out on the base."""
    base = palette.color(QPalette.ColorRole.Base)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    text = palette.color(QPalette.ColorRole.Text)
    return reaching(highlight, text, (base,), GRAPHIC_CONTRAST)


class FocusRing(QWidget):
    """Paints a ring over ``target`` while it (or its viewport) has the focus."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._target = target
        target.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._follow()
        elif kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self.setGeometry(self._target.rect())
            self.raise_()
        return False

    def _follow(self) -> None:
        self.setGeometry(self._target.rect())
        self.setVisible(self._target.hasFocus())
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(QPen(ring_colour(self._target.palette()), RING_WIDTH))
        inset = RING_WIDTH / 2
        painter.drawRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset))
        painter.end()
