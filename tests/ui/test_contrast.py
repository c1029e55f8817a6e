# SPDX-License-Identifier: GPL-3.0-or-later
"""Contrast of what the window paints, computed from the palette it uses (WCAG 2.x).

Line numbers and the changes list's second line are text: 4.5:1 against what they
are painted on. The current-change frame is a graphical object: 3:1 against the
base and against the tints it surrounds. Checked in a light and a dark palette
through the window (the colours its panes and list really paint with), and for
any sane palette through ``Theme.from_palette``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait
from twofold.engine.result.kinds import PairKind, Side
from twofold.ui.main_window import MainWindow
from twofold.ui.theme import Theme, blend

TEXT_RATIO = 4.5
FRAME_RATIO = 3.0


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def ratio(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours, 1 to 21."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _palette(base: QColor, text: QColor, window: QColor, window_text: QColor) -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, window_text),
        (QPalette.ColorRole.AlternateBase, base),
    ):
        palette.setColor(role, colour)
    return palette


#: Breeze Dark's colours, the dark theme most KDE and many Qt users see
DARK = _palette(
    QColor(35, 38, 41), QColor(252, 252, 252), QColor(49, 54, 59), QColor(252, 252, 252)
)


def _check_theme(theme: Theme, list_base: QColor) -> None:
    assert ratio(theme.muted, theme.gutter) >= TEXT_RATIO, "line numbers on the gutter"
    assert ratio(theme.muted, list_base) >= TEXT_RATIO, "the list's second line"
    assert ratio(theme.current, theme.base) >= FRAME_RATIO, "the current frame on the page"
    for kind in (PairKind.CHANGED, PairKind.INSERTED, PairKind.DELETED, PairKind.MOVED):
        assert ratio(theme.current, theme.tints[kind]) >= FRAME_RATIO, f"frame on {kind}"


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_window_paints_with_enough_contrast(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path], dark: bool
) -> None:
    if dark:
        window.setPalette(DARK)
    compare_and_wait(qtbot, window, *demo)
    pane = window.view.pane(Side.A)
    assert pane.theme.dark is dark
    list_base = window.sidebar.view.palette().color(QPalette.ColorRole.Base)
    _check_theme(pane.theme, list_base)
    delegate_theme = window.sidebar.view.itemDelegate().theme  # type: ignore[attr-defined]
    assert delegate_theme == pane.theme


def _colour(low: int, high: int) -> st.SearchStrategy[QColor]:
    channel = st.integers(low, high)
    return st.builds(QColor, channel, channel, channel)


@st.composite
def palettes(draw: st.DrawFn) -> tuple[QColor, QColor, QColor]:
    """A theme's base, text and window colours: light or dark, window near base."""
    dark = draw(st.booleans())
    base = draw(_colour(0, 70) if dark else _colour(200, 255))
    text = draw(_colour(190, 255) if dark else _colour(0, 70))
    shift = draw(_colour(0, 255))
    window = blend(base, shift, draw(st.floats(0.0, 0.15)))
    return base, text, window


@settings(max_examples=200, deadline=None)
@given(colours=palettes())
def test_any_readable_palette_gets_readable_numbers_and_frames(
    colours: tuple[QColor, QColor, QColor],
) -> None:
    """A palette whose own text reads well (7:1, WCAG AAA) gets muted text and frames that do."""
    base, text, window = colours
    assume(ratio(text, base) >= 7.0)  # else the theme's own text does not read well
    theme = Theme.from_palette(_palette(base, text, window, text))
    _check_theme(theme, base)


def _edge(widget: QWidget) -> QColor:
    """The colour painted at the middle of the widget's left edge."""
    image = widget.grab().toImage()
    return image.pixelColor(0, image.height() // 2)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_focus_is_clearly_visible_in_panes_and_list(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path], dark: bool
) -> None:
    if dark:
        window.setPalette(DARK)
    compare_and_wait(qtbot, window, *demo)
    window.activateWindow()
    qtbot.waitActive(window)
    left, right, listing = window.view.pane(Side.A), window.view.pane(Side.B), window.sidebar.view
    qtbot.mouseClick(left.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(left.hasFocus)
    unfocused = {w: _edge(w) for w in (right, listing)}
    focused = {left: _edge(left)}
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # to the list
    qtbot.waitUntil(listing.hasFocus)
    focused[listing] = _edge(listing)
    unfocused[left] = _edge(left)
    qtbot.mouseClick(right.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(right.hasFocus)
    focused[right] = _edge(right)
    for widget in (left, right, listing):
        assert ratio(focused[widget], unfocused[widget]) >= FRAME_RATIO, widget.objectName()
