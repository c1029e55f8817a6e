# SPDX-License-Identifier: GPL-3.0-or-later
"""The value objects refuse what cannot be, and a result answers for its pairs.

A bad value must fail where it is made, not pages later in a view that trusts
it: each check of ``__post_init__`` has a row here. ``Segments`` beside the
tuple of the same spans is in ``test_segments.py``.
"""

from __future__ import annotations

from array import array
from dataclasses import FrozenInstanceError, replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.result.kinds import NewlineStyle, PairKind, Side
from twofold.engine.result.model import (
    DiffResult,
    Document,
    Layout,
    LayoutDifference,
    LayoutKind,
    Pair,
    Stats,
)
from twofold.engine.result.spans import Segments, Span

# ----- Span -----------------------------------------------------------------------------


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4), (-2, -1)])
def test_a_span_that_cannot_be_is_refused(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="bad span"):
        Span(start, end)


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_a_span_is_as_long_as_its_range(start: int, length: int) -> None:
    span = Span(start, start + length)
    assert len(span) == length
    assert len(("x" * (start + length))[span.start : span.end]) == length


def test_a_span_is_frozen() -> None:
    span = Span(1, 2)
    with pytest.raises(FrozenInstanceError):
        span.start = 0  # type: ignore[misc]


# ----- Side -----------------------------------------------------------------------------


@pytest.mark.parametrize("side", list(Side))
def test_the_other_side_of_the_other_side_is_the_side(side: Side) -> None:
    assert side.other is not side
    assert side.other.other is side


# ----- Pair -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "a", "b", "similarity", "why"),
    [
        (PairKind.CHANGED, (0,), (0,), 1.5, "similarity out of range"),
        (PairKind.CHANGED, (0,), (0,), -0.1, "similarity out of range"),
        (PairKind.CHANGED, (0, 2), (0,), 0.5, "not contiguous"),
        (PairKind.CHANGED, (0,), (3, 2), 0.5, "not contiguous"),
        (PairKind.INSERTED, (1,), (1,), 0.0, "insertion has paragraphs in B only"),
        (PairKind.INSERTED, (), (), 0.0, "insertion has paragraphs in B only"),
        (PairKind.DELETED, (1,), (1,), 0.0, "deletion has paragraphs in A only"),
        (PairKind.DELETED, (), (), 0.0, "deletion has paragraphs in A only"),
    ],
)
def test_a_pair_that_cannot_be_is_refused(
    kind: PairKind, a: tuple[int, ...], b: tuple[int, ...], similarity: float, why: str
) -> None:
    with pytest.raises(ValueError, match=why):
        Pair(kind, a, b, similarity)


def test_splits_merges_insertions_and_deletions_are_pairs() -> None:
    split = Pair(PairKind.CHANGED, (4,), (5, 6, 7), 0.8)
    assert split.indices(Side.A) == (4,)
    assert split.indices(Side.B) == (5, 6, 7)
    assert Pair(PairKind.INSERTED, (), (2,), 0.0).indices(Side.A) == ()
    assert Pair(PairKind.DELETED, (2,), (), 0.0).indices(Side.B) == ()


@pytest.mark.parametrize("kind", list(PairKind))
def test_every_pair_but_an_equal_one_is_a_change(kind: PairKind) -> None:
    a = () if kind is PairKind.INSERTED else (0,)
    b = () if kind is PairKind.DELETED else (0,)
    assert Pair(kind, a, b, 1.0).is_change is (kind is not PairKind.EQUAL)


# ----- Stats ----------------------------------------------------------------------------


def test_stats_count_every_kind_of_change_but_equal_pairs() -> None:
    stats = Stats(
        pairs_by_kind={
            PairKind.EQUAL: 7,
            PairKind.CHANGED: 2,
            PairKind.INSERTED: 1,
            PairKind.MOVED: 1,
        }
    )
    assert stats.changes == 4
    assert Stats().changes == 0


# ----- layout ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "a", "b"),
    [
        (LayoutKind.ENCODING, "utf-8", "utf-8"),
        (LayoutKind.LINE_ENDINGS, NewlineStyle.CRLF, NewlineStyle.CRLF),
        (LayoutKind.FINAL_NEWLINE, True, True),
        (LayoutKind.BLANK_LINES, 2, 2),
    ],
)
def test_a_layout_difference_needs_two_different_values(
    kind: LayoutKind, a: object, b: object
) -> None:
    lines = (1, 1) if kind is LayoutKind.BLANK_LINES else (None, None)
    with pytest.raises(ValueError, match="two different values"):
        LayoutDifference(kind, a, b, *lines)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "lines"),
    [
        (LayoutKind.BLANK_LINES, (None, None)),
        (LayoutKind.BLANK_LINES, (3, None)),
        (LayoutKind.BLANK_LINE_WHITESPACE, (None, 4)),
        (LayoutKind.BOM, (1, 1)),
        (LayoutKind.ENCODING, (2, None)),
    ],
)
def test_lines_are_given_for_the_blank_line_kinds_and_only_for_them(
    kind: LayoutKind, lines: tuple[int | None, int | None]
) -> None:
    with pytest.raises(ValueError, match="lines are given for blank-line kinds only"):
        LayoutDifference(kind, 1, 2, *lines)


def test_a_mirrored_difference_swaps_the_sides_and_back() -> None:
    difference = LayoutDifference(LayoutKind.BLANK_LINES, 1, 3, a_line=4, b_line=9)
    mirrored = difference.mirrored()
    assert (mirrored.a, mirrored.b, mirrored.a_line, mirrored.b_line) == (3, 1, 9, 4)
    assert mirrored.mirrored() == difference


