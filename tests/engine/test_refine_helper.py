# SPDX-License-Identifier: GPL-3.0-or-later
"""The helper process refines exactly what this process would; losing it costs only speed."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support import DEMO, assert_invariants, doc, read_pair
from twofold import cli
from twofold.engine import refine_helper
from twofold.engine.chardiff import inline_edits
from twofold.engine.errors import CompareCanceled
from twofold.engine.model import CompareOptions, DiffResult, Granularity, PairKind
from twofold.engine.pipeline import Refinement, compare, refine
from twofold.engine.refine_helper import RefineHelper, SharedRefinement

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
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of a few paragraphs, and the helper used for any size: many hand-overs."""
    monkeypatch.setattr(refine_helper, "BATCH_CHARS", 300)
    monkeypatch.setattr(refine_helper, "MIN_PARALLEL_CHARS", 0)


def _wait_until_idle(shared: SharedRefinement) -> None:
    deadline = time.monotonic() + 60
    while not all(f.done() for f in shared._futures.values()):
        assert time.monotonic() < deadline, "the helper never finished its batches"
        time.sleep(0.01)


@pytest.mark.usefixtures("small_batches")
@pytest.mark.parametrize("opts", OPTIONS, ids=["default", "folding", "characters"])
def test_shared_refinement_equals_refining_here(helper: RefineHelper, opts: CompareOptions) -> None:
    for a, b in _texts():
        coarse = _coarse(a, b, opts)
        with_helper = refine(coarse, helper=helper)
        assert with_helper == refine(coarse) == compare(doc(a), doc(b), opts)
        assert_invariants(with_helper)


@pytest.mark.usefixtures("small_batches")
def test_batches_the_helper_did_come_back_exactly(
    helper: RefineHelper, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every batch from the helper (it is left alone until done), unpacked here."""
    unpacked: list[int] = []
    unpack = refine_helper._unpack
    monkeypatch.setattr(refine_helper, "_unpack", lambda *args: unpacked.append(1) or unpack(*args))
    a, b = read_pair("pep1_mixed")
    coarse = _coarse(a, b, CompareOptions())
    refinement = Refinement(coarse, helper)
    _wait_until_idle(refinement._shared)
    refined = refinement.finish()
    assert refined == compare(doc(a), doc(b))
    changed = [p for p in coarse.pairs if p.kind in (PairKind.CHANGED, PairKind.MOVED)]
    assert len(unpacked) == len(changed) > 10


@given(
    st.text(st.sampled_from("ab cΣς\u2019\n\t."), max_size=40),
    st.text(st.sampled_from("ab cΣς\u2019\n\t."), max_size=40),
    st.sampled_from(OPTIONS),
)
@settings(max_examples=200)
def test_packed_edits_unpack_to_the_same_edits(a: str, b: str, opts: CompareOptions) -> None:
    edits = inline_edits(a, b, opts)
    assert refine_helper._unpack(refine_helper._pack(edits), a, b) == edits


@pytest.mark.usefixtures("small_batches")
def test_a_helper_that_dies_costs_only_speed() -> None:
    dying = RefineHelper()
    dying.start()
    executor = dying.executor()
    assert executor is not None
    with pytest.raises(BrokenProcessPool):  # the process ends; the pool breaks
        executor.submit(os._exit, 3).result(timeout=60)
    a, b = read_pair("pep1_mixed")
    coarse = _coarse(a, b, CompareOptions())
    assert refine(coarse, helper=dying) == compare(doc(a), doc(b))
    assert dying.executor() is None  # forgotten: the next start spawns a fresh one
    dying.start()
    assert refine(coarse, helper=dying) == compare(doc(a), doc(b))
    dying.stop()


@pytest.mark.usefixtures("small_batches")
def test_cancel_stops_and_leaves_the_helper_usable(helper: RefineHelper) -> None:
    a, b = read_pair("pep1_mixed")
    coarse = _coarse(a, b, CompareOptions())
    calls = iter(range(3))
    with pytest.raises(CompareCanceled):
        refine(coarse, helper=helper, should_cancel=lambda: next(calls, None) is None)
    assert refine(coarse, helper=helper) == compare(doc(a), doc(b))


def test_no_helper_or_a_stopped_one_refines_here() -> None:
    a, b = read_pair("pep1_mixed")
    coarse = _coarse(a, b, CompareOptions())
    stopped = RefineHelper()
    stopped.start()
    stopped.stop()
    assert stopped.executor() is None
    direct = compare(doc(a), doc(b))
    assert refine(coarse, helper=stopped) == refine(coarse, helper=None) == direct


def test_progress_rises_to_one_with_the_helper(helper: RefineHelper, small_batches: None) -> None:
    a, b = read_pair("pep1_mixed")
    seen: list[float] = []
    refine(_coarse(a, b, CompareOptions()), helper=helper, progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


def test_cli_output_is_the_same_with_the_helper(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], small_batches: None
) -> None:
    pair = Path(__file__).resolve().parents[1] / "data" / "pairs" / "pep1_mixed"
    args = ["--json", str(pair / "a.txt"), str(pair / "b.txt")]
    outputs = []
    for worth in (10**12, 0):  # never, then always
        monkeypatch.setattr(cli, "HELPER_WORTH_BYTES", worth)
        assert cli.main(args) == cli.EXIT_DIFFERENT
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]
