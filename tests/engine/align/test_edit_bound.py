# SPDX-License-Identifier: GPL-3.0-or-later
"""The bound the aligner asks before letting Myers run: never below the minimal diff."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from twofold.engine.align.edit_bound import changes_at_most


def _minimal_changes(a: list[str], b: list[str]) -> int:
    """Deletions plus insertions of a minimal diff: the sizes less twice the LCS."""
    lcs = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            lcs[i + 1][j + 1] = lcs[i][j] + 1 if x == y else max(lcs[i][j + 1], lcs[i + 1][j])
    return len(a) + len(b) - 2 * lcs[-1][-1]


sides = st.lists(st.sampled_from([*"abcdefghij", "x1", "x2"]), max_size=30)


@settings(max_examples=400)
@given(a=sides, b=sides)
def test_never_below_the_minimal_diff(a: list[str], b: list[str]) -> None:
    assert changes_at_most(a, b) >= _minimal_changes(a, b)
    assert changes_at_most(a, b) <= len(a) + len(b)


def test_exact_on_unique_lines_with_a_few_changes() -> None:
    a = [f"paragraph {n}" for n in range(1000)]
    b = [*a[:100], "new", *a[100:500], *a[501:900], "moved", *a[900:]]
    assert changes_at_most(a, b) == 3
    assert changes_at_most(a, a) == 0


def test_repeated_lines_around_the_unique_ones_count_as_kept() -> None:
    a = ["}", "", "def f():", "}", "", "def g():", "}", ""] * 50
    b = [*a[:200], "def h():", *a[200:]]
    assert changes_at_most(a, b) == 1
