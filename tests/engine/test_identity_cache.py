# SPDX-License-Identifier: GPL-3.0-or-later
"""The view's caches match keys by identity and keep only the last few."""

from __future__ import annotations

from twofold.engine.identity_cache import IdentityCache


def test_equal_but_distinct_keys_are_computed_again() -> None:
    cache: IdentityCache[int] = IdentityCache(2)
    calls: list[str] = []
    text = "".join(["a", "b"])  # built at run time: not the interned literal

    def compute() -> int:
        calls.append("computed")
        return len(calls)

    assert cache.get((text,), compute) == 1
    assert cache.get((text,), compute) == 1, "the same object finds its value"
    assert cache.get(("".join(["a", "b"]),), compute) == 2, "an equal copy is another key"
    assert calls == ["computed", "computed"]


def test_only_the_last_few_are_kept() -> None:
    cache: IdentityCache[int] = IdentityCache(2)
    keys = [object() for _ in range(3)]
    for n, key in enumerate(keys):
        cache.get((key,), lambda n=n: n)  # type: ignore[misc]
    assert cache.get((keys[0],), lambda: -1) == -1, "the oldest was dropped"
    assert cache.get((keys[2],), lambda: -1) == 2
    assert cache.get((keys[1], keys[2]), lambda: 7) == 7, "keys of other lengths never match"


def test_clear_forgets_every_value() -> None:
    cache: IdentityCache[int] = IdentityCache(2)
    key = object()
    cache.get((key,), lambda: 1)
    cache.clear()
    assert cache.get((key,), lambda: 2) == 2
