# SPDX-License-Identifier: GPL-3.0-or-later
"""Which format a file is, and which reader turns it into text.

Why the bytes decide first: a file's name can lie or say nothing (``git
difftool`` hands over temporary names, a download keeps ``.bin``, a draft is
renamed), while a container says what it holds. So the magic bytes are read
first (a zip and the member that names its type, ``%PDF-``, ``{\\rtf``, an HTML
start), and the suffix only decides what they leave open. Anything else is text.

The registry names each reader by module path and function, so importing this
module imports no document library: only opening such a file does. A reader
module that is not there yet, or a library that is not installed, is one
sentence, not a traceback.
"""

from __future__ import annotations

import importlib
import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from twofold.engine.errors import InputError, TwofoldError
from twofold.engine.load.documents.extracted import Extracted, Progress, Reader, ReadLimits
from twofold.engine.result.kinds import DocFormat, NewlineStyle
from twofold.engine.result.model import Document

if TYPE_CHECKING:
    from zipfile import ZipFile

__all__ = [
    "DEFAULT_LIMITS",
    "READERS",
    "ReaderRef",
    "detect_format",
    "document_no_text",
    "extracted_document",
    "read_document",
    "refuse_sealed",
]


@dataclass(frozen=True, slots=True)
class ReaderRef:
    """Where a format's reader lives, imported only when such a file is opened."""

    #: the reader's module, e.g. ``twofold.engine.load.documents.docx``
    module: str
    #: the reader function in it, a :class:`~.extracted.Reader`
    function: str


#: the bounds a document is read within unless the caller says otherwise
DEFAULT_LIMITS = ReadLimits()

_PACKAGE = "twofold.engine.load.documents"

#: each document format's reader; text has none (``decoding`` decodes it)
READERS = MappingProxyType(
    {
        DocFormat.DOCX: ReaderRef(f"{_PACKAGE}.docx", "read_docx"),
        DocFormat.ODT: ReaderRef(f"{_PACKAGE}.odt", "read_odt"),
        DocFormat.RTF: ReaderRef(f"{_PACKAGE}.rtf", "read_rtf"),
        DocFormat.PDF: ReaderRef(f"{_PACKAGE}.pdf", "read_pdf"),
        DocFormat.EPUB: ReaderRef(f"{_PACKAGE}.epub", "read_epub"),
        DocFormat.HTML: ReaderRef(f"{_PACKAGE}.html", "read_html"),
    }
)

#: a format in a sentence, one file and many: "as an RTF document", "reading PDF files"
_ONE = MappingProxyType(
    {
        DocFormat.DOCX: "a Word document",
        DocFormat.ODT: "an OpenDocument text",
        DocFormat.RTF: "an RTF document",
        DocFormat.PDF: "a PDF",
        DocFormat.EPUB: "an EPUB book",
        DocFormat.HTML: "a web page",
    }
)
_MANY = MappingProxyType(
    {
        DocFormat.DOCX: "Word documents",
        DocFormat.ODT: "OpenDocument texts",
        DocFormat.RTF: "RTF files",
        DocFormat.PDF: "PDF files",
        DocFormat.EPUB: "EPUB books",
        DocFormat.HTML: "web pages",
    }
)

#: the suffixes that name a format when the bytes leave it open
_SUFFIXES = MappingProxyType(
    {
        ".docx": DocFormat.DOCX,
        ".docm": DocFormat.DOCX,
        ".odt": DocFormat.ODT,
        ".rtf": DocFormat.RTF,
        ".pdf": DocFormat.PDF,
        ".epub": DocFormat.EPUB,
        ".html": DocFormat.HTML,
        ".htm": DocFormat.HTML,
        ".xhtml": DocFormat.HTML,
    }
)

#: what an OpenDocument or EPUB container's ``mimetype`` member starts with (Writer
#: also writes ``opendocument.text-web``, ``-master`` and ``-template``: all text)
_MIMETYPES = (
    (b"application/vnd.oasis.opendocument.text", DocFormat.ODT),
    (b"application/epub+zip", DocFormat.EPUB),
)
#: the content type of a Word document's main part, in ``[Content_Types].xml``
_DOCX_MAIN = re.compile(rb"wordprocessingml\.document\.main|ms-word\.document\.macroEnabled")
#: how far into a file named ``.pdf`` its header may sit (readers allow leading junk)
_PDF_WINDOW = 1024
#: how much of a file's start is looked at for an HTML start
_HTML_WINDOW = 1024
#: a page's first tag, after an optional BOM, XML declaration, comments and white space
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.IGNORECASE | re.DOTALL,
)
#: members larger than this are not read to tell a container's type
_MAX_TYPE_MEMBER = 64 * 1024


def detect_format(data: bytes, name: str) -> DocFormat:
    """The format of a file holding ``data`` and called ``name`` (a path or a label)."""
    by_suffix = _SUFFIXES.get(os.path.splitext(name)[1].lower())
    if data.startswith(b"PK\x03\x04"):
        return _container_format(data) or by_suffix or DocFormat.TEXT
    if data.startswith(b"%PDF-") or (by_suffix is DocFormat.PDF and b"%PDF-" in data[:_PDF_WINDOW]):
        return DocFormat.PDF
    if data.startswith(b"{\\rtf"):
        return DocFormat.RTF
    if _HTML_START.match(data[:_HTML_WINDOW]):
        return DocFormat.HTML
    # A damaged container still goes to its reader, which says what is wrong with it;
    # a text file named like HTML (a fragment) is read as HTML by its name.
    return by_suffix or DocFormat.TEXT


