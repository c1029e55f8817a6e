# SPDX-License-Identifier: GPL-3.0-or-later
"""A second core for refining: a helper process diffs part of a coarse result's pairs.

Why a process: refining is two thirds Python (tokens, codes, runs) under the
GIL, so a second thread would only take turns with the first; a process runs
beside it, and on the two-core machines Twofold is measured on a 1 MB reworded
pair is refined in about half the time.

How the work is shared (``SharedRefinement``): the pairs are cut into batches of
about ``BATCH_CHARS``; the helper is handed every batch from the last one
backwards, and the calling thread takes them from the first one forwards,
taking back each batch the helper has not begun (``Future.cancel``), so the two
meet wherever the machine's load puts them. The helper returns each pair's
edits as one op byte and one length an edit, not as pickled objects, and this
side cuts the texts out of the paragraphs it already holds.

Constraints: the edits are exactly ``chardiff.inline_edits``', wherever they
run. The helper is spawned, never forked: the GUI process runs Qt threads, and
a forked copy of a threaded process can deadlock. A helper that dies or cannot
start costs only the speed: its batches are diffed here.
"""

from __future__ import annotations

import multiprocessing
import threading
from array import array
from collections.abc import Callable, Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeAlias

from twofold.engine.chardiff import inline_edits
from twofold.engine.errors import CompareCanceled
from twofold.engine.model import CompareOptions, Edit, Op

#: Characters (both sides) in one batch: some 20 ms of diffing, long enough that
#: a round trip to the helper is noise and short enough that the two sides meet
#: within one batch of each other.
BATCH_CHARS = 48_000
#: Below this many characters to diff the helper's round trips cost more than it saves.
MIN_PARALLEL_CHARS = 150_000
#: Files this big (bytes, both together) are worth spawning the helper for.
HELPER_WORTH_BYTES = 400_000
#: How often (seconds) a wait for the helper looks at the cancel flag.
_POLL = 0.05

#: The two texts of one pair to diff.
Job: TypeAlias = tuple[str, str]
#: One pair's edits as they cross the process boundary: op codes and run lengths.
Packed: TypeAlias = "tuple[bytes, array[int]]"

#: Op code of an edit on the wire: ``_CODE[op] + 3`` when the edit is ignored.
_CODE = {Op.EQUAL: 0, Op.DELETE: 1, Op.INSERT: 2}
_UNCODE = [
    (Op.EQUAL, False),
    (Op.DELETE, False),
    (Op.INSERT, False),
    (Op.EQUAL, True),
    (Op.DELETE, True),
    (Op.INSERT, True),
]


class RefineHelper:
    """One spawned process kept ready to diff batches of pairs.

    Spawning costs some 0.2 s of Python start-up and imports, so callers
    ``start`` it as soon as they know a big comparison is coming (the helper
    warms up while the alignment runs) and keep it for the next comparison.
    Thread-safe: the GUI starts it from a worker and stops it from the UI thread.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None

    def start(self) -> None:
        """Spawn the process now (it is spawned at most once until it breaks or stops)."""
        with self._lock:
            if self._executor is not None:
                return
            try:
                executor = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn")
                )
                executor.submit(_warm_up)  # the pool spawns on the first submit
            except (OSError, RuntimeError):  # no processes here (limits, frozen oddities)
                return
            self._executor = executor

    def executor(self) -> ProcessPoolExecutor | None:
        """The running pool, or None if the helper was never started or has stopped."""
        with self._lock:
            return self._executor

    def forget(self, executor: ProcessPoolExecutor) -> None:
        """Drop a pool that broke, so that the next ``start`` spawns a fresh one."""
        with self._lock:
            if self._executor is executor:
                self._executor = None
        executor.shutdown(wait=False, cancel_futures=True)

    def stop(self) -> None:
        """End the process without waiting for it (batches in flight are dropped)."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)


