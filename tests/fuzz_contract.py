# SPDX-License-Identifier: GPL-3.0-or-later
"""What the engine promises for any two inputs, checked by the hypothesis tests and the fuzzer.

One definition for ``tests/engine/test_fuzz.py`` and ``bench/fuzz_engine.py``
(atheris), so the coverage-guided fuzzer checks exactly what every test run
checks: bytes end in a result or in a one-sentence ``InputError``; both texts
rebuild from the pairs' edits; every paragraph is in exactly one pair, in the
model and in the JSON; and the unified diffs, applied to A, give B: that of
``--diff`` and the window's export (the files' bytes) byte for byte, and that of
a side without a file (the decoded texts written back in UTF-8).
"""

from __future__ import annotations

import json

from support import assert_invariants
from twofold.engine.errors import InputError
from twofold.engine.export.export_json import to_json
from twofold.engine.export.export_unified import stored_diff, unified_diff
from twofold.engine.load.text_decoding import decode_bytes
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import NewlineStyle
from twofold.engine.result.model import CompareOptions, DiffResult, Document
from unified_patch import apply_unified

__all__ = ["as_written", "assert_patch_applies", "check_roundtrip"]

#: the line end a text without a file is written with (mixed and none: LF)
_NEWLINES = {NewlineStyle.CRLF: "\r\n", NewlineStyle.CR: "\r"}


def check_roundtrip(raw_a: bytes, raw_b: bytes, opts: CompareOptions) -> DiffResult | None:
    """Decode and compare two files' bytes and check every invariant; None if refused."""
    try:
        a = decode_bytes(raw_a, "a.txt")
        b = decode_bytes(raw_b, "b.txt")
    except InputError as exc:
        message = str(exc)
        assert message.endswith(".")
        assert "\n" not in message
        return None
    result = compare(a, b, opts)
    assert_invariants(result)
    data = json.loads(to_json(result))
    for side in "ab":
        seen = sorted(i for p in data["pairs"] for i in p[side])
        assert seen == list(range(len(data[side]["paragraphs"])))
    assert_patch_applies(result)
    patch = stored_diff(result.a, raw_a, result.b, raw_b)
    assert patch == unified_diff(raw_a, raw_b, "a.txt", "b.txt")
    assert apply_unified(patch, raw_a) == raw_b
    return result


def as_written(doc: Document) -> bytes:
    """What stands in for a side without a file: its text in UTF-8, its BOM and line ends."""
    text = doc.text.replace("\n", _NEWLINES.get(doc.newline, "\n"))
    return (("\ufeff" if doc.bom else "") + text).encode("utf-8", "surrogatepass")


def assert_patch_applies(result: DiffResult) -> None:
    """The diff of two sides without files (their texts), applied to A, gives B byte for byte."""
    patch = stored_diff(result.a, None, result.b, None)
    assert apply_unified(patch, as_written(result.a)) == as_written(result.b)
