# SPDX-License-Identifier: GPL-3.0-or-later
"""Whether the settings file may be read and written, decided from ``lstat`` before Qt opens it.

``QSettings`` reads its file as soon as it is constructed: a FIFO there hung
start-up for good, and a symbolic link made Qt's save replace the link's
target, wherever it was, with a regular file. So ``ui/files/settings.py`` asks here
first, and opens the file with Qt only when it is a regular file (or absent),
or a link to one in the same folder (a dotfile manager's link within
``~/.config/twofold``). Otherwise the settings live in memory for the session
(``SettingsMemory``): a link to a file elsewhere is read once and never written
through; anything else is not read at all. The user is told why, once.

No ``QSettings`` here (only ``ui/files/settings.py`` touches it): plain ``os`` calls
and a dictionary with the few ``QSettings`` methods ``Settings`` uses.
The kinds of special file are named as ``engine.safe_output`` names outputs.
"""

from __future__ import annotations

import enum
import os
import stat
from dataclasses import dataclass
from typing import Any

from twofold.engine.export.safe_output import special_kind

_DEFAULTS = "Twofold is using its default settings and will not save them."


class FileUse(enum.Enum):
    """What the settings may do with their file this session."""

    #: read and written by Qt: a regular file, a new one, or a link within its folder
    LIVE = "live"
    #: read once, changes kept in memory: a link to a regular file out of the folder
    READ_ONLY = "read-only"
    #: neither read nor written: a FIFO, a device, a folder, a broken link
    UNUSED = "unused"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The use allowed, and the sentence telling the user why it is less than LIVE."""

    use: FileUse
    warning: str | None = None


def vet(path: str) -> Verdict:
    """Decide from ``lstat``/``stat`` alone (nothing is opened) how ``path`` may be used."""
    try:
        own = os.lstat(path)
    except OSError:  # absent (Qt creates it), or a folder we cannot search (Qt says so)
        return Verdict(FileUse.LIVE)
    if stat.S_ISREG(own.st_mode):
        return Verdict(FileUse.LIVE)
    if not stat.S_ISLNK(own.st_mode):
        noun = special_kind(own)
        return Verdict(
            FileUse.UNUSED, f"The settings file is {noun}, not a regular file; {_DEFAULTS}"
        )
    inside = os.path.dirname(os.path.realpath(path)) == os.path.realpath(os.path.dirname(path))
    try:
        target = os.stat(path)
    except OSError:
        if inside and not os.path.exists(os.path.realpath(path)):
            return Verdict(FileUse.LIVE)  # a link in the folder to a file Qt will create there
        return Verdict(FileUse.UNUSED, f"The settings file is a broken link; {_DEFAULTS}")
    if not stat.S_ISREG(target.st_mode):
        noun = special_kind(target)
        return Verdict(FileUse.UNUSED, f"The settings file is a link to {noun}; {_DEFAULTS}")
    if inside:
        return Verdict(FileUse.LIVE)
    return Verdict(
        FileUse.READ_ONLY,
        "The settings file is a link to a file outside its folder; Twofold reads it "
        "but will not save changes through it.",
    )


class SettingsMemory:
    """The settings of one session, in memory: the ``QSettings`` calls ``Settings`` makes.

    The method names are ``QSettings``' own (camelCase), so ``Settings`` uses either.

    Args:
        values: what was read (key to value, as ``QSettings.value`` gave it).
        file_name: the file they came from, for messages.
        status: the ``QSettings.Status`` of that read.
    """

    def __init__(self, values: dict[str, Any], file_name: str, status: Any) -> None:
        self._values, self._file_name, self._status = dict(values), file_name, status

    def allKeys(self) -> list[str]:
        return list(self._values)

    def status(self) -> Any:
        return self._status

    def fileName(self) -> str:
        return self._file_name

    def contains(self, key: str) -> bool:
        return key in self._values

    def value(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def setValue(self, key: str, value: Any) -> None:
        self._values[key] = value

    def remove(self, key: str) -> None:
        self._values.pop(key, None)

    def clear(self) -> None:
        self._values.clear()

    def sync(self) -> None:
        """Nothing to write: these settings end with the session."""
