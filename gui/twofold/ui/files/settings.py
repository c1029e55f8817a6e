# SPDX-License-Identifier: GPL-3.0-or-later
"""The only place that touches ``QSettings``, and the reason a bad INI file never crashes us.

Options are declared once (key, type, default, allowed values). Preferences
(wrap, zoom, font, comparison options) are kept apart from window state
(geometry, splitter), as Picard's ``config.py`` separates ``setting`` from
``persist``. INI format, user scope.

Why the checking: the file lives in the user's home, where other programs, sync
tools, disk errors and hand edits can put anything in it. Everything read back
is validated against its declaration when the settings are opened; a file Qt
cannot parse is copied aside and reset, a wrong value is dropped, and the user
is told once (``take_warning``) instead of seeing a traceback at start-up.
"""

from __future__ import annotations

import contextlib
import enum
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QFont

from twofold.engine.export.safe_output import OutputError, write_atomic
from twofold.engine.result.kinds import Granularity, Unit
from twofold.engine.result.model import CompareOptions
from twofold.ui.files.settings_file import FileUse, SettingsMemory, vet

log = logging.getLogger(__name__)

#: the zoom steps the window allows; a stored value outside them is damage
ZOOM_RANGE = range(-6, 25)
#: how many recent comparisons are kept
MAX_RECENT = 10
#: where the recent comparisons live: a JSON list of ``[left, right]`` pairs
#: (JSON rather than a QStringList so commas and non-ASCII paths round-trip)
RECENT_KEY = "history/recent_comparisons"
#: said when the settings file is one of the compared files: nothing is written to it then
NOT_SAVED_WHILE_COMPARED = "Settings are not saved while the settings file itself is compared."


@dataclass(frozen=True, slots=True)
class Option:
    """One stored value: where it lives, what it is, what it is when absent or invalid."""

    key: str
    type: type
    default: Any
    #: extra check on a value of the right type (a range, say); None accepts all
    valid: Callable[[Any], bool] | None = None


class ChangeLines(enum.Enum):
    """Whether deleted words are struck through and inserted ones underlined."""

    #: on in a high-contrast desktop theme, off otherwise
    AUTO = "auto"
    ON = "on"
    OFF = "off"


#: wrap long lines of prose (paragraph mode)
WORD_WRAP = Option("preferences/word_wrap", bool, True)
#: wrap long lines of code and data (line mode): off, so lines keep their shape
CODE_WRAP = Option("preferences/code_wrap", bool, False)
#: find's toggles: match case, whole words, regular expression
FIND_CASE = Option("preferences/find_case", bool, False)
FIND_WORDS = Option("preferences/find_words", bool, False)
FIND_REGEX = Option("preferences/find_regex", bool, False)
ZOOM = Option("preferences/zoom", int, 0, valid=lambda zoom: zoom in ZOOM_RANGE)
SIDEBAR = Option("preferences/sidebar_visible", bool, True)
#: the changes list's width as last dragged (device-independent pixels)
SIDEBAR_WIDTH = Option("window/sidebar_width", int, 280, valid=lambda width: 120 <= width <= 4000)
#: the panes' font as ``QFont.toString()``; empty means the system's (prose or fixed)
FONT = Option("preferences/font", str, "", valid=lambda text: not text or QFont().fromString(text))
CHANGE_LINES = Option("preferences/change_lines", ChangeLines, ChangeLines.AUTO)
GEOMETRY = Option("window/geometry", QByteArray, QByteArray())
SPLITTER = Option("window/splitter", QByteArray, QByteArray())

#: the comparison options the window remembers, by ``CompareOptions`` field name; the
#: limits (timeouts, thresholds) are not user settings and keep their defaults
COMPARE_OPTIONS: dict[str, Option] = {
    "unit": Option("compare/unit", Unit, Unit.AUTO),
    "granularity": Option("compare/granularity", Granularity, Granularity.WORD),
    "ignore_whitespace": Option("compare/ignore_whitespace", bool, False),
    "ignore_case": Option("compare/ignore_case", bool, False),
    "ignore_typography": Option("compare/ignore_typography", bool, False),
    "strip_trailing_cr": Option("compare/strip_trailing_cr", bool, False),
    "ignore_blank_lines": Option("compare/ignore_blank_lines", bool, False),
}

#: every declared option, checked when the settings are opened
OPTIONS: tuple[Option, ...] = (
    WORD_WRAP,
    CODE_WRAP,
    FIND_CASE,
    FIND_WORDS,
    FIND_REGEX,
    ZOOM,
    SIDEBAR,
    SIDEBAR_WIDTH,
    FONT,
    CHANGE_LINES,
    GEOMETRY,
    SPLITTER,
    *COMPARE_OPTIONS.values(),
)

_TRUE, _FALSE = ("true", "1", "yes"), ("false", "0", "no")


class _InvalidValueError(Exception):
    """A stored value that does not fit its option."""


