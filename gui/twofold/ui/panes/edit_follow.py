# SPDX-License-Identifier: GPL-3.0-or-later
"""What a pane paints from stored positions, moved with the edits made since.

The highlights, tints, gaps and the current change's frame come from the
comparison shown; find's matches from the last search. While the user types,
until the edit is compared again, each is mapped through the edits since it
was stored (``engine.view.edit_shift``): what follows an edit moves with its
words, and a range an edit went into is not painted (the new comparison paints
it again). Positions per character and per block are followed apart: typing a
line break moves the blocks, typing a word only the characters.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from PySide6.QtGui import QTextDocument

from twofold.engine.view.edit_shift import EditShift
from twofold.engine.view.extents import Extent
from twofold.ui.panes.spans import Highlight, PaneHighlights


class EditFollow:
    """The edits a pane's document had since its comparison and since its find matches."""

    __slots__ = ("_blocks", "_count", "_found", "_text")

    def __init__(self) -> None:
        self._text = EditShift()  # document positions, since the comparison
        self._blocks = EditShift()  # block numbers, since the comparison
        self._found = EditShift()  # document positions, since find's matches
        self._count = 1  # the document's blocks before the next edit

    def compared(self, document: QTextDocument) -> None:
        """The positions of a comparison were stored: nothing to move them by yet."""
        self._text.clear()
        self._blocks.clear()
        self._found.clear()
        self._count = document.blockCount()

    def searched(self) -> None:
        """Find's matches were stored, in the document's positions as they are now."""
        self._found.clear()

    def skip(self, document: QTextDocument) -> None:
        """A change that is no edit (a fill's slice): only the block count follows."""
        self._count = document.blockCount()

    def edited(self, document: QTextDocument, position: int, removed: int, added: int) -> None:
        """Note an edit (``QTextDocument.contentsChange``'s arguments)."""
        count = document.blockCount()
        first = document.findBlock(position).blockNumber()
        breaks_added = document.findBlock(position + added).blockNumber() - first
        breaks_removed = breaks_added - (count - self._count)
        self._count = count
        self._text.add(position, removed, added)
        self._found.add(position, removed, added)
        if breaks_added or breaks_removed:  # the edited block counts as replaced
            self._blocks.add(first, breaks_removed + 1, breaks_added + 1)

    def highlights(
        self, highlights: PaneHighlights, first_block: int, last_block: int, start: int, end: int
    ) -> list[Highlight]:
        """``highlights.in_range`` for the blocks and positions as they are now."""
        text, blocks = self._text, self._blocks
        if not text and not blocks:
            return highlights.in_range(first_block, last_block, start, end)
        found = highlights.in_range(
            blocks.point_then(first_block),
            blocks.point_then(last_block, end=True),
            text.point_then(start),
            text.point_then(end, end=True),
        )
        out: list[Highlight] = []
        for h in found:
            now = text.range_now(h.start, h.end)
            if now is not None:
                out.append(Highlight(now[0], now[1], h.kind))
        return out

    def matches(
        self, matches: Sequence[tuple[int, int]], start: int, end: int
    ) -> Sequence[tuple[int, int]]:
        """Find's matches in ``[start, end)`` of the document as it is now (sorted)."""
        found = self._found
        if not found:
            return matches
        lo = bisect_right(matches, (found.point_then(start),)) - 1
        hi = bisect_left(matches, (found.point_then(end, end=True) + 1,))
        out: list[tuple[int, int]] = []
        for match in matches[max(0, lo) : hi]:
            now = found.range_now(*match)
            if now is not None:
                out.append(now)
        return out

    def block_then(self, block: int) -> int:
        """The block a tint was stored for, for a block now (an edited one: its first)."""
        return self._blocks.point_then(block)

    def extent_now(self, extent: Extent) -> Extent:
        """A stored extent (block positions) as it is now; an edited block's frame widens."""
        blocks = self._blocks
        if not blocks:
            return extent
        top = blocks.point_now(extent.top)
        return Extent(top, max(top, blocks.point_now(extent.bottom, end=True)))

    def block_pos_now(self, pos: float) -> float:
        """A stored block position (a gap's line) as it is now."""
        return self._blocks.point_now(pos)
