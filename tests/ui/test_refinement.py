# SPDX-License-Identifier: GPL-3.0-or-later
"""Big comparisons show aligned first, then refine in place without moving the view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from qt_helpers import TunedWindow, compare_and_wait, deliver_posted_events, next_turn
from twofold.app import open_files
from twofold.engine.parallel import launch_start
from twofold.engine.parallel.refine_helper import RefineHelper
from twofold.engine.parallel.tuning import ParallelTuning
from twofold.engine.pipeline import Refinement, compare
from twofold.engine.result.kinds import Side
from twofold.engine.result.model import DiffResult
from twofold.engine.view.view_geometry import PreparedView
from twofold.ui import compare_request, worker
from twofold.ui.files.settings import Settings
from twofold.ui.main_window import MainWindow
from twofold.ui.tuning import ViewTuning

#: every input counts as big, so the demo pair takes the coarse-then-refined path
TWO_STEPS = ViewTuning(coarse_first_chars=0)


@pytest.fixture
def two_step_window(tuned_window: TunedWindow) -> MainWindow:
    """A shown window that compares every pair in two steps (``TWO_STEPS``)."""
    return tuned_window(coarse_first_chars=0)


@pytest.fixture
def helper_for_small_pairs(helper_for_any_size: ParallelTuning) -> ParallelTuning:
    """As ``helper_for_any_size``, in batches small enough for the demo pair to be shared."""
    return replace(helper_for_any_size, batch_chars=200)


@pytest.fixture
def shared_window(
    qtbot: QtBot, settings: Settings, helper_for_small_pairs: ParallelTuning
) -> MainWindow:
    """A shown window whose runner refines with a helper of ``helper_for_small_pairs``."""
    runner = worker.CompareRunner(helper=RefineHelper(helper_for_small_pairs), tuning=TWO_STEPS)
    win = MainWindow(runner=runner, settings=settings)
    qtbot.addWidget(win)
    win.resize(1200, 700)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_preview_then_refined_result(
    qtbot: QtBot, two_step_window: MainWindow, demo: tuple[Path, Path]
) -> None:
    window = two_step_window
    runner = window.runner
    previews: list[PreparedView] = []
    runner.previewed.connect(previews.append)
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.compare_files(str(demo[0]), str(demo[1]))
    assert len(previews) == 1
    coarse = previews[0].result
    assert not coarse.refined
    result = window.view.result
    assert result is not None
    assert result.refined
    assert all(p.edits for p in result.changes)
    assert window.sidebar.visible_changes() == list(range(len(result.changes)))


def test_refinement_keeps_the_current_change_and_scroll(
    qtbot: QtBot, two_step_window: MainWindow, demo: tuple[Path, Path]
) -> None:
    window = two_step_window
    runner = window.runner
    seen: list[tuple[int | None, int]] = []

    def step() -> None:
        window.go_to_change(1)
        seen.append((window.current_change, window.view.pane(Side.B).verticalScrollBar().value()))

    def on_preview(_result: object) -> None:
        # The preview is on screen (show_result ran first): step once it is painted,
        # as a reader would.
        window.view.after_next_paint(step)

    runner.previewed.connect(on_preview)
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.compare_files(str(demo[0]), str(demo[1]))
    qtbot.waitUntil(lambda: bool(seen))
    assert window.current_change == 1
    pane_b = window.view.pane(Side.B)
    assert pane_b.verticalScrollBar().value() == seen[0][1]


def test_words_on_screen_are_highlighted_before_the_refined_result(
    qtbot: QtBot, two_step_window: MainWindow, demo: tuple[Path, Path]
) -> None:
    window = two_step_window
    runner = window.runner
    highlighted: list[int] = []

    def on_preview(_result: object) -> None:
        pane = window.view.pane(Side.A)
        highlighted.append(len(pane.extraSelections()))

    runner.previewed.connect(on_preview)
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.compare_files(str(demo[0]), str(demo[1]))
    assert highlighted
    assert highlighted[0] > 0


def test_a_held_preview_is_refined_only_once_released(
    qtbot: QtBot, demo: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker does not compete with the UI thread while the preview goes on screen."""
    events: list[str] = []

    class RecordingRefinement(Refinement):
        def finish(self, **kwargs: Any) -> DiffResult:
            events.append("refine")
            return super().finish(**kwargs)

    monkeypatch.setattr(worker, "Refinement", RecordingRefinement)
    runner = worker.CompareRunner(tuning=TWO_STEPS)
    releases: list[Callable[[], None]] = []
    runner.previewed.connect(lambda _result: releases.append(runner.hold_refinement()))
    runner.start(compare_request.CompareRequest(str(demo[0]), str(demo[1])))
    qtbot.waitUntil(lambda: bool(releases), timeout=30_000)
    # The worker polls the released-yet event: unanswered polls show it waiting.
    shown = releases[0].__self__  # type: ignore[attr-defined]
    polls: list[bool] = []
    poll = shown.wait
    shown.wait = lambda timeout=None: polls.append(poll(timeout)) or polls[-1]
    qtbot.waitUntil(lambda: polls.count(False) >= 3, timeout=10_000)
    assert events == [], "refining before the preview was released"
    with qtbot.waitSignal(runner.finished, timeout=30_000):
        releases[0]()
    assert events == ["refine"]
    runner.shutdown()


