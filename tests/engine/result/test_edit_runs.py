# SPDX-License-Identifier: GPL-3.0-or-later
"""Edit runs: the same edits as the tuple of ``Edit`` objects, over texts held elsewhere."""

from __future__ import annotations

from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twofold.engine.inline.chardiff import inline_edits, rebuild, similarity
from twofold.engine.result.edit_runs import EditRuns, is_significant, runs_of, text_runs_of
from twofold.engine.result.kinds import Granularity, Op
from twofold.engine.result.model import CompareOptions, Edit
from twofold.engine.result.stats import edit_counts

FOLDING = CompareOptions(ignore_whitespace=True, ignore_case=True)
OPTIONS = [
    CompareOptions(),
    FOLDING,
    CompareOptions(ignore_whitespace=True, ignore_case=True, ignore_typography=True),
    CompareOptions(granularity=Granularity.CHARACTER),
]
#: Letters in both cases, white space and quotes: enough for ignored edits of every kind.
texts = st.text(st.sampled_from("ab AB\n\t.\u2019'Σς"), max_size=40)
options = st.sampled_from(OPTIONS)
examples = settings(max_examples=60)


def _significant(edits: tuple[Edit, ...]) -> bool:
    return any(e.op is not Op.EQUAL and not e.ignored for e in edits)


@given(texts, texts, options)
@examples
def test_iterated_runs_rebuild_both_texts(a: str, b: str, opts: CompareOptions) -> None:
    runs = inline_edits(a, b, opts)
    edits = tuple(runs)
    assert all(isinstance(e, Edit) for e in edits)
    assert rebuild(edits, Op.DELETE) == rebuild(runs, Op.DELETE) == a
    assert rebuild(edits, Op.INSERT) == rebuild(runs, Op.INSERT) == b


@given(texts, texts, options)
@examples
def test_runs_equal_and_hash_as_their_tuple(a: str, b: str, opts: CompareOptions) -> None:
    runs = inline_edits(a, b, opts)
    edits = tuple(runs)
    assert runs == edits
    assert edits == runs
    assert not runs != edits  # noqa: SIM202 - the operator itself is under test
    assert not edits != runs  # noqa: SIM202
    assert hash(runs) == hash(edits)
    assert len(runs) == len(edits)
    assert runs == EditRuns(runs.codes, runs.lengths, a, b)


@given(texts, texts, options, st.data())
@examples
def test_indexing_agrees_with_the_tuple(
    a: str, b: str, opts: CompareOptions, data: st.DataObject
) -> None:
    runs = inline_edits(a, b, opts)
    edits = tuple(runs)
    if edits:
        i = data.draw(st.integers(-len(edits), len(edits) - 1), label="index")
        assert runs[i] == edits[i]
    for out_of_range in (len(edits), -len(edits) - 1):
        with pytest.raises(IndexError):
            runs[out_of_range]
    bound = st.none() | st.integers(-len(edits) - 2, len(edits) + 2)
    step = st.none() | st.integers(-3, 3).filter(bool)
    cut = slice(data.draw(bound, label="start"), data.draw(bound, label="stop"), data.draw(step))
    assert runs[cut] == edits[cut]


@given(texts, texts, options)
@examples
def test_sequence_methods_agree_with_the_tuple(a: str, b: str, opts: CompareOptions) -> None:
    runs = inline_edits(a, b, opts)
    edits = tuple(runs)
    assert tuple(reversed(runs)) == tuple(reversed(edits))
    for e in edits:
        assert e in runs
        assert runs.index(e) == edits.index(e)
        assert runs.count(e) == edits.count(e)
    assert Edit(Op.INSERT, "not in either text") not in runs


