# SPDX-License-Identifier: GPL-3.0-or-later
"""The colours of syntax tokens, one palette for light themes and one for dark.

Only the text's colour (and italics for comments) is set: the backgrounds
belong to the diff, whose paragraph tints, word highlights and find's matches
are painted under or over the text, so a change stays visible in any colour.
The hues avoid pure red and green, which mean deleted and inserted here.

Each colour is checked against the theme's base: where it reads at less than
``MIN_CONTRAST`` (a high-contrast or unusual palette) it is drawn toward the
theme's own text colour until it does, so colouring never costs readability.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

from twofold.engine.view.syntax import TokenKind
from twofold.ui.theme import Theme, blend

#: WCAG's contrast for normal text; the palettes below meet it on white and on #1e1e1e
MIN_CONTRAST = 4.5

_LIGHT: dict[TokenKind, str] = {
    TokenKind.KEYWORD: "#0033b3",
    TokenKind.TYPE: "#00677a",
    TokenKind.BUILTIN: "#7a3e9d",
    TokenKind.DEFINITION: "#00627a",
    TokenKind.DECORATOR: "#7d5a00",
    TokenKind.STRING: "#8a4600",
    TokenKind.NUMBER: "#1750eb",
    TokenKind.COMMENT: "#5f6670",
    TokenKind.PREPROCESSOR: "#7d5a00",
    TokenKind.TAG: "#0033b3",
    TokenKind.ATTRIBUTE: "#6f42c1",
}

_DARK: dict[TokenKind, str] = {
    TokenKind.KEYWORD: "#82b8ff",
    TokenKind.TYPE: "#4ec9b0",
    TokenKind.BUILTIN: "#d7a0e0",
    TokenKind.DEFINITION: "#e0dca0",
    TokenKind.DECORATOR: "#dcbc80",
    TokenKind.STRING: "#e0a080",
    TokenKind.NUMBER: "#b5cea8",
    TokenKind.COMMENT: "#98a1ab",
    TokenKind.PREPROCESSOR: "#dcbc80",
    TokenKind.TAG: "#82b8ff",
    TokenKind.ATTRIBUTE: "#a8dcff",
}


def contrast(one: QColor, other: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(colour: QColor, theme: Theme) -> QColor:
    """``colour``, or the least step toward the theme's text colour that reads on its base."""
    step = 0.0
    shown = colour
    while contrast(shown, theme.base) < MIN_CONTRAST and step < 1.0:
        step = min(1.0, step + 0.1)
        shown = blend(colour, theme.text, step)
    return shown


def syntax_formats(theme: Theme) -> dict[TokenKind, QTextCharFormat]:
    """The character format of each token kind under ``theme``."""
    palette = _DARK if theme.dark else _LIGHT
    formats: dict[TokenKind, QTextCharFormat] = {}
    for kind, name in palette.items():
        fmt = QTextCharFormat()
        fmt.setForeground(readable(QColor(name), theme))
        if kind is TokenKind.COMMENT:
            fmt.setFontItalic(True)  # italics keep a fixed font's advance; bold may not
        formats[kind] = fmt
    return formats
