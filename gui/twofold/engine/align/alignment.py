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

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import compress, filterfalse, repeat
from operator import attrgetter, is_not, itemgetter
from typing import NamedTuple

from twofold.engine.align.gap_pairing import FILL_SHARE, Scored, pair_rows
from twofold.engine.align.key_diff import key_diff
from twofold.engine.align.moves import MOVE_MIN_WORDS, off_chain, similar_moves
from twofold.engine.align.similarity import Profiles, Vocabulary, words
from twofold.engine.errors import CompareCanceled
from twofold.engine.result.kinds import Op, PairKind
from twofold.engine.result.model import CompareOptions
from twofold.engine.tuning import DEFAULT_COMPARE_TUNING, CompareTuning


class Match(NamedTuple):
    """One row of the alignment before inline diffs are computed.

    A named tuple rather than a frozen dataclass: as immutable, and built twice
    as fast, which counts since big inputs make one per paragraph.
    """

    kind: PairKind
    a: tuple[int, ...]
    b: tuple[int, ...]
    #: the pairing score (``Profiles.group_similarity``; 1.0 for equal text, 0.0 one-sided)
    score: float = 0.0


@dataclass(slots=True)
class _Gap:
    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int
    groups: Scored


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
    check = should_cancel or (lambda: False)
    if list(keys_a) > list(keys_b):
        flipped = _align_directed(keys_b, keys_a, options, check, vocabulary, tuning)
        return _reading_order([_flip(m) for m in flipped])
    return _reading_order(_align_directed(keys_a, keys_b, options, check, vocabulary, tuning))


def _align_directed(
    keys_a: Sequence[str],
    keys_b: Sequence[str],
    options: CompareOptions,
    check: Cancel,
    vocabulary: Vocabulary | None,
    tuning: CompareTuning = DEFAULT_COMPARE_TUNING,
) -> list[Match]:
    blocks = _anchor_blocks(key_diff(keys_a, keys_b, options.diff_timeout, tuning))
    gaps = [blk for blk in blocks if isinstance(blk, _Gap)]
    moved: dict[int, int] = _exact_moves(gaps, keys_a, keys_b) if options.detect_moves else {}
    profiles, pid_a, pid_b = _profiles_for(gaps, keys_a, keys_b, vocabulary)
    for n, gap in enumerate(gaps):
        if n % 64 == 0 and check():
            raise CompareCanceled
        gap.groups = _pair_gap(gap, moved, profiles, pid_a, pid_b, options.pair_threshold)
    paragraphs = max(len(keys_a), len(keys_b))
    if not options.detect_moves:
        return _assemble(blocks, _Moves({}, {}, set()), paragraphs)
    similar = _similar_moves(gaps, moved, profiles, (pid_a, pid_b), options)
    moved.update(similar)
    scores = {i: _differing(profiles.similarity(pid_a[i], pid_b[j])) for i, j in similar.items()}
    return _assemble(blocks, _Moves(moved, scores, _moved_units(blocks, moved)), paragraphs)


_FLIPPED_KIND = {PairKind.INSERTED: PairKind.DELETED, PairKind.DELETED: PairKind.INSERTED}


def _flip(match: Match) -> Match:
    return Match(_FLIPPED_KIND.get(match.kind, match.kind), match.b, match.a, match.score)


def _reading_order(matches: list[Match]) -> list[Match]:
    """Order by B; a deletion goes right after the A-side pair before it, ahead of insertions.

    Moves stand at their B place and are skipped when looking for a deletion's
    predecessor, since their A side lies elsewhere. Rows with a B side are sorted
    in C (a log has one a line, already in order, which Timsort sees in one
    pass); only the deletions are placed one by one, by bisection.
    """
    with_b = sorted(filter(_b_of, matches), key=_b_of)
    deletions = list(filterfalse(_b_of, matches))
    if not deletions:
        return with_b
    # The pairs with both sides (moves aside) in A order: a deletion follows the
    # last of them above it, and comes before the first row of B past that one.
    with_ab = list(filter(_a_of, with_b))
    not_moved = map(is_not, map(_kind_of, with_ab), repeat(PairKind.MOVED))
    both = sorted(compress(with_ab, not_moved), key=_a_of)
    a_firsts = list(map(_first, map(_a_of, both)))
    b_lasts = list(map(_last, map(_b_of, both)))
    b_firsts = list(map(_first, map(_b_of, with_b)))
    placed = []
    for m in deletions:
        above = bisect_left(a_firsts, m.a[0]) - 1
        follow = b_lasts[above] + 1 if above >= 0 else 0
        placed.append((bisect_left(b_firsts, follow), follow, m.a[0], m))
    placed.sort(key=itemgetter(0, 1, 2))
    out: list[Match] = []
    at = 0
    for before, _follow, _a, m in placed:
        out += with_b[at:before]
        out.append(m)
        at = before
    out += with_b[at:]
    return out


_a_of, _b_of, _kind_of = attrgetter("a"), attrgetter("b"), attrgetter("kind")
_first, _last = itemgetter(0), itemgetter(-1)


def _anchor_blocks(steps: list[tuple[Op, int]]) -> list[tuple[int, int, int] | _Gap]:
    """Equal runs ``(a_start, b_start, length)`` and the gaps between them, in order."""
    blocks: list[tuple[int, int, int] | _Gap] = []
    ia = ib = 0
    pending: _Gap | None = None
    for op, n in steps:
        if op is Op.EQUAL:
            if pending is not None:
                blocks.append(pending)
                pending = None
            blocks.append((ia, ib, n))
            ia += n
            ib += n
            continue
        if pending is None:
            pending = _Gap(ia, ia, ib, ib, [])
        if op is Op.DELETE:
            ia += n
            pending.a_hi = ia
        else:
            ib += n
            pending.b_hi = ib
    if pending is not None:
        blocks.append(pending)
    return blocks


