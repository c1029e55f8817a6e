# SPDX-License-Identifier: GPL-3.0-or-later
"""The plain path's runs, tidied over lists, against the general stages' generators."""

from __future__ import annotations

from array import array

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.inline.chardiff import _mirrored, _tidy
from twofold.engine.inline.plain_runs import plain_runs
from twofold.engine.result.edit_runs import EditRuns
from twofold.engine.result.kinds import Op

#: Raw runs as a diff gives them, and as it never does (empty runs, two alike in a row).
RAW = st.lists(st.tuples(st.sampled_from(list(Op)), st.integers(0, 4)), max_size=12)


@given(RAW, st.booleans())
def test_the_runs_the_general_stages_give(raw: list[tuple[Op, int]], mirrored: bool) -> None:
    tidied = _tidy((op, n, False) for op, n in raw)
    expected = EditRuns.pack(_mirrored(tidied) if mirrored else tidied, "", "")
    codes, lengths = plain_runs(raw, mirrored=mirrored)
    assert (codes, lengths) == (expected.codes, expected.lengths)


@pytest.mark.parametrize(
    ("mirrored", "codes", "lengths"),
    [(False, [0, 1, 2, 0], [2, 3, 2, 1]), (True, [0, 1, 2, 0], [2, 2, 3, 1])],
)
def test_a_change_deletes_first(mirrored: bool, codes: list[int], lengths: list[int]) -> None:
    raw = [(Op.EQUAL, 2), (Op.INSERT, 1), (Op.DELETE, 3), (Op.INSERT, 1), (Op.EQUAL, 1)]
    assert plain_runs(raw, mirrored=mirrored) == (bytes(codes), array("q", lengths))
