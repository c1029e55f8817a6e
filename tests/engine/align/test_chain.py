# SPDX-License-Identifier: GPL-3.0-or-later
"""The heaviest chain, and the cells off it when the cells in order are merged first."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twofold.engine.align.chain import Cell, heaviest_chain, off_heaviest_chain


def _off_one_by_one(cells: list[Cell]) -> set[tuple[int, int]]:
    """The cells off the chain, each read alone: the oracle for ``off_heaviest_chain``."""
    kept = heaviest_chain([(i, j, float(w)) for i, j, w in cells])
    return {(i, j) for i, j, _w in cells} - {(i, j) for i, j, _w in kept}


@st.composite
def _cells(draw: st.DrawFn) -> tuple[list[Cell], list[Cell]]:
    """Cells in order on a small board (ties are common), and loose ones among them.

    Loose cells may share an A or a B index with any other cell, never both; a cell
    in order may weigh nothing (then none are merged).
    """
    size = draw(st.integers(1, 40))
    rows = sorted(draw(st.sets(st.integers(0, size), max_size=size)))
    cols = sorted(draw(st.sets(st.integers(0, size), min_size=len(rows), max_size=len(rows))))
    weights = draw(st.lists(st.integers(0, 3), min_size=len(rows), max_size=len(rows)))
    placed = list(zip(rows, cols, weights, strict=True))
    if draw(st.booleans()):  # now and then not in order: read one by one
        placed = draw(st.permutations(placed))
    taken = {(i, j) for i, j, _w in placed}
    loose = []
    for i, j, w in draw(st.lists(st.tuples(*[st.integers(0, size)] * 2, st.integers(1, 3)))):
        if (i, j) not in taken:
            taken.add((i, j))
            loose.append((i, j, w))
    return placed, loose


@settings(max_examples=1000)
@given(_cells())
def test_merged_cells_leave_the_same_cells_off_ties_included(
    cells: tuple[list[Cell], list[Cell]],
) -> None:
    placed, loose = cells
    assert off_heaviest_chain(placed, loose) == _off_one_by_one(loose + placed)


@pytest.mark.parametrize(
    ("loose", "off"),
    [
        ((3, 1, 2), {(3, 1)}),  # as heavy as the two it crosses: the chain ending first stays
        ((-1, 1, 2), {(0, 0)}),  # as heavy as the first: the higher B index is the one kept
    ],
)
def test_of_equal_chains_the_chains_pick_stays(loose: Cell, off: set[tuple[int, int]]) -> None:
    placed = [(0, 0, 2), (1, 2, 1), (2, 3, 1)]
    assert off_heaviest_chain(placed, [loose]) == off == _off_one_by_one([loose, *placed])
