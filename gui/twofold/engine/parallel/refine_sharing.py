# SPDX-License-Identifier: GPL-3.0-or-later
"""Sharing one refinement's pairs between this thread and the refine helper process.

How the work is shared (``SharedRefinement``): the pairs are cut into batches
of about ``ParallelTuning.batch_chars``; a feeder thread hands the helper one
batch at a time from the last one backwards, and the caller's thread diffs them
from the first one forwards, so the two meet wherever the machine's load puts
them. The helper returns each pair's edits as one op byte and one length an
edit, not as pickled objects (this side cuts the texts out of the paragraphs it
holds), with each pair's word counts, so that nothing of
the refinement is left to do on one core after the two have met.

Constraints: the edits are exactly ``chardiff.inline_edits``', wherever they
run. A helper that dies, answers nonsense or stops answering
(``ParallelTuning.patience_seconds``) costs only the speed: its batches are
diffed here.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from twofold.engine.errors import CompareCanceled
from twofold.engine.inline.chardiff import inline_edits
from twofold.engine.parallel.refine_helper import RefineHelper, tuning_of, warn
from twofold.engine.parallel.tuning import ParallelTuning
from twofold.engine.refiner import Job, Refined, sum_counts
from twofold.engine.result.edit_runs import EditRuns
from twofold.engine.result.model import CompareOptions
from twofold.engine.result.stats import EditCounts, edit_counts

if TYPE_CHECKING:  # the messages load with a helper process (``RefineHelper.diff_all``)
    from twofold.engine.parallel.helper_process import Answer, Packed


class SharedRefinement:
    """The edits of a list of jobs, diffed here and, for big lists, in the helper too.

    The helper's feeder starts at once, so the helper works while the caller
    still waits (the GUI puts its preview on screen first); ``finish`` joins in
    and returns every job's edits, and leaves their word counts
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
        self._from_helper = 0  # jobs whose edits came from the helper
        self._feeder: threading.Thread | None = None
        total = sum(sizes)
        if helper is None or total < self._tuning.min_parallel_chars:
            return
        if total < self._tuning.starting_chars and not helper.running:
            return  # a helper to start for this alone would cost more than it saves
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

    @property
    def with_helper(self) -> bool:
        """Whether the helper takes part (not for one huge pair, few changes or one core)."""
        return self._feeder is not None

    @property
    def waiting(self) -> int:
        """Batches neither side has taken yet (0 before ``finish``: the helper has them all)."""
        with self._lock:
            return self._back - self._front

    @property
    def from_helper(self) -> int:
        """Jobs whose edits the helper made: its share of the work, for a bench or a log."""
        return self._from_helper

    def finish(self, check: Callable[[], bool], report: Callable[[float], None]) -> list[Refined]:
        """Every job's edits, in order; ``counts`` then counts them all.

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
                        warn("refine helper stopped answering; refining here")
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
            self._out[n] = edits
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
                pairs = zip(range(start, end), batch.packed, strict=True)
                refined = [unpack(p, *self._jobs[n]) for n, p in pairs]
                counted = sum_counts(batch.counts)
            except (ValueError, TypeError, IndexError) as exc:  # not edits of these texts
                warn("refine helper answered nonsense (%s); refining here", exc)
                self.close()  # no more batches to it; then end it
                if self._helper is not None:
                    self._helper.stop()
            else:
                self._out[start:end] = refined
                self._from_helper += end - start
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
            if len(answer.packed) != len(answer.counts):
                raise ValueError("a pair without its counts")
            if len(answer.packed) != end - start:
                raise ValueError("an answer for another batch")
            self._answers.put((start, end, answer))

        try:
            self._helper.diff_all(next_batch, take, self._options)
        finally:
            self._answers.put(None)


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


def unpack(packed: Packed, a: str, b: str) -> EditRuns:
    """The edits of ``a`` and ``b`` from the helper's op codes and lengths (its ``pack``).

    Raises:
        ValueError: the runs do not cover both texts exactly.
    """
    codes, lengths = packed
    return EditRuns.checked(codes, lengths, a, b)
