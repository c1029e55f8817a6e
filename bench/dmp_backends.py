# SPDX-License-Identifier: GPL-3.0-or-later
"""Is the C++ diff-match-patch worth depending on? Time both backends on the same pairs.

Usage: ``python bench/dmp_backends.py`` (also run by ``make bench``). It builds a
1 MB pair with every paragraph reworded (the generator of ``bench/run.py``),
diffs each paragraph pair with ``fast_diff_match_patch`` and with the pure
Python ``diff_match_patch``, checks that both rebuild both texts exactly, and
prints the median of 3 runs of each and their ratio.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as bench_run  # the pair generator
from twofold.engine.inline import raw_diff
from twofold.engine.inline.chardiff import inline_edits, rebuild
from twofold.engine.result.kinds import Granularity, Op
from twofold.engine.result.model import CompareOptions


def pairs(target_bytes: int, seed: int = 1863) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    real = bench_run.demo_sentences()
    original = bench_run.make_original(rng, target_bytes, real)
    return [(p, bench_run.reword(rng, p)) for p in original]


def time_backend(data: list[tuple[str, str]], options: CompareOptions) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds to diff every pair."""
    started, cpu = time.perf_counter(), time.process_time()
    for a, b in data:
        edits = inline_edits(a, b, options)
        assert rebuild(edits, Op.DELETE) == a
        assert rebuild(edits, Op.INSERT) == b
    return time.perf_counter() - started, time.process_time() - cpu


def _medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> int:
    data = pairs(1_000_000)
    fast_module = raw_diff._fast
    print(f"{len(data)} reworded paragraph pairs, ~1 MB a side; median of 3 runs")
    print(
        "| granularity | fast (C++) wall s | fast CPU s | pure Python wall s | pure CPU s "
        "| wall pure / fast | CPU pure / fast |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for granularity in Granularity:
        options = CompareOptions(granularity=granularity)
        fast, fast_cpu = _medians([time_backend(data, options) for _ in range(3)])
        raw_diff._fast = None
        try:
            pure, pure_cpu = _medians([time_backend(data, options) for _ in range(3)])
        finally:
            raw_diff._fast = fast_module
        print(
            f"| {granularity.value} | {fast:.3f} | {fast_cpu:.3f} | {pure:.3f} | {pure_cpu:.3f} "
            f"| {pure / fast:.1f}x | {pure_cpu / fast_cpu:.1f}x |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
