# SPDX-License-Identifier: GPL-3.0-or-later
"""Unexpected exceptions: a dialog with the traceback to copy, and the window lives on.

pytest-qt replaces ``sys.excepthook`` around each test to fail on exceptions in
Qt callbacks; the tests that need the application's own hook opt out with the
``qt_no_exception_capture`` marker and install it inside the test.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from qt_helpers import deliver_posted_events
from twofold.engine.result.kinds import Side
from twofold.engine.result.model import DiffResult
from twofold.ui.compare_request import CompareRequest
from twofold.ui.dialogs import error_dialog
from twofold.ui.dialogs.error_dialog import (
    MAX_REPORTS_PER_DIALOG,
    ErrorDialog,
    ErrorReporter,
    install_error_dialog,
    summarize,
)
from twofold.ui.edit import recompare_runner
from twofold.ui.files.settings import Settings
from twofold.ui.main_window import MainWindow
from twofold.ui.worker import CompareRunner


@pytest.fixture
def reporter(window: MainWindow) -> Iterator[ErrorReporter]:
    installed = install_error_dialog(window, window.crashed)
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()


def _dialog(qtbot: QtBot, reporter: ErrorReporter) -> ErrorDialog:
    qtbot.waitUntil(
        lambda: reporter.dialog is not None and reporter.dialog.isVisible(), timeout=5000
    )
    assert reporter.dialog is not None
    return reporter.dialog


def explode_in_a_slot() -> None:
    raise ValueError("the slot broke")


class _RaisingWidget(QWidget):
    """A Qt virtual method written in Python that raises."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        raise KeyError("no handler for this key")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_dialog_and_the_window_lives(
    qtbot: QtBot, loaded: MainWindow, reporter: ErrorReporter
) -> None:
    QTimer.singleShot(0, explode_in_a_slot)
    dialog = _dialog(qtbot, reporter)
    assert dialog.summary_label.text() == (
        "Twofold hit an unexpected error (ValueError: the slot broke)."
    )
    details = dialog.details.toPlainText()
    assert "Traceback (most recent call last)" in details
    assert "explode_in_a_slot" in details
    assert dialog.parent() is loaded
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == details
    dialog.close()
    qtbot.waitUntil(lambda: reporter.dialog is None, timeout=2000)
    assert loaded.isVisible()
    loaded.actions_by_id["first_change"].trigger()
    loaded.actions_by_id["next_change"].trigger()
    assert loaded.current_change == 1


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_virtual_method_is_reported(
    qtbot: QtBot, window: MainWindow, reporter: ErrorReporter
) -> None:
    widget = _RaisingWidget(window)
    widget.show()
    # posted, so the event loop (C++) calls the override, as with a real key press
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    QApplication.postEvent(widget, press)
    dialog = _dialog(qtbot, reporter)
    assert "KeyError" in dialog.summary_label.text()
    assert "keyPressEvent" in dialog.details.toPlainText()


@pytest.mark.qt_no_exception_capture
def test_errors_while_the_dialog_is_open_are_added_not_stacked(
    qtbot: QtBot, window: MainWindow, reporter: ErrorReporter
) -> None:
    emitted: list[str] = []
    reporter.reported.connect(lambda summary, _details: emitted.append(summary))
    for _ in range(MAX_REPORTS_PER_DIALOG + 5):
        QTimer.singleShot(0, explode_in_a_slot)
    dialog = _dialog(qtbot, reporter)
    qtbot.waitUntil(lambda: len(emitted) == MAX_REPORTS_PER_DIALOG + 5)  # every slot broke
    deliver_posted_events()  # and every report reached the dialog
    assert len(window.findChildren(ErrorDialog)) == 1
    assert dialog.reports == MAX_REPORTS_PER_DIALOG
    assert f"({MAX_REPORTS_PER_DIALOG} errors so far)" in dialog.summary_label.text()


def test_an_exception_in_a_python_thread_is_reported(
    qtbot: QtBot, window: MainWindow, reporter: ErrorReporter
) -> None:
    def run() -> None:
        raise RuntimeError("the thread broke")

    thread = threading.Thread(target=run, name="helper")
    thread.start()
    thread.join()
    dialog = _dialog(qtbot, reporter)
    assert dialog.summary_label.text() == (
        "Twofold hit an unexpected error (RuntimeError: the thread broke)."
    )
    assert "In thread helper:" in dialog.details.toPlainText()


def test_a_crash_in_the_worker_fails_the_request_and_shows_the_details(
    qtbot: QtBot, settings: Settings, demo: tuple[Path, Path]
) -> None:
    def broken(*_args: object) -> DiffResult:
        return {}["missing"]  # a KeyError, as an engine bug would raise it

    runner = CompareRunner(fn=broken)
    win = MainWindow(runner=runner, settings=settings)
    runner.setParent(win)
    qtbot.addWidget(win)
    win.show()
    installed = install_error_dialog(win, win.crashed)
    try:
        with qtbot.waitSignal(win.comparison_failed, timeout=10_000) as failed:
            win.compare_files(*map(str, demo))
        assert failed.args == ["Twofold hit an unexpected error (KeyError: 'missing')."]
        assert win.banner.text() == failed.args[0]
        assert not runner.busy
        dialog = _dialog(qtbot, installed)
        details = dialog.details.toPlainText()
        assert "in broken" in details
        assert "KeyError: 'missing'" in details
    finally:
        installed.uninstall()


