# SPDX-License-Identifier: GPL-3.0-or-later
"""A second core for refining: a helper process diffs part of a coarse result's pairs.

Why a process: refining is two thirds Python (tokens, codes, runs) under the
GIL, so a second thread would only take turns with the first; a process runs
beside it, and on two cores a reworded pair is refined in markedly less time
(``bench/refine_helper_bench.py``; docs/performance.md, "The refine helper and
the head start").

Why a plain child process on two pipes, not ``multiprocessing``: it spawns no
resource-tracker process, imports only the diff (less than half the memory of
both), never re-runs the parent's main script, and dies with the parent's
pipe. It is never forked from the GUI process, whose Qt threads a forked copy
could deadlock on.

Constraints: the edits are exactly ``chardiff.inline_edits``', wherever they
run. A helper that cannot start, dies, answers nonsense or stops answering
(``ParallelTuning.patience_seconds``) costs only the speed: its batches are
diffed here. When sharing is worth it is ``tuning.ParallelTuning``'s to say.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING

from twofold.engine.parallel.tuning import DEFAULT_TUNING, ParallelTuning
from twofold.engine.refiner import Job
from twofold.engine.result.model import CompareOptions

if TYPE_CHECKING:  # imported when a process starts: most comparisons never start one
    import subprocess

    from twofold.engine.parallel.helper_process import Answer, GuessAnswer


class RefineHelper:
    """One helper process, started when a refinement is worth sharing and kept for the next.

    Starting it costs another core a moment (Python and the diff), which
    the GUI's first refinement spends while the window paints its preview.
    It ends by itself after ``tuning.idle_seconds`` unused. Thread-safe: the GUI
    uses it from a worker and stops it from the UI thread.

    Args:
        tuning: when it is worth using and how work is cut for it; the head starts
            and refinements that share work with it take this one by default.
        command: the process to run; None means ``helper_command()`` (this build's
            helper). Another is a stand-in, say one that dies or lies, whose
            failure must cost only the speed.
    """

    def __init__(
        self, tuning: ParallelTuning = DEFAULT_TUNING, command: Sequence[str] | None = None
    ) -> None:
        #: when this helper is worth using, and how work is cut for it
        self.tuning = tuning
        self._command = None if command is None else list(command)
        self._talk = threading.Lock()  # held by the one refinement talking to the process
        self._lock = threading.Lock()  # held briefly, around the process's state
        self._process: subprocess.Popen[bytes] | None = None
        self._last_used = 0.0
        self._idle_timer: threading.Timer | None = None

    def start(self) -> None:
        """Start the process now, unless it runs already."""
        with self._lock:
            self._used()
            if self._process is not None and self._process.poll() is None:
                return
            import subprocess  # here: the command line imports this module for any big pair

            try:
                self._process = subprocess.Popen(
                    self._command or helper_command(),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
            except OSError as exc:  # no processes here (limits): refine alone
                warn("refine helper not started: %s", exc)
                self._process = None

    @property
    def running(self) -> bool:
        """Whether a started process is there to take batches (it may still die)."""
        with self._lock:
            return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        """The running process's id, None when none runs: whose CPU time and priority to read.

        ``bench/refine_helper_bench.py`` adds the helper's CPU time to this process's.
        """
        with self._lock:
            process = self._process
            return process.pid if process is not None and process.poll() is None else None

    @property
    def idle_end_pending(self) -> bool:
        """Whether the process is due to end after ``tuning.idle_seconds`` unused.

        False once it has ended that way or was stopped: ``stop`` leaves no timer behind.
        """
        with self._lock:
            return self._idle_timer is not None

    def diff_all(
        self,
        batches: Callable[[], list[Job] | None],
        answer: Callable[[Answer], None],
        options: CompareOptions,
    ) -> bool:
        """Diff the batches ``batches()`` hands out until it says None, ``answer``-ing each.

        The next batch is sent before the last answer is read, so the helper
        never waits for this side (which shares its GIL with busier threads).

        Returns:
            False if the helper is not running or broke down; the batches sent
            and not answered are then the caller's to diff.
        """
        # Here: the talk's messages and pickle load only once a helper runs.
        from twofold.engine.parallel.helper_process import Answer, DiffBatch, receive_as, send

        def talk(to: IO[bytes], back: IO[bytes]) -> None:
            in_flight = 0
            for _ in range(2):
                jobs = batches()
                if jobs is None:
                    break
                send(to, DiffBatch(jobs, options))
                in_flight += 1
            while in_flight:
                packed = receive_as(back, Answer)
                in_flight -= 1
                jobs = batches()
                if jobs is not None:
                    send(to, DiffBatch(jobs, options))
                    in_flight += 1
                answer(packed)

        return self._converse(talk)

    def diff_guesses(
        self,
        paragraphs: tuple[list[bytes], list[bytes]],
        options: CompareOptions,
        closed: threading.Event,
        answer: Callable[[GuessAnswer], None],
    ) -> bool:
        """Have the helper guess pairs of these paragraphs and diff them, until ``closed`` is set.

        Two batches are asked for ahead, as ``diff_all`` sends them; once
        ``closed`` is set no more are, the ones asked for are still read, and
        the helper drops the paragraphs.

        Returns:
            False if the helper is not running or broke down.
        """
        from twofold.engine.parallel.helper_process import (  # once a helper runs, as above
            Forget,
            Guess,
            GuessAnswer,
            GuessesDone,
            NextGuesses,
            receive_as,
            send,
        )

        def talk(to: IO[bytes], back: IO[bytes]) -> None:
            send(to, Guess(*paragraphs, options, self.tuning.batch_chars))
            in_flight, exhausted = 0, False
            for _ in range(2):
                send(to, NextGuesses())
                in_flight += 1
            while in_flight:
                batch = receive_as(back, GuessAnswer, GuessesDone)
                in_flight -= 1
                if isinstance(batch, GuessesDone):
                    exhausted = True
                    continue
                answer(batch)
                if not closed.is_set() and not exhausted:
                    send(to, NextGuesses())
                    in_flight += 1
            send(to, Forget())

        return self._converse(talk)

    def _converse(self, talk: Callable[[IO[bytes], IO[bytes]], None]) -> bool:
        """Run ``talk`` on the process's pipes, alone; False if there is no process or it broke."""
        with self._talk:
            with self._lock:
                process = self._process
            if process is None or process.stdin is None or process.stdout is None:
                return False
            from twofold.engine.parallel.helper_process import FAILURES  # a helper runs

            try:
                talk(process.stdin, process.stdout)
            except FAILURES as exc:
                warn("refine helper stopped (%s); refining here", exc)
                _end(process)
                with self._lock:
                    if self._process is process:
                        self._process = None
                return False
            finally:
                with self._lock:
                    self._used()
            return True

    def _used(self) -> None:
        """Note a use (the lock held) and end the process once it has been idle long enough."""
        self._last_used = time.monotonic()
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        self._idle_timer = threading.Timer(self.tuning.idle_seconds, self._end_if_idle)
        self._idle_timer.daemon = True
        self._idle_timer.start()

    def _end_if_idle(self) -> None:
        with self._talk, self._lock:
            if time.monotonic() - self._last_used < self.tuning.idle_seconds / 2:
                return  # used while this timer fired: the use set a later one
            process, self._process = self._process, None
            self._idle_timer = None
        if process is not None:
            _end(process)

    def kill(self) -> None:
        """End a process that stopped answering, without waiting for whoever talks to it.

        The refinement talking to it then reads the end of its pipe, as if it had died.
        """
        process = self._process
        if process is not None:
            with contextlib.suppress(OSError):
                process.kill()

    def stop(self) -> None:
        """End the process once no refinement talks to it (a closed one stops in two batches)."""
        with self._talk, self._lock:
            process, self._process = self._process, None
            if self._idle_timer is not None:
                self._idle_timer.cancel()
                self._idle_timer = None
        if process is not None:
            _end(process)


