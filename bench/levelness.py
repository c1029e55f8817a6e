# SPDX-License-Identifier: GPL-3.0-or-later
"""How level the two panes hold their pairs while a reader steps or scrolls.

Run with ``.venv/bin/python bench/levelness.py A B [--size 1280x800] [--steps 28]``.

A measurement, not a test: no assertions, exit status 0. The window is opened
offscreen at ``--size`` on the pair, settled, then Alt+Down is pressed
``--steps`` times (real key presses); after each press (but one that lands on
a moved pair, which each pane shows where it stands), and after each of
``--wheel`` wheel notches down from the top, and after each of ``--clicks``
clicks down the overview strip, every pair with a paragraph on
both sides whose first line is on screen in either pane is looked at: the
viewport y of its first line in each pane, as Qt lays it out. A pair is
level when the two differ by at most ``--tolerance`` pixels. Prints the
count of level pairs among those seen and the worst difference, per mode.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("left")
    parser.add_argument("right")
    parser.add_argument("--size", default="1280x800", help="window size, WxH")
    parser.add_argument("--steps", type=int, default=28, help="Alt+Down presses")
    parser.add_argument("--wheel", type=int, default=40, help="wheel notches down")
    parser.add_argument("--clicks", type=int, default=20, help="overview clicks, top to bottom")
    parser.add_argument("--tolerance", type=float, default=3.0, help="pixels")
    parser.add_argument("--png", help="save the window after --shot-after presses")
    parser.add_argument("--shot-after", type=int, default=6, help="presses before --png")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO / "gui"))
    from PySide6.QtCore import QEventLoop, QPoint, QPointF, QSettings, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from twofold.engine.result.kinds import PairKind, Side
    from twofold.ui.files.settings import Settings
    from twofold.ui.main_window import MainWindow

    app = QApplication([])
    tmp = tempfile.mkdtemp(prefix="twofold-levelness-")
    win = MainWindow(settings=Settings(QSettings(f"{tmp}/t.ini", QSettings.Format.IniFormat)))
    width, height = (int(v) for v in args.size.split("x"))
    win.resize(width, height)
    win.show()
    win.activateWindow()
    done: list[bool] = []
    win.comparison_finished.connect(lambda _r: done.append(True))
    win.compare_files(args.left, args.right)

    def settle() -> None:
        quiet, end = 0, time.perf_counter() + 60
        while quiet < 10 and time.perf_counter() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            quiet = quiet + 1 if done and win.view.settled else 0
            time.sleep(0.002)

    settle()
    view = win.view
    result = view.result
    assert result is not None
    panes = {side: view.pane(side) for side in Side}

    def first_line_y(side: Side, paragraph: int) -> float:
        pane = panes[side]
        block = pane.document().findBlockByNumber(pane.table.para_first[paragraph])
        top = pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top()
        layout = block.layout()
        # From the pane's top edge, as the reader sees it: the viewport may start above it.
        seen = pane.viewport().geometry().top() - pane.contentsRect().top()
        return seen + top + (layout.lineAt(0).y() if layout.lineCount() else 0.0)

    def look() -> list[float]:
        """The differences of the pairs on screen now."""
        diffs = []
        for pair in result.pairs:
            if not pair.a or not pair.b or pair.kind is PairKind.MOVED:
                continue
            ya, yb = first_line_y(Side.A, pair.a[0]), first_line_y(Side.B, pair.b[0])
            tall = panes[Side.A].contentsRect().height()
            shown = [0 <= y < tall for y in (ya, yb)]
            if any(shown):
                diffs.append(abs(ya - yb))
        return diffs

    def report(name: str, diffs: list[float]) -> None:
        level = sum(d <= args.tolerance for d in diffs)
        worst = max(diffs, default=0.0)
        print(
            f"{name}: {level} of {len(diffs)} visible pairs within {args.tolerance:g} px, "
            f"worst {worst:.0f} px"
        )

    target = panes[Side.A]
    target.setFocus()
    stepped: list[float] = []
    moves = 0
    for step in range(1, args.steps + 1):
        QTest.keyClick(target, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        settle()
        current = view.sync.changes[win.current_change or 0]
        if current.kind is PairKind.MOVED:  # each pane shows the move where it stands
            moves += 1
        else:
            stepped += look()
        if args.png and step == args.shot_after:
            win.grab().save(args.png)
    report(f"{args.size} Alt+Down x{args.steps} ({moves} to a moved pair not looked at)", stepped)

    target.verticalScrollBar().setValue(0)
    settle()
    wheeled: list[float] = []
    viewport = target.viewport()
    for _ in range(args.wheel):
        at = QPointF(viewport.width() / 2, viewport.height() / 2)
        event = QWheelEvent(
            at,
            viewport.mapToGlobal(at),
            QPoint(),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)
        settle()
        wheeled += look()
    report(f"{args.size} wheel x{args.wheel}", wheeled)

    clicked: list[float] = []
    overview = view.overview
    for n in range(1, args.clicks + 1):
        at = QPoint(overview.width() // 2, n * overview.height() // (args.clicks + 1))
        QTest.mouseClick(overview, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
        settle()
        clicked += look()
    report(f"{args.size} overview clicks x{args.clicks}", clicked)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
