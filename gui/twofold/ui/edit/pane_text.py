# SPDX-License-Identifier: GPL-3.0-or-later
"""A pane's document as the file's text: read it, change it by splices, and say when it cannot be.

Why a pane may not be edited: what it shows must be the file's text exactly,
or an edit would put the display into the file. Long lines are shown cut into
pieces (``display_blocks``) and hidden characters as stand-ins
(``invisibles.reveal``); a paragraph separator (U+2029) becomes a block break
in Qt. Such a side stays read-only and its header says why; so does a side too
big to compare again at every keystroke.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from twofold.engine.edit.take import Take
from twofold.engine.result.model import Document
from twofold.engine.view.utf16 import Utf16Map
from twofold.ui.panes.diff_pane import DiffPane

#: sides longer than this (characters) are not edited: each pause in typing compares again
MAX_EDIT_CHARS = 2_000_000


def read_only_reason(pane: DiffPane, doc: Document) -> str:
    """Why ``pane`` cannot be edited, as a clause ("its long lines are shown in pieces").

    "" when it can.
    """
    if pane.table.soft_breaks:
        return "its long lines are shown in pieces"
    if pane.revealed:
        return "its hidden characters are shown as stand-ins"
    if "\u2029" in doc.text:
        return "it holds paragraph separators (U+2029)"
    if len(doc.text) > MAX_EDIT_CHARS:
        return "it is too big to edit here"
    return ""


def pane_text(pane: DiffPane) -> str:
    """The text in ``pane`` now, as the file would hold it (``\\n`` newlines).

    ``toRawText``, not ``toPlainText``: the latter turns no-break spaces into
    spaces, which would change every one of them in the file.
    """
    return pane.document().toRawText().replace("\u2029", "\n")


def apply_take(pane: DiffPane, take: Take, text: str) -> None:
    """Make ``take``'s splices in ``pane`` (which holds ``text``) as one undoable step."""
    to16 = Utf16Map(text)
    cursor = QTextCursor(pane.document())
    cursor.beginEditBlock()
    try:
        for splice in reversed(take.splices):
            cursor.setPosition(to16(splice.start))
            cursor.setPosition(to16(splice.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(splice.new)
    finally:
        cursor.endEditBlock()


def offset_at(pane: DiffPane, position: int, text: str) -> int:
    """The code-point offset into ``text`` (the pane's text) at document ``position``."""
    return Utf16Map(text).offset_of(position)
