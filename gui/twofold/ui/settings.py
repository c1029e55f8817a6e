# SPDX-License-Identifier: GPL-3.0-or-later
"""The only place that touches ``QSettings``.

Options are declared once (key, type, default). Preferences (wrap, zoom) are
kept apart from window state (geometry, splitter), as Picard's ``config.py``
separates ``setting`` from ``persist``. INI format, user scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True, slots=True)
class Option:
    """One stored value: where it lives, what it is, what it is when absent."""

    key: str
    type: type
    default: Any


WORD_WRAP = Option("preferences/word_wrap", bool, True)
ZOOM = Option("preferences/zoom", int, 0)
SIDEBAR = Option("preferences/sidebar_visible", bool, True)
GEOMETRY = Option("window/geometry", QByteArray, QByteArray())
SPLITTER = Option("window/splitter", QByteArray, QByteArray())


class Settings:
    """Typed access to the declared options."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._qs = settings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "twofold", "twofold"
        )

    def get(self, option: Option) -> Any:
        value = self._qs.value(option.key, option.default)
        if option.type is bool and isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        if option.type is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return option.default
        return value if isinstance(value, option.type) else option.default

    def set(self, option: Option, value: Any) -> None:
        self._qs.setValue(option.key, value)

    def sync(self) -> None:
        self._qs.sync()
