# SPDX-License-Identifier: GPL-3.0-or-later
"""File ▸ Open: a field for the left file and one for the right, as Meld's new comparison.

Why not one multi-select file dialog: which file went left depended on the order
the dialog returned them in, two files in different folders needed a second
dialog, and a path could not be typed or pasted. Here each side is a field (type,
paste or Browse…), prefilled with what is compared now, and Compare stays grey
until both are filled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from twofold.engine.result.kinds import Side


class OpenPairDialog(QDialog):
    """Two fields and Compare; ``paths()`` once accepted."""

    def __init__(self, parent: QWidget | None, left: str, right: str, file_filter: str) -> None:
        super().__init__(parent)
        self.setObjectName("openPairDialog")
        self.setWindowTitle("Compare Two Files")
        self._filter = file_filter
        self.fields = {Side.A: QLineEdit(left), Side.B: QLineEdit(right)}
        form = QFormLayout(self)
        for side, label in ((Side.A, "&Older (left):"), (Side.B, "&Newer (right):")):
            field = self.fields[side]
            field.setObjectName("leftField" if side is Side.A else "rightField")
            field.setMinimumWidth(360)
            field.setClearButtonEnabled(True)
            browse = QPushButton("Browse\u2026")
            browse.setObjectName("leftBrowse" if side is Side.A else "rightBrowse")
            browse.setAutoDefault(False)
            browse.clicked.connect(lambda _=False, s=side: self.browse(s))
            row = QHBoxLayout()
            row.addWidget(field, 1)
            row.addWidget(browse)
            caption = QLabel(label)
            caption.setBuddy(field)  # Alt+O, Alt+N reach the fields
            form.addRow(caption, row)
            field.textChanged.connect(self._update_compare)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        compare = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        compare.setText("&Compare")
        compare.setObjectName("compareButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._update_compare()

    def paths(self) -> tuple[str, str]:
        """The two paths as typed, ``~`` expanded, surrounding spaces dropped."""
        left, right = (
            str(Path(self.fields[side].text().strip()).expanduser()) for side in (Side.A, Side.B)
        )
        return left, right

    def browse(self, side: Side) -> None:
        """A file dialog for one side, starting beside whichever file is already named."""
        other = self.fields[Side.B if side is Side.A else Side.A].text().strip()
        current = self.fields[side].text().strip() or other
        folder = str(Path(current).expanduser().parent) if current else ""
        which = "older (left)" if side is Side.A else "newer (right)"
        path, _ = QFileDialog.getOpenFileName(
            self, f"Choose the {which} file", folder, self._filter
        )
        if path:
            self.fields[side].setText(path)

    def _update_compare(self) -> None:
        filled = all(field.text().strip() for field in self.fields.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(filled)
