# SPDX-License-Identifier: GPL-3.0-or-later
"""The handlers of the Compare, File, Edit, Go, View and Help commands that are not the window's.

Why objects of their own: each needs a few collaborators (the options, the
exporter, the recent menu, the font choice) and a narrow view of the window
(what is shown, how to reload, where to go), given to its constructor. The
window creates them in ``_setup_controllers`` and ``ui/action_factory.py`` connects
each action to the one object that has its handler (``connect_actions``), so
no command reaches back into the window for what it was not handed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from twofold.engine.result.kinds import Granularity, Unit
from twofold.engine.result.model import CompareOptions, DiffResult
from twofold.ui.bars.options_bar import Anchor, OptionsController, anchor_of, change_near
from twofold.ui.copy_change import copy_change
from twofold.ui.dialogs.about import about_box
from twofold.ui.dialogs.font_choice import FontChoice
from twofold.ui.dialogs.shortcuts_sheet import ShortcutsSheet
from twofold.ui.files.export import REPORT, UNIFIED, Exporter
from twofold.ui.files.recent_menu import RecentMenu
from twofold.ui.files.settings import CODE_WRAP, WORD_WRAP, ZOOM, ZOOM_RANGE, Settings
from twofold.ui.panes.diff_view import DiffView
from twofold.ui.sidebar.changes_sidebar import ChangesSidebar

#: a status note: the message, and whether it is an error (a banner) or not (the status bar)
Note = Callable[[str, bool], None]


class Shown(Protocol):
    """What a command may read of the window: the comparison on screen and its current change."""

    @property
    def result(self) -> DiffResult | None: ...

    @property
    def current_change(self) -> int | None: ...


class Navigable(Shown, Protocol):
    """``Shown``, plus comparing the same files again and making a change current."""

    def reload(self) -> None: ...

    def go_to_change(self, change: int) -> None: ...


class CompareCommands:
    """The Compare menu: each choice sets an option, and a re-compare keeps the reader's place.

    The place is the text at the current change (``anchor_of``), kept across the
    re-compare of the same two files and looked for again in the new result.
    """

    def __init__(self, options: OptionsController, window: Navigable) -> None:
        self._options = options
        self._window = window
        self._anchor: tuple[str | None, str | None, Anchor] | None = None

    def set_unit(self, unit: Unit) -> None:
        self._options.set_option("unit", unit)

    def set_granularity(self, granularity: Granularity) -> None:
        self._options.set_option("granularity", granularity)

    def set_ignore_whitespace(self, on: bool) -> None:
        self._options.set_option("ignore_whitespace", on)

    def set_ignore_case(self, on: bool) -> None:
        self._options.set_option("ignore_case", on)

    def set_ignore_typography(self, on: bool) -> None:
        self._options.set_option("ignore_typography", on)

    def set_strip_trailing_cr(self, on: bool) -> None:
        self._options.set_option("strip_trailing_cr", on)

    def set_ignore_blank_lines(self, on: bool) -> None:
        self._options.set_option("ignore_blank_lines", on)

    def on_options_changed(self, _options: CompareOptions) -> None:
        """Re-compare with the new options, and come back to the same place in the text."""
        result = self._window.result
        anchor = anchor_of(result, self._window.current_change)
        if result is not None and anchor is not None:
            self._anchor = (result.a.path, result.b.path, anchor)
        self._window.reload()

    def on_comparison_finished(self, result: DiffResult) -> None:
        """After an options re-compare, make the change at the remembered place current."""
        pending, self._anchor = self._anchor, None
        if pending is None or pending[:2] != (result.a.path, result.b.path):
            return
        target = change_near(result, pending[2])
        if target is not None and target != self._window.current_change:
            self._window.go_to_change(target)

    def on_comparison_failed(self, _message: str) -> None:
        self._anchor = None


class FileCommands:
    """Open Recent, the two exports and Copy Change."""

    def __init__(
        self, window: Shown, recent_menu: RecentMenu, exporter: Exporter, note: Note
    ) -> None:
        self._window = window
        self._recent_menu = recent_menu
        self._exporter = exporter
        self._note = note

    def show_recent_menu(self) -> None:
        self._recent_menu.popup_over()

    def export_report(self) -> None:
        self._exporter.export(REPORT)

    def export_diff(self) -> None:
        self._exporter.export(UNIFIED)

    def copy_change(self) -> None:
        """The selection, or both sides of the current change; the status bar says which."""
        focus = QApplication.focusWidget()
        copied = copy_change(self._window.result, self._window.current_change, focus)
        if copied:
            lines = copied.count("\n") + (not copied.endswith("\n"))
            self._note(f"Copied {lines} line{'s' if lines != 1 else ''} to the clipboard.", False)
        else:
            self._note("Nothing to copy: select some text or go to a change first.", False)


class Steppable(Shown, Protocol):
    """``Shown``, plus making a change current and where the view stands (``CurrentChange``)."""

    def go_to_change(self, change: int) -> None: ...

    def view_moved(self) -> bool: ...

    def change_at_view(self, forward: bool, among: Sequence[int]) -> int | None: ...


class GoCommands:
    """The Go menu's steps, over the changes the list shows (a filter hides some).

    A step starts from the current change while the view shows it where the last
    step put it, and from what is on screen once the reader scrolled away (the
    first change at or below the reading position; Meld and KDiff3 do the
    same). At the last change the status bar says so and the toolbar's Next is
    greyed; pressing it again wraps around to the first (Previous likewise).
    """

    def __init__(
        self,
        sidebar: ChangesSidebar,
        window: Steppable,
        note: Note,
        button: Callable[[str], QWidget | None],
    ) -> None:
        self._sidebar = sidebar
        self._window = window
        self._note = note
        self._button = button

    def next_change(self) -> None:
        self._step(forward=True)

    def previous_change(self) -> None:
        self._step(forward=False)

    def first_change(self) -> None:
        visible = self._sidebar.visible_changes()
        if visible:
            self._go(visible[0], visible)

    def last_change(self) -> None:
        visible = self._sidebar.visible_changes()
        if visible:
            self._go(visible[-1], visible)

    def _step(self, forward: bool) -> None:
        """The next (previous) shown change, from the view or the current one; round at the ends."""
        visible = self._sidebar.visible_changes()
        if not visible:
            return
        current = self._window.current_change
        wrapped = False
        if current is None:
            target: int | None = visible[0] if forward else visible[-1]
        elif self._window.view_moved():
            target = self._window.change_at_view(forward, visible)
        elif forward:
            target = next((i for i in visible if i > current), None)
        else:
            target = next((i for i in reversed(visible) if i < current), None)
        if target is None:
            target, wrapped = (visible[0] if forward else visible[-1]), True
        self._go(target, visible, wrapped)

    def _go(self, target: int, visible: list[int], wrapped: bool = False) -> None:
        self._window.go_to_change(target)
        if len(visible) < 2:
            return
        if wrapped:
            end = "first" if target == visible[0] else "last"
            self._note(f"Went round to the {end} change.", False)
        elif target == visible[-1]:
            self._note("This is the last change: Next goes round to the first.", False)
        elif target == visible[0]:
            self._note("This is the first change: Previous goes round to the last.", False)

    def refresh_ends(self) -> None:
        """Grey Next at the last change and Previous at the first, while the view is there."""
        visible = self._sidebar.visible_changes()
        current = self._window.current_change
        still = current is not None and bool(visible) and not self._window.view_moved()
        for action, end in (("next_change", -1), ("previous_change", 0)):
            button = self._button(action)
            if button is not None:
                shown = self._window.result is not None  # else greyed as its action is
                button.setEnabled(shown and not (still and current == visible[end]))


class ViewCommands:
    """The View menu (wrap, changes list, zoom, font) and the Help menu's two windows.

    Each choice is kept in the settings and shown again at the next start
    (``restore``). Wrapping is chosen apart for code and data (line mode, unwrapped
    unless asked: a source line wrapped at a pane's forty-odd columns no longer
    reads as code) and for prose (wrapped); Alt+Z sets the one on screen. The zoom
    is a step from the chosen font's size, bounded by what the settings accept
    (``ZOOM_RANGE``). The Help windows open over ``parent``.
    """

    def __init__(
        self,
        parent: QWidget,
        font_choice: FontChoice,
        settings: Settings,
        view: DiffView,
        actions: dict[str, QAction],
    ) -> None:
        self._parent = parent
        self._font_choice = font_choice
        self._settings = settings
        self._view = view
        self._wrap_action = actions["wrap"]
        self._zoom = int(settings.get(ZOOM))
        self._code = False  # line mode on screen: the wrap choice is the one for code
        self._shortcuts_sheet: ShortcutsSheet | None = None

    def restore(self) -> None:
        """Show the panes as the settings kept them (the changes list: ``SidebarFold``)."""
        self.wrap_for(code=False)
        self._view.set_zoom(self._zoom)

    def wrap_for(self, code: bool) -> None:
        """Wrap as chosen for code (line mode) or prose; called before a result goes in."""
        self._code = code
        on = bool(self._settings.get(CODE_WRAP if code else WORD_WRAP))
        was = self._wrap_action.blockSignals(True)  # not the user's choice: nothing to store
        self._wrap_action.setChecked(on)
        self._wrap_action.blockSignals(was)
        self._view.set_word_wrap(on)

    def set_word_wrap(self, on: bool) -> None:
        """Alt+Z: wrap or not, remembered for the kind of text on screen."""
        self._settings.set(CODE_WRAP if self._code else WORD_WRAP, on)
        self._view.set_word_wrap(on)

    def zoom_in(self) -> None:
        self._set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self._set_zoom(self._zoom - 1)

    def zoom_reset(self) -> None:
        self._set_zoom(0)

    def _set_zoom(self, zoom: int) -> None:
        self._zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[-1], zoom))
        self._settings.set(ZOOM, self._zoom)
        self._view.set_zoom(self._zoom)

    def choose_font(self) -> None:
        self._font_choice.choose(self._parent)

    def reset_font(self) -> None:
        self._font_choice.set_font(None)

    def show_shortcuts(self) -> None:
        if self._shortcuts_sheet is None:
            self._shortcuts_sheet = ShortcutsSheet(self._parent)
        self._shortcuts_sheet.present()

    def show_about(self) -> None:
        about_box(self._parent)
