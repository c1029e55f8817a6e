# SPDX-License-Identifier: GPL-3.0-or-later
"""Where stored positions are after the edits made since they were computed.

A pane paints highlights, find's matches, tints and the current change's frame
from positions a comparison computed. While the user types, the document moves
under them until the edit is compared again: painted as stored, every highlight
after the cursor sat on the wrong words. An editor's answer: note each edit
(``QTextDocument.contentsChange``: position, removed, added) and map the stored
positions through the edits when painting.

Cheap for big documents: an edit is not applied to every stored range. Only
the edited spots are kept: disjoint ranges of the old positions, each with the
length it has now, merged when an edit touches one (a typed word is one spot,
not six). A stored position maps by a bisection over the spots, and a screen
maps only the ranges on it. Positions are plain integers: document positions,
or block numbers for what is stored per block.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Spot:
    """An edited range: ``[lo, hi)`` in the old positions, ``length`` long now."""

    lo: int
    hi: int
    length: int

    def __post_init__(self) -> None:
        if not 0 <= self.lo <= self.hi or self.length < 0:
            raise ValueError(f"bad spot {self.lo}..{self.hi} ({self.length})")

    @property
    def delta(self) -> int:
        return self.length - (self.hi - self.lo)


class EditShift:
    """The edits since some positions were stored, as old-to-current position maps.

    Empty (false) until an edit comes; ``clear`` when the positions are computed anew.
    """

    __slots__ = ("_after", "_his", "_los_now", "_spots")

    def __init__(self) -> None:
        self._spots: list[Spot] = []
        self._his: list[int] = []  # old end of each spot
        self._after: list[int] = []  # total shift at the end of each spot
        self._los_now: list[int] = []  # current start of each spot

    def __bool__(self) -> bool:
        return bool(self._spots)

    @property
    def spots(self) -> tuple[Spot, ...]:
        return tuple(self._spots)

    def clear(self) -> None:
        self._spots = []
        self._index()

    def add(self, position: int, removed: int, added: int) -> None:
        """Note an edit in current positions: ``removed`` replaced by ``added`` at ``position``.

        Spots the edit overlaps or touches merge with it into one spot.
        """
        if removed == 0 and added == 0:
            return
        end = position + removed
        kept: list[Spot] = []
        shift = 0
        spots = self._spots
        i = 0
        while i < len(spots) and spots[i].lo + shift + spots[i].length < position:
            kept.append(spots[i])
            shift += spots[i].delta
            i += 1
        lo_now, hi_now, before = position, end, shift
        while i < len(spots) and spots[i].lo + shift <= end:
            spot = spots[i]
            lo_now = min(lo_now, spot.lo + shift)
            hi_now = max(hi_now, spot.lo + shift + spot.length)
            shift += spot.delta
            i += 1
        merged = Spot(lo_now - before, hi_now - shift, hi_now - lo_now - removed + added)
        self._spots = [*kept, merged, *spots[i:]]
        self._index()

    def _index(self) -> None:
        self._his = [spot.hi for spot in self._spots]
        self._after, self._los_now, shift = [], [], 0
        for spot in self._spots:
            self._los_now.append(spot.lo + shift)
            shift += spot.delta
            self._after.append(shift)

    def range_now(self, start: int, end: int) -> tuple[int, int] | None:
        """Old ``[start, end)`` in current positions; None if an edit touched its inside."""
        i = bisect_right(self._his, start)  # the first spot ending after start
        if i < len(self._spots) and self._spots[i].lo < end:
            return None
        shift = self._after[i - 1] if i else 0
        return start + shift, end + shift

    def point_now(self, old: float, *, end: bool = False) -> float:
        """An old position (a block position may have a fraction) now.

        Inside an edited spot: the spot's start, or its end when ``end`` (an end
        at the spot's start stays before it).
        """
        i = bisect_right(self._his, int(old))
        shift = self._after[i - 1] if i else 0
        if i < len(self._spots) and (self._spots[i].lo < old if end else self._spots[i].lo <= old):
            spot = self._spots[i]
            return self._los_now[i] + (spot.length if end else 0)
        return old + shift

    def point_then(self, now: int, *, end: bool = False) -> int:
        """A current position in the old positions.

        Inside an edited spot: the spot's old start, or its old end when ``end``.
        """
        i = bisect_right(self._los_now, now) - 1
        if i < 0:
            return now
        spot = self._spots[i]
        if now < self._los_now[i] + spot.length or (now == self._los_now[i] and not spot.length):
            return spot.hi if end else spot.lo
        return now - self._after[i]
