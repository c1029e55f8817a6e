# SPDX-License-Identifier: GPL-3.0-or-later
"""What showing hidden characters costs a pane's fill: the same fill with and without.

Usage: ``QT_QPA_PLATFORM=offscreen python bench/reveal_bench.py [--runs N]``.

``pane_fill.SlicedFill`` passes every slice through ``engine.invisibles.reveal``
(a stand-in for each direction control, zero-width or control character). This
fills a ``QPlainTextEdit`` with the B side of ``bench/run.py``'s 10 MB pair
(prose with dashes) twice per run, once with ``reveal`` and once with it
replaced by the identity, alternating, and prints the medians: time to the
first slice, the whole fill (the event-loop turns between slices included),
the longest slice and the sum of the slices. A second case puts a zero-width
space at the end of every line (38,000 stand-ins), the costly case. Whatever
else the machine runs counts too: compare the two columns, not the figures
with another run's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication, QPlainTextEdit

import run as bench_run  # the pair generator
from twofold.engine.view.invisibles import reveal
from twofold.ui.panes import pane_fill
from twofold.ui.panes.pane_fill import SlicedFill


def _fill(app: QApplication, text: str, reveal_with: Callable[[str], str]) -> list[float]:
    """First slice, whole fill (wall, then CPU), longest slice, sum of slices (seconds)."""
    pane_fill.reveal = reveal_with
    edit = QPlainTextEdit()
    edit.resize(700, 800)
    edit.show()
    filler = SlicedFill(edit)
    slices: list[float] = []
    more = filler._more  # timed from outside, as the turn queue calls it

    def timed() -> bool:
        started = time.perf_counter()
        going = more()
        slices.append(time.perf_counter() - started)
        return going

    filler._more = timed  # type: ignore[method-assign]
    done: list[bool] = []
    filler.finished.connect(lambda: done.append(True))
    started, cpu = time.perf_counter(), time.process_time()
    filler.start(text)
    first = time.perf_counter() - started
    while not done:
        app.processEvents()
    whole = time.perf_counter() - started
    whole_cpu = time.process_time() - cpu
    edit.close()
    edit.deleteLater()
    app.processEvents()
    return [first, whole, whole_cpu, max(slices, default=0.0), sum(slices)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        spec = bench_run.PairSpec("10MB-10%", 10 * bench_run.MB, 0.1, 1)
        _, b, _, _ = bench_run.generate_pair(spec, Path(folder), 0)
        text = b.read_text("utf-8")
    cases = {"10 MB prose": text, "+ ZWSP every line": text.replace("\n", "\u200b\n")}
    print(
        "| text | reveal | first ms | fill wall ms | fill CPU ms | longest slice ms | slices ms "
        "| wall on / off | CPU on / off |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, case in cases.items():
        runs: dict[bool, list[list[float]]] = {False: [], True: []}
        for _ in range(args.runs):
            for on in (False, True):
                runs[on].append(_fill(app, case, reveal if on else str))
        medians = {
            on: [statistics.median(column) * 1000 for column in zip(*runs[on], strict=True)]
            for on in (False, True)
        }
        for on in (False, True):
            row = medians[on]
            cells = " | ".join(f"{m:.0f}" if i in (1, 2) else f"{m:.1f}" for i, m in enumerate(row))
            ratios = "— | —"
            if on:
                off = medians[False]
                ratios = f"{row[1] / off[1]:.2f}x | {row[2] / off[2]:.2f}x"
            print(f"| {name} | {'on' if on else 'off'} | {cells} | {ratios} |")


if __name__ == "__main__":
    main()
