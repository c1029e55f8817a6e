# SPDX-License-Identifier: GPL-3.0-or-later
"""Every toolbar icon reads on the toolbar, in a light and in a dark palette.

The QA report: with Fusion and a dark palette the style's arrows stayed black,
and the Next arrow all but vanished. An icon is a graphical object the user must
see (WCAG 1.4.11), so its ink (its opaque pixels) must reach 3:1 against the
toolbar's background, whatever palette the application was started with or
switched to while running.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication, QToolBar
from pytestqt.qtbot import QtBot

from qt_helpers import TunedWindow, compare_and_wait
from twofold.ui.main_window import MainWindow
from twofold.ui.theme import GRAPHIC_CONTRAST, contrast

#: the toolbar buttons with an icon; any other icon the toolbar gains is checked too
ICONED = {"open", "reload", "export_report", "previous_change", "next_change"}


def _palette(window: QColor, text: QColor, base: QColor) -> QPalette:
    """A whole palette as a dark-theme script or a desktop would set it (button text is text)."""
    light, dark, mid = window.lighter(150), window.darker(150), window.darker(120)
    colours = (text, window, light, dark, mid, text, QColor("white"), base, window)
    return QPalette(*(QBrush(colour) for colour in colours))


PALETTES = {
    "dark": _palette(QColor(53, 53, 53), QColor(230, 230, 230), QColor(35, 35, 35)),
    "light": _palette(QColor(239, 239, 239), QColor(20, 20, 20), QColor(255, 255, 255)),
}


@pytest.fixture
def fusion() -> Iterator[QApplication]:
    """Fusion, as the QA pass ran it; the application's own style and palette afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style, palette = app.style().name(), QGuiApplication.palette()
    app.setStyle("Fusion")
    yield app
    app.setStyle(style)
    app.setPalette(palette)


def _ink(icon: QIcon, bar: QToolBar) -> list[QColor]:
    """The icon's opaque pixels as the toolbar draws it (its size, enabled)."""
    image = icon.pixmap(bar.iconSize()).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    pixels = (image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width()))
    return [p for p in pixels if p.alpha() >= 250]


def _check_icons(win: MainWindow) -> None:
    bar = win.findChild(QToolBar, "optionsToolBar")
    assert bar is not None
    back = bar.palette().color(bar.backgroundRole())
    iconed = {a.objectName().removeprefix("action_"): a for a in bar.actions()}
    iconed = {name: a for name, a in iconed.items() if not a.icon().isNull()}
    assert iconed.keys() >= ICONED
    for name, action in iconed.items():
        assert action.isEnabled(), name
        ink = _ink(action.icon(), bar)
        area = bar.iconSize().width() * bar.iconSize().height()
        assert len(ink) >= area // 10, f"{name}: hardly any ink"
        faintest = min(contrast(colour, back) for colour in ink)
        assert faintest >= GRAPHIC_CONTRAST, f"{name}: {faintest:.2f}:1 on the toolbar"


@pytest.mark.parametrize("name", PALETTES)
def test_toolbar_icons_read_in_the_palette_the_window_starts_with(
    qtbot: QtBot,
    fusion: QApplication,
    tuned_window: TunedWindow,
    demo: tuple[Path, Path],
    name: str,
) -> None:
    fusion.setPalette(PALETTES[name])
    win = tuned_window()
    compare_and_wait(qtbot, win, *demo)
    _check_icons(win)


def test_toolbar_icons_follow_a_switch_to_dark_while_running(
    qtbot: QtBot, fusion: QApplication, tuned_window: TunedWindow, demo: tuple[Path, Path]
) -> None:
    fusion.setPalette(PALETTES["light"])
    win = tuned_window()
    compare_and_wait(qtbot, win, *demo)
    _check_icons(win)
    fusion.setPalette(PALETTES["dark"])
    qtbot.waitUntil(lambda: win.palette().color(QPalette.ColorRole.Window) == QColor(53, 53, 53))
    _check_icons(win)
