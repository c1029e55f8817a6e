# SPDX-License-Identifier: GPL-3.0-or-later
"""A quick upper bound on how many items a minimal diff of two sequences changes.

Why: Myers' diff takes time that grows with the square of the changes it finds
(diff-match-patch runs into its timeout on a few tens of thousands of changed keys).
The aligner asks this bound first, and only lets Myers run where it is sure to
be quick. The bound comes from a common subsequence found in near-linear time,
patience diff's: the items that occur once on each side, their longest chain in
the same order on both sides, each grown both ways while the neighbours agree.
Any common subsequence bounds the minimal diff from above; on real pairs this
one is close to it, and several times quicker to find than the histogram diff.

Constraints: pure, no I/O, no Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence

from twofold.engine.inline.anchors import increasing_chain

__all__ = ["changes_at_most"]


def changes_at_most(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    """At least as many items as a minimal diff of ``a`` and ``b`` deletes and inserts."""
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(a), len(b)) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    a, b = a[prefix : len(a) - suffix], b[prefix : len(b) - suffix]
    matched = 0
    i_done = j_done = 0  # where the last grown match ended
    for i, j in _unique_chain(a, b):
        if i < i_done:  # inside the match grown from the anchor before
            continue
        start = i
        while (
            start > i_done and j - (i - start) > j_done and a[start - 1] == b[j - (i - start) - 1]
        ):
            start -= 1
        stop_a, stop_b = i + 1, j + 1
        while stop_a < len(a) and stop_b < len(b) and a[stop_a] == b[stop_b]:
            stop_a, stop_b = stop_a + 1, stop_b + 1
        matched += stop_a - start
        i_done, j_done = stop_a, stop_b
    return len(a) + len(b) - 2 * matched


def _unique_chain(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int]]:
    """Positions ``(i, j)`` of items once in each side, the longest chain in order on both."""
    count_a, count_b = Counter(a), Counter(b)
    where_b = {item: j for j, item in enumerate(b) if count_b[item] == 1}
    pairs = [(i, where_b[x]) for i, x in enumerate(a) if count_a[x] == 1 and x in where_b]
    return increasing_chain(pairs)
