# SPDX-License-Identifier: GPL-3.0-or-later
"""Loading and comparing off the UI thread, so the window never freezes.

A ``QRunnable`` per request on the runner's own ``QThreadPool``; results come
back through one signal carrier (a ``QObject`` living in the UI thread, so the
emits from the pool are queued). Every request gets a monotonic token: a result
whose token is not the latest is stale and dropped, and starting a request sets
the previous one's cancel flag so the engine stops early. Jobs never touch
widgets (git-cola ``qtutils.py`` RunTask, superqt ``_qthreading.py``). An
unexpected exception in a job is a bug: it fails the request (banner) and its
traceback goes out with ``crashed``, which the window hands to its error dialog.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from twofold.allocator import give_back_free_memory
from twofold.engine.errors import CompareCanceled, TwofoldError
from twofold.engine.parallel.launch_start import Launch
from twofold.engine.parallel.refine_helper import RefineHelper
from twofold.engine.parallel.shared_refiner import SharedRefiner
from twofold.engine.pipeline import Refinement
from twofold.engine.refiner import Refiner
from twofold.engine.result.model import DiffResult
from twofold.engine.tuning import GeometryTuning
from twofold.engine.view import view_geometry
from twofold.engine.view.view_geometry import PreparedView
from twofold.process_setup import collections_held, exempt_from_gc
from twofold.ui.compare_request import (
    COARSE_SHARE,
    PREVIEW_WAIT,
    CompareFn,
    CompareRequest,
    load_and_compare,
)
from twofold.ui.dialogs.error_dialog import summarize
from twofold.ui.tuning import DEFAULT_VIEW_TUNING, ViewTuning

log = logging.getLogger(__name__)


class _Carrier(QObject):
    """Signals a job emits from the pool; tokens say which request they answer."""

    progressed = Signal(int, float)
    previewed = Signal(int, object)
    finished = Signal(int, object)
    failed = Signal(int, str)
    crashed = Signal(int, str, str)
    canceled = Signal(int)


class _CompareJob(QRunnable):
    def __init__(
        self,
        token: int,
        request: CompareRequest,
        carrier: _Carrier,
        cancel: threading.Event,
        fn: CompareFn,
        preview_shown: threading.Event,
        helper: RefineHelper,
        geometry: GeometryTuning,
    ) -> None:
        super().__init__()
        self._token, self._request, self._carrier = token, request, carrier
        self._cancel, self._fn = cancel, fn
        self._preview_shown = preview_shown
        self._helper = helper
        self._geometry = geometry
        self._last_progress = -1.0

    def _progress(self, value: float) -> None:
        # Throttle: a queued signal per percent is plenty for a progress bar.
        if value - self._last_progress >= 0.01 or value >= 1.0:
            self._last_progress = value
            self._carrier.progressed.emit(self._token, value)

    def run(self) -> None:
        with collections_held():
            self._run()

    def _run(self) -> None:
        """Compare, then say how it ended: one signal, whatever happened."""
        token, carrier = self._token, self._carrier
        try:
            prepared = self._compare()
        except CompareCanceled:
            carrier.canceled.emit(token)
        except TwofoldError as exc:
            carrier.failed.emit(token, str(exc))
        except ImportError as exc:
            carrier.failed.emit(token, f"The comparison engine is not available ({exc}).")
        except Exception as exc:  # a bug: report it instead of killing the pool thread
            carrier.crashed.emit(token, summarize(exc), traceback.format_exc())
        else:
            carrier.finished.emit(token, prepared)

    def _compare(self) -> PreparedView:
        """Align, prepare the view; a big pair is shown coarse first, then refined."""
        result, refiner = self._align()
        # Begun first, so that the helper diffs while the view is prepared and painted.
        refinement = None if result.refined else Refinement(result, refiner)
        try:
            coarse = self._prepare(result)
            if refinement is None:
                return coarse
            self._preview(coarse)
            return self._refine(coarse, refinement)
        finally:
            if refinement is not None:
                refinement.close()

    def _align(self) -> tuple[DiffResult, Refiner]:
        """Load both files (or take what the launch loaded) and compare them.

        A small pair comes back refined; a big one only aligned. Either way the
        refiner's guessing is over when this returns.
        """
        # Only this run holds what the launch made, so that it can let go of it.
        request, self._request = self._request, replace(self._request, launched=None)
        launched = request.launched
        begun = launched.head_start if launched is not None else None
        refiner = SharedRefiner(self._helper, begun)
        try:
            result = self._fn(request, self._cancel.is_set, self._progress, refiner)
        finally:
            refiner.stop_guessing()  # the alignment is done (or gave up): no more guesses
            # The launch's paragraph keys (copies of every paragraph) are done with too.
            del request, launched, begun
        give_back_free_memory()  # what the alignment's word sets held
        return result, refiner

    def _prepare(self, result: DiffResult) -> PreparedView:
        """Everything the window reads of ``result``, made here so the UI thread need not."""
        prepared = view_geometry.prepare(result, self._geometry)
        exempt_from_gc()
        return prepared

    def _preview(self, coarse: PreparedView) -> None:
        """Send the aligned result and wait until the window has it on screen."""
        self._carrier.previewed.emit(self._token, coarse)
        self._wait_for_preview()

    def _refine(self, coarse: PreparedView, refinement: Refinement) -> PreparedView:
        """Diff the coarse result's changes inline; the view keeps the coarse geometry."""
        result = refinement.finish(
            should_cancel=self._cancel.is_set,
            progress=lambda v: self._progress(COARSE_SHARE + (1 - COARSE_SHARE) * v),
        )
        prepared = view_geometry.prepare_refined(coarse, result, self._geometry)
        exempt_from_gc()
        give_back_free_memory()
        return prepared

    def _wait_for_preview(self) -> None:
        """Let the UI thread put the preview on screen before refining.

        Both threads run Python, so they share the GIL: refining while the UI
        builds the panes would make that one event-loop turn (the longest of the
        comparison) twice as long. The UI acknowledges once the preview is
        painted; a UI that never does costs ``PREVIEW_WAIT`` at most.
        """
        deadline = time.monotonic() + PREVIEW_WAIT
        while not self._preview_shown.wait(0.02):
            if self._cancel.is_set():
                raise CompareCanceled("canceled")
            if time.monotonic() >= deadline:
                return


