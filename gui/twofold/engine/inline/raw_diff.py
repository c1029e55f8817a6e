# SPDX-License-Identifier: GPL-3.0-or-later
"""diff-match-patch on strings, and tokens encoded as characters so it diffs tokens.

Why apart: the alignment, git's line diff and the re-encoding of an edit call
diff-match-patch as the inline stage does, and must call it the same way. The C++
build (``fast_diff_match_patch``) is used when installed; the pure-Python library is
the fallback and gives the same kind of result. ``Diff_Timeout`` bounds the time spent
on one diff: past it the library returns a coarser but still exact diff.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import chain, count, islice
from typing import Any

from twofold.engine.result.kinds import Op

try:
    import fast_diff_match_patch as _fast
except ImportError:  # pragma: no cover - exercised where the wheel is missing
    _fast = None

#: Op signs of the C++ library and op numbers of the pure one; a dict, because
#: calling ``Op(...)`` per run costs some 20 times a lookup.
_OPS = {"=": Op.EQUAL, "-": Op.DELETE, "+": Op.INSERT, 0: Op.EQUAL, -1: Op.DELETE, 1: Op.INSERT}
_SURROGATES = range(0xD800, 0xE000)
#: How many distinct tokens ``encode_tokens`` can name: every code point but NUL and surrogates.
CODE_CAPACITY = 0x10FFFF - len(_SURROGATES)


def raw_diff(a: str, b: str, timeout: float, *, semantic: bool) -> list[tuple[Op, str]]:
    """A character diff of two strings, semantically cleaned up when asked."""
    if _fast is not None:
        return [(_OPS[op], text) for op, text in _fast_diff(a, b, timeout, semantic, False)]
    import diff_match_patch as pure  # the fallback: only imported where it is used

    dmp = pure.diff_match_patch()
    dmp.Diff_Timeout = timeout
    diffs = dmp.diff_main(a, b, False)
    if semantic:
        dmp.diff_cleanupSemantic(diffs)
    return [(_OPS[op], text) for op, text in diffs]


def raw_diff_counts(a: str, b: str, timeout: float, *, semantic: bool) -> list[tuple[Op, int]]:
    """``raw_diff`` with each run's length instead of its text.

    For encoded token strings the text of a run is useless (private code points)
    and only its length is read; the C++ library can skip building those strings.
    """
    if _fast is not None:
        return [(_OPS[op], n) for op, n in _fast_diff(a, b, timeout, semantic, True)]
    return [(op, len(text)) for op, text in raw_diff(a, b, timeout, semantic=semantic)]


def _fast_diff(a: str, b: str, timeout: float, semantic: bool, counts_only: bool) -> list[Any]:
    """The C++ library's diff: ``(op, text)`` pairs, or ``(op, length)`` if ``counts_only``."""
    assert _fast is not None
    result: list[Any] = _fast.diff(
        a,
        b,
        timelimit=timeout,
        checklines=False,
        cleanup="Semantic" if semantic else "No",
        counts_only=counts_only,
    )
    return result


class TokenCodes(dict[str, str]):
    """Token → private character, handing out the next code on first sight.

    Codes go in first-seen order from U+0001 up, skipping the surrogates (not
    characters on their own). The order matters: diff-match-patch's
    semantic cleanup looks at the characters it shifts edits across, so other codes
    could give other (equally exact) edits. A dict subclass keeps the lookup of a
    known token, the common case, in C; only a new token runs this method.
    """

    def __missing__(self, token: str) -> str:
        value = len(self) + 1
        if value >= _SURROGATES.start:
            value += len(_SURROGATES)
        code = self[token] = chr(value)
        return code


def encode_tokens(sequences: list[list[str]], slice_tokens: int) -> list[str]:
    """Map equal tokens to equal private characters, so a char diff becomes a token diff.

    The codes are ``TokenCodes``', built in C: a reworded pair has a hundred
    thousand distinct tokens and more over its pairs, and a Python ``__missing__``
    call for each was a good part of its diff (``bench/run.py``); a log aligns as
    many distinct lines as it has.
    """
    if sum(map(len, sequences)) <= min(slice_tokens, _SURROGATES.start - 1):
        # A pair's words, all at once: each token is looked up once, given its code on
        # first sight, in C; too few tokens to reach the surrogates.
        first_seen: defaultdict[str, str] = defaultdict(map(chr, count(1)).__next__)
        code = first_seen.__getitem__
        return ["".join(map(code, tokens)) for tokens in sequences]
    values = map(chr, chain(range(1, _SURROGATES.start), range(_SURROGATES.stop, 0x110000)))
    # The lines of a big file: each C call reads a slice, so that the thread doing
    # this lets the window paint in between (a log's lines in one go were a stall).
    distinct: dict[str, None] = {}
    for tokens in sequences:
        for start in range(0, len(tokens), slice_tokens):
            distinct.update(dict.fromkeys(tokens[start : start + slice_tokens]))
    if len(distinct) >= CODE_CAPACITY:
        raise ValueError(f"{len(distinct)} distinct tokens: more than there are codes")
    codes: dict[str, str] = {}
    keys = iter(distinct)
    while len(codes) < len(distinct):
        codes.update(
            zip(islice(keys, slice_tokens), values, strict=False)
        )  # stops before using a value
    lookup = codes.__getitem__
    return [
        "".join(
            "".join(map(lookup, tokens[start : start + slice_tokens]))
            for start in range(0, len(tokens), slice_tokens)
        )
        for tokens in sequences
    ]
