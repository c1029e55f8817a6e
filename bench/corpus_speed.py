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

The commands take turns, one run each per round (git, twofold, the other checkout,
then again), rather than all of one command's runs in a row: this machine's speed
drifts by a fifth from one minute to the next (other tenants, clock), and a drift
then lands on every command alike. The last column is the median, over the rounds,
of each round's own CPU ratio: the figure least moved by that drift.

A measurement, not a test: it never asserts on timings and always exits 0.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from run import (
    GIT_ARGV,
    RunStats,
    check_json,
    compile_sources,
    failure_message,
    git_env,
    run_child,
    twofold_command,
)

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


@dataclass(frozen=True)
class Command:
    """One row's command: its label, argv, environment, and whether it writes JSON."""

    label: str
    argv: list[str]
    env: dict[str, str]
    writes_json: bool


def time_in_turns(commands: list[Command], repeat: int, timeout: float) -> list[RunStats]:
    """Each command run once untimed as a check, then ``repeat`` rounds of one run each.

    A command that fails stops being run; its row says FAILED.
    """
    stats = [RunStats() for _ in commands]
    for command, row in zip(commands, stats, strict=True):
        with tempfile.NamedTemporaryFile(suffix=".out", delete=False) as handle:
            check_path = handle.name
        try:
            outcome = run_child(command.argv, check_path, command.env, timeout)
            row.error = failure_message(outcome, (0, 1))
            if row.error is None and command.writes_json:
                row.error = check_json(check_path)
        finally:
            os.unlink(check_path)
    for _ in range(repeat):
        for command, row in zip(commands, stats, strict=True):
            if row.error is not None:
                continue
            outcome = run_child(command.argv, os.devnull, command.env, timeout)
            row.error = failure_message(outcome, (0, 1))
            if row.error is None:
                row.seconds.append(outcome.seconds)
                row.cpu.append(outcome.cpu_seconds)
                row.peak_rss_kb = max(row.peak_rss_kb, outcome.peak_rss_kb)
    return stats


def _cells(stats: RunStats, git: RunStats) -> list[str]:
    """Wall and CPU medians, their ratios to git's, and the median of each round's CPU ratio."""
    if stats.error is not None or stats.median is None or stats.median_cpu is None:
        return ["FAILED", "—", "—", "—", "—"]
    wall, cpu = stats.median, stats.median_cpu
    git_wall, git_cpu = git.median or 0.0, git.median_cpu or 0.0
    rounds = [mine / theirs for mine, theirs in zip(stats.cpu, git.cpu, strict=False) if theirs]
    return [
        f"{wall:.3f}",
        f"{cpu:.3f}",
        f"{wall / git_wall:.1f}x" if git_wall else "—",
        f"{cpu / git_cpu:.1f}x" if git_cpu else "—",
        f"{statistics.median(rounds):.2f}x" if rounds else "—",
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
        f"Medians of {args.repeat} rounds (each command once a round, in turn); CPU is user +"
        " system time; ratios to git in the same run, the last one per round.",
        "",
        "| pair | command | wall s | CPU s | wall / git | CPU / git | CPU / git, per round |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in args.pair or DEFAULT_PAIRS:
        folder = (Path(args.corpus) / name).resolve()  # the commands run in the checkout
        files = [str(folder / "a.txt"), str(folder / "b.txt")]
        if not all(Path(f).is_file() for f in files):
            print(f"no pair at {folder}", file=sys.stderr)
            continue
        commands = [Command("git", [*GIT_ARGV, *files], git_env(), False)]
        commands += [
            Command(label, [*argv_, "--json", *files], env_, True) for label, argv_, env_ in tools
        ]
        print(
            f"… {name}: {args.repeat} rounds of {len(commands)} commands",
            file=sys.stderr,
            flush=True,
        )
        timed = time_in_turns(commands, args.repeat, args.timeout)
        git = timed[0]
        rows = [[c.label, *_cells(stats, git)] for c, stats in zip(commands, timed, strict=True)]
        lines += [f"| {name} | " + " | ".join(row) + " |" for row in rows]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
