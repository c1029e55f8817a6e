# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's handlers for the options, export, copy, font, recent and help commands.

Why a mixin: ``ui/actions.py`` resolves every handler by name on the window,
and its test checks each one exists on ``MainWindow``; but ``main_window.py`` is
a composition root with a line budget. So the window inherits these one-line
delegates, and the work is done by the controllers they call, one module each:
``options_bar``, ``export``, ``copy_change``, ``font_choice``, ``recent_menu``,
``about`` and ``shortcuts_sheet``. ``_setup_commands`` builds and wires them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from twofold.engine.model import CompareOptions, DiffResult, Granularity, Unit
from twofold.ui.about import about_box
from twofold.ui.copy_change import copy_change
from twofold.ui.export import REPORT, UNIFIED, Exporter
from twofold.ui.font_choice import FontChoice
from twofold.ui.options_bar import Anchor, OptionsController, anchor_of, build_toolbar, change_near
from twofold.ui.recent_menu import RecentMenu
from twofold.ui.shortcuts_sheet import ShortcutsSheet
from twofold.ui.theme import Theme, ThemeWatcher

if TYPE_CHECKING:
    from twofold.ui.main_window import MainWindow

#: how long a status-bar note stays
NOTE_MS = 5000


class WindowCommands:
    """Mixed into ``MainWindow``; no state of its own beyond the controllers it attaches."""

    options_bar: OptionsController
    exporter: Exporter
    font_choice: FontChoice
    recent_menu: RecentMenu
    theme_watcher: ThemeWatcher
    shortcuts_sheet: ShortcutsSheet | None
    _anchor: tuple[str | None, str | None, Anchor] | None

    def _setup_commands(self: MainWindow) -> None:
        """Attach the controllers; call after the actions exist."""
        actions = self.actions_by_id
        self.options_bar = OptionsController(self._settings, actions, self)
        self.options_bar.show_options()
        self.addToolBar(build_toolbar(actions, self))
        self.exporter = Exporter(self, lambda: self.result, self._note)
        self.font_choice = FontChoice(self._settings, self.view.panes.values(), self)
        self.recent_menu = RecentMenu(self._settings, self)
        actions["open_recent"].setMenu(self.recent_menu)
        self.theme_watcher = ThemeWatcher(self)
        self.shortcuts_sheet = None
        self._anchor = None
        self.options_bar.options_changed.connect(self.on_options_changed)
        self.recent_menu.comparison_chosen.connect(self.compare_files)
        self.theme_watcher.theme_changed.connect(self.on_theme_changed)
        self.comparison_finished.connect(self.on_comparison_restored)
        self.comparison_failed.connect(lambda _message: setattr(self, "_anchor", None))

    def _note(self: MainWindow, message: str, error: bool) -> None:
        if error:
            self.show_error(message)
        else:
            self.banner.hide()
            self.statusBar().showMessage(message, NOTE_MS)

    # ----- Compare menu --------------------------------------------------------------------

    def set_unit(self: MainWindow, value: str) -> None:
        self.options_bar.set_option("unit", Unit(value))

    def set_granularity(self: MainWindow, value: str) -> None:
        self.options_bar.set_option("granularity", Granularity(value))

    def set_ignore_whitespace(self: MainWindow, on: bool) -> None:
        self.options_bar.set_option("ignore_whitespace", on)

    def set_ignore_case(self: MainWindow, on: bool) -> None:
        self.options_bar.set_option("ignore_case", on)

    def set_ignore_typography(self: MainWindow, on: bool) -> None:
        self.options_bar.set_option("ignore_typography", on)

    def on_options_changed(self: MainWindow, _options: CompareOptions) -> None:
        """Re-compare with the new options, and come back to the same place in the text."""
        result = self.result
        anchor = anchor_of(result, self.current_change)
        if result is not None and anchor is not None:
            self._anchor = (result.a.path, result.b.path, anchor)
        self.reload()

    def on_comparison_restored(self: MainWindow, result: DiffResult) -> None:
        """After an options re-compare, make the change at the remembered place current."""
        pending, self._anchor = self._anchor, None
        if pending is None or pending[:2] != (result.a.path, result.b.path):
            return
        target = change_near(result, pending[2])
        if target is not None and target != self.current_change:
            self.go_to_change(target)

    # ----- File and Edit -------------------------------------------------------------------

    def show_recent_menu(self: MainWindow) -> None:
        """The shortcut opens the submenu by itself, under the pointer if it is on the window."""
        at = QCursor.pos()
        if not self.rect().contains(self.mapFromGlobal(at)):
            at = self.mapToGlobal(self.rect().center())
        self.recent_menu.popup(at)

    def export_report(self: MainWindow) -> None:
        self.exporter.export(REPORT)

    def export_diff(self: MainWindow) -> None:
        self.exporter.export(UNIFIED)

    def copy_change(self: MainWindow) -> None:
        focus = QApplication.focusWidget()
        copied = copy_change(self.result, self.current_change, focus)
        if copied:
            lines = copied.count("\n") + (not copied.endswith("\n"))
            self._note(f"Copied {lines} line{'s' if lines != 1 else ''} to the clipboard.", False)
        else:
            self._note("Nothing to copy: select some text or go to a change first.", False)

    # ----- View and Help -------------------------------------------------------------------

    def choose_font(self: MainWindow) -> None:
        self.font_choice.choose(self)

    def reset_font(self: MainWindow) -> None:
        self.font_choice.set_font(None)

    def on_theme_changed(self: MainWindow, theme: Theme) -> None:
        self._theme = theme
        self.view.set_theme(theme)
        self.sidebar.set_theme(theme)

    def show_shortcuts(self: MainWindow) -> None:
        if self.shortcuts_sheet is None:
            self.shortcuts_sheet = ShortcutsSheet(self)
        self.shortcuts_sheet.present()

    def show_about(self: MainWindow) -> None:
        about_box(self)
