# SPDX-License-Identifier: GPL-3.0-or-later
"""How much two sequences share at their start and end, measured in C.

Why: most changed pairs of a big file differ in a sentence or two, and most
keys of a big file are equal; the Python work of a diff should count what
differs, not what stays. Slices are compared whole (one ``memcmp`` or one list
comparison): a window that grows fourfold while the sides agree, then a binary
search inside the window where they stopped, so finding ``n`` shared items reads
a few times ``n`` of them in a few C calls, whatever the length of the sequences.

Two texts (``common_text_ends``) are compared as numbers instead: the bytes
of each, read as one integer, XORed, so the highest (or lowest) differing bit
gives the first (or last) differing character in a few C calls.

Constraints: pure; works on any sliceable sequence (``str``, ``list``).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

__all__ = ["common_prefix", "common_suffix", "common_text_ends"]

#: Items the first comparison reads, and how many times longer each next one is.
_FIRST = 16
_GROWTH = 4


def common_prefix(a: Sequence[Hashable], b: Sequence[Hashable]) -> int:
    """How many items ``a`` and ``b`` share at their start."""
    return _shared(a, b, min(len(a), len(b)), from_end=False)


def common_suffix(a: Sequence[Hashable], b: Sequence[Hashable], limit: int) -> int:
    """How many items ``a`` and ``b`` share at their end, at most ``limit``."""
    return _shared(a, b, min(limit, len(a), len(b)), from_end=True)


def common_text_ends(a: str, b: str) -> tuple[int, int]:
    """Characters ``a`` and ``b`` share at their start, and at their end, each at most the shorter.

    The two may overlap (``"aa"`` and ``"aaa"`` share two at each end).
    """
    if a.isascii() and b.isascii():
        width, bytes_a, bytes_b = 8, a.encode("ascii"), b.encode("ascii")
    else:  # four bytes a character, lone surrogates (undecodable bytes) included
        width = 32
        bytes_a, bytes_b = (text.encode("utf-32-be", "surrogatepass") for text in (a, b))
    # Read big-endian, the texts' ends line up at the lowest bit: the lowest bit
    # of the XOR that is set is in the last character that differs.
    number_a, number_b = int.from_bytes(bytes_a, "big"), int.from_bytes(bytes_b, "big")
    differ = number_a ^ number_b
    shorter = min(len(a), len(b))
    end = min(shorter, ((differ & -differ).bit_length() - 1) // width) if differ else shorter
    # With the longer text's extra characters shifted out, the starts line up.
    extra = (len(a) - len(b)) * width
    if extra > 0:
        number_a >>= extra
    else:
        number_b >>= -extra
    return shorter - ((number_a ^ number_b).bit_length() + width - 1) // width, end


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
