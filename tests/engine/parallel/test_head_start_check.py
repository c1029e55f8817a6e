# SPDX-License-Identifier: GPL-3.0-or-later
"""Whether a head start is worth it: the quick check against B's first paragraphs first."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.parallel.head_start import _enough_changed, _sent
from twofold.engine.result.spans import Segments, Span


def _changed_chars_whole(
    segs_a: Sequence[Span], keys_a: Sequence[str], keys_b: Sequence[str], limit: int
) -> int:
    """The check as it was: every sent paragraph of A against a set of all of B's keys."""
    in_b = set(keys_b)
    total = changed = 0
    for (start, end), key in zip(((s.start, s.end) for s in segs_a), keys_a, strict=False):
        total += end - start
        if total > limit:
            break
        if key not in in_b:
            changed += end - start
    return changed


def _spans(sizes: list[int]) -> list[Span]:
    spans, at = [], 0
    for size in sizes:
        spans.append(Span(at, at + size))
        at += size + 2
    return spans


#: Few keys, so that paragraphs repeat; B has more, so that some of A's stand far in B.
KEY = st.sampled_from("abcdefghijkl")


@given(
    st.lists(st.integers(0, 9), max_size=8),
    st.lists(KEY, max_size=8),
    st.lists(KEY, max_size=40),
    st.integers(0, 60),
    st.integers(0, 12),
    st.booleans(),
)
def test_the_same_decision_as_the_whole_check(
    sizes: list[int], keys_a: list[str], keys_b: list[str], limit: int, enough: int, packed: bool
) -> None:
    spans = _spans(sizes)
    keys_a = (keys_a + ["z"] * len(sizes))[: len(sizes)]
    segs = Segments.of(spans) if packed else spans
    expected = _changed_chars_whole(spans, keys_a, keys_b, limit) >= enough
    assert _enough_changed(segs, keys_a, keys_b, limit, enough) is expected


@given(st.lists(st.integers(0, 9), max_size=30), st.integers(0, 120), st.booleans())
def test_sent_is_the_first_paragraphs_within_the_limit(
    sizes: list[int], limit: int, packed: bool
) -> None:
    spans = _spans(sizes)
    segs = Segments.of(spans) if packed else spans
    count = 0
    while count < len(sizes) and sum(sizes[: count + 1]) <= limit:
        count += 1
    assert tuple(_sent(segs, limit)) == tuple(spans[:count])
