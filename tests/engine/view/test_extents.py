# SPDX-License-Identifier: GPL-3.0-or-later
"""Paragraph extents: checked, read off a block table, searched by range; no Qt."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.result.spans import Span
from twofold.engine.view.display_blocks import block_table
from twofold.engine.view.extents import Extent, ExtentIndex, ParagraphExtents


def test_bad_extent_rejected() -> None:
    with pytest.raises(ValueError, match="bad extent"):
        Extent(3, 1)


def test_paragraph_extents_read_the_table() -> None:
    """Each paragraph's ``[first block, last block + 1)``, by index, slice or iteration."""
    text = "one\ntwo\n\nthree\n\n\nfour\nfive\n"
    segs = [Span(0, 7), Span(9, 14), Span(17, 26)]
    table = block_table(text, segs)
    extents = ParagraphExtents(table)
    expected = [Extent(0, 2), Extent(3, 4), Extent(6, 8)]
    assert len(extents) == 3
    assert [extents[i] for i in range(3)] == expected
    assert list(extents) == expected
    assert extents[1:] == expected[1:]
    assert extents[-1] == expected[-1]
    with pytest.raises(IndexError):
        extents[3]


@given(st.lists(st.tuples(st.floats(0, 100), st.floats(0, 20)), max_size=30), st.floats(0, 120))
def test_extent_index_finds_exactly_the_overlapping(
    spans: list[tuple[float, float]], lo: float
) -> None:
    extents = [Extent(top, top + height) for top, height in spans]
    hi = lo + 10
    expected = [i for i, e in enumerate(extents) if e.bottom >= lo and e.top <= hi]
    assert ExtentIndex(extents).overlapping(lo, hi) == expected
