# SPDX-License-Identifier: GPL-3.0-or-later
"""The overview's estimated heights, fractions and strip rows; no Qt."""

from __future__ import annotations

from itertools import accumulate

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.view.extents import Extent
from twofold.engine.view.overview_estimate import (
    LineEstimate,
    estimated_lines,
    fraction,
    fraction_of_position,
    overview_rows,
    position_at_fraction,
)


@pytest.mark.parametrize(("y", "tot", "expected"), [(5, 10, 0.5), (-1, 10, 0.0), (3, 0, 0.0)])
def test_fraction(y: float, tot: float, expected: float) -> None:
    assert fraction(y, tot) == expected


@given(
    st.lists(st.integers(min_value=0, max_value=500), max_size=60),
    st.integers(min_value=0, max_value=120),
    st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=20),
)
def test_an_estimate_made_in_slices_is_the_whole_estimate(
    lengths: list[int], chars_per_line: int, slices: list[int]
) -> None:
    """Each block is max(1, ceil(length / chars per line)) lines, whatever the slices."""
    heights = [max(1, -(-n // chars_per_line)) if chars_per_line else 1 for n in lengths]
    expected = [0, *accumulate(heights)]
    estimate = LineEstimate(lengths, chars_per_line)
    for size in slices * len(lengths):
        if estimate.advance(size):
            break
    assert estimate.complete
    assert list(estimate.lines()) == expected
    assert list(estimated_lines(lengths, chars_per_line)) == expected


def test_estimated_lines_and_fractions_round_trip() -> None:
    lines = estimated_lines([0, 10, 250, 99], 100)
    assert list(lines) == [0, 1, 2, 5, 6]
    assert list(estimated_lines([0, 10], 0)) == [0, 1, 2]
    for pos in (0.0, 1.5, 2.25, 3.9):
        assert position_at_fraction(lines, fraction_of_position(lines, pos)) == pytest.approx(pos)


@given(
    st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=40),
    st.lists(st.tuples(st.floats(0, 45), st.floats(0, 3), st.sampled_from("abc")), max_size=30),
    st.floats(min_value=10, max_value=2000),
    st.integers(min_value=1, max_value=8),
)
def test_overview_rows_made_a_slice_at_a_time_are_the_rows_made_at_once(
    lengths: list[int], marks: list[tuple[float, float, str]], height: float, step: int
) -> None:
    cumulative = estimated_lines(lengths, 80)
    extents = [Extent(top, top + size) for top, size, _ in sorted(marks)]
    kinds = [kind for *_, kind in sorted(marks)]
    rows: list[tuple[float, float, str]] = []
    for start in range(0, len(extents), step):
        end = start + step
        overview_rows(cumulative, extents[start:end], kinds[start:end], height, rows)
    assert rows == overview_rows(cumulative, extents, kinds, height)


@given(
    st.lists(st.integers(min_value=0, max_value=400), min_size=1, max_size=40),
    st.lists(st.tuples(st.floats(0, 45), st.floats(0, 3), st.sampled_from("abc")), max_size=30),
    st.floats(min_value=10, max_value=2000),
)
def test_overview_rows_cover_every_change_where_fraction_of_position_puts_it(
    lengths: list[int], marks: list[tuple[float, float, str]], height: float
) -> None:
    cumulative = estimated_lines(lengths, 80)
    extents = [Extent(top, top + size) for top, size, _ in marks]
    kinds = [kind for *_, kind in marks]
    rows = overview_rows(cumulative, extents, kinds, height)
    assert len(rows) <= len(marks)
    for extent, kind in zip(extents, kinds, strict=True):
        top = fraction_of_position(cumulative, extent.top) * height
        bottom = fraction_of_position(cumulative, extent.bottom) * height
        if bottom - top < 2:  # thin changes still get a visible two-pixel row
            top, bottom = top - 1, top + 1
        assert any(
            k == kind and r_top <= top + 1e-6 and bottom <= r_bottom + 1e-6
            for r_top, r_bottom, k in rows
        ), (extent, kind, rows)
