# SPDX-License-Identifier: GPL-3.0-or-later
"""Pads the shorter side of every group of pairs, so the two panes keep their pairs level.

Why a document layout: ``QPlainTextEdit`` ignores block formats (margins, line
heights) and lays out a block only when it is needed, asking its layout for
the block's rectangle each time. ``LevelLayout`` answers that question with
the block's own height plus the padding the ``Leveller`` works out: below the
last block of a group on the side that is shorter there, or above the first
block when only the other side has text before its first anchor. Nothing is
inserted into the document (its text stays the file's text), and a group is
measured only when a block of it that may be on screen asks for its padding
(``OnScreen``): Qt also asks for the rectangles of blocks far from the
screen (the last screen's worth on every change of size, to set the scroll
range; the block a fill slice changed), and measuring their groups laid out
every block of a big document, holding the UI thread for seconds and
tripling the memory. The last group is measured at once only when it is
small (``ENDS_BUDGET_CHARS``), else when it is shown. A change of
text clears what was measured from its group on, and the panes clear it all
when their width, wrap or font change (``invalidate``); the next paint
measures again.

The groups come from the engine (``engine.view.level_groups``); the padding of
a group is the difference of the two sides' heights there, so it needs the
other pane's layout as well: the ``Leveller`` holds both.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QTextBlock, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from twofold.engine.result.kinds import Side
from twofold.engine.view.level_groups import LevelGroups

#: (above, below) a block, in pixels
Padding = tuple[float, float]
_NONE: Padding = (0.0, 0.0)

#: the block numbers that may be on a pane's screen now (a range or a superset of it)
OnScreen = Callable[[], range]

#: the last group is measured before it is shown (for the scroll range) up to this size
#: on both sides together; a bigger one would lay out far more than a screen
ENDS_BUDGET_CHARS = 200_000


def _everywhere() -> range:
    return range(0, 2**62)


class LevelLayout(QPlainTextDocumentLayout):
    """A pane's document layout: Qt's plain-text layout, plus the padding that levels pairs."""

    def __init__(self, document: QTextDocument, side: Side, leveller: Leveller) -> None:
        super().__init__(document)
        self.side = side
        self._leveller = leveller

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        rect = super().blockBoundingRect(block)
        above, below = self._leveller.padding(self.side, block)
        if above:
            layout = block.layout()
            delta = above - layout.lineAt(0).y() if layout.lineCount() else 0.0
            if delta:  # laid out afresh: move its lines down again
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    line.setPosition(line.position() + QPointF(0.0, delta))
                rect = super().blockBoundingRect(block)
        if below:
            rect.setHeight(rect.height() + below)
        return rect

    def own_height(self, block: QTextBlock) -> float:
        """The block's height as Qt lays it out, without any padding."""
        rect = QPlainTextDocumentLayout.blockBoundingRect(self, block)
        layout = block.layout()
        shifted = layout.lineAt(0).y() if block.blockNumber() == 0 and layout.lineCount() else 0.0
        return rect.height() - shifted


