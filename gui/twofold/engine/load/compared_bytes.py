# SPDX-License-Identifier: GPL-3.0-or-later
"""The bytes a document was decoded from, read again when an export needs them.

Why read again: a patch must carry the files' own bytes (their encoding, BOM and
line ends), but the window keeps only the decoded texts; holding the bytes too
would double the memory of a 250 MB pair for an export that is seldom made. So
the file is read once more, and checked against the size and digest taken when
it was compared: a file saved since then holds other text than the window shows,
and a diff of it would not be the diff the user is looking at, so it is refused.

Constraints: no Qt; read-only, through ``safe_read.read_bytes`` (never blocks).
"""

from __future__ import annotations

from twofold.engine.errors import ChangedOnDiskError
from twofold.engine.load.safe_read import DEFAULT_MAX_BYTES, read_bytes
from twofold.engine.load.text_decoding import content_digest
from twofold.engine.result.model import Document

__all__ = ["read_compared"]


def read_compared(doc: Document) -> bytes | None:
    """The bytes ``doc`` was decoded from, as its file still holds them; None without a file.

    Raises:
        ChangedOnDiskError: the file holds other bytes now (by size, then digest;
            a document made without a digest is checked by its size only).
        InputError: the file can no longer be read (gone, no permission...).
    """
    if doc.path is None:
        return None
    data = read_bytes(doc.path, doc.label, max_bytes=max(doc.size_bytes, DEFAULT_MAX_BYTES))
    if len(data) != doc.size_bytes or (
        doc.digest is not None and content_digest(data) != doc.digest
    ):
        raise ChangedOnDiskError(doc.label)
    return data