def test_after_next_paint_waits_for_a_paint(qtbot: QtBot, loaded: MainWindow) -> None:
    calls: list[str] = []
    deliver_posted_events()  # the paints already asked for happen now
    loaded.view.after_next_paint(lambda: calls.append("called"))
    next_turn(qtbot)
    deliver_posted_events()
    assert calls == [], "called without a paint"
    loaded.view.pane(Side.B).viewport().update()
    qtbot.waitUntil(lambda: calls == ["called"], timeout=2000)


def test_the_helper_process_refines_beside_the_worker(
    qtbot: QtBot, shared_window: MainWindow, demo: tuple[Path, Path]
) -> None:
    window = shared_window
    """A big pair's refinement is shared with the helper and gives the same result."""
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.compare_files(str(demo[0]), str(demo[1]))
    helper = window.runner.helper
    assert helper.running
    shown = window.view.result
    assert shown is not None
    assert shown.pairs == compare(shown.a, shown.b, shown.options).pairs
    window.close()
    assert not helper.running, "the helper outlived its window"


def test_refining_waits_until_the_changes_are_listed(
    qtbot: QtBot, tuned_window: TunedWindow, demo: tuple[Path, Path]
) -> None:
    """Listing calls Python once per row: a refining worker would make each call wait."""
    loaded = tuned_window(list_later_changes=0)  # listed in a later turn
    compare_and_wait(qtbot, loaded, *demo)
    loaded.sidebar.set_result(loaded.view.result)
    assert loaded.sidebar.filling
    released: list[bool] = []
    loaded.preview_hold.release_once_listed(lambda: released.append(loaded.sidebar.filling))
    assert released == [], "released while the list was still to fill"
    qtbot.waitUntil(lambda: released == [False], timeout=5000)
    loaded.preview_hold.release_once_listed(lambda: released.append(loaded.sidebar.filling))
    assert released == [False, False]  # nothing to wait for: at once


def test_a_comparison_replaced_mid_head_start_leaves_the_next_one_right(
    qtbot: QtBot, shared_window: MainWindow, tmp_path: Path
) -> None:
    window = shared_window
    """Opening other files while the helper diffs guesses for the first ones costs nothing."""
    paths = []
    for name, words in (("first", "alpha beta gamma"), ("second", "delta epsilon zeta")):
        a, b = tmp_path / f"{name}-a.txt", tmp_path / f"{name}-b.txt"
        a.write_text("\n\n".join(f"{words} {n} one two three" for n in range(300)) + "\n")
        b.write_text("\n\n".join(f"{words} {n} one 2 three" for n in range(300)) + "\n")
        paths.append((a, b))
    with qtbot.waitSignal(window.runner.progressed, timeout=30_000):  # its head start is under way
        window.compare_files(str(paths[0][0]), str(paths[0][1]))
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.compare_files(str(paths[1][0]), str(paths[1][1]))
    qtbot.waitUntil(lambda: window.view.result is not None and window.view.result.refined)
    shown = window.view.result
    assert shown is not None
    assert shown.a.path == str(paths[1][0])
    assert shown.pairs == compare(shown.a, shown.b, shown.options).pairs
    window.close()


def test_the_head_start_begun_at_launch_serves_the_window(
    qtbot: QtBot,
    settings: Settings,
    demo: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    helper_for_small_pairs: ParallelTuning,
) -> None:
    """``twofold a b``: the helper starts on the pair before the window; the window takes it."""
    taken: list[int] = []
    monkeypatch.setattr(
        Refinement, "finish", _spy_ready(Refinement.finish, lambda n: taken.append(n))
    )
    left, right = str(demo[0]), str(demo[1])
    tuning = replace(helper_for_small_pairs, min_launch_bytes=0)
    launch = launch_start.begin(left, right, tuning=tuning)
    assert launch is not None
    started = launch.made.head_start
    assert started is not None
    qtbot.waitUntil(lambda: started.answered > 0, timeout=10_000)  # the helper is at work
    win = MainWindow(settings=settings, tuning=TWO_STEPS)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.comparison_finished, timeout=30_000):
        open_files(win, left, right, launch=launch)
    assert win.runner.helper is launch.helper  # one helper process, not two
    assert taken
    assert taken[0] > 0, "no answer of the launch's head start was taken"
    shown = win.view.result
    assert shown is not None
    assert shown.pairs == compare(shown.a, shown.b, shown.options).pairs
    win.close()
    assert not launch.helper.running


def test_a_launch_serves_only_the_window_it_is_handed_to(
    qtbot: QtBot,
    settings: Settings,
    demo: tuple[Path, Path],
    helper_for_small_pairs: ParallelTuning,
) -> None:
    """Nothing is claimed by matching paths: a window comparing the same files starts afresh."""
    left, right = str(demo[0]), str(demo[1])
    launch = launch_start.begin(
        left, right, tuning=replace(helper_for_small_pairs, min_launch_bytes=0)
    )
    assert launch is not None
    started = launch.made.head_start
    assert started is not None
    qtbot.waitUntil(lambda: started.answered > 0, timeout=10_000)
    win = MainWindow(settings=settings, tuning=TWO_STEPS)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.comparison_finished, timeout=30_000):
        win.compare_files(left, right)
    assert win.runner.helper is not launch.helper
    # Taken, it would have been stopped once the window's alignment was done.
    assert not started.stopped, "the window took a launch it was not handed"
    win.close()
    launch.stop()
    launch.helper.stop()


def _spy_ready(finish: Callable[..., Any], seen: Callable[[int], None]) -> Callable[..., Any]:
    def spy(self: Refinement, **kwargs: Any) -> Any:
        seen(self.taken_early)
        return finish(self, **kwargs)

    return spy
