# SPDX-License-Identifier: GPL-3.0-or-later
"""Taking a change, or one word edit of it, from one side over the other.

A take is made in the pane's document as one undoable step (``apply_take``)
and compared at once. It needs the comparison of the texts as they are: one
asked for while a comparison is due waits for it (``LiveCompare.when_compared``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from twofold.engine.edit.take import Take, WordEdit, take_change, take_word, word_edits
from twofold.engine.result.kinds import Side
from twofold.ui.edit.edit_commands import EditCommands
from twofold.ui.edit.live_compare import LiveCompare, Waiting
from twofold.ui.edit.pane_text import apply_take, offset_at
from twofold.ui.panes.diff_view import DiffView

NAMES = {Side.A: "left", Side.B: "right"}


class Current(Protocol):
    """Where the reader is: the current change (an index into the changes), if any."""

    @property
    def current_change(self) -> int | None: ...


class Takes:
    """The Edit menu's takes, the link band's arrows and the context menus' take items."""

    def __init__(
        self,
        view: DiffView,
        edits: EditCommands,
        current: Current,
        show_error: Callable[[str], None],
    ) -> None:
        """``edits``: which sides may change and which was last active; ``current``: the change."""
        self._view, self._edits, self._current = view, edits, current
        self._show_error = show_error

    @property
    def _live(self) -> LiveCompare:
        return self._edits.live

    def take_to_right(self) -> None:
        """Alt+Right: the current change's left text replaces its right text."""
        self._take_current(Side.B)

    def take_to_left(self) -> None:
        """Alt+Left: the current change's right text replaces its left text."""
        self._take_current(Side.A)

    def _take_current(self, to: Side) -> None:
        change = self._current.current_change
        if change is not None:
            self.take_change_at(change, to)

    def take_change_at(self, change: int, to: Side) -> None:
        """Take change ``change`` (an index into the changes) onto side ``to``."""
        if not self._check_editable(to):
            return
        if not self._live.when_compared(Waiting.TAKE, lambda: self.take_change_at(change, to)):
            return
        result = self._view.result
        assert result is not None
        if 0 <= change < len(result.changes):
            self._apply(to, take_change(result, result.changes[change], to))

    def take_word_to_right(self) -> None:
        """Alt+Shift+Right: the word edit at the cursor, from the left side to the right."""
        self._take_word_at_cursor(Side.B)

    def take_word_to_left(self) -> None:
        """Alt+Shift+Left: the word edit at the cursor, from the right side to the left."""
        self._take_word_at_cursor(Side.A)

    def _take_word_at_cursor(self, to: Side) -> None:
        side = self._edits.active_side
        position = self._view.pane(side).textCursor().position()
        self.take_word_at(side, position, to)

    def take_word_at(self, side: Side, position: int, to: Side) -> None:
        """Take the word edit at document ``position`` of ``side`` onto side ``to``."""
        if not self._check_editable(to):
            return
        if not self._live.when_compared(
            Waiting.WORD, lambda: self.take_word_at(side, position, to)
        ):
            return
        found = self.word_edit_at(side, position)
        result = self._view.result
        if found is not None and result is not None:
            self._apply(to, take_word(result, found, to))

    def word_edit_at(self, side: Side, position: int) -> WordEdit | None:
        """The word edit of a change under document ``position`` of ``side``, if any."""
        result = self._view.result
        if result is None:
            return None
        offset = offset_at(self._view.pane(side), position, result.document(side).text)
        for pair in result.changes:
            span = result.span_of(pair, side)
            if span is None or not span.start <= offset <= span.end:
                continue
            for edit in word_edits(result, pair):
                here = edit.span(side)
                if here.start <= offset <= here.end:
                    return edit
        return None

    def _check_editable(self, to: Side) -> bool:
        reason = self._edits.read_only_reason(to)
        if reason:
            self._show_error(f"The {NAMES[to]} side cannot be changed: {reason}.")
            return False
        return True

    def _apply(self, side: Side, take: Take) -> None:
        result = self._view.result
        if result is None or not take:
            return
        self._edits.set_active(side)
        apply_take(self._view.pane(side), take, result.document(side).text)
        self._live.recompare()  # a take is shown compared at once, not after a pause
