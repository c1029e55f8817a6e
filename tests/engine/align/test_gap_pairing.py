# SPDX-License-Identifier: GPL-3.0-or-later
"""Pairing the paragraphs of one gap: in order, never crossing, each paragraph once.

``pair_rows`` is the part of the alignment that says which paragraph became
which; its groups must be contiguous and ascending on both sides (``Pair``
refuses anything else) and never cross, or the panes could not be kept level.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twofold.engine.align.chain import heaviest_chain
from twofold.engine.align.gap_pairing import FILL_SHARE, Scored, pair_rows
from twofold.engine.align.similarity import Profiles

THRESHOLD = 0.3
Groups = list[tuple[tuple[int, ...], tuple[int, ...]]]


def _scored(a: list[str], b: list[str], threshold: float = THRESHOLD) -> tuple[Scored, Profiles]:
    """Pair every paragraph of ``a`` with those of ``b``, as ``alignment`` calls it."""
    profiles = Profiles([*a, *b])
    pid_a = {i: i for i in range(len(a))}
    pid_b = {j: len(a) + j for j in range(len(b))}
    groups = pair_rows(list(range(len(a))), list(range(len(b))), profiles, pid_a, pid_b, threshold)
    return groups, profiles


def _pair(a: list[str], b: list[str], threshold: float = THRESHOLD) -> tuple[Groups, Profiles]:
    """The groups of ``_scored``, without their scores."""
    groups, profiles = _scored(a, b, threshold)
    return [(a_idx, b_idx) for a_idx, b_idx, _s in groups], profiles


def _distinct(n: int, tag: str = "") -> list[str]:
    """``n`` paragraphs with no word in common (so no two of them look alike)."""
    return [f"alpha{k}{tag} beta{k}{tag} gamma{k}{tag} delta{k}{tag}" for k in range(n)]


WORDS = st.sampled_from(
    ["the", "cat", "dog", "sat", "ran", "on", "a", "mat", "log", "red", "blue", "and", "then"]
)
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
GAP = st.lists(PARAGRAPH, max_size=9)


@settings(max_examples=200, deadline=None)
@given(GAP, GAP, st.floats(0.05, 0.95))
def test_groups_are_contiguous_ascending_and_never_cross(
    a: list[str], b: list[str], threshold: float
) -> None:
    groups, _ = _pair(a, b, threshold)
    for a_idx, b_idx in groups:
        for side, size in ((a_idx, len(a)), (b_idx, len(b))):
            assert side, "a group has paragraphs on both sides"
            assert all(0 <= n < size for n in side)
            assert list(side) == list(range(side[0], side[-1] + 1))
    for (a1, b1), (a2, b2) in pairwise(groups):
        assert a1[-1] < a2[0]
        assert b1[-1] < b2[0]


@settings(max_examples=200, deadline=None)
@given(GAP, GAP, st.floats(0.05, 0.95))
def test_every_group_reports_its_similarity_and_clears_the_floor(
    a: list[str], b: list[str], threshold: float
) -> None:
    """A pair takes the threshold, or its place and a lesser floor; growing only raises it.

    On its place, the floor is met by the Dice, or, for an abridgement (one
    paragraph clearly shorter), by the share of the shorter the longer holds.
    """
    groups, profiles = _scored(a, b, threshold)
    n = len(a)
    floor = threshold * FILL_SHARE - 1e-9
    for a_idx, b_idx, reported in groups:
        score = profiles.group_similarity(list(a_idx), [n + j for j in b_idx])
        assert reported == score
        assert score >= floor or any(
            _abridged(profiles, i, n + j) >= floor for i in a_idx for j in b_idx
        )


def _abridged(profiles: Profiles, i: int, j: int) -> float:
    shorter, longer = sorted((i, j), key=profiles.mass.__getitem__)
    return profiles.containment(shorter, [longer])


@settings(max_examples=100, deadline=None)
@given(GAP, GAP)
def test_pairing_is_deterministic(a: list[str], b: list[str]) -> None:
    assert _pair(a, b)[0] == _pair(a, b)[0]


@pytest.mark.parametrize("n", [1, 5, 70])  # 70 x 70 cells: candidates from the index
def test_unchanged_paragraphs_pair_one_to_one_on_the_diagonal(n: int) -> None:
    paragraphs = _distinct(n)
    groups, _ = _pair(paragraphs, paragraphs)
    assert groups == [((k,), (k,)) for k in range(n)]


def test_a_reordered_paragraph_pairs_only_once_and_in_order() -> None:
    """Pairs never cross: of two swapped paragraphs, only one keeps its partner."""
    a = _distinct(3)
    b = [a[0], a[2], a[1]]
    groups, _ = _pair(a, b)
    assert ((0,), (0,)) in groups
    assert len(groups) == 2


def test_nothing_alike_pairs_nothing() -> None:
    groups, _ = _pair(_distinct(4, "a"), _distinct(4, "b"))
    assert groups == []


@pytest.mark.parametrize("rows", [0, 1])
def test_an_empty_side_pairs_nothing(rows: int) -> None:
    groups, _ = _pair(_distinct(rows), [])
    assert groups == []
    groups, _ = _pair([], _distinct(rows))
    assert groups == []


def test_a_paragraph_split_in_two_pairs_with_both_halves() -> None:
    whole = "one two three four five six seven eight nine ten eleven twelve"
    halves = ["one two three four five six", "seven eight nine ten eleven twelve"]
    before, after = _distinct(1, "x")[0], _distinct(1, "y")[0]
    groups, _ = _pair([before, whole, after], [before, *halves, after])
    assert groups == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]


def test_two_paragraphs_merged_into_one_pair_with_it() -> None:
    halves = ["one two three four five six", "seven eight nine ten eleven twelve"]
    whole = "one two three four five six seven eight nine ten eleven twelve"
    groups, _ = _pair(halves, [whole])
    assert groups == [((0, 1), (0,))]


def test_a_moved_paragraph_break_joins_the_two_pairs() -> None:
    """Sentences that crossed the break would show as deleted here and inserted there."""
    a = [
        "apples pears plums cherries grapes melons lemons limes oranges",
        "kiwis figs dates",
    ]
    b = [
        "apples pears plums",
        "cherries grapes melons lemons limes oranges kiwis figs dates",
    ]
    groups, _ = _pair(a, b, threshold=0.2)
    assert groups == [((0, 1), (0, 1))]


def test_a_neighbour_with_a_clearly_better_partner_elsewhere_is_not_taken_in() -> None:
    """A paragraph whose rendering stands elsewhere in the gap is left for the moves.

    Its words are in its neighbour's pair too (the pair's B side quotes three of
    them), and joining it would even raise that pair's similarity a little; but its
    own rendering, two places away across the pair, is far closer, so it stays out.
    """
    names = "alpha beta gamma delta epsilon zeta theta iota kappa lambda sigma omega aleph beth"
    moved = "north south east west"
    a = [moved, names]
    b = [f"{names} north south east", f"{moved} river ocean"]
    groups, _ = _pair(a, b)
    assert groups == [((1,), (0,))]


@settings(max_examples=200, deadline=None)
@given(PARAGRAPH, PARAGRAPH, st.floats(0.05, 0.95))
def test_a_one_for_one_gap_pairs_as_a_stretch_between_two_pairs_does(
    x: str, y: str, threshold: float
) -> None:
    """A gap of one paragraph a side (most gaps of a big file) is decided on its own.

    Between two unrelated pairs, the same two paragraphs are a one-for-one
    stretch: pairing them there and alone must agree, similarity included.
    """
    before, after = _distinct(1, "x")[0], _distinct(1, "y")[0]
    profiles = Profiles([before, x, after, before, y, after])
    pid_a, pid_b = {0: 0, 1: 1, 2: 2}, {0: 3, 1: 4, 2: 5}
    within = pair_rows([0, 1, 2], [0, 1, 2], profiles, pid_a, pid_b, threshold)
    alone = pair_rows([1], [1], profiles, pid_a, pid_b, threshold)
    assert alone == [group for group in within if group[0] == (1,)]


@settings(max_examples=200, deadline=None)
@given(PARAGRAPH, st.lists(PARAGRAPH, min_size=2, max_size=6), st.floats(0.05, 0.95), st.booleans())
def test_one_paragraph_against_several_pairs_with_the_heaviest_chains_pick(
    one: str, several: list[str], threshold: float, one_in_a: bool
) -> None:
    """A gap of one paragraph against several keeps the candidate the chain would keep.

    Of equal candidates the chain keeps the one it reads first (by A index, then
    falling B index); growing may then add neighbours into a split or a merge.
    """
    a, b = ([one], several) if one_in_a else (several, [one])
    groups, profiles = _scored(a, b, threshold)
    cells = [
        (i, j, profiles.similarity(i, len(a) + j))
        for i in range(len(a))
        for j in range(len(b))
        if profiles.similarity(i, len(a) + j) >= threshold
    ]
    chain = heaviest_chain(cells)
    assert len(groups) <= 1
    assert len(chain) <= 1
    for a_idx, b_idx, _s in groups:
        assert chain
        assert chain[0][0] in a_idx
        assert chain[0][1] in b_idx


@pytest.mark.parametrize(
    ("a", "b", "groups"),
    [
        # equal candidates: the chain reads the last of a row first, the first of a column
        (["red blue and then"], ["red blue and then", "red blue and then"], [((0,), (1,))]),
        (["red blue and then", "red blue and then"], ["red blue and then"], [((0,), (0,))]),
    ],
)
def test_of_equal_candidates_a_one_against_many_gap_keeps_the_chains(
    a: list[str], b: list[str], groups: Groups
) -> None:
    assert _pair(a, b)[0] == groups
