# SPDX-License-Identifier: GPL-3.0-or-later
"""Find in both panes: the bar, and the controller that walks the matches.

Matches are found in each side's source text (``text_search``: ignoring case
unless asked, whole words or a regular expression if asked), turned into the
pane's document positions, and painted by the panes under the text of what is
on screen (``match_paint``). Next/previous walk the left pane's matches, then
the right pane's; both texts are folded for searching while the bar opens, a
turn each. A search that takes longer than a keystroke should (a regular
expression over a big text) goes on a piece a turn, the count saying so; the
three toggles are remembered.
"""

from __future__ import annotations

from time import perf_counter

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from twofold.engine.result.kinds import Side
from twofold.ui.files.settings import FIND_CASE, FIND_REGEX, FIND_WORDS, Option, Settings
from twofold.ui.find import text_search
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.plain_text import plain_label
from twofold.ui.tuning import DEFAULT_VIEW_TUNING, ViewTuning
from twofold.ui.turns import turn_queue

#: Alt+key in the search field toggles an option, as in most editors' find bars
_TOGGLE_KEYS = {Qt.Key.Key_C: "case", Qt.Key.Key_W: "words", Qt.Key.Key_R: "regex"}


class _FindEdit(QLineEdit):
    """The search field; Esc closes the bar, Shift+Enter goes backwards, Alt+C/W/R toggle."""

    escaped = Signal()
    backwards = Signal()
    toggled = Signal(str)  # the option's name: "case", "words" or "regex"

    def event(self, event: QEvent) -> bool:
        """Alt+C, Alt+W and Alt+R belong to the field while it has the focus.

        Elsewhere they open the Compare menu and ignore whitespace; taken here
        first, they are not ambiguous.
        """
        if event.type() is QEvent.Type.ShortcutOverride and _toggle_of(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        option = _toggle_of(event)
        if option:
            self.toggled.emit(option)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.backwards.emit()
            return
        super().keyPressEvent(event)


def _toggle_of(event: QEvent) -> str:
    """The option an Alt+letter key event toggles, or ""."""
    if not isinstance(event, QKeyEvent):
        return ""
    if event.modifiers() != Qt.KeyboardModifier.AltModifier:
        return ""
    return _TOGGLE_KEYS.get(Qt.Key(event.key()), "")


class FindBar(QWidget):
    """Search field, the three options, previous/next, a match count and a close button.

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
        self.options = {
            "case": self._toggle("Aa", "Match case (Alt+C)"),
            "words": self._toggle("W", "Whole words (Alt+W)"),
            "regex": self._toggle(".*", "Regular expression (Alt+R)"),
        }
        self.edit.toggled.connect(lambda name: self.options[name].toggle())
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
        widgets = (*self.options.values(), self.previous_button, self.next_button)
        for widget in (*widgets, self.count, close):
            layout.addWidget(widget)
        self.hide()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setAutoRaise(True)
        return button

    def _toggle(self, text: str, tip: str) -> QToolButton:
        button = self._button(text, tip)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the field
        return button

    def open(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.opened.emit()

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()


#: the bar's toggles and the settings that remember them
_OPTIONS: dict[str, Option] = {"case": FIND_CASE, "words": FIND_WORDS, "regex": FIND_REGEX}


class FindController(QObject):
    """Searches both panes as the user types and steps through the matches."""

    def __init__(
        self,
        bar: FindBar,
        left: DiffPane,
        right: DiffPane,
        settings: Settings | None = None,
        tuning: ViewTuning = DEFAULT_VIEW_TUNING,
    ) -> None:
        """``tuning``: matches shown at most, and how a search is cut into turns."""
        super().__init__(bar)
        self._bar = bar
        self._tuning = tuning
        self._panes = {Side.A: left, Side.B: right}
        self._matches: list[tuple[Side, int, int]] = []
        self._capped = False  # a pane has more matches than ``tuning.max_matches``
        self._current = -1
        #: each pane's text case-folded, kept while the bar is open (as big as the text)
        self._folds: dict[Side, text_search.Folded] = {}
        #: the search under way, by side (empty when done), and the owner of its turns
        self._searches: dict[Side, text_search.Search] = {}
        self._turns = QObject(self)
        self._settings = settings
        for name, option in _OPTIONS.items():
            button = bar.options[name]
            button.setChecked(bool(settings.get(option)) if settings else False)
            button.toggled.connect(lambda on, o=option: self.on_option_toggled(o, on))
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

    @property
    def query(self) -> text_search.Query:
        """What the bar asks for: its text and its three toggles."""
        options = self._bar.options
        return text_search.Query(
            self._bar.edit.text(),
            case=options["case"].isChecked(),
            words=options["words"].isChecked(),
            regex=options["regex"].isChecked(),
        )

    @property
    def searching(self) -> bool:
        """True while a search goes on in later turns."""
        return bool(self._searches)

    def on_option_toggled(self, option: Option, on: bool) -> None:
        if self._settings is not None:
            self._settings.set(option, on)
        self.refresh()

    def on_edit_text_changed(self, needle: str) -> None:
        turn_queue().cancel(self._turns)
        self._matches, self._capped, self._current = [], False, -1
        query, tuning = self.query, self._tuning
        self._searches = {}
        try:
            if needle and self._bar.isVisible():
                self._searches = {
                    side: text_search.Search(
                        self._folded(side), query, tuning.max_matches, tuning.search_piece_chars
                    )
                    for side in self._panes
                }
        except text_search.QueryError as error:
            self._show({})
            self._bar.count.setText(str(error))
            return
        if self._search_more():
            turn_queue().schedule(self._turns, self._search_more)

    def _search_more(self) -> bool:
        """Search for a turn's worth; show the matches once found. True while some remain."""
        started, budget = perf_counter(), self._tuning.search_turn_seconds
        for search in self._searches.values():
            while search.step():
                if perf_counter() - started > budget:
                    self._bar.count.setText("Searching\u2026")
                    return True
        found, self._searches = self._searches, {}
        self._show({side: search.matches for side, search in found.items()})
        return False

    def _show(self, found: dict[Side, list[tuple[int, int]]]) -> None:
        """Paint the matches in each pane, count them, and go to the first."""
        for side, pane in self._panes.items():
            ranges = pane.document_ranges(found.get(side, []))
            pane.set_find_matches(ranges)
            self._capped = self._capped or len(ranges) >= self._tuning.max_matches
            self._matches += [(side, s, e) for s, e in ranges]
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
        turn_queue().cancel(self._turns)
        self._searches = {}
        self._folds = {}
        for pane in self._panes.values():
            pane.set_find_matches([])
        self._matches, self._current = [], -1
