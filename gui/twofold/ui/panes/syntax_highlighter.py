# SPDX-License-Identifier: GPL-3.0-or-later
"""Syntax colours in a code pane: Pygments' tokens as a ``QSyntaxHighlighter``'s formats.

Why it is careful about what it colours: a ``QSyntaxHighlighter`` is called
for every block that goes into its document, and a 10 MB source has hundreds
of thousands. It is attached to a pane only for a code pair (prose and text
without a known language never call it), before the text goes in; a block
whose tokens are not lexed yet is left plain at once. What is on screen is
coloured first: the first screen's lines are lexed before the text goes in,
and after each scroll the blocks on screen that are still plain are coloured,
from the lexed tokens when the lexing has got there, else from a guess (their
lines lexed on their own, ``SyntaxTokens.guess``), replaced once it has. The
lexing goes on a piece per turn (``turns``) while it is near the screen: up
to ``ViewTuning.lex_ahead_chars`` characters past it, and only if the screen is no more than
that past the lexing. So a big file is lexed as far as it is read, and a jump
to its end is coloured by guesses instead of lexing all that lies between.

The formats set only the text's colour: the diff's tints, word highlights and
find's matches are painted under or over it and stay visible.
"""

from __future__ import annotations

from time import perf_counter

from PySide6.QtCore import QTimer
from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextCharFormat

from twofold.engine.view.syntax import Language, SyntaxTokens, TokenKind
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.panes.spans import PanePositions
from twofold.ui.panes.syntax_colours import syntax_formats
from twofold.ui.theme import Theme
from twofold.ui.tuning import DEFAULT_VIEW_TUNING, ViewTuning
from twofold.ui.turns import turn_queue

#: a block of ``_Block``'s marks: coloured from the lexed tokens (final)
_FINAL = 1