def _coerce(option: Option, raw: object) -> Any:
    """``raw`` as read from the INI file, as ``option.type``; raises ``_InvalidValueError``.

    INI values come back as strings (Qt only keeps ``@ByteArray`` and friends
    typed), so bools, ints and enums are parsed here, strictly: ``maybe`` is not
    a bool, and ``banana`` is not a zoom level.
    """
    kind = option.type
    value: Any = raw
    if kind is bool and isinstance(raw, str):
        if raw.lower() not in (*_TRUE, *_FALSE):
            raise _InvalidValueError(raw)
        value = raw.lower() in _TRUE
    elif kind is int and isinstance(raw, str):
        try:
            value = int(raw)
        except ValueError:
            raise _InvalidValueError(raw) from None
    elif issubclass(kind, enum.Enum):
        try:
            value = kind(raw)
        except ValueError:
            raise _InvalidValueError(raw) from None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _InvalidValueError(raw)
    if option.valid is not None and not option.valid(value):
        raise _InvalidValueError(raw)
    return value


def _parse_recent(raw: object) -> list[tuple[str, str]]:
    """The stored recent list, or ``_InvalidValueError`` if it is not a JSON list of path pairs."""
    try:
        data = json.loads(raw) if isinstance(raw, str) else None
    except ValueError:
        raise _InvalidValueError(raw) from None
    if not isinstance(data, list):
        raise _InvalidValueError(raw)
    pairs: list[tuple[str, str]] = []
    for entry in data:
        if not (isinstance(entry, list) and len(entry) == 2):
            raise _InvalidValueError(raw)
        if not all(isinstance(path, str) and path for path in entry):
            raise _InvalidValueError(raw)
        pairs.append((entry[0], entry[1]))
    return pairs


#: an organisation with no settings file, whose path shows where Qt keeps the user's
_PROBE = ("twofold-path-probe", "probe")


def user_settings_path() -> str:
    """Where Qt keeps the user's INI file, found without Qt opening it.

    ``QSettings(IniFormat, UserScope, "twofold", "twofold")`` reads the file (and
    the organisation-wide ``twofold.ini`` beside its folder) as it is built: a FIFO
    there hangs. A probe for a name that has no file gives the folder Qt uses
    (``XDG_CONFIG_HOME``, ``QSettings.setPath``, the platform's own place).
    """
    probe = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, *_PROBE)
    base = os.path.dirname(os.path.dirname(probe.fileName()))
    return os.path.join(base, "twofold", "twofold.ini")


def _is_compared(path: str, inputs: tuple[str | None, ...]) -> bool:
    """True if ``path`` is one of ``inputs`` by identity, through links (as ``safe_output``).

    Only identity: a settings file that is not a regular one is ``vet``'s business
    (``check_output`` refuses both, and would call a FIFO "compared").
    """
    for given in inputs:
        if given is None:
            continue
        with contextlib.suppress(OSError):  # a missing file is no settings file
            if os.path.samefile(path, given):  # stat only: never opens, never blocks
                return True
    return False


def _snapshot(qs: QSettings | SettingsMemory) -> SettingsMemory:
    """What ``qs`` holds, in memory; ``qs`` is not changed, so it writes nothing."""
    values: dict[str, Any] = {}
    for key in qs.allKeys():
        try:
            values[key] = qs.value(key)
        except Exception:  # a variant PySide cannot convert: as if it were absent
            continue
    return SettingsMemory(values, qs.fileName(), qs.status())


