# SPDX-License-Identifier: GPL-3.0-or-later
"""Headings a document reader found, shown as headings: bold and a step larger.

Why a character format and not inserted markup: a pane's document holds the
file's text and nothing else (editing writes it back), so a heading is told
by how its block looks. The size is an adjustment relative to the pane's font
(as HTML's ``<big>`` is), so zooming keeps headings a step above the text.
The level layout measures every block as laid out, so taller heading lines
keep the panes level.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

__all__ = ["format_headings"]

#: how many steps larger than the text a heading is (QTextFormat's FontSizeAdjustment)
HEADING_STEP = 1


def format_headings(document: QTextDocument, positions: Iterable[int]) -> int:
    """Make the blocks at ``positions`` (document positions) look like headings.

    Returns:
        How many blocks were formatted (a position past the end is skipped).
    """
    look = QTextCharFormat()
    look.setFontWeight(QFont.Weight.Bold)
    look.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_STEP)
    done = 0
    for position in positions:
        block = document.findBlock(position)
        if not block.isValid() or not block.length() > 1:
            continue
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(look)
        done += 1
    return done
