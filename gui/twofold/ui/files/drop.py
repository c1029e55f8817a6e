# SPDX-License-Identifier: GPL-3.0-or-later
"""What a drop of files means: which side(s) it replaces, or why it is refused.

Pure decisions on paths (plus the loader's stat checks, so a refusal reads the
same as the loader's), so the panes and the window only forward URLs here.
Binary or undecodable files are refused later by the loader in the worker; the
window keeps its comparison either way.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDropEvent

from twofold.engine.errors import InputError
from twofold.engine.load.safe_read import check_path
from twofold.engine.result.kinds import Side


@dataclass(frozen=True, slots=True)
class DropPlan:
    """The files a drop assigns: ``left``/``right`` are None for a side it leaves alone."""

    left: str | None = None
    right: str | None = None


@dataclass(frozen=True, slots=True)
class DropRefused:
    """A drop that changes nothing, with the one sentence to show."""

    message: str


def local_paths(mime: QMimeData) -> list[str]:
    """The local files a drag carries (remote URLs are not files we can open)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


def can_accept(mime: QMimeData) -> bool:
    """Whether to accept the drag at all: local files (more than two are refused in words)."""
    return bool(local_paths(mime))


def take_as_copy(event: QDropEvent) -> bool:
    """Accept a drag or drop of files as a copy; False (ignored) when a copy is not offered.

    Why not ``acceptProposedAction``: a file manager proposes a move within one
    disk (or with Shift held), and a source told its files were moved may delete
    them. Twofold only reads what is dropped.
    """
    if not (can_accept(event.mimeData()) and event.possibleActions() & Qt.DropAction.CopyAction):
        event.ignore()
        return False
    event.setDropAction(Qt.DropAction.CopyAction)
    event.accept()
    return True


def _problem(path: str) -> str | None:
    """The loader's own sentence for a path it would refuse (missing, folder, pipe, loop...)."""
    try:
        check_path(path)
    except InputError as exc:
        return str(exc)
    return None


def plan_drop(paths: list[str], side: Side | None) -> DropPlan | DropRefused:
    """Decide what dropping ``paths`` on ``side`` (None: the window, not a pane) does.

    One file on a pane replaces that side; two files anywhere become left and
    right in the order they were dragged; one file on the window fills the
    side that is ``side`` or, lacking that, the left.
    """
    if not paths:
        return DropRefused("Only local files can be dropped.")
    if len(paths) > 2:
        return DropRefused(
            f"{len(paths)} files dropped: Twofold compares two files at a time."
            " Drop one file on a pane, or two anywhere."
        )
    for path in paths:
        problem = _problem(path)
        if problem is not None:
            return DropRefused(problem)
    if len(paths) == 2:
        return DropPlan(left=paths[0], right=paths[1])
    if side is Side.B:
        return DropPlan(right=paths[0])
    return DropPlan(left=paths[0])
