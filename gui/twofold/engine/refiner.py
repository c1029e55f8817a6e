# SPDX-License-Identifier: GPL-3.0-or-later
"""What ``pipeline`` asks of whoever diffs a coarse result's pairs: the ``Refiner`` protocol.

Why a protocol: the pipeline is pure and reads without a thread in sight,
while a big pair is refined faster with a second core (a helper process, a
head start that diffs likely pairs while the alignment runs). Those live in
``engine.parallel`` and implement this protocol; the pipeline only calls it,
and ``LocalRefiner`` (the default) diffs every pair here, in order.

Constraints: a refiner changes only the speed. Its answers are checked
against the texts by the pipeline, and the result is the one ``LocalRefiner``
gives.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol, TypeAlias

from twofold.engine.errors import CompareCanceled
from twofold.engine.inline.chardiff import inline_edits
from twofold.engine.result.edit_runs import EditRuns
from twofold.engine.result.model import CompareOptions
from twofold.engine.result.spans import Span
from twofold.engine.result.stats import EditCounts, edit_counts
from twofold.engine.tuning import DEFAULT_COMPARE_TUNING, CompareTuning

#: The two texts of one pair to diff.
Job: TypeAlias = tuple[str, str]
#: A pair's edits, over its job's texts. (No similarity of them: a pair keeps the
#: pairing score the alignment gave it.)
Refined: TypeAlias = EditRuns


@dataclass(frozen=True, slots=True)
class Sides:
    """Both texts cut into paragraphs: what a refiner is told before the alignment.

    Equal when the texts, paragraphs and options are: the keys follow from
    those, so they are left out of the comparison (a head start begun at
    launch checks that ``compare`` means the same paragraphs).
    """

    text_a: str
    segs_a: Sequence[Span]
    text_b: str
    segs_b: Sequence[Span]
    options: CompareOptions
    #: each side's paragraph match keys
    keys: tuple[Sequence[str], Sequence[str]] = field(compare=False)


class Answered(NamedTuple):
    """An early answer for one pair: packed edits, edit counts."""

    codes: bytes
    lengths: array[int]
    counts: tuple[int, ...]


class Sharing(Protocol):
    """One list of jobs being diffed, begun by ``Refiner.share``."""

    @property
    def counts(self) -> EditCounts:
        """``edit_counts`` of every job's edits, once ``finish`` has returned."""
        ...

    def finish(self, check: Callable[[], bool], report: Callable[[float], None]) -> list[Refined]:
        """Every job's edits, in order.

        Raises:
            CompareCanceled: ``check`` returned True.
        """
        ...

    def close(self) -> None:
        """Give up: nothing more is begun for these jobs."""
        ...


class Refiner(Protocol):
    """Diffs the changed pairs of one comparison, here or with help."""

    def begin(self, sides: Sides) -> None:
        """The paragraphs are known (``compare`` is about to align): diff likely pairs early."""
        ...

    def stop_guessing(self) -> Mapping[tuple[int, int], Answered]:
        """The alignment is done: the early answers, by ``(paragraph of A, paragraph of B)``."""
        ...

    def share(self, jobs: Sequence[Job], sizes: Sequence[int], options: CompareOptions) -> Sharing:
        """Begin diffing ``jobs`` (``sizes[n]``: characters of job ``n``, both sides).

        ``jobs[n]`` may cut its texts out only when asked.
        """
        ...


class LocalRefiner:
    """The refiner without help: no early answers, every pair diffed by the caller's thread.

    ``tuning``: how each pair is diffed and how many between looks at the cancel flag.
    """

    def __init__(self, tuning: CompareTuning = DEFAULT_COMPARE_TUNING) -> None:
        self._tuning = tuning

    def begin(self, sides: Sides) -> None:
        """Nothing to begin: pairs are diffed once the alignment has made them."""

    def stop_guessing(self) -> Mapping[tuple[int, int], Answered]:
        return {}

    def share(self, jobs: Sequence[Job], sizes: Sequence[int], options: CompareOptions) -> Sharing:
        return LocalSharing(jobs, options, self._tuning)


class LocalSharing:
    """Jobs diffed here, in order, ``tuning.jobs_per_check`` between looks at the cancel flag."""

    def __init__(
        self,
        jobs: Sequence[Job],
        options: CompareOptions,
        tuning: CompareTuning = DEFAULT_COMPARE_TUNING,
    ) -> None:
        self._jobs, self._options, self._tuning = jobs, options, tuning
        self.counts = EditCounts()

    def finish(self, check: Callable[[], bool], report: Callable[[float], None]) -> list[Refined]:
        jobs, out, step = self._jobs, list[Refined](), max(1, self._tuning.jobs_per_check)
        for start in range(0, len(jobs), step):
            if check():
                raise CompareCanceled("canceled")
            report(start / max(1, len(jobs)))
            batch = range(start, min(len(jobs), start + step))
            edit_lists = [inline_edits(*jobs[n], self._options, self._tuning) for n in batch]
            out += edit_lists
            self.counts = self.counts.plus(edit_counts(edit_lists))
        return out

    def close(self) -> None:
        """Nothing runs beside the caller."""


def sum_counts(counts: Sequence[Sequence[int]]) -> EditCounts:
    """The ``EditCounts`` of pairs from per-pair count tuples (a helper's answers).

    Raises:
        TypeError: something else than four counts came for a pair.
    """
    width = len(EditCounts._fields)
    if any(len(pair_counts) != width for pair_counts in counts):
        raise TypeError("four counts a pair")
    if not counts:
        return EditCounts()
    # Column by column, in C: adding pair by pair made an EditCounts per pair.
    return EditCounts(*(int(sum(column)) for column in zip(*counts, strict=True)))
