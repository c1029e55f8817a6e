# SPDX-License-Identifier: GPL-3.0-or-later
"""Where paragraphs sit in a pane, as ``[top, bottom)`` ranges of block positions.

Purpose: the one shape the scroll sync, the change list and the overview map
all read positions in, plus two ways to hold and search many of them cheaply.

Constraints: pure values, no Qt. The unit is the block (see
``display_blocks``) plus a fraction of it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    from twofold.engine.view.display_blocks import BlockTable


@dataclass(frozen=True, slots=True)
class Extent:
    """Where one paragraph (or a run of them) sits in a pane: ``[top, bottom)``."""

    top: float
    bottom: float

    def __post_init__(self) -> None:
        if self.bottom < self.top:
            raise ValueError(f"bad extent [{self.top}, {self.bottom})")

    @property
    def height(self) -> float:
        return self.bottom - self.top


class ExtentIndex:
    """Finds the extents that overlap a range, without visiting all of them.

    Extents sorted by top, with the running maximum of their bottoms: both are
    non-decreasing, so two bisections bound the candidates. Moves make the
    extents of one side out of order, hence the sort.
    """

    __slots__ = ("_extents", "_max_bottom", "_order", "_tops")

    def __init__(self, extents: Sequence[Extent]) -> None:
        self._extents = extents
        self._order = array("l", sorted(range(len(extents)), key=lambda i: extents[i].top))
        self._tops = array("d", (extents[i].top for i in self._order))
        self._max_bottom = array("d", accumulate((extents[i].bottom for i in self._order), max))

    def overlapping(self, lo: float, hi: float) -> list[int]:
        """Indices of the extents touching ``[lo, hi]``, empty ones included, in index order."""
        first = bisect_left(self._max_bottom, lo)
        last = bisect_right(self._tops, hi)
        found = []
        for k in range(first, last):
            i = self._order[k]
            if self._extents[i].bottom >= lo:
                found.append(i)
        return sorted(found)


class ParagraphExtents(Sequence[Extent]):
    """Where each paragraph of a side sits, ``Extent(first, last + 1)``, read off a table.

    Why not a list of ``Extent``: that is an object and two ints per paragraph,
    about 115 bytes, kept for as long as the result is shown; for source files
    with a paragraph a line that was a good share of what the window added for
    them (``bench/gui_bench.py --only source``). The table's arrays already hold
    the numbers.
    """

    __slots__ = ("_first", "_last")

    def __init__(self, table: BlockTable) -> None:
        self._first, self._last = table.para_first, table.para_last

    def __len__(self) -> int:
        return len(self._first)

    @property
    def bounds(self) -> tuple[array[int], array[int]]:
        """Each paragraph's first and last block: an extent is ``(first, last + 1)``."""
        return self._first, self._last

    @overload
    def __getitem__(self, index: int) -> Extent: ...

    @overload
    def __getitem__(self, index: slice) -> list[Extent]: ...

    def __getitem__(self, index: int | slice) -> Extent | list[Extent]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return Extent(self._first[index], self._last[index] + 1)

    def __iter__(self) -> Iterator[Extent]:
        return map(Extent, self._first, (last + 1 for last in self._last))

    def covering(self, first: int, last: int) -> Extent:
        """The extent from paragraph ``first``'s top to paragraph ``last``'s bottom.

        One ``Extent`` made instead of three: the line map asks this of every pair.
        """
        return Extent(self._first[first], self._last[last] + 1)
