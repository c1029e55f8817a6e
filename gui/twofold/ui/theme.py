# SPDX-License-Identifier: GPL-3.0-or-later
"""Colours for change kinds, derived from the palette so light and dark themes both work.

Each kind has a hue; tints are that hue blended into the palette's base colour,
more strongly on a dark base (a pale wash is invisible there). Text keeps the
palette's own colour, so contrast is whatever the theme already guarantees.

``ThemeWatcher`` re-derives the colours when the light/dark switch happens at
run time: on the window's ``PaletteChange``/``ApplicationPaletteChange``, and on
``QStyleHints.colorSchemeChanged`` (Qt 6.5+), which some platforms send without
a palette event reaching the window first.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from twofold.engine.result.kinds import PairKind

_HUES: dict[PairKind, QColor] = {
    PairKind.CHANGED: QColor(66, 133, 244),
    PairKind.INSERTED: QColor(46, 160, 67),
    PairKind.DELETED: QColor(218, 54, 51),
    PairKind.MOVED: QColor(163, 92, 224),
    PairKind.EQUAL: QColor(128, 128, 128),
}

_HIDDEN_HUE = QColor(214, 0, 148)

#: the gutter and sidebar sign per kind, so colour is never the only cue
SIGNS: dict[PairKind, str] = {
    PairKind.CHANGED: "~",
    PairKind.INSERTED: "+",
    PairKind.DELETED: "\u2212",
    PairKind.MOVED: "\u21c5",
    PairKind.EQUAL: " ",
}

NAMES: dict[PairKind, str] = {
    PairKind.CHANGED: "changed",
    PairKind.INSERTED: "inserted",
    PairKind.DELETED: "deleted",
    PairKind.MOVED: "moved",
    PairKind.EQUAL: "equal",
}


def blend(base: QColor, over: QColor, amount: float) -> QColor:
    """``over`` laid on ``base`` at opacity ``amount``, as an opaque colour."""
    return QColor(
        round(base.red() + (over.red() - base.red()) * amount),
        round(base.green() + (over.green() - base.green()) * amount),
        round(base.blue() + (over.blue() - base.blue()) * amount),
    )


def _luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""

    def linear(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours, from 1 (same) to 21 (black on white)."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


#: WCAG 2 minimums: text (1.4.3) and the parts of a graphic that must be seen (1.4.11)
TEXT_CONTRAST = 4.5
GRAPHIC_CONTRAST = 3.0


def reaching(
    start: QColor, toward: QColor, backgrounds: tuple[QColor, ...], minimum: float
) -> QColor:
    """``start`` moved toward ``toward`` just far enough to reach ``minimum`` on every background.

    Why: a fixed blend that reads on one palette (muted numbers at 45 % of the text
    colour) fell to 3:1 on another; moving only as far as needed keeps the colour
    as quiet as the palette allows. ``toward`` itself when even that falls short.
    """
    steps = 40
    for step in range(steps + 1):
        colour = blend(start, toward, step / steps)
        if min(contrast(colour, back) for back in backgrounds) >= minimum:
            return colour
    return QColor(toward)


def is_dark(palette: QPalette) -> bool:
    """True when the text area's background is dark (lightness below the middle)."""
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


@dataclass(frozen=True, slots=True)
class Theme:
    """Every colour the diff widgets paint with, computed once per palette."""

    dark: bool
    base: QColor
    text: QColor
    muted: QColor
    gutter: QColor
    current: QColor
    #: find's matches: a background painted under the text (``match_paint``), light
    #: enough (or dark enough) for the text colour to read on it
    found: QColor
    #: the stand-ins of hidden characters (``engine.invisibles``): frame and box
    #: unlike anything else in the pane, so a zero-width space or a direction
    #: control stands out even inside a highlighted change
    hidden: QColor
    hidden_back: QColor
    tints: dict[PairKind, QColor]
    words: dict[PairKind, QColor]
    marks: dict[PairKind, QColor]
    overview: dict[PairKind, QColor]

    @classmethod
    def from_palette(cls, palette: QPalette) -> Theme:
        dark = is_dark(palette)
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        window = palette.color(QPalette.ColorRole.Window)
        tint_amount, word_amount = (0.16, 0.42) if dark else (0.10, 0.30)
        gutter = blend(base, window, 0.6)
        tints = {k: blend(base, h, tint_amount) for k, h in _HUES.items()}
        # Line numbers and the list's second line are text; the frame must be seen
        # on the page and on the tint it surrounds.
        muted = reaching(blend(base, text, 0.45), text, (base, gutter), TEXT_CONTRAST)
        amber = QColor(255, 196, 0) if dark else QColor(232, 145, 0)
        current = reaching(amber, text, (base, *tints.values()), GRAPHIC_CONTRAST)
        return cls(
            dark=dark,
            base=base,
            text=text,
            muted=muted,
            gutter=gutter,
            current=current,
            found=blend(base, QColor(255, 196, 0), 0.45 if dark else 0.67),
            hidden=QColor(255, 120, 210) if dark else QColor(176, 0, 118),
            hidden_back=blend(base, _HIDDEN_HUE, 0.35 if dark else 0.16),
            tints=tints,
            words={k: blend(base, h, word_amount) for k, h in _HUES.items()},
            marks={k: blend(base, h, 0.75 if dark else 0.85) for k, h in _HUES.items()},
            overview={k: blend(base, h, 0.55 if dark else 0.5) for k, h in _HUES.items()},
        )

    def word_colour(self, deleted: bool) -> QColor:
        """The highlight of a deleted (left pane) or inserted (right pane) run of words."""
        return self.words[PairKind.DELETED if deleted else PairKind.INSERTED]


class ThemeWatcher(QObject):
    """Follows the system's light/dark palette for one window.

    Signals:
        theme_changed: the palette changed enough to change the colours (the new ``Theme``).
    """

    theme_changed = Signal(object)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.theme = Theme.from_palette(window.palette())
        window.installEventFilter(self)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.on_color_scheme_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        palette_events = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if watched is self._window and event.type() in palette_events:
            self.refresh()
        return False

    @Slot(Qt.ColorScheme)
    def on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        # The new palette is installed after this signal on some platforms: look next turn.
        QTimer.singleShot(0, self, self.refresh)

    def refresh(self) -> None:
        """Re-derive the colours from the window's palette; announce them if they changed."""
        theme = Theme.from_palette(self._window.palette())
        if theme != self.theme:
            self.theme = theme
            self.theme_changed.emit(theme)
