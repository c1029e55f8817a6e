# SPDX-License-Identifier: GPL-3.0-or-later
"""Open a path for comparing without ever blocking, writing or reading past the limit.

Why this is careful: a diff viewer is pointed at whatever a user drops on it, so
opening must never hang (pipes, ``/dev/zero``) and never write. The file's type and
size are checked with ``stat`` before it is opened and again on the open handle.
Every failure is an :class:`InputError` whose message is one sentence naming the
file. The engine is Qt-free, so this module imports no Qt.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from twofold.engine.errors import InputError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "check_path",
    "human_size",
    "read_bounded",
    "read_bytes",
    "read_checked",
]

#: the largest file compared by default; diffing beyond this is not interactive
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
#: Read size for a file that grew between ``fstat`` and the read.
_GROWTH_CHUNK = 1 << 20


def read_bytes(
    path: str | os.PathLike[str],
    label: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> bytes:
    """The file's bytes, undecoded, read as ``load_document`` reads them (checked, never blocking).

    For a file read again later: File ▸ Export diffs the bytes, which the window does not keep.
    """
    fspath = os.fspath(path)
    name = check_path(fspath, label, max_bytes=max_bytes)
    return read_checked(fspath, name, max_bytes)[0]


def check_path(
    path: str | os.PathLike[str],
    label: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> str:
    """Refuse what ``load_document`` would refuse without reading: type, size, existence.

    The window uses it to turn a bad drop down at once, with the same sentence
    the loader would give. Returns the label used in messages.
    """
    fspath = os.fspath(path)
    name = label if label is not None else (os.path.basename(fspath) or fspath)
    info = _stat(fspath, name)
    _check_regular(info, name)
    _check_size(info.st_size, max_bytes, name)
    return name


def _stat(fspath: str, label: str) -> os.stat_result:
    """``os.stat`` following links, with its failures turned into one-sentence errors."""
    try:
        return os.stat(fspath)
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.lexists(fspath):
            raise InputError(f'"{label}" is a link to a file that does not exist.') from None
        raise _os_error(exc, label) from None


def _os_error(exc: OSError, label: str) -> InputError:
    """The user-facing sentence for an OS error, without errno numbers or paths."""
    quoted = f'"{label}"'
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return InputError(f"{quoted} does not exist.")
    if exc.errno == errno.ELOOP:
        return InputError(f"{quoted} is a symbolic link that leads back to itself.")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError(f"{quoted} cannot be read: you do not have permission to open it.")
    if exc.errno == errno.EISDIR:
        return InputError(f"{quoted} is a folder, not a file.")
    if exc.errno == errno.ENAMETOOLONG:
        return InputError(f"{quoted} cannot be opened: its name is too long.")
    reason = (exc.strerror or "unknown error").rstrip(".").lower()
    return InputError(f"{quoted} cannot be read: {reason}.")


def _check_regular(info: os.stat_result, label: str) -> None:
    """Refuse anything but a regular file: reading those hangs, never ends, or is meaningless."""
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        kind = "is a folder, not a file"
    elif stat.S_ISFIFO(mode):
        kind = "is a pipe, not a regular file"
    elif stat.S_ISSOCK(mode):
        kind = "is a socket, not a regular file"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "is a device, not a regular file"
    else:
        kind = "is not a regular file"
    raise InputError(f'"{label}" {kind}.')


def _check_size(size: int, max_bytes: int, label: str) -> None:
    """Refuse files over the limit before reading them into memory."""
    if size > max_bytes:
        raise InputError(
            f'"{label}" is {human_size(size)}; '
            f"Twofold compares files up to {human_size(max_bytes)}."
        )


def human_size(size: int) -> str:
    """``2.0 GB``, ``256 MB``, ``1.5 KB``, ``12 bytes``: what a user reads at a glance."""
    if size < 1024:
        return f"{size} byte" if size == 1 else f"{size} bytes"
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            break
    return f"{value:.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def read_checked(fspath: str, label: str, max_bytes: int) -> tuple[bytes, int]:
    """Read the whole file read-only; re-check it after opening in case it was swapped.

    Returns the bytes and the modification time from the ``fstat`` taken before
    reading (a write during the read then shows as a later time, never an earlier).
    ``O_NONBLOCK`` guarantees that even a FIFO slipped in after the ``stat``
    cannot block the open; the ``fstat`` then refuses it.
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(fspath, flags)
    except OSError as exc:
        raise _os_error(exc, label) from None
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            _check_regular(info, label)
            data = read_bounded(handle, min(info.st_size, max_bytes), max_bytes)
    except OSError as exc:
        raise _os_error(exc, label) from None
    _check_size(len(data), max_bytes, label)  # it may have grown since the stat
    return data, info.st_mtime_ns


def read_bounded(handle: BinaryIO, expected: int, max_bytes: int) -> bytes:
    """Read ``handle`` to the end, but never more than ``max_bytes + 1`` bytes.

    The buffer is sized by ``expected``, what ``fstat`` said (a ``read(max_bytes)``
    would reserve the whole limit up front); a file that grew since is read on in
    chunks, and one byte over the limit tells the caller it is too big.
    """
    data = handle.read(expected + 1)
    if len(data) <= expected:
        return data
    parts = [data]
    total = len(data)
    while total <= max_bytes:
        chunk = handle.read(min(_GROWTH_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


# ------------------------------------------------------------------------ decoding
