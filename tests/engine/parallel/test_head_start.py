# SPDX-License-Identifier: GPL-3.0-or-later
"""The head start: guessed pairs diffed by the helper are kept only where the alignment agrees."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace

import pytest

from support import doc
from twofold.engine.parallel import helper_process
from twofold.engine.parallel.head_start import HeadStart
from twofold.engine.parallel.pair_guess import guess_pairs
from twofold.engine.parallel.refine_helper import RefineHelper
from twofold.engine.parallel.shared_refiner import SharedRefiner
from twofold.engine.parallel.tuning import ParallelTuning
from twofold.engine.pipeline import Refinement, compare
from twofold.engine.refiner import Answered, Job, Sharing, Sides
from twofold.engine.result.model import CompareOptions, DiffResult

WORDS = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "zeta",
    "eta",
    "theta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
]


def _paragraph(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) + str(rng.randrange(1000)) for _ in range(30))


def _reworded(text: str, rng: random.Random) -> str:
    words = text.split()
    for _ in range(4):
        words[rng.randrange(len(words))] = "changed"
    return " ".join(words)


def _pair(seed: int = 7) -> tuple[str, str]:
    """A revision: most paragraphs reworded in place, one inserted, one deleted, one moved far."""
    rng = random.Random(seed)
    a = [_paragraph(rng) for _ in range(60)]
    b = [_reworded(p, rng) if n % 5 else p for n, p in enumerate(a)]
    b.insert(20, _paragraph(rng))
    del b[41]
    b.insert(50, b.pop(3))
    return "\n\n".join(a) + "\n", "\n\n".join(b) + "\n"


@pytest.fixture
def helper(helper_for_any_size: ParallelTuning) -> Iterator[RefineHelper]:
    """A helper worth using for the small test pairs, on any machine."""
    started = RefineHelper(helper_for_any_size)
    yield started
    started.stop()


def test_the_guess_walks_both_documents_in_order() -> None:
    a = [b"one two three four", b"same here", b"five six seven eight", b"gone for good", b"x y"]
    b = [
        b"one two three FOUR",
        b"same here",
        b"new one entirely",
        b"five six seven eight!",
        b"x y z",
    ]
    # Unchanged ones are not guessed, an inserted one is skipped, a deleted one passed over.
    assert guess_pairs(a, b) == [(0, 0), (2, 3), (4, 4)]
    assert guess_pairs([b"", b"a b"], [b"", b"a b c"]) == [(1, 1)]  # empty: left out


def _sides(result: DiffResult) -> Sides:
    """What ``compare`` tells a refiner about ``result``'s texts (keys: the paragraphs)."""
    keys = (
        [result.a.text[s.start : s.end] for s in result.a_segments],
        [result.b.text[s.start : s.end] for s in result.b_segments],
    )
    return Sides(
        result.a.text, result.a_segments, result.b.text, result.b_segments, result.options, keys
    )


def _begun(result: DiffResult, helper: RefineHelper) -> HeadStart:
    """A head start run to its end on ``result``'s documents (not racing the alignment)."""
    started = HeadStart(helper)
    started.begin(_sides(result))
    assert started.begun
    assert started.wait(60)
    return started


@pytest.mark.parametrize(
    "opts",
    [CompareOptions(), CompareOptions(ignore_whitespace=True, ignore_case=True)],
    ids=["default", "folding"],
)
def test_the_head_starts_answers_give_the_same_result(
    helper: RefineHelper, opts: CompareOptions
) -> None:
    a, b = _pair()
    coarse = compare(doc(a), doc(b), opts, inline=False)
    refinement = Refinement(coarse, SharedRefiner(helper, _begun(coarse, helper)))
    assert refinement.taken_early > 40  # most changed pairs came from the head start
    assert refinement.left_to_diff  # the moved paragraph was too far to guess
    assert refinement.finish() == compare(doc(a), doc(b), opts)


