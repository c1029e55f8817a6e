# SPDX-License-Identifier: GPL-3.0-or-later
"""Cut points of huge pairs: increasing on both sides, at runs both sides share."""

from __future__ import annotations

import random
import re
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.inline import anchors
from twofold.engine.inline.anchors import anchor_cuts, increasing_chain
from twofold.engine.tuning import DEFAULT_COMPARE_TUNING, CompareTuning


def _longest_increasing(seconds: list[int]) -> int:
    """The textbook O(n²) answer, to check the patience version against."""
    best = [1] * len(seconds)
    for i, value in enumerate(seconds):
        for j in range(i):
            if seconds[j] < value:
                best[i] = max(best[i], best[j] + 1)
    return max(best, default=0)


@given(st.lists(st.integers(0, 40), max_size=40, unique=True))
def test_the_chain_is_a_longest_increasing_run(seconds: list[int]) -> None:
    pairs = list(enumerate(seconds))
    chain = increasing_chain(pairs)
    assert len(chain) == _longest_increasing(seconds)
    assert all(pair in pairs for pair in chain)
    assert all(x[0] < y[0] and x[1] < y[1] for x, y in pairwise(chain))


def _reworded(rng: random.Random, words: list[str], rate: float) -> list[str]:
    out = []
    for word in words:
        roll = rng.random()
        if roll < rate / 3:
            continue  # deleted
        if roll < 2 * rate / 3:
            out.append(f"new{rng.randrange(10**6)}")  # replaced
        else:
            out.append(word)
        if rng.random() < rate / 3:
            out.append(f"added{rng.randrange(10**6)}")  # inserted
    return out


def test_cuts_increase_and_sit_at_runs_both_sides_share() -> None:
    rng = random.Random(7)
    words = [f"w{rng.randrange(3000)}" for _ in range(20_000)]
    codes: dict[str, str] = {}

    def encode(tokens: list[str]) -> str:
        return "".join(codes.setdefault(t, chr(len(codes) + 1)) for t in tokens)

    enc_a, enc_b = encode(words), encode(_reworded(rng, words, 0.15))
    cuts = anchor_cuts(enc_a, enc_b, CompareTuning(anchor_spacing_tokens=200))
    assert len(cuts) > 20_000 // 400  # a cut every few hundred words, though 15 % changed
    assert all(x[0] < y[0] and x[1] < y[1] for x, y in pairwise(cuts))
    shortest = min(DEFAULT_COMPARE_TUNING.anchor_run_tokens)
    for at_a, at_b in cuts:
        assert enc_a[at_a : at_a + shortest] == enc_b[at_b : at_b + shortest]
    assert all(max(y[0] - x[0], y[1] - x[1]) >= 200 for x, y in pairwise(cuts))


def test_sides_with_nothing_in_common_get_no_cuts() -> None:
    close = CompareTuning(anchor_spacing_tokens=5)
    assert anchor_cuts("abcdefghij" * 10, "klmnopqrst" * 10, close) == []
    assert anchor_cuts("", "", close) == []


def test_only_the_rarer_tokens_start_a_run() -> None:
    # a common token ("a") would make almost every position a candidate
    encoded = "a" * 90 + "xyz" * 3 + "q"
    chosen = anchors.rare_codes(encoded, budget=len(encoded) // 10)
    assert "a" not in chosen
    assert set(chosen) <= {"x", "y", "z", "q"}


def _unique_runs_by_string(encoded: str, starts: str, length: int) -> dict[str, int]:
    """The runs that occur once at a sampled start, keyed by the run itself (the plain way)."""
    seen: dict[str, int] = {}
    repeated: set[str] = set()
    for at in range(len(encoded) - length + 1):
        if encoded[at] in starts:
            run = encoded[at : at + length]
            if run in seen:
                repeated.add(run)
            seen.setdefault(run, at)
    return {run: at for run, at in seen.items() if run not in repeated}


@given(st.text("abcd", max_size=80), st.text("abcd", max_size=80), st.integers(1, 5))
def test_runs_keyed_by_hash_are_the_runs_keyed_by_themselves(
    encoded_a: str, encoded_b: str, length: int
) -> None:
    """Hashes save the run strings' memory; the unique runs and what B shares stay the same."""
    starts = re.compile("[ab]")
    by_hash = anchors.unique_runs(encoded_a, starts, length)
    plain = _unique_runs_by_string(encoded_a, "ab", length)
    assert by_hash == {hash(run): at for run, at in plain.items()}
    shared_b = anchors.unique_runs(encoded_b, starts, length, among=by_hash)
    plain_b = _unique_runs_by_string(encoded_b, "ab", length)
    assert shared_b == {hash(run): at for run, at in plain_b.items() if run in plain}
