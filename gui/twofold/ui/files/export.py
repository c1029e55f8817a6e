# SPDX-License-Identifier: GPL-3.0-or-later
"""File ▸ Export: the HTML report and the unified diff, written where the user says.

The bytes are the engine's, exactly what ``twofold --report`` and ``--diff`` print
(``render_html``, ``stored_diff``). The diff is made from the files' own bytes,
read again in the export's thread and checked against the digest taken when
they were compared (``compared_bytes``): a file saved since is refused, as a
patch of it would not be the diff on screen. This module asks for a path and
writes, through ``engine.safe_output`` as the command line does: a target that
is one of the compared files (also through a link, a second name or a hard
link) or not a regular file is refused before anything is written, and the
file is replaced in one rename, so a failed export never leaves a truncated one.

The save dialog is a plain attribute, ``Exporter.choose_path``, so tests (and a
future portal-based dialog) replace it instead of driving a native dialog.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from twofold.engine.errors import ChangedOnDiskError, InputError
from twofold.engine.export.export_html import render_html
from twofold.engine.export.export_unified import stored_diff
from twofold.engine.export.safe_output import OutputError, check_output, write_atomic
from twofold.engine.load.compared_bytes import read_compared
from twofold.engine.result.model import DiffResult

log = logging.getLogger(__name__)

#: ``(parent, title, suggested path, name filter) -> chosen path or None``
PathChooser = Callable[[QWidget, str, str, str], str | None]


@dataclass(frozen=True, slots=True)
class Rendered:
    """What an export writes, and what the message after it should add."""

    data: bytes
    #: a clause for the "Saved" message ("pasted text is not a file, ..."); empty if none
    note: str = ""


class RefusedError(Exception):
    """The export would not be what the window shows; the message is the banner's sentence."""


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One kind of export: what the dialog says and how the bytes are made.

    ``render`` runs in the export's thread; it may raise ``RefusedError``,
    ``InputError`` or ``OutputError`` to refuse in one sentence.
    """

    noun: str
    title: str
    name_filter: str
    suffix: str
    render: Callable[[DiffResult], Rendered]


def render_report(result: DiffResult) -> Rendered:
    """The HTML report, in UTF-8 (it says so in its ``<meta charset>``)."""
    return Rendered(render_html(result).encode("utf-8"))


def render_diff(result: DiffResult) -> Rendered:
    """Exactly what ``twofold --diff A B`` prints, with the window's line-end and blank options.

    Raises:
        RefusedError: a file changed on disk since it was compared.
        InputError: a file can no longer be read.
    """
    docs = (result.a, result.b)
    data: list[bytes | None] = []
    changed: list[str] = []
    for doc in docs:
        try:
            data.append(read_compared(doc))
        except ChangedOnDiskError as exc:
            changed.append(exc.label)
    if changed:
        they = "it was" if len(changed) == 1 else "they were"
        raise RefusedError(
            f"{' and '.join(changed)} changed on disk since {they} compared;"
            " reload (F5) before exporting the diff."
        )
    patch = stored_diff(result.a, data[0], result.b, data[1], result.options)
    unfiled = [doc.label for doc, raw in zip(docs, data, strict=True) if raw is None]
    if not unfiled:
        return Rendered(patch)
    sides = "its side is" if len(unfiled) == 1 else "their sides are"
    return Rendered(
        patch,
        f"{' and '.join(unfiled)} {'is' if len(unfiled) == 1 else 'are'} not a file,"
        f" so {sides} the text shown, in UTF-8",
    )


REPORT = ExportFormat(
    "report", "Export HTML Report", "HTML files (*.html *.htm)", ".html", render_report
)
UNIFIED = ExportFormat(
    "diff", "Export Unified Diff", "Patch files (*.diff *.patch)", ".diff", render_diff
)


def ask_save_path(parent: QWidget, title: str, suggested: str, name_filter: str) -> str | None:
    """The platform's save dialog (it asks before replacing an existing file)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, f"{name_filter};;All files (*)")
    return path or None


