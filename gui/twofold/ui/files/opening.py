# SPDX-License-Identifier: GPL-3.0-or-later
"""How files get into the window: the Open dialog and drops on the window, the drop zone or a pane.

Why an object of its own: a drop of one file is half a comparison, and the
file waiting for its partner (the loose side) is state that only opening needs.
The window hands over what opening may do (compare two files, say what is
shown or under way, show a sentence in the banner, fill the drop zone) and
forwards its own drag events here; the decisions on paths are ``drop.plan_drop``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from twofold.engine.result.kinds import Side
from twofold.ui.bars.banner import Banner, Topic
from twofold.ui.compare_request import CompareRequest
from twofold.ui.dialogs.open_pair import OpenPairDialog
from twofold.ui.files.drop import DropRefused, local_paths, plan_drop, take_as_copy
from twofold.ui.files.drop_zone import DropZone

#: the Open dialog's choices: any file first (text and code have no one suffix), then the
#: documents a reader opens (``engine/load/documents/formats.py``)
OPEN_FILTER = (
    "All files (*);;"
    "Documents (*.docx *.odt *.rtf *.pdf *.epub *.html *.htm *.xhtml);;"
    "Text and Markdown (*.txt *.md *.markdown *.rst)"
)


class Comparing(Protocol):
    """What opening may do with the window: read the files compared, compare two others."""

    @property
    def request(self) -> CompareRequest | None: ...

    def compare_files(
        self, left: str, right: str, *, as_text: bool = False, whole_page: bool = False
    ) -> None: ...


class FileOpener:
    """The Open Files command, and every drop of files on the window or its panes."""

    def __init__(
        self, window: Comparing, parent: QWidget, banner: Banner, drop_zone: DropZone
    ) -> None:
        self._window = window
        self._parent = parent
        self._banner = banner
        self._drop_zone = drop_zone
        self._loose: dict[Side, str | None] = {Side.A: None, Side.B: None}
        #: how the command line asked the pair a lone file starts to be read (``open_one``)
        self._as_text = False
        self._whole_page = False
        #: the Open dialog last opened (tests and accessibility tools find it here)
        self.dialog: OpenPairDialog | None = None

    def forget_loose(self) -> None:
        """A comparison was asked for: a file dropped alone no longer waits for its partner."""
        self._loose = {Side.A: None, Side.B: None}
        self._as_text = self._whole_page = False

    def open_one(self, path: str, *, as_text: bool = False, whole_page: bool = False) -> None:
        """One file named on the command line: it waits on the left for its partner.

        The command line's choices of how to read (``--as-text``, ``--whole-page``)
        wait with it, for the pair it becomes, until some other pair is compared.
        """
        self._as_text, self._whole_page = as_text, whole_page
        self.on_files_dropped([path], Side.A)
        if not any(self._loose.values()):  # refused (a folder, say): no pair waits
            self.forget_loose()

    def open_files(self) -> None:
        """Ask for a left and a right file (``OpenPairDialog``) and compare them.

        Window-modal and not waited on (``open``): the window keeps painting, and
        the dialog's fields start with the files compared now or waiting for a partner.
        """
        base = self._window.request
        left = self._loose[Side.A] or (base.left if base else "")
        right = self._loose[Side.B] or (base.right if base else "")
        dialog = OpenPairDialog(self._parent, left, right, OPEN_FILTER)
        dialog.accepted.connect(lambda: self._window.compare_files(*dialog.paths()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog

    def choose_file(self, side: Side) -> None:
        """A drop zone's "Choose file…": a file dialog for that side, as if it were dropped."""
        which = "older (left)" if side is Side.A else "newer (right)"
        other = self._loose[Side.B if side is Side.A else Side.A]
        folder = str(Path(other).parent) if other else ""
        path, _ = QFileDialog.getOpenFileName(
            self._parent, f"Choose the {which} file", folder, OPEN_FILTER
        )
        if path:
            self.on_files_dropped([path], side)

    def on_files_dropped(self, paths: list[str], side: Side | None) -> None:
        """Replace one side, both, or refuse with a banner (the comparison stays)."""
        if side is None and len(paths) == 1:
            side = Side.B if self._loose[Side.A] and not self._loose[Side.B] else Side.A
        plan = plan_drop(paths, side)
        if isinstance(plan, DropRefused):
            self._banner.show_message(plan.message, Topic.PROBLEM)
            return
        base = self._window.request
        left = plan.left or self._loose[Side.A] or (base.left if base else None)
        right = plan.right or self._loose[Side.B] or (base.right if base else None)
        if left and right:
            self._window.compare_files(
                left, right, as_text=self._as_text, whole_page=self._whole_page
            )
            return
        self._loose = {Side.A: left, Side.B: right}
        self._drop_zone.set_files(left, right)
        missing = "right" if left else "left"
        self._banner.show_message(f"Now drop the {missing}-hand file.", Topic.PROMPT)

    def drag_entered(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        """A drag over the window itself (outside the panes and the drop zone)."""
        take_as_copy(event)

    def dropped(self, event: QDropEvent) -> None:
        """A drop on the window itself: like one on the drop zone, no side named."""
        if take_as_copy(event):
            self.on_files_dropped(local_paths(event.mimeData()), None)
