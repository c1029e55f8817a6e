# SPDX-License-Identifier: GPL-3.0-or-later
"""Pair the paragraphs inside one gap between anchors (stage 3 and 4 of ``alignment``).

Candidates come from an inverted index of rare words (``similarity.Profiles``)
plus the gap's diagonal, or every cell for small gaps; the heaviest chain of
candidates increasing on both sides wins, so pairs never cross. Pairs then grow
over unpaired neighbours into splits and merges, and neighbouring pairs whose
text crossed the paragraph break are joined.

Constraints: returns groups of contiguous, ascending indices, in order, each
paragraph at most once; pure and deterministic. A group's similarity, once
computed, travels with it (chain → grow → rejoin) rather than being computed
again: ``Profiles.group_similarity`` is deterministic, so the value is the same.
"""

from __future__ import annotations

from twofold.engine.align.similarity import Profiles

#: Gaps up to this many candidate cells compare every paragraph with every other.
_FULL_GAP_CELLS = 4096
#: A merge or split must raise the similarity by this much to be taken.
_GROW_GAIN = 0.05
#: Joining two neighbouring pairs must raise the similarity this much above both.
_REJOIN_GAIN = 0.1

Groups = list[tuple[tuple[int, ...], tuple[int, ...]]]
#: Groups with their similarity.
Scored = list[tuple[tuple[int, ...], tuple[int, ...], float]]


def pair_rows(
    rows: list[int],
    cols: list[int],
    profiles: Profiles,
    pid_a: dict[int, int],
    pid_b: dict[int, int],
    threshold: float,
) -> Groups:
    """Pair paragraphs ``rows`` of A with ``cols`` of B (both ascending) by similarity."""
    scored = _score_candidates(rows, cols, profiles, pid_a, pid_b, threshold)
    chain = _heaviest_chain(scored)
    groups = _grow(chain, set(rows), set(cols), profiles, pid_a, pid_b)
    return _rejoin_moved_boundaries(groups, profiles, pid_a, pid_b)


def _score_candidates(
    rows: list[int],
    cols: list[int],
    profiles: Profiles,
    pid_a: dict[int, int],
    pid_b: dict[int, int],
    threshold: float,
) -> list[tuple[int, int, float]]:
    if len(rows) * len(cols) <= _FULL_GAP_CELLS:
        pairs = [(i, j) for i in rows for j in cols]
    else:
        col_of_pid = {pid_b[j]: j for j in cols}
        near = profiles.candidates([pid_a[i] for i in rows], list(col_of_pid))
        pairs = []
        for r, i in enumerate(rows):
            diagonal = r * len(cols) // len(rows)
            js = {cols[k] for k in range(max(0, diagonal - 2), min(len(cols), diagonal + 3))}
            js.update(col_of_pid[p] for p in near[pid_a[i]])
            pairs.extend((i, j) for j in js)
    scored = []
    for i, j in pairs:
        s = profiles.similarity(pid_a[i], pid_b[j])
        if s >= threshold:
            scored.append((i, j, s))
    return scored


def _heaviest_chain(scored: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
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


def _grow(
    chain: list[tuple[int, int, float]],
    free_a: set[int],
    free_b: set[int],
    profiles: Profiles,
    pid_a: dict[int, int],
    pid_b: dict[int, int],
) -> Scored:
    """Turn 1:1 pairs into splits or merges where unpaired neighbours belong to them."""
    for i, j, _s in chain:
        free_a.discard(i)
        free_b.discard(j)
    groups: Scored = []
    for i, j, s in chain:
        a_idx, b_idx = [i], [j]
        best = s  # the candidate's score is the 1:1 group similarity
        grown = True
        while grown:
            grown = False
            for side, idx, free in (("a", a_idx, free_a), ("b", b_idx, free_b)):
                for cand in (idx[0] - 1, idx[-1] + 1):
                    if cand not in free:
                        continue
                    trial = sorted([*idx, cand])
                    left = [pid_a[x] for x in (trial if side == "a" else a_idx)]
                    right = [pid_b[x] for x in (trial if side == "b" else b_idx)]
                    score = profiles.group_similarity(left, right)
                    if score >= best + _GROW_GAIN:
                        best = score
                        idx[:] = trial
                        free.discard(cand)
                        grown = True
        groups.append((tuple(a_idx), tuple(b_idx), best))
    return groups


def _rejoin_moved_boundaries(
    groups: Scored,
    profiles: Profiles,
    pid_a: dict[int, int],
    pid_b: dict[int, int],
) -> Groups:
    """Merge neighbouring pairs whose text crossed the paragraph boundary between them.

    When a reviser moves the break between two paragraphs (sentences end up in
    the next one), each 1:1 pair shows those sentences as deleted on one side
    and inserted on the other. Diffing the two paragraphs together shows them
    as unchanged. Taken only when the joint similarity clearly beats both parts,
    which ordinary neighbours (whose words just add up) never do.
    """
    out: Scored = []
    for a_idx, b_idx, sim in groups:
        if out:
            prev_a, prev_b, prev_sim = out[-1]
            if a_idx[0] == prev_a[-1] + 1 and b_idx[0] == prev_b[-1] + 1:
                joint_a, joint_b = prev_a + a_idx, prev_b + b_idx
                joint = profiles.group_similarity(
                    [pid_a[i] for i in joint_a], [pid_b[j] for j in joint_b]
                )
                if joint >= max(prev_sim, sim) + _REJOIN_GAIN:
                    out[-1] = (joint_a, joint_b, joint)
                    continue
        out.append((a_idx, b_idx, sim))
    return [(a_idx, b_idx) for a_idx, b_idx, _sim in out]
