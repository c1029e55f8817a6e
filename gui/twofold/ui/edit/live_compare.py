# SPDX-License-Identifier: GPL-3.0-or-later
"""Comparing the two sides again as they are edited: after each pause, and after a take.

Typing goes into the panes as Qt puts it; each pause (``RECOMPARE_MS`` after
the last change) compares the two texts again in the background
(``RecompareRunner``). An answer for texts that changed since is dropped and
the texts are compared again. A command that needs the comparison of the texts
as they are (a take) waits for it: at most one wait is queued per kind of
command (``Waiting``).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto

from PySide6.QtCore import QObject, QTimer, Signal

from twofold.engine.result.kinds import Side
from twofold.engine.result.model import CompareOptions
from twofold.engine.view.view_geometry import PreparedView
from twofold.ui.edit.pane_text import pane_text
from twofold.ui.edit.recompare_runner import RecompareRunner
from twofold.ui.edit.saving import SideSaver
from twofold.ui.panes.diff_view import DiffView

#: how long after the last keystroke the texts are compared again
RECOMPARE_MS = 300


class Waiting(Enum):
    """A command waiting for the comparison of the texts as they are; one of each at most."""

    TAKE = auto()
    WORD = auto()


class LiveCompare(QObject):
    """Compares the sides' texts again after a pause in typing, or at once when asked.

    Signals:
        compared: the texts as they are now, compared (the ``PreparedView``).
        failed: comparing them failed (the message).
        crashed: comparing them raised an unexpected exception (summary, traceback).
    """

    compared = Signal(object)
    failed = Signal(str)
    crashed = Signal(str, str)

    def __init__(self, view: DiffView, saver: SideSaver, parent: QObject | None = None) -> None:
        """``saver`` says what each side is an edit of (its base: name, encoding, line ends)."""
        super().__init__(parent)
        self._view, self._saver = view, saver
        self._runner = RecompareRunner(self)
        self._timer = QTimer(self, singleShot=True, interval=RECOMPARE_MS)
        self._timer.timeout.connect(self.recompare)
        self._waiting: dict[Waiting, Callable[[], None]] = {}
        self._runner.finished.connect(self.on_runner_finished)
        self._runner.failed.connect(self.failed)
        self._runner.crashed.connect(self.crashed)

    def texts(self) -> tuple[str, str]:
        """Both sides' texts as the panes hold them now."""
        return pane_text(self._view.pane(Side.A)), pane_text(self._view.pane(Side.B))

    @property
    def comparing(self) -> bool:
        """Whether a comparison of the texts as they are is still to come."""
        return self._timer.isActive() or self._runner.busy

    def after_pause(self) -> None:
        """A side was typed in: compare once the typing pauses."""
        self._timer.start()

    def stop(self) -> None:
        """Files are loaded or shown anew: no comparison of the old texts is wanted."""
        self._timer.stop()
        self._runner.stop()
        self._waiting.clear()

    def shutdown(self) -> None:
        self._timer.stop()
        self._runner.stop()
        self._runner.wait()

    def recompare(self, *, force: bool = False, options: CompareOptions | None = None) -> None:
        """Compare the texts again, unless they are what is shown (``force``: all the same)."""
        result = self._view.result
        if result is None:
            return
        self._timer.stop()
        if not force and (result.a.text, result.b.text) == self.texts():
            return  # a format changed (syntax colours), not the text
        bases = (self._saver.base(Side.A, result), self._saver.base(Side.B, result))
        self._runner.start(result, bases, self.texts(), options)

    def on_runner_finished(self, prepared: PreparedView) -> None:
        result = prepared.result
        if (result.a.text, result.b.text) != self.texts():
            if not self._timer.isActive():
                self.recompare()  # typed during the comparison, and paused since
            return
        self.compared.emit(prepared)

    def release_waiting(self) -> None:
        """Run the commands that waited, now that the comparison shown is of the texts."""
        waiting, self._waiting = self._waiting, {}
        for run in waiting.values():
            run()

    def when_compared(self, kind: Waiting, run: Callable[[], None]) -> bool:
        """True when the result on screen is of the texts as they are; else ``run`` waits."""
        result = self._view.result
        if result is None:
            return False
        if not self._runner.busy and (result.a.text, result.b.text) == self.texts():
            self._timer.stop()
            return True
        self._waiting[kind] = run
        if not self._runner.busy:
            self.recompare()
        return False
