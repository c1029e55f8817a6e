# SPDX-License-Identifier: GPL-3.0-or-later
"""Alignment against exact truth on real prose (PEP 1 with scripted edits of every kind)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support import DATA, DEMO, assert_invariants, doc, read_pair
from twofold.engine.align.alignment import Match, _pair_gap, align
from twofold.engine.align.blocks import Gap
from twofold.engine.align.gap_pairing import Scored, pair_rows
from twofold.engine.align.matches import reading_order
from twofold.engine.align.similarity import Profiles
from twofold.engine.load.decoding import load_document
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import Op, PairKind, Unit
from twofold.engine.result.model import CompareOptions
from twofold.engine.tuning import CompareTuning

PARAGRAPHS = CompareOptions(unit=Unit.PARAGRAPHS)


def test_pep1_links_match_the_truth() -> None:
    pep1_pair = read_pair("pep1_mixed")
    truth = json.loads((DATA / "pairs" / "pep1_mixed" / "truth.json").read_text("utf-8"))
    result = compare(doc(pep1_pair[0]), doc(pep1_pair[1]), PARAGRAPHS)
    assert_invariants(result)
    ours = {(i, j) for p in result.pairs for i in p.a for j in p.b}
    expected = {(a, b) for a, b, _kind in truth["aligned"]}
    assert ours == expected
    moves = {(p.a[0], p.b[0]) for p in result.pairs if p.kind is PairKind.MOVED}
    assert moves == {(a, b) for a, b, kind in truth["aligned"] if kind == "moved"}
    deleted = sorted(i for p in result.pairs if p.kind is PairKind.DELETED for i in p.a)
    inserted = sorted(j for p in result.pairs if p.kind is PairKind.INSERTED for j in p.b)
    assert deleted == truth["deleted"]
    assert inserted == truth["inserted"]


def test_reworded_paragraphs_pair_one_to_one_despite_new_header() -> None:
    a = "\n\n".join(
        [
            "Subscribe to our newsletter.",
            "Four score and seven years ago our fathers brought forth upon this continent "
            "a new nation, conceived in liberty, and dedicated to the proposition that all "
            "men are created equal.",
            "Now we are engaged in a great civil war, testing whether that nation, or any "
            "nation so conceived and so dedicated, can long endure.",
        ]
    )
    b = "\n\n".join(
        [
            "Printed 19 November 1863",
            "Eighty-seven years ago our ancestors founded on this continent a new nation, "
            "born in liberty and devoted to the idea that all men are created equal.",
            "Today we are fighting a great civil war, which tests whether that nation, or "
            "any nation so born and so devoted, can endure for long.",
        ]
    )
    result = compare(doc(a), doc(b), PARAGRAPHS)
    assert_invariants(result)
    rows = [(p.kind, p.a, p.b) for p in result.pairs]
    assert rows == [
        (PairKind.DELETED, (0,), ()),
        (PairKind.INSERTED, (), (0,)),
        (PairKind.CHANGED, (1,), (1,)),
        (PairKind.CHANGED, (2,), (2,)),
    ]


def test_moved_and_edited_paragraph_is_a_move() -> None:
    paras = [
        f"Paragraph {n} talks about topic{n} with words alpha{n} beta{n} gamma{n} delta{n}."
        for n in range(8)
    ]
    moved = paras[1].replace("talks", "speaks")
    b_paras = [paras[0], *paras[2:7], moved, paras[7]]
    result = compare(doc("\n\n".join(paras)), doc("\n\n".join(b_paras)), PARAGRAPHS)
    assert_invariants(result)
    moves = [p for p in result.pairs if p.kind is PairKind.MOVED]
    assert [(p.a, p.b) for p in moves] == [((1,), (6,))]
    assert moves[0].similarity < 1.0


def test_twins_of_paired_paragraphs_do_not_move_to_them() -> None:
    """Leftovers whose look-alikes are paired in place, and whose free rivals are unalike, stay.

    Each side has a reworded twin of a paragraph paired where it stands; the two
    twins, left over, share a few words with each other but not enough to pair.
    """
    paras = [
        f"Paragraph {n} talks about topic{n} with words alpha{n} beta{n} gamma{n} delta{n}."
        for n in range(8)
    ]
    a = [*paras[:2], paras[5].replace("talks about", "discusses"), *paras[2:]]
    b = [
        *paras[:5],
        paras[5].replace("talks", "speaks"),
        paras[6],
        paras[1].replace("talks about", "covers"),
        paras[7],
    ]
    result = compare(doc("\n\n".join(a)), doc("\n\n".join(b)), PARAGRAPHS)
    assert_invariants(result)
    assert [(p.kind, p.a, p.b) for p in result.changes] == [
        (PairKind.DELETED, (2,), ()),
        (PairKind.CHANGED, (6,), (5,)),
        (PairKind.INSERTED, (), (7,)),
    ]
    mirrored = compare(doc("\n\n".join(b)), doc("\n\n".join(a)), PARAGRAPHS)
    assert [(p.kind, p.a, p.b) for p in mirrored.changes] == [
        (PairKind.INSERTED, (), (2,)),
        (PairKind.CHANGED, (5,), (6,)),
        (PairKind.DELETED, (7,), ()),
    ]


@pytest.mark.parametrize(
    ("moved", "moves"),
    [
        ("The same words, moved whole.", True),  # words enough by its spaces
        ("\u6708\u843d\u4e4c\u557c\u971c\u6ee1\u5929", True),  # no space: words by ``words``
        ("Thanks a lot.", False),  # too few words to tell one place from another
    ],
)
def test_an_unchanged_paragraph_moves_when_it_has_words_enough(moved: str, moves: bool) -> None:
    paras = [
        f"Paragraph {n} talks about topic{n} with words alpha{n} beta{n} gamma{n} delta{n}."
        for n in range(8)
    ]
    a = [paras[0], moved, *paras[1:]]
    b = [*paras[:7], moved, paras[7]]
    result = compare(doc("\n\n".join(a)), doc("\n\n".join(b)), PARAGRAPHS)
    assert_invariants(result)
    rows = [(p.kind, p.a, p.b) for p in result.changes]
    if moves:  # unchanged: as an exact move, not as a similar one (below 1.0)
        assert rows == [(PairKind.MOVED, (1,), (7,))]
        assert result.changes[0].similarity == 1.0
    else:
        assert rows == [(PairKind.DELETED, (1,), ()), (PairKind.INSERTED, (), (7,))]


def test_split_and_merge_are_grouped() -> None:
    first = "The world will little note, nor long remember what we say here."
    second = "But it can never forget what they did here, on this hallowed ground."
    other = "It is for us the living, rather, to be dedicated here to the unfinished work."
    a = "\n\n".join([f"{first} {second}", other])
    b = "\n\n".join([first, second, other])
    result = compare(doc(a), doc(b), PARAGRAPHS)
    assert_invariants(result)
    assert [(p.kind, p.a, p.b) for p in result.pairs] == [
        (PairKind.CHANGED, (0,), (0, 1)),
        (PairKind.EQUAL, (1,), (2,)),
    ]
    merged = compare(doc(b), doc(a), PARAGRAPHS)
    assert next((p.kind, p.a, p.b) for p in merged.pairs) == (PairKind.CHANGED, (0, 1), (0,))


def test_unrelated_paragraphs_are_not_paired() -> None:
    a = "Gradually the fog lifted over the harbour and the fishing boats returned home."
    b = "Quarterly revenue grew by eleven percent, driven by subscriptions in Europe."
    result = compare(doc(a), doc(b), PARAGRAPHS)
    assert [p.kind for p in result.pairs] == [PairKind.DELETED, PairKind.INSERTED]


def test_code_is_compared_line_by_line() -> None:
    a = "def area(r):\n    return 3.14 * r * r\n\n\ndef name():\n    return 'circle'\n"
    b = "def area(r):\n    return math.pi * r * r\n\n\ndef name():\n    return 'circle'\n"
    result = compare(doc(a, "shapes.py"), doc(b, "shapes.py"))
    assert result.unit is Unit.LINES
    assert_invariants(result)
    changes = result.changes
    assert [(p.kind, p.a, p.b) for p in changes] == [(PairKind.CHANGED, (1,), (1,))]


def test_big_gap_uses_the_index_and_stays_exact() -> None:
    # 300 reworded paragraphs in one gap: more cells than the all-pairs limit.
    paras_a = [
        f"Item {n} mentions unique{n} token{n} and marker{n} in a sentence." for n in range(300)
    ]
    paras_b = [p.replace("mentions", "names").replace("sentence", "line") for p in paras_a]
    result = compare(doc("\n\n".join(paras_a)), doc("\n\n".join(paras_b)), PARAGRAPHS)
    assert_invariants(result)
    assert [(p.a, p.b) for p in result.pairs] == [((n,), (n,)) for n in range(300)]
    assert {p.kind for p in result.pairs} == {PairKind.CHANGED}


def test_a_moved_paragraph_break_is_diffed_across_both_paragraphs() -> None:
    """Lincoln moved "But, in a larger sense ..." from the second paragraph to the third."""
    a = load_document(DEMO / "gettysburg-nicolay.txt")
    b = load_document(DEMO / "gettysburg-bliss.txt")
    result = compare(a, b, PARAGRAPHS)
    assert_invariants(result)
    joint = [p for p in result.pairs if len(p.a) == 2]
    assert [(p.kind, p.a, p.b) for p in joint] == [(PairKind.CHANGED, (2, 3), (2, 3))]
    changed_text = "".join(e.text for e in joint[0].edits if e.op is not Op.EQUAL)
    assert "in a larger sense" not in changed_text
    assert "This we may, in all propriety do." in changed_text
    # Ordinary reworded neighbours stay one to one.
    paras = read_pair("pep1_mixed")
    assert all(len(p.a) <= 2 and len(p.b) <= 2 for p in compare(doc(paras[0]), doc(paras[1])).pairs)


def test_equal_lines_share_their_index_tuples_across_sides() -> None:
    """Line i of A and line i of B name the same ``(i,)``: one tuple where there were two."""
    lines = [f"line {i}" for i in range(200)]
    revised = ["new first line", *lines[:100], *lines[101:]]
    result = compare(doc("\n".join(lines), "a.py"), doc("\n".join(revised), "b.py"))
    assert result.unit is Unit.LINES
    equal = [p for p in result.pairs if p.kind is PairKind.EQUAL]
    by_a, by_b = {p.a: p for p in equal}, {p.b: p for p in equal}
    shared = [index for index in by_a if index in by_b and by_a[index].a is by_b[index].b]
    assert len(shared) == len(set(by_a) & set(by_b)) > 190
    assert_invariants(result)


def _reading_order_by_keys(matches: list[Match]) -> list[Match]:
    """The reading order as it was first written (one packed key per row), as the oracle."""
    width = 1 + max((m.a[-1] for m in matches if m.a), default=0)
    keyed: list[tuple[int, Match]] = []
    follow = 0
    rows_of_a = (m for m in matches if m.a and m.kind is not PairKind.MOVED)
    for m in sorted(rows_of_a, key=lambda m: m.a[0]):
        if m.b:
            follow = m.b[-1] + 1
        else:
            keyed.append((2 * follow * width + m.a[0], m))
    keyed.extend(((2 * m.b[0] + 1) * width, m) for m in matches if m.b)
    keyed.sort(key=lambda row: row[0])
    return [m for _key, m in keyed]


_words = st.sampled_from(["alpha beta", "gamma delta", "alpha gamma", "epsilon", "beta zeta eta"])
_phrases = [f"phrase {n} about topic {chr(ord('a') + n)}" for n in range(14)]
#: repeated words (deletions, insertions, changes) or distinct phrases shuffled (moves)
_sides = st.one_of(st.lists(_words, max_size=25), st.lists(st.sampled_from(_phrases), unique=True))


@given(_sides, _sides, st.booleans())
def test_reading_order_places_rows_as_the_packed_keys_did(
    a: list[str], b: list[str], flip: bool
) -> None:
    options = CompareOptions(pair_threshold=0.2, move_threshold=0.2)
    keys_a, keys_b = (b, a) if flip else (a, b)
    matches = align(keys_a, keys_b, options)
    assert matches == _reading_order_by_keys(matches)
    shuffled = matches[::-1]  # any input order: the output is defined by the rows alone
    assert reading_order(shuffled) == _reading_order_by_keys(shuffled)


#: Every pair's anchors from the histogram diff, or from Myers between the shared runs.
_HISTOGRAM = CompareTuning(myers_max_changes=-1)
_CUT = CompareTuning(cut_keys=0)


@pytest.mark.parametrize("tuning", [_HISTOGRAM, _CUT], ids=["histogram", "cut"])
@given(a=_sides, b=_sides)
def test_anchors_of_any_strategy_keep_the_invariants(
    tuning: CompareTuning, a: list[str], b: list[str]
) -> None:
    """With every pair sent one strategy's way, the alignment is still whole and mirrored."""
    text_a, text_b = "\n\n".join(a), "\n\n".join(b)
    forward = compare(doc(text_a), doc(text_b), PARAGRAPHS, tuning=tuning)
    backward = compare(doc(text_b), doc(text_a), PARAGRAPHS, tuning=tuning)
    assert_invariants(forward)
    assert_invariants(backward)
    flipped = {PairKind.DELETED: PairKind.INSERTED, PairKind.INSERTED: PairKind.DELETED}
    mirrored = sorted((flipped.get(p.kind, p.kind).value, p.b, p.a) for p in forward.pairs)
    assert mirrored == sorted((p.kind.value, p.a, p.b) for p in backward.pairs)