class PaneSyntax(QSyntaxHighlighter):
    """Colours one pane's code; does nothing (and is not attached) for prose."""

    def __init__(self, pane: DiffPane, tuning: ViewTuning = DEFAULT_VIEW_TUNING) -> None:
        """``tuning``: how much is lexed first, a step at a time, and how far ahead."""
        super().__init__(pane)
        self._pane = pane
        self._tuning = tuning
        self._tokens: SyntaxTokens | None = None
        self._positions: PanePositions | None = None
        self._formats: dict[TokenKind, QTextCharFormat] = syntax_formats(pane.theme)
        #: per block: ``_FINAL`` once coloured from lexed tokens
        self._marks = bytearray()
        #: tokens guessed for blocks on screen ahead of the lexing, by block
        self._guessed: dict[int, list[tuple[int, int, TokenKind]]] = {}
        self._screen_at = (0, 0)  # source offsets of the screen's first and last line
        self._screen = QTimer(self, singleShot=True, interval=0)
        self._screen.timeout.connect(self.colour_screen)
        for signal in (pane.verticalScrollBar().valueChanged, pane.filled, pane.layout_changed):
            signal.connect(self._on_view_changed)

    @property
    def language(self) -> Language | None:
        return None if self._tokens is None else self._tokens.language

    def show(
        self, language: Language | None, positions: PanePositions, *, keep_text: bool = False
    ) -> None:
        """Get ready for the text about to go in (``DiffPane.set_content``); None: no colours.

        Attaching to a document that holds text would have Qt colour all of it,
        and detaching walks all its blocks, so the old text is taken out first;
        never when the pane keeps its text (``keep_text``: an edit compared
        again), which is the user's. Then the screen is coloured anew.
        """
        turn_queue().cancel(self)
        self._guessed, self._screen_at = {}, (0, 0)
        self._positions = positions
        attached = self.document() is not None
        if language is None:
            self._tokens = None
            if attached:
                if not keep_text:
                    self._pane.clear()
                self.setDocument(None)
            return
        source = positions.table.source
        self._tokens = SyntaxTokens(source, language)
        self._marks = bytearray(positions.table.block_count)
        self._tokens.lex_to(_line_end(source, self._tuning.lex_first_lines))
        if not attached:
            if not keep_text:
                self._pane.clear()
            self.setDocument(self._pane.document())
        self._screen.start()

    def set_theme(self, theme: Theme) -> None:
        """New colours: what is on screen is coloured again at once, the rest when shown."""
        self._formats = syntax_formats(theme)
        if self._tokens is not None:
            self._marks = bytearray(len(self._marks))
            self._guessed = {}
            self._screen.start()

    @property
    def lexed(self) -> int:
        """How far the text is lexed (source offset); 0 when not colouring."""
        return 0 if self._tokens is None else self._tokens.lexed

    # ----- Qt's side -----------------------------------------------------------------------

    def highlightBlock(self, text: str) -> None:
        tokens, positions = self._tokens, self._positions
        if tokens is None or positions is None:
            return
        block = self.currentBlock()
        number = block.blockNumber()
        start, end = _source_range(block, positions)
        spans = tokens.spans(start, end)
        if spans is None:
            spans = self._guessed.get(number)
            if spans is None:
                return  # coloured once on screen (``colour_screen``)
        elif number < len(self._marks):
            self._marks[number] = _FINAL
            self._guessed.pop(number, None)
        at = block.position()
        formats = self._formats
        if positions.same:
            for first, last, kind in spans:
                self.setFormat(first - at, last - first, formats[kind])
        else:
            for first, last, kind in spans:
                here = positions.position(first)
                self.setFormat(here - at, positions.position(last) - here, formats[kind])

    # ----- what is on screen first ---------------------------------------------------------

    def _on_view_changed(self, *_args: object) -> None:
        """Look at the screen in the next turn (once for a burst of scroll steps)."""
        if self._tokens is not None:
            self._screen.start()

    def colour_screen(self) -> None:
        """Colour the blocks on screen that are still plain, lexed or guessed."""
        tokens, positions = self._tokens, self._positions
        if tokens is None or positions is None or self.document() is None:
            return
        doc = self._pane.document()
        numbers = self._pane.visible_blocks()[0]
        plain = [
            block
            for block in map(doc.findBlockByNumber, numbers)
            if block.isValid() and not self._is_final(block.blockNumber())
        ]
        if numbers:
            first, last = doc.findBlockByNumber(numbers[0]), doc.findBlockByNumber(numbers[-1])
            self._screen_at = (
                _source_range(first, positions)[0],
                _source_range(last, positions)[1],
            )
        ahead = [
            block
            for block in plain
            if block.blockNumber() not in self._guessed
            and _source_range(block, positions)[1] > tokens.lexed
            and not tokens.done
        ]
        if ahead:
            self._guess(ahead, tokens, positions)
        fresh = {block.blockNumber() for block in ahead}
        for block in plain:  # a guess shown already waits for the lexing to reach it
            reached = tokens.done or _source_range(block, positions)[1] <= tokens.lexed
            if reached or block.blockNumber() in fresh:
                self.rehighlightBlock(block)
        if self._lexing_wanted(tokens):
            turn_queue().schedule(self, self._lex_step)

    def _lexing_wanted(self, tokens: SyntaxTokens) -> bool:
        """Whether to lex on: not done, and the lexing near the screen (see the module)."""
        top, bottom = self._screen_at
        ahead = self._tuning.lex_ahead_chars
        return not tokens.done and top - ahead <= tokens.lexed < bottom + ahead

    def _is_final(self, number: int) -> bool:
        return number < len(self._marks) and self._marks[number] == _FINAL

    def _guess(
        self, blocks: list[QTextBlock], tokens: SyntaxTokens, positions: PanePositions
    ) -> None:
        """Guess the tokens of the blocks past the lexing, lexed together from the first."""
        first = _source_range(blocks[0], positions)[0]
        spans = tokens.guess(first, _source_range(blocks[-1], positions)[1])
        k = 0
        for block in blocks:
            start, end = _source_range(block, positions)
            while k < len(spans) and spans[k][1] <= start:
                k += 1
            mine = []
            j = k
            while j < len(spans) and spans[j][0] < end:
                mine.append((max(spans[j][0], start), min(spans[j][1], end), spans[j][2]))
                j += 1
            self._guessed[block.blockNumber()] = mine

    def _lex_step(self) -> bool:
        """Lex a piece more; colour what it reached on screen. True while there is more."""
        tokens = self._tokens
        if tokens is None:
            return False
        started, tuning = perf_counter(), self._tuning
        while (
            tokens.advance(tuning.lex_piece_chars)
            and perf_counter() - started < tuning.lex_step_seconds
        ):
            pass
        if self._guessed:
            self._screen.start()  # guesses on screen the lexing may have reached
        return self._lexing_wanted(tokens)


def _source_range(block: QTextBlock, positions: PanePositions) -> tuple[int, int]:
    """The source offsets a block shows (its line, or a piece of a long one)."""
    at = block.position()
    end = at + block.length() - 1
    if positions.same:
        return at, end
    return positions.offset(at), positions.offset(end)


def _line_end(text: str, lines: int) -> int:
    """The offset after the first ``lines`` lines of ``text``."""
    at = -1
    for _ in range(lines):
        at = text.find("\n", at + 1)
        if at < 0:
            return len(text)
    return at + 1
