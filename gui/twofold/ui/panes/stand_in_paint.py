# SPDX-License-Identifier: GPL-3.0-or-later
"""The stand-ins of hidden characters on a pane's screen: box, frame and tooltip.

``pane_fill`` puts a visible stand-in (⇆, ⬚, ␛) in the document where the text
has a direction control, a zero-width or a control character
(``engine.invisibles``). Here they are found again in the blocks on screen and
made to stand out as code-review tools do: a tinted box painted under the text
(a change's highlight paints over it, so a change made only of a zero-width
space shows as a change), a frame painted over it, and a tooltip naming the
character when hovered.

Painted, not extra selections: Qt's cost for those grows faster than their
number (see ``match_paint``), and a log with colour codes has an ESC or two
on every line.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QHelpEvent, QTextBlock
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from twofold.engine.view.invisibles import describe
from twofold.ui.find.match_paint import match_rects
from twofold.ui.panes.spans import PanePositions, StandIn, stand_ins


def block_stand_ins(positions: PanePositions, block: QTextBlock) -> list[StandIn]:
    """The stand-ins in one block of a pane showing ``positions.table``."""
    source = positions.table.source
    return stand_ins(positions, source, block.text(), block.position())


def stand_in_rects(
    block: QTextBlock, top: float, left: float, found: Sequence[StandIn]
) -> list[QRectF]:
    """Viewport rectangles of these stand-ins of ``block`` (its top at ``top``)."""
    return list(match_rects(block, top, left, [(s.start, s.end) for s in found]))


def stand_in_under(edit: QPlainTextEdit, positions: PanePositions, point: QPoint) -> StandIn | None:
    """The stand-in under ``point`` (viewport coordinates) in ``edit``, if there is one."""
    block = edit.cursorForPosition(point).block()
    found = block_stand_ins(positions, block) if block.isValid() else []
    if not found:
        return None
    top = edit.blockBoundingGeometry(block).translated(edit.contentOffset()).top()
    left = edit.contentOffset().x()
    for stand_in in found:
        for rect in stand_in_rects(block, top, left, [stand_in]):
            if rect.contains(point.toPointF()):
                return stand_in
    return None


def show_stand_in_tip(event: QHelpEvent, found: StandIn | None, viewport: QWidget) -> None:
    """Answer a tooltip event: name the hidden character ``found`` under it, or show none."""
    if found is None:
        QToolTip.hideText()
        event.ignore()
    else:
        QToolTip.showText(event.globalPos(), describe(found.char), viewport)
