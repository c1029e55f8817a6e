# SPDX-License-Identifier: GPL-3.0-or-later
"""Time what a reader does in a window showing a big comparison: find, copy, export, resize.

Run with ``make bench`` (or ``.venv/bin/python bench/gui_actions.py [A B] [--repeat N]``).

A measurement, not a test: no assertions, exit status 0. Without files it
compares ``gui_bench``'s seeded 250,000-line server log (16 MB a side), the
pair where per-line costs show. The window is opened offscreen at
``gui_bench.WINDOW``, the comparison completed and filled in; then each action
is timed from its start until the window has nothing left to do (no deferred
step queued, no fill, layout or export pending; the last event pass that found
some, before 20 that found none), with the
longest gap between ticks of a 5 ms timer meanwhile (the longest stall). Each
row is the median of ``--repeat`` runs of the action in the same window. The
process's resident memory is read before and after the first width change,
which makes Qt give every block a text layout.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gui_bench
import run as engine_bench

OUT_FILE = engine_bench.REPO / "bench" / "out" / "gui_actions.md"
LOG_LINES = 250_000
#: width steps of a simulated drag of the window's edge, 20 px each
DRAG_STEPS = 12


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(left: str, right: str, repeat: int) -> str:
    """Open the window on the pair, time the actions; the Markdown report."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(engine_bench.REPO / "gui"))
    from twofold import process_setup

    process_setup.prepare_window()  # as ``twofold`` does at start
    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from twofold.engine.result.kinds import Side
    from twofold.ui.files.settings import Settings
    from twofold.ui.main_window import MainWindow
    from twofold.ui.turns import turn_queue

    app = QApplication([])
    tmp = tempfile.mkdtemp(prefix="twofold-gui-actions-")
    win = MainWindow(settings=Settings(QSettings(f"{tmp}/t.ini", QSettings.Format.IniFormat)))
    win.resize(*gui_bench.WINDOW)
    win.show()
    win.activateWindow()
    done: list[bool] = []
    win.comparison_finished.connect(lambda _r: done.append(True))
    win.compare_files(left, right)
    end = time.perf_counter() + 300
    while not (done and not win.view.filling) and time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)

    gaps: list[float] = []
    spinning: set[Callable[[], object]] = set()  # actions that run the event loop themselves
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer(interval=5, timerType=Qt.TimerType.PreciseTimer)
    ticker.timeout.connect(tick)
    ticker.start()
    panes = [win.view.pane(side) for side in Side]

    def busy() -> bool:
        return (
            not turn_queue().idle
            or win.view.filling
            or any(p.layout_pending for p in panes)
            or win.exporter.busy
        )

    def settle(limit: float = 60.0) -> float:
        """Run the event loop until 20 passes in a row find nothing to do.

        Returns when the last pass that found work ended (the action's end).
        """
        stop, quiet = time.perf_counter() + limit, 0
        ended = time.perf_counter()
        while quiet < 20 and time.perf_counter() < stop:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            if busy():
                quiet, ended = 0, time.perf_counter()
            else:
                quiet += 1
            time.sleep(0.002)
        return ended

    def timed(
        action: Callable[[], object], prepare: Callable[[], object] | None = None
    ) -> tuple[float, float, float]:
        """Until idle, the longest stall and the process's CPU until idle (s); an action
        that runs the event loop itself (a drag) is a stall only where the ticks say so."""
        if prepare is not None:
            prepare()
        settle()
        gaps.clear()
        cpu = time.process_time()
        last[0] = start = time.perf_counter()
        action()
        acted = time.perf_counter()
        total = max(settle(), acted) - start
        itself = [] if action in spinning else [acted - start]
        return total, max([*gaps, *itself]), time.process_time() - cpu

    def key(target: object, k: Qt.Key, mods: Qt.KeyboardModifier) -> Callable[[], None]:
        return lambda: QTest.keyClick(target, k, mods)  # type: ignore[arg-type]

    none, ctrl, alt = (
        Qt.KeyboardModifier.NoModifier,
        Qt.KeyboardModifier.ControlModifier,
        Qt.KeyboardModifier.AltModifier,
    )
    pane = panes[0]
    edit = win.find_bar.edit
    win.exporter.choose_path = lambda *_args: f"{tmp}/export.out"
    narrower = (gui_bench.WINDOW[0] - 200, gui_bench.WINDOW[1])

    rows: list[tuple[str, list[tuple[float, float]]]] = []
    full, narrow = (lambda: win.resize(*gui_bench.WINDOW)), (lambda: win.resize(*narrower))
    settle()
    before = _rss_mb()
    rows.append(("first width change (window 200 px narrower)", [timed(narrow)]))
    after = _rss_mb()

    def nothing() -> None:
        pass

    def find_text(text: str) -> Callable[[], None]:
        def prepare() -> None:
            if not win.find_bar.isVisible():
                key(win, Qt.Key.Key_F, ctrl)()
            edit.setText(text)

        return prepare

    def close_find() -> None:
        if win.find_bar.isVisible():
            key(edit, Qt.Key.Key_Escape, none)()

    def select_all_and_copy() -> None:
        pane.setFocus()
        key(pane, Qt.Key.Key_A, ctrl)()
        key(pane, Qt.Key.Key_C, ctrl)()

    def wrap(on: bool) -> Callable[[], None]:
        def set_wrap() -> None:
            if win.actions_by_id["wrap"].isChecked() != on:
                key(win, Qt.Key.Key_Z, alt)()

        return set_wrap

    def drag(widths: list[int]) -> Callable[[], None]:
        """Move the window's edge as a mouse drag does: the next width every 16 ms."""

        def steps() -> None:
            for width in widths:
                win.resize(width, gui_bench.WINDOW[1])
                pause = time.perf_counter() + 0.016
                while time.perf_counter() < pause:
                    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 2)

        return steps

    zoom_in, zoom_back = key(win, Qt.Key.Key_Equal, ctrl), key(win, Qt.Key.Key_0, ctrl)
    inward = [gui_bench.WINDOW[0] - 20 * step for step in range(1, DRAG_STEPS + 1)]
    drag_in, drag_out = drag(inward), drag([*inward[-2::-1], gui_bench.WINDOW[0]])
    dragged_in = (inward[-1], gui_bench.WINDOW[1])
    spinning.update({drag_in, drag_out})
    # Each action is undone before it runs again, so that every run changes something.
    runs: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        ("window 200 px narrower", narrow, full),
        ("window back to full width", full, narrow),
        (
            f"drag the window's edge {DRAG_STEPS * 20} px in (a step each 16 ms)",
            drag_in,
            full,
        ),
        (
            f"drag the window's edge {DRAG_STEPS * 20} px out (a step each 16 ms)",
            drag_out,
            lambda: win.resize(*dragged_in),
        ),
        ("zoom in (Ctrl+=)", zoom_in, zoom_back),
        ("zoom back (Ctrl+0)", zoom_back, zoom_in),
        ("word wrap off (Alt+Z)", wrap(False), wrap(True)),
        ("word wrap on (Alt+Z)", wrap(True), wrap(False)),
        ("last change (Alt+End)", key(win, Qt.Key.Key_End, alt), key(win, Qt.Key.Key_Home, alt)),
        ("first change (Alt+Home)", key(win, Qt.Key.Key_Home, alt), key(win, Qt.Key.Key_End, alt)),
        ("find: type 'e' (found everywhere)", key(edit, Qt.Key.Key_E, none), find_text("")),
        (
            "find: type 'n' of 'warn' (a line in 97)",
            key(edit, Qt.Key.Key_N, none),
            find_text("war"),
        ),
        ("find: type 'r' of 'error' (nowhere)", key(edit, Qt.Key.Key_R, none), find_text("erro")),
        ("select all in a pane and copy", select_all_and_copy, close_find),
        ("export the unified diff", lambda: win.actions_by_id["export_diff"].trigger(), nothing),
        ("export the HTML report", lambda: win.actions_by_id["export_report"].trigger(), nothing),
    ]
    runs.insert(0, ("nothing (the measurement's own cost: the baseline)", lambda: None, nothing))
    for name, action, prepare in runs:
        rows.append((name, [timed(action, prepare) for _ in range(repeat)]))
    win.close()

    lines = [
        "# Twofold: a reader's actions on a big comparison",
        "",
        f"nproc {engine_bench.cpu_count()} · {time.strftime('%Y-%m-%d %H:%M')} · "
        f"{Path(left).name} / {Path(right).name}, {pane.table.block_count:,} blocks a pane · "
        f"window {gui_bench.WINDOW[0]}x{gui_bench.WINDOW[1]} offscreen · medians of {repeat}",
        "",
        "CPU: user + system time of the window process from the action until idle (with "
        "the baseline's idle event-loop passes); export threads included.",
        "",
        "| action | until idle ms | CPU ms | longest stall ms |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, results in rows:
        total = statistics.median(t for t, _, _ in results)
        stall = statistics.median(s for _, s, _ in results)
        cpu = statistics.median(c for _, _, c in results)
        lines.append(f"| {name} | {total * 1000:.0f} | {cpu * 1000:.0f} | {stall * 1000:.0f} |")
    lines += [
        "",
        f"Resident memory before / after the first width change: {before:.0f} / {after:.0f} MB.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", help="the pair to open (default: the seeded log)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each action")
    parser.add_argument("--seed", type=int, default=1863)
    args = parser.parse_args(argv)
    if len(args.files) not in (0, 2):
        parser.error("give two files, or none for the seeded log")
    with tempfile.TemporaryDirectory(prefix="twofold-gui-actions-") as tmp:
        if args.files:
            left, right = args.files
        else:
            a, b = gui_bench._log_pair(Path(tmp), args.seed, LOG_LINES)
            left, right = str(a), str(b)
        report = measure(left, right, args.repeat)
    engine_bench.publish(report, OUT_FILE)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # Qt's offscreen teardown of a 16 MB window is slow and tells nothing


if __name__ == "__main__":
    sys.exit(main())
