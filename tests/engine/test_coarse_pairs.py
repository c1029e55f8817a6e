# SPDX-License-Identifier: GPL-3.0-or-later
"""The coarse pairs made from the alignment's rows, anchor runs whole, as from a row a paragraph."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from support import doc
from twofold.engine.align.alignment import align, align_rows
from twofold.engine.align.matches import AnchorRun, Match, equal_sides, expanded
from twofold.engine.pipeline import _coarse_pairs, _score, compare, paragraphs
from twofold.engine.result.kinds import PairKind
from twofold.engine.result.model import CompareOptions, Pair

_STEP = st.tuples(
    st.sampled_from(["run", "equal", "moved run", "changed", "deleted", "inserted"]),
    st.integers(1, 4),
    st.integers(1, 3),
    st.floats(0.0, 1.0),
)


@st.composite
def _rows(draw: st.DrawFn) -> list[Match]:
    """Rows as the alignment makes them: sides ascending, some anchor runs left whole."""
    rows: list[Match] = []
    ia = ib = 0
    for what, n, m, score in draw(st.lists(_STEP, max_size=25)):
        a, b = tuple(range(ia, ia + n)), tuple(range(ib, ib + m))
        if what in ("run", "moved run"):
            kind = PairKind.EQUAL if what == "run" else PairKind.MOVED
            rows.append(AnchorRun(kind, (ia, ia + n - 1), (ib, ib + n - 1), 1.0))
            b = tuple(range(ib, ib + n))
        elif what == "equal":
            a, b = a[:1], b[:1]
            rows.append(Match(PairKind.EQUAL, a, b, 1.0))
        elif what == "changed":
            rows.append(Match(PairKind.CHANGED, a, b, score))
        elif what == "deleted":
            rows.append(Match(PairKind.DELETED, a, ()))
            b = ()
        else:
            rows.append(Match(PairKind.INSERTED, (), b))
            a = ()
        ia, ib = ia + len(a), ib + len(b)
    return rows


def _pairs_row_by_row(matches: list[Match]) -> tuple[Pair, ...]:
    """The general way: a checked ``Pair`` for each row a paragraph."""
    return tuple(Pair(m.kind, m.a, m.b, _score(m)) for m in matches)


def _paragraphs(rows: list[Match]) -> int:
    return max((max(row.a[-1:] + row.b[-1:]) + 1 for row in rows), default=0)


@given(_rows())
def test_runs_make_the_pairs_their_rows_make(rows: list[Match]) -> None:
    each = expanded(rows, _paragraphs(rows))
    assert _coarse_pairs(rows) == _pairs_row_by_row(each)
    assert _coarse_pairs(each) == _pairs_row_by_row(each)


@given(_rows())
def test_the_equal_sides_are_those_of_the_equal_rows(rows: list[Match]) -> None:
    each = expanded(rows, _paragraphs(rows))
    sides_a, sides_b = equal_sides(rows)
    assert sides_a == [m.a for m in each if m.kind is PairKind.EQUAL]
    assert sides_b == [m.b for m in each if m.kind is PairKind.EQUAL]


_paragraph_lists = st.lists(
    st.sampled_from(["p1", "p2", "p3", "p4", "p5", "p6 x", "p7 y", "one two three four five"]),
    max_size=30,
)


@given(_paragraph_lists, _paragraph_lists)
def test_a_coarse_comparison_has_the_pairs_of_the_aligned_rows(a: list[str], b: list[str]) -> None:
    options = CompareOptions()
    assert _coarse_pairs(align_rows(a, b, options)) == _pairs_row_by_row(align(a, b, options))
    doc_a, doc_b = doc("\n\n".join(a)), doc("\n\n".join(b))
    keys_a, keys_b = paragraphs(doc_a, doc_b, options).keys
    coarse = compare(doc_a, doc_b, options, inline=False)
    assert coarse.pairs == _pairs_row_by_row(align(keys_a, keys_b, options))
