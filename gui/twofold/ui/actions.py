# SPDX-License-Identifier: GPL-3.0-or-later
"""Every command of the window: one table, one factory, one menu bar.

A shortcut lives in exactly one row here, so clashes are caught by a test
instead of by a user (git-cola's Alt+A clash, ``hotkeys.py:12-13``). Handlers
are method names, looked up by ``connect_actions`` on the objects the window
hands it (the window and its command controllers), so this module needs no
import of the window (Meld ``accelerators.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QStyle, QWidget

from twofold.resource_paths import resource_path
from twofold.ui.icons import IconTint

Key = QKeySequence.StandardKey | str
SP = QStyle.StandardPixmap


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One command: its id, menu text, shortcuts, handler method and menu.

    A checkable spec's handler gets the new state; a spec with a ``group`` is one
    choice of an exclusive group, and its handler gets ``value`` when it is chosen.
    """

    id: str
    text: str
    shortcuts: tuple[Key, ...]
    handler: str
    menu: str
    checkable: bool = False
    tip: str = ""
    #: exclusive choices share a group name (radio items in the menu)
    group: str = ""
    #: what a group member passes to its handler when chosen
    value: str = ""
    #: a style icon for the toolbar and the menu; None for text only
    icon: SP | None = None
    #: Twofold's own one-colour icon under ``resources/icons``, tinted with the palette
    #: (``ui/icons.py``) and used instead of ``icon`` when installed
    icon_file: str = ""


SK = QKeySequence.StandardKey

_FILE, _EDIT, _VIEW, _COMPARE, _GO, _HELP = "&File", "&Edit", "&View", "&Compare", "&Go", "&Help"


