# SPDX-License-Identifier: GPL-3.0-or-later
"""Where a line diff shows an ambiguous change: git's ``xdl_change_compact``.

Why: a block of inserted lines that begins with the line that follows it (a
blank line before a new function, say) says the same one line lower, and any
line diff may find either place. diff(1) and git show such a change as low as
it goes, merged with any change it reaches on the way, unless it passes a change
of the other side, which it then lines up with; readers expect that, and the
unified diffs of Twofold and git then agree hunk for hunk. Git's indent
heuristic, which may then pick a place in between, is not done.

A side is described by its line ids and one changed flag per line; the
unchanged lines of the two sides pair up in order, so the k-th run of changed
lines (or the empty gap) of one side faces the k-th of the other.

Constraints: pure, no I/O, no Qt; the flags are updated in place.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress

__all__ = ["next_flag", "slide_changes"]


def next_flag(flags: list[bool], value: bool, start: int) -> int:
    """The first index from ``start`` whose flag is ``value``, or ``len(flags)``."""
    try:
        return flags.index(value, start)
    except ValueError:
        return len(flags)


def slide_changes(lines: list[int], changed: list[bool], other: list[bool]) -> None:
    """Slide each change of one side (``changed``, updated) as git does; ``other`` is read only.

    Only the runs of changed lines are visited, found in C: on a big file the
    gaps between them are most of the lines.
    """
    #: where the other side's unchanged lines are: its k-th gap starts after the (k-1)-th
    unchanged_other = list(compress(range(len(other)), [not flag for flag in other]))
    group, facing = _Group(lines, changed), _Group([], other)
    pos = gap = 0  # ``gap``: the unchanged lines of this side before ``pos``
    while (start := next_flag(changed, True, pos)) < len(changed):
        gap += start - pos
        group.start, group.stop = start, next_flag(changed, False, start)
        facing.start = unchanged_other[gap - 1] + 1 if gap else 0
        facing.stop = next_flag(other, False, facing.start)
        _slide(group, facing)
        pos, gap = group.stop, bisect_left(unchanged_other, facing.start)


def _slide(group: _Group, facing: _Group) -> None:
    """Slide one change down as far as it goes (``facing`` follows on the other side)."""
    while True:
        size = group.stop - group.start
        while group.slide_up():
            facing.step_previous()
        earliest_stop = group.stop
        lined_up = facing.stop > facing.start
        while group.slide_down():
            facing.step_next()
            lined_up = lined_up or facing.stop > facing.start
        if group.stop - group.start == size:  # it merged with no other change
            break
    if group.stop != earliest_stop and lined_up:
        while facing.stop == facing.start:  # back up to the last change on the other side
            group.slide_up()
            facing.step_previous()


class _Group:
    """A run ``[start, stop)`` of changed lines of one side, moved as git's ``xdlgroup``.

    An empty run is the gap between two unchanged lines. Mutable on purpose: it
    is a cursor that slides over the flags it updates.
    """

    __slots__ = ("changed", "lines", "start", "stop")

    def __init__(self, lines: list[int], changed: list[bool]) -> None:
        self.lines, self.changed = lines, changed
        self.start = self.stop = 0

    def _run_start(self, k: int) -> int:
        changed = self.changed
        while k > 0 and changed[k - 1]:
            k -= 1
        return k

    def step_next(self) -> None:
        """Move to the run after the next unchanged line."""
        self.start = self.stop + 1
        self.stop = next_flag(self.changed, False, self.start)

    def step_previous(self) -> None:
        """Move to the run before the previous unchanged line."""
        self.stop = self.start - 1
        self.start = self._run_start(self.stop)

    def slide_up(self) -> bool:
        """Move the run one line up if the line before it equals its last line."""
        start, stop, lines = self.start, self.stop, self.lines
        if start == 0 or lines[start - 1] != lines[stop - 1]:
            return False
        self.changed[start - 1], self.changed[stop - 1] = True, False
        self.start, self.stop = self._run_start(start - 1), stop - 1
        return True

    def slide_down(self) -> bool:
        """Move the run one line down if the line after it equals its first line."""
        start, stop, lines = self.start, self.stop, self.lines
        if stop == len(lines) or lines[start] != lines[stop]:
            return False
        self.changed[start], self.changed[stop] = False, True
        self.start, self.stop = start + 1, next_flag(self.changed, False, stop + 1)
        return True
