# SPDX-License-Identifier: GPL-3.0-or-later
"""Where a pane's viewport stands in level coordinates, and putting it there.

With the groups padded (``level_layout``), a place in either pane is a
*level coordinate*: a group and a pixel offset from the group's top, the same
in both panes. Mapping one pane's top edge to the other is then a straight
copy of the coordinate (no interpolation, no sync line): every pair on screen
is level in both. ``QPlainTextEdit`` scrolls by whole lines, so a pane can
stop only where one of its lines (or blocks) begins, and a coordinate inside
one of its lines or its padding is between two stops. The pane that follows
then stops at the line before and its viewport starts that much above the
pane's top edge (``set_shift``: a negative top margin, clipped by the pane),
so what shows from its top edge down is exactly the coordinate's place: the
document is not touched, and the pane scrolls as smoothly as its leader.
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


def shift_of(pane: QPlainTextEdit) -> int:
    """How many pixels of the pane's viewport are above its top edge, out of sight."""
    return max(0, -pane.viewportMargins().top())


def set_shift(pane: QPlainTextEdit, pixels: int) -> None:
    """Start the viewport ``pixels`` above the pane's top edge (0: at it).

    The pane's own widgets that sit beside the viewport (its gutter) follow it
    when they are placed on the viewport's resize.
    """
    margins = pane.viewportMargins()
    if margins.top() != -pixels:
        pane.setViewportMargins(margins.left(), -pixels, margins.right(), margins.bottom())


def top_coordinate(pane: QPlainTextEdit, side: Side, leveller: Leveller) -> Coordinate:
    """The level coordinate of the pane's top edge (the viewport's top plus its shift)."""
    first = pane.firstVisibleBlock()
    group, offset = block_coordinate(pane, side, leveller, first.blockNumber())
    offset -= pane.contentOffset().y()  # how much of the first block is above the edge
    top = leveller.top_padding(side)
    if first.blockNumber() == 0 and top:
        offset -= top  # measured from the block's top, which is the padding's
        if offset < 0:
            return forward_by(leveller, (0, offset + top), shift_of(pane))
    return forward_by(leveller, (group, offset), shift_of(pane))


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
    pane: QPlainTextEdit,
    side: Side,
    leveller: Leveller,
    where: Coordinate,
    nearest: bool,
    exact: bool = False,
) -> Coordinate:
    """Put the pane's top edge at ``where``, or the closest place the pane's lines allow.

    Args:
        nearest: take the closest stop either way; else the last one at or before ``where``.
        exact: stop at the last line at or before ``where`` and shift the viewport up by
            the rest, so the top edge is at ``where`` to the pixel (not at an end of the
            scroll range, where the pane stays at its end).

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
    if exact:
        return _scroll_shifted(pane, side, leveller, where, chosen)
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
    set_shift(pane, 0)
    if not _go(pane, chosen):  # held at an end of the scroll range
        return top_coordinate(pane, side, leveller)
    return landed


def _go(pane: QPlainTextEdit, stop: tuple[float, int, int]) -> bool:
    """Scroll to ``stop`` (block, line); False if the scroll range holds the pane short of it.

    The scroll bar counts lines, and laying out the blocks on the way (Qt does,
    as it scrolls) may renumber the lines after them: the pane is checked by
    its block and line, and set again if the numbers moved under it.
    """
    block = pane.document().findBlockByNumber(stop[1])
    bar = pane.verticalScrollBar()
    for _ in range(2):
        bar.setValue(block.firstLineNumber() + stop[2])
        first = pane.firstVisibleBlock()
        if first.blockNumber() == stop[1] and bar.value() - first.firstLineNumber() == stop[2]:
            return True
    return False


def _scroll_shifted(
    pane: QPlainTextEdit,
    side: Side,
    leveller: Leveller,
    where: Coordinate,
    chosen: tuple[float, int, int],
) -> Coordinate:
    """Stop at ``chosen`` (at or before ``where``) and shift the viewport up by the rest."""
    if not _go(pane, chosen):  # held at an end of the scroll range: stay at the end
        set_shift(pane, 0)
        return top_coordinate(pane, side, leveller)
    # At the top of the document Qt shows the document's margin above the first line.
    top = chosen[0] - pane.contentOffset().y() if chosen[2] == 0 else chosen[0]
    set_shift(pane, round(where[1] - top))
    # A taller viewport may shrink the range under it: then the pane stays at its end.
    if not _go(pane, chosen):
        set_shift(pane, 0)
        _go(pane, chosen)
        return top_coordinate(pane, side, leveller)
    return where


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


def forward_by(leveller: Leveller, where: Coordinate, distance: float) -> Coordinate:
    """The coordinate ``distance`` pixels below ``where`` (in the last group at most)."""
    group, offset = where
    offset += distance
    groups = leveller.groups
    count = groups.count if groups is not None else 0
    while group + 1 < count:
        # Only a group ending above the place is measured whole: a taller one is not laid out.
        height = leveller.level_height(group, limit=offset)
        if height is None or offset < height:
            break
        offset -= height
        group += 1
    return group, offset
