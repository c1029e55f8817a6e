# SPDX-License-Identifier: GPL-3.0-or-later
"""What a pane paints under and over its text: tints, find's matches, gaps, the current frame.

Why painted, not formatted: tints as block formats would have to be re-applied on
every theme or padding change, and a pane may be edited; paint reads what is on
screen alone. These take the rows on screen (block number, top, height) and the
values to draw, never the pane.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument

from twofold.engine.result.kinds import PairKind
from twofold.engine.view.extents import Extent
from twofold.ui.find.match_paint import match_rects


def paint_tints(
    painter: QPainter,
    rows: Sequence[tuple[int, float, float]],
    kind_of: Callable[[int], PairKind | None],
    padding_below: Callable[[int], float],
    top_padding: Callable[[], float],
    tints: dict[PairKind, QColor],
    width: int,
) -> None:
    """Tint each changed block on screen, leaving the padding that levels it untinted."""
    for number, top, height in rows:
        kind = kind_of(number)
        if kind is not None:  # tints are painted, not block formats: nothing to re-apply
            height -= padding_below(number)  # not the padding
            if number == 0:
                above = top_padding()  # asked only when the first block is on screen
                top, height = top + above, height - above
            painter.fillRect(QRectF(0, top, width, height), tints[kind])


def paint_matches(
    painter: QPainter,
    doc: QTextDocument,
    rows: Sequence[tuple[int, float, float]],
    left: float,
    matches: list[tuple[int, int]],
    windows: dict[int, tuple[int, int]],
    colour: QColor,
) -> None:
    """Fill find's matches in the blocks on screen (only what is in view of each)."""
    for number, top, _height in rows:
        block = doc.findBlockByNumber(number)
        for rect in match_rects(block, top, left, matches, windows.get(number)):
            painter.fillRect(rect, colour)


def paint_gaps(
    painter: QPainter,
    gaps: list[tuple[float, PairKind]],
    shown: tuple[int, int],
    y_of: Callable[[float], float],
    marks: dict[PairKind, QColor],
    width: int,
) -> None:
    """A dashed line where the other side has a paragraph this side lacks."""
    lo, hi = shown
    first_gap = bisect_right(gaps, (lo - 1.0,))
    for pos, kind in gaps[first_gap:]:
        if pos > hi + 1:
            break
        y = round(y_of(pos))
        painter.setPen(QPen(marks[kind], 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(0, y, width, y)


def paint_current(
    painter: QPainter, current: Extent, y_of: Callable[[float], float], colour: QColor, width: int
) -> None:
    """Frame the current change (a line where it has no height: a gap)."""
    top, bottom = y_of(current.top), y_of(current.bottom)
    painter.setPen(QPen(colour, 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if bottom - top < 2:
        painter.drawLine(0, round(top), width, round(top))
    else:
        painter.drawRoundedRect(QRectF(1, top - 1, width - 3, bottom - top + 2), 3, 3)