@given(texts, texts, options, texts, texts, texts, texts)
@examples
def test_rebased_runs_give_the_same_edits(
    a: str, b: str, opts: CompareOptions, before_a: str, after_a: str, before_b: str, after_b: str
) -> None:
    runs = inline_edits(a, b, opts)
    doc_a, doc_b = before_a + a + after_a, before_b + b + after_b
    rebased = runs.rebased(doc_a, len(before_a), doc_b, len(before_b))
    assert tuple(rebased) == tuple(runs)
    assert list(rebased.text_runs()) == list(runs.text_runs())
    assert list(rebased.runs()) == list(runs.runs())
    assert rebased == runs
    assert hash(rebased) == hash(runs)
    assert rebuild(rebased, Op.DELETE) == a
    assert rebuild(rebased, Op.INSERT) == b


@given(texts, texts, options)
@examples
def test_runs_and_text_runs_agree_with_the_edits(a: str, b: str, opts: CompareOptions) -> None:
    runs = inline_edits(a, b, opts)
    edits = tuple(runs)
    expected_runs = [(e.op, len(e.text), e.ignored) for e in edits]
    expected_text_runs = [(e.op, e.text, e.ignored) for e in edits]
    assert list(runs.runs()) == expected_runs
    assert list(runs.text_runs()) == expected_text_runs
    for form in (runs, edits, list(edits)):
        assert list(runs_of(form)) == expected_runs
        assert list(text_runs_of(form)) == expected_text_runs
    assert all(op is e.op for (op, _n, _i), e in zip(runs.runs(), edits, strict=True))


@given(texts, texts, options)
@examples
def test_packing_the_runs_gives_the_same_edits(a: str, b: str, opts: CompareOptions) -> None:
    runs = inline_edits(a, b, opts)
    assert EditRuns.pack(runs.runs(), a, b) == runs
    assert EditRuns.pack(list(runs_of(tuple(runs))), a, b) == runs


@given(texts, texts, options, st.integers(0, 3), st.integers(0, 3))
@examples
def test_runs_count_and_score_as_their_edits(
    a: str, b: str, opts: CompareOptions, before_a: int, before_b: int
) -> None:
    """Words and characters changed, and the similarity, read off runs over whole documents."""
    runs = inline_edits(a, b, opts)
    placed = runs.rebased("x" * before_a + a + "y", before_a, "z" * before_b + b, before_b)
    edits = tuple(runs)
    assert edit_counts([placed]) == edit_counts([edits]) == edit_counts([list(edits)])
    assert similarity(placed) == similarity(edits)


@given(texts, texts, options)
@examples
def test_is_significant_agrees_with_the_edits(a: str, b: str, opts: CompareOptions) -> None:
    runs = inline_edits(a, b, opts)
    edits = tuple(runs)
    assert is_significant(runs) == runs.significant() == _significant(edits)
    assert is_significant(edits) == is_significant(list(edits)) == _significant(edits)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Liberty", "liberty"),
        ("a new nation, conceived", "a new nation,\nconceived"),
        ("ONE two", "one  two"),
    ],
)
def test_ignored_changes_alone_are_not_significant(a: str, b: str) -> None:
    runs = inline_edits(a, b, FOLDING)
    assert any(e.op is not Op.EQUAL for e in runs)
    assert all(e.ignored for e in runs if e.op is not Op.EQUAL)
    assert not is_significant(runs)
    assert not is_significant(tuple(runs))
    assert is_significant(inline_edits(a, b, CompareOptions()))


def test_no_edits_are_not_significant() -> None:
    assert not is_significant(inline_edits("", "", FOLDING))
    assert not is_significant(inline_edits("same", "same", FOLDING))
    assert not is_significant(())
    assert is_significant((Edit(Op.EQUAL, "x"), Edit(Op.INSERT, "y")))
    assert not is_significant((Edit(Op.EQUAL, "x"), Edit(Op.INSERT, " ", ignored=True)))


