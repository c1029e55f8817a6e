# SPDX-License-Identifier: GPL-3.0-or-later
"""Pair the paragraphs of A with those of B.

Stages, each near-linear in practice:

1. Anchors: paragraphs whose match keys are identical and in order
   (``key_diff``: Myers' diff over the keys, cut first at the keys once on each
   side where the file is big, git's histogram diff where even that could not
   be quick). What lies between two anchors is a *gap*.
2. Exact moves: a key deleted in one gap and inserted in another, once each.
3. Pairing inside a gap (``gap_pairing``): candidates from an inverted index of
   rare words plus the gap's diagonal, the heaviest non-crossing chain, and
   what position alone supports (one-for-one stretches between pairs), then
4. splits and merges, and neighbours whose text crossed the paragraph break.
5. Edited moves (``moves``): leftovers anywhere in the file, the same gap
   included, that are clearly each other's best partner; then which pairs are
   the moves: those off the heaviest chain in order on both sides.

Constraints: every paragraph lands in exactly one ``Match``; matches come in
reading order (by B, deletions where they stood in A, a move at its B place).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from twofold.engine.align.blocks import Block, Gap, Moves, anchor_blocks, assemble, differing
from twofold.engine.align.gap_pairing import FILL_SHARE, Scored, pair_rows
from twofold.engine.align.key_diff import key_diff
from twofold.engine.align.matches import Match, expanded, flipped, reading_order
from twofold.engine.align.moves import MOVE_MIN_WORDS, off_chain, similar_moves
from twofold.engine.align.similarity import Profiles, Vocabulary, words
from twofold.engine.errors import CompareCanceled
from twofold.engine.result.model import CompareOptions
from twofold.engine.tuning import DEFAULT_COMPARE_TUNING, CompareTuning

__all__ = ["Match", "align", "align_rows"]

Cancel = Callable[[], bool]


def align(
    keys_a: Sequence[str],
    keys_b: Sequence[str],
    options: CompareOptions,
    should_cancel: Cancel | None = None,
    vocabulary: Vocabulary | None = None,
    tuning: CompareTuning = DEFAULT_COMPARE_TUNING,
) -> list[Match]:
    """Align two sequences of paragraph match keys; see the module docstring.

    Swapping the inputs mirrors the result exactly: ties (two equally good
    partners) are broken in one canonical direction, then flipped.

    Args:
        vocabulary: where the word sets of the paragraphs in gaps are kept, by
            key, for a caller that needs them again; by default they are dropped.
        tuning: where the anchors change strategy (``key_diff``).
    """
    rows = align_rows(keys_a, keys_b, options, should_cancel, vocabulary, tuning)
    return expanded(rows, max(len(keys_a), len(keys_b)))


def align_rows(
    keys_a: Sequence[str],
    keys_b: Sequence[str],
    options: CompareOptions,
    should_cancel: Cancel | None = None,
    vocabulary: Vocabulary | None = None,
    tuning: CompareTuning = DEFAULT_COMPARE_TUNING,
) -> list[Match]:
    """``align``'s rows with each run of anchors still one ``AnchorRun`` (``expanded`` makes
    it a row a paragraph): what the coarse pairs are made from, the runs' all at once.
    """
    check = should_cancel or (lambda: False)
    if list(keys_a) > list(keys_b):
        flipped_rows = _align_directed(keys_b, keys_a, options, check, vocabulary, tuning)
        return reading_order(flipped(flipped_rows))
    return reading_order(_align_directed(keys_a, keys_b, options, check, vocabulary, tuning))


def _align_directed(
    keys_a: Sequence[str],
    keys_b: Sequence[str],
    options: CompareOptions,
    check: Cancel,
    vocabulary: Vocabulary | None,
    tuning: CompareTuning,
) -> list[Match]:
    blocks = anchor_blocks(key_diff(keys_a, keys_b, options.diff_timeout, tuning))
    gaps = [blk for blk in blocks if isinstance(blk, Gap)]
    moved: dict[int, int] = _exact_moves(gaps, keys_a, keys_b) if options.detect_moves else {}
    profiles, pid_a, pid_b = _profiles_for(gaps, keys_a, keys_b, vocabulary)
    exact = (moved, set(moved.values()))
    pids = (pid_a, pid_b)
    for n, gap in enumerate(gaps):
        if n % 64 == 0 and check():
            raise CompareCanceled
        if gap.a_hi > gap.a_lo and gap.b_hi > gap.b_lo:  # else nothing to pair
            gap.groups = _pair_gap(gap, exact, profiles, pids, options)
    if not options.detect_moves:
        return assemble(blocks, Moves({}, {}, set()))
    similar = _similar_moves(gaps, moved, profiles, pids, options)
    moved.update(similar)
    scores = {i: differing(profiles.similarity(pid_a[i], pid_b[j])) for i, j in similar.items()}
    return assemble(blocks, Moves(moved, scores, _moved_units(blocks, moved)))


def _exact_moves(gaps: list[Gap], keys_a: Sequence[str], keys_b: Sequence[str]) -> dict[int, int]:
    """A-index → B-index for unchanged paragraphs that changed place (unique keys only)."""
    where_a: dict[str, list[tuple[int, int]]] = {}
    where_b: dict[str, list[tuple[int, int]]] = {}
    for g, gap in enumerate(gaps):
        for i in range(gap.a_lo, gap.a_hi):
            where_a.setdefault(keys_a[i], []).append((g, i))
        for j in range(gap.b_lo, gap.b_hi):
            where_b.setdefault(keys_b[j], []).append((g, j))
    moved: dict[int, int] = {}
    for key, places_a in where_a.items():
        places_b = where_b.get(key)
        if not places_b or len(places_a) != 1 or len(places_b) != 1:
            continue
        (ga, i), (gb, j) = places_a[0], places_b[0]
        if ga != gb and _worded(key):
            moved[i] = j
    return moved


def _worded(key: str) -> bool:
    """Whether a paragraph has words enough to move: by spaces, or else by ``words``.

    Spaces first: most paragraphs have enough of them, and need no regex.
    """
    return len(key.split()) >= MOVE_MIN_WORDS or len(words(key)) >= MOVE_MIN_WORDS


def _profiles_for(
    gaps: list[Gap],
    keys_a: Sequence[str],
    keys_b: Sequence[str],
    vocabulary: Vocabulary | None,
) -> tuple[Profiles, dict[int, int], dict[int, int]]:
    """Word profiles of every paragraph in a gap; ids map paragraph index → profile."""
    texts: list[str] = []
    pid_a: dict[int, int] = {}
    pid_b: dict[int, int] = {}
    for gap in gaps:
        for i in range(gap.a_lo, gap.a_hi):
            pid_a[i] = len(texts)
            texts.append(keys_a[i])
        for j in range(gap.b_lo, gap.b_hi):
            pid_b[j] = len(texts)
            texts.append(keys_b[j])
    return Profiles(texts, vocabulary), pid_a, pid_b


def _pair_gap(
    gap: Gap,
    moved: tuple[dict[int, int], set[int]],
    profiles: Profiles,
    pids: tuple[dict[int, int], dict[int, int]],
    options: CompareOptions,
) -> Scored:
    """The gap's groups; ``moved``: the exact moves, and the B side of them."""
    moved_a, moved_b = moved
    if gap.a_hi - gap.a_lo == 1 == gap.b_hi - gap.b_lo:  # most gaps: a paragraph reworded
        rows, cols = [gap.a_lo], [gap.b_lo]
        if gap.a_lo in moved_a or gap.b_lo in moved_b:
            return []
    else:
        rows = [i for i in range(gap.a_lo, gap.a_hi) if i not in moved_a]
        cols = [j for j in range(gap.b_lo, gap.b_hi) if j not in moved_b]
    if not rows or not cols:
        return []
    return pair_rows(rows, cols, profiles, pids[0], pids[1], options.pair_threshold)


