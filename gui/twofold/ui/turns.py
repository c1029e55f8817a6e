# SPDX-License-Identifier: GPL-3.0-or-later
"""Deferred work, one step per event-loop turn, shared by every widget of the window.

Qt fires every expired timer in one pass of the event loop, so separate zero
timers (two panes filling in slices, the changes list, the overview's marks)
all ran in the same turn and added up to a freeze (``bench/gui_bench.py``
reports the longest stall).
Work queued here runs one step per turn, round robin, and the paints of each
step happen before the next one starts; input events get in between too.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

#: A step returns True to be run again in a later turn (after the others' steps).
Step = Callable[[], bool]


class TurnQueue(QObject):
    """Runs queued steps one per turn; at most one pending step per owner."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: deque[tuple[int, Step]] = deque()
        self._owners: dict[int, QObject] = {}
        self._timer = QTimer(self, interval=0)
        self._timer.timeout.connect(self._run_one)

    def schedule(self, owner: QObject, step: Step) -> None:
        """Run ``step`` in a later turn, replacing whatever ``owner`` had queued."""
        key = id(owner)
        self.cancel(owner)
        if key not in self._owners:
            self._owners[key] = owner
            # A deleted widget's queued step would call into a dead C++ object.
            owner.destroyed.connect(lambda *_: self._drop(key))
        self._steps.append((key, step))
        self._timer.start()

    def cancel(self, owner: QObject) -> None:
        """Forget what ``owner`` has queued, if anything."""
        key = id(owner)
        if any(k == key for k, _ in self._steps):
            self._steps = deque(item for item in self._steps if item[0] != key)

    @property
    def idle(self) -> bool:
        """Nothing queued for a later turn."""
        return not self._steps

    def pending(self, owner: QObject) -> bool:
        key = id(owner)
        return any(k == key for k, _ in self._steps)

    def _drop(self, key: int) -> None:
        self._owners.pop(key, None)
        self._steps = deque(item for item in self._steps if item[0] != key)

    def _run_one(self) -> None:
        if not self._steps:
            self._timer.stop()
            return
        key, step = self._steps.popleft()
        if step():
            self._steps.append((key, step))
        if not self._steps:
            self._timer.stop()


_queue: TurnQueue | None = None


def turn_queue() -> TurnQueue:
    """The application's queue (created on first use, owned by the application)."""
    global _queue
    if _queue is None:
        _queue = TurnQueue(QCoreApplication.instance())
        _queue.destroyed.connect(_forget_queue)
    return _queue


def _forget_queue() -> None:
    global _queue
    _queue = None
