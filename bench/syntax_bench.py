# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark syntax colouring: time to the first screen of a source pair, coloured or not.

Run with ``.venv/bin/python bench/syntax_bench.py [--repeat N] [--size MB ...]``.

A measurement, not a test: no assertions on time, exit status 0. The pair is
Python's own standard library as one file and a copy with lines edited,
compared twice: as ``.py`` files (coloured by
Pygments) and the same bytes as ``.txt`` files (compared by lines as well, since
they are shaped like code, but with no language: not coloured). Per variant, in N
fresh probe processes (offscreen ``QApplication``), it takes the wall time and
the process's CPU time (user + system, every thread) from the request to the
first painted screen of the result, and how far the text was lexed by then;
the table gives their medians.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gui_bench
import run as engine_bench

OUT_FILE = engine_bench.REPO / "bench" / "out" / "syntax.md"


def _source_pair(directory: Path, seed: int, size: int) -> tuple[Path, Path]:
    """Python's standard library (packages too) as one ``size``-byte file, and an edited copy.

    ``gui_bench``'s source pair takes the top-level modules only, about 4.5 MB;
    this one reads the packages too, for the 10 MB case. One line in 50 is edited.
    """
    rng = random.Random(f"{seed}:syntax")
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    lines: list[str] = []
    total = 0
    for path in sorted(stdlib.rglob("*.py")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            lines.append(line)
            total += len(line) + 1
        if total >= size:
            break
    revised = [f"{line}  # edited" if rng.random() < 0.02 else line for line in lines]
    a, b = directory / f"source-{size}-a.py", directory / f"source-{size}-b.py"
    a.write_text("\n".join(lines) + "\n", encoding="utf-8")
    b.write_text("\n".join(revised) + "\n", encoding="utf-8")
    return a, b


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _probe(left: str, right: str) -> dict[str, Any]:
    """Open the window offscreen, compare, and time the first painted screen."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(engine_bench.REPO / "gui"))
    from twofold import process_setup

    process_setup.prepare_window()
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from twofold.engine.result.kinds import Side
    from twofold.ui.files.settings import Settings
    from twofold.ui.main_window import MainWindow

    app = QApplication([])
    tmp = tempfile.mkdtemp(prefix="twofold-syntax-bench-")
    win = MainWindow(settings=Settings(QSettings(f"{tmp}/t.ini", QSettings.Format.IniFormat)))
    win.resize(*gui_bench.WINDOW)
    win.show()
    app.processEvents()

    class PaintSpy(QObject):
        painted: tuple[float, float] | None = None

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.painted is None:
                self.painted = (time.perf_counter(), _cpu())
            return False

    shown: list[bool] = []
    for signal in (win.runner.previewed, win.comparison_finished):
        signal.connect(lambda _r: shown.append(True))
    spy = PaintSpy()
    start, cpu = time.perf_counter(), _cpu()
    win.compare_files(left, right)
    while not shown:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
    pane = win.view.pane(Side.B)
    pane.viewport().installEventFilter(spy)
    pane.viewport().update()
    while spy.painted is None:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
    wall, used = spy.painted
    syntax = win.view.syntax[Side.B]
    lexed = syntax.lexed
    language = syntax.language
    win.close()
    return {
        "wall": wall - start,
        "cpu": used - cpu,
        "lexed": lexed,
        "language": language.name if language else "none",
    }


def _variant(a: Path, b: Path, runs: int) -> dict[str, Any]:
    _twofold, env = engine_bench.twofold_command()
    probes = []
    with tempfile.TemporaryDirectory(prefix="twofold-syntax-") as tmp:
        argv = [sys.executable, __file__, "--probe", str(a), str(b)]
        for _ in range(runs):
            outcome = engine_bench.run_child(argv, f"{tmp}/probe.json", env, 600)
            error = engine_bench.failure_message(outcome, (0,))
            if error:
                print(f"  probe failed: {error}", file=sys.stderr)
                break
            probes.append(json.loads(Path(f"{tmp}/probe.json").read_text()))
    return {
        "wall": statistics.median(p["wall"] for p in probes) if probes else float("nan"),
        "cpu": statistics.median(p["cpu"] for p in probes) if probes else float("nan"),
        "lexed": probes[0]["lexed"] if probes else 0,
        "language": probes[0]["language"] if probes else "—",
        "runs": len(probes),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--probe", nargs=2, metavar=("A", "B"), help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=5, help="fresh processes per variant")
    parser.add_argument("--size", type=float, nargs="+", default=[1.0, 10.0], help="MB a side")
    parser.add_argument("--seed", type=int, default=1863)
    args = parser.parse_args(argv)
    if args.probe:
        print(json.dumps(_probe(*args.probe)))
        return 0
    engine_bench.compile_sources()
    lines = [
        "# Syntax colouring: first screen of a source pair",
        "",
        f"nproc {engine_bench.cpu_count()} · {time.strftime('%Y-%m-%d %H:%M')} · window "
        f"{gui_bench.WINDOW[0]}x{gui_bench.WINDOW[1]} offscreen · median of {args.repeat} "
        "fresh processes · request to first painted screen",
        "",
        "| pair | colours | first screen s | CPU s | lexed at first screen |",
        "| --- | --- | --- | --- | --- |",
    ]
    with tempfile.TemporaryDirectory(prefix="twofold-syntax-bench-") as tmp:
        for size in args.size:
            a, b = _source_pair(Path(tmp), args.seed, int(size * engine_bench.MB))
            plain_a, plain_b = a.with_suffix(".txt"), b.with_suffix(".txt")
            plain_a.write_bytes(a.read_bytes())
            plain_b.write_bytes(b.read_bytes())
            name = f"{a.stat().st_size / engine_bench.MB:.1f} MB source"
            for label, pair in (("Pygments", (a, b)), ("none (.txt)", (plain_a, plain_b))):
                print(f"… {name}, {label}", file=sys.stderr, flush=True)
                r = _variant(*pair, args.repeat)
                lines.append(
                    f"| {name} | {label} ({r['language']}) | {r['wall']:.2f} | {r['cpu']:.2f} "
                    f"| {r['lexed']:,} chars |"
                )
    report = "\n".join(lines) + "\n"
    engine_bench.publish(report, OUT_FILE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
