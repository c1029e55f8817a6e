# SPDX-License-Identifier: GPL-3.0-or-later
"""The alignment's rows: seen from the other side, runs of anchors, the reading order."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.align.alignment import align
from twofold.engine.align.matches import AnchorRun, Match, expanded, flipped, reading_order
from twofold.engine.result.kinds import PairKind
from twofold.engine.result.model import CompareOptions


def test_flipping_swaps_the_sides_and_what_was_deleted_or_inserted() -> None:
    rows = [
        Match(PairKind.DELETED, (0, 1), ()),
        Match(PairKind.EQUAL, (2,), (0,), 1.0),
        Match(PairKind.CHANGED, (3,), (1, 2), 0.5),
        Match(PairKind.MOVED, (4,), (5,), 0.75),
        Match(PairKind.INSERTED, (), (3, 4)),
    ]
    assert flipped(rows) == [
        Match(PairKind.INSERTED, (), (0, 1)),
        Match(PairKind.EQUAL, (0,), (2,), 1.0),
        Match(PairKind.CHANGED, (1, 2), (3,), 0.5),
        Match(PairKind.MOVED, (5,), (4,), 0.75),
        Match(PairKind.DELETED, (3, 4), ()),
    ]
    assert flipped(flipped(rows)) == rows
    assert all(type(row) is Match for row in flipped(rows))


def _runs_collapsed(rows: list[Match]) -> list[Match]:
    """Rows with each stretch of one-paragraph equal rows, consecutive on both sides, as a run."""
    out: list[Match] = []
    for row in rows:
        last = out[-1] if out else None
        if (
            row.kind is PairKind.EQUAL
            and len(row.a) == len(row.b) == 1
            and last is not None
            and last.kind is PairKind.EQUAL
            and (type(last) is AnchorRun or len(last.a) == 1)
            and (last.a[-1] + 1, last.b[-1] + 1) == (row.a[0], row.b[0])
        ):
            out[-1] = AnchorRun(row.kind, (last.a[0], row.a[0]), (last.b[0], row.b[0]), 1.0)
        elif row.kind is PairKind.EQUAL and len(row.a) == len(row.b) == 1:
            out.append(AnchorRun(row.kind, row.a * 2, row.b * 2, 1.0))
        else:
            out.append(row)
    return out


_paragraphs = st.lists(st.sampled_from(["p1", "p2", "p3", "p4", "p5", "p6 x", "p7 y"]), max_size=30)


@given(_paragraphs, _paragraphs, st.randoms())
def test_runs_are_ordered_and_flipped_as_their_rows(
    a: list[str], b: list[str], rng: random.Random
) -> None:
    rows = align(a, b, CompareOptions())
    paragraphs = max(len(a), len(b))
    runs = _runs_collapsed(rows)
    assert expanded(runs, paragraphs) == rows
    assert expanded(flipped(runs), paragraphs) == flipped(rows)
    shuffled = list(runs)
    rng.shuffle(shuffled)
    assert expanded(reading_order(shuffled), paragraphs) == rows
