# SPDX-License-Identifier: GPL-3.0-or-later
"""Saving an edited side: its bytes (``encode_back``) written atomically, and what it is now.

Why read the file again: the window keeps texts, not bytes, and the bytes
are what keeps a file's stray bytes and mixed line ends unedited. Reading
them checks, too, that the file still holds what was loaded: a file changed
on disk since is not overwritten unless the user said so.

A side read from a document (PDF, Word, a web page) has no text file to
write back to; it is saved as a new UTF-8 text file, never over the document.

Constraints: no Qt; every write goes through ``safe_output.write_atomic``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace

from twofold.engine.edit.encode_back import saved_bytes
from twofold.engine.edit.recompare import edited_document
from twofold.engine.errors import ChangedOnDiskError, InputError
from twofold.engine.export.safe_output import PathLike, write_atomic
from twofold.engine.load.compared_bytes import read_compared
from twofold.engine.load.text_decoding import content_digest
from twofold.engine.result.kinds import DocFormat, NewlineStyle
from twofold.engine.result.model import Document

__all__ = ["needs_new_name", "save_text"]


def needs_new_name(doc: Document) -> bool:
    """Whether ``doc`` can only be saved under a new name (no file, or not a text file)."""
    return doc.path is None or doc.format is not DocFormat.TEXT


def save_text(
    doc: Document,
    text: str,
    path: str | None = None,
    *,
    inputs: Iterable[PathLike | None] = (),
    overwrite: bool = False,
) -> Document:
    """Write ``text`` as ``doc``'s file (or to ``path``) and return the side as now stored.

    Args:
        doc: the side as loaded or last saved.
        text: its text now.
        path: where to write; ``doc.path`` when None (Save, not Save As).
        inputs: files that must not be written (the other side's).
        overwrite: write even if the file changed on disk since ``doc`` was read.

    Raises:
        ChangedOnDiskError: the file no longer holds ``doc``'s bytes (or is gone)
            and ``overwrite`` is False.
        UnsavableTextError: the encoding lacks a character of ``text``.
        OutputError: the write was refused or failed; the file is as it was.
        ValueError: no ``path`` for a side that ``needs_new_name``.
    """
    target = path if path is not None else doc.path
    if target is None or (path is None and needs_new_name(doc)):
        raise ValueError("this side is saved under a new name")
    refused = list(inputs)
    if doc.format is not DocFormat.TEXT:
        base = replace(
            doc,
            format=DocFormat.TEXT,
            encoding="utf-8",
            bom=False,
            newline=NewlineStyle.LF,
            replaced=0,
        )
        original = None
        refused.append(doc.path)  # the document itself is never replaced by its text
    else:
        base, original = doc, _original(doc, overwrite)
    data = saved_bytes(base, text, original)
    label = doc.label if target == doc.path else os.path.basename(target) or target
    write_atomic(target, data, inputs=refused, name=label)
    return replace(
        edited_document(base, text),
        label=label,
        path=target,
        size_bytes=len(data),
        digest=content_digest(data),
        mtime_ns=os.stat(target).st_mtime_ns,
        set_apart=(),
        headings=(),
    )


def _original(doc: Document, overwrite: bool) -> bytes | None:
    """The bytes ``doc`` was read from, as its file still holds them (None: encode whole)."""
    try:
        return read_compared(doc)
    except (ChangedOnDiskError, InputError):
        if overwrite:
            return None
        raise ChangedOnDiskError(doc.label) from None
