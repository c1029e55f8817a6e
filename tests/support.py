# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers shared by the tests: real text from tests/data and the result invariants."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from twofold.engine.chardiff import rebuild
from twofold.engine.model import DiffResult, Document, Op, PairKind, Side

DATA = Path(__file__).resolve().parent / "data"


def doc(text: str, label: str = "doc.txt") -> Document:
    return Document(label=label, text=text)


def read_pair(name: str) -> tuple[str, str]:
    base = DATA / "pairs" / name
    return (base / "a.txt").read_text("utf-8"), (base / "b.txt").read_text("utf-8")


def assert_invariants(result: DiffResult) -> None:
    """Every paragraph once; edits rebuild both spans; kinds agree with their sides."""
    for side in (Side.A, Side.B):
        seen = Counter(i for p in result.pairs for i in p.indices(side))
        assert sorted(seen) == list(range(len(result.segments(side)))), side
        assert all(n == 1 for n in seen.values()), side
    for pair in result.pairs:
        if pair.kind in (PairKind.CHANGED, PairKind.MOVED):
            span_a, span_b = result.span_of(pair, Side.A), result.span_of(pair, Side.B)
            assert span_a is not None
            assert span_b is not None
            assert rebuild(pair.edits, Op.DELETE) == result.a.text[span_a.start : span_a.end]
            assert rebuild(pair.edits, Op.INSERT) == result.b.text[span_b.start : span_b.end]
        if pair.kind is PairKind.EQUAL:
            assert len(pair.a) == len(pair.b) == 1
        assert 0.0 <= pair.similarity <= 1.0
