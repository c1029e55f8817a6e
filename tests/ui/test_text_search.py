"""Find's text search: the matches ``re.finditer`` gives, ignoring case, read in chunks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.ui.find.text_search import Query, QueryError, Search, find_all, fold

# "ß" and "İ" fold to two characters: such a text is folded a chunk at a time, and a
# chunk holding one is read with the regex; the Greek sigmas and the long s are letters
# the regex takes as one, and so does ``casefold``.
_SIGMAS_AND_LONG_S = "\u03c3\u03c2\u03a3\u017f"
TEXTS = st.text(alphabet="aAbBé É\nİßsS" + _SIGMAS_AND_LONG_S, max_size=60)
NEEDLES = st.text(alphabet="aAbB ésS" + _SIGMAS_AND_LONG_S, min_size=1, max_size=4)


def _oracle(text: str, needle: str, limit: int) -> list[tuple[int, int]]:
    matches = re.finditer(re.escape(needle), text, re.IGNORECASE)
    return [(m.start(), m.end()) for m in matches][:limit]


@given(TEXTS, NEEDLES, st.integers(min_value=1, max_value=7), st.integers(0, 30))
def test_chunked_search_finds_what_the_regex_finds(
    text: str, needle: str, chunk: int, limit: int
) -> None:
    assert find_all(fold(text), needle, limit, chunk) == _oracle(text, needle, limit)


def test_matches_across_a_chunk_boundary_do_not_overlap() -> None:
    # "ß" folds longer: the text is searched a chunk at a time
    assert find_all(fold("xxxAAaaAAAß"), "aa", 10, chunk=4) == [(3, 5), (5, 7), (7, 9)]


def test_one_folded_copy_serves_every_search() -> None:
    text = "Some text to search, " * 10
    folded = fold(text)
    assert folded.text is text
    assert folded.folded == text.casefold()
    assert find_all(folded, "TEXT", 3) == [(5, 9), (26, 30), (47, 51)]
    assert find_all(folded, "search", 1) == [(13, 19)]


def test_a_text_that_folds_longer_keeps_no_copy() -> None:
    folded = fold("Straße " * 5)
    assert folded.folded is None, "offsets into a longer copy would point past the text"
    assert find_all(folded, "STRASSE", 2) == _oracle(folded.text, "STRASSE", 2)


def test_a_needle_that_lowers_longer_is_found_by_the_regex() -> None:
    text = "one İstanbul, two istanbul"
    assert find_all(fold(text), "İstanbul", 5) == _oracle(text, "İstanbul", 5)
    assert find_all(fold(text), "İstanbul", 5)[0] == (4, 12)


def test_nothing_to_find() -> None:
    assert find_all(fold("text"), "", 10) == []
    assert find_all(fold("text"), "t", 0) == []


# ----- find with options ---------------------------------------------------------------------

WORDY = st.text(alphabet="ab _.\nAB\u00e9\u00c9\u00df", max_size=60)


def _searched(text: str, query: Query, limit: int, piece: int) -> list[tuple[int, int]]:
    search = Search(fold(text), query, limit, piece)
    while search.step():
        pass
    assert search.done
    return search.matches


def _regex_oracle(text: str, query: Query, limit: int) -> list[tuple[int, int]]:
    body = query.text if query.regex else re.escape(query.text)
    if query.words:
        head = "(?i)" if body.startswith("(?i)") else ""
        body = rf"{head}(?<!\w)(?:{body[len(head) :]})(?!\w)"
    flags = re.MULTILINE | (0 if query.case else re.IGNORECASE)
    found = [(m.start(), m.end()) for m in re.finditer(body, text, flags) if m.end() > m.start()]
    return found[:limit]


@given(
    WORDY,
    st.text(alphabet="abAB \u00e9\u00df", min_size=1, max_size=3),
    st.booleans(),
    st.booleans(),
    st.integers(min_value=1, max_value=9),
    st.integers(0, 30),
)
def test_literal_search_with_options_finds_what_the_regex_finds(
    text: str, needle: str, case: bool, words: bool, piece: int, limit: int
) -> None:
    query = Query(needle, case=case, words=words)
    assert _searched(text, query, limit, piece) == _regex_oracle(text, query, limit)


@pytest.mark.parametrize("pattern", ["a+", "b.a", "^a", "a$", r"\bab", "[ab]{2}", "(?i)B", "a|"])
@given(text=WORDY, case=st.booleans(), words=st.booleans(), piece=st.integers(1, 9))
def test_regular_expressions_are_searched_a_piece_at_a_time(
    pattern: str, text: str, case: bool, words: bool, piece: int
) -> None:
    query = Query(pattern, case=case, words=words, regex=True)
    assert _searched(text, query, 50, piece) == _regex_oracle(text, query, 50)


def test_whole_words_skip_parts_of_words() -> None:
    text = "cat concat cat_x cat. Cat"
    assert _searched(text, Query("cat", words=True), 10, 4) == [(0, 3), (17, 20), (22, 25)]
    assert _searched(text, Query("cat", case=True, words=True), 10, 4) == [(0, 3), (17, 20)]


@pytest.mark.parametrize(
    ("pattern", "sentence"),
    [
        ("(ab", "Not a regular expression: missing ), unterminated subpattern at position 1."),
        ("a{2,1}", "Not a regular expression: min repeat greater than max repeat at position 3."),
        ("*", "Not a regular expression: nothing to repeat at position 1."),
    ],
)
def test_an_invalid_regular_expression_is_one_sentence(pattern: str, sentence: str) -> None:
    with pytest.raises(QueryError) as refused:
        Search(fold("text"), Query(pattern, regex=True), 10)
    assert str(refused.value) == sentence


def test_a_literal_is_not_read_as_a_regular_expression() -> None:
    assert _searched("a(b a.b", Query("(b"), 5, 3) == [(1, 3)]
    assert _searched("a(b a.b axb", Query("a.b"), 5, 3) == [(4, 7)]
