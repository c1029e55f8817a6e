# SPDX-License-Identifier: GPL-3.0-or-later
"""Names and sentences made safe for a terminal, quoted the way git quotes paths.

A file name or a ``--label`` can hold any character but ``/`` and NUL: an ESC
sequence printed raw recolours, clears or retitles the user's terminal, and a
newline in a label forges a line of ``--stat`` ("B: ..."). git solves the same
problem for paths (``core.quotePath``, ``quote_c_style``): a name with a control
character, a double quote or a backslash is printed inside double quotes with C
escapes (``\\t``, ``\\n``, ``\\033``); any other name, non-ASCII included, is
printed as is (git with ``core.quotePath=false``).

Only text for terminals goes through here: the window shows names in plain-text
labels, the JSON escapes what it must, and the HTML report escapes HTML.

What counts as a control character: C0 (U+0000-U+001F), DEL and C1
(U+0080-U+009F; some terminals act on U+009B as a CSI). A lone surrogate is
how Python carries an undecodable byte of a file name (``surrogateescape``):
it is printed as that byte's octal escape, as git prints the raw byte, instead
of failing to encode. The bidirectional controls (U+061C, U+200E, U+200F,
U+202A-U+202E, U+2066-U+2069) are escaped too, as their UTF-8 bytes in octal:
a terminal that lays text out by direction would otherwise reorder the line
they sit in, and a name could read as another (the "Trojan Source" trick).
"""

from __future__ import annotations

import re

#: the characters that are never printed raw
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_C_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff{_BIDI}]")
#: a name holding any of these is quoted (git's rule, without the non-ASCII part)
_NEEDS_QUOTES = re.compile(f'[\x00-\x1f"\\\\\x7f-\x9f\ud800-\udfff{_BIDI}]')
_SHORT = {"\a": "\\a", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\v": "\\v", "\f": "\\f", "\r": "\\r"}


def _escape(char: str) -> str:
    """One character as git writes it inside a quoted path."""
    if char in _SHORT:
        return _SHORT[char]
    if char in '"\\':
        return "\\" + char
    code = ord(char)
    escaped_byte = 0xDC80 <= code <= 0xDCFF  # surrogateescape: the file name's own byte
    raw = bytes([code - 0xDC00]) if escaped_byte else char.encode("utf-8", "surrogatepass")
    return "".join(f"\\{byte:03o}" for byte in raw)


def quote_name(name: str) -> str:
    """``name`` for a terminal line: as is, or in double quotes with C escapes if needed.

    >>> quote_name("notes.txt")
    'notes.txt'
    >>> quote_name("evil\\x1b[2J.txt")
    '"evil\\\\033[2J.txt"'
    """
    if not _NEEDS_QUOTES.search(name):
        return name
    return '"' + _NEEDS_QUOTES.sub(lambda m: _escape(m.group()), name) + '"'


def escape_controls(sentence: str, *, bidi: bool = True) -> str:
    """``sentence`` with its control characters as C escapes, the rest untouched.

    For sentences that already put each name in double quotes (every error
    message does): quoting again would double the quotes, and a backslash in a
    Windows path would read badly doubled; what matters for the terminal is
    that no control character gets through and the sentence stays one line.

    Args:
        bidi: escape the bidirectional controls too; the window passes False
            because it spells them out as readable badges (``⟨U+202E⟩``) instead.
    """
    pattern = _CONTROL if bidi else _C_CONTROL
    return pattern.sub(lambda m: _escape(m.group()), sentence)
