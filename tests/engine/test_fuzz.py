# SPDX-License-Identifier: GPL-3.0-or-later
"""Fuzz the engine from raw bytes to JSON: only documented errors, invariants always hold.

The coverage-guided counterpart (atheris) is ``bench/fuzz_engine.py``, run by
``make fuzz``; these hypothesis tests keep the same contract in every test run.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import assert_invariants
from twofold.engine.decoding import decode_bytes
from twofold.engine.errors import InputError
from twofold.engine.export_json import to_json
from twofold.engine.model import CompareOptions, Granularity, Unit
from twofold.engine.pipeline import compare

options = st.builds(
    CompareOptions,
    unit=st.sampled_from(list(Unit)),
    granularity=st.sampled_from(list(Granularity)),
    ignore_whitespace=st.booleans(),
    ignore_case=st.booleans(),
    ignore_typography=st.booleans(),
    detect_moves=st.booleans(),
)

# Bytes that look like text often enough to reach the aligner: words, newlines,
# UTF-8 multibyte sequences, a BOM now and then, and raw noise.
chunks = st.one_of(
    st.sampled_from([b"the ", b"nation ", b"liberty", b".", b"\n", b"\n\n", b"\r\n", b"\r"]),
    st.sampled_from(["\u201c", "\u2014", "\u00e9", "\u4e2d", "\U0001f600"]).map(str.encode),
    st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\x80", b"\xc3"]),
    st.binary(max_size=8),
)
documents = st.lists(chunks, max_size=60).map(b"".join)


def check_roundtrip(raw_a: bytes, raw_b: bytes, opts: CompareOptions) -> None:
    try:
        a = decode_bytes(raw_a, "a.txt")
        b = decode_bytes(raw_b, "b.txt")
    except InputError as exc:
        message = str(exc)
        assert message.endswith(".")
        assert "\n" not in message
        return
    result = compare(a, b, opts)
    assert_invariants(result)
    data = json.loads(to_json(result))
    for side in "ab":
        seen = sorted(i for p in data["pairs"] for i in p[side])
        assert seen == list(range(len(data[side]["paragraphs"])))


@given(documents, documents, options)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_text_like_bytes_end_in_a_result_or_a_documented_error(
    raw_a: bytes, raw_b: bytes, opts: CompareOptions
) -> None:
    check_roundtrip(raw_a, raw_b, opts)


@given(st.binary(max_size=512), st.binary(max_size=512), options)
@settings(max_examples=200, deadline=None)
def test_random_bytes_never_raise_anything_else(
    raw_a: bytes, raw_b: bytes, opts: CompareOptions
) -> None:
    check_roundtrip(raw_a, raw_b, opts)


@given(documents, st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=12)), max_size=8))
@settings(max_examples=200, deadline=None)
def test_random_edit_scripts_keep_the_invariants(
    raw: bytes, script: list[tuple[int, bytes]]
) -> None:
    edited = bytearray(raw)
    for position, replacement in script:
        at = position % (len(edited) + 1)
        edited[at : at + len(replacement) // 2] = replacement
    check_roundtrip(raw, bytes(edited), CompareOptions())
