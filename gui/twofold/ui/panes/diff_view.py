# SPDX-License-Identifier: GPL-3.0-or-later
"""The side-by-side area: headers, two panes, the link band and the overview strip.

Groups the widgets that share one ``PaneSync`` so the main window deals with a
single object: show a result, mark a change current, change font or wrap.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QGridLayout,
    QPlainTextEdit,
    QWidget,
)

from twofold.engine.result.kinds import DocFormat, PairKind, Side, Unit
from twofold.engine.result.model import DiffResult, Pair
from twofold.engine.view.display_blocks import LONG_LINE
from twofold.engine.view.syntax import Language, language_for
from twofold.engine.view.view_geometry import PreparedView, same_layout
from twofold.ui.bars.status import document_format, layout_note
from twofold.ui.focus_ring import FocusRing
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.panes.level_layout import Leveller
from twofold.ui.panes.link_map import LinkMap
from twofold.ui.panes.overview_map import OverviewMap
from twofold.ui.panes.pane_header import PaneHeader, quiet_note
from twofold.ui.panes.pane_sync import PaneSync
from twofold.ui.panes.spans import PaneHighlights, PanePositions
from twofold.ui.panes.syntax_highlighter import PaneSyntax
from twofold.ui.plain_text import tooltip
from twofold.ui.theme import Theme
from twofold.ui.tuning import DEFAULT_VIEW_TUNING, ViewTuning
from twofold.ui.turns import turn_queue

#: the text's size at zoom 0 against the desktop's font: prose reads better a little
#: larger than the menus (11 points on the usual 10-point desktop)
TEXT_SCALE = 1.1
#: when the desktop's font has no point size (one set in pixels)
FALLBACK_POINT_SIZE = 11.0


def base_point_size() -> float:
    """The text's point size at zoom 0: the desktop's font size, a little larger.

    The application font is the desktop's (Qt reads it from the platform theme,
    and follows it when the user changes it), so a reader who set a 16-point
    desktop font gets 16-point text and more, with the zoom on top.
    """
    size = QGuiApplication.font().pointSizeF()
    return round(size * TEXT_SCALE, 1) if size > 0 else FALLBACK_POINT_SIZE


def text_font(code: bool, zoom: int) -> QFont:
    """The pane font: the system fixed font for code, the UI font for prose."""
    if code:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    else:
        font = QFont(QGuiApplication.font())
    font.setPointSizeF(max(5.0, base_point_size() + zoom))
    return font


def _languages(result: DiffResult) -> dict[Side, Language | None]:
    """Each side's language by its path, label or content, else the other side's (``a.py.orig``).

    The label too: ``git difftool`` compares temporary files under names of its own.
    """
    found = {
        side: language_for(doc.path or doc.label, doc.text)
        or (language_for(doc.label, "") if doc.path and doc.label != doc.path else None)
        for side, doc in ((Side.A, result.a), (Side.B, result.b))
    }
    return {Side.A: found[Side.A] or found[Side.B], Side.B: found[Side.B] or found[Side.A]}


class _AfterPaint(QObject):
    """Calls back in the turn after a widget next paints (the whole window paints at once)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._callbacks: list[Callable[[], None]] = []

    def add(self, callback: Callable[[], None]) -> None:
        self._callbacks.append(callback)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callbacks:
            for callback in self._callbacks:
                QTimer.singleShot(0, callback)
            self._callbacks = []
        return False


