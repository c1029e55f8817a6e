# SPDX-License-Identifier: GPL-3.0-or-later
"""Compare ▸ Compare Web Pages Whole: the pair on screen re-read with its site chrome.

Why a choice for the comparison, not a stored preference: a web page is read
as its article, its navigation, sidebars and footer set apart (said in the pane
header), which is what a reader comparing two versions of a story wants. Someone
checking a site's template or menu wants the page whole, and that belongs to
the pages, not to the person, as with Read Files as Text (``read_as_text``):
a stored switch would carry over to the next pair and bury its article's
changes under navigation with nothing saying why. So the choice holds for the
pair it was made on (reload, swap and option changes keep it), a pair opened
afterwards is read as its article again, and ``--whole-page`` makes the same
choice for the pair named on the command line, the menu item checked.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QAction

from twofold.ui.compare_request import CompareRequest


class Rereading(Protocol):
    """What the choice needs of the window: the pair on screen, and comparing it again."""

    @property
    def request(self) -> CompareRequest | None: ...

    def compare_again(self, *, whole_page: bool) -> None: ...


class WholePage:
    """Keeps the menu item on the comparison's choice, and re-reads the pair when it changes."""

    def __init__(self, action: QAction, window: Rereading) -> None:
        self._action = action
        self._window = window

    def set_whole_page(self, on: bool) -> None:
        """The menu item: compare the same pair again, whole or as articles."""
        request = self._window.request
        # Back to the pair's own choice first: a comparison that does not start (unsaved
        # edits kept) leaves the item as it was, and one that starts checks it anew.
        self.show(request)
        if request is not None and request.whole_page != on:
            self._window.compare_again(whole_page=on)

    def compare_whole(self) -> None:
        """A pane header's "Compare whole": the menu item's choice, made from the note."""
        self.set_whole_page(True)

    def show(self, request: CompareRequest | None) -> None:
        """Check the item as ``request`` reads (a new pair, or the one left on screen)."""
        was = self._action.blockSignals(True)  # not the user's choice: nothing to re-read
        self._action.setChecked(request is not None and request.whole_page)
        self._action.blockSignals(was)

    def on_comparison_failed(self, _message: str) -> None:
        """A pair that could not be read that way leaves the one on screen, and its choice."""
        self.show(self._window.request)
