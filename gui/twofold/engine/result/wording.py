# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts in words: ``1 word``, ``2 words``, for every summary a person reads.

One place, so that ``--stat``, the HTML report and the status bar never say
"1 words" again. English only; the JSON carries bare numbers.
"""

from __future__ import annotations


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` followed by the noun in the number it takes: ``1 change``, ``0 changes``.

    Args:
        count: how many.
        singular: the noun for one.
        plural: the noun for any other count; ``singular + "s"`` when not given.
    """
    noun = singular if count == 1 else (plural or f"{singular}s")
    return f"{count} {noun}"
