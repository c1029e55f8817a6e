# SPDX-License-Identifier: GPL-3.0-or-later
"""What a pane marks in the blocks on screen alone: changed words, break marks, stand-ins.

The changed words are extra selections (``word_selections``), a change of a line
break alone is marked in paint, and the stand-ins of hidden characters are boxed
in paint (``stand_in_paint``). All three are looked up for the blocks on screen
only, and again only when what is on screen changed: a screen of a big text
holds a few hundred highlights, the whole text millions.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from twofold.engine.result.kinds import PairKind, Side
from twofold.ui.panes.pane_content import PaneContent
from twofold.ui.panes.pane_fill import SlicedFill
from twofold.ui.panes.pane_geometry import PaneGeometry
from twofold.ui.panes.spans import StandIn
from twofold.ui.panes.stand_in_paint import block_stand_ins
from twofold.ui.panes.word_selections import visible_windows, word_format, word_selections
from twofold.ui.theme import Theme

#: at most this many looks at what is on screen per refresh (each after setting
#: selections, which may lay out blocks and change what is on screen)
_REFRESH_ROUNDS = 3
#: a key no screen has: the next refresh sets the marks whatever is on screen
_STALE: tuple[int, ...] = (-1, -1)


class ScreenMarks:
    """Sets a pane's word selections and finds its break marks and stand-ins on screen."""

    __slots__ = (
        "_change_lines",
        "_content",
        "_edit",
        "_fill",
        "_geometry",
        "_key",
        "_refreshing",
        "_side",
        "breaks",
        "stand_ins",
    )

    def __init__(
        self,
        edit: QPlainTextEdit,
        side: Side,
        geometry: PaneGeometry,
        content: PaneContent,
        fill: SlicedFill,
    ) -> None:
        self._edit = edit
        self._side = side
        self._geometry = geometry
        self._content = content
        self._fill = fill  # whether stand-ins went in at all
        self._change_lines = False
        self._key = _STALE  # what was on screen when the marks were set
        self._refreshing = False  # inside refresh (see there)
        #: blocks on screen ending in a break-only change, for the paint to mark
        self.breaks: set[int] = set()
        #: the stand-ins of hidden characters by block on screen, for the paint to box
        self.stand_ins: dict[int, list[StandIn]] = {}

    def invalidate(self) -> None:
        """The marks changed (highlights, matches, look): set them all at the next refresh."""
        self._key = _STALE

    def clear_stand_ins(self) -> None:
        """A new text: none of the stand-ins found belong to it."""
        self.stand_ins = {}

    def set_change_lines(self, on: bool) -> bool:
        """Strike deleted words through and underline inserted ones; True if that changed."""
        if on == self._change_lines:
            return False
        self._change_lines = on
        self._key = _STALE
        return True

    def refresh(self, theme: Theme) -> None:
        """Set the marks for what is on screen, only when that changed.

        ``setExtraSelections`` asks for updates, and each update request calls
        this again: on a log's short wrapped lines that was some fifty nested calls
        a step, each walking the blocks on screen anew (laying out new blocks
        changes the layout epoch). The nested calls are skipped; what is on screen
        is looked at again once the outer call has set its selections, so a
        layout change during it is not missed.
        """
        if self._refreshing:
            return
        self._refreshing = True
        try:
            for _ in range(_REFRESH_ROUNDS):
                if not self._refresh_once(theme):
                    break
        finally:
            self._refreshing = False

    def _refresh_once(self, theme: Theme) -> bool:
        """Set the marks for what is on screen; False when they were set already."""
        numbers = self._geometry.visible_blocks()[0]
        if not numbers:
            return False
        edit, doc = self._edit, self._edit.document()
        last = doc.findBlockByNumber(numbers[-1])
        start, end = doc.findBlockByNumber(numbers[0]).position(), last.position() + last.length()
        key: tuple[int, ...] = (start, end)
        if edit.lineWrapMode() is QPlainTextEdit.LineWrapMode.NoWrap:
            # What is in view moves with the scroll bar and the width too. Checked before
            # walking the blocks for it: most calls (a repaint of a block the syntax
            # colours changed) find the marks set already.
            key += (edit.horizontalScrollBar().value(), edit.viewport().width())
        if key == self._key:
            return False
        self._key = key
        windows = visible_windows(edit, numbers)
        selections: list[QTextEdit.ExtraSelection] = []
        self.breaks = set()
        content = self._content
        if content.has_highlights:
            fmt = {
                kind: word_format(theme, self._side, kind, self._change_lines) for kind in PairKind
            }
            if windows:  # block by block, only what is in view of each
                ranges = [(n, n, *windows[n]) for n in numbers]
            else:
                ranges = [(numbers[0], numbers[-1], start, end)]
            # find's matches are painted under the text (match_paint): cut out of these
            matches = list(content.matches_in(start, end))
            selections, self.breaks = word_selections(
                doc, content.highlights_in, ranges, matches, fmt
            )
        edit.setExtraSelections(selections)
        self._find_stand_ins(numbers)
        return True

    def _find_stand_ins(self, numbers: Sequence[int]) -> None:
        """Find the stand-ins in these blocks, for the paint to box and frame."""
        doc = self._edit.document()
        self.stand_ins = {}
        if self._fill.revealed:  # else nothing was put in to find
            positions = self._content.positions
            for number in numbers:
                found = block_stand_ins(positions, doc.findBlockByNumber(number))
                if found:
                    self.stand_ins[number] = found