def suggested_path(result: DiffResult, fmt: ExportFormat) -> str:
    """``<a>-vs-<b>.html`` next to the newer file (or in the working directory)."""
    a_stem, b_stem = Path(result.a.label).stem, Path(result.b.label).stem
    folder = Path(result.b.path).parent if result.b.path else Path.cwd()
    return str(folder / f"{a_stem}-vs-{b_stem}{fmt.suffix}")


class Exporter(QObject):
    """Asks for a path, checks it, then renders the result and writes it in the background.

    Why in the background: rendering a big log's report or unified diff takes
    long enough (``bench/gui_actions.py``'s export rows; the largest pairs ten
    times as long) that the window stood frozen under a wait cursor. The result
    is immutable, so a thread can read it while the window goes on; the message
    comes back as a queued signal.

    Args:
        parent: the dialogs' parent.
        current: returns the comparison on screen (None if there is none).
        tell: shows a message; the flag says whether it is an error.

    Signals:
        written: an export ended: ``(path, message, error)``.
    """

    written = Signal(str, str, bool)

    def __init__(
        self,
        parent: QWidget,
        current: Callable[[], DiffResult | None],
        tell: Callable[[str, bool], None],
    ) -> None:
        super().__init__(parent)
        self._parent, self._current, self._tell = parent, current, tell
        #: the save dialog; tests replace it
        self.choose_path: PathChooser = ask_save_path
        self._running: set[threading.Thread] = set()
        self.written.connect(self._on_written)

    @property
    def busy(self) -> bool:
        """An export is still being written."""
        return bool(self._running)

    def export(self, fmt: ExportFormat) -> str | None:
        """Ask for a path and start writing there; the path, or None if nothing will be."""
        result = self._current()
        if result is None:
            self._tell(
                f"Open two files first; there is no comparison to export as a {fmt.noun}.", True
            )
            return None
        if not result.refined:
            self._tell(
                f"The comparison is still running; export the {fmt.noun} when it is done.", True
            )
            return None
        target = self.choose_path(
            self._parent, fmt.title, suggested_path(result, fmt), fmt.name_filter
        )
        if not target:
            return None
        inputs = (result.a.path, result.b.path)
        try:
            check_output(target, inputs, name=os.path.basename(target))
        except OutputError as exc:
            self._tell(f"Not saved: {exc} Choose another name.", True)
            return None
        self._tell(f"Saving the {fmt.noun} as {target}…", False)
        # Not a daemon: quitting waits for the file to be written whole.
        job = threading.Thread(
            target=self._write, args=(target, result, fmt), name="twofold-export"
        )
        self._running.add(job)
        job.start()
        return target

    def _write(self, target: str, result: DiffResult, fmt: ExportFormat) -> None:
        """Render and write, in the export's own thread; the outcome goes to ``written``.

        A bug in a renderer reaches ``threading.excepthook``: the crash dialog.
        """
        try:
            rendered = fmt.render(result)
            # checked again: the file may have appeared while the dialog was open
            inputs, name = (result.a.path, result.b.path), os.path.basename(target)
            write_atomic(target, rendered.data, inputs=inputs, name=name)
        except RefusedError as exc:
            self._report(target, str(exc), True)
            return
        except (OutputError, InputError) as exc:
            self._report(target, f"Not saved: {exc}", True)
            return
        finally:
            self._running.discard(threading.current_thread())
        self._report(target, _saved_message(target, fmt, rendered), False)

    def _report(self, target: str, message: str, error: bool) -> None:
        # The window may have closed while the file was written (quitting waits for
        # the file, not for the window): then there is no one left to tell.
        with contextlib.suppress(RuntimeError):
            self.written.emit(target, message, error)

    def _on_written(self, target: str, message: str, error: bool) -> None:
        self._tell(message, error)
        if not error:
            log.info("exported to %s", target)


def _saved_message(target: str, fmt: ExportFormat, rendered: Rendered) -> str:
    if not rendered.data:
        return f"Saved an empty {fmt.noun}: the two files have the same lines."
    if rendered.note:
        return f"Saved the {fmt.noun} as {target}; {rendered.note}."
    return f"Saved the {fmt.noun} as {target}."
