# SPDX-License-Identifier: GPL-3.0-or-later
"""The rows of an alignment before inline diffs, and the order a reader reads them in.

Why apart: the alignment computes rows in one canonical direction and in the
order of its blocks; what a reader sees is every row by its place in B, a
deletion right where it stood in A. ``reading_order`` is that order whatever the
order the rows come in, so the alignment may flip and assemble as it likes.

Constraints: pure; rows are immutable.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress, filterfalse, repeat
from operator import attrgetter, is_not, itemgetter
from typing import NamedTuple

from twofold.engine.result.kinds import PairKind

__all__ = [
    "AnchorRun",
    "Match",
    "equal_sides",
    "expanded",
    "flipped",
    "reading_order",
    "row_length",
]


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


class AnchorRun(Match):
    """A run of anchors standing as one row until ``expanded``: ``a`` and ``b`` hold its
    first and last paragraph on each side, not every one.

    Why: a big file is mostly long runs of identical paragraphs, and the reading
    order places a run as it places its rows (nothing ever goes between them:
    sides never overlap), so it is ordered, and flipped, a run at a time.
    """

    __slots__ = ()


_FLIPPED_KIND = {PairKind.INSERTED: PairKind.DELETED, PairKind.DELETED: PairKind.INSERTED}


def flipped(matches: list[Match]) -> list[Match]:
    """The same rows seen from the other side: what A deleted, B inserted.

    Made in C (``Match._make`` is ``tuple.__new__``), each row of its own class.
    """
    kinds = list(map(_kind_of, matches))
    rows = zip(
        map(_FLIPPED_KIND.get, kinds, kinds),
        map(_b_of, matches),
        map(_a_of, matches),
        map(_score_of, matches),
        strict=True,
    )
    return list(map(_new_tuple, map(type, matches), rows))


def reading_order(matches: list[Match]) -> list[Match]:
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
    placed = []
    for m in deletions:
        # Sides are disjoint runs of indices: comparing the one-item tuple of an
        # index with a side compares it with the side's first index.
        above = bisect_left(both, m.a[:1], key=_a_of) - 1
        follow = both[above].b[-1] + 1 if above >= 0 else 0
        placed.append((bisect_left(with_b, (follow,), key=_b_of), follow, m.a[0], m))
    placed.sort(key=itemgetter(0, 1, 2))
    out: list[Match] = []
    at = 0
    for before, _follow, _a, m in placed:
        out += with_b[at:before]
        out.append(m)
        at = before
    out += with_b[at:]
    return out


def expanded(rows: list[Match], paragraphs: int) -> list[Match]:
    """The rows with each ``AnchorRun`` made into its rows, a paragraph each, in place.

    Args:
        paragraphs: as many as the longer side has.
    """
    out: list[Match] = []
    single = _singles(paragraphs)
    for row in rows:
        if type(row) is not AnchorRun:
            out.append(row)
            continue
        (a0, a1), (b0, b1) = row.a, row.b
        n = a1 - a0 + 1
        # Made in C (``Match._make`` is ``tuple.__new__``): a log has a match a line.
        made = zip(
            repeat(row.kind, n),
            single[a0 : a1 + 1],
            single[b0 : b1 + 1],
            repeat(row.score, n),
            strict=True,
        )
        out.extend(map(_new_tuple, repeat(Match, n), made))
    return out


def equal_sides(rows: list[Match]) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
    """The A and the B side of each equal row's pairs, in order, an ``AnchorRun`` a paragraph each.

    Why: the equal pairs are made from these all at once (``equal_pairs``), a run's
    without a ``Match`` for each of its paragraphs.
    """
    equal = [row for row in rows if row.kind is PairKind.EQUAL]
    ends = [max(row.a[-1], row.b[-1]) for row in equal if type(row) is AnchorRun]
    single = _singles(max(ends, default=-1) + 1)
    sides_a: list[tuple[int, ...]] = []
    sides_b: list[tuple[int, ...]] = []
    for row in equal:
        if type(row) is AnchorRun:
            (a0, a1), (b0, b1) = row.a, row.b
            if a1 - a0 != b1 - b0:
                raise ValueError(f"an anchor run as long on both sides is needed: {row}")
            sides_a += single[a0 : a1 + 1]
            sides_b += single[b0 : b1 + 1]
        else:
            sides_a.append(row.a)
            sides_b.append(row.b)
    return sides_a, sides_b


def row_length(row: Match) -> int:
    """How many rows ``row`` is once ``expanded``: a paragraph each for an ``AnchorRun``, else 1."""
    return row.a[1] - row.a[0] + 1 if type(row) is AnchorRun else 1


def _singles(paragraphs: int) -> list[tuple[int]]:
    """``(i,)`` for each paragraph index, made once (in C) and shared by the rows of both
    sides: line i of A and line i of B are mostly both equal lines, and a source
    pair kept a tuple and its int per line twice over.
    """
    return list(zip(range(paragraphs)))


_a_of, _b_of, _kind_of = attrgetter("a"), attrgetter("b"), attrgetter("kind")
_score_of = attrgetter("score")
_new_tuple = tuple.__new__
