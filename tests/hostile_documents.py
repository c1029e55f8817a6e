# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile and broken documents, built in the test's own folder.

Each builder writes one file a user could be handed and returns its path:
zip bombs (by ratio, by declared size, by a member that lies about its size),
XML entity expansion and external entities, a password-protected DOCX (an OLE
compound file holding ``EncryptedPackage``, as Word saves one), an old ``.doc``,
a DOCX cut short or missing its text, an encrypted ODT, and an EPUB too big to
compare. ``CASES`` names them for parametrized tests, with a piece of the
sentence each must end in.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

from office_files import content_types, docx_bytes, epub_bytes, odt_bytes, p

#: how much the ratio bomb inflates to: far past any ratio, little to build
BOMB_BYTES = 24 * 1024 * 1024
_CHUNK = b"\0" * (1024 * 1024)


def ratio_bomb(folder: Path) -> Path:
    """A DOCX whose text part inflates a thousandfold (zeros), declared honestly."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types())
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(BOMB_BYTES // len(_CHUNK)):
                member.write(_CHUNK)
    return _write(folder / "bomb.docx", buffer.getvalue())


def declared_bomb(folder: Path) -> Path:
    """A DOCX whose directory declares its text part at 4 GB."""
    data = bytearray(docx_bytes(p("Small.")))
    _patch_sizes(data, b"word/document.xml", central=0xFFFFFFF0)
    return _write(folder / "declared.docx", bytes(data))


def lying_member(folder: Path) -> Path:
    """A DOCX whose text part inflates to more than its headers say.

    Inflating stops at the declared size; the checksum then fails: damaged.
    """
    data = bytearray(docx_bytes(p("x" * 5000)))
    _patch_sizes(data, b"word/document.xml", central=100, local=100)
    return _write(folder / "lying.docx", bytes(data))


def _patch_sizes(data: bytearray, name: bytes, *, central: int, local: int | None = None) -> None:
    """Overwrite a member's uncompressed size in the central directory (and its local header)."""
    struct.pack_into("<I", data, _record(data, b"PK\x01\x02", 28, 46, name) + 24, central)
    if local is not None:
        struct.pack_into("<I", data, _record(data, b"PK\x03\x04", 26, 30, name) + 22, local)


def _record(data: bytearray, signature: bytes, length_at: int, name_at: int, name: bytes) -> int:
    """Where the zip record with ``signature`` for member ``name`` starts."""
    at = data.index(signature)
    while True:
        length = struct.unpack_from("<H", data, at + length_at)[0]
        if data[at + name_at : at + name_at + length] == name:
            return at
        at = data.index(signature, at + 4)


_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)


def billion_laughs(folder: Path) -> Path:
    """A DOCX whose text part declares entities that expand to gigabytes."""
    return _write(folder / "laughs.docx", docx_bytes(p("&lol9;"), document_prefix=_LAUGHS))


def external_entity(folder: Path) -> Path:
    """A DOCX whose text part pulls in a file of the machine (XXE)."""
    prefix = '<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    return _write(folder / "xxe.docx", docx_bytes(p("&secret;"), document_prefix=prefix))


def encrypted_docx(folder: Path) -> Path:
    """A password-protected DOCX as Word saves it: an OLE compound file.

    The header and a directory sector name the streams Word writes
    (``EncryptionInfo``, ``EncryptedPackage``); what a reader needs to tell it.
    """
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)  # version 3, little-endian
    directory = b"".join(
        _directory_entry(name, kind)
        for name, kind in (("Root Entry", 5), ("EncryptionInfo", 2), ("EncryptedPackage", 2))
    )
    sector = directory.ljust(512, b"\0")
    return _write(folder / "locked.docx", bytes(header) + sector + b"\x17" * 4096)


def _directory_entry(name: str, kind: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le")
    entry = bytearray(128)
    entry[: len(encoded)] = encoded
    struct.pack_into("<HB", entry, 64, len(encoded), kind)
    return bytes(entry)


def old_doc(folder: Path) -> Path:
    """A Word 97-2003 document: an OLE compound file with a WordDocument stream."""
    data = encrypted_docx(folder).read_bytes()
    data = data.replace(
        "EncryptedPackage".encode("utf-16-le"), "WordDocument\0\0\0\0".encode("utf-16-le")
    )
    return _write(folder / "letter.doc", data)


def truncated_docx(folder: Path) -> Path:
    """A DOCX cut off halfway through the download."""
    data = docx_bytes(p("Text. " * 2000))
    return _write(folder / "cut.docx", data[: len(data) // 2])


def docx_without_text(folder: Path) -> Path:
    """A zip that says it is a Word document but holds no text part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", content_types())
    return _write(folder / "empty.docx", buffer.getvalue())


def malformed_docx(folder: Path) -> Path:
    """A DOCX whose text part is not well-formed XML."""
    return _write(folder / "broken.docx", docx_bytes("<w:p><w:r><w:t>open</w:r></w:p>"))


def encrypted_odt(folder: Path) -> Path:
    """An ODT saved with a password: its manifest lists how content.xml is encrypted."""
    data = odt_bytes("<text:p>x</text:p>", manifest_extra="<manifest:encryption-data/>")
    return _write(folder / "locked.odt", data)


def huge_epub(folder: Path) -> Path:
    """An EPUB of many chapters, more text than the limit the test reads it with."""
    chapter = "<p>" + "All work and no play makes Jack a dull boy. " * 200 + "</p>"
    chapters = {f"c{n}.xhtml": chapter for n in range(60)}
    return _write(folder / "huge.epub", epub_bytes(chapters, list(chapters)))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


#: each hostile file, and the words of the one sentence it must end in
CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "ratio_bomb": (ratio_bomb, "zip bomb"),
    "declared_bomb": (declared_bomb, "zip bomb"),
    "lying_member": (lying_member, "is damaged"),
    "billion_laughs": (billion_laughs, "declares XML entities"),
    "external_entity": (external_entity, "declares XML entities"),
    "encrypted_docx": (encrypted_docx, "is password-protected"),
    "old_doc": (old_doc, "old Word document"),
    "truncated_docx": (truncated_docx, "is damaged"),
    "docx_without_text": (docx_without_text, "is damaged"),
    "malformed_docx": (malformed_docx, "not well-formed XML"),
    "encrypted_odt": (encrypted_odt, "is password-protected"),
}