def test_a_worker_crash_goes_to_its_own_window_not_the_last_one_opened(
    qtbot: QtBot, settings: Settings, demo: tuple[Path, Path]
) -> None:
    """The crash is handed to the reporter of the window whose worker crashed.

    A reporter found through a module-global (the last one installed) would show
    the first window's crash over the second window.
    """

    def broken(*_args: object) -> DiffResult:
        raise ZeroDivisionError("division by zero")

    runner = CompareRunner(fn=broken)
    first = MainWindow(runner=runner, settings=settings)
    runner.setParent(first)
    second = MainWindow(settings=settings)
    for win in (first, second):
        qtbot.addWidget(win)
        win.show()
    first_reporter = install_error_dialog(first, first.crashed)
    second_reporter = install_error_dialog(second, second.crashed)
    try:
        with qtbot.waitSignal(first.crashed, timeout=10_000) as crashed:
            first.compare_files(*map(str, demo))
        assert crashed.args[0].endswith("(ZeroDivisionError: division by zero).")
        dialog = _dialog(qtbot, first_reporter)
        assert dialog.parent() is first
        assert "division by zero" in dialog.details.toPlainText()
        assert second_reporter.dialog is None
    finally:
        second_reporter.uninstall()
        first_reporter.uninstall()
        if first_reporter.dialog is not None:
            first_reporter.dialog.close()


def test_a_crash_comparing_typed_text_again_reaches_the_window(
    qtbot: QtBot, loaded: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> DiffResult:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(recompare_runner, "recompare", broken)  # a fault, as a bug would raise it
    left = loaded.view.pane(Side.A)
    left.setFocus()
    try:
        with qtbot.waitSignal(loaded.crashed, timeout=10_000) as crashed:
            qtbot.keyClicks(left, "x")
        assert crashed.args[0].endswith("(ZeroDivisionError: division by zero).")
        assert "in broken" in crashed.args[1]
    finally:
        left.document().setModified(False)  # nothing to ask about when the window closes


def test_worker_crash_signal_carries_the_traceback(qtbot: QtBot) -> None:
    def broken(*_args: object) -> DiffResult:
        raise ZeroDivisionError("division by zero")

    runner = CompareRunner(fn=broken)
    with qtbot.waitSignal(runner.crashed, timeout=10_000) as crashed:
        runner.start(CompareRequest("a", "b"))
    summary, details = crashed.args
    assert summary == "Twofold hit an unexpected error (ZeroDivisionError: division by zero)."
    assert details.startswith("Traceback (most recent call last)")
    runner.shutdown()


def test_a_failing_dialog_does_not_recurse(
    qtbot: QtBot,
    window: MainWindow,
    reporter: ErrorReporter,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    attempts: list[str] = []

    def broken_dialog(summary: str, *_args: object) -> ErrorDialog:
        attempts.append(summary)
        raise RuntimeError("cannot build the dialog")

    monkeypatch.setattr(error_dialog, "ErrorDialog", broken_dialog)
    emitted: list[str] = []
    reporter.reported.connect(lambda summary, _details: emitted.append(summary))
    reporter.report("Twofold hit an unexpected error (X).", "details of X")
    qtbot.waitUntil(lambda: bool(attempts), timeout=2000)
    deliver_posted_events()
    # A failure reported through the reporter itself would have been emitted by now.
    assert emitted == ["Twofold hit an unexpected error (X)."]
    assert attempts == ["Twofold hit an unexpected error (X)."]
    err = capsys.readouterr().err
    assert "twofold: Twofold hit an unexpected error (X).\ndetails of X" in err
    assert "Showing the error dialog failed." in err
    assert reporter.dialog is None
    monkeypatch.undo()
    reporter.report("Twofold hit an unexpected error (Y).", "details of Y")
    assert _dialog(qtbot, reporter).summary_label.text().endswith("(Y).")


def test_uninstall_restores_the_previous_hooks(window: MainWindow) -> None:
    import sys

    before = (sys.excepthook, threading.excepthook)
    installed = install_error_dialog(window, window.crashed)
    assert sys.excepthook == installed.excepthook
    installed.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (ValueError("bad value."), "Twofold hit an unexpected error (ValueError: bad value)."),
        (MemoryError(), "Twofold hit an unexpected error (MemoryError)."),
        (OSError("first line\nsecond"), "Twofold hit an unexpected error (OSError: first line)."),
    ],
)
def test_summary_is_one_sentence(exc: BaseException, expected: str) -> None:
    assert summarize(exc) == expected
    assert len(summarize(RuntimeError("x" * 1000))) < 220
