# SPDX-License-Identifier: GPL-3.0-or-later
"""Pane-to-pane mapping: anchors, interpolation, the sync point, display blocks; no Qt."""

from __future__ import annotations

from itertools import accumulate

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.linemap import (
    LONG_LINE,
    PIECE,
    Extent,
    ExtentIndex,
    LineEstimate,
    LineMap,
    ParagraphExtents,
    block_table,
    build_linemap,
    estimated_lines,
    fraction,
    fraction_of_position,
    hard_breaks,
    overview_rows,
    pair_extent,
    position_at_fraction,
    soft_breaks,
    sync_point,
)
from twofold.engine.model import Pair, PairKind, Side, Span

EQ, CH, INS, DEL, MOV = (
    PairKind.EQUAL,
    PairKind.CHANGED,
    PairKind.INSERTED,
    PairKind.DELETED,
    PairKind.MOVED,
)


def stack(heights: list[float], gap: float = 1.0) -> list[Extent]:
    """Paragraph extents laid out one after another with a blank line between."""
    out, y = [], 0.0
    for h in heights:
        out.append(Extent(y, y + h))
        y += h + gap
    return out


def total(extents: list[Extent]) -> float:
    return extents[-1].bottom if extents else 0.0


# A: p0 (3 lines), p1 (6), p2 (2);  B: p0 (3), p1 (9, reworded), p2 (4, inserted), p3 (2)
A = stack([3, 6, 2])
B = stack([3, 9, 4, 2])
PAIRS = (
    Pair(EQ, (0,), (0,), 1.0),
    Pair(CH, (1,), (1,), 0.7),
    Pair(INS, (), (2,), 0.0),
    Pair(EQ, (2,), (3,), 1.0),
)


@pytest.fixture
def lmap() -> LineMap:
    return build_linemap(PAIRS, A, B, total(A), total(B))


@pytest.mark.parametrize(
    ("y_a", "expected_b"),
    [
        (0.0, 0.0),  # top of the equal first paragraph
        (1.5, 1.5),  # inside an equal paragraph: line for line
        (4.0, 4.0),  # top of the changed pair
        (7.0, 8.5),  # half-way down p1 in A (6 lines) is half-way down p1 in B (9 lines)
        (10.0, 13.0),  # bottom of the changed pair
    ],
)
def test_map_interpolates_inside_pairs(lmap: LineMap, y_a: float, expected_b: float) -> None:
    assert lmap.map(y_a, Side.A) == pytest.approx(expected_b)


def test_insertion_is_squeezed_into_the_gap(lmap: LineMap) -> None:
    # B's inserted p2 (14..18) and the blank lines around it map into A's one-line gap 10..11.
    for y in (13.5, 14.0, 16.0, 18.0, 18.5):
        assert 10.0 <= lmap.map(y, Side.B) <= 11.0


@pytest.mark.parametrize("y", [0.0, 2.0, 5.0, 9.5, 12.0, 14.0])
def test_round_trip_on_matched_ranges(lmap: LineMap, y: float) -> None:
    assert lmap.map(lmap.map(y, Side.A), Side.B) == pytest.approx(y)


def test_moved_pairs_do_not_fold_the_map() -> None:
    a, b = stack([2, 2, 2]), stack([2, 2, 2])
    pairs = (
        Pair(MOV, (2,), (0,), 0.9),
        Pair(EQ, (0,), (1,), 1.0),
        Pair(EQ, (1,), (2,), 1.0),
    )
    lmap = build_linemap(pairs, a, b, total(a), total(b))
    assert list(lmap.a) == sorted(lmap.a)
    assert list(lmap.b) == sorted(lmap.b)
    assert lmap.map(0.0, Side.A) == pytest.approx(3.0)  # A's p0 sits level with B's p1


def test_pair_extent_of_a_missing_side_is_the_gap(lmap: LineMap) -> None:
    ext = pair_extent(lmap, PAIRS[2], Side.A, A, B)
    assert ext.height == 0
    assert 10.0 <= ext.top <= 11.0
    assert pair_extent(lmap, PAIRS[1], Side.B, B, A) == Extent(4.0, 13.0)


def test_beyond_the_ends_keeps_the_offset(lmap: LineMap) -> None:
    assert lmap.map(total(A) + 5, Side.A) == pytest.approx(total(B) + 5)
    assert lmap.map(-2.0, Side.B) == pytest.approx(-2.0)


@pytest.mark.parametrize(
    ("value", "page", "maximum", "expected"),
    [
        (0, 10, 100, 0.0),  # at the top: hold the top edges level
        (5, 10, 100, 0.5),  # half a page in: the middle
        (50, 10, 100, 0.5),
        (100, 10, 100, 1.0),  # at the bottom: hold the bottom edges level
        (2.5, 10, 100, 0.25),
        (0, 10, 0, 0.0),  # nothing to scroll
    ],
)
def test_sync_point(value: float, page: float, maximum: float, expected: float) -> None:
    assert sync_point(value, page, maximum) == pytest.approx(expected)


@given(
    st.lists(st.floats(0.5, 30), min_size=1, max_size=20),
    st.lists(st.floats(0.5, 30), min_size=1, max_size=20),
    st.floats(0, 1),
)
def test_map_is_monotonic_and_in_bounds(ha: list[float], hb: list[float], t: float) -> None:
    a, b = stack(ha), stack(hb)
    n = min(len(a), len(b))
    pairs = [Pair(CH, (i,), (i,), 0.5) for i in range(n)]
    pairs += [Pair(DEL, (i,), (), 0.0) for i in range(n, len(a))]
    pairs += [Pair(INS, (), (i,), 0.0) for i in range(n, len(b))]
    lmap = build_linemap(pairs, a, b, total(a), total(b))
    y1, y2 = t * total(a), min(total(a), t * total(a) + 1)
    m1, m2 = lmap.map(y1, Side.A), lmap.map(y2, Side.A)
    assert 0 <= m1 <= m2 <= total(b) + 1e-9


@pytest.mark.parametrize(("y", "tot", "expected"), [(5, 10, 0.5), (-1, 10, 0.0), (3, 0, 0.0)])
def test_fraction(y: float, tot: float, expected: float) -> None:
    assert fraction(y, tot) == expected


def test_bad_extent_and_map_rejected() -> None:
    with pytest.raises(ValueError, match="bad extent"):
        Extent(3, 1)
    with pytest.raises(ValueError, match="anchors"):
        LineMap((), ())


# ----- block tables: display blocks from the text alone ------------------------------------


def test_block_table_places_paragraphs_in_blocks() -> None:
    text = "one\ntwo\n\nthree\n"
    segs = [Span(0, 7), Span(9, 14)]
    table = block_table(text, segs)
    assert table.text == text
    assert table.block_count == 5  # the trailing newline opens an empty block, as in Qt
    assert list(table.para_first) == [0, 3]
    assert list(table.para_last) == [1, 3]
    assert table.source_line(3) == 3


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


@given(st.lists(st.tuples(st.floats(0, 100), st.floats(0, 20)), max_size=30), st.floats(0, 120))
def test_extent_index_finds_exactly_the_overlapping(
    spans: list[tuple[float, float]], lo: float
) -> None:
    extents = [Extent(top, top + height) for top, height in spans]
    hi = lo + 10
    expected = [i for i, e in enumerate(extents) if e.bottom >= lo and e.top <= hi]
    assert ExtentIndex(extents).overlapping(lo, hi) == expected


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
