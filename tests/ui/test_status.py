# SPDX-License-Identifier: GPL-3.0-or-later
"""Status-bar wording."""

from __future__ import annotations

import pytest

from twofold.engine.result.kinds import NewlineStyle, PairKind
from twofold.engine.result.model import Document, Stats
from twofold.ui.bars.status import document_format, position_text, stats_text


@pytest.mark.parametrize(
    ("current", "count", "expected"),
    [
        (2, 27, "Change 3 of 27"),
        (None, 27, "27 changes"),
        (None, 1, "1 change"),
        (None, 0, "No changes"),
    ],
)
def test_position_text(current: int | None, count: int, expected: str) -> None:
    assert position_text(current, count) == expected


def test_stats_text_orders_kinds_and_skips_zeros() -> None:
    stats = Stats(
        pairs_by_kind={
            PairKind.DELETED: 3,
            PairKind.CHANGED: 12,
            PairKind.MOVED: 2,
            PairKind.EQUAL: 9,
        },
        similarity=0.94,
    )
    assert stats_text(stats) == "12 changed \u00b7 2 moved \u00b7 3 deleted \u00b7 94% similar"


def test_document_format() -> None:
    doc = Document("x", "", encoding="utf-16-le", bom=True, newline=NewlineStyle.CRLF)
    assert document_format(doc) == "UTF-16-LE BOM \u00b7 CRLF"
