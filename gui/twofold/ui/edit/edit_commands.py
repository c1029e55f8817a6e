# SPDX-License-Identifier: GPL-3.0-or-later
"""Editing the two sides: which may change, what is unsaved, undo, redo and save.

The pane's document is the side's text (``pane_text`` says when it may be):
a side is editable once its pane shows exactly its file's text, and says why
not otherwise. Typing goes in as Qt puts it and is compared again after each
pause (``LiveCompare``); the answer is shown without refilling the panes
(``DiffView.show_edited``): cursor, undo history, scroll position and the
current change stay. Takes are ``Takes``, their menus ``TakeMenus``.

Saving lives in ``saving.SideSaver``; this object asks it before anything
would drop unsaved edits (``may_discard``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from twofold.engine.result.kinds import Side
from twofold.engine.result.model import CompareOptions, DiffResult
from twofold.engine.view.view_geometry import PreparedView
from twofold.ui.edit.live_compare import LiveCompare
from twofold.ui.edit.pane_text import read_only_reason
from twofold.ui.edit.saving import SideSaver
from twofold.ui.panes.diff_view import DiffView
from twofold.ui.plain_text import window_title


class EditCommands(QObject):
    """Undo, redo, save: the state of each side's edits, and the re-compare after them.

    The window connects the panes' signals to ``on_text_changed``, ``show_marks``
    and ``on_pane_filled``, and the application's focus to ``on_focus_changed``.

    Signals:
        compared: the edited texts compared (the ``PreparedView``), to be shown
            keeping the view, its place and the current change.
        files_saved: a side was written; the result shown, holding the documents as
            they are stored now (for the file watcher).
    """

    compared = Signal(object)
    files_saved = Signal(object)

    def __init__(self, view: DiffView, show_error: Callable[[str], None], parent: QWidget) -> None:
        """``parent``: the window, whose title carries the unsaved marks and over which
        the save questions open."""
        super().__init__(parent)
        self._view, self._parent = view, parent
        self._reasons: dict[Side, str] = {Side.A: "not loaded", Side.B: "not loaded"}
        self._active = Side.A
        self._quiet = False  # set while the panes change for other reasons than an edit
        self._ready = False  # a comparison loaded from files is shown
        self.saver = SideSaver(view, parent, show_error, self)
        self.live = LiveCompare(view, self.saver, self)
        self.saver.saved.connect(self.on_saver_saved)
        self.live.compared.connect(self.on_live_compared)
        self.live.failed.connect(show_error)

    # ----- a new comparison, and which sides may be edited -----------------------------------

    def on_comparison_started(self) -> None:
        """Files are being loaded: the sides shown go (their edits were asked about)."""
        self._ready = False
        self.live.stop()
        for side, pane in self._view.panes.items():
            self._reasons[side] = "it is still loading"
            pane.set_editable(False)

    def on_comparison_finished(self, result: DiffResult) -> None:
        """A comparison loaded from the files is shown: its sides are the bases of edits."""
        self._ready = True
        self.live.stop()
        self.saver.set_bases(result.a, result.b)
        for side, pane in self._view.panes.items():
            self._reasons[side] = "it is still loading"
            if not pane.filling:
                self.on_pane_filled(side)
        self.show_marks()

    def on_pane_filled(self, side: Side) -> None:
        """Let ``side`` be edited if its pane shows exactly its text; say why not otherwise."""
        result = self._view.result
        if result is None or not self._ready:
            return
        pane = self._view.pane(side)
        self._quiet = True
        pane.document().setModified(False)  # the fill's slices are no edits
        self._quiet = False
        reason = read_only_reason(pane, result.document(side))
        self._reasons[side] = reason
        pane.set_editable(not reason)
        self._view.link.set_takes({s: not self._reasons[s] for s in Side})
        self.show_marks()

    def editable(self, side: Side) -> bool:
        return not self._reasons[side]

    def read_only_reason(self, side: Side) -> str:
        """Why ``side`` cannot be changed now; empty when it can."""
        return self._reasons[side]

    @property
    def active_side(self) -> Side:
        """The side the edit commands act on: the pane last focused or changed."""
        return self._active

    def set_active(self, side: Side) -> None:
        """``side`` is being changed (by a take): the commands act on it from now on."""
        self._active = side

    def on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for side, pane in self._view.panes.items():
            if new is pane:
                self._active = side

    # ----- marks: • in the headers and the title -----------------------------------------------

    def unsaved(self, side: Side) -> bool:
        return self._view.pane(side).document().isModified()

    def show_marks(self) -> None:
        result = self._view.result
        if result is None:
            return
        for side, header in self._view.headers.items():
            reason = self._reasons[side]
            # the header says already when lines are shown in pieces
            pieces = self._view.pane(side).table.soft_breaks
            note = "" if not reason else "read-only" if pieces else f"read-only: {reason}"
            header.set_edit_state(self.unsaved(side), note)
        names = [
            ("\u2022 " if self.unsaved(side) else "") + self.saver.base(side, result).label
            for side in Side
        ]
        self._parent.setWindowTitle(window_title(f"{names[0]} \u2194 {names[1]} \u2014 Twofold"))

    # ----- typing and comparing again -------------------------------------------------------

    def on_text_changed(self, side: Side) -> None:
        if self._quiet or self._reasons[side] or self._view.pane(side).isReadOnly():
            return
        self._active = side
        self.live.after_pause()

    def texts(self) -> tuple[str, str]:
        """Both sides' texts as the panes hold them now."""
        return self.live.texts()

    @property
    def comparing(self) -> bool:
        """Whether a comparison of the texts as they are is still to come."""
        return self.live.comparing

    def compare_with(self, options: CompareOptions) -> bool:
        """The Compare menu changed: compare the edited texts with ``options``, keeping the edits.

        False (nothing done) when no side has unsaved edits: then the files are
        compared again from disk as usual.
        """
        if not any(self.unsaved(side) for side in Side) or self._view.result is None:
            return False
        self.live.recompare(force=True, options=options)
        return True

    def on_live_compared(self, prepared: PreparedView) -> None:
        """Show the edited texts compared, then run the takes that waited for it."""
        self.compared.emit(prepared)
        self.show_marks()
        self.live.release_waiting()

    # ----- undo and redo -----------------------------------------------------------------------

    def undo(self) -> None:
        """Ctrl+Z where no pane has the keyboard: undo on the side last focused or changed."""
        self._view.pane(self._active).undo()

    def redo(self) -> None:
        self._view.pane(self._active).redo()

    # ----- saving -----------------------------------------------------------------------------

    def save(self) -> None:
        self.saver.save(self._active, self.texts())

    def save_as(self) -> None:
        self.saver.save(self._active, self.texts(), new_name=True)

    def save_all(self) -> None:
        self.saver.save_all([s for s in Side if self.unsaved(s)], self.texts())

    def may_discard(self) -> bool:
        """Before edits would be lost: nothing unsaved, or saved, or the user discards them."""
        unsaved = [side for side in Side if self.unsaved(side)]
        if not unsaved:
            return True
        if not self.saver.may_discard(unsaved, self.texts()):
            return False
        for side in unsaved:  # discarded (or saved): nothing to ask again
            self._view.pane(side).document().setModified(False)
        return True

    def on_saver_saved(self, side: Side) -> None:
        self._view.pane(side).document().setModified(False)
        result = self._view.result
        if result is not None:
            stored = (self.saver.base(Side.A, result), self.saver.base(Side.B, result))
            self.files_saved.emit(replace(result, a=stored[0], b=stored[1]))
        self.live.recompare(force=True)  # the header's name, the layout note and the watcher follow

    def shutdown(self) -> None:
        self.live.shutdown()
