# SPDX-License-Identifier: GPL-3.0-or-later
"""The runs both sides share, and the bound on the minimal diff they give."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from twofold.engine.align.edit_bound import changes_at_most, common_runs
from twofold.engine.inline.anchors import increasing_chain
from twofold.engine.inline.shared_ends import common_prefix, common_suffix, common_text_ends


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


def _patience_runs(a: list[str], b: list[str]) -> list[tuple[int, int, int]]:
    """The runs as first written, a pair at a time: the oracle for ``common_runs``."""
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(a), len(b)) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    mid_a, mid_b = a[prefix : len(a) - suffix], b[prefix : len(b) - suffix]
    count_a, count_b = Counter(mid_a), Counter(mid_b)
    where_b = {x: j for j, x in enumerate(mid_b) if count_b[x] == 1}
    pairs = [(i, where_b[x]) for i, x in enumerate(mid_a) if count_a[x] == 1 and x in where_b]
    runs = [(0, 0, prefix)] if prefix else []
    i_done = j_done = 0
    for i, j in increasing_chain(pairs):
        if i < i_done:
            continue
        start = i
        while start > i_done and j - (i - start) > j_done:
            if mid_a[start - 1] != mid_b[j - (i - start) - 1]:
                break
            start -= 1
        stop_a, stop_b = i + 1, j + 1
        while stop_a < len(mid_a) and stop_b < len(mid_b) and mid_a[stop_a] == mid_b[stop_b]:
            stop_a, stop_b = stop_a + 1, stop_b + 1
        runs.append((prefix + start, prefix + j - (i - start), stop_a - start))
        i_done, j_done = stop_a, stop_b
    if suffix:
        runs.append((len(a) - suffix, len(b) - suffix, suffix))
    return runs


_edited = st.lists(st.sampled_from([*"abcdefghij", "x1", "x2"]), max_size=30).flatmap(
    lambda a: st.tuples(
        st.just(a),
        st.one_of(st.permutations(a), sides, st.lists(st.sampled_from(a or ["a"]), max_size=30)),
    )
)


@settings(max_examples=400)
@given(pair=_edited)
def test_runs_are_the_pair_at_a_time_patience_runs(pair: tuple[list[str], list[str]]) -> None:
    """Placed a run at a time, the chain is the one patience sorting gives pair by pair."""
    a, b = pair
    found = common_runs(a, b)
    assert found.runs == _patience_runs(a, b)
    assert found.changes == len(a) + len(b) - 2 * sum(n for _i, _j, n in found.runs)


def test_runs_of_a_big_file_with_moves_and_repeats() -> None:
    a = [f"paragraph {n}" for n in range(5000)] + ["}", ""] * 300
    b = [*a[:1000], *a[2000:2100], *a[1000:2000], "new", *a[2100:4000], "}", *a[4000:]]
    b[3000] = "edited"
    assert common_runs(a, b).runs == _patience_runs(a, b)


@given(st.text("ab", max_size=40), st.text("ab", max_size=40), st.integers(0, 50))
def test_shared_ends_are_the_longest(a: str, b: str, limit: int) -> None:
    prefix = common_prefix(a, b)
    assert a[:prefix] == b[:prefix]
    assert prefix == min(len(a), len(b)) or a[prefix] != b[prefix]
    suffix = common_suffix(a, b, limit)
    assert suffix <= limit
    assert a[len(a) - suffix :] == b[len(b) - suffix :]
    assert suffix == min(limit, len(a), len(b)) or a[-1 - suffix] != b[-1 - suffix]


@given(
    st.text("ab", max_size=400),
    st.text("ab", max_size=30),
    st.text("ab", max_size=30),
    st.booleans(),
)
def test_long_shared_ends_are_found_whole(
    shared: str, rest_a: str, rest_b: str, as_list: bool
) -> None:
    """Ends hundreds of items long, past the first windows of the search, in text or lists."""
    a: str | list[str] = shared + rest_a + shared
    b: str | list[str] = shared + rest_b + shared
    if as_list:
        a, b = list(a), list(b)
    shorter = min(len(a), len(b))
    assert common_prefix(a, b) == next((n for n in range(shorter) if a[n] != b[n]), shorter)
    from_end = next((n for n in range(shorter) if a[-1 - n] != b[-1 - n]), shorter)
    assert common_suffix(a, b, len(a) + len(b)) == from_end


@given(
    st.text("ab\u00e9\U0001f600\ud800", max_size=40),
    st.text("ab\u00e9\U0001f600\ud800", max_size=40),
)
def test_shared_text_ends_are_those_of_the_sequences(a: str, b: str) -> None:
    shorter = min(len(a), len(b))
    assert common_text_ends(a, b) == (common_prefix(a, b), common_suffix(a, b, shorter))
