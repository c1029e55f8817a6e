# SPDX-License-Identifier: GPL-3.0-or-later
"""A head start on refining: the helper diffs likely pairs while the alignment runs.

Why: aligning a big reworded pair keeps one core busy for a while, while the
other core (and the helper process, once started) has nothing to do. Most
paragraphs of a revised document are changed where they stand, so a cheap
greedy walk down both documents (``pair_guess``) names most of the pairs the
alignment will make. The helper guesses and diffs those pairs meanwhile; the
refinement then takes the answers of the pairs the alignment did make (the
same two paragraphs, so the same edits) and diffs only the others.

Why the guessing runs in the helper: done here, in a thread, it took the GIL
from the alignment (as much of the first screen's delay as it saved later;
``bench/refine_helper_bench.py``'s head start table). Here only the paragraphs
are encoded and sent, once.

Constraints: a wrong guess costs only the helper's time; the result is the same
with or without a head start.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from itertools import accumulate, compress, takewhile
from operator import sub
from typing import TYPE_CHECKING

from twofold.engine.parallel.refine_helper import RefineHelper, tuning_of
from twofold.engine.parallel.tuning import ParallelTuning
from twofold.engine.refiner import Answered, Sides
from twofold.engine.result.model import CompareOptions
from twofold.engine.result.spans import Segments, Span, span_bounds
from twofold.engine.tuning import DEFAULT_COMPARE_TUNING

if TYPE_CHECKING:  # the messages load with a helper process (``RefineHelper.diff_guesses``)
    from twofold.engine.parallel.helper_process import GuessAnswer


class HeadStart:
    """Has the helper guess and diff the pairs of one comparison until the alignment is done.

    ``begin`` (called by ``pipeline.compare`` once it has the paragraphs) starts
    a thread that sends the paragraphs to the helper, starting it if they are
    worth it, and collects the answers; ``stop`` (called when the alignment is
    done) ends the asking and returns the answers that have come. The two
    batches asked for ahead still come back, to nobody.

    Args:
        tuning: how many changed characters are worth it and how many are sent;
            None means the helper's own (``RefineHelper.tuning``).
    """

    def __init__(self, helper: RefineHelper | None, tuning: ParallelTuning | None = None) -> None:
        self._helper = helper
        self._tuning = tuning_of(helper, tuning)
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._answered: dict[tuple[int, int], Answered] = {}
        #: the thread talking to the helper, once begun
        self._thread: threading.Thread | None = None
        #: what it was begun on, until a second ``begin`` confirms it (``launch_start``)
        self._inputs: Sides | None = None

    def begin(self, sides: Sides) -> None:
        """Start the helper on the paragraphs, unless no helper, one core or few changes.

        Called again once begun (a head start begun at launch, then by
        ``compare``), it goes on if the texts, paragraphs and options are the
        same, and otherwise stops: its answers would name other paragraphs.

        The match keys tell how much changed: the alignment hashes them anyway
        (Python keeps a string's hash), so only the head starts that run encode
        the paragraphs.
        """
        if self._thread is not None:
            if self._inputs != sides:
                self.stop()
                with self._lock:
                    self._answered.clear()
            self._inputs = None  # checked once; the texts are not kept for it
            return
        if self._helper is None or self._closed.is_set() or not self._tuning.spare_core():
            return
        limit, enough = self._tuning.head_start_chars, self._tuning.min_parallel_chars
        if not _enough_changed(sides.segs_a, *sides.keys, limit, enough):
            return  # few paragraphs changed: the refinement is short without a head start
        paragraphs_a = _utf8(sides.text_a, sides.segs_a, limit)
        paragraphs_b = _utf8(sides.text_b, sides.segs_b, limit)
        self._inputs = sides
        self._thread = threading.Thread(
            target=self._run,
            args=(paragraphs_a, paragraphs_b, sides.options),
            name="refine-head-start",
            daemon=True,
        )
        self._thread.start()

    @property
    def begun(self) -> bool:
        """Whether the helper was set to work (``begin`` may decline: one core, few changes)."""
        return self._thread is not None

    @property
    def answered(self) -> int:
        """How many guessed pairs the helper has answered so far (what it saved, for a log)."""
        with self._lock:
            return len(self._answered)

    @property
    def stopped(self) -> bool:
        """Whether ``stop`` was called: no more is asked, and later answers are dropped."""
        return self._closed.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the helper has answered every guess, or the asking ended; True then.

        For a caller that wants all a head start can give rather than the
        alignment's race with it (``bench/refine_helper_bench.py`` measures the
        race). True at once when it never began.
        """
        thread = self._thread
        if thread is None:
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def stop(self) -> dict[tuple[int, int], Answered]:
        """Stop asking the helper; the answers so far, by ``(paragraph of A, paragraph of B)``."""
        self._closed.set()
        with self._lock:
            return dict(self._answered)

    def _run(
        self, paragraphs_a: list[bytes], paragraphs_b: list[bytes], options: CompareOptions
    ) -> None:
        helper = self._helper
        assert helper is not None
        helper.start()
        helper.diff_guesses((paragraphs_a, paragraphs_b), options, self._closed, self._take)

    def _take(self, batch: GuessAnswer) -> None:
        pairs, answer = batch.pairs, batch.answer
        packed, counts = answer.packed, answer.counts
        if not len(pairs) == len(packed) == len(counts):
            raise ValueError("an answer for another batch")
        answered = {
            (int(i), int(j)): Answered(codes, lengths, tuple(pair_counts))
            for (i, j), (codes, lengths), pair_counts in zip(pairs, packed, counts, strict=True)
        }
        with self._lock:
            if not self._closed.is_set():
                self._answered.update(answered)


def _sent(segs: Sequence[Span], limit: int) -> Sequence[Span]:
    """The first paragraphs, ``limit`` characters of them: what a head start is sent."""
    return segs[: len(_sent_sizes(segs, limit))]


def _sent_sizes(segs: Sequence[Span], limit: int) -> list[int]:
    """The characters of each paragraph ``_sent`` gives, added up and measured in C."""
    if isinstance(segs, Segments):
        starts: Sequence[int] = segs.starts
        ends: Sequence[int] = segs.ends
    else:
        starts, ends = [span.start for span in segs], [span.end for span in segs]
    count = len(list(takewhile(limit.__ge__, accumulate(map(sub, ends, starts)))))
    return list(map(sub, ends[:count], starts[:count]))


def _enough_changed(
    segs_a: Sequence[Span], keys_a: Sequence[str], keys_b: Sequence[str], limit: int, enough: int
) -> bool:
    """Whether A's paragraphs to be sent (``limit`` characters) hold ``enough`` that B has not.

    Why B's first paragraphs first: a set of all of B's keys was most of this
    check, and most of A's first paragraphs stand among B's first ones. What
    B's head lacks only overstates what B lacks, so less than ``enough`` there
    is the answer; only more is counted again against all of B.
    """
    sizes = _sent_sizes(segs_a, limit)
    keys = keys_a[: len(sizes)]
    near = _changed_chars(sizes, keys, keys_b[: 2 * len(sizes)])
    return near >= enough and _changed_chars(sizes, keys, keys_b) >= enough


def _changed_chars(sizes: list[int], keys_a: Sequence[str], keys_b: Sequence[str]) -> int:
    """Characters of the paragraphs (``sizes``, ``keys_a``) whose key ``keys_b`` has not."""
    in_b = set(keys_b)
    return sum(sizes) - sum(compress(sizes, map(in_b.__contains__, keys_a)))


def _utf8(text: str, segs: Sequence[Span], limit: int) -> list[bytes]:
    """The paragraphs to be sent (``limit`` characters at most), in UTF-8, each.

    A huge one is left empty (never guessed): it would hold the helper long,
    with much memory, and it is refined on its own anyway.
    """
    longest = DEFAULT_COMPARE_TUNING.huge_pair_chars // 2  # what the helper diffs with
    return [
        (text[start:end] if end - start <= longest else "").encode("utf-8", "surrogatepass")
        for start, end in span_bounds(_sent(segs, limit))
    ]
