# SPDX-License-Identifier: GPL-3.0-or-later
"""Segments: the compact spans of a document behave as the tuple of the same spans."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support import doc
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import PairKind, Side, Unit
from twofold.engine.result.model import Pair
from twofold.engine.result.pair_slots import equal_pair, equal_pairs
from twofold.engine.result.spans import Segments, Span, span_bounds
from twofold.engine.segment.segmentation import segment


@st.composite
def spans_in_order(draw: st.DrawFn) -> tuple[Span, ...]:
    """Non-overlapping spans in text order, some empty, as segmentation makes them."""
    gaps = draw(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 40)), max_size=30))
    spans, at = [], 0
    for gap, length in gaps:
        start = at + gap
        spans.append(Span(start, start + length))
        at = start + length
    return tuple(spans)


@given(spans_in_order())
def test_segments_equal_the_tuple_of_their_spans(spans: tuple[Span, ...]) -> None:
    segs = Segments.of(spans)
    assert segs == spans
    assert hash(segs) == hash(spans)
    assert len(segs) == len(spans)
    assert list(segs) == list(spans)
    assert [segs[i] for i in range(len(spans))] == list(spans)
    assert [segs[i] for i in range(-len(spans), 0)] == list(spans)
    assert list(segs.bounds()) == [(s.start, s.end) for s in spans]
    assert list(span_bounds(segs)) == list(span_bounds(spans))


@given(spans_in_order(), st.integers(-35, 35), st.integers(-35, 35), st.sampled_from([1, 2, -1]))
def test_a_slice_is_segments_of_the_sliced_spans(
    spans: tuple[Span, ...], lo: int, hi: int, step: int
) -> None:
    part = Segments.of(spans)[lo:hi:step]
    assert isinstance(part, Segments)
    assert part == spans[lo:hi:step]


def test_reading_past_the_end_fails_as_a_tuple_does() -> None:
    segs = Segments.of((Span(0, 3),))
    with pytest.raises(IndexError):
        segs[1]


@pytest.mark.parametrize(
    ("starts", "ends", "why"),
    [([0, 5], [3], "as many starts"), ([4], [2], "ends before"), ([-1], [2], "start at 0")],
)
def test_impossible_offsets_are_refused(starts: list[int], ends: list[int], why: str) -> None:
    with pytest.raises(ValueError, match=why):
        Segments(starts, ends)


def test_unequal_to_other_spans_and_to_other_types() -> None:
    segs = Segments.of((Span(0, 3), Span(4, 6)))
    assert segs != (Span(0, 3),)
    assert segs != (Span(0, 3), Span(4, 7))
    assert segs != Segments.of((Span(0, 3), Span(5, 6)))
    assert segs != [Span(0, 3), Span(4, 6)]  # as a tuple is not equal to a list


@given(st.text(alphabet="ab \n\t", max_size=80), st.sampled_from([Unit.LINES, Unit.PARAGRAPHS]))
def test_segmentation_returns_segments_that_cover_what_the_text_says(text: str, unit: Unit) -> None:
    segs = segment(text, unit)
    assert isinstance(segs, Segments)
    ends = [0] + [end for _, end in segs.bounds()]
    for (start, end), before in zip(segs.bounds(), ends, strict=False):
        assert before <= start <= end <= len(text)  # in text order, never overlapping
    if unit is Unit.LINES and text:
        body = text[:-1] if text.endswith("\n") else text
        assert [text[s:e] for s, e in segs.bounds()] == body.split("\n")


def test_a_pairs_span_is_the_same_read_off_segments_or_a_tuple() -> None:
    a = "one\n\ntwo lines\nof it\n\nthree\n"
    b = "one\n\ntwo lines\nof this\n\nfour\n\nthree\n"
    result = compare(doc(a), doc(b))
    as_tuples = replace(
        result, a_segments=tuple(result.a_segments), b_segments=tuple(result.b_segments)
    )
    assert isinstance(result.a_segments, Segments)
    for pair in result.pairs:
        for side in Side:
            assert result.span_of(pair, side) == as_tuples.span_of(pair, side)


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_an_equal_pair_made_without_checks_is_the_checked_one(a: int, b: int) -> None:
    made = equal_pair((a,), (b,))
    checked = Pair(PairKind.EQUAL, (a,), (b,), 1.0)
    assert made == checked
    assert hash(made) == hash(checked)
    assert (made.kind, made.a, made.b, made.similarity, made.edits) == (
        PairKind.EQUAL,
        (a,),
        (b,),
        1.0,
        (),
    )
    assert not made.is_change


def test_segments_refuse_a_span_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="ends before"):
        Segments([0, 5], [3, 4])


@pytest.mark.parametrize("enum", [Side, PairKind])
def test_sides_and_kinds_hash_by_identity_in_c(enum: type[Side] | type[PairKind]) -> None:
    """They key dicts in loops over every pair: no Python ``__hash__`` may run per lookup."""
    assert enum.__hash__ is object.__hash__
    members = list(enum)
    assert {member: n for n, member in enumerate(members)} == dict(
        zip(members, range(len(members)), strict=True)
    )
    assert all(enum(member.value) is member for member in members)


@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)), max_size=20))
def test_equal_pairs_made_together_are_the_checked_ones(indices: list[tuple[int, int]]) -> None:
    made = equal_pairs([(a,) for a, _b in indices], [(b,) for _a, b in indices])
    assert made == [Pair(PairKind.EQUAL, (a,), (b,), 1.0) for a, b in indices]
    assert all(type(pair.edits) is tuple and not pair.is_change for pair in made)


def test_equal_pairs_need_as_many_paragraphs_a_side() -> None:
    with pytest.raises(ValueError, match="as many"):
        equal_pairs([(0,), (1,)], [(0,)])
