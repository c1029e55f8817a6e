# SPDX-License-Identifier: GPL-3.0-or-later
"""Pane-to-pane mapping: anchors, interpolation, the sync point; no Qt."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.model import Pair
from twofold.engine.view.extents import Extent
from twofold.engine.view.scroll_sync import LineMap, build_linemap, pair_extent

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


def test_bad_map_rejected() -> None:
    with pytest.raises(ValueError, match="anchors"):
        LineMap((), ())
