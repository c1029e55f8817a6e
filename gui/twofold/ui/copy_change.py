# SPDX-License-Identifier: GPL-3.0-or-later
"""Edit ▸ Copy Change: what a reader pastes into a review comment or an e-mail.

With text selected in a pane, the selection is copied (as Ctrl+C would, but the
same key works everywhere). Otherwise both sides of the current change are
copied as plain text, each under a ``---``/``+++`` line naming the file and the
paragraphs, so the paste still says which version is which.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from twofold.engine.result.kinds import Side, Unit
from twofold.engine.result.model import DiffResult
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.sidebar.change_rows import paragraph_label

_MARKS = {Side.A: "---", Side.B: "+++"}


def change_text(result: DiffResult, change: int) -> str:
    """Both sides of ``result.changes[change]``; a side without paragraphs says so."""
    pair = result.changes[change]
    noun = "line" if result.unit is Unit.LINES else "paragraph"
    parts: list[str] = []
    for side in Side:
        doc, indices = result.document(side), pair.indices(side)
        span = result.span_of(pair, side)
        label = paragraph_label(indices, partial(result.number, side))
        where = f"{noun} {label}" if indices else "(nothing)"
        parts.append(f"{_MARKS[side]} {doc.label}, {where}\n")
        if span is not None:
            parts.append(doc.text[span.start : span.end].rstrip("\n") + "\n")
    return "".join(parts)


def selected_text(focus: QWidget | None) -> str:
    """The selection of the focused pane, with real newlines; empty if there is none."""
    if isinstance(focus, DiffPane):
        return focus.selected_source_text()
    if not isinstance(focus, QPlainTextEdit):
        return ""
    # QTextCursor marks paragraph ends with U+2029; a paste wants newlines
    return focus.textCursor().selectedText().replace("\u2029", "\n")


def copy_change(result: DiffResult | None, change: int | None, focus: QWidget | None) -> str:
    """Put the selection or the current change on the clipboard; what was copied, or ''."""
    text = selected_text(focus)
    if not text and result is not None and change is not None:
        text = change_text(result, change)
    if text:
        QApplication.clipboard().setText(text)
    return text
