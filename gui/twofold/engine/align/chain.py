# SPDX-License-Identifier: GPL-3.0-or-later
"""The heaviest chain: of weighted cells, the set increasing on both sides that weighs most.

Why apart: it is the one order-keeping choice of the alignment, made twice
over: which candidate pairs of a gap stand in order (``gap_pairing``), and which
pairs and anchor runs of the whole file stayed in place while the rest moved
(``moves.off_chain``).

Why cells in order are merged first (``off_heaviest_chain``): the last chain
reads every anchor run and pair of the file, thousands, of which only the few
moves found stand out of order. Cells in order, weighing more than nothing,
with no other cell's A or B index between them are all on a heaviest chain or
all off it: each other cell is before all of them on both sides, after all of
them, or crosses all of them. So they count as one cell of their summed
weight, and the chain is the same cell for cell, ties included: of two cells a
chain could end at with equal weight, the one with the higher B index is read
first (were it read later, it would extend the other and weigh more), and the
tree keeps, in each node, the cell read first, and prefers the higher node:
the higher B index wins, which a merged cell, standing where its cells stood,
keeps.

Constraints: pure and deterministic. Cells are read by A index, then falling
B index, so a chain never uses one row twice; of chains of equal weight, the
one ending at the cell read first is kept.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate, pairwise
from operator import lt

__all__ = ["heaviest_chain", "off_heaviest_chain"]

#: A cell: ``(A index, B index, weight)``.
Cell = tuple[int, int, int]


def heaviest_chain(scored: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The set of candidates, increasing in both indices, with the largest total weight.

    A Fenwick tree over B indices keeps the best chain ending at or before each
    column, so this is O(k log k) for k candidates.
    """
    if not scored:
        return []
    cols = sorted({j for _, j, _ in scored})
    rank = {j: r + 1 for r, j in enumerate(cols)}
    size = len(cols)
    tree_val = [0.0] * (size + 1)
    tree_arg = [-1] * (size + 1)
    scored.sort(key=lambda c: (c[0], -c[1]))
    best = [0.0] * len(scored)
    back = [-1] * len(scored)
    for k, (_i, j, s) in enumerate(scored):
        r = rank[j] - 1
        val, arg = 0.0, -1
        while r > 0:
            if tree_val[r] > val:
                val, arg = tree_val[r], tree_arg[r]
            r -= r & -r
        best[k], back[k] = val + s, arg
        r = rank[j]
        while r <= size:
            if best[k] > tree_val[r]:
                tree_val[r], tree_arg[r] = best[k], k
            r += r & -r
    # Candidates with equal i are sorted by falling j, so no chain uses one row twice.
    k = max(range(len(scored)), key=best.__getitem__)
    chain = []
    while k != -1:
        chain.append(scored[k])
        k = back[k]
    chain.reverse()
    return chain


def off_heaviest_chain(placed: list[Cell], loose: list[Cell]) -> set[tuple[int, int]]:
    """``(A index, B index)`` of the cells off the heaviest chain of all the cells given.

    Args:
        placed: cells increasing on both sides, weights above zero (else they are
            read one by one, as ``loose`` are): merged where no other cell stands
            between two of them (see the module docstring).
        loose: the other cells, in any order; no two cells of either list at one
            ``(A index, B index)``.
    """
    i_s, j_s, weights = [c[0] for c in placed], [c[1] for c in placed], [c[2] for c in placed]
    in_order = all(map(lt, i_s, i_s[1:])) and all(map(lt, j_s, j_s[1:]))
    if not in_order or min(weights, default=1) <= 0:
        return _off_one_by_one(loose + placed)
    # Cut before and after each place a loose cell's index falls among the placed ones'.
    cuts = {0, len(placed)}
    for i, j, _w in loose:
        cuts.update(
            (bisect_left(i_s, i), bisect_right(i_s, i), bisect_left(j_s, j), bisect_right(j_s, j))
        )
    spans = list(pairwise(sorted(cuts)))
    total = [0, *accumulate(weights)]
    merged = [(i_s[p], j_s[p], total[q] - total[p]) for p, q in spans]
    off = _off_one_by_one(loose + merged)
    for p, q in spans:
        if (i_s[p], j_s[p]) in off:
            off.update(zip(i_s[p + 1 : q], j_s[p + 1 : q], strict=True))
    return off


def _off_one_by_one(cells: list[Cell]) -> set[tuple[int, int]]:
    """``(A index, B index)`` of the cells off their heaviest chain, each cell read alone."""
    kept = heaviest_chain([(i, j, float(w)) for i, j, w in cells])
    return {(i, j) for i, j, _w in cells} - {(i, j) for i, j, _w in kept}