def helper_command() -> list[str]:
    """How to run the helper: this interpreter on ``helper_process``, or a frozen build on itself.

    Isolated (``-I``): neither the working directory nor ``PYTHONPATH`` can put
    other modules in its way. The directory ``twofold`` was imported from goes
    on its path unless it is there already (a source checkout, not an install).
    """
    from twofold.engine.parallel.helper_process import HELPER_ARG  # a helper starts

    if getattr(sys, "frozen", False):
        return [sys.executable, HELPER_ARG]
    return [sys.executable, "-I", "-c", _BOOT, _source_root()]


def _source_root() -> str:
    """The directory the ``twofold`` package was imported from (three up from here)."""
    here = os.path.realpath(__file__)
    for _level in range(4):
        here = os.path.dirname(here)
    return here


_BOOT = (
    "import sys; root = sys.argv[1]; root in sys.path or sys.path.insert(0, root); "
    "from twofold.engine.parallel.helper_process import serve; serve()"
)


def _end(process: subprocess.Popen[bytes]) -> None:
    """Close the pipes (the helper exits at the end of its input) and reap it."""
    import subprocess  # a process was started: imported already

    for pipe in (process.stdin, process.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()
    try:
        process.wait(timeout=2)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def tuning_of(helper: RefineHelper | None, tuning: ParallelTuning | None) -> ParallelTuning:
    """``tuning`` if given, else the helper's, else the defaults (no helper: nothing to tune)."""
    if tuning is not None:
        return tuning
    return helper.tuning if helper is not None else DEFAULT_TUNING


def warn(message: str, *args: object) -> None:
    """Log a helper's trouble (the refinement goes on without it).

    ``logging`` is imported here, not with the module: the command line imports
    this module for every big pair, and most never start a helper.
    """
    import logging

    logging.getLogger(__name__).warning(message, *args)
