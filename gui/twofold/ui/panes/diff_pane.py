# SPDX-License-Identifier: GPL-3.0-or-later
"""One side of the comparison: read-only text, tinted paragraphs, highlighted words.

Built on ``QPlainTextEdit`` because it lays out blocks lazily, as they come on
screen, and scrolls by visual line. Nothing here ever lays out the whole
document: positions are *block positions* (block number plus a fraction, see
``engine.display_blocks``), converted to pixels only for the blocks on screen, and
what is painted (paragraph tints, word highlights, outlines) is looked up for
those blocks alone. Big texts are put in in slices between events, the first
screen first (``pane_fill``), so the window answers while a 10 MB file fills in.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlock,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.view.display_blocks import BlockTable, block_table
from twofold.engine.view.extents import Extent
from twofold.engine.view.invisibles import describe
from twofold.engine.view.overview_estimate import LineEstimate
from twofold.engine.view.utf16 import Utf16Map
from twofold.ui.files.drop import local_paths, take_as_copy
from twofold.ui.find.text_search import Folded, find_all
from twofold.ui.panes.break_marks import mark_rect, paint_marks
from twofold.ui.panes.edit_follow import EditFollow
from twofold.ui.panes.gutter import LineGutter
from twofold.ui.panes.heading_format import format_headings
from twofold.ui.panes.level_layout import Leveller
from twofold.ui.panes.pane_fill import SlicedFill
from twofold.ui.panes.pane_paint import paint_current, paint_gaps, paint_matches, paint_tints
from twofold.ui.panes.spans import BlockTints, Highlight, PaneHighlights, PanePositions, StandIn
from twofold.ui.panes.stand_in_paint import (
    block_stand_ins,
    stand_in_rects,
    stand_in_under,
)
from twofold.ui.panes.width_relayout import WidthRelayout
from twofold.ui.panes.word_selections import visible_windows, word_format, word_selections
from twofold.ui.theme import Theme
from twofold.ui.tuning import DEFAULT_VIEW_TUNING, ViewTuning

#: re-measure this long after the last layout change (a window resize sends many)
LAYOUT_DELAY_MS = 15
#: at most this many looks at what is on screen per selection refresh (each after
#: setting selections, which may lay out blocks and change what is on screen)
_REFRESH_ROUNDS = 3


class DiffPane(QPlainTextEdit):
    """A read-only text pane that knows where each paragraph of its side sits.

    Signals:
        files_dropped: local paths dropped on this pane (list of str).
        layout_changed: wrap, zoom or width changed (estimated heights moved).
        filled: the whole text is in the document (after the last slice).
    """

    files_dropped = Signal(list)
    layout_changed = Signal()
    filled = Signal()

    def __init__(
        self,
        side: Side,
        leveller: Leveller | None = None,
        parent: QWidget | None = None,
        tuning: ViewTuning = DEFAULT_VIEW_TUNING,
    ) -> None:
        super().__init__(parent)
        self.side = side
        # A document whose layout pads this side level with the other (``level_layout``);
        # a pane on its own gets a leveller of its own, which never pads.
        self.leveller = leveller if leveller is not None else Leveller(self)
        document = QTextDocument(self)
        document.setDocumentLayout(
            self.leveller.layout_for(document, side, self.blocks_maybe_on_screen)
        )
        self.setDocument(document)
        self.setObjectName("leftPane" if side is Side.A else "rightPane")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.theme = Theme.from_palette(self.palette())
        self._gutter = LineGutter(self)
        self._table = block_table("", [])
        self._positions = PanePositions(self._table, Utf16Map(""))
        self._tints = BlockTints(self._table, [])
        self._highlights: PaneHighlights | None = None
        self._follow = EditFollow()  # edits since the comparison: what is painted moves
        self._headings: list[int] = []  # document positions of the heading blocks
        self._matches: list[tuple[int, int]] = []
        self._stand_ins: dict[int, list[StandIn]] = {}  # by block on screen, with the selections
        self._current: Extent | None = None
        self._gaps: list[tuple[float, PairKind]] = []
        self._breaks: set[int] = set()  # blocks on screen ending in a break-only change
        self._change_lines = False
        self._visible_range: tuple[int, ...] = (-1, -1)
        self._loading = False
        self._refreshing = False  # inside _refresh_selections (see there)
        self._walk_key: tuple[object, ...] = ()
        self._walk: tuple[list[int], list[float], list[float]] = ([], [], [])
        self._estimate: tuple[int, LineEstimate | None] = (-1, None)
        self._epoch = 0
        self._tuning = tuning
        self._filler = SlicedFill(self, tuning)
        self._filler.finished.connect(self._on_filled)
        self._layout_timer = QTimer(self, singleShot=True, interval=LAYOUT_DELAY_MS)
        self._layout_timer.timeout.connect(self.layout_changed)
        self._width_relayout = WidthRelayout(
            self, self._on_relaid_out, tuning.relayout_defer_blocks
        )
        self.document().documentLayout().documentSizeChanged.connect(self._on_size_changed)
        self.document().contentsChange.connect(self._on_contents_change)
        self.updateRequest.connect(self._on_update_request)
        self.verticalScrollBar().valueChanged.connect(self._refresh_selections)
        self.horizontalScrollBar().valueChanged.connect(self._refresh_selections)
        self.horizontalScrollBar().valueChanged.connect(self._repaint_current)
        self._update_gutter_width()

    # ----- content -------------------------------------------------------------------------

    def set_content(
        self,
        positions: PanePositions,
        tints: Sequence[tuple[int, PairKind]],
        highlights: PaneHighlights | None,
        headings: Sequence[int] = (),
        *,
        keep_text: bool = False,
    ) -> None:
        """Show ``positions.table``'s text; tint the paragraphs in ``tints`` (index, kind).

        Args:
            positions: the side's display text, where its paragraphs sit, and how
                its offsets map to document positions (all made by the worker).
            tints: the non-equal paragraphs and the kind of their pair.
            highlights: the inline highlights, computed as blocks come on screen.
            headings: offsets of the paragraphs a document's reader found to be
                headings, shown as headings once the text is in.
            keep_text: the document holds this text already (an edit was compared
                again): keep it, with its cursor, undo history and scroll position.
        """
        self._current, self._gaps, self._matches, self._stand_ins = None, [], [], {}
        table = positions.table
        self._table, self._positions, self._highlights = table, positions, highlights
        self._tints = BlockTints(table, tints)
        self._estimate = (-1, None)
        self._follow.compared(self.document())
        # Putting the text in lays it out piecewise, each piece an update request;
        # the selections are built once, for the final first screen.
        self._loading = True
        self._headings = [positions.position(offset) for offset in headings]
        try:
            if keep_text:
                table.take_text()  # made ahead for a fill that does not come
            else:
                self.set_editable(False)  # a new text: a viewer until it is all in
                self._filler.start(table.take_text())
        finally:
            self._loading = False
        if not self._filler.active and not keep_text:  # an edit's blocks keep their formats
            format_headings(self.document(), self._headings)
        self._visible_range = (-1, -1)
        self._update_gutter_width()
        self._refresh_selections()
        self._layout_timer.start()

    def set_highlights(self, highlights: PaneHighlights) -> None:
        """Swap the inline highlights (a coarse result was refined); the text stays."""
        self._highlights = highlights
        self._visible_range = (-1, -1)
        self._refresh_selections()

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        """An edit moves what is painted after it (a fill's slices are no edits)."""
        if self._loading or self.isReadOnly():
            self._follow.skip(self.document())
        else:
            self._follow.edited(self.document(), position, removed, added)

    def highlights_in(
        self, first_block: int, last_block: int, start: int, end: int
    ) -> list[Highlight]:
        """The word highlights in these blocks and document positions, as painted now.

        Moved with the edits made since the comparison; none where an edit went in.
        """
        if self._highlights is None:
            return []
        return self._follow.highlights(self._highlights, first_block, last_block, start, end)

    @property
    def table(self) -> BlockTable:
        return self._table

    def set_editable(self, on: bool) -> None:
        """Let the user edit the text (typing, paste, undo) or only read and select it.

        The undo history starts when editing does: the slices of a fill are no
        steps to undo, and turning editing off forgets the history.
        """
        self.setReadOnly(not on)
        self.setUndoRedoEnabled(on)
        flags = (
            Qt.TextInteractionFlag.TextEditorInteraction
            if on
            else Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setTextInteractionFlags(flags)

    @property
    def revealed(self) -> bool:
        """Whether stand-ins for hidden characters went into the document (not the file's text)."""
        return self._filler.revealed

    def matches_of(self, source: Folded, needle: str, limit: int) -> list[tuple[int, int]]:
        """The first ``limit`` matches of ``needle`` (ignoring case), as document positions.

        ``source`` is this pane's source text, case-folded (``text_search.fold``).

        Searched in the source text and mapped as the highlights are: reading the
        text back out of Qt was slow at every keystroke on a log
        (``bench/gui_actions.py``'s find rows), and a match
        across the soft break of a cut line is still found.
        """
        chunk = self._tuning.search_chunk_chars
        return self.document_ranges(find_all(source, needle, limit, chunk))

    def document_ranges(self, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Source ranges (find's matches) as document positions."""
        positions = self._positions
        if positions.same:  # most texts: mapping the many matches of "e" was slow
            return found
        return [(positions.position(start), positions.position(end)) for start, end in found]

    def selected_source_text(self) -> str:
        """The selection as it is in the file: without the soft breaks of cut lines."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return ""
        offset = self._positions.offset
        return self._table.source[offset(cursor.selectionStart()) : offset(cursor.selectionEnd())]

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy and drag the selection as source text.

        Qt's own copy kept the newlines this pane inserts into cut lines (a copied
        minified line came out broken every 2,000 characters), and building its
        rich copy of a big selection was slow (``bench/gui_actions.py``'s copy row).
        """
        mime = QMimeData()
        mime.setText(self.selected_source_text())
        return mime

    @property
    def filling(self) -> bool:
        """True while later slices of the text are still being put in."""
        return self._filler.active

    @property
    def layout_pending(self) -> bool:
        """True while a size change waits to be laid out or announced (``layout_changed``)."""
        return self._width_relayout.pending or self._layout_timer.isActive()

    def _on_filled(self) -> None:
        format_headings(self.document(), self._headings)
        self._follow.compared(self.document())
        self._visible_range = (-1, -1)
        self._refresh_selections()
        self.filled.emit()

    def block_kind(self, block_number: int) -> PairKind | None:
        found = self._tints.at(self._follow.block_then(block_number))
        return None if found is None else found[0]

    def paragraph_start_kind(self, block_number: int) -> PairKind | None:
        found = self._tints.at(self._follow.block_then(block_number))
        return found[0] if found is not None and found[1] else None

    def line_label(self, block_number: int) -> str:
        """The gutter number: the source line, blank on the continuation of a cut line."""
        line = self._table.source_line(block_number)
        return "" if line is None else str(line + 1)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._visible_range = (-1, -1)
        self._refresh_selections()
        self.viewport().update()

    # ----- geometry: block positions <-> the screen ----------------------------------------

    def line_height(self) -> float:
        return float(self.fontMetrics().lineSpacing())

    def blocks_maybe_on_screen(self) -> range:
        """The block numbers that may be on screen now: from the first, a line each and more.

        Cheap (nothing laid out), for the leveller to tell a block being shown from one
        Qt measures far away (the scroll range, a fill slice).
        """
        first = self.firstVisibleBlock().blockNumber()
        lines = int(self.viewport().height() / max(1.0, self.line_height()))
        return range(max(0, first - 1), first + 2 * lines + 2)

    def visible_blocks(self) -> tuple[list[int], list[float], list[float]]:
        """Number, viewport top and height of each block on screen (cached per view state).

        Walks the blocks the way ``QPlainTextEdit::paintEvent`` does, so the
        pixels agree with what it paints; only these blocks get laid out.
        """
        bar = self.verticalScrollBar()
        first = self.firstVisibleBlock()
        key = (
            bar.value(),
            first.blockNumber(),
            self.viewport().size(),
            self._epoch,
            self.leveller.generation,  # padding measured since changes every block below
        )
        if key == self._walk_key:
            return self._walk
        numbers: list[int] = []
        tops: list[float] = []
        heights: list[float] = []  # parallel lists: a screenful of floats, no objects
        y, limit, block = self.contentOffset().y(), self.viewport().height(), first
        while block.isValid() and y <= limit:
            height = self.blockBoundingRect(block).height()
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
        """The block position at ``at`` (0 top .. 1 bottom) of the viewport."""
        numbers, tops, heights = self.visible_blocks()
        if not numbers:
            return 0.0
        y = at * self.viewport().height()
        i = max(0, bisect_right(tops, y) - 1)
        frac = (y - tops[i]) / heights[i] if heights[i] > 0 else 0.0
        return numbers[i] + min(max(frac, 0.0), 1.0)

    def y_of(self, pos: float) -> float:
        """Viewport y of a block position; off-screen ones are estimated from line numbers."""
        numbers, tops, heights = self.visible_blocks()
        n = int(pos)
        if numbers and numbers[0] <= n <= numbers[-1]:
            i = n - numbers[0]
            above = self.leveller.top_padding(self.side) if n == 0 else 0.0
            return tops[i] + above + (pos - n) * (heights[i] - above)
        if not numbers:
            return 0.0
        ref = numbers[0] if n < numbers[0] else numbers[-1]
        ref_y = tops[0] if n < numbers[0] else tops[-1]
        return ref_y + (self.line_of(pos) - self.line_of(ref)) * self.line_height()

    def line_of(self, pos: float) -> float:
        """A block position in the scroll bar's unit (visual lines as far as laid out)."""
        doc = self.document()
        n = min(max(int(pos), 0), doc.blockCount() - 1)
        block = doc.findBlockByNumber(n)
        return block.firstLineNumber() + min(max(pos - n, 0.0), 1.0) * max(1, block.lineCount())

    def _lines(self, block: QTextBlock) -> int:
        self.blockBoundingRect(block)  # lays the block out, so its line count is true
        return max(1, block.lineCount())

    def scroll_to_pos(self, pos: float, at: float) -> None:
        """Scroll so that block position ``pos`` sits at ``at`` (0..1) of the viewport.

        Lays out only the blocks between the new top edge and ``pos``, so the
        line numbers the scroll bar counts in are exact where it matters.
        """
        doc = self.document()
        n = min(max(int(pos), 0), doc.blockCount() - 1)
        block = doc.findBlockByNumber(n)
        want = at * self.page_lines() - min(max(pos - n, 0.0), 1.0) * self._lines(block)
        while want > 0 and block.previous().isValid():
            block = block.previous()
            want -= self._lines(block)
        bar = self.verticalScrollBar()
        bar.setValue(round(block.firstLineNumber() + max(0.0, -want)))

    def page_lines(self) -> int:
        return self.verticalScrollBar().pageStep()

    def chars_per_line(self) -> int:
        """How many average characters fit a line (0: no wrapping)."""
        if self.lineWrapMode() is QPlainTextEdit.LineWrapMode.NoWrap:
            return 0
        width = self.viewport().width() - 2 * self.document().documentMargin()
        return max(1, int(width / max(1, self.fontMetrics().averageCharWidth())))

    def advance_estimate(self) -> bool:
        """Estimate a slice more of ``estimated_lines``; True while some remains.

        For callers that can wait (the overview): a turn each slice keeps a long
        log's estimate from stalling the window.
        """
        return not self._line_estimate().advance(self._tuning.geometry.estimate_slice_blocks)

    def estimated_lines(self) -> Sequence[int]:
        """``engine.overview_estimate.estimated_lines`` for this pane's width and font (cached).

        Kept as the array it comes as: a list would hold an int object per block
        (``bench/gui_bench.py --only source`` reports the peak) for a few reads per
        change.
        """
        return self._line_estimate().lines()

    def _line_estimate(self) -> LineEstimate:
        cpl, estimate = self._estimate
        # While a width change waits to be laid out the text keeps its old breaks,
        # and so does their estimate (a dragged edge would restart it every step).
        if estimate is None or (cpl != self.chars_per_line() and not self._width_relayout.pending):
            cpl = self.chars_per_line()
            estimate = LineEstimate(self._table.block_lengths, cpl)
            self._estimate = (cpl, estimate)
        return estimate

    def layout_signature(self) -> tuple[object, ...]:
        """Changes whenever estimated heights may have: wrap, width, font."""
        return (self.lineWrapMode(), self.viewport().width(), self.line_height())

    def _on_size_changed(self) -> None:
        self._epoch += 1
        self._layout_timer.start()

    # ----- current change, gaps, find matches ----------------------------------------------

    def set_current(self, extent: Extent | None) -> None:
        """Outline this extent (in block positions) as the current change."""
        self._current = extent
        self.viewport().update()

    def repaint_all(self) -> None:
        """Paint the text, the gutter and all painted over them again (new padding)."""
        self.viewport().update()
        self._gutter.update()

    def extent_now(self, extent: Extent) -> Extent:
        """A block extent of the comparison shown, moved with the line breaks typed since."""
        return self._follow.extent_now(extent)

    def current_extent(self) -> Extent | None:
        """The current change's frame as painted now (block positions)."""
        return None if self._current is None else self.extent_now(self._current)

    def _repaint_current(self) -> None:
        """Repaint the current change's frame whole after a sideways scroll.

        Qt moves the viewport's pixels sideways and repaints only the strip that
        came in, but the frame is drawn at the viewport's edges, not the text's:
        its moved sides were left behind as a trail of boxes.
        """
        if self._current is not None:
            current = self.extent_now(self._current)
            top, bottom = self.y_of(current.top), self.y_of(current.bottom)
            height = self.viewport().height()
            if bottom >= 0 and top <= height:
                lo, hi = max(0, int(top) - 3), min(height, int(bottom) + 4)
                self.viewport().update(0, lo, self.viewport().width(), hi - lo)

    def set_gaps(self, gaps: list[tuple[float, PairKind]]) -> None:
        """Block positions where the other side has a paragraph this side lacks (sorted)."""
        self._gaps = gaps
        self.viewport().update()

    def set_find_matches(self, matches: list[tuple[int, int]]) -> None:
        """Show find's matches (document positions, sorted, not overlapping)."""
        self._matches = matches
        self._follow.searched()
        self._visible_range = (-1, -1)
        self._refresh_selections()
        self.viewport().update()  # the matches are painted, not selections

    def find_matches_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Find's matches painted in document positions ``[start, end)``, moved with the edits."""
        return [m for m in self._follow.matches(self._matches, start, end) if m[1] > start]

    # ----- painting ------------------------------------------------------------------------

    def _refresh_selections(self) -> None:
        """Rebuild the extra selections for what is on screen, only when that changed.

        ``setExtraSelections`` asks for updates, and each update request calls
        this again: on a log's short wrapped lines that was some fifty nested calls
        a step, each walking the blocks on screen anew (laying out new blocks
        changes the layout epoch). The nested calls are skipped; what is on screen
        is looked at again once the outer call has set its selections, so a
        layout change during it is not missed.
        """
        if self._loading or self._refreshing:
            return
        self._refreshing = True
        try:
            for _ in range(_REFRESH_ROUNDS):
                if not self._refresh_selections_once():
                    break
        finally:
            self._refreshing = False

    def _refresh_selections_once(self) -> bool:
        """Set the selections for what is on screen; False when they were set already."""
        numbers = self.visible_blocks()[0]
        if not numbers:
            return False
        doc = self.document()
        last = doc.findBlockByNumber(numbers[-1])
        start, end = doc.findBlockByNumber(numbers[0]).position(), last.position() + last.length()
        windows = self.visible_windows(numbers)
        key: tuple[int, ...] = (start, end)
        if windows:  # what is in view moves with the scroll bar and the width too
            key += (self.horizontalScrollBar().value(), self.viewport().width())
        if key == self._visible_range:
            return False
        self._visible_range = key
        selections: list[QTextEdit.ExtraSelection] = []
        self._breaks = set()
        if self._highlights is not None:
            fmt = {
                kind: word_format(self.theme, self.side, kind, self._change_lines)
                for kind in PairKind
            }
            if windows:  # block by block, only what is in view of each
                ranges = [(n, n, *windows[n]) for n in numbers]
            else:
                ranges = [(numbers[0], numbers[-1], start, end)]
            # find's matches are painted under the text (match_paint): cut out of these
            matches = list(self._follow.matches(self._matches, start, end))
            selections, self._breaks = word_selections(
                doc, self.highlights_in, ranges, matches, fmt
            )
        self.setExtraSelections(selections)
        self._find_stand_ins(numbers)
        return True

    def _find_stand_ins(self, numbers: Sequence[int]) -> None:
        """Find the stand-ins in these blocks, for ``paintEvent`` to box and frame."""
        doc = self.document()
        self._stand_ins = {}
        if self._filler.revealed:  # else nothing was put in to find
            for number in numbers:
                found = block_stand_ins(self._positions, doc.findBlockByNumber(number))
                if found:
                    self._stand_ins[number] = found

    def stand_in_at(self, point: QPoint) -> StandIn | None:
        """The stand-in of a hidden character under ``point`` (viewport coordinates)."""
        return stand_in_under(self, self._positions, point) if self._filler.revealed else None

    def viewportEvent(self, event: QEvent) -> bool:
        """Name the hidden character under the mouse in a tooltip (U+202E RIGHT-TO-LEFT …)."""
        if event.type() is QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.stand_in_at(event.pos())
            if found is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), describe(found.char), self.viewport())
            return True
        return super().viewportEvent(event)

    def visible_windows(self, numbers: Sequence[int]) -> dict[int, tuple[int, int]]:
        """Without wrapping, the document positions of each block on screen that are in view.

        A line longer than the pane (a 2,000-character piece of a cut line, a
        minified script) is mostly out of view to the sides; highlighting and
        painting find's matches in all of it made every repaint of a screen of a
        one-line pair slow, and slower still with the matches of "e"
        (``bench/gui_actions.py A B`` on that pair). Empty when
        wrapping (every line is in view); a block holding right-to-left text is in
        view whole (there a span of the screen need not be one range of the text).
        """
        return visible_windows(self, numbers)

    def set_change_lines(self, on: bool) -> None:
        """Strike deleted words through and underline inserted ones (``change_lines``)."""
        if on != self._change_lines:
            self._change_lines = on
            self._visible_range = (-1, -1)
            self._refresh_selections()

    def paintEvent(self, event: QPaintEvent) -> None:
        numbers, tops, heights = self.visible_blocks()
        rows = list(zip(numbers, tops, heights, strict=True))
        width = self.viewport().width()
        painter = QPainter(self.viewport())
        paint_tints(
            painter,
            rows,
            self.block_kind,
            lambda number: self.leveller.measured_below(self.side, number),
            lambda: self.leveller.top_padding(self.side),
            self.theme.tints,
            width,
        )
        doc, left = self.document(), self.contentOffset().x()
        if self._matches:
            windows = self.visible_windows(numbers)
            last = doc.findBlockByNumber(numbers[-1]) if numbers else doc.lastBlock()
            start = doc.findBlockByNumber(numbers[0]).position() if numbers else 0
            matches = list(
                self._follow.matches(self._matches, start, last.position() + last.length())
            )
            paint_matches(painter, doc, rows, left, matches, windows, self.theme.found)
        frames = [
            rect
            for number, top in zip(numbers, tops, strict=True)
            if number in self._stand_ins
            for rect in stand_in_rects(
                doc.findBlockByNumber(number), top, left, self._stand_ins[number]
            )
        ]
        for frame in frames:  # under the text; a change's highlight paints over it
            painter.fillRect(frame, self.theme.hidden_back)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        lo, hi = self.visible_block_range()
        shown = (self._follow.block_then(lo), self._follow.block_then(hi))
        paint_gaps(
            painter,
            self._gaps,
            shown,
            lambda pos: self.y_of(self._follow.block_pos_now(pos)),
            self.theme.marks,
            width,
        )
        marks = [
            mark_rect(doc.findBlockByNumber(number), top, left, QFontMetricsF(self.font()))
            for number, top in zip(numbers, tops, strict=True)
            if number in self._breaks
        ]
        paint_marks(painter, marks, self.theme.word_colour(self.side is Side.A), self.theme.text)
        painter.setPen(QPen(self.theme.hidden, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for frame in frames:
            painter.drawRoundedRect(frame.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
        if self._current is not None:
            current = self.extent_now(self._current)
            paint_current(painter, current, self.y_of, self.theme.current, width)
        painter.end()

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())
        self._refresh_selections()

    def _update_gutter_width(self) -> None:
        """Widen the gutter for the block count and the font, and put it beside the viewport."""
        self.setViewportMargins(self._gutter.width_hint(), 0, 0, 0)
        rect = self.contentsRect()
        self._gutter.setGeometry(rect.left(), rect.top(), self._gutter.width_hint(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(self._width_relayout.filter(event))
        self._update_gutter_width()
        if not self._width_relayout.pending:  # else announced once it is laid out
            self._on_relaid_out()
        # A taller viewport (a banner above closed) shows blocks that have no
        # highlights yet; nothing scrolled, so nothing else would set them.
        self._refresh_selections()

    def _on_relaid_out(self) -> None:
        """The text was laid out at a new width: measure the padding again, announce it."""
        self.leveller.invalidate()
        self._layout_timer.start()

    def setLineWrapMode(self, mode: QPlainTextEdit.LineWrapMode) -> None:
        """Wrap or not; the padding that levels the panes is measured again."""
        super().setLineWrapMode(mode)
        self.leveller.invalidate()

    def set_text_font(self, font: QFont) -> None:
        """Change the font (zoom, prose vs code); the gutter and layout follow."""
        if font == self.font():
            return
        self.setFont(font)
        self.leveller.invalidate()
        self._update_gutter_width()
        self._visible_range = (-1, -1)
        self._layout_timer.start()

    # ----- drag and drop: forward paths, never insert text ---------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        take_as_copy(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if take_as_copy(event):
            self.files_dropped.emit(local_paths(event.mimeData()))
