# SPDX-License-Identifier: GPL-3.0-or-later
"""The size of a window opened for the first time: the usual one, or what the screen has.

Why: the window used to open at 1280x800 whatever the screen. At a scale of 2 on
a 1600x1000 screen (800x500 device-independent pixels) that is twice the room
there is, and the changes list and the window's edges were off screen. A size
the user gave the window before is restored as it was (``restoreGeometry``).
"""

from __future__ import annotations

from PySide6.QtCore import QSize

#: the first window on a screen with room for it
FIRST_SIZE = QSize(1280, 800)
#: what a window manager adds around the window: borders and a title bar
FRAME_ROOM = QSize(16, 48)


def first_size(available: QSize) -> QSize:
    """``FIRST_SIZE``, made smaller where ``available`` (the screen less its panels) is."""
    return FIRST_SIZE.boundedTo(available - FRAME_ROOM).expandedTo(QSize(320, 240))
