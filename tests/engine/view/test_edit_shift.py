# SPDX-License-Identifier: GPL-3.0-or-later
"""Stored ranges follow the edits made since: the same characters, or dropped."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.view.edit_shift import EditShift

TEXT = "".join(chr(ord("a") + i % 26) for i in range(60))  # every character its own place


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[int, int, str]]:
    """Edits as a user makes them, each in the text as the ones before left it."""
    out: list[tuple[int, int, str]] = []
    size = len(TEXT)
    for _ in range(draw(st.integers(0, 8))):
        position = draw(st.integers(0, size))
        removed = draw(st.integers(0, min(5, size - position)))
        added = draw(st.text("XYZ", max_size=6))
        out.append((position, removed, added))
        size += len(added) - removed
    return out


def _apply(text: str, shift: EditShift, done: list[tuple[int, int, str]]) -> str:
    for position, removed, added in done:
        text = text[:position] + added + text[position + removed :]
        shift.add(position, removed, len(added))
    return text


@given(done=edits(), start=st.integers(0, 60), length=st.integers(0, 10))
def test_a_range_no_edit_touched_holds_the_same_characters_now(
    done: list[tuple[int, int, str]], start: int, length: int
) -> None:
    shift = EditShift()
    now = _apply(TEXT, shift, done)
    end = min(start + length, len(TEXT))
    mapped = shift.range_now(start, end)
    if mapped is not None:
        assert now[mapped[0] : mapped[1]] == TEXT[start:end]
    assert all(c in "XYZ" for c in now if c not in TEXT)  # the alphabet tells them apart


@given(
    position=st.integers(0, 60),
    removed=st.integers(0, 5),
    added=st.integers(0, 5),
    start=st.integers(0, 60),
    length=st.integers(0, 10),
)
def test_a_range_is_dropped_only_when_the_edit_went_into_it(
    position: int, removed: int, added: int, start: int, length: int
) -> None:
    shift = EditShift()
    shift.add(position, removed, added)
    end = start + length
    into = (removed or added) and start < position + removed and end > position
    assert (shift.range_now(start, end) is None) == bool(into)


@given(done=edits(), at=st.integers(0, 60))
def test_a_position_maps_back_to_itself_outside_the_edits(
    done: list[tuple[int, int, str]], at: int
) -> None:
    shift = EditShift()
    _apply(TEXT, shift, done)
    if all(not spot.lo <= at < spot.hi for spot in shift.spots):
        now = int(shift.point_now(at))
        # where a deletion closed up, one position now is both ends of the old range
        assert shift.point_then(now) <= at <= shift.point_then(now, end=True)
        assert shift.point_then(now) == at or shift.point_then(now, end=True) == at


def test_typing_a_word_is_one_spot_and_moves_what_follows() -> None:
    shift = EditShift()
    for i in range(6):  # "XYZZY " typed at 10
        shift.add(10 + i, 0, 1)
    assert len(shift.spots) == 1
    assert shift.range_now(10, 15) == (16, 21)  # the word after the cursor
    assert shift.range_now(4, 10) == (4, 10)  # the word before it
    assert shift.range_now(8, 12) is None  # typed into
    assert shift.point_then(13) == 10
    assert shift.point_then(13, end=True) == 10
    assert shift.point_then(20) == 14


def test_typing_in_two_places_keeps_what_lies_between() -> None:
    shift = EditShift()
    shift.add(40, 0, 3)
    shift.add(10, 2, 0)  # before the first spot: it moves, and so does its shift
    assert shift.range_now(20, 30) == (18, 28)
    assert shift.range_now(45, 50) == (46, 51)
    assert shift.point_now(41.5) == 42.5


def test_an_edit_spanning_two_spots_merges_them() -> None:
    shift = EditShift()
    shift.add(10, 0, 2)
    shift.add(20, 0, 2)
    shift.add(11, 12, 1)  # from inside the first to past the second
    assert len(shift.spots) == 1
    assert shift.range_now(30, 31) == (30 - 12 + 1 + 4 - 0, 31 - 12 + 1 + 4)


@pytest.mark.parametrize(("position", "removed", "added"), [(-1, 0, 1), (0, -1, 0)])
def test_a_bad_edit_is_refused(position: int, removed: int, added: int) -> None:
    with pytest.raises(ValueError, match="bad spot"):
        EditShift().add(position, removed, added)
