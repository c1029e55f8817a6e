# SPDX-License-Identifier: GPL-3.0-or-later
"""Putting a comparison on screen: panes, list, find, status bar, title, commands.

Every part of the window shows the same result, in an order that matters:
the wrap is chosen before the panes fill, the list and find follow the panes,
and the first change becomes current once all show it. A refinement of the
result on screen, or an edit compared again, updates the parts in place
instead, so the reader keeps their place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction

from twofold.engine.result.kinds import Unit
from twofold.engine.view.view_geometry import PreparedView
from twofold.ui.action_factory import enable_for_comparison
from twofold.ui.bars.banner import Banner, Topic
from twofold.ui.bars.status_line import StatusLine
from twofold.ui.current_change import CurrentChange
from twofold.ui.find.find_bar import FindController
from twofold.ui.panes.diff_view import DiffView
from twofold.ui.plain_text import window_title
from twofold.ui.sidebar.changes_sidebar import ChangesSidebar


class ResultDisplay:
    """Shows a result (new, refined, or an edit compared again) in every part of the window."""

    def __init__(
        self,
        *,
        view: DiffView,
        sidebar: ChangesSidebar,
        finder: FindController,
        status_line: StatusLine,
        banner: Banner,
        current: CurrentChange,
        actions: dict[str, QAction],
        show_page: Callable[[], None],
        wrap_for: Callable[[bool], None],
        set_title: Callable[[str], None],
    ) -> None:
        """Handed the parts a result shows in, and three steps of the window's own.

        Args:
            show_page: bring the comparison page forward (over the empty window).
            wrap_for: wrap the panes as chosen for code (True) or prose.
            set_title: set the window's title.
        """
        self._view, self._sidebar, self._finder = view, sidebar, finder
        self._status_line, self._banner, self._current = status_line, banner, current
        self._actions = actions
        self._show_page, self._wrap_for, self._set_title = show_page, wrap_for, set_title

    def show_result(self, prepared: PreparedView) -> None:
        """Put a finished comparison on screen and make its first change current."""
        result = prepared.result
        self._show_page()
        self._wrap_for(result.unit is Unit.LINES)
        self._view.show_result(prepared)
        enable_for_comparison(self._actions, True)
        self._sidebar.set_result(result)
        self._finder.refresh()
        self._status_line.show_result(result)
        self._set_title(window_title(f"{result.a.label} \u2194 {result.b.label} \u2014 Twofold"))
        self._current.keep(None)
        self._banner.dismiss_stale()
        if result.differs:  # the changes, or the view's note on the layout, say what
            self._current.go_to_change(0)
            self._current.show_position()
        else:
            same = "identical" if result.identical else "equivalent under the current options"
            self._banner.show_message(f"The two documents are {same}.", Topic.OUTCOME)
            self._current.show_position()

    def show_finished(self, prepared: PreparedView) -> None:
        """The worker's final result: refines the coarse preview on screen, or is shown anew."""
        result = prepared.result
        if self._view.refine(prepared):  # the coarse preview is on screen: keep its view
            self._sidebar.refine(result)
            self._status_line.show_stats(result)
        else:
            self.show_result(prepared)

    def show_edited(self, prepared: PreparedView) -> None:
        """Show an edit compared again, keeping the view, its place and the current change."""
        current = self._view.show_edited(prepared, self._current.current_change)
        self._current.keep(current)
        self._sidebar.set_result(prepared.result)
        self._sidebar.select_change(current)
        self._finder.refresh()
        self._status_line.show_result(prepared.result)
        self._current.show_position()
