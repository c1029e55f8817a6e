# SPDX-License-Identifier: GPL-3.0-or-later
"""The panes' geometry: prepared once per result as one value, handed over, no Qt."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from support import doc, read_pair
from twofold.engine.pipeline import compare, refine
from twofold.engine.result.kinds import PairKind, Side, Unit
from twofold.engine.result.model import CompareOptions, Pair
from twofold.engine.tuning import GeometryTuning
from twofold.engine.view import display_blocks
from twofold.engine.view.display_blocks import block_table
from twofold.engine.view.utf16 import Utf16Map
from twofold.engine.view.view_geometry import pane_spans, prepare, prepare_refined


def test_the_prepared_view_matches_a_fresh_computation() -> None:
    a, b = read_pair("pep1_mixed")
    result = compare(doc(a), doc(b))
    prepared = prepare(result)
    assert prepared.result is result
    for side in Side:
        fresh = block_table(result.document(side).text, result.segments(side))
        table = prepared.tables[side]
        assert list(table.para_first) == list(fresh.para_first)
        assert list(table.block_lengths) == list(fresh.block_lengths)
        text = result.document(side).text
        to16 = Utf16Map(text)
        assert [prepared.utf16[side](n) for n in range(0, len(text), 97)] == [
            to16(n) for n in range(0, len(text), 97)
        ]
    geometry = prepared.geometry
    assert geometry is not None
    assert len(geometry.change_extents[Side.A]) == len(result.changes)
    # Every change is found where its extent says, on both sides.
    for n, extent in enumerate(geometry.change_extents[Side.B]):
        assert n in geometry.index[Side.B].overlapping(extent.top, extent.bottom)


def test_the_prepared_view_is_frozen() -> None:
    prepared = prepare(compare(doc("one\n"), doc("two\n")))
    with pytest.raises(dataclasses.FrozenInstanceError):
        prepared.geometry = None  # type: ignore[misc]


def test_a_refined_view_keeps_the_coarse_tables_and_geometry() -> None:
    a, b = read_pair("pep1_mixed")
    coarse = prepare(compare(doc(a), doc(b), inline=False))
    refined = prepare_refined(coarse, refine(coarse.result))
    assert refined.result.refined
    assert refined.tables is coarse.tables
    assert refined.utf16 is coarse.utf16
    assert refined.geometry is coarse.geometry, "the refinement keeps the layout"


def test_a_refined_view_with_another_layout_gets_its_own_geometry() -> None:
    a, b = read_pair("pep1_mixed")
    coarse = prepare(compare(doc(a), doc(b), inline=False))
    refined = refine(coarse.result)
    first = refined.changes[0]
    # As when an ignored difference turns a change into an equal pair.
    pairs = tuple(
        dataclasses.replace(p, kind=PairKind.EQUAL, edits=()) if p is first else p
        for p in refined.pairs
    )
    other = dataclasses.replace(refined, pairs=pairs)
    prepared = prepare_refined(coarse, other)
    assert prepared.tables is coarse.tables
    assert prepared.geometry is not coarse.geometry
    assert prepared.geometry is not None
    assert len(prepared.geometry.change_extents[Side.A]) == len(other.changes)


def test_big_changes_have_their_highlights_prepared() -> None:
    a, b = read_pair("pep1_mixed")
    result = compare(doc(a), doc(b))
    prepared = prepare(result, GeometryTuning(big_change_edits=4))
    big = {n for n, pair in enumerate(result.changes) if len(pair.edits) > 4}
    small = {n for n, pair in enumerate(result.changes) if 0 < len(pair.edits) <= 4}
    assert big
    assert small
    assert {n for n, _side in prepared.spans} == big
    for (n, side), spans in prepared.spans.items():
        assert spans == pane_spans(result, result.changes[n], side)


def test_a_hand_made_result_out_of_step_has_no_geometry() -> None:
    """Pairs naming paragraphs the text lacks: the view shows the text, unplaced."""
    shown = compare(doc("one\n"), doc("two\n"))
    result = dataclasses.replace(shown, pairs=(Pair(PairKind.CHANGED, (0,), (5,), 0.5),))
    prepared = prepare(result)
    assert prepared.geometry is None
    assert set(prepared.tables) == set(Side)


@pytest.mark.parametrize("blank_lines", [False, True], ids=["lines", "kept-lines"])
def test_the_display_blocks_reuse_the_newlines_the_lines_were_cut_at(
    monkeypatch: pytest.MonkeyPatch, blank_lines: bool
) -> None:
    """A 250,000-line log took 90 ms a side to find its newlines: found once, handed on."""
    a = "".join(f"line {n}\n" + ("\n" if n % 7 == 0 else "") for n in range(300))
    b = a.replace("line 42\n", "line 42, changed\n")
    options = CompareOptions(unit=Unit.LINES, ignore_blank_lines=blank_lines)
    result = compare(doc(a, "a.log"), doc(b, "b.log"), options)
    searches: list[str] = []
    real = display_blocks.break_offsets

    def counted(text: str, *args: Any) -> Any:
        searches.append(text)
        return real(text, *args)

    monkeypatch.setattr(display_blocks, "break_offsets", counted)
    prepared = prepare(result)
    assert searches == []
    for side in Side:
        fresh = block_table(result.document(side).text, tuple(result.segments(side)))
        assert list(prepared.tables[side].block_lengths) == list(fresh.block_lengths)
