# SPDX-License-Identifier: GPL-3.0-or-later
"""The helper process refines exactly what this process would; losing it costs only speed."""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support import DEMO, GUI, assert_invariants, doc, read_pair
from twofold import cli
from twofold.engine.errors import CompareCanceled
from twofold.engine.inline.chardiff import inline_edits
from twofold.engine.parallel import helper_process, refine_helper, refine_sharing
from twofold.engine.parallel.refine_helper import RefineHelper
from twofold.engine.parallel.refine_sharing import SharedRefinement
from twofold.engine.parallel.shared_refiner import SharedRefiner
from twofold.engine.parallel.tuning import ParallelTuning, usable_cpus
from twofold.engine.pipeline import Refinement, compare, refine
from twofold.engine.result.kinds import Granularity, PairKind
from twofold.engine.result.model import CompareOptions, DiffResult
from twofold.engine.result.stats import edit_counts

OPTIONS = [
    CompareOptions(),
    CompareOptions(ignore_whitespace=True, ignore_case=True, ignore_typography=True),
    CompareOptions(granularity=Granularity.CHARACTER),
]


def _texts() -> list[tuple[str, str]]:
    demo = tuple(
        (DEMO / n).read_text("utf-8") for n in ("gettysburg-nicolay.txt", "gettysburg-bliss.txt")
    )
    return [read_pair("pep1_mixed"), (demo[0], demo[1])]


def _coarse(a: str, b: str, opts: CompareOptions) -> DiffResult:
    return compare(doc(a), doc(b), opts, inline=False)


@pytest.fixture(scope="module")
def helper() -> Iterator[RefineHelper]:
    started = RefineHelper()
    started.start()
    yield started
    started.stop()


@pytest.fixture
def small_batches(helper_for_any_size: ParallelTuning) -> ParallelTuning:
    """Batches of a few paragraphs, and the helper used for any size: many hand-overs."""
    return replace(helper_for_any_size, batch_chars=300)


