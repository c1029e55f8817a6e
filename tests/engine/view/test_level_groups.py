# SPDX-License-Identifier: GPL-3.0-or-later
"""The stretches padded to one height in both panes: from each anchored pair to the next."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.model import Pair
from twofold.engine.view.extents import Extent
from twofold.engine.view.level_groups import LevelGroups, level_groups, one_by_one
from twofold.engine.view.scroll_sync import build_linemap

EQ, CH, INS, DEL, MOV = (
    PairKind.EQUAL,
    PairKind.CHANGED,
    PairKind.INSERTED,
    PairKind.DELETED,
    PairKind.MOVED,
)


def stack(heights: list[int]) -> list[Extent]:
    """Paragraphs of these many blocks, a blank block between each."""
    out, y = [], 0
    for h in heights:
        out.append(Extent(y, y + h))
        y += h + 1
    return out


def groups_of(pairs: list[Pair], ha: list[int], hb: list[int]) -> LevelGroups:
    a, b = stack(ha), stack(hb)
    total_a, total_b = int(a[-1].bottom), int(b[-1].bottom)
    linemap = build_linemap(pairs, a, b, total_a, total_b)
    return level_groups(linemap, total_a, total_b, one_by_one(pairs, a, b))


def test_a_group_runs_from_one_anchored_pair_to_the_next() -> None:
    # A: p0 (2 blocks), p1 (3);  B: p0 (2), p1 inserted (4), p2 (5)
    groups = groups_of(
        [Pair(EQ, (0,), (0,), 1.0), Pair(INS, (), (1,), 0.0), Pair(CH, (1,), (2,), 0.6)],
        [2, 3],
        [2, 4, 5],
    )
    assert list(groups.a) == [0, 3]
    assert list(groups.b) == [0, 8]
    assert groups.span(Side.A, 0) == (0, 3)  # p0 and its blank line
    assert groups.span(Side.B, 0) == (0, 8)  # p0, the insertion and their blank lines
    assert groups.span(Side.B, 1) == (8, 13)
    assert groups.group_of(Side.B, 5) == 0
    assert groups.group_of(Side.B, 8) == 1
    assert not groups.padded_on_top(Side.A)


def test_text_before_the_first_anchor_on_one_side_pads_the_other_on_top() -> None:
    groups = groups_of([Pair(INS, (), (0,), 0.0), Pair(EQ, (0,), (1,), 1.0)], [2], [3, 2])
    assert groups.span(Side.A, 0) == (0, 0)
    assert groups.padded_on_top(Side.A)
    assert not groups.padded_on_top(Side.B)
    assert groups.group_of(Side.A, 0) == 1  # never the empty group


def test_moves_are_not_anchors() -> None:
    groups = groups_of(
        [Pair(MOV, (1,), (0,), 0.9), Pair(EQ, (0,), (1,), 1.0)],
        [2, 2],
        [2, 2],
    )
    assert list(groups.a) == [0, 0]
    assert list(groups.b) == [0, 3]


def test_groups_must_start_at_the_top() -> None:
    with pytest.raises(ValueError, match="block 0"):
        LevelGroups((1,), (0,), 3, 3)


@given(
    st.lists(st.integers(1, 9), min_size=1, max_size=12),
    st.lists(st.integers(1, 9), min_size=1, max_size=12),
)
def test_every_block_is_in_one_group_and_groups_tile_each_side(
    ha: list[int], hb: list[int]
) -> None:
    n = min(len(ha), len(hb))
    pairs = [Pair(CH, (i,), (i,), 0.5) for i in range(n)]
    pairs += [Pair(DEL, (i,), (), 0.0) for i in range(n, len(ha))]
    pairs += [Pair(INS, (), (i,), 0.0) for i in range(n, len(hb))]
    groups = groups_of(pairs, ha, hb)
    for side in Side:
        spans = [groups.span(side, g) for g in range(groups.count)]
        assert spans[0][0] == 0
        assert spans[-1][1] == groups.blocks(side)
        assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
        for block in range(groups.blocks(side)):
            start, end = groups.span(side, groups.group_of(side, block))
            assert start <= block < end


def test_a_pair_of_two_paragraphs_a_side_levels_them_one_by_one() -> None:
    # A: p0 (2), p1 (3), p2 (1);  B: p0 (2), p1 (1), p2 (4);  p1 and p2 paired 2:2
    groups = groups_of(
        [Pair(EQ, (0,), (0,), 1.0), Pair(CH, (1, 2), (1, 2), 0.6)], [2, 3, 1], [2, 1, 4]
    )
    assert list(groups.a) == [0, 3, 7]
    assert list(groups.b) == [0, 3, 5]


def test_a_merge_is_not_split_into_groups() -> None:
    groups = groups_of([Pair(CH, (0, 1), (0,), 0.6), Pair(EQ, (2,), (1,), 1.0)], [2, 3, 1], [4, 1])
    assert list(groups.a) == [0, 7]
    assert list(groups.b) == [0, 5]


@given(st.lists(st.tuples(st.integers(1, 3), st.integers(1, 3), st.booleans()), max_size=8))
def test_groups_tile_each_side_whatever_the_pairs_sizes(
    shapes: list[tuple[int, int, bool]],
) -> None:
    """n:m pairs, some moved (listed out of place): groups still tile both sides in order."""
    ha, hb, pairs = [1], [1], [Pair(EQ, (0,), (0,), 1.0)]
    for n, m, moved in shapes:
        a = tuple(range(len(ha), len(ha) + n))
        b = tuple(range(len(hb), len(hb) + m))
        ha += [1 + i % 3 for i in range(n)]
        hb += [2 + i % 2 for i in range(m)]
        pairs.append(Pair(MOV if moved else CH, a, b, 0.5))
    if len(pairs) > 2:  # a moved one stands elsewhere on A: swap two pairs' A sides
        first, last = pairs[1], pairs[-1]
        if first.kind is MOV and len(first.a) == len(last.a):
            pairs[1] = Pair(MOV, last.a, first.b, 0.5)
            pairs[-1] = Pair(last.kind, first.a, last.b, 0.5)
    groups = groups_of(pairs, ha, hb)
    for side in Side:
        starts = list(groups.starts(side))
        assert starts == sorted(starts)
        assert all(x < y for x, y in itertools.pairwise(starts[1:]))  # none empty but group 0
        assert starts[-1] < groups.blocks(side)
