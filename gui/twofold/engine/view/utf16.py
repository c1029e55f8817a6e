# SPDX-License-Identifier: GPL-3.0-or-later
"""Code-point offsets to UTF-16 positions, for a view that counts like Qt.

Python offsets count code points; ``QTextDocument`` counts UTF-16 code units,
so every character outside the BMP (emoji, some CJK) shifts Qt positions by
one. ``Utf16Map`` converts, at no cost for the usual all-BMP text. No Qt here:
the worker builds the maps of both documents (``view_geometry.prepare``), so
the UI thread never scans a 10 MB text for them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts code-point offsets of one text into UTF-16 positions."""

    __slots__ = ("_astral",)

    def __init__(self, text: str) -> None:
        # The regex scan is slow on big texts; these C checks settle most texts far sooner.
        bmp = text.isascii() or len(text.encode("utf-16-le")) == 2 * len(text)
        self._astral = [] if bmp else [m.start() for m in _ASTRAL.finditer(text)]

    def __call__(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    @property
    def astral(self) -> bool:
        """Whether the text has characters outside the BMP (two UTF-16 units each)."""
        return bool(self._astral)

    def offset_of(self, position: int) -> int:
        """The code-point offset at UTF-16 ``position`` (this map undone)."""
        astral = self._astral
        if not astral:
            return position
        # The j-th astral character starts at UTF-16 position astral[j] + j and takes two.
        before = bisect_right(range(len(astral)), position - 2, key=lambda j: astral[j] + j)
        return position - before