def _wait_until(done: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 60
    while not done():
        assert time.monotonic() < deadline, "the helper never got there"
        time.sleep(0.01)


@pytest.mark.parametrize("opts", OPTIONS, ids=["default", "folding", "characters"])
def test_shared_refinement_equals_refining_here(
    helper: RefineHelper, small_batches: ParallelTuning, opts: CompareOptions
) -> None:
    for a, b in _texts():
        coarse = _coarse(a, b, opts)
        with_helper = refine(coarse, refiner=SharedRefiner(helper, tuning=small_batches))
        assert with_helper == refine(coarse) == compare(doc(a), doc(b), opts)
        assert_invariants(with_helper)


def _shared(refinement: Refinement) -> SharedRefinement:
    """The refinement's sharing, with the helper taking part."""
    sharing = refinement.sharing
    assert isinstance(sharing, SharedRefinement)
    assert sharing.with_helper
    return sharing


def test_batches_the_helper_did_come_back_exactly(
    helper: RefineHelper, small_batches: ParallelTuning
) -> None:
    """Every batch from the helper (it is left alone until done), unpacked here."""
    a, b = read_pair("pep1_mixed")
    coarse = _coarse(a, b, CompareOptions())
    refinement = Refinement(coarse, SharedRefiner(helper, tuning=small_batches))
    shared = _shared(refinement)
    _wait_until(lambda: shared.waiting == 0)  # the helper has every batch
    refined = refinement.finish()
    assert refined == compare(doc(a), doc(b))
    changed = [p for p in coarse.pairs if p.kind in (PairKind.CHANGED, PairKind.MOVED)]
    assert shared.from_helper == refinement.left_to_diff == len(changed) > 10


@given(
    st.text(st.sampled_from("ab cΣς\u2019\n\t."), max_size=40),
    st.text(st.sampled_from("ab cΣς\u2019\n\t."), max_size=40),
    st.sampled_from(OPTIONS),
)
@settings(max_examples=200)
def test_packed_edits_unpack_to_the_same_edits(a: str, b: str, opts: CompareOptions) -> None:
    edits = inline_edits(a, b, opts)
    assert refine_sharing.unpack(helper_process.pack(edits), a, b) == edits


#: Stand-ins for the helper: one that dies after its first request, one that
#: answers every request with edits of other texts.
DIES = "import sys; sys.stdin.buffer.read(8); sys.exit(3)"
LIES = """
import sys
from twofold.engine.parallel import helper_process as h
while True:
    batch = h.receive_request(sys.stdin.buffer)
    h.send(sys.stdout.buffer, h.answer([('x', 'y')] * len(batch.jobs), batch.options))
"""


@pytest.mark.parametrize("stand_in", [DIES, LIES], ids=["dies", "lies"])
def test_a_helper_that_fails_costs_only_speed(stand_in: str, small_batches: ParallelTuning) -> None:
    failing = RefineHelper(small_batches, command=[sys.executable, "-c", stand_in])
    failing.start()
    a, b = read_pair("pep1_mixed")
    coarse = _coarse(a, b, CompareOptions())
    refinement = Refinement(coarse, SharedRefiner(failing))
    shared = _shared(refinement)
    # Dead on its first batch, or (lying) holding answers for every batch.
    _wait_until(lambda: not failing.running or shared.waiting == 0)
    assert refinement.finish() == compare(doc(a), doc(b))
    assert shared.from_helper == 0  # nothing it said was taken
    assert not failing.running  # ended: the next start begins a fresh one
    failing.start()
    assert failing.running
    assert refine(coarse, refiner=SharedRefiner(failing)) == compare(doc(a), doc(b))
    failing.stop()


def test_a_helper_that_hangs_is_killed_and_its_batches_diffed_here(
    small_batches: ParallelTuning,
) -> None:
    hangs = "import time\nwhile True: time.sleep(1)"  # reads nothing, answers nothing
    stuck = RefineHelper(
        replace(small_batches, patience_seconds=0.3), command=[sys.executable, "-c", hangs]
    )
    a, b = read_pair("pep1_mixed")
    assert refine(_coarse(a, b, CompareOptions()), refiner=SharedRefiner(stuck)) == compare(
        doc(a), doc(b)
    )
    assert not stuck.running


def test_a_helper_that_cannot_start_refines_here() -> None:
    missing = RefineHelper(command=["/nonexistent/python"])
    missing.start()
    assert not missing.running
    a, b = read_pair("pep1_mixed")
    assert refine(_coarse(a, b, CompareOptions()), refiner=SharedRefiner(missing)) == compare(
        doc(a), doc(b)
    )


def test_the_helper_runs_from_a_frozen_build_on_its_own_executable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert refine_helper.helper_command() == [sys.executable, helper_process.HELPER_ARG]


def test_python_m_twofold_serves_as_the_helper_given_its_argument() -> None:
    """What a frozen build runs: ``twofold.__main__`` with the helper's argument."""
    options = CompareOptions()
    request = pickle.dumps(helper_process.DiffBatch([("one two", "one three")], options))
    env = {**os.environ, "PYTHONPATH": str(GUI)}
    run = subprocess.run(
        [sys.executable, "-m", "twofold", helper_process.HELPER_ARG],
        input=helper_process.HEADER.pack(len(request)) + request,
        capture_output=True,
        env=env,
        timeout=60,
        check=True,
    )
    answer = pickle.loads(run.stdout[helper_process.HEADER.size :])
    edits = inline_edits("one two", "one three", options)
    assert refine_sharing.unpack(answer.packed[0], "one two", "one three") == edits
    assert not hasattr(answer, "similarities")  # a pair keeps its pairing score
    assert answer.counts == [tuple(edit_counts([edits]))]


@pytest.mark.parametrize(
    "message",
    [(["one", "two"], CompareOptions()), ("next",), "junk", None],
    ids=["untyped batch", "tag tuple", "string", "none"],
)
def test_the_helper_ends_quietly_on_a_message_of_no_known_kind(message: object) -> None:
    """Its other side sees the pipe close and refines alone; no traceback, no answer."""
    requests = io.BytesIO()
    body = pickle.dumps(message)
    requests.write(helper_process.HEADER.pack(len(body)) + body)
    helper_process.send(requests, helper_process.DiffBatch([("a", "b")], CompareOptions()))
    requests.seek(0)
    answers = io.BytesIO()
    helper_process.serve(requests, answers)
    assert answers.getvalue() == b""


def test_an_answer_of_another_kind_is_refused() -> None:
    pipe = io.BytesIO()
    helper_process.send(pipe, helper_process.GuessesDone())
    pipe.seek(0)
    with pytest.raises(ValueError, match="GuessesDone where Answer belongs"):
        helper_process.receive_as(pipe, helper_process.Answer)


def test_cancel_stops_and_leaves_the_helper_usable(
    helper: RefineHelper, small_batches: ParallelTuning
) -> None:
    a, b = read_pair("pep1_mixed")
    coarse = _coarse(a, b, CompareOptions())
    calls = iter(range(3))
    with pytest.raises(CompareCanceled):
        refine(
            coarse,
            refiner=SharedRefiner(helper, tuning=small_batches),
            should_cancel=lambda: next(calls, None) is None,
        )
    assert refine(coarse, refiner=SharedRefiner(helper, tuning=small_batches)) == compare(
        doc(a), doc(b)
    )


def test_no_helper_or_a_stopped_one_refines_here() -> None:
    a, b = read_pair("pep1_mixed")
    coarse = _coarse(a, b, CompareOptions())
    stopped = RefineHelper()
    stopped.start()
    stopped.stop()
    assert not stopped.running
    direct = compare(doc(a), doc(b))
    assert (
        refine(coarse, refiner=SharedRefiner(stopped))
        == refine(coarse, refiner=SharedRefiner(None))
        == direct
    )


def test_progress_rises_to_one_with_the_helper(
    helper: RefineHelper, small_batches: ParallelTuning
) -> None:
    a, b = read_pair("pep1_mixed")
    seen: list[float] = []
    refiner = SharedRefiner(helper, tuning=small_batches)
    refine(_coarse(a, b, CompareOptions()), refiner=refiner, progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


def test_cli_output_is_the_same_with_the_helper(
    capsys: pytest.CaptureFixture[str], small_batches: ParallelTuning
) -> None:
    pair = Path(__file__).resolve().parents[2] / "data" / "pairs" / "pep1_mixed"
    args = ["--json", str(pair / "a.txt"), str(pair / "b.txt")]
    outputs = []
    for worth in (10**12, 0):  # never, then always
        tuning = replace(small_batches, helper_worth_bytes=worth)
        assert cli.main(args, tuning) == cli.EXIT_DIFFERENT
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]


def test_one_huge_pair_stays_here(helper: RefineHelper) -> None:
    """A single batch cannot be shared: handing it over would only move its memory."""
    a, b = read_pair("pep1_mixed")
    shared = SharedRefinement([(a, b)], [len(a) + len(b)], CompareOptions(), helper)
    assert not shared.with_helper
    edits = inline_edits(a, b, CompareOptions())
    assert shared.finish(lambda: False, lambda _f: None) == [edits]


def test_the_helper_starts_only_when_there_is_work_to_share(
    small_batches: ParallelTuning,
) -> None:
    lazy = RefineHelper()
    a, b = read_pair("pep1_mixed")
    # Under the default tuning's min_parallel_chars: not worth starting.
    refine(_coarse(a, b, CompareOptions()), refiner=SharedRefiner(lazy))
    assert not lazy.running
    one_core = SharedRefiner(lazy, tuning=replace(small_batches, cores=1))
    assert refine(_coarse(a, b, CompareOptions()), refiner=one_core) == compare(doc(a), doc(b))
    assert not lazy.running  # one core: a helper would only take turns with this process
    two_cores = SharedRefiner(lazy, tuning=replace(small_batches, cores=2))
    assert refine(_coarse(a, b, CompareOptions()), refiner=two_cores) == compare(doc(a), doc(b))
    assert lazy.running
    lazy.stop()


def test_a_helper_is_started_after_the_alignment_only_for_enough_to_diff(
    small_batches: ParallelTuning,
) -> None:
    """The command line's tuning: a running helper shares the work, none is started for it."""
    lazy = RefineHelper()
    a, b = read_pair("pep1_mixed")
    expected = compare(doc(a), doc(b))
    sizable = replace(small_batches, cores=2, min_starting_chars=10**9)
    alone = Refinement(_coarse(a, b, CompareOptions()), SharedRefiner(lazy, tuning=sizable))
    assert alone.finish() == expected
    assert not alone.sharing.with_helper
    assert not lazy.running
    lazy.start()  # running already: started by a head start, or for the comparison before
    shared = Refinement(_coarse(a, b, CompareOptions()), SharedRefiner(lazy, tuning=sizable))
    assert shared.finish() == expected
    assert shared.sharing.with_helper, "the running helper shared the work"
    lazy.stop()


def test_an_unused_helper_ends_by_itself_and_a_later_refinement_starts_another(
    small_batches: ParallelTuning,
) -> None:
    # long enough that a loaded machine never ends it between the refinement and the check
    idle = RefineHelper(replace(small_batches, idle_seconds=2.0))
    a, b = read_pair("pep1_mixed")
    refine(_coarse(a, b, CompareOptions()), refiner=SharedRefiner(idle))
    assert idle.running
    _wait_until(lambda: not idle.running)
    assert refine(_coarse(a, b, CompareOptions()), refiner=SharedRefiner(idle)) == compare(
        doc(a), doc(b)
    )
    assert idle.running
    assert idle.idle_end_pending
    idle.stop()
    assert not idle.idle_end_pending


def test_usable_cpus_follow_the_affinity() -> None:
    assert 1 <= usable_cpus() <= (os.cpu_count() or 1)


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX priorities")
def test_the_helper_runs_below_the_window(
    helper: RefineHelper, small_batches: ParallelTuning
) -> None:
    """It takes only the core the window leaves idle."""
    a, b = read_pair("pep1_mixed")
    refiner = SharedRefiner(helper, tuning=small_batches)
    refine(_coarse(a, b, CompareOptions()), refiner=refiner)  # it has served: it set its priority
    pid = helper.pid
    assert pid is not None
    mine = os.getpriority(os.PRIO_PROCESS, 0)
    niced = min(19, mine + helper_process.HELPER_NICENESS)
    assert os.getpriority(os.PRIO_PROCESS, pid) == niced
