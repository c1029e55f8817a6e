# SPDX-License-Identifier: GPL-3.0-or-later
"""Compare ▸ Read Files as Text: the pair on screen compared by its own bytes, markup and all.

Why a choice for the comparison, not a stored preference: a file ending in
``.html`` or ``.rtf`` is read as the document it makes, which is what a reader
of a web page or a letter wants, and exactly what a developer comparing a
template's markup does not. Which one is wanted belongs to the files, not to
the person: the same user compares an article in one window and its template
in the next. A stored switch would silently carry over to the next pair, where
a DOCX would then be refused as binary and a web page compared tag by tag,
with nothing in that comparison saying why. So, as Beyond Compare chooses a
session's format per comparison, the choice holds for the pair it was made on
(reload, swap and option changes keep it) and a pair opened afterwards is read
by its format again; ``--as-text`` makes the same choice for the pair named on
the command line, and the menu item shows it checked.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QAction

from twofold.ui.compare_request import CompareRequest


class Rereading(Protocol):
    """What the choice needs of the window: the pair on screen, and comparing it again."""

    @property
    def request(self) -> CompareRequest | None: ...

    def compare_again(self, *, as_text: bool) -> None: ...


class ReadAsText:
    """Keeps the menu item on the comparison's choice, and re-reads the pair when it changes."""

    def __init__(self, action: QAction, window: Rereading) -> None:
        self._action = action
        self._window = window

    def set_read_as_text(self, on: bool) -> None:
        """The menu item: compare the same pair again, read the other way."""
        request = self._window.request
        # Back to the pair's own choice first: a comparison that does not start (unsaved
        # edits kept) leaves the item as it was, and one that starts checks it anew.
        self.show(request)
        if request is not None and request.as_text != on:
            self._window.compare_again(as_text=on)

    def show(self, request: CompareRequest | None) -> None:
        """Check the item as ``request`` reads (a new pair, or the one left on screen)."""
        was = self._action.blockSignals(True)  # not the user's choice: nothing to re-read
        self._action.setChecked(request is not None and request.as_text)
        self._action.blockSignals(was)

    def on_comparison_failed(self, _message: str) -> None:
        """A pair that could not be read that way leaves the one on screen, and its choice."""
        self.show(self._window.request)
