# SPDX-License-Identifier: GPL-3.0-or-later
"""Names, paths and file text for widgets: shown as the characters they are, never as markup.

Why this is needed: a file may be named ``<h1 style="color:green">All files
verified OK<img src=pic.png>.txt``, and Qt reads strings as more than text in
several places. A QLabel in its default ``AutoText`` format, a tooltip and a
QMessageBox render a string as HTML whenever ``Qt.mightBeRichText`` thinks it
looks like HTML (a heading, a local image). A menu entry takes ``&`` as the
mark of its mnemonic and a tab as the start of its shortcut; a window title
takes ``[*]`` as the "modified" marker. And a newline in a name or a ``--label``
would break a one-line banner in two (a forged second line).

So labels are made with :func:`plain_label` (``Qt.TextFormat.PlainText``), and
names pass through the function for where they go. Control characters are
written as C escapes (``\\n``, ``\\033``), as the command line writes them
(``engine.terminal_text``), and invisible characters, direction controls and
line separators as badges (``⟨U+202E⟩``, ``engine.invisibles``): a name is
always one visible line that reads as its characters are stored.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from twofold.engine.export.terminal_text import escape_controls
from twofold.engine.view.invisibles import badge, spell_out

#: line and paragraph separators: not invisible, but they end a label's line
_SEPARATORS = re.compile("[\u2028\u2029]")
#: how every tooltip built here starts: rich text on purpose, so Qt cannot guess
TOOLTIP_OPEN = '<p style="white-space:pre">'


def one_line(text: str) -> str:
    """``text`` as one visible line: control characters as C escapes, the rest as badges.

    Direction controls and invisible characters are spelled out (``⟨U+202E⟩``):
    a right-to-left override in a name would show ``invoice\\u202efdp.exe`` as
    "invoiceexe.pdf". So are the line and paragraph separators, which break a
    label's line as a newline does.
    """
    spelled = spell_out(escape_controls(text, bidi=False))
    return _SEPARATORS.sub(lambda m: badge(m.group()), spelled)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows its text as is, whatever it looks like."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def tooltip(*lines: str) -> str:
    """A tooltip showing ``lines`` as is, one a line, unwrapped (paths read badly wrapped).

    A tooltip has no plain-text mode: it is rich text whenever the string looks
    like HTML. So it is always rich text here, with the text escaped.
    """
    body = "<br>".join(html.escape(one_line(line), quote=False) for line in lines)
    return f"{TOOLTIP_OPEN}{body}</p>"


def menu_text(text: str) -> str:
    """``text`` for a menu entry: ``&`` doubled (not a mnemonic), no tab (not a shortcut)."""
    return one_line(text).replace("&", "&&")


def window_title(text: str) -> str:
    """``text`` for ``setWindowTitle``: a ``[*]`` in a name is shown, not taken as the marker.

    Qt shows ``[*][*]`` as a literal ``[*]`` (``qt_setWindowTitle_helperHelper``).
    """
    return one_line(text).replace("[*]", "[*][*]")
