# SPDX-License-Identifier: GPL-3.0-or-later
"""The units an inline diff compares, cut a piece at a time: tokens or sentence chunks.

Why pieces: one regex call over a long paragraph or line holds the GIL long enough
to freeze the window while its worker diffs; between pieces the UI thread gets its
turn. Units are coded one character a unit (``raw_diff.TokenCodes``) so that
diff-match-patch diffs units, not characters. No Qt.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator

from twofold.engine.inline.raw_diff import TokenCodes
from twofold.engine.inline.shared_ends import common_text_ends

#: Runs of white space, words, and single other characters (punctuation, symbols, CJK).
#: White space is tried first: no character is both white space and a word's (so the
#: order changes no token), and a text's commonest token, a space, then skips the
#: word class's test.
TOKEN = re.compile(r"\s+|[^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+|.", re.DOTALL)
#: ``TOKEN`` for an ASCII text: what ``\s`` and ``\w`` match there (``\x1c``-``\x1f`` are
#: white space too), as ranges of codes, without the Unicode tables each character
#: was looked up in. The same tokens (a test reads every ASCII character).
ASCII_TOKEN = re.compile(r"[\t-\r\x1c- ]+|[0-9A-Za-z_]+|.", re.DOTALL)
#: A sentence or statement with its end mark and the space after it (or a bare run).
CHUNK = re.compile(r"[^.!?;}\n]*(?:[.!?;}\n]+\s*|$)")
#: Where a chunk ends and the next one starts with neither an end mark nor a space.
_CHUNK_END = re.compile(r"[.!?;}\n]+\s*(?=[^.!?;}\n\s])")
#: Where a token ends and a run of white space starts: a place to cut a text into pieces.
_TOKEN_END = re.compile(r"(?<=\S)(?=\s)")


def encoded_units(pieces: Iterable[list[str]], codes: TokenCodes) -> tuple[str, array[int]]:
    """Units (tokens, or sentence chunks) as codes, one character a unit, and each one's length.

    Read a piece at a time (``token_pieces``, ``chunk_pieces``): only the
    distinct units are held, as the codes' keys, not a string object for each of
    a million tokens (a minified script's chunks are mostly repeats: held as
    strings they took several times the text). Lengths take two bytes a unit while
    every unit is shorter than 64 K characters (a long paragraph has over a million
    tokens, four times the memory as 8-byte lengths), four after. The peaks are in
    ``bench/gui_bench.py --only minified`` and ``--only paragraph``.
    """
    lookup = codes.__getitem__
    encoded: list[str] = []
    lengths: array[int] = array("H")
    for piece in pieces:
        encoded.append("".join(map(lookup, piece)))
        done = len(lengths)
        try:
            lengths.extend(map(len, piece))
        except OverflowError:
            lengths = array("I", lengths[:done])
            lengths.extend(map(len, piece))
    return "".join(encoded), lengths


def token_pieces(text: str, piece_chars: int) -> Iterator[list[str]]:
    """``TOKEN.findall(text)``, a list per piece of about ``piece_chars`` characters.

    One regex call over a long paragraph held the GIL long enough to freeze the
    window while its worker diffed (``bench/gui_bench.py --only paragraph``
    reports the longest stall). Pieces end where a word or mark meets white space,
    which is always the end of a token, so the tokens are the same.
    """
    start = 0
    while len(text) - start > piece_chars:
        end = _TOKEN_END.search(text, start + piece_chars)
        if end is None:
            break
        yield TOKEN.findall(text, start, end.start())
        start = end.start()
    yield TOKEN.findall(text, start)


def shared_token_ends(a: str, b: str) -> tuple[int, int]:
    """Characters ``a`` and ``b`` share at their start and at their end, cut between tokens.

    Both cuts fall where ``TOKEN`` ends a token in both texts, so each text's
    tokens are those of its start, its middle and its end read apart. The end
    never overlaps the start. A cut inside a token (a word or a run of white
    space, in either text) moves to that token's edge in the part both share,
    where the two texts hold the same characters.
    """
    head, tail = common_text_ends(a, b)
    if _inside_token(a, head) or _inside_token(b, head):
        head -= TOKEN.match(a[head - 1 :: -1]).end()  # type: ignore[union-attr]
    tail = min(tail, len(a) - head, len(b) - head)
    at = len(a) - tail
    if tail and (_inside_token(a, at) or _inside_token(b, len(b) - tail)):
        tail -= TOKEN.match(a, at).end() - at  # type: ignore[union-attr]
    return head, tail


def _inside_token(text: str, at: int) -> bool:
    """Whether one token of ``TOKEN.findall(text)`` holds ``text[at - 1]`` and ``text[at]``.

    ``TOKEN`` itself tells, read over those two characters: a pattern of its own
    for two of them would be compiled at every start-up, and the CJK ranges make
    compiling one of these a good part of the command line's start-up.
    """
    if not 0 < at < len(text):
        return False
    token = TOKEN.match(text, at - 1, at + 1)
    return token is not None and token.end() == at + 1


def chunks(text: str, piece_chars: int) -> list[str]:
    """``CHUNK.findall(text)``, read a piece of about ``piece_chars`` characters at a time."""
    return [chunk for piece in chunk_pieces(text, piece_chars) for chunk in piece]


def chunk_pieces(text: str, piece_chars: int) -> Iterator[list[str]]:
    """``CHUNK.findall(text)``, a list per piece of about ``piece_chars`` characters.

    One regex call over a long line holds the GIL, during which the window
    cannot paint (``bench/gui_bench.py --only single`` reports the longest
    stall); between pieces the UI thread gets its turn. Pieces end where a
    chunk ends, so the chunks are the same; only the whole text's last piece
    keeps the empty match ``$`` gives at its end.
    """
    start = 0
    while len(text) - start > piece_chars:
        end = _CHUNK_END.search(text, start + piece_chars)
        if end is None:
            break
        yield CHUNK.findall(text, start, end.end())[:-1]
        start = end.end()
    yield CHUNK.findall(text, start)