class _Garbled:
    """A refiner gone wrong: the head start's first answer spoiled by ``spoil``."""

    def __init__(self, refiner: SharedRefiner, spoil: Callable[[Answered], Answered]) -> None:
        self._refiner, self._spoil = refiner, spoil

    def begin(self, sides: Sides) -> None:
        self._refiner.begin(sides)

    def stop_guessing(self) -> Mapping[tuple[int, int], Answered]:
        answered = dict(self._refiner.stop_guessing())
        key = next(iter(answered))
        answered[key] = self._spoil(answered[key])
        return answered

    def share(self, jobs: Sequence[Job], sizes: Sequence[int], options: CompareOptions) -> Sharing:
        return self._refiner.share(jobs, sizes, options)


def test_an_answer_that_does_not_fit_is_diffed_again(helper: RefineHelper) -> None:
    a, b = _pair()
    coarse = compare(doc(a), doc(b), inline=False)
    refiner = SharedRefiner(helper, _begun(coarse, helper))
    a_run_short = _Garbled(refiner, lambda wrong: wrong._replace(lengths=wrong.lengths[:-1]))
    assert Refinement(coarse, a_run_short).finish() == compare(doc(a), doc(b))


@pytest.mark.parametrize("counts", [(1, 2), ("many", 0, 0, 0)], ids=["two counts", "not a number"])
def test_an_answer_with_bad_counts_is_diffed_again(
    helper: RefineHelper, counts: tuple[object, ...]
) -> None:
    a, b = _pair()
    coarse = compare(doc(a), doc(b), inline=False)
    refiner = SharedRefiner(helper, _begun(coarse, helper))
    miscounted = _Garbled(refiner, lambda wrong: wrong._replace(counts=counts))
    assert Refinement(coarse, miscounted).finish() == compare(doc(a), doc(b))


def test_compare_begins_it_and_the_result_is_the_same(helper: RefineHelper) -> None:
    a, b = _pair(seed=11)
    started = HeadStart(helper)
    refiner = SharedRefiner(helper, started)
    coarse = compare(doc(a), doc(b), inline=False, refiner=refiner)
    assert started.begun
    assert Refinement(coarse, refiner).finish() == compare(doc(a), doc(b))


def test_no_head_start_without_a_helper_one_core_or_changes(helper: RefineHelper) -> None:
    a, b = _pair()
    coarse = compare(doc(a), doc(b), inline=False)
    sides = _sides(coarse)
    none = HeadStart(None)
    none.begin(sides)
    assert not none.begun
    one_core = HeadStart(helper, replace(helper.tuning, cores=1))
    one_core.begin(sides)
    assert not one_core.begun
    unchanged_enough = HeadStart(helper, replace(helper.tuning, min_parallel_chars=10**9))
    unchanged_enough.begin(sides)
    assert not unchanged_enough.begun
    assert not helper.running


def test_a_stopped_head_start_keeps_nothing_later_and_frees_the_helper(
    helper: RefineHelper,
) -> None:
    a, b = _pair()
    coarse = compare(doc(a), doc(b), inline=False)
    started = HeadStart(helper)
    started.stop()
    started.begin(_sides(coarse))
    assert not started.begun  # stopped before it began: nothing sent
    assert Refinement(coarse, SharedRefiner(helper, started)).finish() == compare(doc(a), doc(b))


def test_the_helper_answers_guesses_then_forgets_them() -> None:
    import io

    a = [b"one two three four", b"five six"]
    b = [b"one two three FOUR", b"five six seven"]
    requests = io.BytesIO()
    for message in (
        helper_process.Guess(a, b, CompareOptions(), 10),
        helper_process.NextGuesses(),
        helper_process.NextGuesses(),
        helper_process.NextGuesses(),
        helper_process.Forget(),
        helper_process.NextGuesses(),
    ):
        helper_process.send(requests, message)
    requests.seek(0)
    answers = io.BytesIO()
    helper_process.serve(requests, answers)
    answers.seek(0)
    got = [helper_process.receive(answers) for _ in range(4)]
    done = helper_process.GuessesDone()
    assert [getattr(batch, "pairs", batch) for batch in got] == [[(0, 0)], [(1, 1)], done, done]
    with pytest.raises(EOFError):
        helper_process.receive(answers)