def _similar_moves(
    gaps: list[Gap],
    moved: dict[int, int],
    profiles: Profiles,
    pids: tuple[dict[int, int], dict[int, int]],
    options: CompareOptions,
) -> dict[int, int]:
    """Leftovers anywhere in the file that are one paragraph moved (``moves.similar_moves``)."""
    pid_a, pid_b = pids
    paired_a = set(moved)
    paired_b = set(moved.values())
    held = dict.fromkeys([pid_a[i] for i in moved] + [pid_b[j] for j in moved.values()], 1.0)
    for gap in gaps:
        for a_idx, b_idx, sim in gap.groups:
            paired_a.update(a_idx)
            paired_b.update(b_idx)
            held.update(dict.fromkeys([pid_a[i] for i in a_idx] + [pid_b[j] for j in b_idx], sim))
    left = [i for gap in gaps for i in range(gap.a_lo, gap.a_hi) if i not in paired_a]
    right = [j for gap in gaps for j in range(gap.b_lo, gap.b_hi) if j not in paired_b]
    floors = (options.move_threshold, options.pair_threshold * FILL_SHARE)
    return similar_moves(left, right, profiles, floors, pids, held)


def _moved_units(blocks: list[Block], moved: dict[int, int]) -> set[tuple[int, int]]:
    """Which anchor runs, pairs and found moves are off the heaviest chain in order."""
    if not moved:
        return set()  # anchors and the pairs between them are in order by construction
    placed = []
    for blk in blocks:
        if isinstance(blk, Gap):
            placed += [(a[0], b[0], len(a) + len(b)) for a, b, _s in blk.groups]
        else:
            placed.append((blk[0], blk[1], 2 * blk[2]))
    return off_chain(placed, [(i, j, 2) for i, j in moved.items()])
