# SPDX-License-Identifier: GPL-3.0-or-later
"""The stand-ins of hidden characters on a pane's screen: colour, frame, and tooltip.

``pane_fill`` puts a visible stand-in (⇆, ⬚, ␛) in the document where the text
has a direction control, a zero-width or a control character
(``engine.invisibles``). Here they are found again in the blocks on screen and
made to stand out as code-review tools do: their own colour (an extra selection
set after the word highlights, with no background, so a change made only of a
zero-width space keeps its highlight), a tinted box painted under the text and
a frame over it, and a tooltip naming the character when hovered.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QTextBlock, QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from twofold.engine.linemap import BlockTable
from twofold.ui.match_paint import match_rects
from twofold.ui.spans import PanePositions, StandIn, stand_ins
from twofold.ui.theme import Theme


def stand_in_format(theme: Theme) -> QTextCharFormat:
    """The stand-ins' text: the theme's colour and no background (see the module).

    Not bold: the text is laid out before the extra selections apply, so a wider
    glyph would spill over its neighbour.
    """
    fmt = QTextCharFormat()
    fmt.setForeground(theme.hidden)
    return fmt


def block_stand_ins(table: BlockTable, block: QTextBlock) -> list[StandIn]:
    """The stand-ins in one block of a pane showing ``table``."""
    return stand_ins(PanePositions(table), table.source, block.text(), block.position())


def stand_in_rects(
    block: QTextBlock, top: float, left: float, found: Sequence[StandIn]
) -> list[QRectF]:
    """Viewport rectangles of these stand-ins of ``block`` (its top at ``top``)."""
    return list(match_rects(block, top, left, [(s.start, s.end) for s in found]))


def stand_in_under(edit: QPlainTextEdit, table: BlockTable, point: QPoint) -> StandIn | None:
    """The stand-in under ``point`` (viewport coordinates) in ``edit``, if there is one."""
    block = edit.cursorForPosition(point).block()
    found = block_stand_ins(table, block) if block.isValid() else []
    if not found:
        return None
    top = edit.blockBoundingGeometry(block).translated(edit.contentOffset()).top()
    left = edit.contentOffset().x()
    for stand_in in found:
        for rect in stand_in_rects(block, top, left, [stand_in]):
            if rect.contains(point.toPointF()):
                return stand_in
    return None
