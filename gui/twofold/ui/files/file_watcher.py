# SPDX-License-Identifier: GPL-3.0-or-later
"""Notice when a compared file changes or disappears on disk, and offer to reload it.

Why it is more than a ``QFileSystemWatcher``: editors save in many ways. Some
write in place (one or several change events), some write a temporary file and
rename it over the original (the watched inode is gone, so Qt drops the path),
some delete and recreate, and ``touch`` or a checkout may change the time but
not the content. So events only start a single-shot debounce timer; when it
fires, each path is looked at afresh by name (``stat``, and a hash when the
size is unchanged but the time is not), compared with what was loaded (the
``Document``'s size, time and hash of the bytes read, never the file as it was
when watching began: a save during the load stays a change), and re-added to
the watcher if it came back. The parent folders are watched too, because a
file that was deleted has no inode left to watch for its return.

The shown comparison is never touched here: the banner only offers a reload,
and reading a file to hash it opens it read-only (and never a FIFO).
"""

from __future__ import annotations

import enum
import hashlib
import logging
import os
import stat
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from twofold.engine.result.model import DiffResult, Document
from twofold.ui.plain_text import one_line, plain_label
from twofold.ui.theme import blend, is_dark

log = logging.getLogger(__name__)

#: files up to this size are hashed, so a save that changes nothing is ignored;
#: above it, size and modification time decide (hashing would stall the UI)
HASH_LIMIT = 16 * 1024 * 1024
#: how long events must be quiet before the files are looked at
DEBOUNCE_MS = 250
#: a file time this close to the moment it was read cannot vouch for the content
#: (time stamps are coarse: a kernel tick on ext4, 2 s on FAT), so the file is hashed
RACY_NS = 2_000_000_000
#: a burst longer than this many debounce intervals is looked at anyway, so a
#: busy parent folder (a log written many times a second) cannot postpone checks forever
MAX_POSTPONE = 4


class FileStatus(enum.Enum):
    """How a watched file compares with the version on screen."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the engine read of a file, so what the window shows: the reference for every check.

    Taken from the ``Document``, never from the file when watching starts: a save
    that lands between the read and the watch must count as a change (issue #16).
    """

    size: int
    #: modification time when the file was opened; None for a document made by hand
    mtime_ns: int | None = None
    #: ``content_digest`` of the bytes read; None when the engine did not hash them
    digest: bytes | None = None

    @classmethod
    def of(cls, doc: Document) -> Loaded:
        return cls(doc.size_bytes, doc.mtime_ns, doc.digest)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What identifies a file's content without keeping it: its stat and, if small, a hash."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    ctime_ns: int
    digest: bytes | None = None
    #: wall-clock time the stat was taken, to tell a time too recent to vouch for the content
    taken_ns: int = 0

    def same_stat(self, other: Snapshot) -> bool:
        return (self.device, self.inode, self.size, self.mtime_ns, self.ctime_ns) == (
            other.device,
            other.inode,
            other.size,
            other.mtime_ns,
            other.ctime_ns,
        )

    @property
    def racy(self) -> bool:
        """Whether a write in the same clock tick as the last one could leave this stat as is.

        File times are coarse (a kernel tick on ext4, 2 s on FAT), so a same-size save
        just after another can keep size and time: then only the hash tells
        (git's "racily clean" entries).
        """
        return self.mtime_ns >= self.taken_ns - RACY_NS

    def moved_from(self, other: Snapshot) -> bool:
        """Whether this holds other content than ``other`` (without hashes: another stat)."""
        if self.digest is not None and other.digest is not None:
            return self.digest != other.digest
        return not self.same_stat(other)


def _digest(path: str) -> bytes | None:
    """A hash of the file, read-only and non-blocking; None if it cannot be read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            digest = hashlib.blake2b(digest_size=16)
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:  # vanished or unreadable mid-way: size and time decide instead
        return None
    return digest.digest()  # content_digest's hash, read in pieces


def take_snapshot(path: str, *, with_digest: bool = True) -> Snapshot | None:
    """The file's snapshot, or None if it is gone or no longer a regular file."""
    try:
        taken = time.time_ns()
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    digest = _digest(path) if with_digest and info.st_size <= HASH_LIMIT else None
    return Snapshot(
        info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns, digest, taken
    )


