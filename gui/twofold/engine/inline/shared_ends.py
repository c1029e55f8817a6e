# SPDX-License-Identifier: GPL-3.0-or-later
"""How much two sequences share at their start and end, measured in C.

Why: most changed pairs of a big file differ in a sentence or two, and most
keys of a big file are equal; the Python work of a diff should count what
differs, not what stays. Slices are compared whole (one ``memcmp`` or one list
comparison) in a binary search that only ever compares the part not yet known
equal, so finding a shared stretch costs a few C calls, not one Python step an
item.

Constraints: pure; works on any sliceable sequence (``str``, ``list``).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

__all__ = ["common_prefix", "common_suffix"]


def common_prefix(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    """How many items ``a`` and ``b`` share at their start."""
    if a[:1] != b[:1]:  # the common case of keys that differ at once: one comparison
        return 0
    low, high = 0, min(len(a), len(b))  # a[:low] == b[:low]; a[:high + 1] != b[:high + 1]
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def common_suffix(a: Sequence[Hashable], b: Sequence[Hashable], limit: int) -> int:
    """How many items ``a`` and ``b`` share at their end, at most ``limit``."""
    low, high = 0, min(limit, len(a), len(b))
    end_a, end_b = len(a), len(b)
    while low < high:
        middle = (low + high + 1) // 2
        if a[end_a - middle : end_a - low] == b[end_b - middle : end_b - low]:
            low = middle
        else:
            high = middle - 1
    return low