def test_a_layout_counts_at_least_what_it_lists() -> None:
    one = LayoutDifference(LayoutKind.BOM, False, True)
    with pytest.raises(ValueError, match="fewer differences in all than listed"):
        Layout((one, one), total=1)
    assert Layout((one,), total=250)  # the first of many
    assert not Layout()


# ----- DiffResult -----------------------------------------------------------------------


def _result(pairs: tuple[Pair, ...], a: str = "x\n", b: str = "y\n", **kw: object) -> DiffResult:
    return DiffResult(
        a=Document("a", a, digest=kw.pop("a_digest", None)),  # type: ignore[arg-type]
        b=Document("b", b, digest=kw.pop("b_digest", None)),  # type: ignore[arg-type]
        a_segments=Segments([0, 3, 6], [2, 5, 8]),
        b_segments=(Span(0, 2), Span(3, 5), Span(6, 8)),
        pairs=pairs,
        stats=Stats(),
        **kw,  # type: ignore[arg-type]
    )


KINDS = st.sampled_from(list(PairKind))


@given(st.lists(KINDS, max_size=40))
def test_the_changes_are_the_non_equal_pairs_in_reading_order(kinds: list[PairKind]) -> None:
    pairs = tuple(
        Pair(
            kind,
            () if kind is PairKind.INSERTED else (n,),
            () if kind is PairKind.DELETED else (n,),
            0.5,
        )
        for n, kind in enumerate(kinds)
    )
    result = _result(pairs)
    assert result.changes == tuple(p for p in pairs if p.kind is not PairKind.EQUAL)
    assert all(
        a is b for a, b in zip(result.changes, [p for p in pairs if p.is_change], strict=True)
    )
    assert result.differs is bool(result.changes)


def test_changes_are_worked_out_again_for_a_replaced_result() -> None:
    """``dataclasses.replace`` runs ``__post_init__``: the changes follow the new pairs."""
    result = _result((Pair(PairKind.EQUAL, (0,), (0,), 1.0),))
    changed = replace(result, pairs=(Pair(PairKind.CHANGED, (0,), (0,), 0.5),))
    assert result.changes == ()
    assert [p.kind for p in changed.changes] == [PairKind.CHANGED]


def test_changes_do_not_take_part_in_equality() -> None:
    pairs = (Pair(PairKind.CHANGED, (0,), (0,), 0.5),)
    assert _result(pairs) == _result(pairs)


@pytest.mark.parametrize(
    ("a", "b", "layout", "digests", "identical"),
    [
        ("same\n", "same\n", Layout(), (None, None), True),
        ("same\n", "same\n", Layout(), (b"1", b"1"), True),
        ("same\n", "Same\n", Layout(), (None, None), False),
        # the texts agree, the bytes do not (say, two different invalid bytes)
        ("same\n", "same\n", Layout(), (b"1", b"2"), False),
        (
            "same\n",
            "same\n",
            Layout((LayoutDifference(LayoutKind.BOM, False, True),), 1),
            (None, None),
            False,
        ),
    ],
)
def test_identical_means_same_text_same_layout_same_bytes(
    a: str, b: str, layout: Layout, digests: tuple[bytes | None, bytes | None], identical: bool
) -> None:
    result = _result((), a, b, layout=layout, a_digest=digests[0], b_digest=digests[1])
    assert result.identical is identical


def test_a_layout_difference_alone_makes_the_files_differ() -> None:
    layout = Layout((LayoutDifference(LayoutKind.FINAL_NEWLINE, True, False),), 1)
    result = _result((Pair(PairKind.EQUAL, (0,), (0,), 1.0),), layout=layout)
    assert result.changes == ()
    assert result.differs


def test_a_pairs_span_covers_its_paragraphs_on_either_kind_of_segments() -> None:
    merge = Pair(PairKind.CHANGED, (0, 1), (1, 2), 0.5)
    result = _result((merge,))
    assert result.span_of(merge, Side.A) == Span(0, 5)  # Segments
    assert result.span_of(merge, Side.B) == Span(3, 8)  # a tuple of spans
    inserted = Pair(PairKind.INSERTED, (), (2,), 0.0)
    assert result.span_of(inserted, Side.A) is None


def test_a_result_hands_out_each_sides_document_and_segments() -> None:
    result = _result(())
    assert result.document(Side.A).label == "a"
    assert result.document(Side.B).label == "b"
    assert list(result.segments(Side.A)) == [Span(0, 2), Span(3, 5), Span(6, 8)]
    assert result.segments(Side.B) == (Span(0, 2), Span(3, 5), Span(6, 8))


# ----- Segments beyond test_segments.py ------------------------------------------------


def test_segments_take_64_bit_arrays_as_they_are_and_copy_anything_else() -> None:
    starts, ends = array("q", [0, 4]), array("q", [3, 9])
    taken = Segments(starts, ends)
    assert taken.starts is starts
    assert taken.ends is ends
    copied = Segments(array("i", [0, 4]), [3, 9])
    assert copied.starts.typecode == "q"
    assert copied == taken


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=20))
def test_segments_of_spans_read_back_as_those_spans(raw: list[tuple[int, int]]) -> None:
    spans = tuple(Span(start, start + length) for start, length in raw)
    segments = Segments.of(spans)
    assert list(segments.bounds()) == [(s.start, s.end) for s in spans]
    assert hash(segments) == hash(spans)
    assert repr(segments) == f"Segments({len(spans)} spans)"


def test_segments_refuse_offsets_before_the_text() -> None:
    with pytest.raises(ValueError, match="offsets start at 0"):
        Segments([-1], [2])
