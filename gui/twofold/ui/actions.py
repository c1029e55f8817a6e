# SPDX-License-Identifier: GPL-3.0-or-later
"""Every command of the window, in one table: id, menu text, shortcuts, handler, menu.

A shortcut lives in exactly one row here, so clashes are caught by a test
instead of by a user (git-cola's Alt+A clash, ``hotkeys.py:12-13``). Handlers
are method names, looked up on the objects the window hands
``action_factory.connect_actions`` (the window and its command controllers), so
this table needs no import of the window (Meld ``accelerators.py``). The
menu bar shows the rows in table order.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QStyle

from twofold.engine.result.kinds import Granularity, Unit

Key = QKeySequence.StandardKey | str
SP = QStyle.StandardPixmap


class Menu(Enum):
    """The menus of the menu bar, in their order; the value is the menu's title."""

    FILE = "&File"
    EDIT = "&Edit"
    VIEW = "&View"
    COMPARE = "&Compare"
    GO = "&Go"
    HELP = "&Help"


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
    menu: Menu
    checkable: bool = False
    tip: str = ""
    #: exclusive choices share a group name (radio items in the menu)
    group: str = ""
    #: what a group member passes to its handler when chosen
    value: Unit | Granularity | None = None
    #: a style icon for the toolbar and the menu; None for text only
    icon: SP | None = None
    #: Twofold's own one-colour icon under ``resources/icons``, tinted with the palette
    #: (``ui/icons.py``) and used instead of ``icon`` when installed
    icon_file: str = ""


SK = QKeySequence.StandardKey


