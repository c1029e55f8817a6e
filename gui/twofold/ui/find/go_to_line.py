# SPDX-License-Identifier: GPL-3.0-or-later
"""Go to line (Ctrl+G): a bar under the panes that takes a line number of one side.

The side is the pane that had the focus (the left one otherwise), and can be
switched in the bar. The line is brought to the reading position, a third
down the pane (``pane_sync.READING_AT``, where stepping puts a change), the
other pane follows it level, and the line is selected so the eye finds it.
What names no line is said in the bar in one sentence
(``engine.view.line_jump``); the bar stays open to correct it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from twofold.engine.result.kinds import Side
from twofold.engine.view.line_jump import LineRefused, read_line
from twofold.ui.panes.diff_view import DiffView
from twofold.ui.panes.pane_sync import READING_AT
from twofold.ui.plain_text import plain_label


class _LineEdit(QLineEdit):
    """The number field; Esc closes the bar (before the window's Esc, which cancels)."""

    escaped = Signal()

    def event(self, event: QEvent) -> bool:
        override = event.type() is QEvent.Type.ShortcutOverride
        if override and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            event.accept()  # the key comes here, not to the window's Esc action
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class GoToLineBar(QWidget):
    """The line number, the side it belongs to, and a sentence when it names no line.

    Signals:
        closed: the bar was dismissed (focus should go back to a pane).
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goToLineBar")
        self.edit = _LineEdit()
        self.edit.setObjectName("goToLineEdit")
        self.edit.setPlaceholderText("Line number")
        self.edit.setAccessibleName("Line number")
        self.edit.setMaximumWidth(160)
        self.side = QComboBox()
        self.side.setObjectName("goToLineSide")
        self.side.setAccessibleName("Side")
        self.side.addItem("of the left side", Side.A)
        self.side.addItem("of the right side", Side.B)
        self.message = plain_label()
        self.message.setObjectName("goToLineMessage")
        close = QToolButton()
        close.setText("\u2715")
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close")
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        self.edit.escaped.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.addWidget(plain_label("Go to line:"))
        layout.addWidget(self.edit)
        layout.addWidget(self.side)
        layout.addWidget(self.message, 1)
        layout.addWidget(close)
        self.hide()

    @property
    def chosen_side(self) -> Side:
        side: Side = self.side.currentData()
        return side

    def open(self, side: Side) -> None:
        self.side.setCurrentIndex(self.side.findData(side))
        self.message.clear()
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def say(self, message: str) -> None:
        self.message.setText(message)

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()


class GoToLine(QObject):
    """Opens the bar on Ctrl+G and brings the line typed to the reading position."""

    def __init__(self, bar: GoToLineBar, view: DiffView) -> None:
        super().__init__(bar)
        self._bar = bar
        self._view = view
        bar.edit.returnPressed.connect(self.go)

    def show_go_to_line(self) -> None:
        """Ctrl+G: ask for a line of the side with the focus (the left one if neither has it)."""
        if self._view.result is None:
            return
        focus = QApplication.focusWidget()
        side = next((s for s, p in self._view.panes.items() if p is focus), Side.A)
        self._bar.open(side)

    def go(self) -> None:
        """Go to the line typed, or say in the bar why there is none."""
        side = self._bar.chosen_side
        pane = self._view.pane(side)
        target = read_line(self._bar.edit.text(), side, pane.table)
        if isinstance(target, LineRefused):
            self._bar.say(target.message)
            return
        cursor = QTextCursor(pane.document().findBlockByNumber(target.block))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        pane.setTextCursor(cursor)
        pane.scroll_to_pos(float(target.block), READING_AT)
        self._view.sync.on_pane_scrolled(side)  # the other pane follows, level
        self._bar.dismiss()
        pane.setFocus()
