# SPDX-License-Identifier: GPL-3.0-or-later
"""What tells text from binary data: control bytes, NULs, characters text does not use.

Why apart from :mod:`twofold.engine.load.decoding`: the decoder decides *which*
encoding; these are the judgments it asks of the bytes or the text it found,
each a pure function with a threshold of its own. They judge the whole file,
not its start, because a binary part can start anywhere (a log with a dump
appended, text pasted before an image), and they stay cheap enough for a
256 MB file: one search per control byte in the common case. Qt-free.
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = [
    "MAX_CONTROL_SHARE",
    "ascii_compatible",
    "control_share",
    "looks_binary",
    "reads_as_text_around_replacements",
]

#: above this share of control characters the data is not prose or code
MAX_CONTROL_SHARE = 0.05
#: the binary check judges every stretch of this many bytes, all through the file
_WINDOW_BYTES = 8 * 1024
#: how much of a text :func:`control_share` looks at (the start is where a guess shows)
_SAMPLE_CHARS = 8 * 1024
#: C0 and C1 controls that real text does not contain (tab, newlines, form
#: feed, backspace and escape are common enough in logs and man pages to allow)
_CONTROLS = frozenset(range(0x20)) - {0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}
_DROP_CONTROLS: dict[int, None] = dict.fromkeys((*_CONTROLS, 0x7F, *range(0x80, 0xA0)))
#: the C0 controls above (NUL included) and DEL, as bytes: in UTF-8 and in every
#: ASCII-compatible codec each of these bytes is that control character and
#: nothing else is, so counting bytes counts the text's controls
_CONTROL_BYTES = bytes(sorted({*_CONTROLS, 0x7F}))
#: all 128 ASCII characters, to tell an ASCII-compatible codec
_ASCII = bytes(range(0x80))
#: characters either side of a replacement that must read as text, and how many
#: replacements are looked at that way
_AROUND_REPLACEMENT = 256
_REPLACEMENTS_LOOKED_AT = 16
#: unassigned, private-use and surrogate characters: random code units give about
#: 15 % of them, text next to none
_NOT_TEXT_CATEGORIES = frozenset({"Cn", "Co", "Cs"})
_MAX_NOT_TEXT_SHARE = 0.05


def looks_binary(data: bytes) -> bool:
    """True if ``data`` holds a NUL, or if any stretch of it is dense with control bytes.

    Every window of 8 KB is judged, not only the first. Most files hold none of the
    controls, which a search for each byte (``memchr``) tells in half the time of a
    copy; one ``bytes.translate`` pass counts them otherwise (``bench/load_bench.py``
    times it); only a file with many of them is looked at window by window, the
    windows overlapping by half so that a dense stretch cannot hide across a boundary.
    A file shorter than a window is judged as a whole. ``data`` is a file in an
    ASCII-compatible encoding, or decoded text encoded as UTF-8.
    """
    if not any(map(data.__contains__, _CONTROL_BYTES)):  # the common case: memchr each
        return False
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if b"\0" in data:
        return True
    window = min(len(data), _WINDOW_BYTES)
    limit = MAX_CONTROL_SHARE * window
    if controls <= limit or len(data) == window:
        return controls > limit
    step = window // 2
    starts = [*range(0, len(data) - window, step), len(data) - window]
    return any(
        window - len(data[start : start + window].translate(None, _CONTROL_BYTES)) > limit
        for start in starts
    )


@functools.cache
def ascii_compatible(encoding: str) -> bool:
    """Whether ``encoding`` writes ASCII (the controls included) as ASCII bytes.

    For those, the control bytes of the file are the control characters of
    its text; UTF-16/32 (and UTF-7 or EBCDIC, should a guess name them) are
    judged on their decoded text instead.
    """
    try:
        return _ASCII.decode(encoding) == _ASCII.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


def control_share(text: str) -> float:
    """Share of C0 and C1 control characters in the start of ``text``; high means not text."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(_DROP_CONTROLS))) / len(sample)


def reads_as_text_around_replacements(text: str) -> bool:
    """Whether the characters next to the first U+FFFD replacements are ones text uses.

    Damaged text has text around its damage; random bytes decoded as UTF-16/32
    have unassigned and private-use characters all around.
    """
    at = -1
    for _ in range(_REPLACEMENTS_LOOKED_AT):
        at = text.find("\ufffd", at + 1)
        if at < 0:
            break
        near = text[max(0, at - _AROUND_REPLACEMENT) : at + _AROUND_REPLACEMENT]
        odd = sum(unicodedata.category(char) in _NOT_TEXT_CATEGORIES for char in near)
        if odd > _MAX_NOT_TEXT_SHARE * len(near):
            return False
    return True
