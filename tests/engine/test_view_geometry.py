# SPDX-License-Identifier: GPL-3.0-or-later
"""The panes' geometry: computed once per result, found again by identity, no Qt."""

from __future__ import annotations

import pytest

from support import doc, read_pair
from twofold.engine import view_geometry
from twofold.engine.display_blocks import block_table
from twofold.engine.highlights import inline_spans
from twofold.engine.model import Side
from twofold.engine.pipeline import compare, refine
from twofold.engine.view_geometry import geometry_for, prepare, table_for


def test_prepared_geometry_is_reused_and_matches_a_fresh_computation() -> None:
    a, b = read_pair("pep1_mixed")
    result = compare(doc(a), doc(b))
    prepare(result)
    table_a = table_for(result.a.text, result.a_segments)
    table_b = table_for(result.b.text, result.b_segments)
    assert table_for(result.a.text, result.a_segments) is table_a
    geometry = geometry_for(result.pairs, table_a, table_b)
    assert geometry_for(result.pairs, table_a, table_b) is geometry
    fresh_a = block_table(result.a.text, result.a_segments)
    assert list(fresh_a.para_first) == list(table_a.para_first)
    changes = result.changes
    assert len(geometry.change_extents[Side.A]) == len(changes)
    # Every change is found where its extent says, on both sides.
    for n, extent in enumerate(geometry.change_extents[Side.B]):
        assert n in geometry.index[Side.B].overlapping(extent.top, extent.bottom)


def test_a_refined_result_shares_the_coarse_tables() -> None:
    a, b = read_pair("pep1_mixed")
    coarse = compare(doc(a), doc(b), inline=False)
    prepare(coarse)
    refined = refine(coarse)
    assert table_for(refined.a.text, refined.a_segments) is table_for(
        coarse.a.text, coarse.a_segments
    )


def test_big_changes_have_their_highlights_prepared_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(view_geometry, "BIG_CHANGE_EDITS", 4)
    a, b = read_pair("pep1_mixed")
    result = compare(doc(a), doc(b))
    view_geometry.prepare_highlights(result)
    big = [pair for pair in result.changes if len(pair.edits) > 4]
    small = [pair for pair in result.changes if 0 < len(pair.edits) <= 4]
    assert big
    assert small
    for pair in result.changes:
        for side in Side:
            spans = view_geometry.spans_for(result, pair, side)
            assert spans == inline_spans(result, pair, side)
    pair = big[-1]
    assert view_geometry.spans_for(result, pair, Side.B) is view_geometry.spans_for(
        result, pair, Side.B
    ), "a big change's ranges are computed once"
