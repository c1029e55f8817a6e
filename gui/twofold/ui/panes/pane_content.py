# SPDX-License-Identifier: GPL-3.0-or-later
"""What a pane shows besides its text, as it is now: tints, highlights, matches, frame, gaps.

The comparison hands a pane its display table, the kind of each non-equal
paragraph, the inline highlights, the heading paragraphs, the current change and
the gaps; find hands it its matches. Each is stored as computed and read back
through ``EditFollow``, so what the user typed since moves it with its words
until the edit is compared again. Kept apart from the widget so that the
questions the gutter, the paint, the link band and the tests ask (which kind is
this block, where is the current change now) have one answer, whatever view
shows the text: ``DiffPane.content``. The pane sets it; others only read.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextDocument

from twofold.engine.result.kinds import PairKind
from twofold.engine.view.display_blocks import BlockTable, block_table
from twofold.engine.view.extents import Extent
from twofold.engine.view.utf16 import Utf16Map
from twofold.ui.panes.edit_follow import EditFollow
from twofold.ui.panes.spans import BlockTints, Highlight, PaneHighlights, PanePositions


class PaneContent:
    """One pane's comparison values and find's matches, moved with the edits since."""

    __slots__ = (
        "_current",
        "_follow",
        "_gaps",
        "_highlights",
        "_matches",
        "_positions",
        "_tints",
        "headings",
    )

    def __init__(self) -> None:
        table = block_table("", [])
        self._positions = PanePositions(table, Utf16Map(""))
        self._tints = BlockTints(table, [])
        self._highlights: PaneHighlights | None = None
        self._follow = EditFollow()  # edits since the comparison: what is painted moves
        self._matches: list[tuple[int, int]] = []
        self._current: Extent | None = None
        self._gaps: list[tuple[float, PairKind]] = []
        #: document positions of the heading blocks
        self.headings: list[int] = []

    def show(
        self,
        positions: PanePositions,
        tints: Sequence[tuple[int, PairKind]],
        highlights: PaneHighlights | None,
        headings: Sequence[int],
        document: QTextDocument,
    ) -> None:
        """A new comparison (``DiffPane.set_content``): no frame, gaps or matches yet."""
        self._current, self._gaps, self._matches = None, [], []
        self._positions, self._highlights = positions, highlights
        self._tints = BlockTints(positions.table, tints)
        self._follow.compared(document)
        self.headings = [positions.position(offset) for offset in headings]

    def set_highlights(self, highlights: PaneHighlights) -> None:
        self._highlights = highlights

    def set_current(self, extent: Extent | None) -> None:
        """The current change's frame, as stored (block positions)."""
        self._current = extent

    def set_gaps(self, gaps: list[tuple[float, PairKind]]) -> None:
        """Block positions where the other side has a paragraph this side lacks (sorted)."""
        self._gaps = gaps

    @property
    def gaps(self) -> list[tuple[float, PairKind]]:
        """The gaps as stored: ``block_pos_now`` moves each with the edits."""
        return self._gaps

    @property
    def table(self) -> BlockTable:
        return self._positions.table

    @property
    def positions(self) -> PanePositions:
        return self._positions

    @property
    def has_highlights(self) -> bool:
        return self._highlights is not None

    # ----- edits since ---------------------------------------------------------------------

    def compared(self, document: QTextDocument) -> None:
        """The document holds the comparison's text as stored: nothing has moved."""
        self._follow.compared(document)

    def changed(
        self, document: QTextDocument, position: int, removed: int, added: int, *, edit: bool
    ) -> None:
        """The document changed (``contentsChange``); ``edit``: typed, not a fill's slice."""
        if edit:
            self._follow.edited(document, position, removed, added)
        else:
            self._follow.skip(document)

    # ----- per block -----------------------------------------------------------------------

    def block_kind(self, block_number: int) -> PairKind | None:
        found = self._tints.at(self._follow.block_then(block_number))
        return None if found is None else found[0]

    def paragraph_start_kind(self, block_number: int) -> PairKind | None:
        found = self._tints.at(self._follow.block_then(block_number))
        return found[0] if found is not None and found[1] else None

    def line_label(self, block_number: int) -> str:
        """The gutter number: the source line, blank on the continuation of a cut line."""
        line = self._positions.table.source_line(block_number)
        return "" if line is None else str(line + 1)

    def highlights_in(
        self, first_block: int, last_block: int, start: int, end: int
    ) -> list[Highlight]:
        """The word highlights in these blocks and document positions, as painted now.

        Moved with the edits made since the comparison; none where an edit went in.
        """
        if self._highlights is None:
            return []
        return self._follow.highlights(self._highlights, first_block, last_block, start, end)

    # ----- find's matches ------------------------------------------------------------------

    def set_matches(self, matches: list[tuple[int, int]]) -> None:
        """Find's matches (document positions, sorted, not overlapping), as the text is now."""
        self._matches = matches
        self._follow.searched()

    @property
    def has_matches(self) -> bool:
        return bool(self._matches)

    def matches_in(self, start: int, end: int) -> Sequence[tuple[int, int]]:
        """Find's matches around ``[start, end)``, moved with the edits (may reach outside)."""
        return self._follow.matches(self._matches, start, end)

    def find_matches_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Find's matches painted in document positions ``[start, end)``, moved with the edits."""
        return [m for m in self._follow.matches(self._matches, start, end) if m[1] > start]

    # ----- block positions -----------------------------------------------------------------

    def extent_now(self, extent: Extent) -> Extent:
        """A block extent of the comparison shown, moved with the line breaks typed since."""
        return self._follow.extent_now(extent)

    def current_extent(self) -> Extent | None:
        """The current change's frame as painted now (block positions)."""
        return None if self._current is None else self._follow.extent_now(self._current)

    def block_then(self, block: int) -> int:
        """The block of the comparison a block now stands for."""
        return self._follow.block_then(block)

    def block_pos_now(self, pos: float) -> float:
        """A block position of the comparison (a gap's line) as it is now."""
        return self._follow.block_pos_now(pos)
