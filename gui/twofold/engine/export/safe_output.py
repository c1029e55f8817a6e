# SPDX-License-Identifier: GPL-3.0-or-later
"""Every file Twofold writes: refused if it is a compared file, written whole or not at all.

A diff tool must never destroy what it compares. ``twofold --screenshot b.txt
a.txt b.txt`` used to truncate ``b.txt`` before failing, and a report written
over a link to A replaced A. So every writer (``--report``, ``--screenshot``,
File ▸ Export, the settings' backup copy, and saving an edited file later)
goes through this module:

* ``check_output`` refuses, before anything is opened for writing, an output
  that is one of the inputs by identity (device and inode after resolving
  links: a second name, a symbolic link and a hard link are all caught), and
  anything but a regular file or a new name (a FIFO would block the write
  forever, a device or a folder cannot hold a report).
* ``write_atomic`` writes the bytes to a new temporary file beside the target,
  gives it the mode of the file it replaces, ``fsync``\\s it and renames it over
  the target; on any failure the temporary file is removed. A full disk or a
  crash therefore leaves the old file or the new one, never a truncated one.

Decisions a caller should know:

* **A symbolic link as the output is followed**, as the shell's ``>`` and
  editors do: the link stays and its target gets the new bytes (the temporary
  file is made beside the target, so the rename stays on one file system).
  A link to one of the inputs is refused like the input itself; a dangling
  link creates its target. ``follow_links=False`` replaces the link itself
  instead, for files that must stay inside one folder (the settings' backup).
* **A file with several hard links** gets a new inode: the name written shows
  the new bytes, the other names keep the old ones (as with editors' atomic
  saves); writing in place is what risks a truncated file.
* **A read-only file is not replaced**, although the rename could: that is
  what a plain write would do, and the mode says the user wants it kept.
* The mode (and, where allowed, owner and group) of a replaced file is kept;
  a new file gets ``0o666`` less the umask, as ``open()`` gives. The bytes are
  the caller's: encoding, BOM and newlines are decided before (issue 21's save
  of an edited file encodes, then calls ``write_atomic`` with no inputs).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterable

from twofold.engine.errors import TwofoldError

#: what may name an input or an output
PathLike = str | os.PathLike[str]

#: how sentences name each kind of file that is not a regular one
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)

#: why a write failed, in words; anything else uses the system's own
_REASONS = {
    errno.ENOENT: "its folder does not exist",
    errno.ENOTDIR: "its folder does not exist",
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
    getattr(errno, "EDQUOT", errno.ENOSPC): "the disk quota is used up",
    errno.ENOSPC: "the disk is full",
    errno.EROFS: "the file system is read-only",
    errno.ENAMETOOLONG: "its name is too long",
    errno.ELOOP: "it is a symbolic link that leads back to itself",
}


class OutputError(TwofoldError):
    """An output cannot be written where asked; the message is one sentence naming it."""


def check_output(path: PathLike, inputs: Iterable[PathLike | None] = (), name: str = "") -> None:
    """Refuse ``path`` as an output if it is one of ``inputs`` or not a regular file.

    Opens nothing: ``stat`` only, so a FIFO is refused without blocking.

    Args:
        path: where the output would go.
        inputs: the compared files (None entries are skipped: an unsaved side).
        name: how the sentence names the output; ``path`` as given by default.

    Raises:
        OutputError: with the sentence to show.
    """
    name = name or os.fspath(path)
    try:
        info = os.stat(path)  # through links: what would be written
    except FileNotFoundError:
        return  # a new name, or a dangling link: no input can be there
    except OSError as exc:
        raise _write_error(exc, name) from None
    kind = special_kind(info)
    if kind is not None:
        only = "Twofold writes only regular files"
        raise OutputError(f'"{name}" is {kind}, not a regular file; {only}.')
    if any(_same_file(info, given) for given in inputs if given is not None):
        raise OutputError(f'"{name}" is one of the compared files.')


def special_kind(info: os.stat_result) -> str | None:
    """What a file that is not a regular one is, for a sentence ("a pipe"); None if regular."""
    if stat.S_ISREG(info.st_mode):
        return None
    for test, noun in _KINDS:
        if test(info.st_mode):
            return noun
    return "a special file"


def _same_file(info: os.stat_result, other: PathLike) -> bool:
    try:
        mine = os.stat(other)
    except OSError:  # a missing input cannot be overwritten
        return False
    return (mine.st_dev, mine.st_ino) == (info.st_dev, info.st_ino)


def write_atomic(
    path: PathLike,
    data: bytes,
    *,
    inputs: Iterable[PathLike | None] = (),
    name: str = "",
    follow_links: bool = True,
) -> None:
    """Check ``path`` (``check_output``), then replace it with ``data`` in one rename.

    Args:
        path: the file to write; see the module docstring for links.
        data: the whole content, already encoded.
        inputs: files that must not be overwritten (checked by identity).
        name: how sentences name the output; ``path`` as given by default.
        follow_links: write a link's target (True) or replace the link itself.

    Raises:
        OutputError: refused or failed; the target is as it was.
    """
    name = name or os.fspath(path)
    check_output(path, inputs, name)
    target = os.path.realpath(path) if follow_links else os.path.abspath(path)
    old = _existing(target, name)
    temp = _create_temp(target, name)
    try:
        _fill(temp, data, old)
        os.replace(temp, target)
    except OSError as exc:
        _remove(temp)
        raise _write_error(exc, name) from None
    except BaseException:
        _remove(temp)
        raise
    _sync_folder(os.path.dirname(target))


def _existing(target: str, name: str) -> os.stat_result | None:
    """The file about to be replaced (None if new); refuse one the user made read-only."""
    try:
        info = os.lstat(target)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):  # a link replaced with follow_links=False
        return None
    if not os.access(target, os.W_OK):
        raise OutputError(f'"{name}" cannot be written: it is read-only.')
    return info


def _create_temp(target: str, name: str) -> str:
    """A new, empty file beside ``target``; its mode is 0o666 less the umask, as open() gives."""
    folder, base = os.path.split(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temp = os.path.join(folder, f".{base}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(temp, flags, 0o666))
        except FileExistsError:
            continue
        except OSError as exc:
            raise _write_error(exc, name) from None
        return temp
    raise OutputError(f'"{name}" cannot be written: no free temporary name beside it.')


def _fill(temp: str, data: bytes, old: os.stat_result | None) -> None:
    """Write, give the replaced file's mode and owner, and flush to the disk."""
    with open(temp, "wb") as out:
        out.write(data)
        out.flush()
        if old is not None:
            os.chmod(temp, stat.S_IMODE(old.st_mode))
            _keep_owner(out.fileno(), old)
        os.fsync(out.fileno())


def _keep_owner(fd: int, old: os.stat_result) -> None:
    """Owner and group of the replaced file where the system allows (root, or one's own group)."""
    if not hasattr(os, "fchown"):
        return
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) == (old.st_uid, old.st_gid):
        return
    with contextlib.suppress(OSError):
        os.fchown(fd, old.st_uid, old.st_gid)
    with contextlib.suppress(OSError):
        os.fchown(fd, -1, old.st_gid)


def _remove(temp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable; best effort (not every system opens a folder)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_error(exc: OSError, name: str) -> OutputError:
    return OutputError(f'"{name}" cannot be written: {write_failure(exc)}.')


def write_failure(exc: OSError) -> str:
    """Why a write failed, in words a reader knows ("the disk is full"), without a full stop."""
    reason = _REASONS.get(exc.errno or 0) or (exc.strerror or type(exc).__name__).lower()
    return reason.rstrip(".")
