# SPDX-License-Identifier: GPL-3.0-or-later
"""One side of a comparison read from a stream: ``git show HEAD~3:essay.md | twofold - essay.md``.

Why a module of its own: a file is checked by ``stat`` before it is read, a
stream cannot be; it is read to its end, but never past the size limit a file
has (a ``yes |`` would otherwise fill the memory), and then judged as a file's
bytes are: a document by its bytes (a ``--label`` may lend it a suffix), text
decoded. Constraints: no Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import BinaryIO

from twofold.engine.errors import InputError
from twofold.engine.load.decoding import decode_file
from twofold.engine.load.documents.extracted import ReadLimits
from twofold.engine.load.documents.formats import DEFAULT_LIMITS
from twofold.engine.load.safe_read import DEFAULT_MAX_BYTES, human_size
from twofold.engine.result.model import Document

__all__ = ["STDIN", "STDIN_LABEL", "StandardInputFile", "load_stream", "read_stream"]

#: what names standard input on the command line, as in diff(1)
STDIN = "-"
#: how a side read from standard input is named when no ``--label`` names it
STDIN_LABEL = "standard input"
#: read this much at a time
_CHUNK = 1 << 20


def read_stream(stream: BinaryIO, label: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """All of ``stream``, refused (one sentence) past ``max_bytes``."""
    parts: list[bytes] = []
    total = 0
    while chunk := stream.read(min(_CHUNK, max_bytes + 1 - total)):
        parts.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise InputError(
                f'"{label}" is more than {human_size(max_bytes)}; '
                f"Twofold compares files up to {human_size(max_bytes)}."
            )
    return b"".join(parts)


def load_stream(
    stream: BinaryIO,
    label: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> tuple[Document, bytes]:
    """A :class:`Document` of all ``stream`` gives, and those bytes (``--diff`` diffs them)."""
    name = label or STDIN_LABEL
    data = read_stream(stream, name, max_bytes)
    return decode_file(data, name, limits=limits), data


class StandardInputFile:
    """Standard input kept in a private file while the window shows it, removed at the end.

    The window loads, watches and reloads its sides by path in its worker, so a
    stream is read once, before Qt starts, into a file only this process can
    read (``mkdtemp`` makes its folder 0700); the side is labelled "standard
    input" unless ``--label`` names it.
    """

    __slots__ = ("_folder",)

    def __init__(self) -> None:
        self._folder: str | None = None

    def take(self, args: argparse.Namespace, labels: list[str | None]) -> list[str | None]:
        """Read standard input into the file and put its path in ``args`` for ``-``.

        Returns:
            The labels, the side read from standard input named.

        Raises:
            InputError: standard input is larger than a file may be.
        """
        side = 0 if args.left == STDIN else 1
        name = labels[side] or STDIN_LABEL
        data = read_stream(sys.stdin.buffer, name)
        import tempfile  # the window's path only: the text fronts read the stream as it is

        self._folder = tempfile.mkdtemp(prefix="twofold-stdin-")
        path = os.path.join(self._folder, os.path.basename(name) or "stdin")
        with open(path, "xb") as handle:
            handle.write(data)
        if side == 0:
            args.left = path
        else:
            args.right = path
        named = list(labels)
        named[side] = name
        return named

    def __enter__(self) -> StandardInputFile:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._folder is not None:
            import shutil

            shutil.rmtree(self._folder, ignore_errors=True)
