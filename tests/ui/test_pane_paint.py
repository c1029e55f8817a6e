# SPDX-License-Identifier: GPL-3.0-or-later
"""What a pane paints and marks on screen: tints, frame, gaps, words, stand-ins.

Through the pane as the window drives it (``set_content``, ``set_current``,
``set_gaps``, ``set_find_matches``, scrolling), read back from its pixels or the
extra selections Qt draws: ``PanePainter`` and ``ScreenMarks`` at work.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from support import doc
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.view.display_blocks import block_table
from twofold.engine.view.extents import Extent
from twofold.engine.view.invisibles import reveal
from twofold.engine.view.utf16 import Utf16Map
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.panes.spans import PaneHighlights, PanePositions


def _show_comparison(qtbot: QtBot, pane: DiffPane, a: str, b: str) -> None:
    """Show side A of comparing ``a`` with ``b``, as the window does."""
    result = compare(doc(a), doc(b))
    text = result.a.text
    positions = PanePositions(block_table(text, result.segments(Side.A)), Utf16Map(text))
    tints = [(index, pair.kind) for pair in result.changes for index in pair.indices(Side.A)]
    pane.set_content(positions, tints, PaneHighlights(result, Side.A, positions, {}))
    qtbot.waitUntil(lambda: not pane.filling and not pane.layout_pending)


def _picture(pane: DiffPane) -> QImage:
    pane.viewport().repaint()
    return pane.viewport().grab().toImage()


def _count(image: QImage, colour: QColor) -> int:
    """How many pixels of ``image`` are exactly ``colour``."""
    want = colour.rgb()
    return sum(
        image.pixel(x, y) == want for y in range(image.height()) for x in range(image.width())
    )


def _block_middle(pane: DiffPane, number: int) -> int:
    numbers, tops, heights = pane.visible_blocks()
    i = numbers.index(number)
    return round(tops[i] + heights[i] / 2)


def test_changed_paragraphs_are_tinted_and_equal_ones_not(qtbot: QtBot, pane: DiffPane) -> None:
    _show_comparison(qtbot, pane, "same\n\nold words\n", "same\n\nnew words\n")
    image = _picture(pane)
    right = pane.viewport().width() - 5  # past the text: the tint alone
    tint = pane.theme.tints[PairKind.CHANGED]
    assert pane.content.block_kind(2) is PairKind.CHANGED
    assert image.pixelColor(right, _block_middle(pane, 2)) == tint
    assert image.pixelColor(right, _block_middle(pane, 0)) != tint


def test_the_current_change_is_framed_until_another_is(qtbot: QtBot, pane: DiffPane) -> None:
    _show_comparison(qtbot, pane, "same\n\nold words\n", "same\n\nnew words\n")
    colour = pane.theme.current
    assert _count(_picture(pane), colour) == 0
    pane.set_current(Extent(2.0, 3.0))
    assert pane.content.current_extent() == Extent(2.0, 3.0)
    framed = _picture(pane)
    assert _count(framed, colour) > 0
    top, bottom = pane.y_of(2.0), pane.y_of(3.0)
    rows = [y for y in range(framed.height()) if framed.pixelColor(1, y) == colour]
    assert rows
    assert min(rows) >= top - 2  # around that paragraph only
    assert max(rows) <= bottom + 2
    pane.set_current(None)
    assert _count(_picture(pane), colour) == 0


def test_a_gap_is_a_line_where_the_other_side_has_more(qtbot: QtBot, pane: DiffPane) -> None:
    _show_comparison(qtbot, pane, "one\n\ntwo\n\nthree\n", "one\n\ntwo\n\nthree\n")
    before = _picture(pane)
    pane.set_gaps([(2.0, PairKind.INSERTED)])
    after = _picture(pane)
    y = round(pane.y_of(2.0))
    changed = {
        row
        for row in range(after.height())
        for x in range(0, after.width(), 7)
        if after.pixel(x, row) != before.pixel(x, row)
    }
    assert changed
    assert min(changed) >= y - 2
    assert max(changed) <= y + 2


def test_only_the_words_on_screen_are_selected_and_scrolling_brings_the_rest(
    qtbot: QtBot, pane: DiffPane
) -> None:
    count = 300
    a = "".join(f"paragraph {n} says old\n\n" for n in range(count))
    b = "".join(f"paragraph {n} says new\n\n" for n in range(count))
    _show_comparison(qtbot, pane, a, b)
    first = [sel.cursor.selectionStart() for sel in pane.extraSelections()]
    assert first, "the words changed on the first screen are highlighted"
    screen_end = pane.document().findBlockByNumber(pane.visible_block_range()[1] + 1).position()
    assert max(first) < screen_end  # nothing below the screen was looked at
    assert len(first) < count
    pane.verticalScrollBar().setValue(pane.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: bool(pane.extraSelections()))
    last_block = pane.visible_block_range()[0]
    start = pane.document().findBlockByNumber(last_block).position()
    assert all(sel.cursor.selectionStart() >= start - 1 for sel in pane.extraSelections())
    assert [s.cursor.selectedText().strip() for s in pane.extraSelections()][:1] == ["old"]


def test_find_matches_cut_the_word_highlights_and_are_painted(qtbot: QtBot, pane: DiffPane) -> None:
    _show_comparison(qtbot, pane, "same\n\nold words\n", "same\n\nnew words\n")
    word = pane.toPlainText().index("old")
    assert [s.cursor.selectedText().strip() for s in pane.extraSelections()] == ["old"]
    found = pane.theme.found
    assert _count(_picture(pane), found) == 0
    pane.set_find_matches([(word, word + 3)])
    assert pane.content.find_matches_in(0, 100) == [(word, word + 3)]
    assert not [s for s in pane.extraSelections() if s.cursor.selectedText().strip()]
    assert _count(_picture(pane), found) > 0  # painted under the text, not selected
    pane.set_find_matches([])
    assert [s.cursor.selectedText().strip() for s in pane.extraSelections()] == ["old"]


def test_a_hidden_character_is_boxed_and_named(qtbot: QtBot, pane: DiffPane) -> None:
    text = "plain line\nhid\u200bden\n"
    positions = PanePositions(block_table(text, []), Utf16Map(text))
    pane.set_content(positions, [], None)
    qtbot.waitUntil(lambda: not pane.filling and not pane.layout_pending)
    assert pane.revealed
    assert pane.toPlainText() == reveal(text)
    box = pane.theme.hidden_back
    assert _count(_picture(pane), box) > 0
    assert pane.stand_in_at(QPoint(2, _block_middle(pane, 0))) is None  # plain text
    line = pane.document().findBlockByNumber(1).layout().lineAt(0)
    x = line.cursorToX(3)[0] + pane.contentOffset().x() + 1  # just inside the stand-in
    found = pane.stand_in_at(QPoint(round(x), _block_middle(pane, 1)))
    assert found is not None
    assert found.char == "\u200b"