@given(texts, texts, options)
@examples
def test_checked_accepts_the_runs_of_inline_edits(a: str, b: str, opts: CompareOptions) -> None:
    runs = inline_edits(a, b, opts)
    checked = EditRuns.checked(runs.codes, runs.lengths, a, b)
    assert checked == runs
    assert tuple(checked) == tuple(runs)


@given(texts, texts, options, st.data())
@examples
def test_checked_refuses_an_unknown_code(
    a: str, b: str, opts: CompareOptions, data: st.DataObject
) -> None:
    runs = inline_edits(a, b, opts)
    codes = bytearray(runs.codes)
    lengths = array("q", runs.lengths)
    unknown = data.draw(st.integers(6, 255), label="code")
    at = data.draw(st.integers(0, len(codes)), label="at")
    if at == len(codes):  # an extra run of nothing, with a code of its own
        codes.append(unknown)
        lengths.append(0)
    else:
        codes[at] = unknown
    with pytest.raises((ValueError, IndexError)):
        EditRuns.checked(bytes(codes), lengths, a, b)


@given(texts, texts, options, st.data())
@examples
def test_checked_refuses_a_negative_length(
    a: str, b: str, opts: CompareOptions, data: st.DataObject
) -> None:
    runs = inline_edits(a, b, opts)
    codes, lengths = runs.codes, array("q", runs.lengths)
    negative = data.draw(st.integers(-(10**6), -1), label="length")
    if lengths:
        lengths[data.draw(st.integers(0, len(lengths) - 1), label="at")] = negative
    else:
        codes, lengths = bytes([0]), array("q", [negative])
    with pytest.raises((ValueError, IndexError)):
        EditRuns.checked(codes, lengths, a, b)


def test_checked_refuses_a_negative_run_made_up_for_by_a_longer_one() -> None:
    codes = bytes([1, 1])  # two deletions: -1 + 2 still covers "x"
    with pytest.raises(ValueError, match="shorter than nothing"):
        EditRuns.checked(codes, array("q", [-1, 2]), "x", "")


@given(texts, texts, options, texts.filter(bool), st.booleans())
@examples
def test_checked_refuses_runs_that_do_not_cover_a_longer_text(
    a: str, b: str, opts: CompareOptions, more: str, on_a: bool
) -> None:
    runs = inline_edits(a, b, opts)
    longer_a, longer_b = (a + more, b) if on_a else (a, b + more)
    with pytest.raises(ValueError, match="cover"):
        EditRuns.checked(runs.codes, runs.lengths, longer_a, longer_b)
    if a if on_a else b:  # a shorter text is not covered either
        shorter_a, shorter_b = (a[:-1], b) if on_a else (a, b[:-1])
        with pytest.raises(ValueError, match="cover"):
            EditRuns.checked(runs.codes, runs.lengths, shorter_a, shorter_b)


@given(texts, texts, options, st.data())
@examples
def test_checked_refuses_a_run_too_long_or_too_short(
    a: str, b: str, opts: CompareOptions, data: st.DataObject
) -> None:
    runs = inline_edits(a, b, opts)
    lengths = array("q", runs.lengths)
    if not lengths:
        lengths, codes = array("q", [1]), bytes([0])
    else:
        at = data.draw(st.integers(0, len(lengths) - 1), label="at")
        lengths[at] += data.draw(st.integers(-lengths[at], 5).filter(bool), label="by")
        codes = runs.codes
    with pytest.raises(ValueError, match="cover"):
        EditRuns.checked(codes, lengths, a, b)


@given(texts, texts, options, st.sampled_from(["extra code", "extra length", "one less"]))
@examples
def test_checked_refuses_codes_and_lengths_of_different_counts(
    a: str, b: str, opts: CompareOptions, how: str
) -> None:
    runs = inline_edits(a, b, opts)
    codes, lengths = runs.codes, array("q", runs.lengths)
    if how == "extra code":
        codes += bytes([0])
    elif how == "extra length":
        lengths.append(0)
    elif codes:
        codes = codes[:-1]
    else:
        lengths.append(0)
    with pytest.raises((ValueError, IndexError)):
        EditRuns.checked(codes, lengths, a, b)


