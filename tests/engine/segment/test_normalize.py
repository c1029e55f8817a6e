# SPDX-License-Identifier: GPL-3.0-or-later
"""Match keys: what the options ignore vanishes, and the folds keep every offset.

``chardiff`` diffs the folded text and reports offsets into the real one; that
only works while a fold keeps the string's length character for character.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.result.model import CompareOptions
from twofold.engine.result.spans import Span
from twofold.engine.segment.normalize import (
    fold_same_length,
    folds_anything,
    keys_are_texts,
    match_key,
    match_keys,
)

OPTIONS = st.builds(
    CompareOptions,
    ignore_whitespace=st.booleans(),
    ignore_case=st.booleans(),
    ignore_typography=st.booleans(),
)
CASE = CompareOptions(ignore_case=True)
TYPOGRAPHY = CompareOptions(ignore_typography=True)
WHITESPACE = CompareOptions(ignore_whitespace=True)


@given(st.text(), OPTIONS)
def test_the_folds_keep_the_length(text: str, options: CompareOptions) -> None:
    assert len(fold_same_length(text, options)) == len(text)


@given(st.text(), OPTIONS)
def test_folding_twice_folds_no_further(text: str, options: CompareOptions) -> None:
    once = fold_same_length(text, options)
    assert fold_same_length(once, options) == once


@given(st.text())
def test_without_options_nothing_is_folded(text: str) -> None:
    assert fold_same_length(text, CompareOptions()) == text
    assert match_key(text, CompareOptions()) == text


@pytest.mark.parametrize(
    ("typographic", "plain"),
    [
        ("\u2018quoted\u2019", "'quoted'"),
        ("\u201cquoted\u201d", '"quoted"'),
        ("\u00abguillemets\u00bb", '"guillemets"'),
        ("\u201elow\u201c", '"low"'),
        ("2\u2032 5\u2033", "2' 5\""),
        ("pages 4\u20135", "pages 4-5"),
        ("a\u2014b", "a-b"),
        ("non\u2011breaking", "non-breaking"),
        ("\u22121", "-1"),
        ("no\u00a0break", "no break"),
        ("thin\u2009space", "thin space"),
        ("narrow\u202fspace", "narrow space"),
        ("wait\u2026", "wait."),
    ],
)
def test_typography_folds_to_its_plain_twin(typographic: str, plain: str) -> None:
    assert fold_same_length(typographic, TYPOGRAPHY) == plain
    assert fold_same_length(typographic, CompareOptions()) == typographic


def test_case_folds_to_lower_case() -> None:
    assert fold_same_length("The QUICK Fox", CASE) == "the quick fox"


def test_a_character_that_grows_when_lowered_keeps_its_place() -> None:
    """U+0130 lowers to two characters; folding it would shift every offset after it."""
    text = "\u0130stanbul ABC"
    folded = fold_same_length(text, CASE)
    assert folded == "\u0130stanbul abc"
    assert len(folded) == len(text)


def test_case_and_typography_fold_together() -> None:
    both = CompareOptions(ignore_case=True, ignore_typography=True)
    assert fold_same_length("\u201cHELLO\u201d", both) == '"hello"'


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("  two   words \n", "two words"),
        ("tab\there", "tab here"),
        ("line\nbreak", "line break"),
        ("\t\n ", ""),
        ("one", "one"),
    ],
)
def test_white_space_runs_are_one_space_and_the_ends_go(text: str, key: str) -> None:
    assert match_key(text, WHITESPACE) == key


def test_white_space_is_not_ignored_unless_asked() -> None:
    assert match_key("a  b", CASE) == "a  b"


@given(st.text(), OPTIONS)
def test_extra_white_space_makes_no_new_key_when_ignored(
    text: str, options: CompareOptions
) -> None:
    spaced = "  " + text.replace(" ", " \t ") + "\n"
    options = CompareOptions(
        ignore_whitespace=True,
        ignore_case=options.ignore_case,
        ignore_typography=options.ignore_typography,
    )
    assert match_key(spaced, options) == match_key(text, options)


@given(st.text(alphabet=string.ascii_letters + " .,"))
def test_upper_and_lower_case_share_a_key_when_case_is_ignored(text: str) -> None:
    assert match_key(text.upper(), CASE) == match_key(text.lower(), CASE)


@given(st.text(max_size=200), st.data(), OPTIONS)
def test_match_keys_are_the_keys_of_each_span(
    text: str, data: st.DataObject, options: CompareOptions
) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=10)))
    spans = [Span(start, end) for start, end in zip(cuts[::2], cuts[1::2], strict=False)]
    keys = match_keys(text, spans, options)
    assert keys == [match_key(text[s.start : s.end], options) for s in spans]
    if keys_are_texts(options):
        assert keys == [text[s.start : s.end] for s in spans]
    cut = [text[s.start : s.end] for s in spans]  # as ``segment_with_texts`` hands them over
    assert match_keys(text, spans, options, cut) == keys


@pytest.mark.parametrize(
    ("options", "folds", "texts"),
    [
        (CompareOptions(), False, True),
        (CASE, True, False),
        (TYPOGRAPHY, True, False),
        (WHITESPACE, False, False),
        # the other options never change a key
        (CompareOptions(strip_trailing_cr=True, ignore_blank_lines=True), False, True),
    ],
)
def test_which_options_change_the_keys(options: CompareOptions, folds: bool, texts: bool) -> None:
    assert folds_anything(options) is folds
    assert keys_are_texts(options) is texts
