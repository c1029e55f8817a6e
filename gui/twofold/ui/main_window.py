# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window: a composition root that wires the widgets, the worker and the actions.

No algorithms here (qutebrowser ``mainwindow.py``): widgets and controllers
made in ``_setup_*``, all wiring in ``_connect_signals``. Each controller is
handed what it needs: comparing files and hearing the worker
(``comparisons.py``), putting a result on screen (``result_display.py``), the
current change (``current_change.py``), the commands (``commands.py``,
``edit/``), opening files (``files/opening.py``). The window's own methods are
the few its callers and the command line use, each handing over to one of them.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from twofold.engine.parallel.launch_start import Launch
from twofold.engine.result.kinds import Side
from twofold.engine.result.model import CompareOptions, DiffResult
from twofold.engine.view.view_geometry import PreparedView
from twofold.ui.action_factory import (
    build_menus,
    connect_actions,
    create_actions,
    enable_for_comparison,
)
from twofold.ui.bars.banner import Banner
from twofold.ui.bars.notes import Notes
from twofold.ui.bars.options_bar import OptionsController, build_toolbar
from twofold.ui.bars.overlay import TopOverlay
from twofold.ui.bars.status_line import StatusLine
from twofold.ui.commands import CompareCommands, FileCommands, GoCommands, ViewCommands
from twofold.ui.comparisons import Comparisons
from twofold.ui.current_change import CurrentChange
from twofold.ui.dialogs.font_choice import FontChoice
from twofold.ui.edit.edit_commands import EditCommands
from twofold.ui.edit.take_menus import TakeMenus
from twofold.ui.edit.takes import Takes
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
from twofold.ui.preview_hold import PreviewHold
from twofold.ui.result_display import ResultDisplay
from twofold.ui.sidebar.changes_sidebar import ChangesSidebar
from twofold.ui.sidebar.fold import SidebarFold
from twofold.ui.theme import Theme, ThemeWatcher
from twofold.ui.tuning import DEFAULT_VIEW_TUNING, ViewTuning
from twofold.ui.window_fit import first_size
from twofold.ui.window_layout import beside_list, column, stacked
from twofold.ui.worker import CompareRunner


