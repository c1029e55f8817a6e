# SPDX-License-Identifier: GPL-3.0-or-later
"""A comparison's statistics: pairs counted by kind (the enum), words and characters; no Qt."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from unittest.mock import patch

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.export.export_json import to_json
from twofold.engine.pipeline import compare, refine
from twofold.engine.result import stats
from twofold.engine.result.kinds import PairKind
from twofold.engine.result.model import CompareOptions, Document, Stats

A = "one\n\ntwo\n\nthree\n\nfour\n"
B = "one\n\ntwo, edited\n\nfour\n\nfive\n"


def test_pairs_are_counted_by_their_kind() -> None:
    result = compare(Document("a.txt", A), Document("b.txt", B))
    counts = result.stats.pairs_by_kind
    assert counts == Counter(pair.kind for pair in result.pairs)
    assert all(isinstance(kind, PairKind) for kind in counts)
    assert result.stats.changes == sum(n for k, n in counts.items() if k is not PairKind.EQUAL)


def test_a_kind_named_by_a_string_is_refused() -> None:
    with pytest.raises(TypeError, match="PairKind"):
        Stats(pairs_by_kind={"changed": 1})  # type: ignore[dict-item]


def test_the_json_names_the_kinds_by_their_values_in_order_of_first_pair() -> None:
    result = compare(Document("a.txt", A), Document("b.txt", B))
    data = json.loads(to_json(result))
    first_seen = list(dict.fromkeys(pair.kind.value for pair in result.pairs))
    assert list(data["stats"]["pairs_by_kind"]) == first_seen
    assert data["stats"]["pairs_by_kind"] == {
        kind.value: n for kind, n in result.stats.pairs_by_kind.items()
    }


SPACED = CompareOptions(ignore_whitespace=True)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hello world.\n", "Hello world .\n"),  # the only change: no changed pair left
        ("Intro.\n\nHello world.\n", "Intro.\n\nHello world .\n"),
        ("Hello world.\n\nGone.\n", "Hello world .\n\nNew here.\n"),  # equal comes first now
        ("Hello world.\n\nOne two.\n", "Hello world .\n\nOne three.\n"),
    ],
)
def test_a_pair_that_changes_only_ignored_spaces_counts_as_equal_once_refined(
    a: str, b: str
) -> None:
    coarse = compare(Document("a.txt", a), Document("b.txt", b), SPACED, inline=False)
    assert PairKind.CHANGED in coarse.stats.pairs_by_kind
    refined = refine(coarse)
    assert refined.stats == compare(Document("a.txt", a), Document("b.txt", b), SPACED).stats
    kinds = [pair.kind for pair in refined.pairs]
    assert list(refined.stats.pairs_by_kind.items()) == list(Counter(kinds).items())


def test_refining_a_result_with_some_edits_counts_those_too() -> None:
    """A result refined in part (a pair on screen first) counts every pair's edits."""
    a, b = Document("a.txt", A + "\nsix words in a row here\n"), Document("b.txt", B)
    direct = compare(a, b)
    coarse = compare(a, b, inline=False)
    n = next(n for n, pair in enumerate(direct.pairs) if pair.edits)
    partly = replace(coarse, pairs=(*coarse.pairs[:n], direct.pairs[n], *coarse.pairs[n + 1 :]))
    assert refine(partly).stats == direct.stats
    spans = replace(
        partly, a_segments=tuple(partly.a_segments), b_segments=tuple(partly.b_segments)
    )
    assert refine(spans).stats == direct.stats, "segments as a tuple of spans count alike"


#: ASCII of every kind, and word characters beyond it (accented, digits, CJK, astral)
_BEYOND = ["\xe9", "\xb2", "\u0663", "\u4e2d", "\U0001d7d8", "\xa0"]
_WORDY = st.text(alphabet=st.sampled_from([*map(chr, range(128)), *_BEYOND]))


@given(st.lists(_WORDY, max_size=8), st.integers(1, 12))
def test_words_are_counted_as_the_regex_finds_them(texts: list[str], batch: int) -> None:
    """ASCII texts are counted apart, without the regex; small batches reach every path."""
    with patch.object(stats, "_BATCH", batch):
        counted = stats._count_words(texts)
    assert counted == sum(len(re.findall(r"\w+", text)) for text in texts)


@given(st.text(alphabet=st.sampled_from(list(map(chr, range(128))))), st.integers(1, 5))
def test_an_ascii_texts_words_are_counted_across_its_pieces(text: str, piece: int) -> None:
    assert stats._ascii_words(text, piece) == len(re.findall(r"\w+", text))


@given(st.lists(st.sampled_from(list(PairKind)), max_size=20))
def test_kinds_counted_from_the_unequal_pairs_as_a_counter_of_all(kinds: list[PairKind]) -> None:
    at = [n for n, kind in enumerate(kinds) if kind is not PairKind.EQUAL]
    counted = stats._kinds_counted(len(kinds), at, [kinds[n] for n in at])
    assert list(counted.items()) == list(Counter(kinds).items())  # the same order too