class DiffView(QWidget):
    """Both panes of one comparison and the widgets drawn from their geometry."""

    def __init__(
        self, parent: QWidget | None = None, tuning: ViewTuning = DEFAULT_VIEW_TUNING
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diffView")
        self._refine_limit = tuning.on_screen_refine_chars
        self.leveller = Leveller(self)
        self.panes = {side: DiffPane(side, self.leveller, tuning=tuning) for side in Side}
        self._rings = [FocusRing(pane) for pane in self.panes.values()]
        self.sync = PaneSync(
            self.panes[Side.A],
            self.panes[Side.B],
            self.leveller,
            self,
            slice_groups=tuning.geometry.estimate_slice_blocks,
        )
        self.syntax = {side: PaneSyntax(pane, tuning) for side, pane in self.panes.items()}
        self.link = LinkMap(self.sync)
        self.overview = OverviewMap(self.sync, tuning=tuning)
        self.headers = {Side.A: PaneHeader("leftHeader"), Side.B: PaneHeader("rightHeader")}
        self.layout_note = quiet_note()
        self._result: DiffResult | None = None
        self._current: Pair | None = None
        self._code = False
        self._zoom = 0
        self._after_paint = _AfterPaint(self)
        self.panes[Side.B].viewport().installEventFilter(self._after_paint)
        self._rescroll: Pair | None = None
        #: where stepping put the current change's top (``view_moved``)
        self._placed: float | None = None
        self._setup_layout()
        self.sync.geometry_changed.connect(self.on_sync_geometry_changed)
        self.leveller.invalidated.connect(self.on_padding_dropped)
        self.overview.position_clicked.connect(self.sync.scroll_to_fraction)
        for pane in self.panes.values():
            pane.filled.connect(self.on_pane_filled)

    def _setup_layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(0)
        for side, column in ((Side.A, 0), (Side.B, 2)):
            grid.addWidget(self.headers[side], 0, column, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.panes[side], 2, column)
        grid.addWidget(self.layout_note, 1, 0, 1, 3)
        grid.addWidget(self.link, 2, 1)
        grid.addWidget(self.overview, 0, 3, 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        # The panes scroll together and the strip shows where: it is their one scroll bar
        # (click, drag, wheel), and both texts get the same width.
        for pane in self.panes.values():
            pane.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def pane(self, side: Side) -> DiffPane:
        return self.panes[side]

    @property
    def result(self) -> DiffResult | None:
        return self._result

    @property
    def filling(self) -> bool:
        """True while a big text is still going into a pane (the first screen is already up)."""
        return any(pane.filling for pane in self.panes.values())

    @property
    def settled(self) -> bool:
        """Nothing left to do for what is shown: filled, laid out, no deferred step queued."""
        return (
            not self.filling
            and turn_queue().idle
            and not any(pane.layout_pending for pane in self.panes.values())
        )

    def show_result(self, prepared: PreparedView, *, keep_text: bool = False) -> None:
        """Render a comparison with what the worker prepared: text, tints, words, headers, maps.

        ``keep_text``: the panes hold the result's texts already (an edit compared
        again), so their documents, cursors and undo histories stay.
        """
        result = prepared.result
        self._result, self._current = result, None
        self._code = result.unit is Unit.LINES
        changes = result.changes
        languages = _languages(result) if self._code else {Side.A: None, Side.B: None}
        for side, pane in self.panes.items():
            pane.set_text_font(text_font(self._code, self._zoom))
            doc = result.document(side)
            table = prepared.tables[side]
            positions = PanePositions(table, prepared.utf16[side])
            tints = [(index, pair.kind) for pair in changes for index in pair.indices(side)]
            highlights = PaneHighlights(result, side, positions, prepared.spans, self._refine_limit)
            syntax = self.syntax[side]
            # a side shown in pieces (a minified script) is not read as code: its one
            # line would be lexed piece by piece, for colours nobody reads there
            language = None if table.soft_breaks else languages[side]
            syntax.show(language, positions, keep_text=keep_text)  # before the text
            pane.set_content(positions, tints, highlights, doc.headings, keep_text=keep_text)
            cut = f" \u00b7 lines over {LONG_LINE:,} characters shown in pieces"
            note = cut if table.soft_breaks else ""  # say so: the blocks are not the file's lines
            self.headers[side].set_document(
                doc.label,
                f"{document_format(doc)}{note}",
                doc.path or doc.label,
                doc.set_apart,
                web_page=doc.format is DocFormat.HTML,
            )
        note, tip = layout_note(result)
        self.layout_note.setText(note)
        self.layout_note.setToolTip(tooltip(*tip) if tip else "")
        self.layout_note.setVisible(bool(note))
        self.link.reset()
        self.sync.set_pairs(result.pairs, result.changes, prepared.geometry)

    def show_edited(self, prepared: PreparedView, current: int | None) -> int | None:
        """Show an edit compared again: the panes keep their text, scroll and current change.

        Returns the index of the change now current (the same index, or the last
        change if fewer remain; None if none does).
        """
        bars = [(p.verticalScrollBar(), p.horizontalScrollBar()) for p in self.panes.values()]
        kept = [(v.value(), h.value()) for v, h in bars]
        with self.sync.suspended():
            self.show_result(prepared, keep_text=True)
            for (v, h), (top, left) in zip(bars, kept, strict=True):
                v.setValue(top)
                h.setValue(left)
        changes = prepared.result.changes
        index = None if not changes else min(current or 0, len(changes) - 1)
        self.set_current(None if index is None else changes[index], scroll=False)
        return index

    def after_next_paint(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once what was just shown is painted (at once if it cannot be)."""
        if self.panes[Side.B].viewport().isVisible():
            self._after_paint.add(callback)
        else:
            QTimer.singleShot(0, callback)

    def refine(self, prepared: PreparedView) -> bool:
        """Swap in the refined version of the coarse result on screen, keeping the view.

        Returns False (and changes nothing) when ``result`` does not have the same
        pairs as what is shown, e.g. when ignored differences turned a change into
        an equal pair; the caller then shows it afresh.
        """
        shown, result = self._result, prepared.result
        if shown is None or shown.refined or not same_layout(shown.pairs, result.pairs):
            return False
        current = None if self._current is None else shown.changes.index(self._current)
        self._result = result
        for side, pane in self.panes.items():
            positions = PanePositions(pane.table, prepared.utf16[side])
            spans, limit = prepared.spans, self._refine_limit
            pane.set_highlights(PaneHighlights(result, side, positions, spans, limit))
        self.sync.replace_pairs(result.pairs, result.changes)
        self._current = None if current is None else result.changes[current]
        self.link.set_current(self._current)
        return True

    def set_theme(self, theme: Theme) -> None:
        """Adopt new colours; tints and highlights are painted, so a repaint does."""
        for pane in self.panes.values():
            pane.set_theme(theme)
        for syntax in self.syntax.values():
            syntax.set_theme(theme)
        self.overview.invalidate()
        self.link.update()

    def set_current(self, pair: Pair | None, scroll: bool = True) -> None:
        """Outline ``pair`` in both panes and the band; bring it into view if asked."""
        self._current = pair
        if pair is not None and scroll:
            self._place(pair)
            # A change past the part filled in so far is scrolled to again once it is in.
            self._rescroll = pair if self.filling else None
        self.link.set_current(pair)
        self._outline_current()

    def _place(self, pair: Pair) -> None:
        """Bring ``pair`` to the reading position, and remember where it went."""
        self.sync.scroll_to_pair(pair)
        self._placed = self._current_top()

    def _current_top(self) -> float | None:
        """The viewport y of the current change's top in the pane that shows it (B if both)."""
        pair = self._current
        if pair is None:
            return None
        side = Side.B if pair.b else Side.A
        return self.panes[side].y_of(self.sync.block_extent(pair, side).top)

    def view_moved(self) -> bool:
        """Whether the reader scrolled away from where stepping put the current change.

        Told by where the change is now, not by scroll events: the panes'
        relayouts move their scroll bars too. A line or two either way (a
        re-levelled pane) is not a move.
        """
        top, placed = self._current_top(), self._placed
        if top is None or placed is None:
            return True
        return abs(top - placed) > 2 * self.panes[Side.B].line_height()

    def change_at_view(
        self, forward: bool, among: Sequence[int], current: int | None
    ) -> int | None:
        """The first change of ``among`` at or below the reading position (the last above it).

        Read in the right pane (a deletion by its gap there); a change starting
        in the line above the reading position counts as at it. ``current`` is
        never the answer, so a press always moves on. None when there is none that way.
        """
        reading = self.sync.reading_position(Side.B, lines_above=1)
        tops = self.sync.change_extents(Side.B)
        if forward:
            return next((n for n in among if n != current and tops[n].top >= reading), None)
        return next((n for n in reversed(among) if n != current and tops[n].top < reading), None)

    def _outline_current(self) -> None:
        for side, pane in self.panes.items():
            pair = self._current
            pane.set_current(None if pair is None else self.sync.block_extent(pair, side))

    def on_pane_filled(self) -> None:
        if self._rescroll is not None and self._rescroll is self._current and not self.filling:
            self._place(self._rescroll)
            self._rescroll = None

    def on_padding_dropped(self) -> None:
        """What was painted by the padding dropped (or still to come) is stale: paint again."""
        for pane in self.panes.values():
            pane.repaint_all()
        self.link.update()
        self._outline_current()

    def on_sync_geometry_changed(self) -> None:
        """New extents: place the gaps (sorted, for the panes' bisection) and the outline."""
        gaps: dict[Side, list[tuple[float, PairKind]]] = {Side.A: [], Side.B: []}
        for side in Side:
            extents = self.sync.change_extents(side)
            for pair, extent in zip(self.sync.changes, extents, strict=False):
                if not pair.indices(side):
                    gaps[side].append((extent.top, pair.kind))
        for side, pane in self.panes.items():
            pane.set_gaps(sorted(gaps[side], key=lambda gap: gap[0]))
        self._outline_current()

    def set_zoom(self, zoom: int) -> None:
        """A larger or smaller font; a current change on screen stays at the reading position."""
        self._zoom = zoom
        keep = self._current if self._current is not None and self.current_on_screen() else None
        for pane in self.panes.values():
            pane.set_text_font(text_font(self._code, zoom))
        if keep is not None:
            self._place(keep)

    def set_change_lines(self, on: bool) -> None:
        """Strike deleted words through and underline inserted ones, or not."""
        for pane in self.panes.values():
            pane.set_change_lines(on)

    def set_word_wrap(self, on: bool) -> None:
        """Wrap or not; a current change on screen is brought back to the reading position.

        The panes keep their top line through the new layout, and lines above the
        change that unwrap (or wrap) would carry it off the screen.
        """
        mode = QPlainTextEdit.LineWrapMode.WidgetWidth if on else QPlainTextEdit.LineWrapMode.NoWrap
        keep = self._current if self._current is not None and self.current_on_screen() else None
        for pane in self.panes.values():
            pane.setLineWrapMode(mode)
        if keep is not None:
            self._place(keep)

    def current_on_screen(self) -> bool:
        """Whether some of the current change shows in either pane."""
        pair = self._current
        if pair is None:
            return False
        for side, pane in self.panes.items():
            ext = self.sync.block_extent(pair, side)
            top, bottom = pane.y_of(ext.top), pane.y_of(ext.bottom)
            if bottom >= 0 and top <= pane.viewport().height():
                return True
        return False
