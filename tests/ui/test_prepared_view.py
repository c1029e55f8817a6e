# SPDX-License-Identifier: GPL-3.0-or-later
"""The window shows what the worker prepared and computes none of it on the UI thread.

The tables, the sync geometry, the UTF-16 maps and the big changes' highlight
ranges of a 10 MB result cost the UI thread hundreds of milliseconds; the
worker hands them over in one ``PreparedView``. Spies count who computes them.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from qt_helpers import TunedWindow
from twofold.engine.tuning import GeometryTuning
from twofold.engine.view import view_geometry
from twofold.ui.main_window import MainWindow
from twofold.ui.panes import spans

#: every change's highlight ranges are worked out by the worker
EVERY_CHANGE_BIG = GeometryTuning(big_change_edits=0)
#: the names, in the modules that call them, of what only the worker should compute
_PREPARED_WORK = (
    (view_geometry, "block_table"),
    (view_geometry, "build_linemap"),  # the sync geometry's line map, its costly part
    (view_geometry, "Utf16Map"),
    (view_geometry, "pane_spans"),
    (spans, "pane_spans"),
)


@pytest.fixture
def ui_thread_work(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts the calls of ``_PREPARED_WORK`` made on the UI thread."""
    counts: Counter[str] = Counter()

    def spy(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is threading.main_thread():
                counts[name] += 1
            return real(*args, **kwargs)

        return counted

    for module, name in _PREPARED_WORK:
        monkeypatch.setattr(module, name, spy(name, getattr(module, name)))
    return counts


def _finish(qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path]) -> None:
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.compare_files(str(demo[0]), str(demo[1]))
    qtbot.waitUntil(lambda: window.view.settled, timeout=10_000)


def test_a_finished_comparison_is_shown_without_computing_on_the_ui_thread(
    qtbot: QtBot, tuned_window: TunedWindow, demo: tuple[Path, Path], ui_thread_work: Counter[str]
) -> None:
    window = tuned_window(geometry=EVERY_CHANGE_BIG)
    _finish(qtbot, window, demo)
    result = window.view.result
    assert result is not None
    assert any(pair.edits for pair in result.changes), "highlights were painted"
    assert ui_thread_work == Counter()


def test_a_refined_comparison_replaces_its_preview_without_computing_on_the_ui_thread(
    qtbot: QtBot,
    tuned_window: TunedWindow,
    demo: tuple[Path, Path],
    ui_thread_work: Counter[str],
) -> None:
    window = tuned_window(geometry=EVERY_CHANGE_BIG, coarse_first_chars=0)  # the demo goes coarse
    counted_at_finish: list[Counter[str]] = []
    window.comparison_finished.connect(lambda _r: counted_at_finish.append(+ui_thread_work))
    _finish(qtbot, window, demo)
    result = window.view.result
    assert result is not None
    assert result.refined
    # The preview may diff the small changes it shows (that is its job); from the
    # refined result on, everything comes prepared.
    before = counted_at_finish[0]
    assert ui_thread_work["pane_spans"] == before["pane_spans"]
    assert {name: n for name, n in ui_thread_work.items() if name != "pane_spans"} == {}