class CompareRunner(QObject):
    """Runs one comparison at a time from the UI's point of view; the latest wins.

    Signals:
        started: a request was submitted.
        progressed: the current request's progress, 0..1.
        previewed: a big request's coarse result (aligned, no inline edits yet) as a
            ``PreparedView``; ``finished`` follows with the same pairs refined.
        finished: the current request's result with all the view reads of it
            (a ``PreparedView``: tables, geometry, UTF-16 maps, big changes' ranges).
        failed: the current request's one-sentence error.
        canceled: the current request stopped on a cancel.
        crashed: a job raised an unexpected exception (summary, traceback); the
            request has also ``failed`` with the summary if it was current.
    """

    started = Signal()
    progressed = Signal(float)
    previewed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    canceled = Signal()
    crashed = Signal(str, str)

    def __init__(
        self,
        fn: CompareFn | None = None,
        parent: QObject | None = None,
        helper: RefineHelper | None = None,
        tuning: ViewTuning = DEFAULT_VIEW_TUNING,
    ) -> None:
        """Run ``fn`` (by default ``load_and_compare``) for each request.

        Args:
            helper: the one to refine with (a test gives one of its tuning); else a new one.
            tuning: which pairs are shown coarse first, and what is prepared for the view.
        """
        super().__init__(parent)
        self._fn = fn or partial(load_and_compare, coarse_first_chars=tuning.coarse_first_chars)
        self._geometry = tuning.geometry
        self._token = 0
        self._busy = False
        self._cancel = threading.Event()
        self._preview_shown = threading.Event()
        self._held = False
        #: Refines big results beside the worker; started by the first one worth it
        #: (or at launch, by the head start of the files the command line named:
        #: ``start`` then takes the launch's helper instead).
        self._helper = helper if helper is not None else RefineHelper()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._carrier = _Carrier(self)
        self._carrier.progressed.connect(self.on_job_progressed)
        self._carrier.previewed.connect(self.on_job_previewed)
        self._carrier.finished.connect(self.on_job_finished)
        self._carrier.failed.connect(self.on_job_failed)
        self._carrier.canceled.connect(self.on_job_canceled)
        self._carrier.crashed.connect(self.on_job_crashed)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def helper(self) -> RefineHelper:
        """The helper process this runner's jobs share the refining with."""
        return self._helper

    @property
    def token(self) -> int:
        return self._token

    def start(self, request: CompareRequest, launch: Launch | None = None) -> int:
        """Submit a request, cancelling (and later ignoring) whatever ran before.

        Args:
            launch: what ``launch_start`` made for this request's files (the
                command line's) before the window existed. Its helper becomes
                this runner's; its documents, paragraphs and head start serve
                the request if they were made with its options.
        """
        if launch is not None:
            self._take_helper(launch.helper)
            launched = launch.made_for(request.options)
            if launched is not None:
                request = replace(request, launched=launched)
        self._cancel.set()
        self._cancel = threading.Event()
        self._preview_shown = threading.Event()
        self._token += 1
        self._busy = True
        self._pool.start(
            _CompareJob(
                self._token,
                request,
                self._carrier,
                self._cancel,
                self._fn,
                self._preview_shown,
                self._helper,
                self._geometry,
            )
        )
        self.started.emit()
        return self._token

    def _take_helper(self, helper: RefineHelper) -> None:
        """Refine with ``helper`` from now on: one helper process, not two."""
        if helper is not self._helper:
            unused, self._helper = self._helper, helper
            unused.stop()  # started only if a comparison was worth it; then it ends

    def cancel(self) -> None:
        """Ask the running job to stop; its ``canceled`` arrives when it has."""
        self._cancel.set()

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel and wait, so no job outlives the carrier it emits on; end the helper."""
        self._cancel.set()
        self._token += 1
        self._busy = False
        self._pool.waitForDone(timeout_ms)
        self._helper.stop()

    def _is_current(self, token: int) -> bool:
        return token == self._token

    @Slot(int, float)
    def on_job_progressed(self, token: int, value: float) -> None:
        if self._is_current(token):
            self.progressed.emit(value)

    @Slot(int, object)
    def on_job_previewed(self, token: int, result: object) -> None:
        if self._is_current(token):
            self._held = False
            self.previewed.emit(result)
            if not self._held:  # nobody asked to hold: refine from the next turn on
                QTimer.singleShot(0, self._preview_shown.set)

    def hold_refinement(self) -> Callable[[], None]:
        """For a ``previewed`` handler: the worker waits until the returned callable runs.

        A window calls it when the preview is painted, so the refining worker does
        not compete for the GIL with the turn that builds and paints the preview.
        Without a call the worker goes on at once; it never waits more than
        ``PREVIEW_WAIT``.
        """
        self._held = True
        return self._preview_shown.set

    @Slot(int, object)
    def on_job_finished(self, token: int, result: object) -> None:
        if self._is_current(token):
            self._busy = False
            self.finished.emit(result)

    @Slot(int, str)
    def on_job_failed(self, token: int, message: str) -> None:
        if self._is_current(token):
            self._busy = False
            self.failed.emit(message)

    @Slot(int)
    def on_job_canceled(self, token: int) -> None:
        if self._is_current(token):
            self._busy = False
            self.canceled.emit()

    @Slot(int, str, str)
    def on_job_crashed(self, token: int, summary: str, details: str) -> None:
        if self._is_current(token):
            self._busy = False
            self.failed.emit(summary)
        self.crashed.emit(summary, details)  # a stale job's crash is still a bug to show