def _pair_gap_in_general(
    gap: Gap, moved: tuple[dict[int, int], set[int]], profiles: Profiles, threshold: float
) -> Scored:
    """``_pair_gap`` without its path for one paragraph a side."""
    rows = [i for i in range(gap.a_lo, gap.a_hi) if i not in moved[0]]
    cols = [j for j in range(gap.b_lo, gap.b_hi) if j not in moved[1]]
    if not rows or not cols:
        return []
    pid_a = {i: i for i in range(gap.a_hi)}
    pid_b = {j: gap.a_hi + j for j in range(gap.b_hi)}
    return pair_rows(rows, cols, profiles, pid_a, pid_b, threshold)


@given(
    a=st.lists(_words, min_size=1, max_size=3),
    b=st.lists(_words, min_size=1, max_size=3),
    moved_a=st.sets(st.integers(0, 2)),
    moved_b=st.sets(st.integers(0, 2)),
    threshold=st.sampled_from([0.2, 0.5, 0.9]),
)
def test_a_gap_of_one_paragraph_a_side_pairs_as_any_gap(
    a: list[str], b: list[str], moved_a: set[int], moved_b: set[int], threshold: float
) -> None:
    profiles = Profiles(a + b)
    pids = ({i: i for i in range(len(a))}, {j: len(a) + j for j in range(len(b))})
    gap = Gap(0, len(a), 0, len(b), [])
    moved = (dict.fromkeys(moved_a, 0), moved_b)
    options = CompareOptions(pair_threshold=threshold)
    expected = _pair_gap_in_general(gap, moved, profiles, threshold)
    assert _pair_gap(gap, moved, profiles, pids, options) == expected
