# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window: a composition root that wires the widgets, the worker and the actions.

No algorithms here (qutebrowser ``mainwindow.py``): widgets and controllers
made in ``_setup_*``, all wiring in ``_connect_signals``, and small handlers
that delegate to the diff view, the sidebar and the runner. The commands
that need more than the window's own widgets live in ``ui/commands.py``, and
opening files (the Open dialog, drops) in ``ui/files/opening.py``, each
handed what it needs.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QMainWindow,
)

from twofold.engine.parallel.launch_start import Launch
from twofold.engine.result.kinds import Side, Unit
from twofold.engine.result.model import CompareOptions, DiffResult
from twofold.engine.view.view_geometry import PreparedView
from twofold.ui.action_factory import (
    build_menus,
    connect_actions,
    create_actions,
    enable_for_comparison,
)
from twofold.ui.bars.banner import Banner, Topic
from twofold.ui.bars.options_bar import OptionsController, build_toolbar
from twofold.ui.bars.overlay import TopOverlay
from twofold.ui.bars.status_line import StatusLine
from twofold.ui.commands import CompareCommands, FileCommands, GoCommands, ViewCommands
from twofold.ui.compare_request import CompareRequest
from twofold.ui.dialogs.font_choice import FontChoice
from twofold.ui.edit.edit_commands import EditCommands
from twofold.ui.files.drop_zone import DropZone
from twofold.ui.files.export import Exporter
from twofold.ui.files.file_watcher import FileChangeBanner
from twofold.ui.files.opening import FileOpener
from twofold.ui.files.paste import Paster
from twofold.ui.files.read_as_text import ReadAsText
from twofold.ui.files.recent_menu import RecentMenu
from twofold.ui.files.settings import GEOMETRY, SPLITTER, Settings
from twofold.ui.files.whole_page import WholePage
from twofold.ui.find.find_bar import FindBar, FindController
from twofold.ui.find.go_to_line import GoToLine, GoToLineBar
from twofold.ui.panes.change_lines import ChangeLinesChoice
from twofold.ui.panes.diff_view import DiffView
from twofold.ui.plain_text import window_title
from twofold.ui.preview_hold import PreviewHold
from twofold.ui.sidebar.changes_sidebar import ChangesSidebar
from twofold.ui.sidebar.fold import SidebarFold
from twofold.ui.theme import Theme, ThemeWatcher
from twofold.ui.tuning import DEFAULT_VIEW_TUNING, ViewTuning
from twofold.ui.window_fit import first_size
from twofold.ui.window_layout import beside_list, column, stacked
from twofold.ui.worker import CompareRunner

log = logging.getLogger(__name__)

#: how long a status-bar note stays
NOTE_MS = 5000


