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
from twofold.engine.view.level_groups import LevelGroups, level_groups
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
    return level_groups(build_linemap(pairs, a, b, total_a, total_b), total_a, total_b)


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
