# SPDX-License-Identifier: GPL-3.0-or-later
"""The heaviest chain: of weighted cells, the set increasing on both sides that weighs most.

Why apart: it is the one order-keeping choice of the alignment, made twice
over: which candidate pairs of a gap stand in order (``gap_pairing``), and which
pairs and anchor runs of the whole file stayed in place while the rest moved
(``moves.off_chain``).

Constraints: pure and deterministic. Cells are read by A index, then falling
B index, so a chain never uses one row twice; of chains of equal weight, the
one ending at the cell read first is kept.
"""

from __future__ import annotations

__all__ = ["heaviest_chain"]


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
