# SPDX-License-Identifier: GPL-3.0-or-later
"""Where ``twofold --json A B`` spends its CPU: each stage timed in one process.

Usage: ``python bench/stage_times.py A B [--repeat N] [--gui DIR]`` (default 5 runs,
each in a fresh interpreter; ``--gui`` times another checkout's ``gui/``). Prints the
median CPU seconds (``time.process_time``) of each stage, as the command line runs
them: imports, load (read and decode both files), segment (paragraphs and match
keys), align, pairs (the coarse pairs), stats, layout, refine (the inline diffs, on
this core), JSON (``to_json``, or the bytes ``--json`` writes, checked for the
terminal as they are made) and the terminal check of the JSON. GC passes are held
as the command line holds them.

The profiler spreads its own cost over every call (it overstated the busiest
stages about twice); this times the stages as they run. It reaches into the
pipeline's steps to time them apart; ``bench/corpus_speed.py`` times the command
itself. A measurement, not a test: it never asserts on timings.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: The stages, in the order they run, as the child prints them.
STAGES = (
    "imports",
    "load",
    "segment",
    "align",
    "pairs",
    "stats",
    "layout",
    "refine",
    "json",
    "terminal",
)

_CHILD = r"""
import gc, json, sys, time
clock = time.process_time
began = clock()
try:
    from twofold.cli_output import json_for_terminal
except ImportError:  # a checkout from before cli_output.py (--gui)
    from twofold.cli import json_for_terminal
try:  # the bytes the command line writes, checked for the terminal piece by piece
    from twofold.cli_output import terminal_utf8
    from twofold.engine.export.export_json import to_json_utf8
except ImportError:  # a checkout from before them (--gui): the text, then its check
    to_json_utf8 = None
try:  # the rows the command line pairs, anchor runs whole
    from twofold.engine.align.alignment import align_rows as align
except ImportError:  # a checkout from before align_rows (--gui)
    from twofold.engine.align.alignment import align
from twofold.engine.export.export_json import to_json
from twofold.engine.load.decoding import load_document_and_bytes
from twofold.engine.pipeline import _coarse_pairs, paragraphs, refine
from twofold.engine.result.layout import layout_of
from twofold.engine.result.model import CompareOptions, DiffResult
from twofold.engine.result.stats import compute_stats
times = {"imports": clock() - began}

def timed(name, step, *args):
    start = clock()
    out = step(*args)
    times[name] = clock() - start
    return out

gc.disable()
options = CompareOptions()
def load_both():
    return [load_document_and_bytes(p, digest=False)[0] for p in sys.argv[1:3]]
a, b = timed("load", load_both)
unit, (segs_a, segs_b), (keys_a, keys_b) = timed("segment", paragraphs, a, b, options)
matches = timed("align", align, keys_a, keys_b, options)
pairs = timed("pairs", _coarse_pairs, matches)
stats = timed("stats", compute_stats, pairs, a.text, b.text, segs_a, segs_b)
layout = timed("layout", layout_of, a, b, segs_a, segs_b, pairs, options)
coarse = DiffResult(a=a, b=b, a_segments=segs_a, b_segments=segs_b, pairs=pairs,
                    stats=stats, options=options, unit=unit, refined=False, layout=layout)
result = timed("refine", refine, coarse)
gc.freeze()
if to_json_utf8 is None:
    text = timed("json", to_json, result)
    timed("terminal", json_for_terminal, text)
else:
    timed("json", to_json_utf8, result, terminal_utf8)
    times["terminal"] = 0.0  # made with the JSON
print(json.dumps(times))
"""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("a", help="the older file")
    parser.add_argument("b", help="the newer file")
    parser.add_argument("--repeat", type=int, default=5, help="fresh interpreters to time")
    parser.add_argument("--gui", default=str(REPO / "gui"), help="the gui/ folder to time")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    """Time the stages ``--repeat`` times and print their medians as a Markdown table."""
    args = parse_args(argv)
    env = dict(os.environ, PYTHONPATH=str(Path(args.gui).resolve()))
    runs: list[dict[str, float]] = []
    for _ in range(args.repeat):
        child = subprocess.run(
            [sys.executable, "-c", _CHILD, args.a, args.b],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        if child.returncode != 0:
            print(child.stderr.strip().splitlines()[-1:], file=sys.stderr)
            return 1
        runs.append(json.loads(child.stdout))
    medians = {name: statistics.median(run[name] for run in runs) for name in STAGES}
    lines = [
        f"CPU seconds, medians of {args.repeat} runs ({args.gui}):",
        "",
        "| stage | CPU s |",
        "| --- | ---: |",
        *(f"| {name} | {seconds:.3f} |" for name, seconds in medians.items()),
        f"| total | {sum(medians.values()):.3f} |",
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
