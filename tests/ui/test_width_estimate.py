# SPDX-License-Identifier: GPL-3.0-or-later
"""A pane's line estimate follows its width, except while a width change waits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.view.overview_estimate import LineEstimate
from twofold.ui.panes.width_estimate import WidthEstimate

LENGTHS = [0, 5, 30, 95, 10, 200]


def _whole(lengths: list[int], cpl: int) -> list[int]:
    return list(LineEstimate(lengths, cpl).lines())


def test_the_estimate_is_made_for_the_width_asked() -> None:
    estimate = WidthEstimate(LENGTHS)
    while estimate.advance((20, False), 2):
        pass
    assert list(estimate.lines((20, False))) == _whole(LENGTHS, 20)
    assert list(estimate.lines((0, False))) != _whole(LENGTHS, 20)  # made again, unwrapped


def test_a_held_width_keeps_the_last_estimate() -> None:
    estimate = WidthEstimate(LENGTHS)
    narrow = list(estimate.lines((10, False)))
    assert list(estimate.lines((50, True))) == narrow  # the text still breaks at 10
    assert list(estimate.lines((50, False))) == _whole(LENGTHS, 50)


def test_a_new_text_restarts_the_estimate() -> None:
    estimate = WidthEstimate(LENGTHS)
    estimate.lines((20, False))
    estimate.restart([40, 40])
    assert list(estimate.lines((20, True))) == _whole([40, 40], 20)


@given(st.lists(st.integers(0, 500), max_size=60), st.integers(0, 80), st.integers(1, 7))
def test_slices_end_where_the_whole_estimate_does(lengths: list[int], cpl: int, step: int) -> None:
    estimate = WidthEstimate(lengths)
    turns = 0
    while estimate.advance((cpl, False), step):
        turns += 1
    assert turns <= len(lengths) // step + 1
    assert list(estimate.lines((cpl, False))) == _whole(lengths, cpl)
