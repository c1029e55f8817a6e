# SPDX-License-Identifier: GPL-3.0-or-later
"""Properties every comparison must keep, on generated documents and edit scripts."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from support import assert_invariants, doc
from twofold.engine.errors import CompareCanceled
from twofold.engine.pipeline import compare, refine, refine_pair
from twofold.engine.refiner import LocalRefiner
from twofold.engine.result.kinds import Granularity, PairKind, Unit
from twofold.engine.result.model import CompareOptions, DiffResult, Pair
from twofold.engine.tuning import CompareTuning

WORDS = [
    "nation",
    "liberty",
    "dedicated",
    "proposition",
    "equal",
    "engaged",
    "great",
    "civil",
    "war",
    "testing",
    "whether",
    "conceived",
    "endure",
    "battlefield",
    "portion",
    "final",
    "resting",
    "place",
    "gave",
    "lives",
    "might",
    "live",
    "altogether",
    "fitting",
    "proper",
    "larger",
    "sense",
    "consecrate",
    "hallow",
    "brave",
    "men",
    "living",
    "dead",
    "struggled",
    "poor",
    "power",
    "add",
    "detract",
    "world",
    "little",
    "note",
    "long",
    "remember",
    "never",
    "forget",
]

word = st.sampled_from(WORDS)
sentence = st.lists(word, min_size=3, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)


@st.composite
def revision(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """A document and a revision made by a random edit script."""
    a = draw(st.lists(paragraph, min_size=0, max_size=12))
    b = list(a)
    for _ in range(draw(st.integers(0, 6))):
        action = draw(st.sampled_from(["delete", "insert", "reword", "move", "split", "merge"]))
        if action == "insert" or not b:
            b.insert(draw(st.integers(0, len(b))), draw(paragraph))
            continue
        k = draw(st.integers(0, len(b) - 1))
        if action == "delete":
            del b[k]
        elif action == "reword":
            words = b[k].split()
            words[draw(st.integers(0, len(words) - 1))] = draw(word)
            b[k] = " ".join(words)
        elif action == "move":
            b.insert(draw(st.integers(0, len(b) - 1)), b.pop(k))
        elif action == "split" and ". " in b[k]:
            head, tail = b[k].split(". ", 1)
            b[k : k + 1] = [head + ".", tail]
        elif action == "merge" and k + 1 < len(b):
            b[k : k + 2] = [b[k] + " " + b[k + 1]]
    return a, b


options = st.builds(
    CompareOptions,
    unit=st.sampled_from([Unit.PARAGRAPHS, Unit.LINES]),
    granularity=st.sampled_from(list(Granularity)),
    ignore_whitespace=st.booleans(),
    ignore_case=st.booleans(),
    detect_moves=st.booleans(),
)


@given(revision(), options)
@settings(max_examples=150, deadline=None)
def test_every_paragraph_once_and_edits_rebuild(
    pair: tuple[list[str], list[str]], opts: CompareOptions
) -> None:
    a, b = pair
    assert_invariants(compare(doc("\n\n".join(a)), doc("\n\n".join(b)), opts))


@given(st.text(), st.text(), options)
@settings(max_examples=150, deadline=None)
def test_any_text_keeps_the_invariants(a: str, b: str, opts: CompareOptions) -> None:
    assert_invariants(compare(doc(a), doc(b), opts))


@given(st.lists(paragraph, max_size=10), options)
@settings(deadline=None)
def test_identical_inputs_give_no_changes(paras: list[str], opts: CompareOptions) -> None:
    text = "\n\n".join(paras)
    result = compare(doc(text), doc(text), opts)
    assert result.changes == ()
    assert result.stats.similarity == 1.0
    assert result.stats.words_inserted == result.stats.words_deleted == 0


MIRROR = {PairKind.INSERTED: PairKind.DELETED, PairKind.DELETED: PairKind.INSERTED}


@given(revision())
@settings(max_examples=150, deadline=None)
def test_swapping_sides_mirrors_the_result(pair: tuple[list[str], list[str]]) -> None:
    a, b = ("\n\n".join(p) for p in pair)
    opts = CompareOptions(unit=Unit.PARAGRAPHS)
    forward = compare(doc(a), doc(b), opts)
    backward = compare(doc(b), doc(a), opts)
    mirrored = {(MIRROR.get(p.kind, p.kind), p.b, p.a) for p in backward.pairs}
    assert {(p.kind, p.a, p.b) for p in forward.pairs} == mirrored
    assert forward.stats.words_deleted == backward.stats.words_inserted
    assert forward.stats.similarity == backward.stats.similarity


def test_cancel_raises_and_returns_nothing() -> None:
    text = "\n\n".join(f"Paragraph {n} about nation {n}." for n in range(50))
    try:
        compare(doc(text), doc(text + "\n\nMore."), should_cancel=lambda: True)
    except CompareCanceled:
        return
    raise AssertionError("cancel was not honoured")


def test_progress_runs_from_start_to_one() -> None:
    seen: list[float] = []
    compare(doc("a\n\nb"), doc("a\n\nc"), progress=seen.append)
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


@given(revision(), options)
@settings(max_examples=60, deadline=None)
def test_coarse_then_refined_equals_the_direct_result(
    pair: tuple[list[str], list[str]], opts: CompareOptions
) -> None:
    a, b = (doc("\n\n".join(p)) for p in pair)
    direct = compare(a, b, opts)
    coarse = compare(a, b, opts, inline=False)
    assert not coarse.refined
    assert [(p.a, p.b) for p in coarse.pairs] == [(p.a, p.b) for p in direct.pairs]
    assert all(not p.edits for p in coarse.pairs)
    refined = refine(coarse)
    assert refined.refined
    assert refined.pairs == direct.pairs
    assert refined.stats == direct.stats
    assert [refine_pair(coarse, p) for p in coarse.pairs] == list(direct.pairs)


def _as_spans(result: DiffResult) -> DiffResult:
    """``result`` with its segments as a tuple of spans, as a hand-made result has them."""
    return replace(result, a_segments=tuple(result.a_segments), b_segments=tuple(result.b_segments))


@given(revision(), options)
@settings(max_examples=30, deadline=None)
def test_segments_as_spans_refine_alike(
    pair: tuple[list[str], list[str]], opts: CompareOptions
) -> None:
    a, b = (doc("\n\n".join(p)) for p in pair)
    coarse = compare(a, b, opts, inline=False)
    assert refine(_as_spans(coarse)).pairs == refine(coarse).pairs == compare(a, b, opts).pairs


@pytest.mark.parametrize("kind", [PairKind.CHANGED, PairKind.MOVED])
def test_a_diffed_pair_without_paragraphs_on_a_side_is_refused(kind: PairKind) -> None:
    coarse = compare(doc("one two\n"), doc("one three\n"), inline=False)
    broken = replace(coarse, pairs=(Pair(kind, (0,), (), 0.5),))
    for form in (broken, _as_spans(broken)):
        with pytest.raises(ValueError, match="paragraphs on both sides"):
            refine(form)


tunings = st.builds(
    CompareTuning,
    rare_line_copies=st.integers(0, 64),
    piece_lines=st.integers(1, 256),
    huge_pair_chars=st.sampled_from([0, 40, 200_000]),
    jobs_per_check=st.integers(1, 64),
)


@given(revision(), options, tunings)
@settings(max_examples=60, deadline=None)
def test_any_tuning_keeps_the_invariants_coarse_or_direct(
    pair: tuple[list[str], list[str]], opts: CompareOptions, tuning: CompareTuning
) -> None:
    """A tuning picks a stage's strategy (a huge pair's path, with small texts), never breaks it."""
    a, b = (doc("\n\n".join(p)) for p in pair)
    direct = compare(a, b, opts, tuning=tuning)
    assert_invariants(direct)
    seen: list[float] = []
    coarse = compare(a, b, opts, inline=False)
    refined = refine(coarse, refiner=LocalRefiner(tuning), progress=seen.append)
    assert refined.pairs == direct.pairs
    changed = sum(p.kind in (PairKind.CHANGED, PairKind.MOVED) for p in coarse.pairs)
    assert len(seen) >= -(-changed // tuning.jobs_per_check)  # one report per batch at least


folding = st.builds(
    CompareOptions,
    unit=st.sampled_from([Unit.PARAGRAPHS, Unit.LINES]),
    ignore_whitespace=st.booleans(),
    ignore_case=st.booleans(),
    ignore_typography=st.booleans(),
)
tricky_paragraph = st.text(st.sampled_from("ab Σς İ中_\u2019\u00a0\n\n\t"), max_size=30)


@given(
    st.one_of(
        revision(),
        st.tuples(st.lists(tricky_paragraph, max_size=8), st.lists(tricky_paragraph, max_size=8)),
    ),
    folding,
)
@settings(max_examples=150, deadline=None)
def test_similarity_is_the_pairing_score_coarse_refined_or_inline(
    pair: tuple[list[str], list[str]], opts: CompareOptions
) -> None:
    """One similarity per pair: the score it was paired on, whatever the path to the result."""
    a, b = (doc("\n\n".join(p)) for p in pair)
    coarse = compare(a, b, opts, inline=False)
    scores = [(p.a, p.b, p.similarity) for p in coarse.pairs]
    for done in (refine(coarse), compare(a, b, opts)):
        for p, (pa, pb, sim) in zip(done.pairs, scores, strict=True):
            assert (p.a, p.b) == (pa, pb)
            assert p.similarity == (1.0 if p.kind is PairKind.EQUAL else sim)
    for p in coarse.pairs:
        if p.kind in (PairKind.INSERTED, PairKind.DELETED):
            assert p.similarity == 0.0
        elif p.kind is PairKind.EQUAL:
            assert p.similarity == 1.0
        else:
            assert 0.0 < p.similarity <= 1.0


def test_percentages_never_round_a_change_away() -> None:
    from twofold.engine.result.summary import percent

    assert [percent(x) for x in (1.0, 0.9996, 0.5, 0.004, 0.0)] == [
        "100%",
        "99%",
        "50%",
        "1%",
        "0%",
    ]
