# SPDX-License-Identifier: GPL-3.0-or-later
"""The mark of a change that is only a paragraph break: a boxed pilcrow (¶) at the break.

Why: when a paragraph is split or two are joined, the highlighted difference is
the break itself, which Qt paints as the selection of a line's end: a sliver a
few pixels wide that no reader notices. The pilcrow is painted over the pane,
never put in its document: a pane holds nothing but the file's text.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QTextBlock, QTextDocument

PILCROW = "\u00b6"
#: how ``QTextDocument`` stores the break between two blocks
_SEPARATOR = "\u2029"


def is_break_only(doc: QTextDocument, start: int, end: int) -> bool:
    """Whether document positions ``[start, end)`` hold only white space and a block break."""
    if end <= start or end - start > 64:  # a break with its spaces; longer is a real change
        return False
    chars = [doc.characterAt(position) for position in range(start, end)]
    return _SEPARATOR in chars and all(char.isspace() or char == _SEPARATOR for char in chars)


def mark_rect(block: QTextBlock, top: float, left: float, metrics: QFontMetricsF) -> QRectF:
    """Where the mark of the break that ends ``block`` goes: after its last line's text.

    Args:
        top: the block's top in the viewport; ``left`` the content's x offset.
    """
    layout = block.layout()
    line = layout.lineAt(layout.lineCount() - 1)
    x = left + layout.position().x() + line.x() + line.naturalTextWidth()
    width = metrics.horizontalAdvance(PILCROW) + 4
    return QRectF(x + 1, top + line.y(), width, line.height())


def paint_marks(painter: QPainter, rects: Iterable[QRectF], box: QColor, ink: QColor) -> None:
    """A box in the highlight's colour with a pilcrow in the text colour, per rect."""
    painter.setPen(ink)
    for rect in rects:
        painter.fillRect(rect, box)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, PILCROW)
