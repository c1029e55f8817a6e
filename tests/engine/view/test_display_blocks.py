# SPDX-License-Identifier: GPL-3.0-or-later
"""Display blocks made from the text alone: paragraphs placed, long lines cut; no Qt."""

from __future__ import annotations

from twofold.engine.result.spans import Span
from twofold.engine.view.display_blocks import (
    LONG_LINE,
    PIECE,
    block_table,
    hard_breaks,
    soft_breaks,
)


def test_block_table_places_paragraphs_in_blocks() -> None:
    text = "one\ntwo\n\nthree\n"
    segs = [Span(0, 7), Span(9, 14)]
    table = block_table(text, segs)
    assert table.text == text
    assert table.block_count == 5  # the trailing newline opens an empty block, as in Qt
    assert list(table.para_first) == [0, 3]
    assert list(table.para_last) == [1, 3]
    assert table.source_line(3) == 3


def test_long_lines_are_cut_into_pieces() -> None:
    line = " ".join(f"word{i}" for i in range(6000))  # ~50,000 characters, one line
    text = f"head\n{line}\ntail\n"
    table = block_table(
        text, [Span(0, 4), Span(5, 5 + len(line)), Span(len(text) - 5, len(text) - 1)]
    )
    assert table.soft_breaks
    assert table.text.replace("\n", "") == text.replace("\n", "")
    pieces = table.text.split("\n")
    assert max(len(p) for p in pieces) <= PIECE
    assert all(p.endswith(" ") for p in pieces[1:-3])  # cut after a space: whole words
    assert table.block_count == len(pieces)
    assert table.source_line(1) == 1
    assert table.source_line(2) is None  # a continuation block has no line number
    assert table.source_line(table.block_count - 2) == 2  # "tail" keeps its line number
    assert table.para_last[2] == table.block_count - 2
    cut = table.soft_breaks[0]
    assert table.text[table.display_offset(cut)] == text[cut]
    # made ahead in the worker, handed over once, made again if asked again
    table.prepare_text()
    made = table.take_text()
    assert made == table.text
    assert table.take_text() == made


def test_code_without_spaces_is_cut_hard() -> None:
    text = "x" * (LONG_LINE + 5000)
    assert soft_breaks(text, hard_breaks(text)) == list(range(PIECE, len(text), PIECE))
