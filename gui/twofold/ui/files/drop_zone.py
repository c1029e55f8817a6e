# SPDX-License-Identifier: GPL-3.0-or-later
"""What an empty window shows: two drop targets, each with a button, and the recent comparisons.

Why the buttons: a drop target that cannot be clicked is no use to whoever has
no file manager open, or no mouse; "Choose file…" opens a file dialog for that
side. The recent comparisons are the quickest way back to work, one click or
Enter each (the same list as File ▸ Open Recent).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from twofold.engine.result.kinds import Side
from twofold.ui.files.drop import local_paths, take_as_copy
from twofold.ui.plain_text import one_line, plain_label, tooltip

HINT = "Drop two files here or press Ctrl+O"


class _Target(QWidget):
    """A dashed box that takes a file for one side."""

    files_dropped = Signal(list)

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setObjectName("leftDropZone" if side is Side.A else "rightDropZone")
        self.setAcceptDrops(True)
        self.setMinimumSize(220, 160)
        self.choose = QPushButton("Choose file\u2026")
        self.choose.setObjectName("chooseFile")
        which = "older (left)" if side is Side.A else "newer (right)"
        self.choose.setAccessibleName(f"Choose the {which} file")
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 16, 16, 20)
        column.addStretch(1)
        column.addWidget(self.choose, 0, Qt.AlignmentFlag.AlignHCenter)
        self._hover = False
        self._file: str | None = None

    def set_file(self, path: str | None) -> None:
        self._file = path
        self.update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if take_as_copy(event):
            self._hover = True
            self.update()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        take_as_copy(event)

    def dragLeaveEvent(self, event: object) -> None:
        self._hover = False
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        self._hover = False
        self.update()
        if take_as_copy(event):
            self.files_dropped.emit(local_paths(event.mimeData()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.palette().color(self.foregroundRole())
        frame = QColor(colour)
        frame.setAlphaF(0.8 if self._hover else 0.35)
        painter.setPen(QPen(frame, 2, Qt.PenStyle.DashLine))
        if self._hover:
            fill = QColor(self.palette().color(self.palette().ColorRole.Highlight))
            fill.setAlphaF(0.12)
            painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(4, 4, -4, -4), 12, 12)
        painter.setPen(colour)
        title = "Older version (left)" if self.side is Side.A else "Newer version (right)"
        body = one_line(Path(self._file).name) if self._file else "Drop a file here"
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, f"{title}\n\n{body}")
        painter.end()


class DropZone(QWidget):
    """The empty-window page: a hint and a drop target per side.

    Signals:
        files_dropped: (paths, side) dropped on one of the targets.
        file_wanted: (side) the user asked to choose that side's file.
        recent_chosen: (left, right) a recent comparison the user picked.
    """

    files_dropped = Signal(list, object)
    file_wanted = Signal(object)
    recent_chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
        self.targets = {side: _Target(side) for side in (Side.A, Side.B)}
        hint = plain_label(HINT)
        hint.setObjectName("dropHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = hint.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        hint.setFont(font)
        row = QHBoxLayout()
        row.setSpacing(24)
        for target in self.targets.values():
            row.addWidget(target)
            target.files_dropped.connect(
                lambda paths, s=target.side: self.files_dropped.emit(paths, s)
            )
            target.choose.clicked.connect(lambda _=False, s=target.side: self.file_wanted.emit(s))
        self.recent_title = plain_label("Recent comparisons")
        self.recent = QListWidget()
        self.recent.setObjectName("recentComparisons")
        self.recent.setAccessibleName("Recent comparisons")
        self.recent.setMaximumHeight(160)
        self.recent.itemActivated.connect(self._on_recent_picked)
        self.recent.itemClicked.connect(self._on_recent_picked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 60)
        layout.addStretch(1)
        layout.addWidget(hint)
        layout.addSpacing(24)
        layout.addLayout(row, 3)
        layout.addSpacing(16)
        layout.addWidget(self.recent_title)
        layout.addWidget(self.recent)
        layout.addStretch(1)
        self.set_recent([])

    def set_recent(self, pairs: Sequence[tuple[str, str]]) -> None:
        """List these comparisons (newest first); the list hides while there are none."""
        self.recent.clear()
        for left, right in pairs:
            item = QListWidgetItem(one_line(f"{Path(left).name} \u2194 {Path(right).name}"))
            item.setToolTip(tooltip(left, right))
            item.setData(Qt.ItemDataRole.UserRole, (left, right))
            self.recent.addItem(item)
        self.recent_title.setVisible(bool(pairs))
        self.recent.setVisible(bool(pairs))

    def _on_recent_picked(self, item: QListWidgetItem) -> None:
        left, right = item.data(Qt.ItemDataRole.UserRole)
        self.recent_chosen.emit(left, right)

    def set_files(self, left: str | None, right: str | None) -> None:
        self.targets[Side.A].set_file(left)
        self.targets[Side.B].set_file(right)
