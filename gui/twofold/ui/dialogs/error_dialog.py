# SPDX-License-Identifier: GPL-3.0-or-later
"""Any unexpected exception becomes a dialog with copyable details; the window lives on.

Why a hook and not try/except everywhere: PySide calls ``sys.excepthook`` for an
exception escaping a slot or a Qt virtual method and then carries on, and
``threading.excepthook`` sees those of Python threads; a worker's caught crash
comes as a signal of its window (``MainWindow.crashed``), handed to the
reporter when it is installed. All three end in :class:`ErrorReporter`,
which queues the report to the UI thread (a thread must not touch widgets) and
shows one non-blocking dialog (``open()``, never ``exec()``: no nested event
loop, and tests can inspect and close it). Further errors while it is open are
appended to it instead of stacking dialogs, and if showing it fails the report
goes to the log and stderr instead: the reporter never reports on itself.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from twofold.ui.plain_text import plain_label

log = logging.getLogger(__name__)

#: while a dialog is open, at most this many errors are added to it; an error
#: raised on every paint would otherwise grow it without end
MAX_REPORTS_PER_DIALOG = 20
_SUMMARY_CHARS = 160

_ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def summarize(exc: BaseException) -> str:
    """One sentence naming the exception, for the dialog's title line and the banner."""
    lines = str(exc).strip().splitlines()
    message = lines[0] if lines else ""
    if len(message) > _SUMMARY_CHARS:
        message = message[: _SUMMARY_CHARS - 1] + "\u2026"
    what = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return f"Twofold hit an unexpected error ({what.rstrip('.')})."


def format_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """The full traceback, as a bug report wants it."""
    return "".join(traceback.format_exception(exc_type, exc, tb))


class ErrorDialog(QDialog):
    """The summary, the traceback in a read-only box, and a Copy details button."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle("Twofold \u2014 unexpected error")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary_label = plain_label(summary)  # an exception's message may quote anything
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = plain_label("The window stays open. Please copy the details into a bug report.")
        hint.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setObjectName("errorDetails")
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setMinimumSize(560, 220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("Copy details")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary_label, hint, self.details, buttons):
            layout.addWidget(widget)
        self.reports = 1

    def add_report(self, summary: str, details: str) -> None:
        """Another error while this one is open: append it rather than open a second dialog."""
        self.reports += 1
        self.summary_label.setText(f"{summary} ({self.reports} errors so far)")
        self.details.appendPlainText(f"\n{'-' * 20} error {self.reports} {'-' * 20}\n{details}")

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class ErrorReporter(QObject):
    """Installs the exception hooks and shows the dialog for whatever they catch.

    Signals:
        reported: an error to show (summary, details); emitted from any thread,
            delivered queued in the UI thread.
    """

    reported = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._window = parent
        self.dialog: ErrorDialog | None = None
        self._showing = False
        self._previous: tuple[object, object] | None = None
        self.reported.connect(self.on_reported, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        """Route uncaught exceptions (UI thread and Python threads) here."""
        if self._previous is None:
            self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        """Put the previous hooks back (tests, and shutdown)."""
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous  # type: ignore[assignment]
            self._previous = None

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report(summarize(exc), format_details(exc_type, exc, tb))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "a thread"
        details = format_details(args.exc_type, args.exc_value, args.exc_traceback)
        self.report(summarize(args.exc_value), f"In thread {name}:\n{details}")

    def report(self, summary: str, details: str) -> None:
        """Log the error and queue it for the dialog; safe from any thread."""
        log.error("%s\n%s", summary, details)
        try:
            self.reported.emit(summary, details)
        except Exception:  # the reporter is being destroyed: the log has it
            _fallback(summary, details)

    def on_reported(self, summary: str, details: str) -> None:
        """Show the dialog, or add to the open one; never re-enter, never raise."""
        if self._showing:
            _fallback(summary, details)
            return
        self._showing = True
        try:
            self._show(summary, details)
        except BaseException:  # showing failed: do not report that through ourselves
            _fallback(summary, details)
            _fallback("Showing the error dialog failed.", traceback.format_exc())
        finally:
            self._showing = False

    def _show(self, summary: str, details: str) -> None:
        dialog = self.dialog
        if dialog is not None and dialog.isVisible():
            if dialog.reports < MAX_REPORTS_PER_DIALOG:
                dialog.add_report(summary, details)
            return
        dialog = ErrorDialog(summary, details, self._window)
        dialog.finished.connect(self.on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def on_dialog_finished(self, _result: int) -> None:
        self.dialog = None


def _fallback(summary: str, details: str) -> None:
    """Last resort, when no dialog can be shown: stderr (which may itself be gone)."""
    with contextlib.suppress(Exception):  # nothing is left to tell
        sys.stderr.write(f"twofold: {summary}\n{details}\n")


def log_crash(summary: str, details: str) -> None:
    """Log an exception a worker caught, where no dialog is shown (``--screenshot``)."""
    log.error("%s\n%s", summary, details)


def install_error_dialog(window: QWidget, crashed: SignalInstance) -> ErrorReporter:
    """Create the reporter for ``window``, install its hooks and hand it ``crashed``.

    Args:
        crashed: the window's signal for exceptions its workers caught (summary,
            traceback), which no hook sees.
    """
    reporter = ErrorReporter(window)
    reporter.install()
    crashed.connect(reporter.report)
    return reporter