#: the start of an OLE compound file: an encrypted Office file, or an old .doc
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: the stream an encrypted OOXML file (a password-protected DOCX) keeps its package in
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def document_no_text(data: bytes, name: str, label: str) -> InputError | None:
    """What to say of a document whose bytes were asked for as text and are none.

    None if ``data`` is no document either; the caller's own sentence stands then.
    """
    fmt = detect_format(data, name)
    if fmt is DocFormat.TEXT:
        return None
    return InputError(
        f'"{label}" is {_ONE[fmt]}, whose bytes are not text; compare it as a document, '
        "not as text."
    )


def refuse_sealed(data: bytes, name: str, label: str) -> None:
    """Say what an Office file no reader opens is, rather than call it binary.

    Word saves a password-protected DOCX as an OLE compound file holding an
    ``EncryptedPackage`` stream; an old ``.doc`` is one too.

    Raises:
        InputError: ``data`` is such a file.
    """
    if not data.startswith(_OLE):
        return
    if _ENCRYPTED_PACKAGE in data:
        raise InputError(f'"{label}" is password-protected; Twofold cannot open it.')
    if os.path.splitext(name)[1].lower() in (".doc", ".dot", ".docx"):
        raise InputError(
            f'"{label}" is an old Word document (.doc); save it as .docx or .odt to compare it.'
        )


def _container_format(data: bytes) -> DocFormat | None:
    """What a zip holds, by its ``mimetype`` member or its ``[Content_Types].xml``.

    Only the central directory and one small member are read; a damaged zip
    says nothing here and the suffix decides.
    """
    import zipfile  # only a zip pays for it: text files never get here

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                said = _small_member(archive, "mimetype").strip()
                for start, fmt in _MIMETYPES:
                    if said.startswith(start):
                        return fmt
            if "[Content_Types].xml" in names and _DOCX_MAIN.search(
                _small_member(archive, "[Content_Types].xml")
            ):
                return DocFormat.DOCX
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, NotImplementedError):
        return None
    return None


def _small_member(archive: ZipFile, name: str) -> bytes:
    """A member's bytes if it declares itself small, else nothing; never more than the cap."""
    info = archive.getinfo(name)
    if info.file_size > _MAX_TYPE_MEMBER:
        return b""
    with archive.open(info) as member:
        return member.read(_MAX_TYPE_MEMBER)


def read_document(
    data: bytes,
    fmt: DocFormat,
    label: str,
    limits: ReadLimits,
    progress: Progress | None = None,
    *,
    readers: Mapping[DocFormat, ReaderRef] = READERS,
) -> Extracted:
    """Run ``fmt``'s reader on ``data``: its text, or one sentence saying why not.

    ``readers`` is the registry to look the reader up in (tests hand in their own).

    Raises:
        InputError: the reader refused the document, its module or library is
            not installed, or it failed in a way it did not foresee.
        CompareCanceled: ``progress`` said stop.
    """
    reader = _reader(readers[fmt], fmt, label)
    try:
        extracted = reader(data, label, limits, progress)
    except TwofoldError:
        raise
    except MemoryError:
        raise InputError(f'"{label}" is too large to read as {_ONE[fmt]}.') from None
    except Exception:  # a damaged file the reader did not foresee: one sentence, not a trace
        import logging  # only a reader's failure logs: a start-up need not import it

        log = logging.getLogger(__name__)
        log.debug("reading %s as %s failed", label, fmt.value, exc_info=True)
        raise InputError(
            f'"{label}" could not be read as {_ONE[fmt]}: it may be damaged.'
        ) from None
    if len(extracted.text) > limits.max_text_chars:
        raise InputError(f'"{label}" holds more text than Twofold compares in one document.')
    return extracted


def _reader(ref: ReaderRef, fmt: DocFormat, label: str) -> Reader:
    """Import ``fmt``'s reader; a missing module or library is an :class:`InputError`."""
    try:
        module = importlib.import_module(ref.module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and ref.module.startswith(exc.name):
            raise InputError(
                f'"{label}" cannot be opened: reading {_MANY[fmt]} is not available yet.'
            ) from None
        raise InputError(
            f'"{label}" cannot be opened: {exc.name}, which Twofold reads '
            f"{_MANY[fmt]} with, is not installed."
        ) from None
    reader: Reader = getattr(module, ref.function)
    return reader


def extracted_document(
    extracted: Extracted,
    fmt: DocFormat,
    label: str,
    path: str | None,
    *,
    size_bytes: int,
    digest: bytes | None,
) -> Document:
    """The :class:`Document` of a reader's text: compared as text, named by its format.

    The text was never decoded, so the encoding fields say what a reader hands
    back (UTF-8, ``\\n``); the size and digest are the file's, so the window
    can tell later whether the file still holds what it read.
    """
    return Document(
        label=label,
        text=extracted.text,
        path=path,
        newline=NewlineStyle.LF if "\n" in extracted.text else NewlineStyle.NONE,
        trailing_newline=extracted.text.endswith("\n"),
        size_bytes=size_bytes,
        digest=digest,
        format=fmt,
        set_apart=extracted.set_apart,
        headings=extracted.headings,
    )