def _choice(group: str, value: str, text: str, tip: str) -> ActionSpec:
    """One radio item of the Compare menu; its handler is ``set_<group>(value)``."""
    return ActionSpec(
        f"{group}_{value}", text, (), f"set_{group}", _COMPARE, True, tip, group, value
    )


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "open",
        "&Open Files…",
        (SK.Open,),
        "open_files",
        _FILE,
        icon=SP.SP_DialogOpenButton,
        icon_file="open.svg",
    ),
    ActionSpec("open_recent", "Open &Recent", ("Ctrl+Shift+O",), "show_recent_menu", _FILE),
    ActionSpec(
        "reload",
        "Re&load",
        ("F5",),
        "reload",
        _FILE,
        icon=SP.SP_BrowserReload,
        icon_file="reload.svg",
    ),
    ActionSpec("swap", "&Swap Sides", ("Ctrl+Shift+S",), "swap_sides", _FILE),
    ActionSpec(
        "export_report",
        "Export &HTML Report…",
        ("Ctrl+E",),
        "export_report",
        _FILE,
        tip="Save a printable side-by-side report as one HTML file",
        icon=SP.SP_FileIcon,  # a page; Twofold's own (a page of two columns) when installed
        icon_file="report.svg",
    ),
    ActionSpec(
        "export_diff",
        "Export Unified &Diff…",
        ("Ctrl+Shift+E",),
        "export_diff",
        _FILE,
        tip="Save the line differences as a patch (diff -u)",
    ),
    ActionSpec(
        "save",
        "&Save",
        (SK.Save,),
        "save",
        _FILE,
        tip="Save the side being edited, in its own encoding and line ends",
    ),
    ActionSpec("save_as", "Save &As…", (), "save_as", _FILE, tip="Save the side under a new name"),
    ActionSpec("save_all", "Save A&ll", (), "save_all", _FILE, tip="Save both sides"),
    ActionSpec("quit", "&Quit", ("Ctrl+Q",), "close", _FILE),
    ActionSpec("undo", "&Undo", (SK.Undo,), "undo", _EDIT),
    ActionSpec("redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo", _EDIT),
    ActionSpec(
        "take_right",
        "Take Change to the &Right",
        ("Alt+Right",),
        "take_to_right",
        _EDIT,
        tip="Copy the current change from the left side over the right",
    ),
    ActionSpec(
        "take_left",
        "Take Change to the &Left",
        ("Alt+Left",),
        "take_to_left",
        _EDIT,
        tip="Copy the current change from the right side over the left",
    ),
    ActionSpec(
        "take_word_right",
        "Take &Word Edit to the Right",
        ("Alt+Shift+Right",),
        "take_word_to_right",
        _EDIT,
        tip="Take only the edit at the cursor from the left side to the right",
    ),
    ActionSpec(
        "take_word_left",
        "Take W&ord Edit to the Left",
        ("Alt+Shift+Left",),
        "take_word_to_left",
        _EDIT,
        tip="Take only the edit at the cursor from the right side to the left",
    ),
    ActionSpec(
        "copy_change",
        "&Copy Change",
        ("Ctrl+Shift+C",),
        "copy_change",
        _EDIT,
        tip="Copy the selected text, or both sides of the current change",
    ),
    ActionSpec(
        "paste",
        "&Paste",
        (SK.Paste,),
        "paste_on_empty_side",
        _EDIT,
        tip="Compare the clipboard's text: it becomes the side still empty",
    ),
    ActionSpec("paste_left", "Paste as &Left", (), "paste_as_left", _EDIT),
    ActionSpec("paste_right", "Paste as &Right", (), "paste_as_right", _EDIT),
    ActionSpec("find", "&Find…", (SK.Find,), "show_find_bar", _EDIT),
    ActionSpec("find_next", "Find &Next", ("F3",), "find_next", _EDIT),
    ActionSpec("find_previous", "Find &Previous", ("Shift+F3",), "find_previous", _EDIT),
    ActionSpec("zoom_in", "Zoom &In", ("Ctrl++", "Ctrl+="), "zoom_in", _VIEW),
    ActionSpec("zoom_out", "Zoom &Out", ("Ctrl+-",), "zoom_out", _VIEW),
    ActionSpec("zoom_reset", "&Actual Size", ("Ctrl+0",), "zoom_reset", _VIEW),
    ActionSpec("font", "&Font…", (), "choose_font", _VIEW, tip="Choose the font of the text"),
    ActionSpec("font_reset", "&Default Font", (), "reset_font", _VIEW),
    ActionSpec("wrap", "&Wrap Lines", ("Alt+Z",), "set_word_wrap", _VIEW, checkable=True),
    ActionSpec(
        "change_lines",
        "&Strike Deleted, Underline Inserted",
        (),
        "set_change_lines",
        _VIEW,
        checkable=True,
        tip="Lines as well as colours tell deleted words from inserted ones",
    ),
    ActionSpec("sidebar", "Changes &List", ("F9",), "set_sidebar_visible", _VIEW, True),
    ActionSpec("focus_list", "Go to Changes List", ("Ctrl+L",), "focus_changes_list", _VIEW),
    *(
        _choice("unit", unit, text, tip)
        for unit, text, tip in (
            ("auto", "&Automatic Units", "Lines for code, paragraphs for prose"),
            ("paragraphs", "By &Paragraphs", "Pair blank-line separated paragraphs"),
            ("lines", "By &Lines", "Pair single lines, as diff does"),
        )
    ),
    *(
        _choice("granularity", g, text, tip)
        for g, text, tip in (
            ("word", "&Word Differences", "Highlight whole changed words"),
            ("character", "&Character Differences", "Highlight the changed characters"),
        )
    ),
    ActionSpec(
        "ignore_whitespace",
        "Ignore White&space",
        ("Alt+W",),
        "set_ignore_whitespace",
        _COMPARE,
        checkable=True,
        tip="Treat runs of spaces and line breaks as one space",
    ),
    ActionSpec(
        "ignore_case",
        "Ignore Cas&e",
        ("Alt+I",),
        "set_ignore_case",
        _COMPARE,
        checkable=True,
        tip="Treat upper and lower case as the same",
    ),
    ActionSpec(
        "ignore_typography",
        "Ignore &Typography",
        ("Alt+T",),
        "set_ignore_typography",
        _COMPARE,
        checkable=True,
        tip="Treat curly and straight quotes, dash kinds and no-break spaces alike",
    ),
    ActionSpec(
        "strip_trailing_cr",
        "Ignore Line E&ndings",
        ("Alt+L",),
        "set_strip_trailing_cr",
        _COMPARE,
        checkable=True,
        tip="Treat CRLF, CR and LF line endings alike (diff --strip-trailing-cr)",
    ),
    ActionSpec(
        "ignore_blank_lines",
        "Ignore &Blank Lines",
        ("Alt+B",),
        "set_ignore_blank_lines",
        _COMPARE,
        checkable=True,
        tip="Ignore blank lines added or removed (diff -B)",
    ),
    ActionSpec(
        "read_as_text",
        "Read Files as Te&xt",
        (),
        "set_read_as_text",
        _COMPARE,
        checkable=True,
        tip="Compare these files' own bytes as text: a web page's or RTF file's markup",
    ),
    ActionSpec(
        "whole_page",
        "Compare Web Pages W&hole",
        (),
        "set_whole_page",
        _COMPARE,
        checkable=True,
        tip="Compare these web pages' navigation, sidebars and footers too, not only the article",
    ),
    ActionSpec(
        "next_change",
        "&Next Change",
        ("Alt+Down", "Ctrl+Down", "F8"),
        "next_change",
        _GO,
        icon=SP.SP_ArrowDown,
        icon_file="next.svg",
    ),
    ActionSpec(
        "previous_change",
        "&Previous Change",
        ("Alt+Up", "Ctrl+Up", "F7"),
        "previous_change",
        _GO,
        icon=SP.SP_ArrowUp,
        icon_file="previous.svg",
    ),
    ActionSpec("first_change", "&First Change", ("Alt+Home",), "first_change", _GO),
    ActionSpec("last_change", "&Last Change", ("Alt+End",), "last_change", _GO),
    ActionSpec(
        "go_to_line",
        "Go to &Line…",
        ("Ctrl+G",),
        "show_go_to_line",
        _GO,
        tip="Bring a line of either side into view",
    ),
    ActionSpec("cancel", "&Cancel Comparison", ("Esc",), "cancel", _GO),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", (SK.HelpContents,), "show_shortcuts", _HELP),
    ActionSpec("about", "&About Twofold", (), "show_about", _HELP),
)


