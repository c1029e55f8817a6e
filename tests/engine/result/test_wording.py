# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts in words take the noun's number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.result.wording import counted


@pytest.mark.parametrize(
    ("count", "singular", "plural", "expected"),
    [
        (0, "word", None, "0 words"),
        (1, "word", None, "1 word"),
        (2, "paragraph", None, "2 paragraphs"),
        (1, "undecodable sequence", None, "1 undecodable sequence"),
        (3, "match", "matches", "3 matches"),
        (1, "match", "matches", "1 match"),
    ],
)
def test_counted(count: int, singular: str, plural: str | None, expected: str) -> None:
    assert counted(count, singular, plural) == expected


@given(st.integers(min_value=0, max_value=10**9))
def test_only_one_is_singular(count: int) -> None:
    assert counted(count, "line").endswith("line" if count == 1 else "lines")
    assert counted(count, "line").startswith(f"{count} ")
