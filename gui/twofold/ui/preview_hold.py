# SPDX-License-Identifier: GPL-3.0-or-later
"""The worker's hold on a big comparison's refinement, released once its preview is shown.

Why a hold at all: both threads run Python and share the GIL, so refining while
the UI thread builds the panes made that turn, the longest of a comparison,
twice as long; and filling the changes list resets a filter proxy that calls
Python for every row, so with a refining worker each call waited for the GIL
and the turn that fills a big pair's thousands of changes froze the window
(``bench/gui_bench.py`` reports the longest stall). The window shows the
preview through ``show``; the hold goes once the panes have painted and the
list has said ``listed`` (its own signal, not a later turn: polling waited for
the panes' fill turns in between, delaying the refinement for nothing).
"""

from __future__ import annotations

from collections.abc import Callable

from twofold.ui.panes.diff_view import DiffView
from twofold.ui.sidebar.changes_sidebar import ChangesSidebar
from twofold.ui.worker import CompareRunner


class PreviewHold:
    """Holds the runner's refinement while a preview goes on screen and into the list."""

    def __init__(self, runner: CompareRunner, view: DiffView, sidebar: ChangesSidebar) -> None:
        self._runner, self._view, self._sidebar = runner, view, sidebar
        #: the hold to release when the list is filled (an older comparison's goes with it)
        self._when_listed: Callable[[], None] | None = None

    def show(self, show_preview: Callable[[], None]) -> None:
        """Hold the refinement, show the preview, and release once painted and listed."""
        release = self._runner.hold_refinement()
        show_preview()
        self._view.after_next_paint(lambda: self.release_once_listed(release))

    def release_once_listed(self, release: Callable[[], None]) -> None:
        """Call ``release`` now if the changes list is filled, else when it says ``listed``."""
        if self._sidebar.filling:
            self._when_listed = release
        else:
            release()

    def on_listed(self) -> None:
        """The changes list is filled: release the hold waiting for it, if any."""
        release, self._when_listed = self._when_listed, None
        if release is not None:
            release()
