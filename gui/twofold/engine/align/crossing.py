# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a weak pair between two pairs as the halves of a merge and a split beside it.

Why: when one side runs two paragraphs into one (a merge) right next to a
paragraph it cuts in two (a split), the chain of 1:1 pairs sees as many
paragraphs on each side and pairs them straight across: the merge's second
half with the split's first half, which share a few words through their
neighbours. A reader sees the merge and the split. That middle pair is re-read
when each of its paragraphs is better held by the pair on the other side of it
than by its partner: the one joins the pair before it, the other the pair
after it.

Constraints: pure and deterministic; groups stay contiguous, ascending, in
order, each paragraph in exactly the group it was in or a neighbour of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from twofold.engine.align.similarity import Profiles

if TYPE_CHECKING:
    from twofold.engine.align.gap_pairing import Scored


def reread_crossings(
    groups: Scored,
    profiles: Profiles,
    pids: tuple[dict[int, int], dict[int, int]],
    threshold: float,
) -> Scored:
    """Dissolve 1:1 pairs that are the halves of a merge and a split into their neighbours.

    A pair ``(i, j)`` flanked by pairs right before and after it is re-read
    when, one way or the other, ``i`` joins the pair on one side and ``j`` the
    pair on the other and: both neighbours become more alike for it (the Dice
    of the joined text rises), each paragraph's own words are found in its new
    pair as much as a pair's must be (containment at ``threshold``, as a part
    of a merge or split needs in ``gap_pairing``), and more than in its old
    partner. A true pair between two neighbours shares little with them and
    stays.
    """
    out = list(groups)
    k = 1
    while k < len(out) - 1:
        regrouped = _reread(out[k - 1], out[k], out[k + 1], profiles, pids, threshold)
        if regrouped is None:
            k += 1
        else:
            out[k - 1 : k + 2] = regrouped
    return out


def _reread(
    before: tuple[tuple[int, ...], tuple[int, ...], float],
    middle: tuple[tuple[int, ...], tuple[int, ...], float],
    after: tuple[tuple[int, ...], tuple[int, ...], float],
    profiles: Profiles,
    pids: tuple[dict[int, int], dict[int, int]],
    threshold: float,
) -> Scored | None:
    """The two groups ``middle`` dissolves into, or None when it stands."""
    (ba, bb, b_sim), (ma, mb, _s), (aa, ab, a_sim) = before, middle, after
    if len(ma) != 1 or len(mb) != 1:
        return None
    i, j = ma[0], mb[0]
    if not (ba[-1] + 1 == i == aa[0] - 1 and bb[-1] + 1 == j == ab[0] - 1):
        return None
    pid_a, pid_b = pids
    pi, pj = pid_a[i], pid_b[j]
    side_a = [pid_a[x] for x in ba], [pid_a[x] for x in aa]
    side_b = [pid_b[x] for x in bb], [pid_b[x] for x in ab]
    # i joins the pair before and j the pair after, or j before and i after; each
    # part with the other side of its new pair, and its old partner.
    readings = (
        (((ba + ma, bb), (aa, mb + ab)), ((pi, side_b[0], pj), (pj, side_a[1], pi))),
        (((ba, bb + mb), (ma + aa, ab)), ((pj, side_a[0], pi), (pi, side_b[1], pj))),
    )
    for (first, second), parts in readings:
        held = all(
            profiles.containment(part, home) >= threshold
            and profiles.containment(part, home) > profiles.containment(part, [partner])
            for part, home, partner in parts
        )
        if not held:
            continue
        first_sim = _similarity(first, profiles, pids)
        second_sim = _similarity(second, profiles, pids)
        if first_sim > b_sim and second_sim > a_sim:
            return [(*first, first_sim), (*second, second_sim)]
    return None


def _similarity(
    group: tuple[tuple[int, ...], tuple[int, ...]],
    profiles: Profiles,
    pids: tuple[dict[int, int], dict[int, int]],
) -> float:
    pid_a, pid_b = pids
    return profiles.group_similarity([pid_a[x] for x in group[0]], [pid_b[x] for x in group[1]])
