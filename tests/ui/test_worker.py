# SPDX-License-Identifier: GPL-3.0-or-later
"""The worker: results arrive off the UI thread, stale ones are dropped, cancel works."""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from qt_helpers import deliver_posted_events
from twofold.engine.errors import CompareCanceled, InputError
from twofold.engine.result.kinds import PairKind
from twofold.engine.result.model import DiffResult, Document, Pair, Stats
from twofold.engine.result.spans import Span
from twofold.engine.view.view_geometry import PreparedView
from twofold.ui.compare_request import CompareRequest
from twofold.ui.worker import CompareRunner


def _result(tag: str) -> DiffResult:
    return DiffResult(
        a=Document("a", tag + "\n"),
        b=Document("b", tag + "\n"),
        a_segments=(Span(0, len(tag)),),
        b_segments=(Span(0, len(tag)),),
        pairs=(Pair(PairKind.EQUAL, (0,), (0,), 1.0),),
        stats=Stats(),
    )


def test_a_stale_result_is_dropped(qtbot: QtBot) -> None:
    """The first request finishes last; only the second one's result is delivered."""
    release_first = threading.Event()

    def fn(
        request: CompareRequest,
        should_cancel: Callable[[], bool],
        progress: Callable[[float], None],
        _head_start: object = None,
    ) -> DiffResult:
        if request.left == "first":
            release_first.wait(5)  # ignores should_cancel on purpose: a slow engine
        return _result(request.left)

    runner = CompareRunner(fn)
    received: list[PreparedView] = []
    runner.finished.connect(received.append)
    first = runner.start(CompareRequest("first", "x"))
    with qtbot.waitSignal(runner.finished, timeout=5000):
        second = runner.start(CompareRequest("second", "x"))
    assert second > first
    release_first.set()
    runner.shutdown()
    deliver_posted_events()  # the first job's (stale) result, if it was sent at all
    assert [r.result.a.text for r in received] == ["second\n"]
    assert not runner.busy


def test_cancel_reports_canceled_and_no_result(qtbot: QtBot) -> None:
    started = threading.Event()

    def fn(
        request: CompareRequest,
        should_cancel: Callable[[], bool],
        progress: Callable[[float], None],
        _head_start: object = None,
    ) -> DiffResult:
        started.set()
        while not should_cancel():
            threading.Event().wait(0.005)
        raise CompareCanceled("stop")

    runner = CompareRunner(fn)
    finished: list[object] = []
    runner.finished.connect(finished.append)
    runner.start(CompareRequest("a", "b"))
    assert started.wait(5)
    with qtbot.waitSignal(runner.canceled, timeout=5000):
        runner.cancel()
    assert finished == []
    runner.shutdown()


def test_input_error_becomes_failed_with_the_message(qtbot: QtBot) -> None:
    def fn(
        request: CompareRequest,
        should_cancel: Callable[[], bool],
        progress: Callable[[float], None],
        _head_start: object = None,
    ) -> DiffResult:
        progress(0.5)
        raise InputError("b.bin looks binary; Twofold compares text.")

    runner = CompareRunner(fn)
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.start(CompareRequest("a", "b.bin"))
    assert blocker.args == ["b.bin looks binary; Twofold compares text."]
    runner.shutdown()


def test_real_engine_compares_the_demo(qtbot: QtBot, demo: tuple[Path, Path]) -> None:
    runner = CompareRunner()
    with qtbot.waitSignal(runner.finished, timeout=30_000) as blocker:
        runner.start(CompareRequest(str(demo[0]), str(demo[1])))
    prepared = blocker.args[0]
    assert isinstance(prepared, PreparedView)
    result = prepared.result
    assert any(p.kind is PairKind.CHANGED for p in result.pairs)
    runner.shutdown()


def test_a_runner_leaves_the_gil_switch_interval_to_the_entry_point(qtbot: QtBot) -> None:
    """The window's start-up sets it (``process_setup``); a constructor sets nothing."""
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)
        CompareRunner().shutdown()
        assert sys.getswitchinterval() == 0.005
    finally:
        sys.setswitchinterval(before)


def test_a_finished_result_is_exempt_from_gc_passes(qtbot: QtBot, tmp_path: Path) -> None:
    """Full collections must not walk a big result's objects while the UI shows it."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("One two three.\n\nFour five six.\n", encoding="utf-8")
    b.write_text("One two tree.\n\nFour five six.\n", encoding="utf-8")
    runner = CompareRunner()
    results: list[PreparedView] = []
    runner.finished.connect(results.append)
    try:
        with qtbot.waitSignal(runner.finished, timeout=30_000):
            runner.start(CompareRequest(str(a), str(b)))
        assert gc.get_freeze_count() > 0
        assert not any(obj is results[0] for obj in gc.get_objects()), (
            "the result is still in a generation a collection walks"
        )
    finally:
        gc.unfreeze()
        runner.shutdown()
