# SPDX-License-Identifier: GPL-3.0-or-later
"""Is the refine helper process worth it? Refine the same coarse results with and without.

Usage: ``python bench/refine_helper_bench.py`` (also run by ``make bench``). It
generates the 1 MB pair with every paragraph reworded and the 10 MB pair with
10 % reworded (``bench/run.py``'s generator), aligns each once, then times
``refine`` alone and ``refine`` with a started ``RefineHelper``, alternating,
5 runs each; it checks that both give the same result and prints the medians
and their ratio. A second table times the whole comparison (align, then refine
with the helper) without and with a head start (``engine/head_start.py``: the
helper diffs guessed pairs while the alignment runs), and how many of the
changed pairs the head start answered. Whatever else the machine runs counts
against the helper, which needs the second core.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as bench_run  # the pair generator
from twofold.engine.load.decoding import load_document
from twofold.engine.parallel.refine_helper import RefineHelper
from twofold.engine.parallel.shared_refiner import SharedRefiner
from twofold.engine.pipeline import Refinement, compare, refine
from twofold.engine.result.model import DiffResult, Document

RUNS = 5
PAIRS = ("1MB-100%", "10MB-10%")


#: the helper whose CPU time ``_cpu`` adds to this process's (set in ``main``)
_HELPER: list[RefineHelper] = []


def _cpu() -> float:
    """User + system seconds of this process and of the running helper (``/proc``)."""
    total = time.process_time()
    pid = _HELPER[0].pid if _HELPER else None
    if pid is not None:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass
    return total


def _timed(action: Callable[[], object], cpu: list[float] | None = None) -> float:
    started, cpu_started = time.perf_counter(), _cpu()
    action()
    if cpu is not None:
        cpu.append(_cpu() - cpu_started)
    return time.perf_counter() - started


def _with_head_start(a: Document, b: Document, helper: RefineHelper) -> tuple[DiffResult, int]:
    """The whole comparison with a head start; and how many pairs the head start answered."""
    refiner = SharedRefiner(helper)
    coarse = compare(a, b, inline=False, refiner=refiner)
    refinement = Refinement(coarse, refiner)
    answered = refinement.taken_early
    return refinement.finish(), answered


def _head_start_table(pairs: list[tuple[str, Document, Document]], helper: RefineHelper) -> None:
    print(f"\nalign + refine with the helper, without and with a head start; median of {RUNS}")
    print(
        "| pair | changed pairs | from the head start | without wall s | without CPU s "
        "| with wall s | with CPU s | wall without / with |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, a, b in pairs:
        plain: list[float] = []
        early: list[float] = []
        plain_cpu: list[float] = []
        early_cpu: list[float] = []
        answered: list[int] = []
        expected = refine(compare(a, b, inline=False), refiner=SharedRefiner(helper))
        for _ in range(RUNS):
            plain.append(
                _timed(
                    lambda a=a, b=b: refine(
                        compare(a, b, inline=False), refiner=SharedRefiner(helper)
                    ),
                    plain_cpu,
                )
            )
            started, cpu_started = time.perf_counter(), _cpu()
            result, count = _with_head_start(a, b, helper)
            early.append(time.perf_counter() - started)
            early_cpu.append(_cpu() - cpu_started)
            answered.append(count)
            if result != expected:
                print(f"{name}: the head start's result differs", file=sys.stderr)
                return
        one, two = statistics.median(plain), statistics.median(early)
        print(
            f"| {name} | {len(expected.changes)} | {statistics.median(answered):.0f} "
            f"| {one:.3f} | {statistics.median(plain_cpu):.3f} "
            f"| {two:.3f} | {statistics.median(early_cpu):.3f} | {one / two:.2f}x |"
        )


def main() -> int:
    specs = {spec.name: spec for spec in bench_run.pair_specs(quick=False, repeat=None)}
    helper = RefineHelper()
    _HELPER.append(helper)
    print(f"refine of the aligned pair, alone and with the helper; median of {RUNS} runs")
    print("CPU: user + system of this process and the helper process together")
    print(
        "| pair | changed pairs | alone wall s | alone CPU s | with helper wall s "
        "| with helper CPU s | wall alone / with |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    loaded: list[tuple[str, Document, Document]] = []
    try:
        with tempfile.TemporaryDirectory(prefix="twofold-refine-bench-") as tmp:
            for name in PAIRS:
                path_a, path_b, _, _ = bench_run.generate_pair(specs[name], Path(tmp), seed=1863)
                a, b = load_document(str(path_a)), load_document(str(path_b))
                loaded.append((name, a, b))
                coarse = compare(a, b, inline=False)
                if refine(coarse) != refine(coarse, refiner=SharedRefiner(helper)):
                    print(f"{name}: the helper's result differs", file=sys.stderr)
                    return 1
                alone, shared, alone_cpu, shared_cpu = [], [], [], []
                for _ in range(RUNS):
                    alone.append(_timed(lambda c=coarse: refine(c), alone_cpu))
                    shared.append(
                        _timed(
                            lambda c=coarse: refine(c, refiner=SharedRefiner(helper)), shared_cpu
                        )
                    )
                one, two = statistics.median(alone), statistics.median(shared)
                cpu_one, cpu_two = statistics.median(alone_cpu), statistics.median(shared_cpu)
                changes = len(coarse.changes)
                print(
                    f"| {name} | {changes} | {one:.3f} | {cpu_one:.3f} | {two:.3f} "
                    f"| {cpu_two:.3f} | {one / two:.2f}x |"
                )
        _head_start_table(loaded, helper)
    finally:
        helper.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
