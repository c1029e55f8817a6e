# SPDX-License-Identifier: GPL-3.0-or-later
"""The judgments that tell text from binary data, on their own (the decoder's cases are in
``test_decoding.py``)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.load.text_evidence import (
    ascii_compatible,
    control_share,
    looks_binary,
    reads_as_text_around_replacements,
)

LINE = b"A line of text with a tab\tand an escape \x1b[0m, as logs have.\n"


@pytest.mark.parametrize(
    ("data", "binary"),
    [
        (b"", False),
        (LINE * 1000, False),
        (LINE * 1000 + b"\0", True),
        (b"\x01", True),  # shorter than a window: judged as a whole
        (b"\x01" + LINE, False),  # one control in 60 bytes is under 5 %
        (LINE * 1000 + b"\x01" * 500, True),  # dense at the end only
        (LINE * 200 + b"\x01\x02\x03\x04abcdefghijkl" * 256 + LINE * 200, True),
        ((LINE + b"\x01") * 1000, False),  # 1.6 % everywhere
    ],
    ids=["empty", "text", "nul-at-end", "one-control", "sparse", "dense-tail", "dense-mid", "even"],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


@given(st.binary(max_size=20_000).map(lambda d: d.replace(b"\0", b"")), st.data())
def test_a_nul_anywhere_is_binary(data: bytes, draw: st.DataObject) -> None:
    at = draw.draw(st.integers(0, len(data)))
    assert looks_binary(data[:at] + b"\0" + data[at:])


@given(st.text(st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from("\n\t\x1b")))
def test_text_without_controls_is_not_binary(text: str) -> None:
    assert not looks_binary(text.encode("utf-8"))
    assert control_share(text) == 0.0


@pytest.mark.parametrize(
    ("encoding", "compatible"),
    [
        ("utf-8", True),
        ("cp1252", True),
        ("iso8859-7", True),
        ("shift_jis", True),
        ("utf-16-le", False),
        ("utf-32-be", False),
        ("utf-7", False),
        ("cp500", False),  # EBCDIC
        ("no-such-codec", False),
    ],
)
def test_ascii_compatible(encoding: str, compatible: bool) -> None:
    assert ascii_compatible(encoding) is compatible


def test_replacements_among_text_or_among_noise() -> None:
    assert reads_as_text_around_replacements("Grüße \ufffd aus Köln\n" * 10)
    noise = "".join(chr(0xE000 + i) for i in range(100))  # private use, as random UTF-16 gives
    assert not reads_as_text_around_replacements(noise + "\ufffd" + noise)
    assert reads_as_text_around_replacements("no replacement at all")
