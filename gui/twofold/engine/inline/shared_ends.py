# SPDX-License-Identifier: GPL-3.0-or-later
"""How much two sequences share at their start and end, measured in C.

Why: most changed pairs of a big file differ in a sentence or two, and most
keys of a big file are equal; the Python work of a diff should count what
differs, not what stays. Slices are compared whole (one ``memcmp`` or one list
comparison): a window that doubles while the sides agree, then a binary search
inside the window where they stopped, so finding ``n`` shared items reads about
``2n`` of them in a few C calls, whatever the length of the sequences.

Constraints: pure; works on any sliceable sequence (``str``, ``list``).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

__all__ = ["common_prefix", "common_suffix"]


def common_prefix(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    """How many items ``a`` and ``b`` share at their start."""
    return _shared(a, b, min(len(a), len(b)), from_end=False)


def common_suffix(a: Sequence[Hashable], b: Sequence[Hashable], limit: int) -> int:
    """How many items ``a`` and ``b`` share at their end, at most ``limit``."""
    return _shared(a, b, min(limit, len(a), len(b)), from_end=True)


def _shared(a: Sequence[Hashable], b: Sequence[Hashable], limit: int, *, from_end: bool) -> int:
    def agree(low: int, high: int) -> bool:  # items low..high from the chosen end
        if from_end:
            return a[len(a) - high : len(a) - low] == b[len(b) - high : len(b) - low]
        return a[low:high] == b[low:high]

    low, step = 0, 1  # the first ``low`` items agree
    while low + step <= limit and agree(low, low + step):
        low, step = low + step, step * 2
    high = min(limit, low + step - 1)  # the item at ``high`` (from the end) may differ
    while low < high:
        middle = (low + high + 1) // 2
        if agree(low, middle):
            low = middle
        else:
            high = middle - 1
    return low
