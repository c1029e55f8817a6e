# SPDX-License-Identifier: GPL-3.0-or-later
"""The stretches of the two panes that are made the same height, so pairs stay level.

Purpose: every pair present on both sides (and not moved) is an *anchor*; a
*group* runs from one anchor's first display block to the next one's, on each
side. When the shorter side of every group is padded to the taller side's
height, each anchor starts at the same height in both panes, and so do all
pairs on screen, whatever the wrapping: a position in one pane is the same
group and offset in the other (a straight mapping, no interpolation).

Constraints: pure, no Qt; only block numbers here. The heights come from the
panes' layout, in the UI, for the groups that are laid out (on screen) only.
Group 0 holds what precedes the first anchor and may be empty on one side (a
paragraph inserted at the very top): that side is padded above its first block.
A pair of as many paragraphs on each side (two reworded as two) pairs them one
by one: each paragraph after its first starts a group of its own too
(``one_by_one``), so the second ones start level as well.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter

from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.model import Pair
from twofold.engine.view.extents import Extent
from twofold.engine.view.scroll_sync import LineMap


@dataclass(frozen=True, slots=True)
class LevelGroups:
    """The first display block of every group on each side, and each side's block count."""

    #: ``a[i]``: the first block of group ``i`` in A (``a[0]`` is 0); non-decreasing
    a: Sequence[int]
    b: Sequence[int]
    a_blocks: int
    b_blocks: int

    def __post_init__(self) -> None:
        if len(self.a) != len(self.b) or not self.a or self.a[0] != 0 or self.b[0] != 0:
            raise ValueError("level groups start at block 0 on both sides, as many on each")

    @property
    def count(self) -> int:
        return len(self.a)

    def starts(self, side: Side) -> Sequence[int]:
        return self.a if side is Side.A else self.b

    def blocks(self, side: Side) -> int:
        return self.a_blocks if side is Side.A else self.b_blocks

    def group_of(self, side: Side, block: int) -> int:
        """The group that ``block`` of ``side`` belongs to (never an empty one)."""
        return max(0, bisect_right(self.starts(side), block) - 1)

    def span(self, side: Side, group: int) -> tuple[int, int]:
        """The blocks ``[start, end)`` of ``group`` on ``side`` (empty for an empty group 0)."""
        starts = self.starts(side)
        end = starts[group + 1] if group + 1 < len(starts) else self.blocks(side)
        return starts[group], end

    def padded_on_top(self, side: Side) -> bool:
        """Whether ``side`` has nothing before its first anchor while the other side does."""
        return self.count > 1 and self.span(side, 0) == (0, 0)


def one_by_one(
    pairs: Sequence[Pair], a_extents: Sequence[Extent], b_extents: Sequence[Extent]
) -> list[tuple[int, int]]:
    """The tops (A block, B block) of the paragraphs after the first of each n:n pair.

    Moved pairs are left out, as they are no anchors either; a pair of two
    paragraphs on one side and three on the other pairs none of them one by one.
    """
    tops: list[tuple[int, int]] = []
    # A log has a pair a line, nearly all of one paragraph a side: those are passed in C.
    several = compress(pairs, map((1).__lt__, map(len, map(attrgetter("a"), pairs))))
    for pair in several:
        a, b = pair.a, pair.b
        if len(a) == len(b) and pair.kind is not PairKind.MOVED:
            tops.extend(
                (int(a_extents[i].top), int(b_extents[j].top))
                for i, j in zip(a[1:], b[1:], strict=True)
            )
    return tops


def level_groups(
    linemap: LineMap, a_blocks: int, b_blocks: int, inner: Sequence[tuple[int, int]] = ()
) -> LevelGroups:
    """The groups between the anchors of ``linemap`` (the tops of its anchored pairs).

    ``linemap`` holds 0, then a top and a bottom per anchored pair, then the
    total, on each side (``scroll_sync.build_linemap``); its tops are block numbers.

    Args:
        linemap: the map built from the paragraph extents in display blocks.
        a_blocks: how many display blocks A has.
        b_blocks: the same for B.
        inner: more group tops inside the anchored pairs (``one_by_one``); one that
            would not start after the group before it on both sides is left out.
    """
    a = array("l", [0])
    b = array("l", [0])
    a.extend(map(int, linemap.a[1:-1:2]))
    b.extend(map(int, linemap.b[1:-1:2]))
    if inner:
        a, b = _merged(a, b, inner)
    if len(a) > 1 and a[1] == 0 and b[1] == 0:  # the first pair starts both texts
        del a[1], b[1]
    return LevelGroups(a, b, a_blocks, b_blocks)


def _merged(
    a: array[int], b: array[int], inner: Sequence[tuple[int, int]]
) -> tuple[array[int], array[int]]:
    """The anchors' tops with ``inner`` between them, each inner one a group not empty.

    An inner top is kept only where it starts after the group before it and
    before the next anchor on both sides (its pair was an anchor).
    """
    out_a, out_b = array("l", [a[0]]), array("l", [b[0]])
    extra = sorted(inner)
    k = 0
    for top_a, top_b in [*zip(a[1:], b[1:], strict=True), (2**62, 2**62)]:
        while k < len(extra) and extra[k][0] < top_a:
            in_a, in_b = extra[k]
            if in_a > out_a[-1] and out_b[-1] < in_b < top_b:
                out_a.append(in_a)
                out_b.append(in_b)
            k += 1
        if top_a < 2**62:
            out_a.append(top_a)
            out_b.append(top_b)
    return out_a, out_b
