# SPDX-License-Identifier: GPL-3.0-or-later
"""Go to line: what the user typed, read as a line of one side, or a sentence saying why not.

Lines are the file's lines, numbered from 1 as the gutter numbers them; a long
line cut into display blocks (``display_blocks``) is one line, found at its
first block. A final newline ends the last line rather than opening one more.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from twofold.engine.result.kinds import Side
from twofold.engine.view.display_blocks import BlockTable

#: separators a typed number may carry (``1,234``, ``1 234``, ``1_234``)
_GROUPING = re.compile(r"[,_\s\u00a0\u202f']")
_NUMBER = re.compile(r"[+-]?[0-9]+")
_SIDE_NAMES = {Side.A: "left", Side.B: "right"}


@dataclass(frozen=True, slots=True)
class LineTarget:
    """A line to bring into view: its side, its 0-based number and its first display block."""

    side: Side
    line: int
    block: int


@dataclass(frozen=True, slots=True)
class LineRefused:
    """What was typed is no line of that side: the sentence to show."""

    message: str


def line_count(table: BlockTable) -> int:
    """How many lines the side's text has (a final newline opens none)."""
    source = table.source
    if not source:
        return 0
    blocks = table.block_count - len(table.continuations)
    return blocks - 1 if source.endswith("\n") else blocks


def block_of_line(table: BlockTable, line: int) -> int:
    """The first display block of 0-based source ``line``.

    Each continuation block ``c`` (the i-th) follows ``c - i`` whole lines'
    first blocks, so it belongs to line ``c - i - 1``; the blocks before
    ``line``'s are its lines and the continuations of the lines before it.
    """
    cont = table.continuations
    before = bisect_right(range(len(cont)), line, key=lambda i: cont[i] - i)
    return line + before


def read_line(typed: str, side: Side, table: BlockTable) -> LineTarget | LineRefused:
    """The line ``typed`` names on ``side``, or a sentence saying why it names none."""
    name = _SIDE_NAMES[side]
    count = line_count(table)
    text = _GROUPING.sub("", typed)
    if not text:
        return LineRefused("Type a line number.")
    if not _NUMBER.fullmatch(text):
        shown = typed.strip() if len(typed.strip()) <= 20 else f"{typed.strip()[:19]}\u2026"
        return LineRefused(f"\u201c{shown}\u201d is not a line number; type digits, such as 12.")
    number = int(text)
    if count == 0:
        return LineRefused(f"The {name} side is empty: it has no lines to go to.")
    if number < 1:
        return LineRefused(f"Lines are numbered from 1 to {count:,} on the {name} side.")
    if number > count:
        lines = "line" if count == 1 else "lines"
        return LineRefused(f"The {name} side has {count:,} {lines}; there is no line {number:,}.")
    return LineTarget(side, number - 1, block_of_line(table, number - 1))
