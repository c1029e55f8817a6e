# SPDX-License-Identifier: GPL-3.0-or-later
"""A big pane's width changes are laid out once the resizing stops, not at every step.

Why: ``QPlainTextEdit`` answers every change of its width by walking all the
blocks of its document (``QPlainTextDocumentLayout::setTextWidth``), giving
each a ``QTextLayout`` if it has none and clearing it; the blocks on screen are
then laid out again as they are painted. On a log the first walk is slow (it
allocates the layouts), later ones less so, and a window edge dragged in steps
of a frame each, as a window manager sends them, kept the window frozen for the
sum of them (``bench/gui_actions.py``'s width rows time one walk).
Dragging an edge is a stream of widths only the last of which is looked at for
long.

How: above ``ViewTuning.relayout_defer_blocks`` blocks, a width change reaches Qt as a resize that
kept the width (Qt moves the scroll bars, keeps its layout) and starts a timer;
when no width change has come for ``SETTLE_MS`` the pane is resized for real
at its final width, once, in a turn of its own (``turns``). Meanwhile the text
keeps its old line breaks, and the horizontal scroll bar of a wrapping pane is
kept hidden (its range still counts the old width). Smaller documents are laid
out at once: for them the walk is too short to be seen.

Not solved here: the first walk still gives every block a layout (~330 bytes a
block, once: ``bench/gui_actions.py`` reads the memory before and after it);
only fewer blocks would avoid that.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit

from twofold.ui.turns import turn_queue

#: Quiet time (ms) after the last width change before the one relayout: longer
#: than the gaps between the steps of a drag (a frame at 60 Hz), short enough to
#: read as the text reflowing when the mouse stops.
SETTLE_MS = 150


class WidthRelayout(QObject):
    """Holds back a big pane's relayouts while its width keeps changing.

    The pane's ``resizeEvent`` passes its event through ``filter`` and hands
    Qt what comes back; ``done`` is called after the deferred relayout. A pane of
    fewer than ``defer_blocks`` blocks is laid out at once.
    """

    def __init__(self, pane: QPlainTextEdit, done: Callable[[], None], defer_blocks: int) -> None:
        super().__init__(pane)
        self._pane = pane
        self._done = done
        self._defer_blocks = defer_blocks
        self._held_policy: Qt.ScrollBarPolicy | None = None
        self._timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        # A turn of its own: both panes' timers expire in one pass of the event loop,
        # and their two walks back to back were one stall (``bench/gui_actions.py``).
        self._timer.timeout.connect(lambda: turn_queue().schedule(self, self._relayout))

    @property
    def pending(self) -> bool:
        """True while a width change waits to be laid out."""
        return self._timer.isActive() or turn_queue().pending(self)

    def filter(self, event: QResizeEvent) -> QResizeEvent:
        """The event for ``QPlainTextEdit.resizeEvent``: this one, or one that kept the width."""
        new, old = event.size(), event.oldSize()
        if new.width() == old.width() or self._pane.blockCount() < self._defer_blocks:
            return event
        self._timer.start()
        if self._pane.lineWrapMode() is not QPlainTextEdit.LineWrapMode.NoWrap:
            self._hide_horizontal_bar()
        return QResizeEvent(new, QSize(new.width(), old.height()))

    def _relayout(self) -> bool:
        """Lay the pane out at its width now (a turn queue step: False, once is enough)."""
        pane = self._pane
        QPlainTextEdit.resizeEvent(pane, QResizeEvent(pane.size(), QSize(-1, -1)))
        if self._held_policy is not None:
            pane.setHorizontalScrollBarPolicy(self._held_policy)
            self._held_policy = None
        self._done()
        return False

    def _hide_horizontal_bar(self) -> None:
        if self._held_policy is None:
            self._held_policy = self._pane.horizontalScrollBarPolicy()
            self._pane.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
