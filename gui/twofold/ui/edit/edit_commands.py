# SPDX-License-Identifier: GPL-3.0-or-later
"""Taking changes across, typing, undo and redo: the commands that change a side's text.

The pane's document is the side's text (``pane_text`` says when it may be):
a take is made in it as one undoable step, typing goes in as Qt puts it, and
each pause compares the two texts again in the background
(``RecompareRunner``, ``RECOMPARE_MS`` after the last change). The answer is
shown without refilling the panes (``DiffView.show_result(keep_text=True)``):
cursor, undo history, scroll position and the current change stay.

A take needs the comparison of the texts as they are; one asked for while a
comparison is due waits for it (at most one such wait is queued per command).

Saving lives in ``saving.SideSaver``; this object asks it before anything
would drop unsaved edits (``may_discard``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from twofold.engine.edit.take import Take, WordEdit, take_change, take_word, word_edits
from twofold.engine.result.kinds import Side
from twofold.engine.result.model import CompareOptions, DiffResult
from twofold.engine.view.view_geometry import PreparedView
from twofold.ui.edit.pane_text import apply_take, offset_at, pane_text, read_only_reason
from twofold.ui.edit.recompare_runner import RecompareRunner
from twofold.ui.edit.saving import SideSaver
from twofold.ui.panes.diff_view import DiffView
from twofold.ui.plain_text import window_title
from twofold.ui.sidebar.change_rows import INDEX_ROLE
from twofold.ui.sidebar.changes_sidebar import ChangesSidebar

#: how long after the last keystroke the texts are compared again
RECOMPARE_MS = 300
_NAMES = {Side.A: "left", Side.B: "right"}


class EditHost(Protocol):
    """What editing needs of the window: the current change, and where to say things."""

    @property
    def current_change(self) -> int | None: ...

    def go_to_change(self, change: int) -> None: ...

    def show_error(self, message: str) -> None: ...

    def show_edited(self, prepared: PreparedView) -> None: ...


class EditCommands(QObject):
    """Take, undo, redo, save: every way the user changes a side, and the re-compare after.

    Signals:
        files_saved: a side was written; the result shown, holding the documents as
            they are stored now (for the file watcher).
    """

    files_saved = Signal(object)

    def __init__(
        self, view: DiffView, sidebar: ChangesSidebar, window: EditHost, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._view, self._sidebar, self._window, self._parent = view, sidebar, window, parent
        self._runner = RecompareRunner(self)
        self._timer = QTimer(self, singleShot=True, interval=RECOMPARE_MS)
        self._timer.timeout.connect(self._recompare)
        self._waiting: dict[str, Callable[[], None]] = {}
        self._reasons: dict[Side, str] = {Side.A: "not loaded", Side.B: "not loaded"}
        self._active = Side.A
        self._quiet = False  # set while the panes change for other reasons than an edit
        self._ready = False  # a comparison loaded from files is shown
        self.saver = SideSaver(view, parent, window.show_error, self)
        self.saver.saved.connect(self.on_saver_saved)
        self._runner.finished.connect(self.on_runner_finished)
        self._runner.failed.connect(window.show_error)
        for side, pane in view.panes.items():
            pane.document().contentsChanged.connect(lambda s=side: self.on_text_changed(s))
            pane.document().modificationChanged.connect(lambda _on: self.show_marks())
            pane.filled.connect(lambda s=side: self._enable(s))
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(
                lambda point, s=side: self.on_pane_menu_requested(s, point)
            )
        view.link.take_requested.connect(self.take_change_at)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.on_focus_changed)
        sidebar.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        sidebar.view.customContextMenuRequested.connect(self.on_sidebar_menu_requested)

    # ----- a new comparison, and which sides may be edited -----------------------------------

    def on_comparison_started(self) -> None:
        """Files are being loaded: the sides shown go (their edits were asked about)."""
        self._ready = False
        self._timer.stop()
        self._runner.stop()
        self._waiting.clear()
        for side, pane in self._view.panes.items():
            self._reasons[side] = "it is still loading"
            pane.set_editable(False)

    def on_comparison_finished(self, result: DiffResult) -> None:
        """A comparison loaded from the files is shown: its sides are the bases of edits."""
        self._ready = True
        self._timer.stop()
        self._runner.stop()
        self._waiting.clear()
        self.saver.set_bases(result.a, result.b)
        for side, pane in self._view.panes.items():
            self._reasons[side] = "it is still loading"
            if not pane.filling:
                self._enable(side)
        self.show_marks()

    def _enable(self, side: Side) -> None:
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

    @property
    def active_side(self) -> Side:
        """The side the edit commands act on: the pane last focused or changed."""
        return self._active

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
        self._timer.start()

    def texts(self) -> tuple[str, str]:
        """Both sides' texts as the panes hold them now."""
        return pane_text(self._view.pane(Side.A)), pane_text(self._view.pane(Side.B))

    @property
    def comparing(self) -> bool:
        """Whether a comparison of the texts as they are is still to come."""
        return self._timer.isActive() or self._runner.busy

    def _recompare(self, *, force: bool = False, options: CompareOptions | None = None) -> None:
        """Compare the texts again, unless they are what is shown (``force``: all the same)."""
        result = self._view.result
        if result is None:
            return
        self._timer.stop()
        if not force and (result.a.text, result.b.text) == self.texts():
            return  # a format changed (syntax colours), not the text
        bases = (self.saver.base(Side.A, result), self.saver.base(Side.B, result))
        self._runner.start(result, bases, self.texts(), options)

    def compare_with(self, options: CompareOptions) -> bool:
        """The Compare menu changed: compare the edited texts with ``options``, keeping the edits.

        False (nothing done) when no side has unsaved edits: then the files are
        compared again from disk as usual.
        """
        if not any(self.unsaved(side) for side in Side) or self._view.result is None:
            return False
        self._recompare(force=True, options=options)
        return True

    def on_runner_finished(self, prepared: PreparedView) -> None:
        result = prepared.result
        if (result.a.text, result.b.text) != self.texts():
            if not self._timer.isActive():
                self._recompare()  # typed during the comparison, and paused since
            return
        self._window.show_edited(prepared)
        self.show_marks()
        waiting, self._waiting = self._waiting, {}
        for run in waiting.values():
            run()

    def _when_compared(self, name: str, run: Callable[[], None]) -> bool:
        """True when the result on screen is of the texts as they are; else ``run`` waits."""
        result = self._view.result
        if result is None:
            return False
        if not self._runner.busy and (result.a.text, result.b.text) == self.texts():
            self._timer.stop()
            return True
        self._waiting[name] = run
        if not self._runner.busy:
            self._recompare()
        return False

    # ----- takes ------------------------------------------------------------------------------

    def take_to_right(self) -> None:
        """Alt+Right: the current change's left text replaces its right text."""
        self._take_current(Side.B)

    def take_to_left(self) -> None:
        """Alt+Left: the current change's right text replaces its left text."""
        self._take_current(Side.A)

    def _take_current(self, to: Side) -> None:
        change = self._window.current_change
        if change is not None:
            self.take_change_at(change, to)

    def take_change_at(self, change: int, to: Side) -> None:
        """Take change ``change`` (an index into the changes) onto side ``to``."""
        if not self._check_editable(to):
            return
        if not self._when_compared("take", lambda: self.take_change_at(change, to)):
            return
        result = self._view.result
        assert result is not None
        if 0 <= change < len(result.changes):
            self._apply(to, take_change(result, result.changes[change], to))

    def take_word_to_right(self) -> None:
        """Alt+Shift+Right: the word edit at the cursor, from the left side to the right."""
        self._take_word_at_cursor(Side.B)

    def take_word_to_left(self) -> None:
        """Alt+Shift+Left: the word edit at the cursor, from the right side to the left."""
        self._take_word_at_cursor(Side.A)

    def _take_word_at_cursor(self, to: Side) -> None:
        side = self._active
        position = self._view.pane(side).textCursor().position()
        self.take_word_at(side, position, to)

    def take_word_at(self, side: Side, position: int, to: Side) -> None:
        """Take the word edit at document ``position`` of ``side`` onto side ``to``."""
        if not self._check_editable(to):
            return
        if not self._when_compared("word", lambda: self.take_word_at(side, position, to)):
            return
        found = self.word_edit_at(side, position)
        result = self._view.result
        if found is not None and result is not None:
            self._apply(to, take_word(result, found, to))

    def word_edit_at(self, side: Side, position: int) -> WordEdit | None:
        """The word edit of a change under document ``position`` of ``side``, if any."""
        result = self._view.result
        if result is None:
            return None
        offset = offset_at(self._view.pane(side), position, result.document(side).text)
        for pair in result.changes:
            span = result.span_of(pair, side)
            if span is None or not span.start <= offset <= span.end:
                continue
            for edit in word_edits(result, pair):
                here = edit.span(side)
                if here.start <= offset <= here.end:
                    return edit
        return None

    def _check_editable(self, to: Side) -> bool:
        if self._reasons[to]:
            self._window.show_error(
                f"The {_NAMES[to]} side cannot be changed: {self._reasons[to]}."
            )
            return False
        return True

    def _apply(self, side: Side, take: Take) -> None:
        result = self._view.result
        if result is None or not take:
            return
        self._active = side
        apply_take(self._view.pane(side), take, result.document(side).text)
        self._recompare()  # a take is shown compared at once, not after a pause

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
        self._recompare(force=True)  # the header's name, the layout note and the watcher follow

    def shutdown(self) -> None:
        self._timer.stop()
        self._runner.stop()
        self._runner.wait()

    # ----- menus ------------------------------------------------------------------------------

    def on_sidebar_menu_requested(self, point: QPoint) -> None:
        index = self._sidebar.view.indexAt(point)
        if not index.isValid():
            return
        change = int(index.data(INDEX_ROLE))
        menu = self.change_menu(change)
        menu.exec(self._sidebar.view.viewport().mapToGlobal(point))

    def on_pane_menu_requested(self, side: Side, point: QPoint) -> None:
        pane = self._view.pane(side)
        self.pane_menu(side, point).exec(pane.viewport().mapToGlobal(point))

    def pane_menu(self, side: Side, point: QPoint) -> QMenu:
        """A pane's context menu: Qt's own, and on a changed word, take or reject that edit.

        As in a review of tracked changes: the edit under the mouse goes to the
        other side, or the other side's version of it comes here.
        """
        pane = self._view.pane(side)
        menu = pane.createStandardContextMenu(point)
        menu.setObjectName("paneMenu")
        position = pane.cursorForPosition(point).position()
        if self.word_edit_at(side, position) is None:
            return menu
        menu.addSeparator()
        here, there = _NAMES[side], _NAMES[side.other]
        for to, text in (
            (side.other, f"Take This Edit to the {there.title()}"),
            (side, f"Replace This Edit with the {there.title()} Side's"),
        ):
            action = QAction(text, menu)
            action.setObjectName(f"take_word_{_NAMES[to]}")
            action.setEnabled(self.editable(to))
            action.setToolTip(f"Changes only the {here if to is side else there} side")
            action.triggered.connect(lambda _c=False, t=to: self.take_word_at(side, position, t))
            menu.addAction(action)
        return menu

    def change_menu(self, change: int) -> QMenu:
        """The list's context menu for one change: take it to either side."""
        menu = QMenu(self._sidebar.view)
        menu.setObjectName("changeMenu")
        for to, text, keys in (
            (Side.B, "Take to the &Right", "Alt+Right"),
            (Side.A, "Take to the &Left", "Alt+Left"),
        ):
            action = QAction(f"{text}\t{keys}", menu)
            action.setEnabled(self.editable(to))
            action.triggered.connect(lambda _c=False, t=to: self.take_change_at(change, t))
            menu.addAction(action)
        return menu
