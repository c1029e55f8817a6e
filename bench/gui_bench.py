# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark the window on big documents: launch to PNG, memory, UI-thread stalls, stepping.

Run with ``make bench`` (or ``.venv/bin/python bench/gui_bench.py [--quick] [--repeat N]``).

A measurement, not a test: no assertions on time, exit status 0. Per pair it
measures, each as the median of N fresh processes (so no run warms the next):

- ``twofold --screenshot`` wall time, launch to a fully highlighted PNG, and its
  peak RSS (``os.wait4``, via ``bench/run.py``'s ``run_child``, plus its helper's)
  and, in one more run, the largest summed PSS of the process tree sampled
  every 50 ms;
- in a probe process (``--probe``, offscreen ``QApplication``): time to the first
  painted screen of the result, time until the panes are complete, the longest gap
  between ticks of a 10 ms timer from the request until complete (how long the UI
  thread was unresponsive), and the latency of ~30 Alt+Down presses and page scrolls,
  each timed from the key press until the event queue is drained (the repaint included).

The pairs come from ``bench/run.py``'s seeded generator, plus two long-line
inputs it does not make (one 5 MB line of prose and a minified script) and a
megabyte of source code in short lines (Python's own standard library). The
sources' bytecode is written first (``run.compile_sources``), so launches are
timed as an installed Twofold starts.
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import line_pair
import run as engine_bench

REPO = engine_bench.REPO
OUT_FILE = REPO / "bench" / "out" / "gui.md"
MB = engine_bench.MB
#: the ``--screenshot`` window size, so stalls are measured on the same viewport
WINDOW = (1400, 900)


# --------------------------------------------------------------------------- inputs


def _one_line_pair(directory: Path, seed: int, size: int) -> tuple[Path, Path]:
    """A and B as single lines of prose (every paragraph joined by a space), 10 % reworded."""
    return _one_paragraph_pair(directory, f"{seed}:one-line", size, 0.10, "one-line")


def _reworded_paragraph_pair(directory: Path, seed: int, size: int) -> tuple[Path, Path]:
    """A and B as one paragraph each, every sentence of it reworded.

    No sentence is the same on both sides, and there are too many differing words
    for one Myers diff in the time allowed: the case for ``engine.anchors``.
    """
    return _one_paragraph_pair(directory, f"{seed}:reworded-paragraph", size, 1.0, "paragraph")


def _one_paragraph_pair(
    directory: Path, seed: str, size: int, reworded: float, name: str
) -> tuple[Path, Path]:
    rng = random.Random(seed)
    real = engine_bench.demo_sentences()
    original = engine_bench.make_original(rng, size, real)
    revised = engine_bench.make_revision(rng, original, reworded, real)
    a, b = directory / f"{name}-a.txt", directory / f"{name}-b.txt"
    a.write_text(" ".join(original) + "\n", encoding="utf-8")
    b.write_text(" ".join(revised) + "\n", encoding="utf-8")
    return a, b


def _log_pair(directory: Path, seed: int, lines: int) -> tuple[Path, Path]:
    """A server log and a later copy (``line_pair.write_log_pair``, also ``run.py``'s)."""
    return line_pair.write_log_pair(directory, seed, lines)


def _minified(rng: random.Random, functions: int) -> list[str]:
    out = []
    for i in range(functions):
        a, b = rng.randrange(1000), rng.randrange(1000)
        out.append(
            f'function f{i}(a,b){{var c=a*{a}+b;if(c>{b}){{return g{i % 97}(c,"k{a}")}}'
            f"for(var i=0;i<c;i++){{h.push(i^{b})}}return c}}"
        )
    return out


def _minified_pair(directory: Path, seed: int, size: int) -> tuple[Path, Path]:
    """A minified script (one line) and a copy with 2 % of its functions edited."""
    rng = random.Random(f"{seed}:minified")
    parts = _minified(rng, size // 125)
    revised = list(parts)
    for i in rng.sample(range(len(parts)), len(parts) // 50):
        revised[i] = parts[i].replace("return c}", f"return c+{rng.randrange(99)}}}")
    a, b = directory / "min-a.js", directory / "min-b.js"
    a.write_text(";".join(parts) + "\n", encoding="utf-8")
    b.write_text(";".join(revised) + "\n", encoding="utf-8")
    return a, b


def _source_pair(directory: Path, seed: int, size: int) -> tuple[Path, Path]:
    """Python's own standard library sources as one file, and a copy with 5 % of lines edited.

    Many short lines (28,000 in a megabyte) where the prose pairs have few long
    ones: what costs per line (segments, pairs, Qt blocks) shows here. The files
    come from the running Python, so a run is repeatable on one installation.
    """
    rng = random.Random(f"{seed}:source")
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    lines: list[str] = []
    total = 0
    for path in sorted(stdlib.glob("*.py")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if total + len(line) + 1 > size:
                break
            lines.append(line)
            total += len(line) + 1
    revised = [
        line.replace("self", "this").replace("return", "yield") if rng.random() < 0.05 else line
        for line in lines
    ]
    for _ in range(len(revised) // 2000):  # a few blocks of lines deleted, inserted, moved
        at = rng.randrange(len(revised))
        block = revised[at : at + 8]
        del revised[at : at + 8]
        to = rng.randrange(len(revised))
        revised[to:to] = block if rng.random() < 0.5 else [f"# note {rng.randrange(999)}"]
    a, b = directory / "source-a.py", directory / "source-b.py"
    a.write_text("\n".join(lines) + "\n", encoding="utf-8")
    b.write_text("\n".join(revised) + "\n", encoding="utf-8")
    return a, b


def _spec_pair(name: str, size: int, fraction: float) -> Callable[[Path, int], tuple[Path, Path]]:
    def make(directory: Path, seed: int) -> tuple[Path, Path]:
        spec = engine_bench.PairSpec(name, size, fraction, 1)
        a, b, _, _ = engine_bench.generate_pair(spec, directory, seed)
        return a, b

    return make


def _demo(_directory: Path, _seed: int) -> tuple[Path, Path]:
    demo = sorted(engine_bench.DEMO_DIR.glob("gettysburg-*.txt"))
    return demo[1], demo[0]  # nicolay (older) on the left, as --demo shows it


#: (name, maker, runs); the first three are the issue's pairs, then long lines, then many short ones
PAIRS: tuple[tuple[str, Callable[[Path, int], tuple[Path, Path]], int], ...] = (
    ("demo (seed pair)", _demo, 5),
    ("1MB-100%", _spec_pair("1MB-100%", 1 * MB, 1.0), 5),
    ("10MB-10%", _spec_pair("10MB-10%", 10 * MB, 0.1), 3),
    ("5MB single line", lambda d, s: _one_line_pair(d, s, 5 * MB), 3),
    ("3MB paragraph, all reworded", lambda d, s: _reworded_paragraph_pair(d, s, 3 * MB), 3),
    ("2MB minified JS", lambda d, s: _minified_pair(d, s, 2 * MB), 3),
    ("1MB source code", lambda d, s: _source_pair(d, s, 1 * MB), 3),
    ("log, 250,000 lines", lambda d, s: _log_pair(d, s, 250_000), 3),
)


# --------------------------------------------------------------------------- the probe (child)


def _probe(left: str, right: str, steps: int) -> dict[str, Any]:
    """Open the window offscreen, compare, then step and scroll; return the timings."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(REPO / "gui"))
    from twofold import process_setup

    process_setup.prepare_window()  # as ``twofold`` does at start
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from twofold.engine.result.kinds import Side
    from twofold.ui.files.settings import Settings
    from twofold.ui.main_window import MainWindow

    app = QApplication([])
    tmp = tempfile.mkdtemp(prefix="twofold-gui-bench-")
    settings = Settings(QSettings(f"{tmp}/twofold.ini", QSettings.Format.IniFormat))
    win = MainWindow(settings=settings)
    win.resize(*WINDOW)
    win.show()
    win.activateWindow()
    app.processEvents()

    class Ticker(QObject):
        """A 10 ms timer; the largest gap between its ticks is the longest UI stall."""

        def __init__(self) -> None:
            super().__init__()
            self.timer = QTimer(self, interval=10, timerType=Qt.TimerType.PreciseTimer)
            self.timer.timeout.connect(self.tick)
            self.reset()

        def reset(self) -> None:
            self.last, self.worst = time.perf_counter(), 0.0

        def tick(self) -> None:
            now = time.perf_counter()
            self.worst, self.last = max(self.worst, now - self.last), now

    class PaintSpy(QObject):
        painted_at: float | None = None

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.painted_at is None:
                self.painted_at = time.perf_counter()
            return False

    def wait_until(done: Callable[[], bool], timeout: float = 120.0) -> None:
        end = time.perf_counter() + timeout
        while not done() and time.perf_counter() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)

    def drain() -> None:
        app.processEvents()
        app.sendPostedEvents()
        app.processEvents()

    ticker, spy = Ticker(), PaintSpy()
    ticker.timer.start()
    finished: list[float] = []
    shown: list[float] = []
    win.comparison_finished.connect(lambda _r: finished.append(time.perf_counter()))
    # A big pair is shown aligned first (``previewed``), then refined in place.
    for signal in (win._runner.previewed, win.comparison_finished):
        signal.connect(lambda _r: shown.append(time.perf_counter()))
    start = time.perf_counter()
    ticker.reset()
    win.compare_files(left, right)
    wait_until(lambda: bool(shown))
    win.view.pane(Side.B).viewport().installEventFilter(spy)
    win.view.pane(Side.B).viewport().update()
    wait_until(lambda: spy.painted_at is not None)
    wait_until(lambda: bool(finished))
    wait_until(lambda: not getattr(win.view, "filling", False))
    complete = time.perf_counter()
    stall_compare = ticker.worst
    settle = time.perf_counter() + 0.3
    wait_until(lambda: time.perf_counter() > settle)

    def timed(action: Callable[[], None]) -> tuple[list[float], float]:
        ticker.reset()
        out = []
        for _ in range(steps):
            t0 = time.perf_counter()
            action()
            drain()
            out.append(time.perf_counter() - t0)
            pause = time.perf_counter() + 0.02
            wait_until(lambda p=pause: time.perf_counter() > p)  # type: ignore[misc]
        return out, ticker.worst

    bar = win.view.pane(Side.A).verticalScrollBar()
    next_change, stall_step = timed(
        lambda: QTest.keyClick(win, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    )
    changes = len(win.view.sync.changes)
    reached = win.current_change
    bar.setValue(0)
    drain()
    scroll, stall_scroll = timed(lambda: bar.setValue(bar.value() + bar.pageStep()))
    win.close()
    return {
        "first_screen": (spy.painted_at or complete) - start,
        "shown": finished[0] - start,
        "complete": complete - start,
        "stall_compare": stall_compare,
        "next_change": next_change,
        "stall_step": stall_step,
        "scroll": scroll,
        "stall_scroll": stall_scroll,
        "changes": changes,
        "stepped_to": reached,
        "probe_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


# --------------------------------------------------------------------------- the parent


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _bench_pair(name: str, a: Path, b: Path, runs: int, steps: int) -> dict[str, Any]:
    twofold, env = engine_bench.twofold_command()
    row: dict[str, Any] = {"name": name, "input": a.stat().st_size + b.stat().st_size}
    shots, cpus, rss, pss, probes, errors = [], [], [], [], [], []
    with tempfile.TemporaryDirectory(prefix="twofold-shot-") as tmp:
        argv = [*twofold, "--screenshot", f"{tmp}/shot.png", str(a), str(b)]
        for _ in range(runs):
            outcome = engine_bench.run_child(argv, os.devnull, env, 600)
            error = engine_bench.failure_message(outcome, (0,))
            if error:
                errors.append(f"screenshot: {error}")
                break
            shots.append(outcome.seconds)
            cpus.append(outcome.cpu_seconds)
            rss.append(outcome.peak_rss_kb)
        if shots:  # one more run, untimed, for the PSS (its sampling slows what it samples)
            outcome = engine_bench.run_child(argv, os.devnull, env, 600, sample_pss=True)
            pss.append(outcome.peak_pss_kb)
        probe_argv = [sys.executable, __file__, "--probe", str(a), str(b), "--steps", str(steps)]
        for _ in range(runs):
            outcome = engine_bench.run_child(probe_argv, f"{tmp}/probe.json", env, 600)
            error = engine_bench.failure_message(outcome, (0,))
            if error:
                errors.append(f"probe: {error}")
                break
            probes.append(json.loads(Path(f"{tmp}/probe.json").read_text()))
    print(f"  peaks MB: {', '.join(f'{kb / 1024:.0f}' for kb in rss)}", file=sys.stderr)
    row.update(
        shot=_median(shots),
        shot_cpu=_median(cpus),
        rss_mb=max(rss, default=0) / 1024,
        pss_mb=max(pss, default=0) / 1024,
        errors=errors,
    )
    for key in ("first_screen", "complete", "stall_compare", "stall_step", "stall_scroll"):
        row[key] = _median([p[key] for p in probes])
    for key in ("next_change", "scroll"):
        row[key] = _median([_median(p[key]) for p in probes])
        row[key + "_max"] = max((max(p[key]) for p in probes if p[key]), default=float("nan"))
    row["reached"] = f"{probes[0]['stepped_to']} / {probes[0]['changes']}" if probes else "—"
    return row


def _ms(seconds: float) -> str:
    return "—" if seconds != seconds else f"{seconds * 1000:.0f}"


def _render(
    rows: list[dict[str, Any]],
    baseline_s: float,
    baseline_cpu: float,
    baseline_mb: float,
    baseline_pss: float,
) -> str:
    head = (
        "| pair | input MB | screenshot wall s | / empty | screenshot CPU s | / empty "
        "| peak MB | (peak - empty) / input "
        "| PSS peak MB | (PSS - empty) / input "
        "| first screen s | complete s | max stall comparing ms | next-change med / max ms "
        "| max stall stepping ms | page scroll med / max ms | stepped to |"
    )
    lines = [
        "# Twofold GUI benchmark",
        "",
        f"nproc {engine_bench.cpu_count()} · {time.strftime('%Y-%m-%d %H:%M')} · window "
        f"{WINDOW[0]}x{WINDOW[1]} offscreen · empty window: launch to PNG {baseline_s:.2f} s "
        f"wall, {baseline_cpu:.2f} s CPU, peak {baseline_mb:.0f} MB, PSS {baseline_pss:.0f} MB",
        "",
        "Screenshot CPU is user + system time of the window process and the helper it "
        "reaped (``wait4``); the probe's columns are wall time.",
        "",
        "Peak MB sums each process's own peak (the window and its refine helper); PSS "
        "peak is the largest sum of their proportional set sizes in one sample (every "
        "50 ms, in a run of its own), which counts the libraries they share once.",
        "",
        head,
        "|" + " --- |" * 17,
    ]
    for r in rows:
        inp = r["input"] / MB
        over = (r["rss_mb"] - baseline_mb) / inp if r["rss_mb"] else float("nan")
        over_pss = (r["pss_mb"] - baseline_pss) / inp if r["pss_mb"] else float("nan")
        lines.append(
            f"| {r['name']} | {inp:.2f} | {r['shot']:.2f} | {r['shot'] / baseline_s:.1f}x "
            f"| {r['shot_cpu']:.2f} | {r['shot_cpu'] / baseline_cpu:.1f}x "
            f"| {r['rss_mb']:.0f} | {over:.1f}x | {r['pss_mb']:.0f} | {over_pss:.1f}x "
            f"| {r['first_screen']:.2f} | {r['complete']:.2f} | {_ms(r['stall_compare'])} "
            f"| {_ms(r['next_change'])} / {_ms(r['next_change_max'])} "
            f"| {_ms(r['stall_step'])} "
            f"| {_ms(r['scroll'])} / {_ms(r['scroll_max'])} | {r['reached']} |"
        )
    notes = [f"- {r['name']}: {e}" for r in rows for e in r["errors"]]
    return "\n".join(lines + (["", "Notes:", *notes] if notes else [])) + "\n"


def _baseline(runs: int = 3) -> tuple[float, float, float, float]:
    """Launch to PNG (wall and CPU s), peak RSS and PSS (MB) of the empty window."""
    twofold, env = engine_bench.twofold_command()
    seconds, cpus, peaks, pss = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        argv = [*twofold, "--screenshot", f"{tmp}/e.png"]
        for _ in range(runs):
            outcome = engine_bench.run_child(argv, os.devnull, env, 60)
            seconds.append(outcome.seconds)
            cpus.append(outcome.cpu_seconds)
            peaks.append(outcome.peak_rss_kb / 1024)
        for _ in range(runs):  # apart: sampling the PSS slows the process it samples
            outcome = engine_bench.run_child(argv, os.devnull, env, 60, sample_pss=True)
            pss.append(outcome.peak_pss_kb / 1024)
    return _median(seconds), _median(cpus), _median(peaks), _median(pss)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--probe", nargs=2, metavar=("A", "B"), help=argparse.SUPPRESS)
    parser.add_argument("--steps", type=int, default=30, help="key presses and scrolls per run")
    parser.add_argument("--repeat", type=int, help="runs per pair (default 5; 3 for big ones)")
    parser.add_argument("--quick", action="store_true", help="only the demo and 1 MB pairs")
    parser.add_argument("--only", help="run only the pairs whose name contains this")
    parser.add_argument("--seed", type=int, default=1863)
    args = parser.parse_args(argv)
    if args.probe:
        print(json.dumps(_probe(*args.probe, args.steps)))
        return 0
    pairs = [p for p in PAIRS[: 2 if args.quick else None] if not args.only or args.only in p[0]]
    engine_bench.compile_sources()
    # The empty window is measured before the pairs and after them: at the end of
    # full runs it has read 94-95 MB against 81-84 in every run on its own, which
    # nothing found explains, so the ratios use the smaller (the stricter) reading.
    before = _baseline()
    rows = []
    with tempfile.TemporaryDirectory(prefix="twofold-gui-bench-") as tmp:
        for name, make, runs in pairs:
            print(f"… {name}", file=sys.stderr, flush=True)
            a, b = make(Path(tmp), args.seed)
            rows.append(_bench_pair(name, a, b, args.repeat or runs, args.steps))
    after = _baseline()
    print(f"  empty window before / after the pairs: {before} / {after}", file=sys.stderr)
    report = _render(rows, *(min(b, a) for b, a in zip(before, after, strict=True)))
    engine_bench.publish(report, OUT_FILE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
