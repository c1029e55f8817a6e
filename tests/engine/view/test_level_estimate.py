# SPDX-License-Identifier: GPL-3.0-or-later
"""The overview's scale counts the padding: each group as tall as its taller side."""

from __future__ import annotations

from itertools import accumulate

from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.result.kinds import Side
from twofold.engine.view.level_estimate import LevelEstimate
from twofold.engine.view.level_groups import LevelGroups


def _naive(groups: LevelGroups, own: dict[Side, list[int]], side: Side) -> list[int]:
    """Block by block: a group's top is the sum of the taller sides above it."""
    out, top = [], 0
    for g in range(groups.count):
        spans = {s: groups.span(s, g) for s in Side}
        start, end = spans[side]
        out += [top + own[side][i] - own[side][start] for i in range(start, end)]
        top += max(own[s][spans[s][1]] - own[s][spans[s][0]] for s in Side)
    if out:
        out[0] = 0
    return [*out, top]


@st.composite
def _layouts(draw: st.DrawFn) -> tuple[LevelGroups, dict[Side, list[int]], int]:
    sizes = draw(st.lists(st.tuples(st.integers(1, 4), st.integers(1, 4)), min_size=1, max_size=9))
    empty_top = draw(st.sampled_from([None, Side.A, Side.B]))
    starts: dict[Side, list[int]] = {Side.A: [0], Side.B: [0]}
    blocks = {Side.A: 0, Side.B: 0}
    for n, (a, b) in enumerate(sizes):
        for side, size in ((Side.A, a), (Side.B, b)):
            if n:
                starts[side].append(blocks[side])
            blocks[side] += 0 if n == 0 and side is empty_top else size
    groups = LevelGroups(starts[Side.A], starts[Side.B], blocks[Side.A], blocks[Side.B])
    own = {
        side: list(accumulate(draw(st.lists(st.integers(1, 5), min_size=n, max_size=n)), initial=0))
        for side, n in blocks.items()
    }
    return groups, own, draw(st.integers(1, 4))


@given(_layouts())
def test_a_group_is_as_tall_as_its_taller_side_on_both_scales(
    layout: tuple[LevelGroups, dict[Side, list[int]], int],
) -> None:
    groups, own, slice_groups = layout
    estimate = LevelEstimate(groups, own[Side.A], own[Side.B])
    while not estimate.advance(slice_groups):  # a slice of groups at a time, as the strip does
        pass
    for side in Side:
        assert list(estimate.lines(side)) == _naive(groups, own, side)
        assert len(estimate.lines(side)) == groups.blocks(side) + 1
    assert estimate.lines(Side.A)[-1] == estimate.lines(Side.B)[-1]
    for g in range(groups.count):  # every group starts level (but one padded on top)
        a, b = (estimate.lines(s)[groups.span(s, g)[0]] for s in Side)
        if all(0 < groups.span(s, g)[0] < groups.blocks(s) for s in Side):
            assert a == b


def test_an_insertion_pushes_what_follows_down_on_the_side_without_it() -> None:
    # A: 2 blocks, 1;  B: 2 blocks, then 6 more (an insertion) in the same group, 1
    groups = LevelGroups([0, 2], [0, 8], 3, 9)
    own = {Side.A: [0, 1, 2, 3], Side.B: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]}
    estimate = LevelEstimate(groups, own[Side.A], own[Side.B])
    assert list(estimate.lines(Side.A)) == [0, 1, 8, 9]
    assert list(estimate.lines(Side.B)) == own[Side.B]
