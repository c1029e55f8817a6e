# SPDX-License-Identifier: GPL-3.0-or-later
"""Find's matches are painted by the pane under the text, not drawn by Qt as selections.

Why: Qt draws each extra selection of a block with a clip path of its own and
merges the paths of them all, so a screen's cost grows faster than its number
of selections: a screen of a reworded pair repainted several times slower with
the matches of "e" besides its word highlights (and did so at every keystroke
and scroll step while the find bar was open). Filled as rectangles before Qt
draws the text they cost little (``bench/gui_actions.py``'s find rows).

The word highlights stay Qt's selections (a screen holds few of them, and a
moved word's underline is Qt's), cut around the matches on screen, so that a
match inside a highlighted word still shows in the match colour, as it did
when matches were selections set after the highlights.

Limit: a match's part on a line is one rectangle from the x of its first
character to the x of its last. Within one direction of text that is exact
(checked on Hebrew and Arabic); a match that runs across a change of direction
(a needle of Latin and Hebrew letters together) is painted over the span
between its ends, where Qt's selection would paint two pieces.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import cast

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextBlock, QTextLine


def outside(start: int, end: int, holes: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The parts of ``[start, end)`` that no hole covers, in order.

    ``holes``: ``(start, end)`` ranges sorted by start, not overlapping (find's matches).
    """
    i = max(0, bisect_right(holes, (start,)) - 1)  # the hole before may reach in
    pos = start
    while i < len(holes) and holes[i][0] < end:
        hole_start, hole_end = holes[i]
        if hole_end > pos:
            if hole_start > pos:
                yield pos, hole_start
            pos = hole_end
        i += 1
    if pos < end:
        yield pos, end


def match_rects(
    block: QTextBlock,
    top: float,
    left: float,
    matches: Sequence[tuple[int, int]],
    window: tuple[int, int] | None = None,
) -> Iterator[QRectF]:
    """Viewport rectangles of the parts of ``matches`` in ``block``, a line's part each.

    ``top``: the block's top in the viewport; ``left``: the content's x offset
    (horizontal scrolling); ``matches``: document positions, sorted, not overlapping.
    A match may begin in the block before (across the soft break of a cut line).
    ``window``: only the document positions in view (``DiffPane.visible_windows``).
    """
    layout = block.layout()
    if layout.lineCount() == 0:  # not laid out: not on screen
        return
    position = block.position()
    first, last = position, position + block.length() - 1  # not the break
    if window is not None:
        first, last = max(first, window[0]), min(last, window[1])
    i = max(0, bisect_right(matches, (first,)) - 1)
    while i < len(matches) and matches[i][0] < last:
        start = max(matches[i][0], first) - position
        end = min(matches[i][1], last) - position
        i += 1
        while start < end:
            line = layout.lineForTextPosition(start)
            if not line.isValid():
                break
            stop = min(end, line.textStart() + line.textLength())
            if stop <= start:  # past a line's last character: the next line takes it
                stop = end if line.lineNumber() == layout.lineCount() - 1 else start + 1
            x1, x2 = _x(line, start), _x(line, stop)
            yield QRectF(left + min(x1, x2), top + line.y(), abs(x2 - x1), line.height())
            start = stop


def _x(line: QTextLine, position: int) -> float:
    """The x of a cursor before ``position`` (PySide returns it with the position)."""
    return cast("tuple[float, int]", line.cursorToX(position))[0]