class MainWindow(QMainWindow):
    """Twofold's window: drop zone or comparison, changes list, status bar.

    Signals:
        comparison_finished: a result is on screen (the ``DiffResult``).
        comparison_failed: loading or comparing failed (the message shown).
        crashed: a worker (comparing, or comparing edits again) raised an unexpected
            exception (summary, traceback), for the error dialog.
    """

    comparison_finished = Signal(object)
    comparison_failed = Signal(str)
    crashed = Signal(str, str)

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
        self._setup_central(tuning)
        self._setup_status_bar()
        self._setup_actions()
        self._setup_editing()
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
        self.sidebar = ChangesSidebar(Theme.from_palette(self.palette()), tuning=tuning)
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
        self.notes = Notes(self.banner, self.statusBar(), self._settings)
        self.current = CurrentChange(self.view, self.sidebar, self.status_line, self)

    def _setup_actions(self) -> None:
        self.actions_by_id = create_actions(self)  # given their handlers in _connect_signals
        build_menus(self.menuBar(), self.actions_by_id)
        enable_for_comparison(self.actions_by_id, False)

    def _setup_controllers(self) -> None:
        """The options, exports, font, recent list, theme and opening; the commands over them."""
        actions, note = self.actions_by_id, self.notes.note
        self.options_bar = OptionsController(self._settings, actions, self)
        self.options_bar.show_options()
        toolbar = build_toolbar(actions, self)
        self.addToolBar(toolbar)
        self.exporter = Exporter(self, lambda: self.result, note)
        self.font_choice = FontChoice(self._settings, self.view.panes.values(), self)
        self.recent_menu = RecentMenu(self._settings, self)
        actions["open_recent"].setMenu(self.recent_menu)
        self.theme_watcher = ThemeWatcher(self)
        self.compare_commands = CompareCommands(self.options_bar, self)
        self.file_commands = FileCommands(self, self.recent_menu, self.exporter, note)
        self.view_commands = ViewCommands(
            self, self.font_choice, self._settings, self.view, actions
        )
        self.sidebar_fold = SidebarFold(self, self.splitter, actions["sidebar"], self._settings)
        self.go_commands = GoCommands(
            self.sidebar, self.current, note, lambda a: toolbar.widgetForAction(actions[a])
        )
        self.display = ResultDisplay(
            view=self.view,
            sidebar=self.sidebar,
            finder=self.finder,
            status_line=self.status_line,
            banner=self.banner,
            current=self.current,
            actions=actions,
            show_page=lambda: self.stack.setCurrentWidget(self.splitter),
            wrap_for=self.view_commands.wrap_for,
            set_title=self.setWindowTitle,
        )
        self.preview_hold = PreviewHold(self._runner, self.view, self.sidebar)
        self.comparisons = Comparisons(
            self._runner,
            self.options_bar,
            self.display,
            self.preview_hold,
            status_line=self.status_line,
            notes=self.notes,
            settings=self._settings,
            may_discard=self.edit_commands.may_discard,
            is_paste=lambda path: self.paster.holds(path),  # the paster asks this what is shown
            find_bar=self.find_bar,
            parent=self,
        )
        self.opener = FileOpener(self.comparisons, self, self.banner, self.drop_zone)
        self.paster = Paster(self.comparisons, self.opener, self.banner)
        self.read_as_text = ReadAsText(actions["read_as_text"], self.comparisons)
        self.whole_page = WholePage(actions["whole_page"], self.comparisons)
        self.change_lines = ChangeLinesChoice(self._settings, actions["change_lines"], self.view)

    def _setup_editing(self) -> None:
        """Edits, takes and their menus: a comparison asks them first about unsaved edits."""
        self.edit_commands = EditCommands(self.view, self.notes.show_error, self)
        self.takes = Takes(self.view, self.edit_commands, self.current, self.notes.show_error)
        self.take_menus = TakeMenus(self.view, self.sidebar.view, self.takes, self.edit_commands)

    def _connect_signals(self) -> None:
        commands = (self.compare_commands, self.file_commands, self.view_commands, self.go_commands)
        files = (self.opener, self.paster, self.read_as_text, self.whole_page)
        controllers = (*files, self.change_lines, self.sidebar_fold, self.line_jump, self.finder)
        edits = (self.edit_commands, self.takes)
        receivers = (self, self.comparisons, *commands, *controllers, *edits)
        connect_actions(self.actions_by_id, receivers)
        comparisons, edit_commands = self.comparisons, self.edit_commands
        self._runner.started.connect(comparisons.on_runner_started)
        self._runner.progressed.connect(comparisons.on_runner_progressed)
        self._runner.previewed.connect(comparisons.on_runner_previewed)
        self._runner.finished.connect(comparisons.on_runner_finished)
        self._runner.failed.connect(comparisons.on_runner_failed)
        self._runner.canceled.connect(comparisons.on_runner_canceled)
        self._runner.crashed.connect(self.crashed)
        edit_commands.live.crashed.connect(self.crashed)
        comparisons.finished.connect(self.comparison_finished)
        comparisons.failed.connect(self.comparison_failed)
        comparisons.requested.connect(self.read_as_text.show)
        comparisons.requested.connect(self.whole_page.show)
        comparisons.requested.connect(lambda _request: self.opener.forget_loose())
        self.status_line.cancel_button.clicked.connect(comparisons.cancel)
        self.sidebar.change_selected.connect(self.current.go_to_change)
        self.sidebar.listed.connect(self.preview_hold.on_listed)
        self.current.moved.connect(self.go_commands.refresh_ends)
        self.view.sync.scrolled.connect(self.go_commands.refresh_ends)
        self.drop_zone.files_dropped.connect(self.opener.on_files_dropped)
        self.drop_zone.file_wanted.connect(self.opener.choose_file)
        self.drop_zone.recent_chosen.connect(self.compare_files)
        self.find_bar.closed.connect(lambda: self.view.pane(Side.A).setFocus())
        self.line_bar.closed.connect(lambda: self.view.pane(Side.A).setFocus())
        self.comparison_finished.connect(self.file_banner.watch_result)
        self.file_banner.reload_requested.connect(self.reload)
        self.options_bar.options_changed.connect(self.on_options_changed)
        self.recent_menu.comparison_chosen.connect(self.compare_files)
        self.theme_watcher.theme_changed.connect(self.view.set_theme)
        self.theme_watcher.theme_changed.connect(self.sidebar.set_theme)
        self.comparison_finished.connect(self.compare_commands.on_comparison_finished)
        self.comparison_failed.connect(self.compare_commands.on_comparison_failed)
        self._runner.started.connect(edit_commands.on_comparison_started)
        self.comparison_finished.connect(edit_commands.on_comparison_finished)
        edit_commands.files_saved.connect(self.file_banner.watch_result)
        edit_commands.compared.connect(self.display.show_edited)
        self.comparison_failed.connect(self.read_as_text.on_comparison_failed)
        self.comparison_failed.connect(self.whole_page.on_comparison_failed)
        for header in self.view.headers.values():
            header.set_apart.compare_whole_asked.connect(self.whole_page.compare_whole)
        self._connect_panes()

    def _connect_panes(self) -> None:
        """Each pane's drops, edits and context menu; the link band's take arrows."""
        edit_commands, menus = self.edit_commands, self.take_menus
        for side, pane in self.view.panes.items():
            pane.files_dropped.connect(lambda paths, s=side: self.opener.on_files_dropped(paths, s))
            pane.document().contentsChanged.connect(lambda s=side: edit_commands.on_text_changed(s))
            pane.document().modificationChanged.connect(lambda _on: edit_commands.show_marks())
            pane.filled.connect(lambda s=side: edit_commands.on_pane_filled(s))
            pane.customContextMenuRequested.connect(
                lambda point, s=side: menus.on_pane_menu_requested(s, point)
            )
        self.view.link.take_requested.connect(self.takes.take_change_at)
        self.sidebar.view.customContextMenuRequested.connect(menus.on_sidebar_menu_requested)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(edit_commands.on_focus_changed)

    def _restore_state(self) -> None:
        if not self.restoreGeometry(self._settings.get(GEOMETRY)):  # False if empty or damaged
            self.resize(first_size(self.screen().availableGeometry().size()))
        self.splitter.restoreState(self._settings.get(SPLITTER))
        self.view_commands.restore()
        self.drop_zone.set_recent(self._settings.recent_comparisons())
        self.notes.show_settings_warning()

    # ----- what callers ask of the window ------------------------------------------------------

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
        """Load and compare two files in the worker (``Comparisons.compare_files``)."""
        self.comparisons.compare_files(
            left, right, labels, options, launch=launch, as_text=as_text, whole_page=whole_page
        )

    def show_result(self, prepared: PreparedView) -> None:
        """Put a finished comparison on screen and make its first change current."""
        self.display.show_result(prepared)

    def go_to_change(self, change: int) -> None:
        """Make ``result.changes[change]`` current (``CurrentChange.go_to_change``)."""
        self.current.go_to_change(change)

    def reload(self) -> None:
        """F5, and the file banner's Reload: the pair on screen again."""
        self.comparisons.compare_again()

    @property
    def result(self) -> DiffResult | None:
        return self.view.result

    @property
    def runner(self) -> CompareRunner:
        """The worker behind this window's comparisons; its signals say how one goes."""
        return self._runner

    @property
    def current_change(self) -> int | None:
        return self.current.current_change

    # ----- handlers of the window's own ------------------------------------------------------

    def on_options_changed(self, options: CompareOptions) -> None:
        """The Compare menu changed: edits are compared with it as they are, files again."""
        if not self.edit_commands.compare_with(options):
            self.compare_commands.on_options_changed(options)

    def show_find_bar(self) -> None:
        if self.view.result is not None:
            self.find_bar.open()
            self.finder.refresh()

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
