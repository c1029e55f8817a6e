# SPDX-License-Identifier: GPL-3.0-or-later
"""Compare what is on the clipboard: Ctrl+V on an empty side, Edit ▸ Paste as Left / Right.

Why the clipboard becomes a file: the window loads, watches and reloads its
sides by path in its worker, and opening already knows how a side waits for
its partner (``FileOpener``). So a paste is kept, as the clipboard gave it, in
a private file (its folder made by ``mkdtemp``, readable by this user only,
removed with the window) and opened like a dropped one. Its name says what it
is: "pasted text", or "pasted text.html" when the clipboard held HTML, which
the format dispatch then reads as a web page.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from typing import Protocol

from PySide6.QtGui import QGuiApplication

from twofold.engine.result.kinds import Side
from twofold.ui.bars.banner import Banner, Topic
from twofold.ui.compare_request import CompareRequest

__all__ = ["PASTED", "Paster"]

#: what a pasted side is called in the pane header and the title
PASTED = "pasted text"


class Opening(Protocol):
    """What pasting needs of opening: a side given as a file, as if dropped."""

    def on_files_dropped(self, paths: list[str], side: Side | None) -> None: ...


class Comparing(Protocol):
    @property
    def request(self) -> CompareRequest | None: ...


class Paster:
    """The paste commands; each paste is a file of its own in the window's paste folder."""

    def __init__(self, window: Comparing, opener: Opening, banner: Banner) -> None:
        self._window = window
        self._opener = opener
        self._banner = banner
        self._folder = tempfile.mkdtemp(prefix="twofold-paste-")
        self._count = 0
        # Removed when the window goes, or at exit: pastes are nobody's files.
        self._cleanup = weakref.finalize(self, shutil.rmtree, self._folder, ignore_errors=True)

    def holds(self, path: str | None) -> bool:
        """Whether ``path`` is a paste of this window's (not a file for the recent list)."""
        return path is not None and os.path.dirname(os.path.dirname(path)) == self._folder

    def paste_on_empty_side(self) -> None:
        """Ctrl+V: the clipboard becomes the side still empty (the left one first)."""
        if self._window.request is not None:
            self._banner.show_message(
                "Both sides are shown: Edit \u25b8 Paste as Left or Paste as Right "
                "replaces one with the clipboard.",
                Topic.PROMPT,
            )
            return
        self._paste(None)

    def paste_as_left(self) -> None:
        self._paste(Side.A)

    def paste_as_right(self) -> None:
        self._paste(Side.B)

    def _paste(self, side: Side | None) -> None:
        path = self._keep_clipboard()
        if path is None:
            self._banner.show_message("The clipboard holds no text to compare.", Topic.PROBLEM)
            return
        self._opener.on_files_dropped([path], side)

    def _keep_clipboard(self) -> str | None:
        """The clipboard's HTML or text in a new private file; None if it holds neither."""
        data = QGuiApplication.clipboard().mimeData()
        if data is None:
            return None
        if data.hasHtml() and data.html().strip():
            content, name = data.html().encode("utf-8"), f"{PASTED}.html"
        elif data.hasText() and data.text():
            content, name = data.text().encode("utf-8"), PASTED
        else:
            return None
        self._count += 1
        folder = os.path.join(self._folder, str(self._count))
        os.mkdir(folder, 0o700)
        path = os.path.join(folder, name)
        with open(path, "xb") as handle:
            handle.write(content)
        return path

    def discard(self) -> None:
        """Remove every paste now (the window is closing)."""
        self._cleanup()
