# SPDX-License-Identifier: GPL-3.0-or-later
"""Go to line, read without Qt: lines found at their first display block, bad input refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.result.kinds import Side
from twofold.engine.result.spans import Span
from twofold.engine.view.display_blocks import BlockTable, block_table
from twofold.engine.view.line_jump import (
    LineRefused,
    LineTarget,
    block_of_line,
    line_count,
    read_line,
)

TEXT = "one\ntwo\nthree\n"


def _lines_table(text: str, long_line: int = 10_000, piece: int = 2_000) -> BlockTable:
    starts, pos = [], 0
    for line in text.split("\n"):
        starts.append(Span(pos, pos + len(line)))
        pos += len(line) + 1
    return block_table(text, starts, long_line=long_line, piece=piece)


@pytest.mark.parametrize(
    ("typed", "line"),
    [("1", 0), ("3", 2), (" 2 ", 1), ("+2", 1), ("0003", 2)],
)
def test_a_number_names_a_line(typed: str, line: int) -> None:
    assert read_line(typed, Side.B, _lines_table(TEXT)) == LineTarget(Side.B, line, line)


@pytest.mark.parametrize(
    ("typed", "text", "message"),
    [
        ("", TEXT, "Type a line number."),
        ("   ", TEXT, "Type a line number."),
        ("abc", TEXT, "\u201cabc\u201d is not a line number; type digits, such as 12."),
        ("1.5", TEXT, "\u201c1.5\u201d is not a line number; type digits, such as 12."),
        ("--3", TEXT, "\u201c--3\u201d is not a line number; type digits, such as 12."),
        ("\u0663", TEXT, "\u201c\u0663\u201d is not a line number; type digits, such as 12."),
        ("0", TEXT, "Lines are numbered from 1 to 3 on the left side."),
        ("-4", TEXT, "Lines are numbered from 1 to 3 on the left side."),
        ("4", TEXT, "The left side has 3 lines; there is no line 4."),
        (
            "99999999999999999999",
            TEXT,
            "The left side has 3 lines; there is no line 99,999,999,999,999,999,999.",
        ),
        ("2", "only\n", "The left side has 1 line; there is no line 2."),
        ("1", "", "The left side is empty: it has no lines to go to."),
        (
            "x" * 40,
            TEXT,
            f"\u201c{'x' * 19}\u2026\u201d is not a line number; type digits, such as 12.",
        ),
    ],
)
def test_what_names_no_line_gets_a_sentence(typed: str, text: str, message: str) -> None:
    assert read_line(typed, Side.A, _lines_table(text)) == LineRefused(message)


def test_grouped_digits_are_read() -> None:
    text = "x\n" * 1500
    assert read_line("1,234", Side.A, _lines_table(text)) == LineTarget(Side.A, 1233, 1233)


def test_a_text_without_a_final_newline_counts_its_last_line() -> None:
    assert line_count(_lines_table("a\nb")) == 2
    assert line_count(_lines_table("a\nb\n")) == 2


@given(
    st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=30),
    st.booleans(),
)
def test_each_line_is_found_at_its_first_block(lengths: list[int], final: bool) -> None:
    """With long lines cut into pieces, line L's block is the block the gutter numbers L."""
    text = "\n".join("w" * n for n in lengths) + ("\n" if final else "")
    table = _lines_table(text, long_line=20, piece=8)

    for line in range(line_count(table)):
        block = block_of_line(table, line)
        assert table.source_line(block) == line
