# SPDX-License-Identifier: GPL-3.0-or-later
"""The overview's scale with the padding that levels the panes: where a change is in them.

Purpose: the panes pad the shorter side of every group (``level_groups``), so a
change stands as far down the levelled panes as the taller sides of the groups
above it reach, not as far as its own side's lines do. The overview strip and a
click on it use this scale; without it a change beside a long insertion sat on
the strip higher than in the panes, and the frame of what is on screen drifted
from the marks.

Constraints: pure, no Qt, over the panes' line estimates
(``overview_estimate.estimated_lines``): exact heights would lay out every
block. Made a slice of groups at a time (``advance``) like the estimates, as it
runs on the UI thread and a log has a group a line; each slice is a few passes
in C (``map``, ``accumulate``), no Python per block.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import accumulate, chain, repeat
from operator import add, sub

from twofold.engine.result.kinds import Side
from twofold.engine.view.level_groups import LevelGroups


class LevelEstimate:
    """Cumulative estimated lines per block of each side, the groups padded to one height.

    ``lines(side)[i]`` is where block ``i`` of ``side`` starts, ``[-1]`` the total,
    the same on both sides. A side padded on top (``LevelGroups.padded_on_top``)
    has its first block start at 0 with the padding in it, as Qt lays it out.
    """

    def __init__(self, groups: LevelGroups, a_lines: Sequence[int], b_lines: Sequence[int]) -> None:
        self._groups = groups
        self._own = {Side.A: a_lines, Side.B: b_lines}
        self._out = {Side.A: array("l"), Side.B: array("l")}
        self._done = 0  # groups estimated
        self._top = 0  # where the next group starts

    def is_for(self, groups: LevelGroups, a_lines: Sequence[int], b_lines: Sequence[int]) -> bool:
        """Whether this was made of these groups and estimates (the very objects)."""
        return (
            groups is self._groups and a_lines is self._own[Side.A] and b_lines is self._own[Side.B]
        )

    @property
    def groups_count(self) -> int:
        """How many groups the estimate covers when complete."""
        return self._groups.count

    @property
    def complete(self) -> bool:
        return self._done >= self._groups.count

    def advance(self, count: int) -> bool:
        """Estimate up to ``count`` more groups; True when all are done."""
        groups, done = self._groups, self._done
        end = min(groups.count, done + max(1, count))
        if done >= end:
            return True
        heights: dict[Side, list[int]] = {}
        for side in Side:
            own, starts = self._own[side], groups.starts(side)
            ends = chain(
                starts[done + 1 : end + 1], repeat(groups.blocks(side), end + 1 - len(starts))
            )
            heights[side] = list(
                map(sub, map(own.__getitem__, ends), map(own.__getitem__, starts[done:end]))
            )
        tops = list(accumulate(map(max, heights[Side.A], heights[Side.B]), initial=self._top))
        for side in Side:
            own, starts = self._own[side], groups.starts(side)
            first = starts[done]
            last = starts[end] if end < groups.count else groups.blocks(side)
            # a group's top in the panes less its own top
            shifts = map(sub, tops, map(own.__getitem__, starts[done:end]))
            sizes = map(sub, chain(starts[done + 1 : end], (last,)), starts[done:end])
            per_block = chain.from_iterable(map(repeat, shifts, sizes))
            self._out[side].extend(map(add, own[first:last], per_block))
        self._top = tops[-1]
        self._done = end
        if self.complete:
            for side in Side:
                out = self._out[side]
                if out:
                    out[0] = 0  # a side padded on top: its first block holds the padding
                out.append(self._top)
        return self.complete

    def lines(self, side: Side) -> array[int]:
        """The whole estimate of ``side``, finishing it here if need be."""
        while not self.advance(self._groups.count):
            pass
        return self._out[side]
