# SPDX-License-Identifier: GPL-3.0-or-later
"""Comparing the edited texts again off the UI thread, the newest request winning.

Why apart from ``worker.CompareRunner``: that one loads files, shows big pairs
in two steps and shares a helper process; an edit has its texts in hand and
re-diffs a pair or two (``engine.edit.recompare``). Same rules: a ``QRunnable``
on the runner's own pool, a monotonic token so that a stale answer is dropped,
a cancel flag set when a newer request starts, jobs never touch widgets.

Signals:
    finished: the prepared view of the newest request (``PreparedView``).
    failed: a comparison error's sentence.
    crashed: an unexpected exception (summary, traceback), for the error dialog.
"""

from __future__ import annotations

import threading
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from twofold.engine.edit.recompare import recompare
from twofold.engine.errors import CompareCanceled, TwofoldError
from twofold.engine.result.model import CompareOptions, DiffResult, Document
from twofold.engine.view import view_geometry
from twofold.ui.dialogs.error_dialog import summarize


class _Carrier(QObject):
    finished = Signal(int, object)
    failed = Signal(int, str)
    crashed = Signal(int, str, str)


class _Job(QRunnable):
    def __init__(
        self,
        token: int,
        previous: DiffResult,
        bases: tuple[Document, Document],
        texts: tuple[str, str],
        options: CompareOptions | None,
        carrier: _Carrier,
        cancel: threading.Event,
    ) -> None:
        super().__init__()
        self._token, self._previous, self._bases, self._texts = token, previous, bases, texts
        self._options = options
        self._carrier, self._cancel = carrier, cancel

    def run(self) -> None:
        token, carrier = self._token, self._carrier
        try:
            result = recompare(
                self._previous,
                *self._texts,
                bases=self._bases,
                options=self._options,
                should_cancel=self._cancel.is_set,
            )
            prepared = view_geometry.prepare(result)
        except CompareCanceled:
            return
        except TwofoldError as exc:
            carrier.failed.emit(token, str(exc))
        except Exception as exc:  # a bug: report it instead of killing the pool thread
            carrier.crashed.emit(token, summarize(exc), traceback.format_exc())
        else:
            carrier.finished.emit(token, prepared)


class RecompareRunner(QObject):
    """Runs one re-comparison at a time; a new request makes the running one stale."""

    finished = Signal(object)
    failed = Signal(str)
    crashed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._carrier = _Carrier(self)
        self._token = 0
        self._cancel = threading.Event()
        self._waiting = False
        self._carrier.finished.connect(self.on_carrier_finished)
        self._carrier.failed.connect(self.on_carrier_failed)
        self._carrier.crashed.connect(self.on_carrier_crashed)

    @property
    def busy(self) -> bool:
        """Whether an answer is still to come for the newest request."""
        return self._pool.activeThreadCount() > 0 or self._waiting

    def start(
        self,
        previous: DiffResult,
        bases: tuple[Document, Document],
        texts: tuple[str, str],
        options: CompareOptions | None = None,
    ) -> None:
        """Compare ``texts`` (edits of ``bases``) again, reusing ``previous``'s diffs.

        ``options``: compare with these instead of ``previous``'s.
        """
        self._cancel.set()
        self._cancel = threading.Event()
        self._token += 1
        self._waiting = True
        job = _Job(self._token, previous, bases, texts, options, self._carrier, self._cancel)
        self._pool.start(job)

    def stop(self) -> None:
        """Drop whatever is running: its answer will be stale."""
        self._cancel.set()
        self._token += 1
        self._waiting = False

    def wait(self) -> None:
        """Block until the pool is idle (closing the window)."""
        self._pool.waitForDone()

    def on_carrier_finished(self, token: int, prepared: object) -> None:
        if token == self._token:
            self._waiting = False
            self.finished.emit(prepared)

    def on_carrier_failed(self, token: int, message: str) -> None:
        if token == self._token:
            self._waiting = False
            self.failed.emit(message)

    def on_carrier_crashed(self, token: int, summary: str, details: str) -> None:
        if token == self._token:
            self._waiting = False
        self.crashed.emit(summary, details)
