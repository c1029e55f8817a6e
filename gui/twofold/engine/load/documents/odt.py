# SPDX-License-Identifier: GPL-3.0-or-later
"""Read an OpenDocument text (ODT): its text in reading order, as its author sees it now.

Why the XML is read directly, not through odfpy: odfpy builds its own DOM of
the whole package with ``xml.sax`` and no guard against entity expansion, and
its ``teletype.extractText`` flattens a document without telling headings,
notes or tracked deletions apart. ``content.xml`` is a small vocabulary:
headings (``text:h``), paragraphs (``text:p``), lists, tables and sections
holding them, with spaces, tabs and notes as elements in mixed content. It is
parsed by ``safe_xml`` out of a ``Container`` (zip bomb checks).

What is read: headings, paragraphs, list items and table cells in reading
order, text boxes after the paragraph that anchors them, then footnotes and
endnotes. Tracked changes read as the current text: ODF keeps deleted text out
of the body (in ``text:tracked-changes``), so skipping that region is enough.
Page headers and footers, comments and generated indexes (a table of
contents repeats the headings) are set apart.

Constraints: no Qt; defusedxml is imported on the first document read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from twofold.engine.errors import InputError
from twofold.engine.load.documents.container import Container
from twofold.engine.load.documents.extracted import Extracted, Progress, ReadLimits, SetApart
from twofold.engine.load.documents.paragraphs import Paragraphs, set_apart
from twofold.engine.load.documents.safe_xml import parse_part

if TYPE_CHECKING:
    from collections.abc import Callable
    from xml.etree.ElementTree import Element

__all__ = ["read_odt"]

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
#: generated from the text itself: a table of contents repeats the headings
_INDEXES = frozenset(
    f"{_TEXT}{name}"
    for name in (
        "table-of-content",
        "alphabetical-index",
        "illustration-index",
        "table-index",
        "object-index",
        "user-index",
        "bibliography",
    )
)
#: subtrees with no current text of the body
_SKIP = frozenset(
    (
        f"{_TEXT}tracked-changes",
        f"{_TABLE}covered-table-cell",
        f"{_TEXT}note-citation",
        f"{_SVG}title",
        f"{_SVG}desc",
        f"{_TEXT}ruby-text",
        f"{_OFFICE}annotation-end",
        f"{_TEXT}sequence-decls",
        f"{_TEXT}variable-decls",
        f"{_OFFICE}forms",
    )
)
#: how many top-level blocks between two progress reports
_PROGRESS_EVERY = 256


def read_odt(
    data: bytes, label: str, limits: ReadLimits, progress: Progress | None = None
) -> Extracted:
    """The text of the OpenDocument text ``data``; see the module docstring for what is read."""
    with Container(data, label, "OpenDocument", limits) as box:
        if "META-INF/manifest.xml" in box and b"encryption-data" in box.read(
            "META-INF/manifest.xml"
        ):
            raise InputError(f'"{label}" is password-protected; Twofold cannot open it.')
        root = parse_part(box.read("content.xml"), label, "its text")
        body = root.find(f"{_OFFICE}body/{_OFFICE}text")
        if body is None:
            raise InputError(f'"{label}" is not a text document: it has no text body.')
        text = Paragraphs(label, limits)
        walker = _Walker(text.add_read)
        blocks = list(body)
        for done, block in enumerate(blocks, 1):
            walker.block(block)
            if progress is not None and done % _PROGRESS_EVERY == 0:
                progress(done, len(blocks))
        for note_class in ("footnote", "endnote"):
            for note in walker.notes.get(note_class, ()):
                walker.blocks(note)
        margins = _margins(box, label)
        if progress is not None:
            progress(len(blocks), len(blocks))
    apart: tuple[SetApart, ...] = (
        set_apart("page headers and footers", margins),
        set_apart("comments", walker.comments),
        set_apart("table of contents and indexes", walker.indexes),
    )
    return text.extracted("odt", apart)


class _Walker:
    """Turns ODF blocks into paragraphs; notes, comments and indexes are kept aside."""

    __slots__ = ("_add", "comments", "indexes", "notes")

    def __init__(self, add: Callable[[str, bool], None]) -> None:
        self._add = add
        #: note bodies by class ("footnote", "endnote"), read after the body
        self.notes: dict[str, list[Element]] = {}
        self.comments: list[str] = []
        self.indexes: list[str] = []

    def blocks(self, parent: Element) -> None:
        for child in parent:
            self.block(child)

    def block(self, element: Element) -> None:
        """A heading or paragraph, or anything that holds them (lists, tables, sections)."""
        tag = element.tag
        if tag in (f"{_TEXT}p", f"{_TEXT}h"):
            self._paragraph(element, heading=tag == f"{_TEXT}h")
        elif tag in _INDEXES:
            self.indexes.extend(_plain(element))
        elif tag not in _SKIP:
            self.blocks(element)

    def _paragraph(self, paragraph: Element, *, heading: bool) -> None:
        pieces: list[str] = []
        boxes: list[Element] = []
        self._inline(paragraph, pieces, boxes)
        self._add("".join(pieces), heading)
        for box in boxes:
            self.blocks(box)

    def _inline(self, element: Element, pieces: list[str], boxes: list[Element]) -> None:
        """Mixed content: the element's text, each child as its kind says, each child's tail."""
        pieces.append(element.text or "")
        for child in element:
            self._child(child, pieces, boxes)
            pieces.append(child.tail or "")

    def _child(self, child: Element, pieces: list[str], boxes: list[Element]) -> None:
        tag = child.tag
        if tag == f"{_TEXT}s":
            pieces.append(" " * _count(child.get(f"{_TEXT}c")))
        elif tag == f"{_TEXT}tab":
            pieces.append("\t")
        elif tag == f"{_TEXT}line-break":
            pieces.append(" ")
        elif tag == f"{_TEXT}note":
            body = child.find(f"{_TEXT}note-body")
            if body is not None:
                kind = child.get(f"{_TEXT}note-class", "footnote")
                self.notes.setdefault(kind, []).append(body)
        elif tag == f"{_OFFICE}annotation":
            self.comments.extend(_plain(child))
        elif tag == f"{_DRAW}text-box":
            boxes.append(child)
        elif tag not in _SKIP:
            self._inline(child, pieces, boxes)


def _count(value: str | None) -> int:
    """``text:c``, how many spaces a ``text:s`` stands for (one when absent or nonsense)."""
    try:
        return max(1, min(int(value or "1"), 1000))
    except ValueError:
        return 1


def _plain(root: Element) -> list[str]:
    """The paragraphs under ``root``, read as the body is (for what is set apart)."""
    found: list[str] = []
    _Walker(lambda text, heading: found.append(text)).blocks(root)
    return found


def _margins(box: Container, label: str) -> list[str]:
    """The page headers and footers of the master pages, each text once."""
    if "styles.xml" not in box:
        return []
    found: list[str] = []
    for page in parse_part(box.read("styles.xml"), label, "its styles").iter(
        f"{_STYLE}master-page"
    ):
        for margin in page:
            found.extend(_plain(margin))
    return list(dict.fromkeys(found))
