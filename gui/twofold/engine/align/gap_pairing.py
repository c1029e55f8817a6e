# SPDX-License-Identifier: GPL-3.0-or-later
"""Pair the paragraphs inside one gap between anchors (stage 3 and 4 of ``alignment``).

Candidates come from an inverted index of rare words (``similarity.Profiles``)
plus the gap's diagonal, or every cell for small gaps; the heaviest chain of
candidates increasing on both sides wins, so pairs never cross. Pairs then grow
over unpaired neighbours into splits and merges, a pair straight across a merge
and a split beside it is re-read as them (``crossing``), and neighbouring pairs
whose text crossed the paragraph break are joined.

Constraints: returns groups of contiguous, ascending indices, in order, each
paragraph at most once; pure and deterministic. A group's similarity, once
computed, travels with it (chain → grow → rejoin) rather than being computed
again: ``Profiles.group_similarity`` is deterministic, so the value is the same.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from twofold.engine.align.chain import heaviest_chain
from twofold.engine.align.crossing import reread_crossings
from twofold.engine.align.similarity import Profiles

#: Gaps up to this many candidate cells compare every paragraph with every other.
_FULL_GAP_CELLS = 4096
#: One-for-one stretches between pairs up to this long are paired again on their place.
_FILL_RUN = 8
#: Share of the pairing threshold a pair between two pairs needs (``_fill_between``).
FILL_SHARE = 2 / 3
#: How clearly a pair must beat its alternatives: its background at its place (pairs
#: between pairs), its rivals (a pair alone; a move, ``moves``).
CLEAR_MARGIN = 1.5
#: Offsets of the neighbours ``_background`` reads.
_NEAR = (-2, -1, 1, 2)
#: Stems two paragraphs must share for their words alone to pair them, under the
#: pairing threshold where no one-for-one place pins the pair, or as a move
#: (``moves``): "this page" or "the following" says nothing of which is which.
MIN_SHARED = 4
#: A merge or split must raise the similarity by this much to be taken.
_GROW_GAIN = 0.05
#: Joining two neighbouring pairs must raise the similarity this much above both.
_REJOIN_GAIN = 0.1

#: Groups of paragraphs with their similarity.
Scored = list[tuple[tuple[int, ...], tuple[int, ...], float]]


def pair_rows(
    rows: list[int],
    cols: list[int],
    profiles: Profiles,
    pid_a: dict[int, int],
    pid_b: dict[int, int],
    threshold: float,
) -> Scored:
    """Pair paragraphs ``rows`` of A with ``cols`` of B (both ascending) by similarity.

    Returns:
        the groups with their similarity (``Profiles.group_similarity``).
    """
    if not rows or not cols:
        return []
    if len(rows) == len(cols) == 1:
        return _one_for_one(rows[0], cols[0], profiles, (pid_a, pid_b), threshold)
    if len(rows) == 1 or len(cols) == 1:
        return _one_against_many((rows, cols), profiles, (pid_a, pid_b), threshold)
    cells = _score_candidates(rows, cols, profiles, pid_a, pid_b)
    chain = heaviest_chain([c for c in cells if c[2] >= threshold])
    chain = _drop_lone(chain, (rows, cols), cells)
    best = _best_of(cells)
    chain = _fill_between(chain, (rows, cols), profiles, (pid_a, pid_b), threshold, best)
    groups = _grow(chain, (set(rows), set(cols)), profiles, (pid_a, pid_b), threshold, best)
    groups = reread_crossings(groups, profiles, (pid_a, pid_b), threshold)
    return _rejoin_moved_boundaries(groups, profiles, pid_a, pid_b)


def _fill_between(
    chain: list[tuple[int, int, float]],
    span: tuple[list[int], list[int]],
    profiles: Profiles,
    pids: tuple[dict[int, int], dict[int, int]],
    threshold: float,
    best: tuple[dict[int, float], dict[int, float]],
) -> list[tuple[int, int, float]]:
    """Pair what is left between two pairs when its place and its words agree.

    A paragraph reworded beyond the threshold, alone between two pairs with a
    paragraph of the other side, is what a reader pairs at once: its place
    says so. Between two consecutive pairs (or a pair and the gap's end, an
    anchor) a small stretch is paired again with the lower ``floor``, but a
    pair is taken only when its similarity stands clearly (``CLEAR_MARGIN``)
    above the background at its place (``_background``): a paragraph replaced
    by an unrelated one on the same subject stands no higher than its
    neighbours do and stays unpaired.

    An abridgement renders a long paragraph in a few lines, and the Dice
    counts every word it left out against it. So a pair below the floor is
    still taken when one paragraph is clearly shorter (by ``CLEAR_MARGIN``),
    the longer holds as much of it as the floor asks (``_abridged``), and it
    is each paragraph's best candidate in the whole gap (``best``: the best
    similarity of each row and column): a moved paragraph standing in the
    hole of another has a better partner elsewhere, and is left to the moves.

    A stretch of unequal sides (site lines above a text, a deletion beside a
    rewording) does not say which paragraph is which: there a pair under the
    ``threshold`` also needs ``MIN_SHARED`` stems, as a move does, or two
    site lines sharing "this page" would pair for standing together.
    """
    rows, cols = span
    pid_a, pid_b = pids
    bounds = [(rows[0] - 1, cols[0] - 1), *((i, j) for i, j, _s in chain)]
    bounds.append((rows[-1] + 1, cols[-1] + 1))
    out: list[tuple[int, int, float]] = []
    for n in range(len(bounds) - 1):
        (i0, j0), (i1, j1) = bounds[n], bounds[n + 1]
        sub_r = rows[bisect_right(rows, i0) : bisect_left(rows, i1)]
        sub_c = cols[bisect_right(cols, j0) : bisect_left(cols, j1)]
        placed = 0 < len(sub_r) == len(sub_c) <= _FILL_RUN
        if placed:
            cells = list(zip(sub_r, sub_c, strict=True))
        elif chain and sub_r and sub_c and len(sub_r) * len(sub_c) <= _FILL_RUN * _FILL_RUN:
            cells = _mutual_best(sub_r, sub_c, profiles, pids)
        else:
            cells = []
        for i, j in cells:
            s = profiles.similarity(pid_a[i], pid_b[j])
            if _fills((i, j, s), placed, profiles, pids, threshold, best):
                out.append((i, j, s))
        if n < len(chain):
            out.append(chain[n])
    return out


def _one_for_one(
    i: int,
    j: int,
    profiles: Profiles,
    pids: tuple[dict[int, int], dict[int, int]],
    threshold: float,
) -> Scored:
    """The group of a gap of one paragraph a side, if they pair.

    Why apart: most gaps of a big file are one paragraph reworded, and there the
    chain, the growing and the re-reading have nothing to choose: the pair is
    taken on the threshold, or as ``_fill_between`` takes a one-for-one stretch
    between two pairs (its place; no other candidate can be better).
    """
    s = profiles.similarity(pids[0][i], pids[1][j])
    if s >= threshold or _fills((i, j, s), True, profiles, pids, threshold, ({}, {})):
        return [((i,), (j,), s)]
    return []


def _one_against_many(
    span: tuple[list[int], list[int]],
    profiles: Profiles,
    pids: tuple[dict[int, int], dict[int, int]],
    threshold: float,
) -> Scored:
    """The group of a gap with one paragraph on one side and more on the other, if any.

    Why apart: the heaviest chain there is the best candidate alone (of equal
    ones, the first it reads: by A index, then falling B index), no stretch
    between pairs is one-for-one, and one group has no neighbour to re-read or
    rejoin. What is left is to drop it if lone, and to grow it (a split, a merge).
    """
    cells = _score_candidates(*span, profiles, *pids)
    passing = [c for c in cells if c[2] >= threshold]
    if not passing:
        return []
    chain = _drop_lone([max(passing, key=_chain_order)], span, cells)
    rows, cols = span
    return _grow(chain, (set(rows), set(cols)), profiles, pids, threshold, _best_of(cells))


def _chain_order(cell: tuple[int, int, float]) -> tuple[float, int, int]:
    """Of cells in one row or one column, the one ``heaviest_chain`` keeps sorts last."""
    return cell[2], -cell[0], cell[1]


def _fills(
    cell: tuple[int, int, float],
    placed: bool,
    profiles: Profiles,
    pids: tuple[dict[int, int], dict[int, int]],
    threshold: float,
    best: tuple[dict[int, float], dict[int, float]],
) -> bool:
    """Whether ``_fill_between`` takes a cell between two pairs (``placed``: one for one)."""
    i, j, s = cell
    p, q = pids[0][i], pids[1][j]
    floor = threshold * FILL_SHARE
    worded = s >= floor or (
        s >= best[0].get(i, 0.0) and s >= best[1].get(j, 0.0) and _abridged(p, q, profiles) >= floor
    )
    if not placed and s < threshold:
        worded = worded and profiles.shared(p, q) >= MIN_SHARED
    return worded and s >= CLEAR_MARGIN * _background(i, j, profiles, pids)


def _score_candidates(
    rows: list[int],
    cols: list[int],
    profiles: Profiles,
    pid_a: dict[int, int],
    pid_b: dict[int, int],
) -> list[tuple[int, int, float]]:
    """Every candidate cell with its similarity."""
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
    return [(i, j, profiles.similarity(pid_a[i], pid_b[j])) for i, j in pairs]


def _mutual_best(
    rows: list[int],
    cols: list[int],
    profiles: Profiles,
    pids: tuple[dict[int, int], dict[int, int]],
) -> list[tuple[int, int]]:
    """The cells best in both their row and their column, in order (they never cross)."""
    pid_a, pid_b = pids
    sim = {(i, j): profiles.similarity(pid_a[i], pid_b[j]) for i in rows for j in cols}
    best_row = {i: max(cols, key=lambda j: (sim[i, j], -j)) for i in rows}
    best_col = {j: max(rows, key=lambda i: (sim[i, j], -i)) for j in cols}
    found = [(i, best_row[i]) for i in rows if best_col[best_row[i]] == i]
    return [(i, j) for i, j, _s in heaviest_chain([(i, j, sim[i, j]) for i, j in found])]


def _best_of(cells: list[tuple[int, int, float]]) -> tuple[dict[int, float], dict[int, float]]:
    """The best similarity of each row and of each column among the candidates."""
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for i, j, s in cells:
        if s > best_a.get(i, 0.0):
            best_a[i] = s
        if s > best_b.get(j, 0.0):
            best_b[j] = s
    return best_a, best_b


def _abridged(p: int, q: int, profiles: Profiles) -> float:
    """How much of the shorter of two paragraphs the longer holds, when one is clearly shorter."""
    mp, mq = profiles.mass[p], profiles.mass[q]
    if min(mp, mq) * CLEAR_MARGIN > max(mp, mq):
        return 0.0
    return profiles.containment(p, [q]) if mp < mq else profiles.containment(q, [p])


def _background(
    i: int, j: int, profiles: Profiles, pids: tuple[dict[int, int], dict[int, int]]
) -> float:
    """How alike paragraphs stand at this place: the mean similarity of ``i`` and ``j``
    with the paragraphs up to two away from the other (those with a profile)."""
    pid_a, pid_b = pids
    pi, pj = pid_a[i], pid_b[j]
    near = [profiles.similarity(pi, pid_b[j + d]) for d in _NEAR if j + d in pid_b]
    near += [profiles.similarity(pid_a[i + d], pj) for d in _NEAR if i + d in pid_a]
    return sum(near) / len(near) if near else 0.0


def _drop_lone(
    chain: list[tuple[int, int, float]],
    span: tuple[list[int], list[int]],
    cells: list[tuple[int, int, float]],
) -> list[tuple[int, int, float]]:
    """Drop the pairs that neither their place nor a clear lead over their rivals supports.

    A pair next to another on the diagonal (or to the gap's edge, an anchor)
    has its place for it. One standing alone has only its words: it is kept
    when its similarity beats every other candidate of either paragraph by
    ``CLEAR_MARGIN``. Two unrelated paragraphs sharing a formula ("bless his
    holy name") score over the threshold, but so do their other look-alikes.
    """
    if not chain:
        return chain
    rows, cols = span
    ends = {(rows[0] - 1, cols[0] - 1), (rows[-1] + 1, cols[-1] + 1)}
    at = {(i, j) for i, j, _s in chain} | ends
    lone = {(i, j) for i, j, _s in chain if (i - 1, j - 1) not in at and (i + 1, j + 1) not in at}
    if not lone:
        return chain
    rival = dict.fromkeys(lone, 0.0)
    rows_of = {i: (i, j) for i, j in lone}
    cols_of = {j: (i, j) for i, j in lone}
    for i, j, s in cells:
        for key in (rows_of.get(i), cols_of.get(j)):
            if key is not None and key != (i, j) and s > rival[key]:
                rival[key] = s
    return [
        c for c in chain if (c[0], c[1]) not in lone or c[2] >= CLEAR_MARGIN * rival[c[0], c[1]]
    ]


def _grow(
    chain: list[tuple[int, int, float]],
    free: tuple[set[int], set[int]],
    profiles: Profiles,
    pids: tuple[dict[int, int], dict[int, int]],
    threshold: float,
    best: tuple[dict[int, float], dict[int, float]],
) -> Scored:
    """Turn 1:1 pairs into splits or merges where unpaired neighbours belong to them.

    A neighbour joins when the joined text is clearly more alike (by
    ``_GROW_GAIN``), or when it is more alike at all and the neighbour's own
    words are found on the other side as much as a pair's must be
    (``threshold``, on ``Profiles.containment``), unless it has a clearly
    better partner elsewhere in the gap (``best``: the best similarity of each
    row and column), which the moves are left to find: the part of a merge or
    split carries its own evidence, while the mere neighbour of a long pair
    barely moves the joint similarity. Containment rather than the Dice,
    because a part is shorter than the whole it went into: a sentence split
    off a verse, one of three verses run together, scores low against the
    whole on the Dice however much of it the whole keeps.
    """
    free_a, free_b = free
    pid_a, pid_b = pids
    best_a, best_b = best
    for i, j, _s in chain:
        free_a.discard(i)
        free_b.discard(j)
    groups: Scored = []
    for i, j, s in chain:
        a_idx, b_idx = [i], [j]
        top = s  # the candidate's score is the 1:1 group similarity
        grown = True
        while grown:
            grown = False
            for side, idx, pool in (("a", a_idx, free_a), ("b", b_idx, free_b)):
                for cand in (idx[0] - 1, idx[-1] + 1):
                    if cand not in pool:
                        continue
                    trial = sorted([*idx, cand])
                    left = [pid_a[x] for x in (trial if side == "a" else a_idx)]
                    right = [pid_b[x] for x in (trial if side == "b" else b_idx)]
                    score = profiles.group_similarity(left, right)
                    part, whole = (pid_a[cand], right) if side == "a" else (pid_b[cand], left)
                    rival = best_a.get(cand, 0.0) if side == "a" else best_b.get(cand, 0.0)
                    if score >= top + _GROW_GAIN or (
                        score > top
                        and profiles.containment(part, whole) >= threshold
                        and CLEAR_MARGIN * max(profiles.similarity(part, w) for w in whole) >= rival
                    ):
                        top = score
                        idx[:] = trial
                        pool.discard(cand)
                        grown = True
        groups.append((tuple(a_idx), tuple(b_idx), top))
    return groups


def _rejoin_moved_boundaries(
    groups: Scored,
    profiles: Profiles,
    pid_a: dict[int, int],
    pid_b: dict[int, int],
) -> Scored:
    """Merge neighbouring pairs whose text crossed the paragraph boundary between them.

    When a reviser moves the break between two paragraphs (sentences end up in
    the next one), each 1:1 pair shows those sentences as deleted on one side
    and inserted on the other. Diffing the two paragraphs together shows them
    as unchanged. Taken only when the joint similarity clearly beats both parts,
    which ordinary neighbours (whose words just add up) never do, and only
    for two 1:1 pairs: a moved break joins two paragraphs with two. Pairs
    already grown into a split or a merge that would join further are a
    misreading of a merge next to a split, and a cascade of joins makes it a
    block of 3 x 3 paragraphs where a reader sees two pairs.
    """
    out: Scored = []
    for a_idx, b_idx, sim in groups:
        if out:
            prev_a, prev_b, prev_sim = out[-1]
            single = len(prev_a) == len(prev_b) == len(a_idx) == len(b_idx) == 1
            if single and a_idx[0] == prev_a[-1] + 1 and b_idx[0] == prev_b[-1] + 1:
                joint_a, joint_b = prev_a + a_idx, prev_b + b_idx
                joint = profiles.group_similarity(
                    [pid_a[i] for i in joint_a], [pid_b[j] for j in joint_b]
                )
                if joint >= max(prev_sim, sim) + _REJOIN_GAIN:
                    out[-1] = (joint_a, joint_b, joint)
                    continue
        out.append((a_idx, b_idx, sim))
    return out
