"""Find's text search: the matches ``re.finditer`` gives, ignoring case, read in chunks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.ui import text_search
from twofold.ui.text_search import find_all

# "İ" lowers to two characters: a chunk holding one is read with the regex instead.
TEXTS = st.text(alphabet="aAbBé É\nİ", max_size=60)
NEEDLES = st.text(alphabet="aAbB é", min_size=1, max_size=4)


def _oracle(text: str, needle: str, limit: int) -> list[tuple[int, int]]:
    matches = re.finditer(re.escape(needle), text, re.IGNORECASE)
    return [(m.start(), m.end()) for m in matches][:limit]


@given(TEXTS, NEEDLES, st.integers(min_value=1, max_value=7), st.integers(0, 30))
def test_chunked_search_finds_what_the_regex_finds(
    text: str, needle: str, chunk: int, limit: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text_search, "CHUNK", chunk)
        assert find_all(text, needle, limit) == _oracle(text, needle, limit)


def test_matches_across_a_chunk_boundary_do_not_overlap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_search, "CHUNK", 4)
    assert find_all("xxxAAaaAAA", "aa", 10) == [(3, 5), (5, 7), (7, 9)]


def test_a_needle_that_lowers_longer_is_found_by_the_regex() -> None:
    text = "one İstanbul, two istanbul"
    assert find_all(text, "İstanbul", 5) == _oracle(text, "İstanbul", 5)
    assert find_all(text, "İstanbul", 5)[0] == (4, 12)


def test_nothing_to_find() -> None:
    assert find_all("text", "", 10) == []
    assert find_all("text", "t", 0) == []