@given(texts.filter(bool), texts, options, st.data())
@examples
def test_the_same_runs_over_other_texts_are_not_equal(
    a: str, b: str, opts: CompareOptions, data: st.DataObject
) -> None:
    runs = inline_edits(a, b, opts)
    at = data.draw(st.integers(0, len(a) - 1), label="at")
    other_char = data.draw(st.characters().filter(lambda c: c != a[at]), label="char")
    other_a = a[:at] + other_char + a[at + 1 :]
    other = EditRuns(runs.codes, runs.lengths, other_a, b)
    assert other != runs
    assert runs != other
    assert not other == runs  # noqa: SIM201 - the operator itself is under test
    assert tuple(other) != tuple(runs)


def test_runs_over_other_stretches_of_the_documents_are_not_equal() -> None:
    runs = EditRuns.pack([(Op.EQUAL, 3, False)], "abc", "abc")
    assert runs != EditRuns.pack([(Op.EQUAL, 3, False)], "xyz", "xyz")
    assert runs == runs.rebased("--abc", 2, "abc--", 0)
    assert runs != runs.rebased("--abc", 1, "abc--", 0)
    assert runs != runs.rebased("abc", 0, "xabc", 0)  # an equal run reads A only: still unequal


@given(texts, texts, options)
@settings(max_examples=20)
def test_runs_are_not_equal_to_something_else(a: str, b: str, opts: CompareOptions) -> None:
    runs = inline_edits(a, b, opts)
    for other in (0, 1, len(runs), None, "text", object()):
        assert runs != other
        assert other != runs
        assert not runs == other  # noqa: SIM201 - the operator itself is under test
    assert runs.__eq__(0) is NotImplemented


@given(
    st.lists(st.tuples(st.sampled_from(list(Op)), st.integers(0, 3), st.booleans()), max_size=6),
    st.text("pq", max_size=3),
    st.text("pq", max_size=3),
)
def test_changed_texts_are_the_changes_not_ignored(
    runs: list[tuple[Op, int, bool]], before_a: str, before_b: str
) -> None:
    """Any runs, a replacement's shapes among them, empty ones too."""
    a, b = before_a, before_b
    for n, (op, length, _ignored) in enumerate(runs):  # each run's own letter
        a += chr(ord("a") + n) * length if op is not Op.INSERT else ""
        b += chr(ord("a") + n) * length if op is not Op.DELETE else ""
    edits = EditRuns.pack(runs, a, b).rebased(a, len(before_a), b, len(before_b))
    changed = [(op, text) for op, text, ignored in edits.text_runs() if not ignored]
    assert edits.changed_texts() == (
        [text for op, text in changed if op is Op.DELETE],
        [text for op, text in changed if op is Op.INSERT],
    )


@given(st.booleans(), st.booleans(), st.lists(st.integers(0, 3), min_size=4, max_size=4))
def test_changed_texts_of_a_replacements_shape(
    kept_start: bool, kept_end: bool, lengths: list[int]
) -> None:
    """The shapes ``EditRuns.replacement`` gives (most changed pairs), empty runs too."""
    head, deleted, inserted, tail = lengths
    runs = [(Op.EQUAL, head, False)] if kept_start else []
    runs += [(Op.DELETE, deleted, False), (Op.INSERT, inserted, False)]
    runs += [(Op.EQUAL, tail, False)] if kept_end else []
    start = "s" * head if kept_start else ""
    end = "t" * tail if kept_end else ""
    a, b = "p" + start + "d" * deleted + end, "q" + start + "i" * inserted + end
    edits = EditRuns.pack(runs, a, b).rebased(a, 1, b, 1)
    assert edits.changed_texts() == (["d" * deleted], ["i" * inserted])
