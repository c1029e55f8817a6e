# SPDX-License-Identifier: GPL-3.0-or-later
"""The changed words a pane highlights, as extra selections, for the blocks in view only.

Why apart from the pane: which ranges get which format is a question of the
highlights, find's matches and what is in view; the pane only asks again when what
is on screen changes. Words are selections (drawn under the text by Qt), find's
matches are painted (``match_paint``), so a highlight is cut around the matches; a
change of only a line break is too thin to select and is marked in paint instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from twofold.engine.result.kinds import PairKind, Side
from twofold.ui.find.match_paint import outside
from twofold.ui.panes.break_marks import is_break_only
from twofold.ui.panes.spans import Highlight
from twofold.ui.theme import Theme

#: right-to-left scripts: in such a line a span of the screen need not be one range
#: of the text, so the whole line counts as in view (``visible_windows``). The
#: direction controls never reach the document (``pane_fill`` shows stand-ins).
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")


def word_selections(
    doc: QTextDocument,
    highlights: Callable[[int, int, int, int], Sequence[Highlight]],
    ranges: Sequence[tuple[int, int, int, int]],
    matches: list[tuple[int, int]],
    fmt: dict[PairKind, QTextCharFormat],
) -> tuple[list[QTextEdit.ExtraSelection], set[int]]:
    """The selections of the highlights in ``ranges`` (first block, last block, lo, hi).

    ``highlights``: the pane's highlights in such a range (``PaneContent.highlights_in``).

    Also the blocks whose highlight is a line break only, for the paint to mark.
    """
    selections = []
    breaks = set()
    last_end = -1
    for first_block, last_block, lo, hi in ranges:
        for h in highlights(first_block, last_block, lo, hi):
            if h.end <= last_end:  # already set for the block before
                continue
            last_end = h.end
            if is_break_only(doc, h.start, h.end):  # a sliver: marked in paintEvent
                breaks.add(doc.findBlock(h.start).blockNumber())
                continue
            for part_start, part_end in outside(h.start, h.end, matches):
                selections.append(selection(doc, part_start, part_end, fmt[h.kind]))
    return selections, breaks


def word_format(theme: Theme, side: Side, kind: PairKind, change_lines: bool) -> QTextCharFormat:
    """How a changed word of ``kind`` looks on ``side``: tinted, struck or underlined."""
    fmt = QTextCharFormat()
    fmt.setBackground(theme.word_colour(deleted=side is Side.A))
    if change_lines:
        fmt.setFontStrikeOut(side is Side.A)
        fmt.setFontUnderline(side is Side.B)
    elif kind is PairKind.MOVED:
        fmt.setFontUnderline(True)
    return fmt


def selection(
    doc: QTextDocument, start: int, end: int, fmt: QTextCharFormat
) -> QTextEdit.ExtraSelection:
    """An extra selection of ``[start, end)``, clamped to the document."""
    sel = QTextEdit.ExtraSelection()
    cursor = QTextCursor(doc)
    cursor.setPosition(min(start, doc.characterCount() - 1))
    cursor.setPosition(min(end, doc.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor)
    sel.cursor = cursor
    sel.format = fmt
    return sel


def visible_windows(pane: QPlainTextEdit, numbers: Sequence[int]) -> dict[int, tuple[int, int]]:
    """Without wrapping, the document positions of each block on screen that are in view.

    A line longer than the pane (a 2,000-character piece of a cut line, a
    minified script) is mostly out of view to the sides; highlighting and
    painting find's matches in all of it made every repaint of a screen of a
    one-line pair slow, and slower still with the matches of "e"
    (``bench/gui_actions.py A B`` on that pair). Empty when
    wrapping (every line is in view); a block holding right-to-left text is in
    view whole (there a span of the screen need not be one range of the text).
    """
    if pane.lineWrapMode() is not QPlainTextEdit.LineWrapMode.NoWrap:
        return {}
    left = -pane.contentOffset().x()
    right = left + pane.viewport().width()
    doc = pane.document()
    windows: dict[int, tuple[int, int]] = {}
    for number in numbers:
        block = doc.findBlockByNumber(number)
        layout, position = block.layout(), block.position()
        if layout.lineCount() == 0 or _RIGHT_TO_LEFT.search(block.text()):
            windows[number] = (position, position + block.length())
            continue
        line = layout.lineAt(0)
        lo, hi = line.xToCursor(left), line.xToCursor(right)
        windows[number] = (position + max(0, lo - 1), position + hi + 1)
    return windows
