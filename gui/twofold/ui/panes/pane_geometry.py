# SPDX-License-Identifier: GPL-3.0-or-later
"""Block positions to a pane's screen and back, from one walk over the blocks on screen.

A block position is a block number plus a fraction (``engine.view.display_blocks``).
Nothing here lays out the whole document: the blocks on screen are walked the way
``QPlainTextEdit::paintEvent`` walks them, once per view state, and a position off
screen is estimated from the line numbers Qt has so far. Scroll sync, the link band,
the overview, the gutter and the paint all ask these questions many times a repaint,
so the walk is cached and its key is cheap to build.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QPlainTextEdit

from twofold.engine.result.kinds import Side
from twofold.ui.panes.level_layout import Leveller

#: number, viewport top and height of each block on screen: parallel lists, no objects
Walk = tuple[list[int], list[float], list[float]]


class PaneGeometry:
    """Where one pane's blocks are on its screen; the pane owns it and says when layout moved."""

    __slots__ = ("_edit", "_epoch", "_leveller", "_side", "_walk", "_walk_key")

    def __init__(self, edit: QPlainTextEdit, leveller: Leveller, side: Side) -> None:
        self._edit = edit
        self._leveller = leveller
        self._side = side
        self._epoch = 0  # bumped when the document's size changed: the walk is stale
        self._walk_key: tuple[object, ...] = ()
        self._walk: Walk = ([], [], [])

    def layout_moved(self) -> None:
        """The document's laid-out size changed: blocks on screen may have moved."""
        self._epoch += 1

    def line_height(self) -> float:
        return float(self._edit.fontMetrics().lineSpacing())

    def blocks_maybe_on_screen(self) -> range:
        """The block numbers that may be on screen now: from the first, a line each and more.

        Cheap (nothing laid out), for the leveller to tell a block being shown from one
        Qt measures far away (the scroll range, a fill slice).
        """
        first = self._edit.firstVisibleBlock().blockNumber()
        lines = int(self._edit.viewport().height() / max(1.0, self.line_height()))
        return range(max(0, first - 1), first + 2 * lines + 2)

    def visible_blocks(self) -> Walk:
        """Number, viewport top and height of each block on screen (cached per view state).

        Walks the blocks the way ``QPlainTextEdit::paintEvent`` does, so the
        pixels agree with what it paints; only these blocks get laid out.
        """
        edit = self._edit
        first = edit.firstVisibleBlock()
        key = (
            edit.verticalScrollBar().value(),
            first.blockNumber(),
            edit.viewport().size(),
            self._epoch,
            self._leveller.generation,  # padding measured since changes every block below
        )
        if key == self._walk_key:
            return self._walk
        numbers: list[int] = []
        tops: list[float] = []
        heights: list[float] = []  # parallel lists: a screenful of floats, no objects
        y, limit, block = edit.contentOffset().y(), edit.viewport().height(), first
        while block.isValid() and y <= limit:
            height = edit.blockBoundingRect(block).height()
            numbers.append(block.blockNumber())
            tops.append(y)
            heights.append(height)
            y += height
            block = block.next()
        self._walk_key, self._walk = key, (numbers, tops, heights)
        return self._walk

    def visible_block_range(self) -> tuple[int, int]:
        numbers = self.visible_blocks()[0]
        return (numbers[0], numbers[-1]) if numbers else (0, 0)

    def pos_at(self, at: float) -> float:
        """The block position at ``at`` (0 top .. 1 bottom) of the viewport's part in sight.

        The viewport may start above the pane's top edge, shifted to level the
        panes (``level_scroll.set_shift``): that part is out of sight.
        """
        numbers, tops, heights = self.visible_blocks()
        if not numbers:
            return 0.0
        hidden = max(0, -self._edit.viewportMargins().top())
        y = hidden + at * (self._edit.viewport().height() - hidden)
        i = max(0, bisect_right(tops, y) - 1)
        frac = (y - tops[i]) / heights[i] if heights[i] > 0 else 0.0
        return numbers[i] + min(max(frac, 0.0), 1.0)

    def y_of(self, pos: float) -> float:
        """Viewport y of a block position; off-screen ones are estimated from line numbers."""
        numbers, tops, heights = self.visible_blocks()
        n = int(pos)
        if numbers and numbers[0] <= n <= numbers[-1]:
            i = n - numbers[0]
            above = self._leveller.top_padding(self._side) if n == 0 else 0.0
            return tops[i] + above + (pos - n) * (heights[i] - above)
        if not numbers:
            return 0.0
        ref = numbers[0] if n < numbers[0] else numbers[-1]
        ref_y = tops[0] if n < numbers[0] else tops[-1]
        return ref_y + (self.line_of(pos) - self.line_of(ref)) * self.line_height()

    def line_of(self, pos: float) -> float:
        """A block position in the scroll bar's unit (visual lines as far as laid out)."""
        doc = self._edit.document()
        n = min(max(int(pos), 0), doc.blockCount() - 1)
        block = doc.findBlockByNumber(n)
        return block.firstLineNumber() + min(max(pos - n, 0.0), 1.0) * max(1, block.lineCount())

    def scroll_to_pos(self, pos: float, at: float) -> None:
        """Scroll so that block position ``pos`` sits at ``at`` (0..1) of the viewport.

        Lays out only the blocks between the new top edge and ``pos``, so the
        line numbers the scroll bar counts in are exact where it matters.
        """
        doc = self._edit.document()
        n = min(max(int(pos), 0), doc.blockCount() - 1)
        block = doc.findBlockByNumber(n)
        want = at * self.page_lines() - min(max(pos - n, 0.0), 1.0) * self._lines(block)
        while want > 0 and block.previous().isValid():
            block = block.previous()
            want -= self._lines(block)
        bar = self._edit.verticalScrollBar()
        bar.setValue(round(block.firstLineNumber() + max(0.0, -want)))

    def _lines(self, block: QTextBlock) -> int:
        self._edit.blockBoundingRect(block)  # lays the block out, so its line count is true
        return max(1, block.lineCount())

    def page_lines(self) -> int:
        return self._edit.verticalScrollBar().pageStep()

    def chars_per_line(self) -> int:
        """How many average characters fit a line (0: no wrapping)."""
        edit = self._edit
        if edit.lineWrapMode() is QPlainTextEdit.LineWrapMode.NoWrap:
            return 0
        width = edit.viewport().width() - 2 * edit.document().documentMargin()
        return max(1, int(width / max(1, edit.fontMetrics().averageCharWidth())))

    def layout_signature(self) -> tuple[object, ...]:
        """Changes whenever estimated heights may have: wrap, width, font."""
        edit = self._edit
        return (edit.lineWrapMode(), edit.viewport().width(), self.line_height())
