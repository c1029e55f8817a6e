# SPDX-License-Identifier: GPL-3.0-or-later
"""Twofold's one-colour icons, tinted with the palette's text colour and re-tinted with it.

Why not the style's standard icons: Fusion draws its arrows black whatever the
palette, so on a dark palette the toolbar's Next all but vanished. Why not the
desktop icon theme (``QIcon.fromTheme``): it follows the desktop's colours, not
the palette the application was given, and is missing where there is no desktop
(Windows, macOS, a bare X session). So each toolbar icon is an SVG under
``resources/icons`` whose shape only is used: its opaque pixels are painted in the
palette's button text colour, which the theme already keeps readable on the bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QWidget

#: pixel sizes drawn for each icon: menus, toolbars, and twice those for high-DPI screens
_SIZES = (16, 22, 24, 32, 48, 64)


def _tinted(shape: QIcon, size: int, colour: QColor) -> QPixmap:
    """``shape`` drawn at ``size`` pixels, every pixel's colour replaced by ``colour``."""
    pixmap = shape.pixmap(QSize(size, size))
    painter = QPainter(pixmap)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(pixmap.rect(), colour)
    painter.end()
    return pixmap


def tinted_icon(path: Path, palette: QPalette) -> QIcon:
    """The SVG at ``path`` in ``palette``'s button text colour, and its disabled one when off."""
    shape = QIcon(str(path))
    icon = QIcon()
    for mode, group in (
        (QIcon.Mode.Normal, QPalette.ColorGroup.Active),
        (QIcon.Mode.Active, QPalette.ColorGroup.Active),
        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled),
    ):
        colour = palette.color(group, QPalette.ColorRole.ButtonText)
        for size in _SIZES:
            icon.addPixmap(_tinted(shape, size, colour), mode)
    return icon


class IconTint(QObject):
    """Keeps the tinted icons of ``widget``'s actions in its palette's colours.

    Watches ``widget`` (the window) for palette changes, as ``ThemeWatcher`` does, so
    a switch between light and dark at run time re-tints the toolbar and the menus.
    """

    def __init__(self, widget: QWidget, files: dict[QAction, Path]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._files = files
        self.retint()
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        palette_events = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if watched is self._widget and event.type() in palette_events:
            self.retint()
        return False

    def retint(self) -> None:
        """Tint every icon again with the widget's current palette."""
        palette = self._widget.palette()
        for action, path in self._files.items():
            action.setIcon(tinted_icon(path, palette))
