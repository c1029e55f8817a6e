# SPDX-License-Identifier: GPL-3.0-or-later
"""Where the window's parts sit: the comparison page, the list beside it, the empty window.

Why apart from the window: ``MainWindow`` makes the parts and wires them; how
they are stacked is flat layout code that no logic reads, and it grew with
every bar added under the panes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QStackedWidget, QVBoxLayout, QWidget


def column(*widgets: QWidget) -> QWidget:
    """``widgets`` one above the other without margins; the first takes the spare height."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    for n, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if n == 0 else 0)
    return box


def beside_list(page: QWidget, sidebar: QWidget) -> QSplitter:
    """The comparison page and the changes list, the page taking the spare width."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("mainSplitter")
    splitter.addWidget(page)
    splitter.addWidget(sidebar)
    splitter.setStretchFactor(0, 1)
    splitter.setSizes([1000, 300])
    return splitter


def stacked(*pages: QWidget) -> QStackedWidget:
    """One page shown at a time: the empty window, then the comparison."""
    stack = QStackedWidget()
    for page in pages:
        stack.addWidget(page)
    return stack
