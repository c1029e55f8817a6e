# SPDX-License-Identifier: GPL-3.0-or-later
"""How much two sequences share at their start and end, measured in C.

Why: most changed pairs of a big file differ in a sentence or two, and most
keys of a big file are equal; the Python work of a diff should count what
differs, not what stays. Slices are compared whole (one ``memcmp`` or one list
comparison): a window that grows fourfold while the sides agree, then a binary
search inside the window where they stopped, so finding ``n`` shared items reads
a few times ``n`` of them in a few C calls, whatever the length of the sequences.

Constraints: pure; works on any sliceable sequence (``str``, ``list``).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

__all__ = ["common_prefix", "common_suffix"]

#: Items the first comparison reads, and how many times longer each next one is.
_FIRST = 16
_GROWTH = 4


def common_prefix(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    """How many items ``a`` and ``b`` share at their start."""
    return _shared(a, b, min(len(a), len(b)), from_end=False)


def common_suffix(a: Sequence[Hashable], b: Sequence[Hashable], limit: int) -> int:
    """How many items ``a`` and ``b`` share at their end, at most ``limit``."""
    return _shared(a, b, min(limit, len(a), len(b)), from_end=True)


def _shared(a: Sequence[Hashable], b: Sequence[Hashable], limit: int, *, from_end: bool) -> int:
    # The window starts at _FIRST items and grows _GROWTH-fold: a changed pair shares
    # hundreds of characters at each end, and each comparison is a Python step.
    la, lb = len(a), len(b)
    low, step = 0, _FIRST  # the first ``low`` items agree
    if from_end:
        while (
            low + step <= limit and a[la - low - step : la - low] == b[lb - step - low : lb - low]
        ):
            low, step = low + step, step * _GROWTH
    else:
        while low + step <= limit and a[low : low + step] == b[low : low + step]:
            low, step = low + step, step * _GROWTH
    high = min(limit, low + step - 1)  # the item at ``high`` (from the end) may differ
    while low < high:
        middle = (low + high + 1) // 2
        if from_end:
            agree = a[la - middle : la - low] == b[lb - middle : lb - low]
        else:
            agree = a[low:middle] == b[low:middle]
        if agree:
            low = middle
        else:
            high = middle - 1
    return low
