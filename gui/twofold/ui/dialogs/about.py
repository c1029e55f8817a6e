# SPDX-License-Identifier: GPL-3.0-or-later
"""Help ▸ About: what Twofold is, and the versions a bug report needs.

The versions are the ones that change behaviour: Qt and PySide6 (rendering,
dialogs), the diff-match-patch backend (the C++ build and the pure-Python one
can split edits differently and differ a lot in speed), and chardet (encoding
guesses). The backend is found the way ``engine.chardiff`` finds it: the C++
module if it imports, else the pure-Python library.
"""

from __future__ import annotations

import html
import platform
from importlib import import_module

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from twofold import __version__

_SUMMARY = (
    "A side-by-side diff viewer for reworded prose and everyday code: it pairs "
    "paragraphs that were rewritten and shows which words changed."
)


def _package_version(name: str) -> str:
    # importlib.metadata is slow to import: only when the About box opens.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown version"


def diff_backend() -> str:
    """Which diff-match-patch the engine uses, and its version."""
    try:
        import_module("fast_diff_match_patch")
    except ImportError:
        return f"pure Python (diff-match-patch {_package_version('diff-match-patch')})"
    return f"C++ (fast-diff-match-patch {_package_version('fast-diff-match-patch')})"


def versions() -> list[tuple[str, str]]:
    """``(component, version)`` rows, in the order a bug report wants them."""
    return [
        ("Twofold", __version__),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("diff-match-patch", diff_backend()),
        ("chardet", _package_version("chardet")),
        ("Platform", f"{platform.system()} {platform.release()} ({platform.machine()})"),
    ]


def versions_text() -> str:
    """The versions as plain lines, for pasting into an issue."""
    return "\n".join(f"{name}: {value}" for name, value in versions())


def about_box(parent: QWidget | None) -> QMessageBox:
    """A window-modal About box, opened with ``open()`` so nothing waits on it."""
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle("About Twofold")
    icon = QApplication.windowIcon()
    if icon.isNull():  # not installed with its icon (tests, a bare checkout)
        box.setIcon(QMessageBox.Icon.Information)
    else:
        box.setIconPixmap(icon.pixmap(64, 64))
    rows = "".join(
        f"<tr><td>{html.escape(name)}</td><td>&nbsp;{html.escape(value)}</td></tr>"
        for name, value in versions()
    )
    box.setText(f"<h3>Twofold {html.escape(__version__)}</h3><p>{_SUMMARY}</p>")
    box.setInformativeText(f"<table>{rows}</table><p>Licensed under the GPL 3.0 or later.</p>")
    box.setTextFormat(Qt.TextFormat.RichText)  # on purpose, and every value above is escaped
    box.setDetailedText(versions_text())  # plain text: selectable, easy to paste
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.open()
    return box
