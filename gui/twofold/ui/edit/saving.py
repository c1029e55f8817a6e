# SPDX-License-Identifier: GPL-3.0-or-later
"""Save, Save As, Save All and the question before unsaved edits are dropped.

What each side is saved from: its *base*, the ``Document`` it was loaded as
or last saved as (encoding, BOM, line ends, and the digest that tells whether
the file changed on disk since). The bytes are made and written by
``engine.edit.save_file``; this module asks the questions (a name, overwrite a
changed file, Save / Discard / Cancel) and reports failures in one sentence.

Signals:
    saved: a side was written (``Side``); its text is now its base's.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from twofold.engine.edit.encode_back import UnsavableTextError
from twofold.engine.edit.save_file import needs_new_name, save_text
from twofold.engine.errors import ChangedOnDiskError
from twofold.engine.export.safe_output import OutputError
from twofold.engine.result.kinds import DocFormat, Side
from twofold.engine.result.model import DiffResult, Document
from twofold.ui.edit import questions
from twofold.ui.edit.questions import Unsaved
from twofold.ui.panes.diff_view import DiffView


class SideSaver(QObject):
    """Writes a side's text back to its file, or under a new name, asking what it must."""

    saved = Signal(object)

    def __init__(
        self,
        view: DiffView,
        window: QWidget,
        show_error: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._view, self._window, self._show_error = view, window, show_error
        self._bases: dict[Side, Document] = {}

    def set_bases(self, a: Document, b: Document) -> None:
        """The documents a newly loaded comparison's sides were read as."""
        self._bases = {Side.A: a, Side.B: b}

    def base(self, side: Side, result: DiffResult) -> Document:
        """What ``side`` is an edit of: as loaded or last saved (``result``'s if unknown)."""
        return self._bases.get(side) or result.document(side)

    def save(self, side: Side, texts: tuple[str, str], *, new_name: bool = False) -> bool:
        """Save ``side``; True once written. Asks for a name where the side needs one."""
        result = self._view.result
        if result is None:
            return False
        base = self.base(side, result)
        path: str | None = None
        if new_name or needs_new_name(base):
            path = questions.ask_save_name(self._window, _suggested(base))
            if path is None:
                return False
        text = texts[0] if side is Side.A else texts[1]
        other = self.base(side.other, result).path
        try:
            try:
                saved = save_text(base, text, path, inputs=[other])
            except ChangedOnDiskError:
                if not questions.ask_overwrite(self._window, base.label):
                    return False
                saved = save_text(base, text, path, inputs=[other], overwrite=True)
        except (UnsavableTextError, OutputError) as exc:
            self._show_error(str(exc))
            return False
        self._bases[side] = saved
        self.saved.emit(side)
        return True

    def save_all(self, sides: list[Side], texts: tuple[str, str]) -> bool:
        """Save every side in ``sides``; True when all were written."""
        return all([self.save(side, texts) for side in sides])

    def may_discard(self, unsaved: list[Side], texts: tuple[str, str]) -> bool:
        """Ask Save / Discard / Cancel for these sides; True unless the user keeps them."""
        result = self._view.result
        if result is None:
            return True
        names = [self.base(side, result).label for side in unsaved]
        answer = questions.ask_unsaved(self._window, names)
        if answer is Unsaved.CANCEL:
            return False
        if answer is Unsaved.SAVE:
            return self.save_all(unsaved, texts)
        return True


def _suggested(doc: Document) -> str:
    """The name offered for Save As: the document's, as a text file beside it."""
    if doc.path is None:
        return doc.label if doc.label.endswith(".txt") else f"{doc.label}.txt"
    if doc.format is DocFormat.TEXT:
        return doc.path
    return f"{os.path.splitext(doc.path)[0]}.txt"
