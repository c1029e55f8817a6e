# SPDX-License-Identifier: GPL-3.0-or-later
"""``TOKEN`` against the order it had, and ``ASCII_TOKEN`` against it: the same tokens."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.inline.units import ASCII_TOKEN, TOKEN

_WORD_CLASS = r"[^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]"
#: The pattern as it was, words tried first.
_WORDS_FIRST = re.compile(_WORD_CLASS + r"+|\s+|.", re.DOTALL)


def test_no_character_is_both_white_space_and_a_words() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    word = set(re.findall(_WORD_CLASS, every))
    assert word
    assert word.isdisjoint(re.findall(r"\s", every))


@given(st.text(st.sampled_from(" \t\n\u3000\u00a0\u2028ab_1é\u4e00\u30a2.,-\x1c")))
def test_the_tokens_of_the_words_first_order(text: str) -> None:
    assert TOKEN.findall(text) == _WORDS_FIRST.findall(text)
    assert TOKEN.findall(text[::-1]) == _WORDS_FIRST.findall(text[::-1])


@given(st.text())
def test_the_tokens_of_any_text(text: str) -> None:
    assert TOKEN.findall(text) == _WORDS_FIRST.findall(text)


def test_ascii_tokens_of_every_two_ascii_characters() -> None:
    for first in range(128):
        for second in range(128):
            text = chr(first) + chr(second)
            assert ASCII_TOKEN.findall(text) == TOKEN.findall(text), text


@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_tokens_of_any_ascii_text(text: str) -> None:
    assert ASCII_TOKEN.findall(text) == TOKEN.findall(text)