#: the commands that act on a comparison on screen: greyed out until there is one, so
#: Ctrl+E or F5 on an empty window does nothing instead of failing in a red banner
NEED_A_COMPARISON = frozenset(
    {
        "reload",
        "swap",
        "export_report",
        "export_diff",
        "copy_change",
        "find",
        "find_next",
        "find_previous",
        "focus_list",
        "next_change",
        "previous_change",
        "first_change",
        "last_change",
        "go_to_line",
        "read_as_text",
        "whole_page",
    }
)


def enable_for_comparison(actions: dict[str, QAction], shown: bool) -> None:
    """Enable the commands in ``NEED_A_COMPARISON`` when a comparison is ``shown``."""
    for name in NEED_A_COMPARISON & actions.keys():
        actions[name].setEnabled(shown)


def sequences_of(key: Key) -> list[QKeySequence]:
    """One key as sequences: a string as written, a standard key as this platform binds it."""
    if isinstance(key, str):
        return [QKeySequence(key)]
    return list(QKeySequence.keyBindings(key))


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The concrete key sequences of a spec, standard keys expanded for this platform."""
    return [sequence for key in spec.shortcuts for sequence in sequences_of(key)]


def create_actions(target: QWidget, specs: Iterable[ActionSpec] = ACTIONS) -> dict[str, QAction]:
    """Make a ``QAction`` per spec on ``target``; ``connect_actions`` gives them their handlers.

    Twofold's own icons are tinted with ``target``'s palette, and again when it changes.
    """
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    own_icons: dict[QAction, Path] = {}
    for spec in specs:
        action = QAction(spec.text, target)
        action.setObjectName(f"action_{spec.id}")
        action.setShortcuts(key_sequences(spec))
        action.setCheckable(spec.checkable)
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        path = resource_path("icons", spec.icon_file) if spec.icon_file else None
        if path is not None:
            own_icons[action] = path
        elif spec.icon is not None:
            action.setIcon(target.style().standardIcon(spec.icon))
        if spec.group:
            groups.setdefault(spec.group, QActionGroup(target)).addAction(action)
        target.addAction(action)
        actions[spec.id] = action
    IconTint(target, own_icons)
    return actions


def handler_of(spec: ActionSpec, receivers: Sequence[object]) -> Callable[..., object]:
    """``spec``'s handler: the method of that name on exactly one of ``receivers``.

    Exactly one, so that a controller's method can never shadow the window's
    (or another controller's) without a test noticing.

    Raises:
        LookupError: no receiver, or more than one, has the handler.
    """
    owners = [r for r in receivers if callable(getattr(r, spec.handler, None))]
    if len(owners) != 1:
        names = ", ".join(type(r).__name__ for r in owners) or "no receiver"
        raise LookupError(f"the handler {spec.handler!r} of {spec.id!r} is on {names}")
    handler: Callable[..., object] = getattr(owners[0], spec.handler)
    return handler


def connect_actions(
    actions: dict[str, QAction], receivers: Sequence[object], specs: Iterable[ActionSpec] = ACTIONS
) -> None:
    """Connect each action to its handler, found on one of ``receivers`` (``handler_of``)."""
    for spec in specs:
        _connect(actions[spec.id], spec, handler_of(spec, receivers))


def _connect(action: QAction, spec: ActionSpec, handler: Callable[..., object]) -> None:
    """Plain commands get no argument, toggles their state, choices their value."""
    if spec.group:
        action.toggled.connect(lambda on, h=handler, v=spec.value: on and h(v))
    elif spec.checkable:
        action.toggled.connect(handler)
    else:
        action.triggered.connect(lambda _checked=False, h=handler: h())


def build_menus(
    menubar: QMenuBar, actions: dict[str, QAction], specs: Iterable[ActionSpec] = ACTIONS
) -> None:
    """Fill the menu bar in table order, so every shortcut is discoverable."""
    menus: dict[str, QMenu] = {}
    for spec in specs:
        if spec.menu not in menus:
            menus[spec.menu] = menubar.addMenu(spec.menu)
        menus[spec.menu].addAction(actions[spec.id])
