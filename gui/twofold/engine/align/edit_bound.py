# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs two sequences share, found in near-linear time: patience diff's anchors, grown.

Why: Myers' diff takes time that grows with the square of the changes it finds
(diff-match-patch runs into its timeout on a few tens of thousands of changed keys,
and spends most of a big file's alignment on a few thousand). The items that
occur once on each side, their longest chain in the same order on both sides,
each grown both ways while the neighbours agree, are runs any reader would keep:
the aligner diffs only what lies between them (``key_diff``), and the number of
items outside them bounds the minimal diff from above (any common subsequence
does), which tells it where Myers could not be quick at all.

Why the work is done in runs: a big file is mostly long stretches of unique
lines in the same order. The chain is built a run of consecutive pairs at a
time (patience sorting places a run of consecutive values on consecutive piles),
so the Python steps count the changes, not the lines; the lines themselves are
read only by C calls (dicts, ``map``, list slices).

Constraints: pure, no I/O, no Qt; items are any hashable values.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import itemgetter, le, ne, sub

from twofold.engine.inline.shared_ends import common_prefix, common_suffix

__all__ = ["CommonRuns", "changes_at_most", "common_runs"]

#: ``(a_start, b_start, length)``: ``a[a_start:a_start+length] == b[b_start:...]``
Run = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class CommonRuns:
    """Equal runs of two sequences, increasing on both sides, and what they leave out."""

    #: the runs in order, the common prefix and suffix included (when not empty)
    runs: list[Run]
    #: items of both sides outside the runs: at least as many as a minimal diff changes
    changes: int


def changes_at_most(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    """At least as many items as a minimal diff of ``a`` and ``b`` deletes and inserts."""
    return common_runs(a, b).changes


def common_runs(a: Sequence[Hashable], b: Sequence[Hashable]) -> CommonRuns:
    """The common prefix and suffix, and between them the unique items' chain, grown."""
    prefix = common_prefix(a, b)
    suffix = common_suffix(a, b, min(len(a), len(b)) - prefix)
    mid_a, mid_b = a[prefix : len(a) - suffix], b[prefix : len(b) - suffix]
    runs: list[Run] = [(0, 0, prefix)] if prefix else []
    matched = 0
    for i, j, n in _grown(mid_a, mid_b, _chain_runs(*_unique_runs(mid_a, mid_b))):
        runs.append((prefix + i, prefix + j, n))
        matched += n
    if suffix:
        runs.append((len(a) - suffix, len(b) - suffix, suffix))
    return CommonRuns(runs, len(mid_a) + len(mid_b) - 2 * matched)


#: Where an item of ``a`` has no partner: two below any index, so that no step
#: to or from it is the step of one that continues a run.
_NONE = -2


def _unique_runs(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[list[Run], list[int]]:
    """The runs of items once in each side that are consecutive on both, by ``i``.

    Returns:
        the runs, and where each item of ``a`` stands in ``b`` (``_NONE``: nowhere
        once, or twice in ``a``).
    """
    where_b = dict(zip(b, count()))
    if len(where_b) == len(b):  # every item of b once (prose): only a's repeats to drop
        found = list(map(where_b.get, a, repeat(_NONE)))
        runs = _runs_of(found)
        if _apart(runs):  # no item of b found twice in a
            return runs, found
    counts_a, counts_b = Counter(a), Counter(b)
    for item in [x for x in where_b if counts_b[x] > 1 or counts_a[x] > 1]:
        del where_b[item]
    found = list(map(where_b.get, a, repeat(_NONE)))
    return _runs_of(found), found


def _runs_of(found: list[int]) -> list[Run]:
    """The runs ``(i, found[i], length)`` over which ``found`` steps by one."""
    if not found:
        return []
    # A run goes on while the step is one: never to, from or between _NONEs.
    starts = [0, *compress(range(1, len(found)), map(ne, map(sub, found[1:], found), repeat(1)))]
    firsts = list(map(found.__getitem__, starts))
    lengths = map(sub, [*starts[1:], len(found)], starts)
    return list(compress(zip(starts, firsts, lengths, strict=True), map(ne, firsts, repeat(_NONE))))


def _apart(runs: list[Run]) -> bool:
    """Whether no two runs share a ``j``: no item of ``b`` found twice in ``a``."""
    by_j = sorted(runs, key=itemgetter(1))
    return all(map(le, [j + n for _i, j, n in by_j], [j for _i, j, _n in by_j[1:]]))


def _chain_runs(runs: list[Run], found: list[int]) -> list[Run]:
    """The longest chain of pairs whose ``j`` increases, as runs ``(i, j, length)``.

    Patience sorting as ``anchors.increasing_chain`` does it, pair by pair,
    gives this very chain: a run of pairs consecutive on both sides lands on
    consecutive piles, so it is placed with one bisection and one slice write
    (of the ``j`` in ``found``: no new numbers). A pile's last ``j`` names its
    pair, a ``j`` being in one pair only.
    """
    if not runs:
        return []
    tails: list[int] = []  # the smallest last j of a chain of each length
    before_first: list[int] = []  # per run: the j before its first one in its chain
    for i, j, n in runs:
        pile = bisect_left(tails, j)
        before_first.append(tails[pile - 1] if pile else -1)
        tails[pile : pile + n] = found[i : i + n]
    by_j = sorted(range(len(runs)), key=[j for _i, j, _n in runs].__getitem__)
    firsts = [runs[r][1] for r in by_j]
    chain: list[Run] = []
    last = tails[-1]
    while last >= 0:
        run = by_j[bisect_right(firsts, last) - 1]
        i, j, _n = runs[run]
        chain.append((i, j, last - j + 1))
        last = before_first[run]
    chain.reverse()
    return chain


def _grown(a: Sequence[Hashable], b: Sequence[Hashable], chain: list[Run]) -> list[Run]:
    """Each run of the chain grown both ways while the items agree, without overlapping."""
    out: list[Run] = []
    i_done = j_done = 0  # where the last grown run ended
    for i, j, n in chain:
        if i < i_done:  # inside the run grown before, on its diagonal (its items are unique)
            continue
        start = i
        while (
            start > i_done and j - (i - start) > j_done and a[start - 1] == b[j - (i - start) - 1]
        ):
            start -= 1
        stop_a, stop_b = i + n, j + n
        while stop_a < len(a) and stop_b < len(b) and a[stop_a] == b[stop_b]:
            stop_a, stop_b = stop_a + 1, stop_b + 1
        out.append((start, j - (i - start), stop_a - start))
        i_done, j_done = stop_a, stop_b
    return out
