# SPDX-License-Identifier: GPL-3.0-or-later
"""Syntax tokens for code pairs: the language picked, tokens lexed in pieces; no Qt."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twofold.engine.view.syntax import Language, SyntaxTokens, TokenKind, language_for

SOURCE = '''#!/usr/bin/env python3
"""A module docstring
over two lines."""

import os


@decorated
def total(values: list[int]) -> int:
    # add them up
    return sum(values) + 42 if values else None


class Box:
    name = "box"
'''


@pytest.mark.parametrize(
    ("name", "text", "language"),
    [
        ("total.py", "", "Python"),
        ("/some/where/main.c", "int main(void) { return 0; }\n", "C"),
        ("Makefile", "all:\n\ttrue\n", "Makefile"),
        ("config.json", "{}\n", "JSON"),
        ("run", "#!/usr/bin/env python3\nprint(1)\n", "Python"),
        ("run", "#!/bin/bash\necho hi\n", "Bash"),
        ("run", "#! /usr/bin/env -S perl -w\nprint 1;\n", "Perl"),
        ("notes", "x = 1\n# vim: set ft=ruby :\n", "Ruby"),
        ("a.py.orig", "#!/usr/bin/python3.12\nimport os\n", "Python"),
    ],
)
def test_the_language_comes_from_the_name_then_the_content(
    name: str, text: str, language: str
) -> None:
    found = language_for(name, text)
    assert found is not None
    assert found.name == language


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("notes.txt", "Plain words.\n"),
        ("server.log", "2024-01-01 started\n"),
        ("data.csv", "a,b\n1,2\n"),
        ("", "just text\n"),
        ("run", "#!/usr/bin/env\n"),
        ("run", "#!/opt/no-such-interpreter\n"),
    ],
)
def test_text_without_a_known_language_gets_none(name: str, text: str) -> None:
    assert language_for(name, text) is None


def _tokens(text: str = SOURCE) -> SyntaxTokens:
    return SyntaxTokens(text, Language("python", "Python"))


def _named(tokens: SyntaxTokens, kind: TokenKind) -> list[str]:
    return [tokens.text[s:e] for s, e, k in tokens.spans(0, len(tokens.text)) or [] if k is kind]


def test_tokens_are_classified() -> None:
    tokens = _tokens()
    tokens.lex_to(len(SOURCE))

    assert tokens.done
    keywords = set(_named(tokens, TokenKind.KEYWORD))
    assert {"import", "def", "return", "if", "else", "class"} <= keywords
    assert "total" in _named(tokens, TokenKind.DEFINITION)
    assert "Box" in _named(tokens, TokenKind.DEFINITION)
    assert "sum" in _named(tokens, TokenKind.BUILTIN)
    assert "42" in _named(tokens, TokenKind.NUMBER)
    assert '"box"' in _named(tokens, TokenKind.STRING)
    assert "# add them up" in _named(tokens, TokenKind.COMMENT)
    assert "@decorated" in _named(tokens, TokenKind.DECORATOR)
    docstring = next(t for t in _named(tokens, TokenKind.STRING) if "docstring" in t)
    assert docstring.endswith('two lines."""')  # one token over its two lines


def test_a_range_not_lexed_yet_has_no_answer() -> None:
    tokens = _tokens(SOURCE * 200)
    tokens.advance(100)

    assert tokens.lexed < len(tokens.text)
    assert tokens.spans(0, tokens.lexed) is not None
    assert tokens.spans(0, len(tokens.text)) is None
    tokens.lex_to(len(tokens.text))
    assert tokens.spans(0, len(tokens.text)) is not None


def test_a_guess_lexes_lines_on_their_own() -> None:
    tokens = _tokens()
    line = SOURCE.index("    return")
    end = SOURCE.index("\n", line)

    guessed = [(SOURCE[s:e], k) for s, e, k in tokens.guess(line, end)]

    assert ("return", TokenKind.KEYWORD) in guessed
    assert ("42", TokenKind.NUMBER) in guessed
    assert not tokens.lexed  # nothing kept


@settings(max_examples=40, deadline=None)
@given(
    pieces=st.lists(st.integers(min_value=1, max_value=300), min_size=1, max_size=30),
    window=st.tuples(st.integers(0, len(SOURCE)), st.integers(0, len(SOURCE))),
)
def test_lexing_in_pieces_finds_what_lexing_at_once_does(
    pieces: list[int], window: tuple[int, int]
) -> None:
    whole = _tokens()
    whole.lex_to(len(SOURCE))
    stepped = _tokens()
    for piece in pieces:
        stepped.advance(piece)
    stepped.lex_to(len(SOURCE))
    start, end = sorted(window)

    spans = stepped.spans(start, end)

    assert spans == whole.spans(start, end)
    assert spans is not None
    assert all(start <= s < e <= end for s, e, _ in spans)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))
