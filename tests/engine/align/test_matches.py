# SPDX-License-Identifier: GPL-3.0-or-later
"""The alignment's rows seen from the other side."""

from __future__ import annotations

from twofold.engine.align.matches import Match, flipped
from twofold.engine.result.kinds import PairKind


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