class Leveller(QObject):
    """Works out each block's padding from both panes' layouts, and remembers it.

    Signals:
        invalidated: what was measured was dropped (a pane's width, wrap, font or text
            changed), or text came in that a padding waited for: paint again.
    """

    invalidated = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layouts: dict[Side, LevelLayout] = {}
        self._on_screen: dict[Side, OnScreen] = {}
        self._groups: LevelGroups | None = None
        self._pads: dict[Side, dict[int, Padding]] = {Side.A: {}, Side.B: {}}
        self._heights: dict[tuple[Side, int], float] = {}
        self._measuring = False
        #: changes whenever a block's padding may have: the panes key what they walked by it
        self.generation = 0
        #: a padding could not be measured yet (the other side still filling in)
        self._waiting = False
        # In a turn of its own: the padding is measured while Qt paints or scrolls.
        self._announce = QTimer(self, singleShot=True, interval=0)
        self._announce.timeout.connect(self._announce_sizes)
        # The padding at the end decides how far each pane scrolls: measured at once.
        self._ends = QTimer(self, singleShot=True, interval=0)
        self._ends.timeout.connect(self._measure_ends)

    def layout_for(
        self, document: QTextDocument, side: Side, on_screen: OnScreen = _everywhere
    ) -> LevelLayout:
        """A layout for ``document`` (one pane's) that this leveller pads.

        Args:
            on_screen: the blocks that may be on the pane's screen; only their groups are
                measured when Qt asks for a block's rectangle (everywhere: every group).
        """
        layout = LevelLayout(document, side, self)
        self._layouts[side] = layout
        self._on_screen[side] = on_screen
        document.contentsChange.connect(
            lambda position, _removed, _added: self.on_text_changed(side, position)
        )
        return layout

    @property
    def groups(self) -> LevelGroups | None:
        return self._groups

    def set_groups(self, groups: LevelGroups | None) -> None:
        """Level by these groups from now on (None: no padding at all)."""
        self._groups = groups
        self.invalidate()

    def invalidate(self) -> None:
        """Forget every measured height and padding: the next paint measures again."""
        self._ends.start()
        self.generation += 1
        if self._heights or self._pads[Side.A] or self._pads[Side.B] or self._waiting:
            self._heights.clear()
            self._pads = {Side.A: {}, Side.B: {}}
            self._waiting = False
            self.invalidated.emit()

    def on_text_changed(self, side: Side, position: int) -> None:
        """Forget what was measured from the group holding ``position`` of ``side`` on.

        A pane filling in slices changes its text at the end only: the groups
        measured above stay (dropping them all made every slice repaint both
        panes). Editing drops the groups from the edited one down.
        """
        groups, layout = self._groups, self._layouts.get(side)
        if groups is None or layout is None:
            return
        block = layout.document().findBlock(position).blockNumber()
        first = groups.group_of(side, max(0, block))
        starts = {s: groups.starts(s)[first] for s in Side}
        heights = {key: h for key, h in self._heights.items() if key[1] < first}
        pads = {s: {n: p for n, p in self._pads[s].items() if n < starts[s]} for s in Side}
        dropped = len(heights) < len(self._heights) or any(
            len(pads[s]) < len(self._pads[s]) for s in Side
        )
        self._heights, self._pads = heights, pads
        self._ends.start()
        if dropped or self._waiting:
            self._waiting = False
            self.generation += 1
            self.invalidated.emit()

    def _measure_ends(self) -> None:
        """Measure the last group if small: its padding sets how far down each pane may scroll.

        A bigger one is measured when its end is shown (then the ranges grow).
        """
        groups = self._groups
        if groups is None or len(self._layouts) < 2:
            return
        last = groups.count - 1
        size = 0
        for side, layout in self._layouts.items():
            start, end = groups.span(side, last)
            document = layout.document()
            if end > document.blockCount():
                return  # still filling in: measured when the text is all in
            first = document.findBlockByNumber(start)
            size += document.lastBlock().position() + document.lastBlock().length()
            size -= first.position() if first.isValid() else 0
        if size > ENDS_BUDGET_CHARS:
            return
        for side, layout in self._layouts.items():
            self.padding(side, layout.document().lastBlock(), anywhere=True)

    def padding(self, side: Side, block: QTextBlock, anywhere: bool = False) -> Padding:
        """The space above and below ``block`` of ``side`` (zero while it cannot be measured).

        Args:
            anywhere: measure its group even if ``block`` is not on the pane's screen.
        """
        groups = self._groups
        if groups is None or self._measuring or len(self._layouts) < 2:
            return _NONE
        number = block.blockNumber()
        pads = self._pads[side]
        found = pads.get(number)
        if found is not None:
            return found
        group = groups.group_of(side, number)
        end = groups.span(side, group)[1]
        if number != end - 1 and not (number == 0 and groups.padded_on_top(side)):
            return _NONE
        if not anywhere and number not in self._on_screen[side]():
            return _NONE  # not kept: measured when it is shown
        self._measuring = True  # measuring lays blocks out, which may ask for rectangles
        try:
            found = self._measure(side, number, group, end)
        finally:
            self._measuring = False
        if found is not None:
            pads[number] = found
            if found != _NONE:
                self.generation += 1
                self._announce.start()
        return found or _NONE

    def flush(self) -> None:
        """Give the panes the scroll ranges of all padding measured so far, now."""
        if self._announce.isActive():
            self._announce.stop()
            self._announce_sizes()

    def _announce_sizes(self) -> None:
        """Tell both panes their documents grew: their scroll ranges count the padding.

        ``QPlainTextEdit`` works out how far down it may scroll only when its
        document's size changes; without this a pane padded at the end stopped
        short of the end, and the two panes' ends were not level.
        """
        for layout in self._layouts.values():
            layout.documentSizeChanged.emit(layout.documentSize())

    def measured_below(self, side: Side, number: int) -> float:
        """The padding below block ``number`` of ``side`` if measured already, else 0."""
        return self._pads[side].get(number, _NONE)[1]

    def _measure(self, side: Side, number: int, group: int, end: int) -> Padding | None:
        above = below = 0.0
        groups = self._groups
        assert groups is not None
        if number == 0 and groups.padded_on_top(side):
            other = self.height(side.other, 0)
            if other is None:
                return None
            above = other
        if number == end - 1:
            own, other = self.height(side, group), self.height(side.other, group)
            if own is None or other is None:
                return None
            below = max(0.0, other - own)
        return above, below

    def height(self, side: Side, group: int, limit: float = math.inf) -> float | None:
        """The unpadded height of ``group`` on ``side``; None until its blocks are all in.

        Args:
            limit: None as soon as the height is found to be over this (the blocks past
                it are not laid out: a caller that only compares with a screen's worth
                lays out no more than that).
        """
        key = (side, group)
        known = self._heights.get(key)
        if known is not None:
            return known if known <= limit else None
        groups = self._groups
        layout = self._layouts.get(side)
        if groups is None or layout is None:
            return None
        start, end = groups.span(side, group)
        document = layout.document()
        if end > document.blockCount():
            self._waiting = True
            return None  # still filling in
        total = 0.0
        block = document.findBlockByNumber(start)
        for _ in range(end - start):
            total += layout.own_height(block)
            if total > limit:
                return None
            block = block.next()
        self._heights[key] = total
        return total

    def level_height(self, group: int, limit: float = math.inf) -> float | None:
        """The height ``group`` takes in both panes once padded (the taller side's).

        Args:
            limit: None if it is over this (see ``height``).
        """
        heights = [self.height(side, group, limit) for side in Side]
        if heights[0] is None or heights[1] is None:
            return None
        return max(heights[0], heights[1])

    def top_padding(self, side: Side) -> float:
        """The space above ``side``'s first block (group 0 is empty there)."""
        groups = self._groups
        if groups is None or not groups.padded_on_top(side):
            return 0.0
        return self.height(side.other, 0) or 0.0
