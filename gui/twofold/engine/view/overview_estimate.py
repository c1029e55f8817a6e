# SPDX-License-Identifier: GPL-3.0-or-later
"""The overview map's scale: estimated wrapped heights and the strip's rows.

Purpose: place the whole document, and every change in it, on a strip a few
hundred pixels tall. Exact heights would mean laying out every block; an
estimate from the characters per block never changes while scrolling, so the
marks stay still.

Constraints: pure functions over plain numbers, no Qt; the estimate can be made
a slice at a time (``LineEstimate``) because it runs on the UI thread.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import TypeVar

from twofold.engine.view.extents import Extent

K = TypeVar("K")


def fraction(y: float, total: float) -> float:
    """A position as a fraction ``[0, 1]`` of the whole document, for the overview map."""
    if total <= 0:
        return 0.0
    return min(max(y / total, 0.0), 1.0)


def estimated_lines(lengths: Sequence[int], chars_per_line: int) -> array[int]:
    """Cumulative visual lines per block if each wraps every ``chars_per_line`` characters.

    The overview map scales by this: exact heights would mean laying out every
    block, and an estimate that never changes while scrolling keeps the marks still.
    ``out[i]`` is the first line of block ``i``; ``out[-1]`` the total.
    """
    return LineEstimate(lengths, chars_per_line).lines()


class LineEstimate:
    """``estimated_lines`` made a slice of blocks at a time.

    Why: it runs on the UI thread, and a log's in one event-loop turn was the
    longest stall of showing that comparison (``bench/gui_bench.py --only log``
    reports the longest stall). The caller says how many blocks a slice has
    (``GeometryTuning.estimate_slice_blocks``: short).
    """

    def __init__(self, lengths: Sequence[int], chars_per_line: int) -> None:
        self._lengths = lengths
        self._cpl = chars_per_line
        self._out = array("l", [0])
        #: max(1, ceil(n / cpl)) per distinct length n (a few hundred): looked up
        #: in C, where a Python expression per block took twice as long
        self._heights: dict[int, int] = {}

    @property
    def complete(self) -> bool:
        return len(self._out) > len(self._lengths)

    def advance(self, blocks: int) -> bool:
        """Estimate up to ``blocks`` more blocks; True when all are done."""
        done = len(self._out) - 1
        chunk = self._lengths[done : done + max(1, blocks)]
        if self._cpl <= 0:  # no wrapping: a line a block
            self._out.extend(range(done + 1, done + len(chunk) + 1))
            return self.complete
        heights, cpl = self._heights, self._cpl
        for n in set(chunk).difference(heights):
            heights[n] = max(1, -(-n // cpl))
        running = accumulate(map(heights.__getitem__, chunk), initial=self._out[-1])
        next(running)  # the initial value, already there
        self._out.extend(running)
        return self.complete

    def lines(self) -> array[int]:
        """The whole estimate (``estimated_lines``), finishing it here if need be."""
        while not self.advance(len(self._lengths)):
            pass
        return self._out


def position_at_fraction(cumulative: Sequence[int], fraction: float) -> float:
    """The block position at ``fraction`` of the estimated lines (``estimated_lines`` output)."""
    total = cumulative[-1] if cumulative else 0
    if total <= 0:
        return 0.0
    line = min(max(fraction, 0.0), 1.0) * total
    n = min(max(bisect_right(cumulative, line) - 1, 0), len(cumulative) - 2)
    span = cumulative[n + 1] - cumulative[n]
    return n + ((line - cumulative[n]) / span if span > 0 else 0.0)


def fraction_of_position(cumulative: Sequence[int], pos: float) -> float:
    """Where a block position is, as a fraction of the total (``position_at_fraction`` inverse)."""
    total = cumulative[-1] if cumulative else 0
    if total <= 0:
        return 0.0
    n = min(max(int(pos), 0), len(cumulative) - 2)
    line = cumulative[n] + min(max(pos - n, 0.0), 1.0) * (cumulative[n + 1] - cumulative[n])
    return min(max(line / total, 0.0), 1.0)


def overview_rows(
    cumulative: Sequence[int],
    extents: Sequence[Extent],
    kinds: Sequence[K],
    height: float,
    rows: list[tuple[float, float, K]] | None = None,
) -> list[tuple[float, float, K]]:
    """The strip rows ``(top, bottom, kind)`` of changes in a strip ``height`` pixels tall.

    ``fraction_of_position`` for each end of each extent, inlined because a
    reworded document has thousands of changes and the strip is redrawn on every
    resize; rows at least two pixels tall, and a row of the same kind that
    touches the previous one extends it, so a run of changes (which share a few
    hundred pixel rows) becomes one rectangle.

    Args:
        rows: the rows of the extents before these, to go on from (extended in
            place): a log's 25,000 changes take their rows a slice at a time.
    """
    rows = [] if rows is None else rows
    total = cumulative[-1] if cumulative else 0
    if total <= 0 or height <= 0:
        return rows
    scale = height / total
    last = len(cumulative) - 2

    def y(pos: float) -> float:
        n = int(pos)
        n = 0 if n < 0 else last if n > last else n
        share = pos - n
        share = 0.0 if share < 0.0 else 1.0 if share > 1.0 else share
        return (cumulative[n] + share * (cumulative[n + 1] - cumulative[n])) * scale

    for extent, kind in zip(extents, kinds, strict=False):
        top, bottom = y(extent.top), y(extent.bottom)
        if bottom - top < 2.0:
            top, bottom = top - 1.0, top + 1.0
        if rows:
            prev_top, prev_bottom, prev_kind = rows[-1]
            if prev_kind == kind and prev_top <= top <= prev_bottom + 0.5:
                rows[-1] = (prev_top, max(prev_bottom, bottom), kind)
                continue
        rows.append((top, bottom, kind))
    return rows