class Settings:
    """Typed, validated access to the declared options and the recent comparisons.

    Args:
        settings: a ready ``QSettings`` (tests); the user's file when None.
        path: the INI file to use instead of the user's.
        persist: False reads the file but never writes it (``--screenshot``).
        inputs: the files about to be compared; if the settings file is one of
            them, it is read but not written (like any output, ``safe_output``).
    """

    def __init__(
        self,
        settings: QSettings | None = None,
        *,
        path: str | None = None,
        persist: bool = True,
        inputs: tuple[str | None, ...] = (),
    ) -> None:
        self._warnings: list[str] = []
        if settings is None:
            settings_path = path or user_settings_path()
            if persist and _is_compared(settings_path, inputs):
                persist = False
                self._warn(NOT_SAVED_WHILE_COMPARED, settings_path)
            self._qs = self._open(settings_path, persist=persist)
        else:
            self._qs = settings
        self._check_file()
        self._check_values()

    # ----- opening -------------------------------------------------------------------------

    def _open(self, path: str, *, persist: bool) -> QSettings | SettingsMemory:
        """The file if it is safe to use (``settings_file.vet``), else the session's memory."""
        verdict = vet(path)
        if verdict.warning:
            self._warn(verdict.warning, path)
        if verdict.use is FileUse.UNUSED:
            return SettingsMemory({}, path, QSettings.Status.NoError)
        live = QSettings(path, QSettings.Format.IniFormat)  # one file, no fallbacks
        if verdict.use is FileUse.LIVE and persist:
            return live
        return _snapshot(live)

    def _check_file(self) -> None:
        """Reset a file Qt cannot parse (after keeping a copy); note one it cannot read."""
        self._qs.allKeys()  # QSettings parses lazily; this makes status() meaningful
        status = self._qs.status()
        if status is QSettings.Status.AccessError:
            self._warn("The settings file cannot be read; Twofold is using its default settings.")
        elif status is QSettings.Status.FormatError:
            kept = self._keep_copy()
            self._qs.clear()
            where = f" (the damaged file was kept as {kept})" if kept else ""
            self._warn(f"The settings file was damaged and has been reset to defaults{where}.")

    def _keep_copy(self) -> str | None:
        """Copy the damaged file aside so a hand-edited setting is not lost for good.

        Written like every output (``safe_output``), and never through a link: a
        ``.damaged`` link planted in the folder is replaced, not followed.
        """
        if isinstance(self._qs, SettingsMemory):
            return None  # these settings write nothing, a copy included
        path = self._qs.fileName()
        backup = f"{path}.damaged"
        try:
            with open(path, "rb") as damaged:  # vetted: a regular file
                data = damaged.read()
            write_atomic(backup, data, follow_links=False)
        except (OSError, OutputError) as exc:
            log.warning("could not keep a copy of %s: %s", path, exc)
            return None
        return os.path.basename(backup)

    def _check_values(self) -> None:
        """Drop every stored value that does not fit its declaration, and say which."""
        bad = [option.key for option in OPTIONS if not self._check(option.key, option)]
        if not self._check(RECENT_KEY, None):
            bad.append(RECENT_KEY)
        if bad:
            names = ", ".join(bad)
            self._warn(f"Some settings were invalid and have been reset to defaults: {names}.")

    def _check(self, key: str, option: Option | None) -> bool:
        """True if ``key`` is absent or valid; an invalid value is removed."""
        if not self._qs.contains(key):
            return True
        try:
            raw = self._qs.value(key)
            if option is None:
                _parse_recent(raw)
            else:
                _coerce(option, raw)
        except Exception:  # _InvalidValueError, or a QVariant PySide cannot convert
            self._qs.remove(key)
            return False
        return True

    def _warn(self, message: str, path: str | None = None) -> None:
        log.warning("%s (%s)", message, path or self._qs.fileName())
        self._warnings.append(message)

    def take_warning(self) -> str | None:
        """What went wrong while opening the settings, once; None if nothing did."""
        text = " ".join(self._warnings) or None
        self._warnings.clear()
        return text

    # ----- options -------------------------------------------------------------------------

    def get(self, option: Option) -> Any:
        """The stored value of ``option``, or its default if absent or invalid."""
        if not self._qs.contains(option.key):
            return option.default
        try:
            return _coerce(option, self._qs.value(option.key))
        except Exception:
            log.warning("ignoring the invalid setting %s", option.key)
            return option.default

    def set(self, option: Option, value: Any) -> None:
        self._qs.setValue(option.key, value.value if isinstance(value, enum.Enum) else value)

    def sync(self) -> None:
        self._qs.sync()

    # ----- comparison options --------------------------------------------------------------

    def compare_options(self, base: CompareOptions | None = None) -> CompareOptions:
        """``base`` (or the defaults) with the stored comparison options applied."""
        stored = {name: self.get(option) for name, option in COMPARE_OPTIONS.items()}
        return replace(base or CompareOptions(), **stored)

    def set_compare_option(self, name: str, value: Any) -> None:
        """Store one comparison option by its ``CompareOptions`` field name."""
        self.set(COMPARE_OPTIONS[name], value)

    # ----- recent comparisons --------------------------------------------------------------

    def recent_comparisons(self) -> list[tuple[str, str]]:
        """The last comparisons, newest first, without those whose files are gone."""
        try:
            pairs = _parse_recent(self._qs.value(RECENT_KEY, "[]"))
        except Exception:
            return []
        return [pair for pair in pairs if all(os.path.isfile(path) for path in pair)]

    def add_recent_comparison(self, left: str | None, right: str | None) -> None:
        """Put ``left``/``right`` first in the recent list, bounded to ``MAX_RECENT``."""
        if not left or not right:
            return
        self._stop_writing_if_compared(left, right)
        pair = (os.path.abspath(left), os.path.abspath(right))
        pairs = [pair, *(p for p in self.recent_comparisons() if p != pair)][:MAX_RECENT]
        self._qs.setValue(RECENT_KEY, json.dumps([list(p) for p in pairs]))

    def clear_recent_comparisons(self) -> None:
        self._qs.remove(RECENT_KEY)

    def _stop_writing_if_compared(self, left: str, right: str) -> None:
        """Keep the settings in memory from now on if their file is being compared.

        Like every output, the settings file is checked against the inputs by
        identity (device and inode, as ``safe_output`` does): saving the recent
        list into the very file on screen would change it under the comparison.
        """
        if not isinstance(self._qs, SettingsMemory) and _is_compared(
            self._qs.fileName(), (left, right)
        ):
            self._qs = _snapshot(self._qs)
            self._warn(NOT_SAVED_WHILE_COMPARED)  # the window shows it: not only in the log
