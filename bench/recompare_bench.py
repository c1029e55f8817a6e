# SPDX-License-Identifier: GPL-3.0-or-later
"""What comparing again after one typed word costs: a fresh comparison against ``recompare``.

Usage: ``python bench/recompare_bench.py [--paragraphs N] [--runs N]``.

Makes a reworded pair of N paragraphs (every fourth paragraph of B has a word
changed), compares it, then types a word into one paragraph of B and times a
fresh ``compare`` of the edited texts against ``engine.edit.recompare``, which
reuses the earlier result's word diffs for every pair whose texts it has seen.
Prints the medians and checks that both results' JSON are the same. Whatever
else the machine runs counts too: compare the two columns, not the figures
with another run's.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))

from twofold.engine.edit.recompare import edited_document, recompare
from twofold.engine.export.export_json import to_json
from twofold.engine.pipeline import compare
from twofold.engine.result.model import Document

_WORDS = [
    "nation",
    "liberty",
    "equal",
    "brave",
    "dead",
    "world",
    "note",
    "living",
    "dedicate",
    "portion",
    "field",
    "war",
]


def _pair(paragraphs: int) -> tuple[str, str]:
    rng = random.Random(21)
    a = [" ".join(rng.choice(_WORDS) for _ in range(60)) + "." for _ in range(paragraphs)]
    b = list(a)
    for k in range(0, paragraphs, 4):
        words = b[k].split()
        words[rng.randrange(len(words))] = "reworded"
        b[k] = " ".join(words)
    return "\n\n".join(a) + "\n", "\n\n".join(b) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=4000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text_a, text_b = _pair(args.paragraphs)
    a, b = Document("a.txt", text_a), Document("b.txt", text_b)
    before = compare(a, b)
    edited = text_b.replace(" nation ", " typed nation ", 1)
    fresh_times, again_times = [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        fresh = compare(a, edited_document(b, edited))
        fresh_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        again = recompare(before, text_a, edited)
        again_times.append(time.perf_counter() - started)
    assert to_json(again) == to_json(fresh)
    size = (len(text_a) + len(text_b)) / 1e6
    print(f"{args.paragraphs} paragraphs, {size:.1f} MB, {len(before.changes)} changes")
    print(f"fresh compare  {statistics.median(fresh_times):.3f} s")
    print(f"recompare      {statistics.median(again_times):.3f} s  (same JSON)")


if __name__ == "__main__":
    main()
