# SPDX-License-Identifier: GPL-3.0-or-later
"""One side of the comparison: the text, tinted paragraphs, highlighted words.

Built on ``QPlainTextEdit`` because it lays out blocks lazily, as they come on
screen, and scrolls by visual line. Nothing here ever lays out the whole
document: positions are *block positions* (block number plus a fraction, see
``engine.display_blocks``), converted to pixels only for the blocks on screen, and
what is painted is looked up for those blocks alone. Big texts are put in in
slices between events, the first screen first (``pane_fill``).

``DiffPane``'s public methods are the seam the window uses, all a view of our own
would have to offer to replace ``QPlainTextEdit``; the work is done by what it owns:
``PaneContent`` (what is shown, moved with the edits), ``PaneGeometry`` (block
positions and the screen), ``ScreenMarks`` (marks on screen), ``PanePainter``,
``LineGutter``, ``LayoutWatch`` (relayouts), ``WidthEstimate`` and ``SlicedFill``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QMimeData, QPoint, QRect, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QHelpEvent,
    QPaintEvent,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.view.display_blocks import BlockTable
from twofold.engine.view.extents import Extent
from twofold.ui.files.drop import local_paths, take_as_copy
from twofold.ui.panes.gutter import LineGutter
from twofold.ui.panes.layout_watch import LayoutWatch
from twofold.ui.panes.level_layout import Leveller
from twofold.ui.panes.pane_content import PaneContent
from twofold.ui.panes.pane_fill import SlicedFill
from twofold.ui.panes.pane_geometry import PaneGeometry, Walk
from twofold.ui.panes.pane_painter import PanePainter
from twofold.ui.panes.screen_marks import ScreenMarks
from twofold.ui.panes.spans import PaneHighlights, PanePositions, StandIn
from twofold.ui.panes.stand_in_paint import show_stand_in_tip, stand_in_under
from twofold.ui.panes.text_load import TextLoad, set_editable
from twofold.ui.panes.width_estimate import WidthEstimate
from twofold.ui.panes.word_selections import visible_windows
from twofold.ui.theme import Theme
from twofold.ui.tuning import DEFAULT_VIEW_TUNING, ViewTuning


class DiffPane(QPlainTextEdit):
    """A text pane that knows where each paragraph of its side sits.

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
        self._geometry = PaneGeometry(self, self.leveller, side)
        document = QTextDocument(self)
        on_screen = self._geometry.blocks_maybe_on_screen
        document.setDocumentLayout(self.leveller.layout_for(document, side, on_screen))
        self.setDocument(document)
        self.setObjectName("leftPane" if side is Side.A else "rightPane")
        self._set_up_viewer()
        self.theme = Theme.from_palette(self.palette())
        self._gutter = LineGutter(self)
        self._tuning = tuning
        self._content = PaneContent()
        self._estimate = WidthEstimate(self._content.table.block_lengths)
        self._text = TextLoad(self, self._content, SlicedFill(self, tuning))
        self._marks = ScreenMarks(self, side, self._geometry, self._content, self._text.fill)
        self._painter = PanePainter(
            self, side, self.leveller, self._geometry, self._content, self._marks
        )
        self._text.fill.finished.connect(self._on_filled)
        self._layout = LayoutWatch(
            self, self.leveller, self.layout_changed.emit, tuning.relayout_defer_blocks
        )
        self._connect_signals()
        self._gutter.place()

    def _set_up_viewer(self) -> None:
        set_editable(self, False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)

    def _connect_signals(self) -> None:
        self.document().documentLayout().documentSizeChanged.connect(self._on_size_changed)
        self.document().contentsChange.connect(self._text.changed)
        self.updateRequest.connect(self._on_update_request)
        self.verticalScrollBar().valueChanged.connect(self._refresh_marks)
        self.horizontalScrollBar().valueChanged.connect(self._refresh_marks)
        self.horizontalScrollBar().valueChanged.connect(self._painter.repaint_current)

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
        self._marks.clear_stand_ins()
        self._content.show(positions, tints, highlights, headings, self.document())
        self._estimate.restart(positions.table.block_lengths)
        # Putting the text in lays it out piecewise, each piece an update request;
        # the marks are set once, for the final first screen.
        self._text.put(positions.table, keep_text)
        self._marks.invalidate()
        self._gutter.place()
        self._refresh_marks()
        self._layout.changed()

    def set_highlights(self, highlights: PaneHighlights) -> None:
        """Swap the inline highlights (a coarse result was refined); the text stays."""
        self._content.set_highlights(highlights)
        self._marks.invalidate()
        self._refresh_marks()

    def _on_filled(self) -> None:
        self._text.filled()
        self._marks.invalidate()
        self._refresh_marks()
        self.filled.emit()

    @property
    def content(self) -> PaneContent:
        """What the pane shows besides its text, as it is now (per block, frame, matches)."""
        return self._content

    @property
    def table(self) -> BlockTable:
        return self._content.table

    @property
    def filling(self) -> bool:
        """True while later slices of the text are still being put in."""
        return self._text.fill.active

    @property
    def revealed(self) -> bool:
        """Whether stand-ins for hidden characters went into the document (not the file's text)."""
        return self._text.fill.revealed

    def set_editable(self, on: bool) -> None:
        """Let the user edit the text (typing, paste, undo) or only read and select it."""
        set_editable(self, on)

    def document_ranges(self, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Source ranges (find's matches) as document positions."""
        return self._content.positions.ranges(found)

    def selected_source_text(self) -> str:
        """The selection as it is in the file: without the soft breaks of cut lines."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return ""
        return self._content.positions.source_text(cursor.selectionStart(), cursor.selectionEnd())

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copy and drag the selection as source text.

        Qt's own copy kept the newlines this pane inserts into cut lines (a copied
        minified line came out broken every 2,000 characters), and building its
        rich copy of a big selection was slow (``bench/gui_actions.py``'s copy row).
        """
        mime = QMimeData()
        mime.setText(self.selected_source_text())
        return mime

    # ----- geometry: block positions <-> the screen (documented in ``PaneGeometry``) --------

    def line_height(self) -> float:
        return self._geometry.line_height()

    def visible_blocks(self) -> Walk:
        return self._geometry.visible_blocks()

    def visible_block_range(self) -> tuple[int, int]:
        return self._geometry.visible_block_range()

    def pos_at(self, at: float) -> float:
        return self._geometry.pos_at(at)

    def y_of(self, pos: float) -> float:
        return self._geometry.y_of(pos)

    def line_of(self, pos: float) -> float:
        return self._geometry.line_of(pos)

    def scroll_to_pos(self, pos: float, at: float) -> None:
        self._geometry.scroll_to_pos(pos, at)

    def page_lines(self) -> int:
        return self._geometry.page_lines()

    def chars_per_line(self) -> int:
        return self._geometry.chars_per_line()

    def layout_signature(self) -> tuple[object, ...]:
        return self._geometry.layout_signature()

    def advance_estimate(self) -> bool:
        """Estimate a slice more of ``estimated_lines``; True while some remains."""
        slice_blocks = self._tuning.geometry.estimate_slice_blocks
        return self._estimate.advance(self._estimate_width(), slice_blocks)

    def estimated_lines(self) -> Sequence[int]:
        """Each block's estimated line count at this pane's width and font (``WidthEstimate``)."""
        return self._estimate.lines(self._estimate_width())

    def _estimate_width(self) -> tuple[int, bool]:
        return self._geometry.chars_per_line(), self._layout.width_held

    @property
    def layout_pending(self) -> bool:
        """True while a size change waits to be laid out or announced (``layout_changed``)."""
        return self._layout.pending

    def _on_size_changed(self) -> None:
        self._geometry.layout_moved()
        self._layout.changed()

    # ----- what is painted: the current change, gaps, find's matches, marks ----------------

    def set_current(self, extent: Extent | None) -> None:
        """Outline this extent (in block positions) as the current change."""
        self._content.set_current(extent)
        self.viewport().update()

    def set_gaps(self, gaps: list[tuple[float, PairKind]]) -> None:
        """Block positions where the other side has a paragraph this side lacks (sorted)."""
        self._content.set_gaps(gaps)
        self.viewport().update()

    def set_find_matches(self, matches: list[tuple[int, int]]) -> None:
        """Show find's matches (document positions, sorted, not overlapping)."""
        self._content.set_matches(matches)
        self._marks.invalidate()
        self._refresh_marks()
        self.viewport().update()  # the matches are painted, not selections

    def set_change_lines(self, on: bool) -> None:
        """Strike deleted words through and underline inserted ones (``change_lines``)."""
        if self._marks.set_change_lines(on):
            self._refresh_marks()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._marks.invalidate()
        self._refresh_marks()
        self.viewport().update()

    def repaint_all(self) -> None:
        """Paint the text, the gutter and all painted over them again (new padding)."""
        self.viewport().update()
        self._gutter.update()

    def visible_windows(self, numbers: Sequence[int]) -> dict[int, tuple[int, int]]:
        """Without wrapping, the document positions in view of each block on screen."""
        return visible_windows(self, numbers)

    def stand_in_at(self, point: QPoint) -> StandIn | None:
        """The stand-in of a hidden character under ``point`` (viewport coordinates)."""
        if not self._text.fill.revealed:
            return None
        return stand_in_under(self, self._content.positions, point)

    def _refresh_marks(self) -> None:
        if not self._text.loading:  # the marks are set once the text is in
            self._marks.refresh(self.theme)

    # ----- Qt's events ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self._geometry.visible_blocks()
        frames = self._painter.under_text(shown, self.theme)
        super().paintEvent(event)
        self._painter.over_text(shown, frames, self.theme)

    def viewportEvent(self, event: QEvent) -> bool:
        """Name the hidden character under the mouse in a tooltip (U+202E RIGHT-TO-LEFT …)."""
        if event.type() is QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            show_stand_in_tip(event, self.stand_in_at(event.pos()), self.viewport())
            return True
        return super().viewportEvent(event)

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        self._gutter.follow(rect, dy)
        self._refresh_marks()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(self._layout.resize_event(event))
        self._gutter.place()
        self._layout.resized()
        # A taller viewport (a banner above closed) shows blocks that have no
        # highlights yet; nothing scrolled, so nothing else would set them.
        self._refresh_marks()

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
        self._gutter.place()
        self._marks.invalidate()
        self._layout.changed()

    # ----- drag and drop: forward paths, never insert text ---------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        take_as_copy(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if take_as_copy(event):
            self.files_dropped.emit(local_paths(event.mimeData()))