class SharedRefinement:
    """The edits of a list of jobs, diffed here and, for big lists, in the helper too.

    The helper is handed its batches at once, so it works while the caller
    still waits (the GUI puts its preview on screen first); ``finish`` joins
    in and returns every job's edits. ``close`` drops what the helper has not
    begun, for a caller that gives up before ``finish``.
    """

    def __init__(self, jobs: Sequence[Job], options: CompareOptions, helper: RefineHelper | None):
        self._jobs, self._options, self._helper = jobs, options, helper
        self._batches: list[tuple[int, int]] = []
        self._futures: dict[int, Future[list[Packed]]] = {}
        self._executor = executor = helper.executor() if helper is not None else None
        if executor is None or sum(len(a) + len(b) for a, b in jobs) < MIN_PARALLEL_CHARS:
            return
        self._batches = _batches(jobs)
        try:
            for k in reversed(range(len(self._batches))):
                start, end = self._batches[k]
                self._futures[k] = executor.submit(_diff_batch, list(jobs[start:end]), options)
        except (BrokenProcessPool, RuntimeError):  # died or stopped since it was started
            self._forget_helper()

    def finish(
        self, check: Callable[[], bool], report: Callable[[float], None]
    ) -> list[tuple[Edit, ...]]:
        """Every job's edits, in order.

        Raises:
            CompareCanceled: ``check`` returned True (the helper's batches are dropped).
        """
        if not self._batches:
            return _refine_here(self._jobs, self._options, check, report)
        jobs, options = self._jobs, self._options
        out: list[tuple[Edit, ...]] = [()] * len(jobs)
        done = 0

        def take(k: int, packed: list[Packed] | None) -> None:
            nonlocal done
            start, end = self._batches[k]
            if packed is None:  # the helper died: diff its batch here
                self._forget_helper()
                packed = [_pack(inline_edits(*job, options)) for job in jobs[start:end]]
            for n, edits in zip(range(start, end), packed, strict=True):
                out[n] = _unpack(edits, *jobs[n])
            done += end - start
            report(done / len(jobs))

        futures = self._futures
        taken: set[int] = set()  # the helper's batches unpacked so far
        try:
            for k, (start, end) in enumerate(self._batches):
                if check():
                    raise CompareCanceled("canceled")
                future = futures.get(k)
                if k in taken or (future is not None and not future.cancel()):
                    break  # the helper has (or had) this batch: the rest is its, too
                futures.pop(k, None)
                for n in range(start, end):
                    out[n] = inline_edits(*jobs[n], options)
                done += end - start
                report(done / len(jobs))
                # Unpacking is work for this side too: doing it as the helper's
                # batches arrive lets the two sides meet where both are done.
                for j in [j for j, f in futures.items() if f.done()]:
                    take(j, _wait(futures.pop(j), check))
                    taken.add(j)
            for k, future in sorted(futures.items()):
                take(k, _wait(future, check))
        finally:
            self.close()
        return out

    def close(self) -> None:
        """Take back every batch the helper has not begun."""
        for future in self._futures.values():
            future.cancel()
        self._futures.clear()

    def _forget_helper(self) -> None:
        if self._helper is not None and self._executor is not None:
            self._helper.forget(self._executor)


def _refine_here(
    jobs: Sequence[Job],
    options: CompareOptions,
    check: Callable[[], bool],
    report: Callable[[float], None],
) -> list[tuple[Edit, ...]]:
    out = []
    for n, (a, b) in enumerate(jobs):
        if n % 64 == 0:
            if check():
                raise CompareCanceled("canceled")
            report(n / max(1, len(jobs)))
        out.append(inline_edits(a, b, options))
    return out


def _batches(jobs: Sequence[Job]) -> list[tuple[int, int]]:
    """``(start, end)`` ranges of ``jobs`` of about ``BATCH_CHARS`` characters each."""
    out = []
    start = size = 0
    for n, (a, b) in enumerate(jobs):
        size += len(a) + len(b)
        if size >= BATCH_CHARS:
            out.append((start, n + 1))
            start, size = n + 1, 0
    if start < len(jobs):
        out.append((start, len(jobs)))
    return out


def _wait(future: Future[list[Packed]], check: Callable[[], bool]) -> list[Packed] | None:
    """The helper's answer for one batch; None if the helper broke down."""
    while True:
        if check():
            raise CompareCanceled("canceled")
        try:
            return future.result(timeout=_POLL)
        except TimeoutError:
            continue
        except (BrokenProcessPool, CancelledError):
            return None


def _warm_up() -> None:
    """Nothing: submitted once so that the pool spawns its process ahead of the work."""


def _diff_batch(jobs: list[Job], options: CompareOptions) -> list[Packed]:
    """Run in the helper: the packed edits of each job."""
    return [_pack(inline_edits(a, b, options)) for a, b in jobs]


def _pack(edits: tuple[Edit, ...]) -> Packed:
    codes = bytes(_CODE[e.op] + 3 * e.ignored for e in edits)
    return codes, array("q", [len(e.text) for e in edits])


def _unpack(packed: Packed, a: str, b: str) -> tuple[Edit, ...]:
    """The edits back from op codes and lengths: runs of A or B (both for EQUAL), in order."""
    codes, lengths = packed
    out = []
    ia = ib = 0
    uncode = _UNCODE
    for code, n in zip(codes, lengths, strict=True):
        op, ignored = uncode[code]
        if op is Op.INSERT:
            out.append(Edit(op, b[ib : ib + n], ignored))
            ib += n
        else:
            out.append(Edit(op, a[ia : ia + n], ignored))
            ia += n
            if op is Op.EQUAL:
                ib += n
    return tuple(out)
