# SPDX-License-Identifier: GPL-3.0-or-later
"""Coverage-guided fuzzing of the engine with atheris (``make fuzz``).

Each input is split in two at its first ``0xFE 0xFE`` pair (or in the middle);
both halves go through ``decode_bytes`` → ``compare`` → ``to_json``. Anything
but a result or an ``InputError`` is a crash that atheris reports with the input.
Runs for ``-max_total_time`` seconds (default 60).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))

with atheris.instrument_imports():
    from twofold.engine.decoding import decode_bytes
    from twofold.engine.errors import InputError
    from twofold.engine.export_json import to_json
    from twofold.engine.model import CompareOptions, Granularity, Unit
    from twofold.engine.pipeline import compare

_OPTIONS = [
    CompareOptions(),
    CompareOptions(unit=Unit.LINES, granularity=Granularity.CHARACTER),
    CompareOptions(ignore_whitespace=True, ignore_case=True, ignore_typography=True),
]


def one_input(data: bytes) -> None:
    cut = data.find(b"\xfe\xfe")
    cut = len(data) // 2 if cut < 0 else cut
    raw_a, raw_b = data[:cut], data[cut + 2 :]
    try:
        a = decode_bytes(raw_a, "a.txt")
        b = decode_bytes(raw_b, "b.txt")
    except InputError:
        return
    result = compare(a, b, _OPTIONS[len(data) % len(_OPTIONS)])
    document = json.loads(to_json(result))
    for side in "ab":
        seen = sorted(i for p in document["pairs"] for i in p[side])
        if seen != list(range(len(document[side]["paragraphs"]))):
            raise AssertionError(f"paragraphs of {side} not covered exactly once")


def main() -> None:
    args = (
        sys.argv
        if any(a.startswith("-max_total_time") for a in sys.argv)
        else [
            *sys.argv,
            "-max_total_time=60",
        ]
    )
    atheris.Setup(args, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
