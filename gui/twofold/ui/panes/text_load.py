# SPDX-License-Identifier: GPL-3.0-or-later
"""Hands a comparison's text to a pane's document, and tells the user's edits from its slices.

A new text goes in through ``SlicedFill`` (the first screen at once, the rest a
slice a turn) with the pane made a viewer until all of it is in: the slices are
no steps to undo and no edits to follow. A text compared again after an edit is
already in the document and stays, with its cursor, undo history and scroll
position. The headings a document reader found are formatted once the text is
all in (``heading_format``): a format set on a block before a later slice would
be lost to nothing, but the blocks must exist.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from twofold.engine.view.display_blocks import BlockTable
from twofold.ui.panes.heading_format import format_headings
from twofold.ui.panes.pane_content import PaneContent
from twofold.ui.panes.pane_fill import SlicedFill

_FLAGS = Qt.TextInteractionFlag
#: what a reader may do in a pane that is not being edited: select, with mouse or keys
VIEWER = _FLAGS.TextSelectableByMouse | _FLAGS.TextSelectableByKeyboard


def set_editable(edit: QPlainTextEdit, on: bool) -> None:
    """Let the user edit the text (typing, paste, undo) or only read and select it.

    The undo history starts when editing does: the slices of a fill are no
    steps to undo, and turning editing off forgets the history.
    """
    edit.setReadOnly(not on)
    edit.setUndoRedoEnabled(on)
    edit.setTextInteractionFlags(_FLAGS.TextEditorInteraction if on else VIEWER)


class TextLoad:
    """Puts the text of each comparison into one pane; its ``SlicedFill`` says when it is in."""

    __slots__ = ("__weakref__", "_content", "_edit", "fill", "loading")

    def __init__(self, edit: QPlainTextEdit, content: PaneContent, fill: SlicedFill) -> None:
        self._edit = edit
        self._content = content
        #: the slices of a big text (``finished`` once the last is in)
        self.fill = fill
        #: True while the text goes in: its changes are no edits, nothing is marked yet
        self.loading = False

    def put(self, table: BlockTable, keep_text: bool) -> None:
        """Put ``table``'s text in (``keep_text``: it is in already; keep the document)."""
        self.loading = True
        try:
            if keep_text:
                table.take_text()  # made ahead for a fill that does not come
            else:
                set_editable(self._edit, False)  # a new text: a viewer until it is all in
                self.fill.start(table.take_text())
        finally:
            self.loading = False
        if not self.fill.active and not keep_text:  # an edit's blocks keep their formats
            format_headings(self._edit.document(), self._content.headings)

    def filled(self) -> None:
        """The last slice went in: format the headings; the stored positions hold from here."""
        document = self._edit.document()
        format_headings(document, self._content.headings)
        self._content.compared(document)

    def changed(self, position: int, removed: int, added: int) -> None:
        """The document changed (``contentsChange``): an edit moves what is painted after it."""
        edit = not (self.loading or self._edit.isReadOnly())  # a fill's slices are no edits
        self._content.changed(self._edit.document(), position, removed, added, edit=edit)
