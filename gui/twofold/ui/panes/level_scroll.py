# SPDX-License-Identifier: GPL-3.0-or-later
"""Where a pane's viewport stands in level coordinates, and putting it there.

With the groups padded (``level_layout``), a place in either pane is a
*level coordinate*: a group and a pixel offset from the group's top, the same
in both panes. Mapping one pane's top edge to the other is then a straight
copy of the coordinate (no interpolation, no sync line): every pair on screen
is level in both. ``QPlainTextEdit`` scrolls by whole lines, so a pane can
stop only where one of its lines (or blocks) begins; a coordinate inside one
side's padding is reached there as nearly as that side's lines allow.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from twofold.engine.result.kinds import Side
from twofold.ui.panes.level_layout import Leveller

#: a group and a pixel offset from its top, the same place in both panes
Coordinate = tuple[int, float]


def block_coordinate(
    pane: QPlainTextEdit, side: Side, leveller: Leveller, number: int
) -> Coordinate:
    """The level coordinate of the top of block ``number``'s text."""
    groups = leveller.groups
    if groups is None:
        return (0, 0.0)
    group = groups.group_of(side, number)
    start = groups.span(side, group)[0]
    document = pane.document()
    block = document.findBlockByNumber(start)
    offset = 0.0
    for _ in range(number - start):
        offset += pane.blockBoundingRect(block).height()
        block = block.next()
    if start == 0 and number:  # block 0's height counts any padding above its text
        offset -= leveller.top_padding(side)
    return group, offset


def top_coordinate(pane: QPlainTextEdit, side: Side, leveller: Leveller) -> Coordinate:
    """The level coordinate of the viewport's top edge."""
    first = pane.firstVisibleBlock()
    group, offset = block_coordinate(pane, side, leveller, first.blockNumber())
    offset -= pane.contentOffset().y()  # how much of the first block is above the edge
    top = leveller.top_padding(side)
    if first.blockNumber() == 0 and top:
        offset -= top  # measured from the block's top, which is the padding's
        if offset < 0:
            return 0, offset + top
    return group, offset


def _stops(
    pane: QPlainTextEdit, side: Side, leveller: Leveller, group: int, limit: float
) -> list[tuple[float, int, int]]:
    """The places the pane can stop at in ``group`` (offset, block, line), up to ``limit``.

    Also the first one past ``limit``, if the group has one.
    """
    groups = leveller.groups
    assert groups is not None
    start, end = groups.span(side, group)
    if start == end:  # an empty group 0: only the top of the document
        return [(0.0, 0, 0)]
    document = pane.document()
    block = document.findBlockByNumber(start)
    stops: list[tuple[float, int, int]] = []
    offset = -leveller.top_padding(side) if start == 0 else 0.0
    for number in range(start, end):
        height = pane.blockBoundingRect(block).height()  # lays it out
        layout = block.layout()
        stops.append((offset, number, 0))  # block 0 padded above: before this group's top
        for line in range(1, layout.lineCount()):
            stops.append(
                (offset + layout.lineAt(line - 1).naturalTextRect().bottom(), number, line)
            )
        if stops and stops[-1][0] > limit:
            break
        offset += height
        block = block.next()
    return stops


def scroll_to_coordinate(
    pane: QPlainTextEdit, side: Side, leveller: Leveller, where: Coordinate, nearest: bool
) -> Coordinate:
    """Put the viewport's top edge at ``where``, or the closest place the pane's lines allow.

    Args:
        nearest: take the closest stop either way; else the last one at or before ``where``.

    Returns:
        Where the top edge went.
    """
    groups = leveller.groups
    if groups is None:
        return where
    group, offset = where
    stops = _stops(pane, side, leveller, group, offset)
    before = [stop for stop in stops if stop[0] <= offset + 0.5]
    chosen = before[-1] if before else stops[0]
    landed: Coordinate = (group, chosen[0])
    if nearest and group + 1 < groups.count:
        after = [stop for stop in stops if stop[0] > offset + 0.5]
        # Only a group ending within that distance matters: a taller one is not laid out.
        height = leveller.level_height(group, limit=2 * offset - chosen[0])
        if not after and height is not None and height - offset < offset - chosen[0]:
            start = groups.span(side, group + 1)[0]  # the next group's top is closer
            chosen, landed = (height, start, 0), (group + 1, 0.0)
        elif after and after[0][0] - offset < offset - chosen[0]:
            chosen = after[0]
            landed = (group, chosen[0])
    if landed[1] < 0:  # the top of a block padded above: in the group before
        landed = back_by(leveller, (landed[0], 0.0), -landed[1])
    block = pane.document().findBlockByNumber(chosen[1])
    bar, value = pane.verticalScrollBar(), block.firstLineNumber() + chosen[2]
    bar.setValue(value)
    if bar.value() != value:  # held at an end of the scroll range
        return top_coordinate(pane, side, leveller)
    return landed


def back_by(leveller: Leveller, where: Coordinate, distance: float) -> Coordinate:
    """The coordinate ``distance`` pixels above ``where`` (at most the top of the document)."""
    group, offset = where
    offset -= distance
    while offset < 0 and group > 0:
        group -= 1
        height = leveller.level_height(group)
        if height is None:
            return group, 0.0
        offset += height
    return group, max(0.0, offset)
