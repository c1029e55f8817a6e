# SPDX-License-Identifier: GPL-3.0-or-later
"""The last few values computed from given objects, found by identity, not equality.

The worker computes what the view will need (block tables, sync geometry,
highlight ranges, UTF-16 maps) and the UI thread asks again with the very same
objects. Comparing a 10 MB text or 50,000 pairs by value would cost what the
cache saves, so keys match with ``is``. Lookups copy the list and appends are
single list operations, so the two threads need no lock.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


class IdentityCache(Generic[V]):
    """Keeps the values of the last ``size`` keys (tuples of objects)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: list[tuple[tuple[object, ...], V]] = []

    def get(self, key: tuple[object, ...], compute: Callable[[], V]) -> V:
        """The value cached for these very objects, or ``compute()``'s, then kept."""
        for cached, value in list(self._entries):
            if len(cached) == len(key) and all(a is b for a, b in zip(cached, key, strict=True)):
                return value
        value = compute()
        self._entries.append((key, value))
        del self._entries[: -self._size]
        return value

    def clear(self) -> None:
        """Forget every value (and let go of the keys' objects)."""
        self._entries = []
