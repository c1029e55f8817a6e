# SPDX-License-Identifier: GPL-3.0-or-later
"""Read an EPUB book: its chapters in spine order, each chapter's paragraphs and headings.

Why no EPUB library: ebooklib reads every member of the book into memory with
lxml (entities resolved) to build objects Twofold does not need; the order of
a book is three small steps instead. ``META-INF/container.xml`` names the
package document (the OPF), whose manifest maps ids to files and whose spine
lists them in reading order; each chapter is XHTML, read by ``xhtml_text``
(lxml's HTML parser, as for web pages).
The XML steps go through ``safe_xml`` and every member through a
``Container`` (zip bomb checks), so a huge or hostile book costs a sentence.

What is read: every spine item in order (``linear="no"`` ones too: notes and
appendices are the book's text), headings marked (``h1``-``h6``, and the
paragraphs LibreOffice styles as headings: ``epub_styles``); tables of contents
(``nav``) are set apart. A book whose chapters are encrypted (DRM) is refused.

Constraints: no Qt; defusedxml and lxml are imported on the first book read.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from twofold.engine.errors import InputError
from twofold.engine.load.documents.container import Container
from twofold.engine.load.documents.epub_styles import heading_classes
from twofold.engine.load.documents.extracted import Extracted, Progress, ReadLimits
from twofold.engine.load.documents.paragraphs import Paragraphs, set_apart
from twofold.engine.load.documents.safe_xml import parse_part
from twofold.engine.load.documents.xhtml_text import chapter_text, decode_chapter

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

__all__ = ["read_epub"]

_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_OPF = "{http://www.idpf.org/2007/opf}"
_ENC = "{http://www.w3.org/2001/04/xmlenc#}"
#: media types of chapters: XHTML, and the HTML some old books use
_CHAPTER_TYPES = frozenset(("application/xhtml+xml", "text/html", "application/x-dtbook+xml"))


def read_epub(
    data: bytes, label: str, limits: ReadLimits, progress: Progress | None = None
) -> Extracted:
    """The text of the EPUB book ``data``; see the module docstring for what is read."""
    with Container(data, label, "EPUB", limits) as box:
        opf_name = _package_name(box)
        package = parse_part(box.read(opf_name), label, "its package document")
        chapters = _spine(package, posixpath.dirname(opf_name), box)
        _refuse_encrypted(box, chapters)
        styled = _heading_classes(package, posixpath.dirname(opf_name), box)
        text = Paragraphs(label, limits)
        navigation: list[str] = []
        for done, name in enumerate(chapters, 1):
            chapter = chapter_text(box.read(name), styled)
            for paragraph, heading in chapter.paragraphs:
                text.add(paragraph, heading=heading)
            navigation.extend(chapter.navigation)
            if progress is not None:
                progress(done, len(chapters))
    return text.extracted("epub", (set_apart("table of contents", navigation),))


def _package_name(box: Container) -> str:
    """Where the package document is, as ``META-INF/container.xml`` says."""
    root = parse_part(box.read("META-INF/container.xml"), box.label, "its container")
    for rootfile in root.iter(f"{_CONTAINER}rootfile"):
        name = _member(rootfile.get("full-path", ""), "")
        if name in box:
            return name
    raise InputError(f'"{box.label}" is damaged: it does not say where its contents are.')


def _spine(package: Element, base: str, box: Container) -> list[str]:
    """The chapters' member names in reading order (ids the manifest lacks are skipped)."""
    manifest: dict[str, str] = {}
    for item in package.iter(f"{_OPF}item"):
        if item.get("media-type", "") in _CHAPTER_TYPES:
            manifest[item.get("id", "")] = _member(item.get("href", ""), base)
    chapters = [
        manifest[ref.get("idref", "")]
        for ref in package.iter(f"{_OPF}itemref")
        if ref.get("idref", "") in manifest
    ]
    found = [name for name in dict.fromkeys(chapters) if name in box]
    if not found:
        raise InputError(f'"{box.label}" has no chapters to read.')
    return found


def _heading_classes(package: Element, base: str, box: Container) -> frozenset[str]:
    """The classes the book's stylesheets set as headings (LibreOffice's, ``epub_styles``)."""
    found: set[str] = set()
    for item in package.iter(f"{_OPF}item"):
        name = _member(item.get("href", ""), base)
        if item.get("media-type", "") == "text/css" and name in box:
            found.update(heading_classes(decode_chapter(box.read(name))))
    return frozenset(found)


def _member(href: str, base: str) -> str:
    """A reference in the package (relative, %-escaped, maybe with a fragment) as a member name."""
    path = unquote(href.split("#", 1)[0])
    return posixpath.normpath(posixpath.join(base, path)).lstrip("/")


def _refuse_encrypted(box: Container, chapters: list[str]) -> None:
    """Refuse a book whose chapters ``META-INF/encryption.xml`` lists (DRM; fonts may be)."""
    if "META-INF/encryption.xml" not in box:
        return
    listed = parse_part(box.read("META-INF/encryption.xml"), box.label, "its encryption list")
    locked = {_member(ref.get("URI", ""), "") for ref in listed.iter(f"{_ENC}CipherReference")}
    if locked.intersection(chapters):
        raise InputError(f'"{box.label}" is protected by DRM; Twofold cannot read its text.')
