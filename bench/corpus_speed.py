# SPDX-License-Identifier: GPL-3.0-or-later
"""Time ``twofold --json`` against git's character word diff on the corpus's real 10 MB pair.

Usage: ``python bench/corpus_speed.py [--corpus DIR] [--pair NAME ...] [--repeat N]
[--against GUI_DIR]`` (default: ``synthetic/syn10_mixed_10mb`` of ``../shared/corpus``,
5 timed runs). ``make bench`` runs it when the corpus is beside the checkout.

``bench/run.py`` generates its pairs; this one times the pairs of the reference corpus,
whose mixed edits (moves, splits, rewording, several scripts) cost the pairing more
than generated prose does (issue 18 asks for 3x git's time on ``syn10_mixed_10mb``).
Each row gives wall and CPU time (user + system of the process and of the helper it
waits for), the medians of the timed runs, and the ratios to git measured in the same
run: on a shared machine the CPU ratio is the figure to compare. ``--against`` times
another checkout's ``gui/`` too (main, before a change), in the same run.

A measurement, not a test: it never asserts on timings and always exits 0.
"""

from __future__ import annotations

import argparse
import compileall
import os
import sys
from pathlib import Path

from run import GIT_ARGV, RunStats, compile_sources, git_env, time_command, twofold_command

DEFAULT_PAIRS = ("synthetic/syn10_mixed_10mb",)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--corpus", default="../shared/corpus", help="the corpus folder")
    parser.add_argument(
        "--pair", action="append", help="a pair folder under the corpus (repeatable)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per command")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a kill")
    parser.add_argument("--against", help="another checkout's gui/ folder, timed in the same run")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def _cells(stats: RunStats, git: RunStats) -> list[str]:
    """Wall and CPU medians, and their ratios to git's."""
    if stats.error is not None or stats.median is None or stats.median_cpu is None:
        return ["FAILED", "—", "—", "—"]
    wall, cpu = stats.median, stats.median_cpu
    git_wall, git_cpu = git.median or 0.0, git.median_cpu or 0.0
    return [
        f"{wall:.3f}",
        f"{cpu:.3f}",
        f"{wall / git_wall:.1f}x" if git_wall else "—",
        f"{cpu / git_cpu:.1f}x" if git_cpu else "—",
    ]


def main(argv: list[str] | None = None) -> int:
    """Time each pair and print one Markdown table."""
    args = parse_args(argv)
    compile_sources()
    ours, env = twofold_command()
    tools: list[tuple[str, list[str], dict[str, str]]] = [("twofold", ours, env)]
    if args.against:  # its bytecode written too, as for ours: a launch costs an installed one's
        compileall.compile_dir(args.against, quiet=1)
        other = dict(os.environ, PYTHONPATH=str(Path(args.against).resolve()))
        tools.append((f"twofold ({args.against})", [sys.executable, "-m", "twofold"], other))
    lines = [
        f"Medians of {args.repeat} runs; CPU is user + system time; ratios to git in the same run.",
        "",
        "| pair | command | wall s | CPU s | wall / git | CPU / git |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for name in args.pair or DEFAULT_PAIRS:
        folder = Path(args.corpus) / name
        files = [str(folder / "a.txt"), str(folder / "b.txt")]
        if not all(Path(f).is_file() for f in files):
            print(f"no pair at {folder}", file=sys.stderr)
            continue
        print(f"… {name}: timing git x{args.repeat}", file=sys.stderr, flush=True)
        git = time_command([*GIT_ARGV, *files], args.repeat, git_env(), args.timeout, False)
        rows = [["git", *_cells(git, git)]]
        for label, argv_, tool_env in tools:
            print(f"… {name}: timing {label} x{args.repeat}", file=sys.stderr, flush=True)
            stats = time_command(
                [*argv_, "--json", *files], args.repeat, tool_env, args.timeout, True
            )
            rows.append([label, *_cells(stats, git)])
        lines += [f"| {name} | " + " | ".join(row) + " |" for row in rows]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