def look(path: str, loaded: Loaded, now: Snapshot | None) -> Snapshot | None:
    """``now`` (an unhashed snapshot of ``path``), hashed if size and time cannot settle it."""
    if now is None or now.size != loaded.size or now.size > HASH_LIMIT or loaded.digest is None:
        return now  # gone, a new size, too big to hash here, or nothing to compare a hash with
    if now.mtime_ns == loaded.mtime_ns and not now.racy:
        return now
    return replace(now, digest=_digest(path))


def assess(loaded: Loaded, now: Snapshot | None) -> FileStatus:
    """How the file on disk (``now``, from :func:`look`) compares with what was loaded."""
    if now is None:
        return FileStatus.MISSING
    if now.size != loaded.size:
        return FileStatus.CHANGED
    if loaded.digest is not None and now.digest is not None:
        same = now.digest == loaded.digest
    else:  # not hashed: the time decides, if it is known
        same = loaded.mtime_ns is None or now.mtime_ns == loaded.mtime_ns
    return FileStatus.UNCHANGED if same else FileStatus.CHANGED


class FileWatcher(QObject):
    """Watches files by name and reports when one stops matching what was loaded.

    Signals:
        status_changed: a file's status was (re)assessed after a real change
            (the path and its ``FileStatus``); not emitted for touches.
        looked: a look at the files ended, whatever it found (tests wait on it).
    """

    status_changed = Signal(str, object)
    looked = Signal()

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._loaded: dict[str, Loaded] = {}
        self._seen: dict[str, Snapshot | None] = {}
        self._status: dict[str, FileStatus] = {}
        self._burst_started: float | None = None
        self._watcher.fileChanged.connect(self.on_watcher_changed)
        self._watcher.directoryChanged.connect(self.on_watcher_changed)
        self._timer.timeout.connect(self.check_now)

    @property
    def debounce_ms(self) -> int:
        return self._timer.interval()

    @debounce_ms.setter
    def debounce_ms(self, value: int) -> None:
        self._timer.setInterval(value)

    @property
    def pending(self) -> bool:
        """True while a look at the files waits for a burst of writes to end."""
        return self._timer.isActive()

    def paths(self) -> list[str]:
        return list(self._loaded)

    def status(self, path: str) -> FileStatus:
        return self._status.get(path, FileStatus.UNCHANGED)

    def watch(self, files: Mapping[str, Loaded]) -> None:
        """Watch these files, each against what was loaded of it, instead of the previous ones.

        A change that slipped in between loading and this call is reported at
        once. The engine's digest of the bytes it read spares reading a file
        again here, on the UI thread, unless its size and time moved.
        """
        self.clear()
        for path, loaded in files.items():
            self._loaded[path] = loaded
            now = self._seen[path] = look(path, loaded, take_snapshot(path, with_digest=False))
            self._status[path] = assess(loaded, now)
        self._rewatch()
        for path, status in self._status.items():
            if status is not FileStatus.UNCHANGED:
                self.status_changed.emit(path, status)

    def clear(self) -> None:
        """Stop watching everything (the window shows no files any more)."""
        self._timer.stop()
        self._burst_started = None
        for paths in (self._watcher.files(), self._watcher.directories()):
            if paths:
                self._watcher.removePaths(paths)
        self._loaded.clear()
        self._seen.clear()
        self._status.clear()

    def on_watcher_changed(self, _path: str) -> None:
        """Any event, of a file or a parent folder: wait for the burst to end (within reason)."""
        now = time.monotonic()
        if self._burst_started is None:
            self._burst_started = now
        if now - self._burst_started < MAX_POSTPONE * self._timer.interval() / 1000:
            self._timer.start()  # restart: the burst goes on
        elif not self._timer.isActive():
            self._timer.start()

    def check_now(self) -> None:
        """Look at every watched file by name; report those whose status or content moved.

        Always against what was loaded: a file whose stat has not moved since
        the last look keeps the status it had (an event about another file in
        the folder changes nothing), it is never re-judged against that look.
        """
        self._timer.stop()
        self._burst_started = None
        for path, loaded in self._loaded.items():
            previous = self._seen[path]
            now = take_snapshot(path, with_digest=False)
            unmoved = now is not None and previous is not None and previous.same_stat(now)
            if unmoved and previous is not None and not previous.racy:
                continue  # nothing happened to this file
            now = self._seen[path] = look(path, loaded, now)
            status = assess(loaded, now)
            moved = previous is not None and now is not None and now.moved_from(previous)
            if status is not self._status[path] or (status is FileStatus.CHANGED and moved):
                self._status[path] = status
                self.status_changed.emit(path, status)
        self._rewatch()
        self.looked.emit()

    def _rewatch(self) -> None:
        """(Re-)add every path that exists, and the folders a vanished file may return to."""
        watched_files, watched_dirs = set(self._watcher.files()), set(self._watcher.directories())
        for path in self._loaded:
            if path not in watched_files and os.path.isfile(path):
                self._watcher.addPath(path)
            folder = os.path.dirname(os.path.abspath(path))
            if folder not in watched_dirs and os.path.isdir(folder):
                self._watcher.addPath(folder)
                watched_dirs.add(folder)


