# SPDX-License-Identifier: GPL-3.0-or-later
"""Terminal quoting: git's rules for names, and no control character ever printed raw."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.export.terminal_text import escape_controls, quote_name


@pytest.mark.parametrize(
    ("name", "printed"),
    [
        ("notes.txt", "notes.txt"),
        ("Entwurf \u2013 \u00fc, v2.txt", "Entwurf \u2013 \u00fc, v2.txt"),  # quotePath=false
        ("tab\there", '"tab\\there"'),
        ("a\nB: forged", '"a\\nB: forged"'),
        ("red\x1b[31m.txt", '"red\\033[31m.txt"'),
        ('say "hi".txt', '"say \\"hi\\".txt"'),
        ("back\\slash", '"back\\\\slash"'),
        ("del\x7f", '"del\\177"'),
        ("csi\x9b2J", '"csi\\302\\2332J"'),
        ("byte\udcff.txt", '"byte\\377.txt"'),  # an undecodable byte, as os.fsdecode keeps it
        ("invoice\u202etxt.pdf", '"invoice\\342\\200\\256txt.pdf"'),  # reads "invoicefdp.txt"
        ("\u2067isolate\u2069", '"\\342\\201\\247isolate\\342\\201\\251"'),
    ],
)
def test_names_are_quoted_as_git_quotes_paths(name: str, printed: str) -> None:
    assert quote_name(name) == printed


def test_sentences_keep_their_quotes_and_lose_their_controls() -> None:
    sentence = '"x\x1b]0;pwned\x07\ny.txt" does not exist.'
    assert escape_controls(sentence) == '"x\\033]0;pwned\\a\\ny.txt" does not exist.'
    assert escape_controls('"C:\\out\\b.txt" is one of the compared files.') == (
        '"C:\\out\\b.txt" is one of the compared files.'
    )


def _printable(text: str) -> bool:
    """True if ``text`` is one line a terminal prints without acting on anything in it."""
    return not any(
        c < " " or "\x7f" <= c <= "\x9f" or "\ud800" <= c <= "\udfff" or c in _BIDI for c in text
    )


@given(st.text())
def test_quoted_names_are_one_printable_line(name: str) -> None:
    for out in (quote_name(name), escape_controls(name)):
        assert _printable(out)
        out.encode("utf-8")  # never an UnicodeEncodeError on a UTF-8 terminal


#: the bidirectional controls, which reorder the terminal line they are printed in
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_UNESCAPE = {b"a": 7, b"b": 8, b"t": 9, b"n": 10, b"v": 11, b"f": 12, b"r": 13}


def _unquote(quoted: str) -> bytes:
    """git's unquote_c_style, for the test: the bytes a quoted name stands for."""
    body = quoted[1:-1].encode("utf-8")
    out, i = bytearray(), 0
    while i < len(body):
        if body[i : i + 1] != b"\\":
            out.append(body[i])
            i += 1
        elif body[i + 1 : i + 2] in _UNESCAPE:
            out.append(_UNESCAPE[body[i + 1 : i + 2]])
            i += 2
        elif body[i + 1 : i + 2] in (b'"', b"\\"):
            out += body[i + 1 : i + 2]
            i += 2
        else:
            out.append(int(body[i + 1 : i + 4], 8))
            i += 4
    return bytes(out)


@given(st.binary())
def test_quoting_is_reversible(raw: bytes) -> None:
    """A file name (bytes, as the file system keeps them) can be read back from its quoting."""
    name = raw.decode("utf-8", "surrogateescape")  # what os.fsdecode gives on Linux
    quoted = quote_name(name)
    if quoted == name:
        assert quoted.encode("utf-8") == raw
    else:
        assert _unquote(quoted) == raw
