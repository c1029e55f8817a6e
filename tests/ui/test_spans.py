# SPDX-License-Identifier: GPL-3.0-or-later
"""Only the highlights on screen are placed, and they are the same as placing them all."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from support import doc
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import PairKind, Side, Unit
from twofold.engine.result.model import DiffResult
from twofold.engine.segment.segmentation import segment
from twofold.engine.view.display_blocks import block_table
from twofold.engine.view.highlights import inline_spans
from twofold.engine.view.invisibles import find, reveal
from twofold.engine.view.utf16 import Utf16Map
from twofold.ui.panes.spans import PaneHighlights, PanePositions, StandIn, stand_ins
from twofold.ui.tuning import DEFAULT_VIEW_TUNING

WORDS = ["alpha", "beta", "gamma", "δέλτα", "emoji\U0001f600", "zeta", "eta.", "theta;"]

texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=400).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(texts, texts, st.sampled_from([Side.A, Side.B]), st.data())
def test_in_range_is_the_slice_of_all_highlights(
    a: str, b: str, side: Side, data: st.DataObject
) -> None:
    result = compare(doc(a), doc(b))
    table = block_table(result.document(side).text, result.segments(side), 128, 64)
    to16 = Utf16Map(result.document(side).text)
    highlights = PaneHighlights(result, side, PanePositions(table, to16), {})

    def place(offset: int) -> int:
        return to16(offset) + table.display_offset(offset) - offset

    everything = [
        (place(s.start), place(s.end))
        for pair in result.changes
        if pair.kind in (PairKind.CHANGED, PairKind.MOVED)
        for s in inline_spans(result, pair, side)
    ]
    total = place(len(result.document(side).text))
    start = data.draw(st.integers(0, total))
    end = data.draw(st.integers(start, total))
    last_block = len(table.block_lengths) - 1
    got = [(h.start, h.end) for h in highlights.in_range(0, last_block, start, end)]
    assert got == [(s, e) for s, e in everything if e > start and s < end]


@given(st.text(alphabet="ab\n\U0001f600\u00e9", max_size=40))
def test_utf16_positions_map_back_to_offsets(text: str) -> None:
    to16 = Utf16Map(text)
    assert [to16.offset_of(to16(offset)) for offset in range(len(text) + 1)] == list(
        range(len(text) + 1)
    )
    assert to16(len(text)) == len(text.encode("utf-16-le")) // 2


@given(
    st.lists(st.sampled_from(["ab", "c\U0001f600", "d\n", "long" * 30]), max_size=40).map("".join)
)
def test_pane_positions_map_back_to_source_offsets(text: str) -> None:
    """Past emoji and the soft breaks of cut lines, each offset finds its way back."""
    table = block_table(text, segment(text, Unit.LINES), 32, 16)
    shown = table.text.encode("utf-16-le")
    positions = PanePositions(table, Utf16Map(text))
    places = [positions.position(offset) for offset in range(len(text) + 1)]
    assert places == sorted(places)
    assert [positions.offset(place) for place in places] == list(range(len(text) + 1))
    # between two offsets the pane shows that character, and maybe a soft break after it
    for offset, (start, end) in enumerate(pairwise(places)):
        assert shown[2 * start : 2 * end].decode("utf-16-le") in (text[offset], text[offset] + "\n")


@given(
    st.lists(
        st.sampled_from(
            ["ab ", "c\U0001f600", "d\n", "long" * 9, "\u202e", "\u200b", "\U000e0068", "\u2b1a"]
        ),
        max_size=40,
    ).map("".join)
)
def test_stand_ins_read_back_what_the_fill_put_in(text: str) -> None:
    """Block by block, past emoji and soft breaks: each stand-in and the character it hides."""
    table = block_table(text, segment(text, Unit.LINES), 32, 16)
    display = table.text
    shown = reveal(display)  # what ``pane_fill`` puts in the document
    to16 = Utf16Map(display)
    expected = [
        StandIn(to16(i), to16(i + 1), display[i]) for i in find(display) if display[i] != "\n"
    ]
    positions = PanePositions(table, Utf16Map(text))
    got: list[StandIn] = []
    at = 0
    for block in shown.split("\n"):
        got += stand_ins(positions, text, block, at)
        at += len(block.encode("utf-16-le")) // 2 + 1
    assert got == expected


@given(
    st.lists(st.sampled_from(["ab", "c\U0001f600", "d\n", "long" * 30]), max_size=40).map("".join),
    st.data(),
)
def test_source_ranges_and_document_ranges_cross_both_ways(text: str, data: st.DataObject) -> None:
    """Find's matches go to the pane's positions, a selection comes back as the file's text."""
    table = block_table(text, segment(text, Unit.LINES), 32, 16)
    positions = PanePositions(table, Utf16Map(text))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    (shown,) = positions.ranges([(start, end)])
    assert shown == (positions.position(start), positions.position(end))
    assert positions.source_text(*shown) == text[start:end]  # no soft break copied


def _placed(result: DiffResult, side: Side, **limit: int) -> list[tuple[int, int]]:
    text = result.document(side).text
    table = block_table(text, result.segments(side))
    highlights = PaneHighlights(result, side, PanePositions(table, Utf16Map(text)), {}, **limit)
    last_block = len(table.block_lengths) - 1
    return [(h.start, h.end) for h in highlights.in_range(0, last_block, 0, len(text))]


def test_a_coarse_pair_on_screen_is_diffed_here_only_up_to_the_tuned_size() -> None:
    """Up to ``ViewTuning.on_screen_refine_chars`` a pair on screen is diffed at once.

    A bigger one waits for the worker's refined result: diffing it on the UI thread
    would hold the window.
    """
    a = "Four score and seven years ago our fathers brought forth a new nation."
    b = "Eighty-seven years ago our fathers brought forth upon this continent a nation."
    coarse = compare(doc(a), doc(b), inline=False)
    refined = compare(doc(a), doc(b))
    size = len(a) + len(b)
    for side in Side:
        words = _placed(refined, side)
        assert words != []
        assert _placed(coarse, side, refine_limit=size) == words
        assert _placed(coarse, side, refine_limit=size - 1) == []
    assert DEFAULT_VIEW_TUNING.on_screen_refine_chars == 20_000
