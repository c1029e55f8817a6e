# SPDX-License-Identifier: GPL-3.0-or-later
"""One side's text cut into display blocks, and where each paragraph sits in them.

Purpose: give every paragraph a position that comes from the text alone (a
block is a line of the displayed text), so it never changes with wrapping,
width or font, and the UI never has to lay out a whole document to know where
a paragraph sits. Lines too long to lay out (a 5 MB minified line) are cut into
display blocks here, so no single block costs seconds to shape.

Constraints: pure functions over the text and its segments, no Qt.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise, repeat
from operator import add, sub

from twofold.engine.result.spans import Segments, Span, span_bounds
from twofold.engine.segment.segmentation import break_offsets

_BLOCK_BREAK = re.compile("[\n\u2029]")

#: lines longer than this (characters) are shown cut into display blocks
LONG_LINE = 10_000
#: the length of those display blocks; a cut goes after a space when one is near
PIECE = 2_000


@dataclass(frozen=True, slots=True)
class BlockTable:
    """One side's text as displayed: its blocks and where each paragraph sits in them.

    ``soft_breaks`` are the offsets (into the source text) where a long line was cut
    for display; ``text`` has a newline inserted at each. Every array is compact
    (``array``), since a 10 MB file has hundreds of thousands of blocks.
    """

    #: the side's text itself (not a copy: see ``text``)
    source: str
    soft_breaks: array[int]
    #: first and last block of every paragraph, by paragraph index
    para_first: array[int]
    para_last: array[int]
    #: characters per block, for the overview's estimate of wrapped heights
    block_lengths: array[int]
    #: blocks that continue a cut line (the gutter numbers source lines, not blocks)
    continuations: array[int]
    #: the display text made ahead (``prepare_text``) until a pane takes it
    _made: list[str] = field(default_factory=list, compare=False, repr=False)

    @property
    def text(self) -> str:
        """The text as displayed: a newline at every soft break.

        Made when asked, not kept: with long lines it is a copy of the whole
        text (two bytes a character), which the
        panes need only while they fill.
        """
        if not self.soft_breaks:
            return self.source
        bounds = [0, *self.soft_breaks, len(self.source)]
        return "\n".join(self.source[a:b] for a, b in pairwise(bounds))

    def prepare_text(self) -> None:
        """Make ``text`` now (in a worker), for the next ``take_text``."""
        if self.soft_breaks and not self._made:
            self._made.append(self.text)

    def take_text(self) -> str:
        """``text``, the one made ahead if there is one: it is not kept after this."""
        return self._made.pop() if self._made else self.text

    @property
    def block_count(self) -> int:
        return len(self.block_lengths)

    def display_offset(self, offset: int) -> int:
        """A source offset in ``text`` (each soft break before it adds one)."""
        return offset + bisect_right(self.soft_breaks, offset) if self.soft_breaks else offset

    def source_line(self, block: int) -> int | None:
        """The 0-based source line a block starts, or None for a continuation block."""
        cont = self.continuations
        if not cont:
            return block
        i = bisect_left(cont, block)
        return None if i < len(cont) and cont[i] == block else block - i

    def paragraphs_in(self, first_block: int, last_block: int) -> range:
        """The paragraphs that have a block in ``[first_block, last_block]``."""
        lo = bisect_left(self.para_last, first_block)
        return range(lo, bisect_right(self.para_first, last_block))


def hard_breaks(text: str, newlines: array[int] | None = None) -> array[int]:
    """Offsets of the characters that end a block: ``\\n`` and U+2029.

    Read in C a piece at a time (no Python step per line, no long hold of the
    GIL): as fast as ``str.find`` in a loop on prose, and faster on a log
    (``bench/gui_bench.py --only log``).

    Args:
        text: the source text.
        newlines: its newlines' offsets, if the caller has them (``Segments.newlines``).
    """
    if "\u2029" in text:
        return break_offsets(text, _BLOCK_BREAK)
    # Without U+2029 they are the newlines, which a text's lines were cut at already.
    # A literal newline is found much faster than a character class.
    return newlines if newlines is not None else break_offsets(text)


def soft_breaks(
    text: str, hard: Sequence[int], long_line: int = LONG_LINE, piece: int = PIECE
) -> list[int]:
    """Where to cut lines longer than ``long_line`` into pieces of about ``piece`` characters.

    A cut goes just after the last space of the piece's final tenth, so prose
    keeps whole words; code without spaces is cut hard.

    Args:
        text: the source text.
        hard: its ``hard_breaks``.
        long_line: lines longer than this are cut.
        piece: the length of a piece.
    """
    cuts: list[int] = []
    start = 0
    for end in (*hard, len(text)):
        pos = start
        while end - start > long_line and end - pos > piece:
            hard_cut = pos + piece
            space = text.rfind(" ", hard_cut - piece // 10, hard_cut)
            pos = space + 1 if space > pos else hard_cut
            cuts.append(pos)
        start = end + 1
    return cuts


def block_table(
    text: str, segments: Sequence[Span], long_line: int = LONG_LINE, piece: int = PIECE
) -> BlockTable:
    """Cut ``text`` into display blocks and place every paragraph in them.

    Computed from the text rather than asked of Qt per paragraph (50,000
    ``findBlock`` calls cost a second): a block ends at every ``\\n``, at U+2029
    (which ``QTextDocument`` also treats as a paragraph separator) and at every
    soft break.
    """
    hard = hard_breaks(text, segments.newlines if isinstance(segments, Segments) else None)
    soft = soft_breaks(text, hard, long_line, piece)
    # A block starts after every hard break and at every soft one.
    starts: Sequence[int]
    ends: Sequence[int]
    if soft:
        starts = sorted([0, *(h + 1 for h in hard), *soft])
        soft_set = set(soft)
        ends = [s if s in soft_set else s - 1 for s in starts[1:]] + [len(text)]
    else:  # every step in C: a log has a block a line, 250,000 of them
        starts = array("q", [0])
        starts.extend(map(add, hard, repeat(1)))
        ends = array("q", hard)
        ends.append(len(text))
    lengths = array("l", map(sub, ends, starts))
    first, last = _paragraph_blocks(segments, starts, ends)
    continuations = array("l", (bisect_right(starts, s) - 1 for s in soft))
    return BlockTable(text, array("l", soft), first, last, lengths, continuations)


def _paragraph_blocks(
    segments: Sequence[Span], starts: Sequence[int], ends: Sequence[int]
) -> tuple[array[int], array[int]]:
    """Each paragraph's first and last block, given the blocks' starts and ends."""
    count = len(segments)
    if (
        isinstance(segments, Segments)
        and isinstance(starts, array)
        and count <= len(starts)
        and segments.starts == starts[:count]
        and segments.ends == ends[:count]
    ):
        # Lines as the units, none cut: paragraph n is block n (a log has 250,000).
        return array("l", range(count)), array("l", range(count))
    first, last = array("l"), array("l")
    for seg_start, seg_end in span_bounds(segments):
        first.append(bisect_right(starts, seg_start) - 1)
        last.append(bisect_right(starts, max(seg_start, seg_end - 1)) - 1)
    return first, last
