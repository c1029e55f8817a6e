# SPDX-License-Identifier: GPL-3.0-or-later
"""The current change: which it is, making one current, and where the reader stands.

One change of the result on screen is current: the panes outline it and the
list selects it, and the status bar says "Change n of m". It becomes current
from the list, a Go step, a take's re-compare or a new result; the view says
whether the reader has scrolled away from it since (``view_moved``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from twofold.engine.result.model import DiffResult
from twofold.ui.bars.status_line import StatusLine
from twofold.ui.panes.diff_view import DiffView
from twofold.ui.sidebar.changes_sidebar import ChangesSidebar


class CurrentChange(QObject):
    """The index into ``result.changes`` of the current change, kept in step on screen.

    Signals:
        moved: a change was made current (the Go commands grey the end reached).
    """

    moved = Signal()

    def __init__(
        self,
        view: DiffView,
        sidebar: ChangesSidebar,
        status_line: StatusLine,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._view, self._sidebar, self._status_line = view, sidebar, status_line
        self._current: int | None = None

    @property
    def result(self) -> DiffResult | None:
        """The result on screen, whose changes these are."""
        return self._view.result

    @property
    def current_change(self) -> int | None:
        return self._current

    def go_to_change(self, change: int) -> None:
        """Make ``result.changes[change]`` current: scroll both panes, outline it, list it."""
        changes = self._view.sync.changes
        if not 0 <= change < len(changes):
            return
        self._current = change
        self._view.set_current(changes[change])
        self._sidebar.select_change(change)
        self.show_position()
        self.moved.emit()

    def keep(self, change: int | None) -> None:
        """The view made ``change`` current itself (a new result, or one edited in place)."""
        self._current = change

    def show_position(self) -> None:
        """Say in the status bar which change is current, of how many."""
        self._status_line.show_position(self._current, len(self._view.sync.changes))

    def view_moved(self) -> bool:
        """Whether the reader scrolled away from where the last step put the view."""
        return self._view.view_moved()

    def change_at_view(self, forward: bool, among: Sequence[int]) -> int | None:
        """The first change of ``among`` at or after (before) the reading position."""
        return self._view.change_at_view(forward, among, self._current)
