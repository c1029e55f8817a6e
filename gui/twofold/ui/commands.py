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

from typing import TYPE_CHECKING, cast

from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from twofold.engine.model import CompareOptions, DiffResult, Granularity, Unit
from twofold.ui.about import about_box
from twofold.ui.banner import Topic
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

    def _setup_commands(self) -> None:
        """Attach the controllers; call after the actions exist."""
        w = cast("MainWindow", self)
        actions = w.actions_by_id
        w.options_bar = OptionsController(w._settings, actions, w)
        w.options_bar.show_options()
        w.addToolBar(build_toolbar(actions, w))
        w.exporter = Exporter(w, lambda: w.result, w._note)
        w.font_choice = FontChoice(w._settings, w.view.panes.values(), w)
        w.recent_menu = RecentMenu(w._settings, w)
        actions["open_recent"].setMenu(w.recent_menu)
        w.theme_watcher = ThemeWatcher(w)
        w.shortcuts_sheet = None
        w._anchor = None
        w.options_bar.options_changed.connect(w.on_options_changed)
        w.recent_menu.comparison_chosen.connect(w.compare_files)
        w.theme_watcher.theme_changed.connect(w.on_theme_changed)
        w.comparison_finished.connect(w.on_comparison_restored)
        w.comparison_failed.connect(lambda _message: setattr(w, "_anchor", None))

    def _note(self, message: str, error: bool) -> None:
        w = cast("MainWindow", self)
        if error:
            w.show_error(message)
        else:
            w.banner.dismiss(Topic.PROBLEM)  # never the settings warning (issue #16)
            w.statusBar().showMessage(message, NOTE_MS)

    # ----- Compare menu --------------------------------------------------------------------

    def set_unit(self, value: str) -> None:
        w = cast("MainWindow", self)
        w.options_bar.set_option("unit", Unit(value))

    def set_granularity(self, value: str) -> None:
        w = cast("MainWindow", self)
        w.options_bar.set_option("granularity", Granularity(value))

    def set_ignore_whitespace(self, on: bool) -> None:
        w = cast("MainWindow", self)
        w.options_bar.set_option("ignore_whitespace", on)

    def set_ignore_case(self, on: bool) -> None:
        w = cast("MainWindow", self)
        w.options_bar.set_option("ignore_case", on)

    def set_ignore_typography(self, on: bool) -> None:
        w = cast("MainWindow", self)
        w.options_bar.set_option("ignore_typography", on)

    def set_strip_trailing_cr(self, on: bool) -> None:
        w = cast("MainWindow", self)
        w.options_bar.set_option("strip_trailing_cr", on)

    def set_ignore_blank_lines(self, on: bool) -> None:
        w = cast("MainWindow", self)
        w.options_bar.set_option("ignore_blank_lines", on)

    def on_options_changed(self, _options: CompareOptions) -> None:
        """Re-compare with the new options, and come back to the same place in the text."""
        w = cast("MainWindow", self)
        result = w.result
        anchor = anchor_of(result, w.current_change)
        if result is not None and anchor is not None:
            w._anchor = (result.a.path, result.b.path, anchor)
        w.reload()

    def on_comparison_restored(self, result: DiffResult) -> None:
        """After an options re-compare, make the change at the remembered place current."""
        w = cast("MainWindow", self)
        pending, w._anchor = w._anchor, None
        if pending is None or pending[:2] != (result.a.path, result.b.path):
            return
        target = change_near(result, pending[2])
        if target is not None and target != w.current_change:
            w.go_to_change(target)

    # ----- File and Edit -------------------------------------------------------------------

    def show_recent_menu(self) -> None:
        """The shortcut opens the submenu by itself, under the pointer if it is on the window."""
        w = cast("MainWindow", self)
        at = QCursor.pos()
        if not w.rect().contains(w.mapFromGlobal(at)):
            at = w.mapToGlobal(w.rect().center())
        w.recent_menu.popup(at)

    def export_report(self) -> None:
        w = cast("MainWindow", self)
        w.exporter.export(REPORT)

    def export_diff(self) -> None:
        w = cast("MainWindow", self)
        w.exporter.export(UNIFIED)

    def copy_change(self) -> None:
        w = cast("MainWindow", self)
        focus = QApplication.focusWidget()
        copied = copy_change(w.result, w.current_change, focus)
        if copied:
            lines = copied.count("\n") + (not copied.endswith("\n"))
            w._note(f"Copied {lines} line{'s' if lines != 1 else ''} to the clipboard.", False)
        else:
            w._note("Nothing to copy: select some text or go to a change first.", False)

    # ----- View and Help -------------------------------------------------------------------

    def choose_font(self) -> None:
        w = cast("MainWindow", self)
        w.font_choice.choose(w)

    def reset_font(self) -> None:
        w = cast("MainWindow", self)
        w.font_choice.set_font(None)

    def on_theme_changed(self, theme: Theme) -> None:
        w = cast("MainWindow", self)
        w._theme = theme
        w.view.set_theme(theme)
        w.sidebar.set_theme(theme)

    def show_shortcuts(self) -> None:
        w = cast("MainWindow", self)
        if w.shortcuts_sheet is None:
            w.shortcuts_sheet = ShortcutsSheet(w)
        w.shortcuts_sheet.present()

    def show_about(self) -> None:
        w = cast("MainWindow", self)
        about_box(w)