class FileChangeBanner(QFrame):
    """The strip that says a shown file changed or vanished, with Reload and Dismiss.

    Non-modal on purpose: the comparison on screen stays usable, and the user
    decides when to reload. It knows nothing of the window: whoever places it
    hands it each result shown (``watch_result``) and acts on ``reload_requested``.

    Signals:
        reload_requested: the user pressed Reload.
    """

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fileChangeBanner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)  # an amber wash: news about the files, not an error
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        amber = blend(base, QColor(230, 160, 30), 0.3 if is_dark(palette) else 0.2)
        palette.setColor(QPalette.ColorRole.Window, amber)
        self.setPalette(palette)
        self.watcher = FileWatcher(self)
        self._labels: dict[str, str] = {}
        self.label = plain_label()  # it names files, and a name may look like HTML
        self.label.setObjectName("fileChangeText")
        self.label.setWordWrap(True)
        self.reload_button = QPushButton("Reload")
        self.reload_button.setToolTip("Compare the files again as they are now (F5)")
        self.dismiss_button = QPushButton("Dismiss")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.dismiss_button)
        self.reload_button.clicked.connect(self.on_reload_clicked)
        self.dismiss_button.clicked.connect(self.hide)
        self.watcher.status_changed.connect(self.on_watcher_status_changed)
        self.hide()

    def watch_result(self, result: DiffResult) -> None:
        """Watch the files of the comparison now shown; forget the previous ones."""
        self.hide()
        files: dict[str, Loaded] = {}
        self._labels = {}
        for doc in (result.a, result.b):
            if doc.path is not None and doc.path not in files:
                files[doc.path] = Loaded.of(doc)
                self._labels[doc.path] = doc.label
        self.watcher.watch(files)

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def on_watcher_status_changed(self, _path: str, _status: FileStatus) -> None:
        """Show the worst news across both files (gone beats changed), or hide."""
        paths = self.watcher.paths()
        missing = [p for p in paths if self.watcher.status(p) is FileStatus.MISSING]
        changed = [p for p in paths if self.watcher.status(p) is FileStatus.CHANGED]
        if missing:
            names = self._names(missing)
            verb = "were" if len(missing) > 1 else "was"
            text = f"{names} {verb} deleted or moved; the comparison shown is kept."
        elif changed:
            text = f"{self._names(changed)} changed on disk."
        else:
            self.hide()
            return
        self.label.setText(text)
        self.reload_button.setVisible(not missing)
        self.show()

    def _names(self, paths: list[str]) -> str:
        return " and ".join(one_line(self._labels.get(p, os.path.basename(p))) for p in paths)

    def on_reload_clicked(self) -> None:
        self.hide()
        self.reload_requested.emit()
