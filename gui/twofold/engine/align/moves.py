# SPDX-License-Identifier: GPL-3.0-or-later
"""Moved paragraphs: found across the whole file, then told apart from those in place.

Why across the whole file: a reworded document has no identical paragraph,
so the anchors leave one gap and a paragraph moved inside it, reworded, is
left over at both its places by the in-order pairing. Leftovers of A are
matched with leftovers of B anywhere, candidates coming from the rare-word
index (near-linear), and a match is taken only when it is clearly the best
either paragraph has: its similarity beats every other candidate of each by
``CLEAR_MARGIN``, so a paragraph of a list of look-alikes (genealogies,
refrains) never travels; a candidate already paired with something it is
clearly closer to is spoken for, and need only be beaten. The neighbours of a move that are left
over too follow it as a block when they are alike enough to pair at all.

Why a last chain (``off_chain``): which side of a crossing moved is the reader's
call that most of the text stayed in order. The heaviest chain of pairs that
increases on both sides stays in place; every pair off it is the move, even
when the anchors (identical paragraphs) had placed the moved block in order
and the long stretch around it across.

Constraints: pure and deterministic; every paragraph in at most one pair.
"""

from __future__ import annotations

from collections.abc import Sequence

from twofold.engine.align.chain import off_heaviest_chain
from twofold.engine.align.gap_pairing import CLEAR_MARGIN, MIN_SHARED
from twofold.engine.align.similarity import Profiles

#: Moves need this many distinct words, and share this many stems, so that "Thanks."
#: or "the following" does not travel.
MOVE_MIN_WORDS = MIN_SHARED
#: How many partners the rare-word index proposes for each leftover.
_PROPOSALS = 8


def similar_moves(
    left: Sequence[int],
    right: Sequence[int],
    profiles: Profiles,
    floors: tuple[float, float],
    pids: tuple[dict[int, int], dict[int, int]],
    held: dict[int, float],
) -> dict[int, int]:
    """A-index → B-index for leftovers that are one paragraph moved (and maybe reworded).

    Args:
        left: the leftover paragraphs of A; ``right``: those of B.
        floors: the similarity a move needs, and the lower one that lets a
            leftover neighbour of a move follow it.
        pids: profile ids of the A and B paragraphs that have one (every
            paragraph outside the anchors).
        held: the similarity of the pair each paired profile is in (``_beats``).
    """
    pid_a, pid_b = pids
    floor, follow = floors
    left = [i for i in left if len(profiles.words[pid_a[i]]) >= MOVE_MIN_WORDS]
    right = [j for j in right if len(profiles.words[pid_b[j]]) >= MOVE_MIN_WORDS]
    if not left or not right:
        return {}
    a_of = {p: i for i, p in pid_a.items()}
    free_b = set(right)
    tentative = _offers_of_a(left, right, profiles, (floor, pid_a, pid_b), held)
    if not tentative:
        return {}
    # B's side of the offers only: the index over A is the same, the queries fewer.
    best_b = _best_partners(profiles, sorted({p for *_, p in tentative}), list(a_of))
    offers = [
        (s, i, j)
        for s, i, j, p in tentative
        if all(_beats(s, t, held.get(q)) for t, q in best_b[p] if q != pid_a[i])
    ]
    offers.sort(key=lambda o: (-o[0], o[1], o[2]))
    found: dict[int, int] = {}
    taken = set()
    for _s, i, j in offers:
        if i not in found and j not in taken:
            found[i] = j
            taken.add(j)
    _follow_blocks(found, set(left) - set(found), free_b - taken, profiles, pids, follow)
    return found


def _offers_of_a(
    left: list[int],
    right: list[int],
    profiles: Profiles,
    where: tuple[float, dict[int, int], dict[int, int]],
    held: dict[int, float],
) -> list[tuple[float, int, int, int]]:
    """``(similarity, i, j, B profile)`` for each leftover ``i`` of A whose best partner
    among all of B is the leftover ``j``, clearly (``_beats``), alike enough and sharing
    enough stems.

    Args:
        where: the floor of a move, and the profile ids of A and B.
    """
    floor, pid_a, pid_b = where
    b_of = {p: j for j, p in pid_b.items()}
    near = profiles.candidates([pid_a[i] for i in left], list(b_of), _PROPOSALS)
    free = {pid_b[j] for j in right}
    offers = []
    for i in left:
        p = pid_a[i]
        # The best partner must be free and alike enough: when no free proposal is,
        # the rivals need not be scored at all.
        if not any(q in free and profiles.similarity(p, q) >= floor for q in near[p]):
            continue
        top = _by_similarity(profiles, p, near[p])
        s, q = top[0]
        if q not in free or s < floor or profiles.shared(p, q) < MOVE_MIN_WORDS:
            continue
        if all(_beats(s, t, held.get(r)) for t, r in top[1:]):
            offers.append((s, i, b_of[q], q))
    return offers


def _beats(s: float, rival: float, held: float | None) -> bool:
    """Whether a move scoring ``s`` clearly beats a ``rival`` partner of either paragraph.

    A rival already paired (``held``: its pair's similarity) that its own pair
    clearly beats is spoken for: the move need only score above it.
    """
    if held is not None and held >= CLEAR_MARGIN * rival:
        return s > rival
    return s >= CLEAR_MARGIN * rival


def _best_partners(
    profiles: Profiles, items: list[int], others: list[int]
) -> dict[int, list[tuple[float, int]]]:
    """For each profile in ``items``, its likely partners among ``others``, best first."""
    near = profiles.candidates(items, others, _PROPOSALS)
    return {p: _by_similarity(profiles, p, near[p]) for p in items}


def _by_similarity(profiles: Profiles, p: int, others: list[int]) -> list[tuple[float, int]]:
    """Profiles ``others`` with their similarity to ``p``, most alike first."""
    scored = [(profiles.similarity(p, q), q) for q in others]
    scored.sort(key=lambda t: (-t[0], t[1]))
    return scored


def _follow_blocks(
    found: dict[int, int],
    free_a: set[int],
    free_b: set[int],
    profiles: Profiles,
    pids: tuple[dict[int, int], dict[int, int]],
    floor: float,
) -> None:
    """Extend each move over leftover neighbours alike enough to pair: blocks move whole."""
    pid_a, pid_b = pids
    for i, j in sorted(found.items()):
        for step in (1, -1):
            a, b = i + step, j + step
            while a in free_a and b in free_b:
                if profiles.similarity(pid_a[a], pid_b[b]) < floor:
                    break
                found[a] = b
                free_a.discard(a)
                free_b.discard(b)
                a, b = a + step, b + step


def off_chain(
    placed: list[tuple[int, int, int]], moved: list[tuple[int, int, int]]
) -> set[tuple[int, int]]:
    """The units off the heaviest chain that increases on both sides: the moved ones.

    Args:
        placed: ``(first A index, first B index, paragraphs)`` of every anchor run
            and pair in order by construction (the blocks' own), in order.
        moved: the same of the moves found, which may stand anywhere; each
            paragraph in one unit of either list.

    Returns:
        the ``(first A index, first B index)`` of the units that moved.
    """
    return off_heaviest_chain(placed, moved)
