# SPDX-License-Identifier: GPL-3.0-or-later
"""Comparing files in the window: asking the worker, and hearing how it went.

What is on screen stays until the new comparison is ready; ``request`` is the
pair on screen, or else the one being compared. Reload, Swap Sides, the
Compare menu and the reading choices compare the same pair again
(``compare_again``). A comparison asked for first asks about unsaved edits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from twofold.engine.parallel.launch_start import Launch
from twofold.engine.result.model import CompareOptions
from twofold.engine.view.view_geometry import PreparedView
from twofold.ui.bars.notes import Notes
from twofold.ui.bars.options_bar import OptionsController
from twofold.ui.bars.status_line import StatusLine
from twofold.ui.compare_request import CompareRequest
from twofold.ui.files.settings import Settings
from twofold.ui.find.find_bar import FindBar
from twofold.ui.preview_hold import PreviewHold
from twofold.ui.result_display import ResultDisplay
from twofold.ui.worker import CompareRunner


class Comparisons(QObject):
    """Starts, repeats and cancels comparisons; the worker's answers go on screen from here.

    Signals:
        requested: a comparison was asked for (the ``CompareRequest``).
        finished: a result is on screen (the ``DiffResult``).
        failed: loading or comparing failed (the message shown).
    """

    requested = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        runner: CompareRunner,
        options: OptionsController,
        display: ResultDisplay,
        preview_hold: PreviewHold,
        *,
        status_line: StatusLine,
        notes: Notes,
        settings: Settings,
        may_discard: Callable[[], bool],
        is_paste: Callable[[str | None], bool],
        find_bar: FindBar,
        parent: QObject | None = None,
    ) -> None:
        """Handed the worker, the parts a comparison touches, and three of the window's answers.

        Args:
            may_discard: asks about unsaved edits; False keeps them and compares nothing.
            is_paste: whether a path is a paste (kept out of the recent list).
            find_bar: Esc closes it while it is typed in, instead of canceling.
        """
        super().__init__(parent)
        self._runner, self._options, self._display = runner, options, display
        self._preview_hold, self._status_line, self._notes = preview_hold, status_line, notes
        self._settings, self._may_discard, self._is_paste = settings, may_discard, is_paste
        self._find_bar = find_bar
        self._shown: CompareRequest | None = None
        self._pending: CompareRequest | None = None

    @property
    def request(self) -> CompareRequest | None:
        """The files and options on screen, or else those being compared."""
        return self._shown or self._pending

    def compare_files(
        self,
        left: str,
        right: str,
        labels: tuple[str | None, str | None] = (None, None),
        options: CompareOptions | None = None,
        *,
        launch: Launch | None = None,
        as_text: bool = False,
        whole_page: bool = False,
    ) -> None:
        """Load and compare two files in the worker; the current comparison stays until then.

        Args:
            launch: what ``launch_start`` made for these files at launch (``app.run_gui``).
            as_text: read the files' own bytes as text, documents too (``ReadAsText``).
            whole_page: read a web page whole, site chrome too (``WholePage``).
        """
        if not self._may_discard():  # Save / Discard / Cancel unsaved edits
            return
        options = self._options.resolve(options)  # None: the Compare menu's options
        self._pending = CompareRequest(
            str(left), str(right), labels, options, as_text=as_text, whole_page=whole_page
        )
        self.requested.emit(self._pending)
        self._runner.start(self._pending, launch)

    def compare_again(self, *, as_text: bool | None = None, whole_page: bool | None = None) -> None:
        """The pair on screen again, with the current options, read as the arguments say.

        A choice left at None stays as the pair on screen was read.
        """
        request = self.request
        if request is not None:
            self.compare_files(
                request.left,
                request.right,
                request.labels,
                as_text=request.as_text if as_text is None else as_text,
                whole_page=request.whole_page if whole_page is None else whole_page,
            )

    def swap_sides(self) -> None:
        request = self.request
        if request is not None:
            swapped = request.swapped()
            self.compare_files(
                swapped.left,
                swapped.right,
                swapped.labels,
                swapped.options,
                as_text=swapped.as_text,
                whole_page=swapped.whole_page,
            )

    def cancel(self) -> None:
        """Esc: close the find bar while it is typed in, else cancel the comparison."""
        if self._find_bar.isVisible() and self._find_bar.edit.hasFocus():
            self._find_bar.dismiss()
        elif self._runner.busy:
            self._runner.cancel()

    # ----- the worker's answers --------------------------------------------------------------

    def on_runner_started(self) -> None:
        self._status_line.set_busy(True)

    def on_runner_progressed(self, value: float) -> None:
        self._status_line.set_progress(value)

    def on_runner_previewed(self, prepared: PreparedView) -> None:
        """Show a big comparison aligned; the worker refines once it is painted and listed."""
        self._preview_hold.show(lambda: self._display.show_result(prepared))

    def on_runner_finished(self, prepared: PreparedView) -> None:
        result = prepared.result
        self._status_line.set_busy(False)
        self._shown = self._pending
        if not (self._is_paste(result.a.path) or self._is_paste(result.b.path)):
            self._settings.add_recent_comparison(result.a.path, result.b.path)
        self._notes.show_settings_warning()
        self._display.show_finished(prepared)
        self.finished.emit(result)

    def on_runner_failed(self, message: str) -> None:
        self._status_line.set_busy(False)
        self._notes.show_error(message)
        self.failed.emit(message)

    def on_runner_canceled(self) -> None:
        self._status_line.set_busy(False)
        self._notes.show_briefly("Comparison canceled.", 4000)
