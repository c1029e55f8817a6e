# SPDX-License-Identifier: GPL-3.0-or-later
"""Deferred work runs one step per event-loop turn, round robin, and never on a dead owner."""

from __future__ import annotations

from itertools import pairwise

import shiboken6
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from twofold.ui.turns import TurnQueue


def _counting(log: list[str], name: str, steps: int) -> tuple[QObject, list[int]]:
    owner, left = QObject(), [steps]

    def step() -> bool:
        log.append(name)
        left[0] -= 1
        return left[0] > 0

    owner.step = step  # type: ignore[attr-defined]
    return owner, left


def _run_everything_queued(qtbot: QtBot, queue: TurnQueue) -> None:
    """Queue a last step and wait for it: the queue runs in order, so all before it ran."""
    last = QObject()
    ran: list[bool] = []
    queue.schedule(last, lambda: ran.append(True) or False)  # type: ignore[func-returns-value]
    qtbot.waitUntil(lambda: ran == [True])


def test_steps_take_turns_with_each_other_and_with_timers(qtbot: QtBot) -> None:
    queue, log = TurnQueue(), []
    a, _ = _counting(log, "a", 3)
    b, _ = _counting(log, "b", 2)
    ticker = QTimer(interval=0)
    ticker.timeout.connect(lambda: log.append("tick"))
    ticker.start()
    queue.schedule(a, a.step)  # type: ignore[attr-defined]
    queue.schedule(b, b.step)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not queue.pending(a) and not queue.pending(b))
    ticker.stop()
    work = [entry for entry in log if entry != "tick"]
    assert work == ["a", "b", "a", "b", "a"]
    # Another timer ran between any two steps: no turn did two steps.
    steps_at = [n for n, entry in enumerate(log) if entry != "tick"]
    assert all(later - earlier > 1 for earlier, later in pairwise(steps_at))


def test_rescheduling_replaces_and_cancel_forgets(qtbot: QtBot) -> None:
    queue, log = TurnQueue(), []
    owner = QObject()
    queue.schedule(owner, lambda: log.append("old") or False)  # type: ignore[func-returns-value]
    queue.schedule(owner, lambda: log.append("new") or False)  # type: ignore[func-returns-value]
    qtbot.waitUntil(lambda: not queue.pending(owner))
    assert log == ["new"]
    queue.schedule(owner, lambda: log.append("canceled") or False)  # type: ignore[func-returns-value]
    queue.cancel(owner)
    _run_everything_queued(qtbot, queue)
    assert log == ["new"]


def test_a_deleted_owner_loses_its_step(qtbot: QtBot) -> None:
    queue, log = TurnQueue(), []
    owner = QObject()
    queue.schedule(owner, lambda: log.append("ran") or False)  # type: ignore[func-returns-value]
    shiboken6.delete(owner)  # the C++ object is gone; only the Python wrapper is left
    assert not queue.pending(owner)
    _run_everything_queued(qtbot, queue)
    assert log == []
