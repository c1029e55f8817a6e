# SPDX-License-Identifier: GPL-3.0-or-later
"""Turn a file on disk into a :class:`Document`: read safely, then extracted or decoded.

Why it is split in two: opening (``safe_read``) must never hang or write, whatever a
user drops; decoding (``text_decoding``) must never show mojibake silently. This
module joins them and sends a document format (DOCX, PDF, ...) to its reader
instead. Every failure is an :class:`InputError` whose message is one sentence
naming the file. The engine is Qt-free, so this module imports no Qt.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace

from twofold.engine.errors import InputError
from twofold.engine.load.documents.extracted import Progress, ReadLimits
from twofold.engine.load.documents.formats import (
    DEFAULT_LIMITS,
    READERS,
    ReaderRef,
    detect_format,
    document_no_text,
    extracted_document,
    read_document,
    refuse_sealed,
)
from twofold.engine.load.safe_read import DEFAULT_MAX_BYTES, check_path, read_checked
from twofold.engine.load.text_decoding import content_digest, decode_bytes
from twofold.engine.result.kinds import DocFormat
from twofold.engine.result.model import Document

__all__ = ["decode_file", "load_document", "load_document_and_bytes"]


def load_document(
    path: str | os.PathLike[str],
    label: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: ReadLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    documents: bool = True,
) -> Document:
    """Read and decode the file at ``path`` without ever writing to it.

    The file's type and size are checked with ``stat`` *before* it is opened,
    so a FIFO or a device is refused instead of blocking or reading forever.
    ``label`` names the file in error messages (its base name by default). A
    document (DOCX, PDF, ...) is read by its format's reader, within ``limits``,
    telling ``progress`` how far it got (see :func:`decode_file`); with
    ``documents`` false, a document is refused instead (the launch reads only
    text before the window exists: a long extraction belongs in the worker).
    """
    return load_document_and_bytes(
        path, label, max_bytes=max_bytes, limits=limits, progress=progress, documents=documents
    )[0]


def load_document_and_bytes(
    path: str | os.PathLike[str],
    label: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: ReadLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    documents: bool = True,
    digest: bool = True,
) -> tuple[Document, bytes]:
    """``load_document``, and the bytes it decoded: ``--diff`` diffs the bytes as stored.

    The file is read once, so the bytes are the ones the document was checked from.
    ``digest``: as for :func:`decode_file`.
    """
    fspath = os.fspath(path)
    name = check_path(fspath, label, max_bytes=max_bytes)
    data, mtime_ns = read_checked(fspath, name, max_bytes)
    found = decode_file(
        data,
        name,
        fspath,
        limits=limits,
        progress=progress,
        documents=documents,
        digest=digest,
    )
    return replace(found, mtime_ns=mtime_ns), data


def decode_file(
    data: bytes,
    label: str,
    path: str | None = None,
    *,
    limits: ReadLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    documents: bool = True,
    readers: Mapping[DocFormat, ReaderRef] = READERS,
    digest: bool = True,
) -> Document:
    """A whole file's bytes as a :class:`Document`: a document's extracted text, or decoded text.

    The format comes from the bytes, then the name (``path``, else ``label``):
    see ``documents.formats``, whose ``READERS`` (or ``readers``) name the reader.
    Plain text, Markdown and source code are decoded, and so is every file when
    ``limits.as_text`` says so (a sealed Office file is still named for what it is).
    With ``digest`` false the document carries no ``digest`` of the bytes (the
    command line hashes them only when it needs to).

    Raises:
        InputError: the file cannot be read as its format or decoded as text,
            or it is a document and ``documents`` is false.
        CompareCanceled: ``progress`` raised it (the window's cancel).
    """
    name = path if path is not None else label
    refuse_sealed(data, name, label)
    if limits.as_text:
        try:
            return decode_bytes(data, label, path, digest=digest)
        except InputError as exc:  # a Word file's bytes: say what it is, not only "binary"
            raise document_no_text(data, name, label) or exc from None
    fmt = detect_format(data, name)
    if fmt is DocFormat.TEXT:
        return decode_bytes(data, label, path, digest=digest)
    if not documents:
        raise InputError(f'"{label}" is a document, not a text file.')
    extracted = read_document(data, fmt, label, limits, progress, readers=readers)
    return extracted_document(
        extracted,
        fmt,
        label,
        path,
        size_bytes=len(data),
        digest=content_digest(data) if digest else None,
    )
