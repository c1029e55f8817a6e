# SPDX-License-Identifier: GPL-3.0-or-later
"""One side of the comparison: read-only text, tinted paragraphs, highlighted words.

Built on ``QPlainTextEdit`` because it lays out large documents lazily and
scrolls by visual line, the unit ``engine.linemap`` works in. Paragraph tints
are block formats (painted full width by Qt at no per-frame cost); word
highlights are extra selections built only for the visible blocks, since Qt
walks every extra selection for every painted block.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from PySide6.QtCore import QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from twofold.engine.linemap import Extent
from twofold.engine.model import PairKind, Side, Span
from twofold.ui.drop import can_accept, local_paths
from twofold.ui.gutter import LineGutter
from twofold.ui.spans import Highlight
from twofold.ui.theme import Theme

_BLOCK_BREAK = re.compile("[\n\u2029]")

#: re-measure this long after the last layout change (a window resize sends many)
LAYOUT_DELAY_MS = 15


def paragraph_blocks(text: str, segments: Sequence[Span]) -> list[tuple[int, int]]:
    """The first and last block number of every paragraph.

    Computed from the text rather than asked of Qt per paragraph (50,000
    ``findBlock`` calls cost a second): a block ends at every ``\\n`` and at
    U+2029, which ``QTextDocument`` also treats as a paragraph separator.
    """
    breaks = [m.start() for m in _BLOCK_BREAK.finditer(text)]
    return [
        (bisect_left(breaks, s.start), bisect_left(breaks, max(s.start, s.end - 1)))
        for s in segments
    ]


def block_widths(text: str) -> list[int]:
    """An upper bound of every block's width in characters as wide as "W".

    Tabs count as 8; a block with any non-ASCII character counts as unbounded
    (wide CJK, emoji, combining marks), so it is always laid out by Qt.
    """
    out = []
    for line in _BLOCK_BREAK.split(text):
        if line.isascii():
            out.append(len(line) + 7 * line.count("\t"))
        else:
            out.append(1 << 30)
    return out


class DiffPane(QPlainTextEdit):
    """A read-only text pane that knows where each paragraph of its side sits.

    Signals:
        files_dropped: local paths dropped on this pane (list of str).
        layout_changed: paragraph extents may have moved (wrap, zoom, resize, new text).
    """

    files_dropped = Signal(list)
    layout_changed = Signal()

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
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
        self._paragraph_blocks: list[tuple[int, int]] = []
        self._block_widths: list[int] = [0]
        self._block_kinds: dict[int, PairKind] = {}
        self._start_kinds: dict[int, PairKind] = {}
        self._highlights: list[Highlight] = []
        self._highlight_starts: list[int] = []
        self._matches: list[tuple[int, int]] = []
        self._current: Extent | None = None
        self._gaps: list[tuple[float, PairKind]] = []
        self._visible_range = (-1, -1)
        self._layout_timer = QTimer(self, singleShot=True, interval=LAYOUT_DELAY_MS)
        self._layout_timer.timeout.connect(self.layout_changed)
        self.document().documentLayout().documentSizeChanged.connect(self._layout_timer.start)
        self.updateRequest.connect(self._on_update_request)
        self.verticalScrollBar().valueChanged.connect(self._refresh_selections)
        self._update_gutter_width()

    # ----- content -------------------------------------------------------------------------

    def set_content(
        self,
        text: str,
        segments: Sequence[Span],
        kinds: dict[int, PairKind],
        highlights: list[Highlight],
    ) -> None:
        """Show ``text``; tint the paragraphs in ``kinds`` (paragraph index -> kind).

        Args:
            text: the side's decoded text.
            segments: the paragraph spans of that text, in code points.
            kinds: the non-equal paragraphs and the kind of their pair.
            highlights: inline highlights in UTF-16 positions, sorted.
        """
        self._current, self._gaps = None, []
        self.setPlainText(text)
        self._paragraph_blocks = paragraph_blocks(text, segments)
        self._block_widths = block_widths(text)
        self._apply_tints(kinds)
        self._highlights = highlights
        self._highlight_starts = [h.start for h in highlights]
        self._matches = []
        self._visible_range = (-1, -1)
        self._update_gutter_width()
        self._refresh_selections()
        self._layout_timer.start()

    def clear_content(self) -> None:
        self.set_content("", [], {}, [])

    def _apply_tints(self, kinds: dict[int, PairKind]) -> None:
        self._block_kinds, self._start_kinds = {}, {}
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for index, kind in kinds.items():
            first, last = self._paragraph_blocks[index]
            self._start_kinds[first] = kind
            for number in range(first, last + 1):
                self._block_kinds[number] = kind
            fmt = QTextBlockFormat()
            fmt.setBackground(self.theme.tints[kind])
            cursor.setPosition(self.document().findBlockByNumber(first).position())
            end_block = self.document().findBlockByNumber(last)
            cursor.setPosition(
                end_block.position() + max(0, end_block.length() - 1),
                QTextCursor.MoveMode.KeepAnchor,
            )
            cursor.mergeBlockFormat(fmt)
        cursor.endEditBlock()

    def block_kind(self, block_number: int) -> PairKind | None:
        return self._block_kinds.get(block_number)

    def paragraph_start_kind(self, block_number: int) -> PairKind | None:
        return self._start_kinds.get(block_number)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme

    # ----- geometry (visual lines, the scroll bar's unit) ----------------------------------

    def line_height(self) -> float:
        return float(self.fontMetrics().lineSpacing())

    def _line_table(self) -> tuple[list[int], list[int]]:
        """First visual line and line count of every block.

        ``QPlainTextDocumentLayout`` lays blocks out lazily and counts an unseen
        wrapped paragraph as one line, which would misplace everything below it
        (and the scroll bar range with it), so blocks that may wrap are laid out
        here. Blocks short enough to fit the width for sure are one line and are
        skipped: laying out 50,000 lines of code costs seconds.
        """
        doc = self.document()
        counts = [1] * len(self._block_widths)
        if self.lineWrapMode() is not QPlainTextEdit.LineWrapMode.NoWrap:
            width = self.viewport().width() - 2 * doc.documentMargin() - 4
            limit = max(1, int(width / max(1, self.fontMetrics().horizontalAdvance("W"))))
            layout = doc.documentLayout()
            for number, chars in enumerate(self._block_widths):
                if chars > limit:
                    block = doc.findBlockByNumber(number)
                    layout.ensureBlockLayout(block)  # type: ignore[attr-defined]
                    counts[number] = max(1, block.lineCount())
        firsts = [0, *accumulate(counts)][:-1]
        return firsts, counts

    def paragraph_extents(self) -> list[Extent]:
        """Top and bottom of every paragraph, in visual lines from the document top."""
        firsts, counts = self._line_table()
        out = []
        for first, last in self._paragraph_blocks:
            top = firsts[first]
            out.append(Extent(top, max(top, firsts[last] + counts[last])))
        return out

    def layout_signature(self) -> tuple[object, ...]:
        """Changes whenever paragraph extents may have: text, wrap, width, font."""
        doc = self.document()
        return (
            doc.blockCount(),
            doc.characterCount(),
            self.lineWrapMode(),
            self.viewport().width(),
            self.line_height(),
            doc.lineCount(),
        )

    def total_lines(self) -> float:
        return float(self.document().lineCount())

    def line_to_y(self, line: float) -> float:
        """Viewport y of a visual line (fractional lines allowed)."""
        top = self.firstVisibleBlock().firstLineNumber()
        return (line - top) * self.line_height() + self.contentOffset().y()

    def scroll_value(self) -> int:
        return self.verticalScrollBar().value()

    def page_lines(self) -> int:
        return self.verticalScrollBar().pageStep()

    def scroll_to_line(self, line: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(round(min(max(line, 0), bar.maximum())))

    # ----- current change, gaps, find matches ----------------------------------------------

    def set_current(self, extent: Extent | None) -> None:
        """Outline this extent (in visual lines) as the current change."""
        self._current = extent
        self.viewport().update()

    def set_gaps(self, gaps: list[tuple[float, PairKind]]) -> None:
        """Lines where the other side has a paragraph this side lacks."""
        self._gaps = gaps
        self.viewport().update()

    def set_find_matches(self, matches: list[tuple[int, int]]) -> None:
        self._matches = matches
        self._visible_range = (-1, -1)
        self._refresh_selections()

    # ----- painting ------------------------------------------------------------------------

    def _visible_positions(self) -> tuple[int, int]:
        block = self.firstVisibleBlock()
        start = block.position()
        height, offset = self.viewport().height(), self.contentOffset()
        end = start
        while block.isValid():
            if self.blockBoundingGeometry(block).translated(offset).top() > height:
                break
            end = block.position() + block.length()
            block = block.next()
        return start, end

    def _refresh_selections(self) -> None:
        """Rebuild the extra selections for what is on screen, only when that changed."""
        visible = self._visible_positions()
        if visible == self._visible_range:
            return
        self._visible_range = visible
        start, end = visible
        selections = []
        first = max(0, bisect_left(self._highlight_starts, start) - 1)
        for h in self._highlights[first:]:
            if h.start >= end:
                break
            if h.end > start:
                selections.append(self._selection(h.start, h.end, self._word_format(h.kind)))
        match_fmt = QTextCharFormat()
        match_fmt.setBackground(QColor(255, 200, 0, 170))
        match_fmt.setForeground(QColor(0, 0, 0))
        for m_start, m_end in self._matches:
            if m_end > start and m_start < end:
                selections.append(self._selection(m_start, m_end, match_fmt))
        self.setExtraSelections(selections)

    def _word_format(self, kind: PairKind) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(self.theme.word_colour(deleted=self.side is Side.A))
        if kind is PairKind.MOVED:
            fmt.setFontUnderline(True)
        return fmt

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor  # type: ignore[attr-defined]
        sel.format = fmt  # type: ignore[attr-defined]
        return sel

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.viewport().width()
        for line, kind in self._gaps:
            y = self.line_to_y(line)
            if -4 <= y <= self.viewport().height() + 4:
                painter.setPen(QPen(self.theme.marks[kind], 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(0, round(y), width, round(y))
        if self._current is not None:
            top, bottom = self.line_to_y(self._current.top), self.line_to_y(self._current.bottom)
            painter.setPen(QPen(self.theme.current, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if bottom - top < 2:
                painter.drawLine(0, round(top), width, round(top))
            else:
                painter.drawRoundedRect(QRectF(1, top - 1, width - 3, bottom - top + 2), 3, 3)
        painter.end()

    def _on_update_request(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())
        self._refresh_selections()

    def _update_gutter_width(self) -> None:
        self.setViewportMargins(self._gutter.width_hint(), 0, 0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.contentsRect()
        self._gutter.setGeometry(rect.left(), rect.top(), self._gutter.width_hint(), rect.height())

    def set_text_font(self, font: QFont) -> None:
        """Change the font (zoom, prose vs code); the gutter and layout follow."""
        self.setFont(font)
        self._update_gutter_width()
        self._gutter.setGeometry(
            self.contentsRect().left(),
            self.contentsRect().top(),
            self._gutter.width_hint(),
            self.contentsRect().height(),
        )
        self._visible_range = (-1, -1)
        self._layout_timer.start()

    # ----- drag and drop: forward paths, never insert text ---------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if can_accept(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if can_accept(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(paths)
