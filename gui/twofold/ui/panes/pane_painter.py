# SPDX-License-Identifier: GPL-3.0-or-later
"""Paints a pane's marks around Qt's paint of its text: what goes under it, what over it.

Under the text: the tints of changed paragraphs (not their levelling padding),
find's matches and the boxes of hidden characters' stand-ins, so that a change's
word highlight (an extra selection, drawn with the text) still shows over them.
Over the text: the gaps' dashed lines, the marks of changes made of a line break
alone, the stand-ins' frames and the current change's frame. Only the blocks on
screen are looked at (``PaneGeometry.visible_blocks``); the drawing itself is
``pane_paint``'s, which never sees the pane.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QPlainTextEdit

from twofold.engine.result.kinds import Side
from twofold.ui.panes.break_marks import mark_rect, paint_marks
from twofold.ui.panes.level_layout import Leveller
from twofold.ui.panes.pane_content import PaneContent
from twofold.ui.panes.pane_geometry import PaneGeometry, Walk
from twofold.ui.panes.pane_paint import paint_current, paint_gaps, paint_matches, paint_tints
from twofold.ui.panes.screen_marks import ScreenMarks
from twofold.ui.panes.stand_in_paint import stand_in_rects
from twofold.ui.panes.word_selections import visible_windows
from twofold.ui.theme import Theme


class PanePainter:
    """The pane's ``paintEvent`` calls ``under_text``, Qt's own paint, then ``over_text``."""

    __slots__ = ("__weakref__", "_content", "_edit", "_geometry", "_leveller", "_marks", "_side")

    def __init__(
        self,
        edit: QPlainTextEdit,
        side: Side,
        leveller: Leveller,
        geometry: PaneGeometry,
        content: PaneContent,
        marks: ScreenMarks,
    ) -> None:
        self._edit = edit
        self._side = side
        self._leveller = leveller
        self._geometry = geometry
        self._content = content
        self._marks = marks

    def under_text(self, shown: Walk, theme: Theme) -> list[QRectF]:
        """Tints, find's matches and stand-in boxes; returns the stand-ins' rectangles."""
        numbers, tops, heights = shown
        rows = list(zip(numbers, tops, heights, strict=True))
        edit, content, leveller, side = self._edit, self._content, self._leveller, self._side
        width = edit.viewport().width()
        painter = QPainter(edit.viewport())
        paint_tints(
            painter,
            rows,
            content.block_kind,
            lambda number: leveller.measured_below(side, number),
            lambda: leveller.top_padding(side),
            theme.tints,
            width,
        )
        doc, left = edit.document(), edit.contentOffset().x()
        if content.has_matches:
            windows = visible_windows(edit, numbers)
            last = doc.findBlockByNumber(numbers[-1]) if numbers else doc.lastBlock()
            start = doc.findBlockByNumber(numbers[0]).position() if numbers else 0
            matches = list(content.matches_in(start, last.position() + last.length()))
            paint_matches(painter, doc, rows, left, matches, windows, theme.found)
        stand_ins = self._marks.stand_ins
        frames = [
            rect
            for number, top in zip(numbers, tops, strict=True)
            if number in stand_ins
            for rect in stand_in_rects(doc.findBlockByNumber(number), top, left, stand_ins[number])
        ]
        for frame in frames:  # under the text; a change's highlight paints over it
            painter.fillRect(frame, theme.hidden_back)
        painter.end()
        return frames

    def over_text(self, shown: Walk, frames: list[QRectF], theme: Theme) -> None:
        """Gaps, break marks, stand-in frames and the current change's frame."""
        numbers, tops, _heights = shown
        edit, content, geometry = self._edit, self._content, self._geometry
        width = edit.viewport().width()
        painter = QPainter(edit.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        lo, hi = geometry.visible_block_range()
        paint_gaps(
            painter,
            content.gaps,
            (content.block_then(lo), content.block_then(hi)),
            lambda pos: geometry.y_of(content.block_pos_now(pos)),
            theme.marks,
            width,
        )
        doc, left, breaks = edit.document(), edit.contentOffset().x(), self._marks.breaks
        marks = [
            mark_rect(doc.findBlockByNumber(number), top, left, QFontMetricsF(edit.font()))
            for number, top in zip(numbers, tops, strict=True)
            if number in breaks
        ]
        paint_marks(painter, marks, theme.word_colour(self._side is Side.A), theme.text)
        painter.setPen(QPen(theme.hidden, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for frame in frames:
            painter.drawRoundedRect(frame.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2)
        current = content.current_extent()
        if current is not None:
            paint_current(painter, current, geometry.y_of, theme.current, width)
        painter.end()

    def repaint_current(self) -> None:
        """Repaint the current change's frame whole after a sideways scroll.

        Qt moves the viewport's pixels sideways and repaints only the strip that
        came in, but the frame is drawn at the viewport's edges, not the text's:
        its moved sides were left behind as a trail of boxes.
        """
        current = self._content.current_extent()
        if current is not None:
            viewport = self._edit.viewport()
            top, bottom = self._geometry.y_of(current.top), self._geometry.y_of(current.bottom)
            height = viewport.height()
            if bottom >= 0 and top <= height:
                lo, hi = max(0, int(top) - 3), min(height, int(bottom) + 4)
                viewport.update(0, lo, viewport.width(), hi - lo)
