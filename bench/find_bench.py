# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark find's options on a big source pair: the keystroke, the whole search, the stalls.

Run with ``.venv/bin/python bench/find_bench.py [--size MB] [--repeat N]``.

A measurement, not a test: no assertions on time, exit status 0. The pair is
``syntax_bench``'s standard-library source (``--size`` MB a side). Offscreen,
with the find bar open, each query is typed as one edit of the field, ``--repeat``
times; per query the table gives the medians of: how long the edit held the
window (the keystroke), how long until every match was found and shown, and the
longest gap between ticks of a 5 ms timer meanwhile (the longest stall).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as engine_bench
import syntax_bench

OUT_FILE = engine_bench.REPO / "bench" / "out" / "find.md"

#: (label, the toggles on, what is typed)
QUERIES = (
    ("literal, ignoring case", "", "self."),
    ("literal, matching case", "case", "Self"),
    ("whole words", "words", "self"),
    ("regular expression", "regex", r"def \w+\("),
    ("expression, whole words", "regex,words", r"\w+_\w+"),
    ("expression that matches nothing", "regex", r"zq[xy]+z"),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=float, default=5.0, help="MB a side")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1863)
    args = parser.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(engine_bench.REPO / "gui"))
    from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from twofold.app import settle
    from twofold.ui.files.settings import Settings
    from twofold.ui.main_window import MainWindow

    app = QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="twofold-find-bench-"))
    a, b = syntax_bench._source_pair(tmp, args.seed, int(args.size * engine_bench.MB))
    win = MainWindow(settings=Settings(QSettings(f"{tmp}/t.ini", QSettings.Format.IniFormat)))
    win.resize(1400, 900)
    win.show()
    loop = QEventLoop()
    win.comparison_finished.connect(loop.quit)
    win.compare_files(str(a), str(b))
    loop.exec()
    settle(app, win)
    win.show_find_bar()
    settle(app, win)
    worst, last = [0.0], [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        worst[0], last[0] = max(worst[0], now - last[0]), now

    ticker = QTimer(interval=5, timerType=Qt.TimerType.PreciseTimer)
    ticker.timeout.connect(tick)
    ticker.start()
    lines = [
        "# Find with options",
        "",
        f"nproc {engine_bench.cpu_count()} · {time.strftime('%Y-%m-%d %H:%M')} · "
        f"{a.stat().st_size / engine_bench.MB:.1f} MB source a side · median of {args.repeat}",
        "",
        "| query | keystroke ms | all found ms | longest stall ms | count |",
        "| --- | --- | --- | --- | --- |",
    ]
    for label, on, typed in QUERIES:
        for name, button in win.find_bar.options.items():
            button.setChecked(name in on.split(","))
        runs = []
        for _ in range(args.repeat):
            win.find_bar.edit.setText("")
            app.processEvents()
            worst[0], last[0] = 0.0, time.perf_counter()
            start = time.perf_counter()
            win.find_bar.edit.setText(typed)
            keystroke = time.perf_counter() - start
            while win.finder.searching:
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
            found = time.perf_counter() - start
            app.processEvents()  # a tick after the last step: its gap counts too
            runs.append((keystroke, found, worst[0]))
        keystroke, found, stall = (
            statistics.median(run[i] for run in runs) * 1000 for i in range(3)
        )
        count = win.find_bar.count.text()
        lines.append(
            f"| {label} `{typed}` | {keystroke:.0f} | {found:.0f} | {stall:.0f} | {count} |"
        )
    win.close()
    report = "\n".join(lines) + "\n"
    engine_bench.publish(report, OUT_FILE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
