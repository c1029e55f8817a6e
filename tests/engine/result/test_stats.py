# SPDX-License-Identifier: GPL-3.0-or-later
"""A comparison's statistics: pairs counted by kind (the enum), words and characters; no Qt."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from twofold.engine.export.export_json import to_json
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import PairKind
from twofold.engine.result.model import Document, Stats

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
