# SPDX-License-Identifier: GPL-3.0-or-later
"""A second core for refining: a helper process diffs part of a coarse result's pairs.

Why a process: refining is two thirds Python (tokens, codes, runs) under the
GIL, so a second thread would only take turns with the first; a process runs
beside it, and on two cores a reworded pair is refined in markedly less time
(``bench/refine_helper_bench.py``; docs/performance.md, "The refine helper and
the head start").

How the work is shared (``SharedRefinement``): the pairs are cut into batches
of about ``ParallelTuning.batch_chars``; a feeder thread hands the helper one
batch at a time from the last one backwards, and the caller's thread diffs them
from the first one forwards, so the two meet wherever the machine's load puts
them. The helper returns each pair's edits as one op byte and one length an
edit, not as pickled objects (this side cuts the texts out of the paragraphs it
holds), with each pair's similarity and word counts, so that nothing of
the refinement is left to do on one core after the two have met.

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
import logging
import pickle
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from twofold.engine.errors import CompareCanceled
from twofold.engine.inline.chardiff import inline_edits, similarity
from twofold.engine.parallel.helper_process import (
    HELPER_ARG,
    Answer,
    DiffBatch,
    Forget,
    Guess,
    GuessAnswer,
    GuessesDone,
    NextGuesses,
    Packed,
    receive_as,
    send,
)
from twofold.engine.parallel.tuning import DEFAULT_TUNING, ParallelTuning
from twofold.engine.refiner import Job, Refined, sum_counts
from twofold.engine.result.edit_runs import EditRuns
from twofold.engine.result.model import CompareOptions
from twofold.engine.result.stats import EditCounts, edit_counts

log = logging.getLogger(__name__)

#: What a helper that died or answered nonsense raises on this side.
_HELPER_FAILURES = (OSError, EOFError, ValueError, TypeError, IndexError, pickle.UnpicklingError)


class RefineHelper:
    """One helper process, started when a refinement is worth sharing and kept for the next.

    Starting it costs another core a moment (Python and the diff), which
    the GUI's first refinement spends while the window paints its preview.
    It ends by itself after ``tuning.idle_seconds`` unused. Thread-safe: the GUI
    uses it from a worker and stops it from the UI thread.

    Args:
        tuning: when it is worth using and how work is cut for it; the head starts
            and refinements that share work with it take this one by default.
    """

    def __init__(self, tuning: ParallelTuning = DEFAULT_TUNING) -> None:
        #: when this helper is worth using, and how work is cut for it
        self.tuning = tuning
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
            try:
                self._process = subprocess.Popen(
                    helper_command(),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
            except OSError as exc:  # no processes here (limits): refine alone
                log.warning("refine helper not started: %s", exc)
                self._process = None

    @property
    def running(self) -> bool:
        """Whether a started process is there to take batches (it may still die)."""
        with self._lock:
            return self._process is not None and self._process.poll() is None

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
            try:
                talk(process.stdin, process.stdout)
            except _HELPER_FAILURES as exc:
                log.warning("refine helper stopped (%s); refining here", exc)
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
    if getattr(sys, "frozen", False):
        return [sys.executable, HELPER_ARG]
    return [sys.executable, "-I", "-c", _BOOT, str(Path(__file__).resolve().parents[3])]


_BOOT = (
    "import sys; root = sys.argv[1]; root in sys.path or sys.path.insert(0, root); "
    "from twofold.engine.parallel.helper_process import serve; serve()"
)


def _end(process: subprocess.Popen[bytes]) -> None:
    """Close the pipes (the helper exits at the end of its input) and reap it."""
    for pipe in (process.stdin, process.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):
                pipe.close()
    try:
        process.wait(timeout=2)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class SharedRefinement:
    """The edits of a list of jobs, diffed here and, for big lists, in the helper too.

    The helper's feeder starts at once, so the helper works while the caller
    still waits (the GUI puts its preview on screen first); ``finish`` joins in
    and returns every job's edits and similarity, and leaves their word counts
    in ``counts``. ``close`` stops the feeder, for a caller that gives up
    before ``finish``.
    """

    def __init__(
        self,
        jobs: Sequence[Job],
        sizes: Sequence[int],
        options: CompareOptions,
        helper: RefineHelper | None,
        tuning: ParallelTuning | None = None,
    ) -> None:
        """``jobs[n]`` may cut its texts out only when asked; ``sizes[n]`` is their length.

        Args:
            tuning: when sharing is worth it and how the jobs are batched; None
                means the helper's own (``RefineHelper.tuning``).
        """
        self._jobs, self._options, self._helper = jobs, options, helper
        self._tuning = tuning_of(helper, tuning)
        self._out: list[Refined | None] = [None] * len(jobs)
        #: ``edit_counts`` of every job's edits, once ``finish`` has returned.
        self.counts = EditCounts()
        self._batches: list[tuple[int, int]] = []
        self._lock = threading.Lock()
        # Batches before ``_front`` are this side's, from ``_back`` on the helper's.
        self._front = self._back = 0
        self._closed = threading.Event()
        #: ``(start, end, answer)`` from the helper, then None when it is done.
        self._answers: queue.SimpleQueue[tuple[int, int, Answer] | None] = queue.SimpleQueue()
        self._fed = False  # the feeder's None has come: no answer will follow
        self._answered_at = 0.0  # when the helper's last answer was taken
        self._feeder: threading.Thread | None = None
        if helper is None or sum(sizes) < self._tuning.min_parallel_chars:
            return
        if not self._tuning.spare_core():
            return
        batches = batches_of(sizes, self._tuning.batch_chars)
        if len(batches) < 2:  # one huge pair: nothing to share, and the helper would hold it all
            return
        helper.start()  # if it is not running yet: it joins in once it has started
        if not helper.running:
            return
        self._batches = batches
        self._back = len(batches)
        self._feeder = threading.Thread(target=self._feed, name="refine-feeder", daemon=True)
        self._feeder.start()

    def finish(self, check: Callable[[], bool], report: Callable[[float], None]) -> list[Refined]:
        """Every job's edits and similarity, in order; ``counts`` then counts them all.

        The helper's answers are unpacked here, between this side's batches:
        unpacking takes the GIL, and a second thread taking it too would make
        the window wait for it twice as long.

        Raises:
            CompareCanceled: ``check`` returned True (the feeder stops after its batch).
        """
        jobs, out = self._jobs, self._out
        try:
            if self._feeder is None:
                for start in range(0, len(jobs), 64):
                    if check():
                        raise CompareCanceled("canceled")
                    report(start / max(1, len(jobs)))
                    self._refine_here(range(start, min(len(jobs), start + 64)))
            else:
                while (k := self._claim(front=True)) is not None:
                    if check():
                        raise CompareCanceled("canceled")
                    self._refine_here(range(*self._batches[k]))
                    self._unpack_answers(wait=False)
                    report(self._share_done())
                self._answered_at = time.monotonic()
                while self._unpack_answers(wait=True):
                    if check():
                        raise CompareCanceled("canceled")
                    report(self._share_done())
                    if time.monotonic() - self._answered_at > self._tuning.patience_seconds:
                        log.warning("refine helper stopped answering; refining here")
                        assert self._helper is not None
                        self._helper.kill()
                        self._answered_at = time.monotonic()
                # Whatever the helper could not do (it died, or answered nonsense) is done here.
                self._refine_here([n for n, refined in enumerate(out) if refined is None])
        finally:
            self.close()
        return [refined for refined in out if refined is not None]

    def _refine_here(self, indices: Sequence[int]) -> None:
        edit_lists = [inline_edits(*self._jobs[n], self._options) for n in indices]
        for n, edits in zip(indices, edit_lists, strict=True):
            self._out[n] = (edits, similarity(edits))
        self.counts = self.counts.plus(edit_counts(edit_lists))

    def close(self) -> None:
        """Stop handing batches to the helper (the one it is on still comes back)."""
        self._closed.set()

    def _unpack_answers(self, *, wait: bool) -> bool:
        """Unpack the answers that have come (``wait``: at least one, or a poll's seconds).

        Returns:
            False once the feeder has said it is done.
        """
        poll = self._tuning.poll_seconds
        while not self._fed:
            try:
                answer = self._answers.get(timeout=poll) if wait else self._answers.get_nowait()
            except queue.Empty:
                return True
            if answer is None:
                self._fed = True
                break
            start, end, batch = answer
            try:
                pairs = zip(range(start, end), batch.packed, batch.similarities, strict=True)
                refined = [(_unpack(p, *self._jobs[n]), float(sim)) for n, p, sim in pairs]
                counted = sum_counts(batch.counts)
            except (ValueError, TypeError, IndexError) as exc:  # not edits of these texts
                log.warning("refine helper answered nonsense (%s); refining here", exc)
                self.close()  # no more batches to it; then end it
                if self._helper is not None:
                    self._helper.stop()
            else:
                self._out[start:end] = refined
                self.counts = self.counts.plus(counted)
            self._answered_at = time.monotonic()
            wait = False  # one came: take the others that are there, then go back to work
        return False

    def _claim(self, *, front: bool) -> int | None:
        """The next batch for this side (``front``) or for the helper; None when all are taken."""
        with self._lock:
            if self._front >= self._back:
                return None
            if front:
                self._front += 1
                return self._front - 1
            self._back -= 1
            return self._back

    def _share_done(self) -> float:
        with self._lock:
            taken = self._front + len(self._batches) - self._back
        return taken / max(1, len(self._batches))

    def _feed(self) -> None:
        """The feeder thread: batches from the end to the helper, its answers queued as they come.

        It ends by queueing None; a batch sent and never answered (the helper
        failed) stays None in the results, for ``finish`` to diff.
        """
        assert self._helper is not None
        sent: list[int] = []  # batches handed to the helper and not answered yet

        def next_batch() -> list[Job] | None:
            if self._closed.is_set():
                return None
            k = self._claim(front=False)
            if k is None:
                return None
            sent.append(k)
            start, end = self._batches[k]
            return [self._jobs[n] for n in range(start, end)]

        def take(answer: Answer) -> None:
            start, end = self._batches[sent.pop(0)]
            if not len(answer.packed) == len(answer.similarities) == len(answer.counts):
                raise ValueError("a pair without its similarity or counts")
            if len(answer.packed) != end - start:
                raise ValueError("an answer for another batch")
            self._answers.put((start, end, answer))

        try:
            self._helper.diff_all(next_batch, take, self._options)
        finally:
            self._answers.put(None)


def tuning_of(helper: RefineHelper | None, tuning: ParallelTuning | None) -> ParallelTuning:
    """``tuning`` if given, else the helper's, else the defaults (no helper: nothing to tune)."""
    if tuning is not None:
        return tuning
    return helper.tuning if helper is not None else DEFAULT_TUNING


def batches_of(sizes: Sequence[int], batch_chars: int) -> list[tuple[int, int]]:
    """``(start, end)`` ranges of jobs of about ``batch_chars`` characters each."""
    out = []
    start = total = 0
    for n, size in enumerate(sizes):
        total += size
        if total >= batch_chars:
            out.append((start, n + 1))
            start, total = n + 1, 0
    if start < len(sizes):
        out.append((start, len(sizes)))
    return out


def _unpack(packed: Packed, a: str, b: str) -> EditRuns:
    """The edits of ``a`` and ``b`` from the helper's op codes and lengths.

    Raises:
        ValueError: the runs do not cover both texts exactly.
    """
    codes, lengths = packed
    return EditRuns.checked(codes, lengths, a, b)