class MainWindow(QMainWindow):
    """Twofold's window: drop zone or comparison, changes list, status bar.

    Signals:
        comparison_finished: a result is on screen (the ``DiffResult``).
        comparison_failed: loading or comparing failed (the message shown).
    """

    comparison_finished = Signal(object)
    comparison_failed = Signal(str)

    def __init__(
        self,
        runner: CompareRunner | None = None,
        settings: Settings | None = None,
        tuning: ViewTuning = DEFAULT_VIEW_TUNING,
    ):
        """``tuning``: how the window slices and defers its work (a test gives its own)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Twofold")
        self.setAcceptDrops(True)
        self._settings = settings or Settings()
        self._runner = runner or CompareRunner(parent=self, tuning=tuning)
        self._theme = Theme.from_palette(self.palette())
        self._shown: CompareRequest | None = None
        self._pending: CompareRequest | None = None
        self._current: int | None = None
        self._setup_central(tuning)
        self._setup_status_bar()
        self._setup_actions()
        self._setup_controllers()
        self._connect_signals()
        self._restore_state()

    # ----- setup ---------------------------------------------------------------------------

    def _setup_central(self, tuning: ViewTuning) -> None:
        self.banner = Banner()
        self.file_banner = FileChangeBanner()  # watches the shown files, offers a reload
        self.drop_zone = DropZone()
        self.view = DiffView(tuning=tuning)
        self.find_bar = FindBar()
        panes = self.view.panes
        self.finder = FindController(
            self.find_bar, panes[Side.A], panes[Side.B], self._settings, tuning
        )
        self.sidebar = ChangesSidebar(self._theme, tuning=tuning)
        self.line_bar = GoToLineBar()
        self.line_jump = GoToLine(self.line_bar, self.view)
        page = column(self.view, self.find_bar, self.line_bar)
        self.splitter = beside_list(page, self.sidebar)
        self.stack = stacked(self.drop_zone, self.splitter)
        central = column(self.stack)
        self.setCentralWidget(central)
        self.message_overlay = TopOverlay(
            central, (self.banner, self.file_banner), below=self.view.headers[Side.A]
        )

    def _setup_status_bar(self) -> None:
        self.status_line = StatusLine(self.statusBar())

    def _setup_actions(self) -> None:
        self.actions_by_id = create_actions(self)  # given their handlers in _connect_signals
        build_menus(self.menuBar(), self.actions_by_id)
        enable_for_comparison(self.actions_by_id, False)

    def _setup_controllers(self) -> None:
        """The options, exports, font, recent list, theme and opening; the commands over them."""
        actions = self.actions_by_id
        self.options_bar = OptionsController(self._settings, actions, self)
        self.options_bar.show_options()
        toolbar = build_toolbar(actions, self)
        self.addToolBar(toolbar)
        self.exporter = Exporter(self, lambda: self.result, self._note)
        self.font_choice = FontChoice(self._settings, self.view.panes.values(), self)
        self.recent_menu = RecentMenu(self._settings, self)
        actions["open_recent"].setMenu(self.recent_menu)
        self.theme_watcher = ThemeWatcher(self)
        self.compare_commands = CompareCommands(self.options_bar, self)
        self.file_commands = FileCommands(self, self.recent_menu, self.exporter, self._note)
        self.view_commands = ViewCommands(
            self, self.font_choice, self._settings, self.view, actions
        )
        self.sidebar_fold = SidebarFold(self, self.splitter, actions["sidebar"], self._settings)
        self.go_commands = GoCommands(
            self.sidebar, self, self._note, lambda a: toolbar.widgetForAction(actions[a])
        )
        self.opener = FileOpener(self, self, self.banner, self.drop_zone)
        self.preview_hold = PreviewHold(self._runner, self.view, self.sidebar)
        self.paster = Paster(self, self.opener, self.banner)
        self.read_as_text = ReadAsText(actions["read_as_text"], self)
        self.whole_page = WholePage(actions["whole_page"], self)
        self.change_lines = ChangeLinesChoice(self._settings, actions["change_lines"], self.view)
        self.edit_commands = EditCommands(self.view, self.sidebar, self, self)

    def _connect_signals(self) -> None:
        commands = (self.compare_commands, self.file_commands, self.view_commands, self.go_commands)
        files = (self.opener, self.paster, self.read_as_text, self.whole_page)
        controllers = (*files, self.change_lines, self.sidebar_fold, self.line_jump)
        receivers = (self, *commands, *controllers, self.finder, self.edit_commands)
        connect_actions(self.actions_by_id, receivers)
        self._runner.started.connect(lambda: self.status_line.set_busy(True))
        self._runner.progressed.connect(self.on_runner_progressed)
        self._runner.previewed.connect(self.on_runner_previewed)
        self._runner.finished.connect(self.on_runner_finished)
        self._runner.failed.connect(self.on_runner_failed)
        self._runner.canceled.connect(self.on_runner_canceled)
        self.status_line.cancel_button.clicked.connect(self.cancel)
        self.sidebar.change_selected.connect(self.go_to_change)
        self.view.sync.scrolled.connect(self.go_commands.refresh_ends)
        self.drop_zone.files_dropped.connect(self.opener.on_files_dropped)
        self.drop_zone.file_wanted.connect(self.opener.choose_file)
        self.drop_zone.recent_chosen.connect(self.compare_files)
        for side, pane in self.view.panes.items():
            pane.files_dropped.connect(lambda paths, s=side: self.opener.on_files_dropped(paths, s))
        self.find_bar.closed.connect(lambda: self.view.pane(Side.A).setFocus())
        self.line_bar.closed.connect(lambda: self.view.pane(Side.A).setFocus())
        self.comparison_finished.connect(self.file_banner.watch_result)
        self.file_banner.reload_requested.connect(self.reload)
        self.options_bar.options_changed.connect(self.on_options_changed)
        self.recent_menu.comparison_chosen.connect(self.compare_files)
        self.theme_watcher.theme_changed.connect(self.on_theme_changed)
        self.comparison_finished.connect(self.compare_commands.on_comparison_finished)
        self.comparison_failed.connect(self.compare_commands.on_comparison_failed)
        self._runner.started.connect(self.edit_commands.on_comparison_started)
        self.comparison_finished.connect(self.edit_commands.on_comparison_finished)
        self.edit_commands.files_saved.connect(self.file_banner.watch_result)
        self.comparison_failed.connect(self.read_as_text.on_comparison_failed)
        self.comparison_failed.connect(self.whole_page.on_comparison_failed)
        for header in self.view.headers.values():
            header.set_apart.compare_whole_asked.connect(self.whole_page.compare_whole)

    def _restore_state(self) -> None:
        if not self.restoreGeometry(self._settings.get(GEOMETRY)):  # False if empty or damaged
            self.resize(first_size(self.screen().availableGeometry().size()))
        self.splitter.restoreState(self._settings.get(SPLITTER))
        self.view_commands.restore()
        self.drop_zone.set_recent(self._settings.recent_comparisons())
        self._show_settings_warning()

    def _show_settings_warning(self) -> None:
        """What the settings said went wrong (at start, or when their file is compared)."""
        if warning := self._settings.take_warning():
            self.banner.show_message(warning, Topic.SETTINGS)  # stays until dismissed

    # ----- comparing -----------------------------------------------------------------------

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
        if not self.edit_commands.may_discard():  # Save / Discard / Cancel unsaved edits
            return
        options = self.options_bar.resolve(options)  # None: the Compare menu's options
        self._pending = CompareRequest(
            str(left), str(right), labels, options, as_text=as_text, whole_page=whole_page
        )
        self.read_as_text.show(self._pending)
        self.whole_page.show(self._pending)
        self.opener.forget_loose()
        self._runner.start(self._pending, launch)

    def show_result(self, prepared: PreparedView) -> None:
        """Put a finished comparison on screen and make its first change current."""
        result = prepared.result
        self.stack.setCurrentWidget(self.splitter)
        self.view_commands.wrap_for(code=result.unit is Unit.LINES)
        self.view.show_result(prepared)
        enable_for_comparison(self.actions_by_id, True)
        self.sidebar.set_result(result)
        self.finder.refresh()
        self.status_line.show_result(result)
        self.setWindowTitle(
            window_title(f"{result.a.label} \u2194 {result.b.label} \u2014 Twofold")
        )
        self._current = None
        self.banner.dismiss_stale()
        if result.differs:  # the changes, or the view's note on the layout, say what
            self.go_to_change(0)
            self._update_position()
        else:
            same = "identical" if result.identical else "equivalent under the current options"
            self.banner.show_message(f"The two documents are {same}.", Topic.OUTCOME)
            self._update_position()

    def on_options_changed(self, options: CompareOptions) -> None:
        """The Compare menu changed: edits are compared with it as they are, files again."""
        if not self.edit_commands.compare_with(options):
            self.compare_commands.on_options_changed(options)

    def show_edited(self, prepared: PreparedView) -> None:
        """Show an edit compared again, keeping the view, its place and the current change."""
        self._current = self.view.show_edited(prepared, self._current)
        self.sidebar.set_result(prepared.result)
        self.sidebar.select_change(self._current)
        self.finder.refresh()
        self.status_line.show_result(prepared.result)
        self._update_position()

    def on_runner_previewed(self, prepared: PreparedView) -> None:
        """Show a big comparison aligned; the worker refines once it is painted and listed."""
        self.preview_hold.show(lambda: self.show_result(prepared))

    @property
    def result(self) -> DiffResult | None:
        return self.view.result

    @property
    def runner(self) -> CompareRunner:
        """The worker behind this window's comparisons; its signals say how one goes."""
        return self._runner

    @property
    def current_change(self) -> int | None:
        return self._current

    @property
    def request(self) -> CompareRequest | None:
        """The files and options on screen, or else those being compared."""
        return self._shown or self._pending

    def on_runner_progressed(self, value: float) -> None:
        self.status_line.set_progress(value)

    def on_runner_finished(self, prepared: PreparedView) -> None:
        result = prepared.result
        self.status_line.set_busy(False)
        self._shown = self._pending
        if not (self.paster.holds(result.a.path) or self.paster.holds(result.b.path)):
            self._settings.add_recent_comparison(result.a.path, result.b.path)
        self._show_settings_warning()
        if self.view.refine(prepared):  # the coarse preview is on screen: keep its view
            self.sidebar.refine(result)
            self.status_line.show_stats(result)
        else:
            self.show_result(prepared)
        self.comparison_finished.emit(result)

    def on_runner_failed(self, message: str) -> None:
        self.status_line.set_busy(False)
        self.show_error(message)
        self.comparison_failed.emit(message)

    def on_runner_canceled(self) -> None:
        self.status_line.set_busy(False)
        self.statusBar().showMessage("Comparison canceled.", 4000)

    def show_error(self, message: str) -> None:
        """A non-blocking message; whatever is on screen stays usable."""
        self.banner.show_message(message, Topic.PROBLEM)

    def _note(self, message: str, error: bool) -> None:
        """An error in the banner; anything else a while in the status bar."""
        if error:
            self.show_error(message)
        else:
            self.banner.dismiss(Topic.PROBLEM)  # never the settings warning (issue #16)
            self.statusBar().showMessage(message, NOTE_MS)

    # ----- navigation (action handlers) ----------------------------------------------------

    def go_to_change(self, change: int) -> None:
        """Make ``result.changes[change]`` current: scroll both panes, outline it, list it."""
        changes = self.view.sync.changes
        if not 0 <= change < len(changes):
            return
        self._current = change
        self.view.set_current(changes[change])
        self.sidebar.select_change(change)
        self._update_position()
        self.go_commands.refresh_ends()

    def view_moved(self) -> bool:
        return self.view.view_moved()

    def change_at_view(self, forward: bool, among: Sequence[int]) -> int | None:
        return self.view.change_at_view(forward, among, self._current)

    def _update_position(self) -> None:
        count = len(self.view.sync.changes)
        self.status_line.show_position(self._current, count)

    # ----- file commands -------------------------------------------------------------------

    def reload(self) -> None:
        request = self.request
        if request is not None:
            self.compare_again()

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
        if self.find_bar.isVisible() and self.find_bar.edit.hasFocus():
            self.find_bar.dismiss()
        elif self._runner.busy:
            self._runner.cancel()

    # ----- find, view ---------------------------------------------------------------------

    def show_find_bar(self) -> None:
        if self.view.result is not None:
            self.find_bar.open()
            self.finder.refresh()

    def on_theme_changed(self, theme: Theme) -> None:
        self._theme = theme
        self.view.set_theme(theme)
        self.sidebar.set_theme(theme)

    # ----- Qt overrides --------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.opener.drag_entered(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.opener.drag_entered(event)  # each move asks again: still a copy

    def dropEvent(self, event: QDropEvent) -> None:
        self.opener.dropped(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.edit_commands.may_discard():
            event.ignore()
            return
        self.edit_commands.shutdown()
        self._runner.shutdown()
        self.paster.discard()
        self._settings.set(GEOMETRY, self.saveGeometry())
        self._settings.set(SPLITTER, self.splitter.saveState())
        self._settings.sync()
        super().closeEvent(event)
