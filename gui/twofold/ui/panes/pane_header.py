# SPDX-License-Identifier: GPL-3.0-or-later
"""The labels above the panes: each pane's header (name, encoding, newlines) and the note.

Why apart from the view: these only say what the view shows, in plain-text labels
(a name or a ``--label`` may hold HTML), and are tested as widgets of their own.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from twofold.engine.result.model import SetApart
from twofold.ui.panes.set_apart_note import SetApartNote
from twofold.ui.plain_text import one_line, plain_label, tooltip


class PaneHeader(QWidget):
    """Above a pane: the document's name in bold, then its encoding and newlines.

    Two plain-text labels rather than one rich-text label with the name in
    ``<b>``: the name is a file name or a ``--label``, and those may hold HTML.
    A name too long for the pane is shortened in the middle (its end, with the
    extension, stays), so the encoding beside it stays readable; the tooltip
    has the whole path.
    """

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self._full = self._name = self._details = self._note = ""
        self._unsaved = False
        self.name = plain_label()
        self.name.setObjectName(f"{name}Name")
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.details = plain_label()
        self.details.setObjectName(f"{name}Details")
        self.details.setMinimumWidth(1)
        self._row = QHBoxLayout()
        self._row.setContentsMargins(8, 4, 8, 4)
        self._row.setSpacing(12)
        self._row.addWidget(self.name)
        self._row.addWidget(self.details, 1)
        #: what a document's reader kept out of the comparison, with a Show button: a
        #: line of its own under the name (the grid keeps both panes' tops level)
        self.set_apart = SetApartNote(f"{name}SetApart")
        self.set_apart.setContentsMargins(8, 0, 8, 2)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(0)
        rows.addLayout(self._row)
        rows.addWidget(self.set_apart)
        self.setMinimumWidth(50)  # the pane decides the width, never the name

    def set_document(
        self,
        name: str,
        details: str,
        path: str,
        set_apart: Sequence[SetApart] = (),
        *,
        web_page: bool = False,
    ) -> None:
        self._name, self._details = one_line(name), details
        self._unsaved, self._note = False, ""
        self.setToolTip(tooltip(path))
        self.set_apart.set_parts(name, set_apart, web_page=web_page)
        self._show()

    def set_edit_state(self, unsaved: bool, note: str) -> None:
        """Mark unsaved edits (•) and say why a side cannot be edited (``note``, or "")."""
        self._unsaved, self._note = unsaved, note
        self._show()

    def _show(self) -> None:
        self._full = f"\u2022 {self._name}" if self._unsaved else self._name
        self.details.setText(
            f"{self._details} \u00b7 {self._note}" if self._note else self._details
        )
        self._fit_name()

    def text(self) -> str:
        """What the header says, as one line, with the name in full."""
        return f"{self._full}  {self.details.text()}"

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_name()

    def _fit_name(self) -> None:
        """Give the name the room the details leave (at least a dozen characters)."""
        margins = self._row.contentsMargins()
        room = self.width() - margins.left() - margins.right() - self._row.spacing()
        room -= self.details.sizeHint().width()
        metrics = self.name.fontMetrics()
        room = max(room, 12 * metrics.averageCharWidth())
        shown = metrics.elidedText(self._full, Qt.TextElideMode.ElideMiddle, room)
        self.name.setText(shown)
        self.name.setFixedWidth(metrics.horizontalAdvance(shown) + 2)


def quiet_note() -> QLabel:
    """The line above the panes that says what differs outside them (line endings...).

    A note, not a banner: nothing went wrong, and the comparison is complete.
    Plain text, in the palette's muted colour, hidden until there is something to say.
    """
    note = plain_label()
    note.setObjectName("layoutNote")
    note.setWordWrap(True)
    note.setContentsMargins(8, 2, 8, 4)
    note.setAccessibleName("Layout differences")
    palette = note.palette()
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    palette.setColor(QPalette.ColorRole.WindowText, muted)
    note.setPalette(palette)
    note.hide()
    return note