def _exact_moves(gaps: list[_Gap], keys_a: Sequence[str], keys_b: Sequence[str]) -> dict[int, int]:
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
        if ga != gb and max(len(key.split()), len(words(key))) >= MOVE_MIN_WORDS:
            moved[i] = j
    return moved


def _profiles_for(
    gaps: list[_Gap],
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
    gap: _Gap,
    moved: dict[int, int],
    profiles: Profiles,
    pid_a: dict[int, int],
    pid_b: dict[int, int],
    threshold: float,
) -> Scored:
    moved_b = set(moved.values())
    rows = [i for i in range(gap.a_lo, gap.a_hi) if i not in moved]
    cols = [j for j in range(gap.b_lo, gap.b_hi) if j not in moved_b]
    if not rows or not cols:
        return []
    return pair_rows(rows, cols, profiles, pid_a, pid_b, threshold)


def _similar_moves(
    gaps: list[_Gap],
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


#: The most a pair of different texts scores: its words may all be shared, but 1.0
#: reads "unchanged" (``summary.percent`` shows it as 99 %).
_UNDER_ONE = 1.0 - 1e-6


def _differing(score: float) -> float:
    """The score of a pair whose match keys differ: below 1.0, which equal text alone gets."""
    return min(score, _UNDER_ONE)


class _Moves(NamedTuple):
    """The moves found and which pairs, in the end, stand off the chain in order."""

    #: A index → B index of each paragraph found elsewhere
    found: dict[int, int]
    #: the similarity of each found move by its A paragraph (1.0 if absent: unchanged)
    scores: dict[int, float]
    #: ``(first A, first B)`` of every pair or anchor run that moved (``moves.off_chain``)
    off: set[tuple[int, int]]


def _moved_units(
    blocks: list[tuple[int, int, int] | _Gap], moved: dict[int, int]
) -> set[tuple[int, int]]:
    """Which anchor runs, pairs and found moves are off the heaviest chain in order."""
    if not moved:
        return set()  # anchors and the pairs between them are in order by construction
    units = [(i, j, 2) for i, j in moved.items()]
    for blk in blocks:
        if isinstance(blk, _Gap):
            units += [(a[0], b[0], len(a) + len(b)) for a, b, _s in blk.groups]
        else:
            units.append((blk[0], blk[1], 2 * blk[2]))
    return off_chain(units)


def _assemble(
    blocks: list[tuple[int, int, int] | _Gap], moves: _Moves, paragraphs: int
) -> list[Match]:
    """The matches of the blocks in order; ``paragraphs``: as many as the longer side has.

    A found move still in order with the rest is a pair in place (changed), and
    an anchor run or a pair off the chain is moved (``_moved_units``).
    """
    moved, scores, off = moves
    moved_b = {j: i for i, j in moved.items()}
    out: list[Match] = []
    # ``(i,)`` for each paragraph index, made once (in C) and shared by the pairs of
    # both sides: line i of A and line i of B are mostly both equal lines, and a
    # source pair kept a tuple and its int per line twice over.
    single = list(zip(range(paragraphs)))

    def leftovers(a_range: range, b_range: range) -> None:
        dels = [i for i in a_range if i not in moved]
        _runs(out, dels, PairKind.DELETED)
        ins: list[int] = []
        for j in b_range:
            if j in moved_b:
                _runs(out, ins, PairKind.INSERTED)
                ins = []
                i = moved_b[j]
                kind = PairKind.MOVED if (i, j) in off else PairKind.CHANGED
                out.append(Match(kind, single[i], single[j], scores.get(i, 1.0)))
            else:
                ins.append(j)
        _runs(out, ins, PairKind.INSERTED)

    for blk in blocks:
        if not isinstance(blk, _Gap):
            a0, b0, n = blk
            # Made in C (``Match._make`` is ``tuple.__new__``): a log has a match a line.
            rows = zip(
                repeat(PairKind.MOVED if (a0, b0) in off else PairKind.EQUAL, n),
                single[a0 : a0 + n],
                single[b0 : b0 + n],
                repeat(1.0, n),
                strict=True,
            )
            out.extend(map(_new_tuple, repeat(Match, n), rows))
            continue
        ia, ib = blk.a_lo, blk.b_lo
        for a_idx, b_idx, sim in blk.groups:
            leftovers(range(ia, a_idx[0]), range(ib, b_idx[0]))
            kind = PairKind.MOVED if (a_idx[0], b_idx[0]) in off else PairKind.CHANGED
            out.append(Match(kind, a_idx, b_idx, _differing(sim)))
            ia, ib = a_idx[-1] + 1, b_idx[-1] + 1
        leftovers(range(ia, blk.a_hi), range(ib, blk.b_hi))
    return out


_new_tuple = tuple.__new__


def _runs(out: list[Match], indices: list[int], kind: PairKind) -> None:
    """Append one Match per run of consecutive indices (a deleted block is one change)."""
    run: list[int] = []
    for x in indices:
        if run and x != run[-1] + 1:
            out.append(_one_sided(kind, run))
            run = []
        run.append(x)
    if run:
        out.append(_one_sided(kind, run))


def _one_sided(kind: PairKind, run: list[int]) -> Match:
    if kind is PairKind.DELETED:
        return Match(kind, tuple(run), ())
    return Match(kind, (), tuple(run))
