# SPDX-License-Identifier: GPL-3.0-or-later
"""Puts a big text into a ``QPlainTextEdit`` in slices, the first screen first.

``setPlainText`` on a big text holds the UI thread for a long stall, and
PySide keeps the GIL during the call, so building the document in a worker
thread does not help. Instead the first characters (``ViewTuning.fill_first_chars``)
go in at once (the first screen shows at the next paint) and the rest is
appended a slice per event-loop turn (``turns.turn_queue``), so many characters
or lines at a time (fewer when slices take longer than ``fill_slice_seconds``),
cut at newlines, taking turns with the other pane and the rest of the window.

Each piece goes in through ``invisibles.reveal``: a bidirectional control or a
zero-width character is shown as a visible stand-in of the same UTF-16 length,
never obeyed or drawn as nothing, and the document's positions stay the text's.
Revealing a piece when it goes in spreads the scan over the slices (a piece
with nothing to show is one C-level scan and no copy).
"""

from __future__ import annotations

from time import perf_counter

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from twofold.engine.view.invisibles import reveal
from twofold.ui.tuning import DEFAULT_VIEW_TUNING, ViewTuning
from twofold.ui.turns import turn_queue


class SlicedFill(QObject):
    """Fills one pane; ``start`` again cancels a fill in progress.

    Signals:
        finished: the whole text is in the document.
    """

    finished = Signal()

    def __init__(self, edit: QPlainTextEdit, tuning: ViewTuning = DEFAULT_VIEW_TUNING) -> None:
        super().__init__(edit)
        self._edit = edit
        self._tuning = tuning
        self._text, self._at = "", 0
        self._scale = 1.0  # of the slice's characters and lines, set by how long slices take
        #: whether a stand-in went in (the pane looks for them on screen only then)
        self.revealed = False

    @property
    def active(self) -> bool:
        return turn_queue().pending(self)

    def start(self, text: str) -> None:
        queue = turn_queue()
        queue.cancel(self)
        first = self._tuning.fill_first_chars
        cut = text.find("\n", first) + 1 if len(text) > first else 0
        self.revealed = False
        self._edit.setPlainText(self._reveal(text[:cut] if cut else text))
        self._text, self._at = (text, cut) if cut else ("", 0)
        self._scale = 1.0
        if cut:
            queue.schedule(self, self._more)

    def _reveal(self, piece: str) -> str:
        shown = reveal(piece)
        self.revealed = self.revealed or shown is not piece
        return shown

    def _more(self) -> bool:
        started = perf_counter()
        text, at, tuning = self._text, self._at, self._tuning
        cut = text.find("\n", at + int(tuning.fill_slice_chars * self._scale)) + 1 or len(text)
        find, line_end = text.find, at - 1
        for _ in range(max(1, int(tuning.fill_slice_lines * self._scale))):
            line_end = find("\n", line_end + 1, cut)
            if line_end < 0:
                break
        else:
            cut = line_end + 1
        cursor = QTextCursor(self._edit.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(self._reveal(text[at:cut]))
        self._at = cut
        self._scale = next_scale(self._scale, perf_counter() - started, tuning)
        if cut < len(text):
            return True
        self._text = ""
        self.finished.emit()
        return False


def next_scale(scale: float, took: float, tuning: ViewTuning) -> float:
    """The next slice's scale, after a slice at ``scale`` took ``took`` seconds.

    In proportion to how far the slice missed ``fill_slice_seconds`` (a log's
    lines cost more than code's), never above 1 nor below ``fill_min_scale``.
    """
    wanted = scale * tuning.fill_slice_seconds / max(took, 1e-4)
    return min(1.0, max(tuning.fill_min_scale, wanted))