def _choice(group: str, value: Unit | Granularity, text: str, tip: str) -> ActionSpec:
    """One radio item of the Compare menu; its handler is ``set_<group>(value)``."""
    return ActionSpec(
        f"{group}_{value.value}", text, (), f"set_{group}", Menu.COMPARE, True, tip, group, value
    )


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "open",
        "&Open Files…",
        (SK.Open,),
        "open_files",
        Menu.FILE,
        icon=SP.SP_DialogOpenButton,
        icon_file="open.svg",
    ),
    ActionSpec("open_recent", "Open &Recent", ("Ctrl+Shift+O",), "show_recent_menu", Menu.FILE),
    ActionSpec(
        "reload",
        "Re&load",
        ("F5",),
        "reload",
        Menu.FILE,
        icon=SP.SP_BrowserReload,
        icon_file="reload.svg",
    ),
    ActionSpec("swap", "&Swap Sides", ("Ctrl+Shift+S",), "swap_sides", Menu.FILE),
    ActionSpec(
        "export_report",
        "Export &HTML Report…",
        ("Ctrl+E",),
        "export_report",
        Menu.FILE,
        tip="Save a printable side-by-side report as one HTML file",
        icon=SP.SP_FileIcon,  # a page; Twofold's own (a page of two columns) when installed
        icon_file="report.svg",
    ),
    ActionSpec(
        "export_diff",
        "Export Unified &Diff…",
        ("Ctrl+Shift+E",),
        "export_diff",
        Menu.FILE,
        tip="Save the line differences as a patch (diff -u)",
    ),
    ActionSpec(
        "save",
        "&Save",
        (SK.Save,),
        "save",
        Menu.FILE,
        tip="Save the side being edited, in its own encoding and line ends",
    ),
    ActionSpec(
        "save_as", "Save &As…", (), "save_as", Menu.FILE, tip="Save the side under a new name"
    ),
    ActionSpec("save_all", "Save A&ll", (), "save_all", Menu.FILE, tip="Save both sides"),
    ActionSpec("quit", "&Quit", ("Ctrl+Q",), "close", Menu.FILE),
    ActionSpec("undo", "&Undo", (SK.Undo,), "undo", Menu.EDIT),
    ActionSpec("redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo", Menu.EDIT),
    ActionSpec(
        "take_right",
        "Take Change to the &Right",
        ("Alt+Right",),
        "take_to_right",
        Menu.EDIT,
        tip="Copy the current change from the left side over the right",
    ),
    ActionSpec(
        "take_left",
        "Take Change to the &Left",
        ("Alt+Left",),
        "take_to_left",
        Menu.EDIT,
        tip="Copy the current change from the right side over the left",
    ),
    ActionSpec(
        "take_word_right",
        "Take &Word Edit to the Right",
        ("Alt+Shift+Right",),
        "take_word_to_right",
        Menu.EDIT,
        tip="Take only the edit at the cursor from the left side to the right",
    ),
    ActionSpec(
        "take_word_left",
        "Take W&ord Edit to the Left",
        ("Alt+Shift+Left",),
        "take_word_to_left",
        Menu.EDIT,
        tip="Take only the edit at the cursor from the right side to the left",
    ),
    ActionSpec(
        "copy_change",
        "&Copy Change",
        ("Ctrl+Shift+C",),
        "copy_change",
        Menu.EDIT,
        tip="Copy the selected text, or both sides of the current change",
    ),
    ActionSpec(
        "paste",
        "&Paste",
        (SK.Paste,),
        "paste_on_empty_side",
        Menu.EDIT,
        tip="Compare the clipboard's text: it becomes the side still empty",
    ),
    ActionSpec("paste_left", "Paste as &Left", (), "paste_as_left", Menu.EDIT),
    ActionSpec("paste_right", "Paste as &Right", (), "paste_as_right", Menu.EDIT),
    ActionSpec("find", "&Find…", (SK.Find,), "show_find_bar", Menu.EDIT),
    ActionSpec("find_next", "Find &Next", ("F3",), "find_next", Menu.EDIT),
    ActionSpec("find_previous", "Find &Previous", ("Shift+F3",), "find_previous", Menu.EDIT),
    ActionSpec("zoom_in", "Zoom &In", ("Ctrl++", "Ctrl+="), "zoom_in", Menu.VIEW),
    ActionSpec("zoom_out", "Zoom &Out", ("Ctrl+-",), "zoom_out", Menu.VIEW),
    ActionSpec("zoom_reset", "&Actual Size", ("Ctrl+0",), "zoom_reset", Menu.VIEW),
    ActionSpec("font", "&Font…", (), "choose_font", Menu.VIEW, tip="Choose the font of the text"),
    ActionSpec("font_reset", "&Default Font", (), "reset_font", Menu.VIEW),
    ActionSpec("wrap", "&Wrap Lines", ("Alt+Z",), "set_word_wrap", Menu.VIEW, checkable=True),
    ActionSpec(
        "change_lines",
        "&Strike Deleted, Underline Inserted",
        (),
        "set_change_lines",
        Menu.VIEW,
        checkable=True,
        tip="Lines as well as colours tell deleted words from inserted ones",
    ),
    ActionSpec("sidebar", "Changes &List", ("F9",), "set_sidebar_visible", Menu.VIEW, True),
    ActionSpec("focus_list", "Go to Changes List", ("Ctrl+L",), "focus_changes_list", Menu.VIEW),
    *(
        _choice("unit", unit, text, tip)
        for unit, text, tip in (
            (Unit.AUTO, "&Automatic Units", "Lines for code, paragraphs for prose"),
            (Unit.PARAGRAPHS, "By &Paragraphs", "Pair blank-line separated paragraphs"),
            (Unit.LINES, "By &Lines", "Pair single lines, as diff does"),
        )
    ),
    *(
        _choice("granularity", g, text, tip)
        for g, text, tip in (
            (Granularity.WORD, "&Word Differences", "Highlight whole changed words"),
            (Granularity.CHARACTER, "&Character Differences", "Highlight the changed characters"),
        )
    ),
    ActionSpec(
        "ignore_whitespace",
        "Ignore White&space",
        ("Alt+W",),
        "set_ignore_whitespace",
        Menu.COMPARE,
        checkable=True,
        tip="Treat runs of spaces and line breaks as one space",
    ),
    ActionSpec(
        "ignore_case",
        "Ignore Cas&e",
        ("Alt+I",),
        "set_ignore_case",
        Menu.COMPARE,
        checkable=True,
        tip="Treat upper and lower case as the same",
    ),
    ActionSpec(
        "ignore_typography",
        "Ignore &Typography",
        ("Alt+T",),
        "set_ignore_typography",
        Menu.COMPARE,
        checkable=True,
        tip="Treat curly and straight quotes, dash kinds and no-break spaces alike",
    ),
    ActionSpec(
        "strip_trailing_cr",
        "Ignore Line E&ndings",
        ("Alt+L",),
        "set_strip_trailing_cr",
        Menu.COMPARE,
        checkable=True,
        tip="Treat CRLF, CR and LF line endings alike (diff --strip-trailing-cr)",
    ),
    ActionSpec(
        "ignore_blank_lines",
        "Ignore &Blank Lines",
        ("Alt+B",),
        "set_ignore_blank_lines",
        Menu.COMPARE,
        checkable=True,
        tip="Ignore blank lines added or removed (diff -B)",
    ),
    ActionSpec(
        "read_as_text",
        "Read Files as Te&xt",
        (),
        "set_read_as_text",
        Menu.COMPARE,
        checkable=True,
        tip="Compare these files' own bytes as text: a web page's or RTF file's markup",
    ),
    ActionSpec(
        "whole_page",
        "Compare Web Pages W&hole",
        (),
        "set_whole_page",
        Menu.COMPARE,
        checkable=True,
        tip="Compare these web pages' navigation, sidebars and footers too, not only the article",
    ),
    ActionSpec(
        "next_change",
        "&Next Change",
        ("Alt+Down", "Ctrl+Down", "F8"),
        "next_change",
        Menu.GO,
        icon=SP.SP_ArrowDown,
        icon_file="next.svg",
    ),
    ActionSpec(
        "previous_change",
        "&Previous Change",
        ("Alt+Up", "Ctrl+Up", "F7"),
        "previous_change",
        Menu.GO,
        icon=SP.SP_ArrowUp,
        icon_file="previous.svg",
    ),
    ActionSpec("first_change", "&First Change", ("Alt+Home",), "first_change", Menu.GO),
    ActionSpec("last_change", "&Last Change", ("Alt+End",), "last_change", Menu.GO),
    ActionSpec(
        "go_to_line",
        "Go to &Line…",
        ("Ctrl+G",),
        "show_go_to_line",
        Menu.GO,
        tip="Bring a line of either side into view",
    ),
    ActionSpec("cancel", "&Cancel Comparison", ("Esc",), "cancel", Menu.GO),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", (SK.HelpContents,), "show_shortcuts", Menu.HELP),
    ActionSpec("about", "&About Twofold", (), "show_about", Menu.HELP),
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
