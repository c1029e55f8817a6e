# SPDX-License-Identifier: GPL-3.0-or-later
"""Find in both panes: the bar, and the controller that walks the matches.

Matches are found in each side's source text (case-insensitive,
``text_search``), turned into the pane's document positions, and painted by
the panes under the text of what is on screen (``match_paint``). Next/previous
walk the left pane's matches, then the right pane's; both texts are folded for
searching while the bar opens, a turn each.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from twofold.engine.result.model import Side
from twofold.ui.find import text_search
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.plain_text import plain_label
from twofold.ui.turns import turn_queue

#: matches highlighted and walked per pane at most (the count says when there are more)
MAX_MATCHES = 5000


class _FindEdit(QLineEdit):
    """The search field; Esc closes the bar, Shift+Enter goes backwards."""

    escaped = Signal()
    backwards = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.backwards.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Search field, previous/next, a match count and a close button.

    Signals:
        opened: the bar was shown (the texts can be made ready for searching).
        closed: the bar was dismissed (focus should go back to a pane).
    """

    opened = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.edit = _FindEdit()
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("Find in both documents")
        self.edit.setClearButtonEnabled(True)
        self.previous_button = self._button("\u2191", "Previous match (Shift+F3)")
        self.next_button = self._button("\u2193", "Next match (F3, Enter)")
        self.count = plain_label()
        self.count.setObjectName("findCount")
        close = self._button("\u2715", "Close (Esc)")
        close.clicked.connect(self.dismiss)
        self.edit.escaped.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.addWidget(plain_label("Find:"))
        layout.addWidget(self.edit, 1)
        for widget in (self.previous_button, self.next_button, self.count, close):
            layout.addWidget(widget)
        self.hide()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def open(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.opened.emit()

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()


class FindController(QObject):
    """Searches both panes as the user types and steps through the matches."""

    def __init__(self, bar: FindBar, left: DiffPane, right: DiffPane) -> None:
        super().__init__(bar)
        self._bar = bar
        self._panes = {Side.A: left, Side.B: right}
        self._matches: list[tuple[Side, int, int]] = []
        self._capped = False  # a pane has more matches than MAX_MATCHES
        self._current = -1
        #: each pane's text case-folded, kept while the bar is open (as big as the text)
        self._folds: dict[Side, text_search.Folded] = {}
        bar.edit.textChanged.connect(self.on_edit_text_changed)
        bar.edit.returnPressed.connect(self.find_next)
        bar.edit.backwards.connect(self.find_previous)
        bar.next_button.clicked.connect(self.find_next)
        bar.previous_button.clicked.connect(self.find_previous)
        bar.opened.connect(self.prepare)
        bar.closed.connect(self.on_bar_closed)

    @property
    def matches(self) -> list[tuple[Side, int, int]]:
        return self._matches

    @property
    def folded(self) -> dict[Side, str]:
        """The texts kept folded for searching, by side (none while the bar is closed)."""
        return {side: kept.text for side, kept in self._folds.items()}

    def prepare(self) -> None:
        """Fold both texts for searching, one a turn, while the user reaches for the keys."""
        sides = list(self._panes)

        def fold_next() -> bool:
            self._folded(sides.pop(0))
            return bool(sides)

        turn_queue().schedule(self, fold_next)

    def _folded(self, side: Side) -> text_search.Folded:
        """The pane's text folded: kept from ``prepare``, or folded now (a new text)."""
        source = self._panes[side].table.source
        kept = self._folds.get(side)
        if kept is None or kept.text is not source:
            kept = self._folds[side] = text_search.fold(source)
        return kept

    def refresh(self) -> None:
        """Search again (new text loaded, or the needle changed)."""
        self.on_edit_text_changed(self._bar.edit.text())

    def on_edit_text_changed(self, needle: str) -> None:
        needle = needle if self._bar.isVisible() else ""
        self._matches, self._capped = [], False
        for side, pane in self._panes.items():
            found = pane.matches_of(self._folded(side), needle, MAX_MATCHES) if needle else []
            pane.set_find_matches(found)
            self._capped = self._capped or len(found) >= MAX_MATCHES
            self._matches += [(side, s, e) for s, e in found]
        self._current = -1
        self._update_count()
        if self._matches:
            self.find_next()

    def _update_count(self) -> None:
        if not self._bar.edit.text():
            self._bar.count.setText("")
        elif not self._matches:
            self._bar.count.setText("No matches")
        else:
            position = f"{self._current + 1} of " if self._current >= 0 else ""
            more = "+" if self._capped else ""
            self._bar.count.setText(f"{position}{len(self._matches):,}{more}")

    def _go(self, step: int) -> None:
        if not self._matches:
            return
        self._current = (self._current + step) % len(self._matches)
        side, start, end = self._matches[self._current]
        pane = self._panes[side]
        cursor = QTextCursor(pane.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        pane.setTextCursor(cursor)
        pane.centerCursor()
        self._update_count()

    def find_next(self) -> None:
        self._go(1)

    def find_previous(self) -> None:
        self._go(-1)

    def on_bar_closed(self) -> None:
        turn_queue().cancel(self)
        self._folds = {}
        for pane in self._panes.values():
            pane.set_find_matches([])
        self._matches, self._current = [], -1
