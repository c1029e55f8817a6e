# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a Word document (DOCX): its text in reading order, as its author sees it now.

Why WordprocessingML is read directly, not through python-docx: python-docx
gives paragraphs, headings and tables, but not footnotes, endnotes, text boxes
or tracked changes (its ``paragraph.text`` mixes deleted text with inserted
text), and those decide what a reviewer compares. The format of the text
itself is small: paragraphs (``w:p``) hold runs (``w:r``) of text (``w:t``),
tables nest paragraphs, and a revision wraps runs in ``w:ins`` or ``w:del``.
The parts are parsed by ``safe_xml`` (no entity expansion, no external
references) out of a ``Container`` (zip bomb checks), neither of which
python-docx does (it parses with lxml, entities resolved).

What is read: the body's paragraphs, headings (by style, through the style's
ancestry, or by outline level), list items with their numbers or bullets
(``docx_numbering``) and table cells in reading order,
text boxes after the paragraph that anchors them, then footnotes and endnotes.
Tracked changes read as the current text: insertions and moves to are kept,
deletions and moves from dropped, and a paragraph whose mark was deleted is
joined to the next. Page headers, footers and comments are set apart.

Constraints: no Qt; defusedxml is imported on the first document read.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from twofold.engine.errors import InputError
from twofold.engine.load.documents.container import Container
from twofold.engine.load.documents.docx_numbering import ListNumbers
from twofold.engine.load.documents.extracted import Extracted, Progress, ReadLimits, SetApart
from twofold.engine.load.documents.paragraphs import Paragraphs, set_apart
from twofold.engine.load.documents.safe_xml import parse_part

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

__all__ = ["read_docx"]

_MAIN_TYPE = re.compile(r"wordprocessingml\.document\.main|ms-word\.document\.macroEnabled")
_HEADING_NAME = re.compile(r"(?:heading \d|title)", re.IGNORECASE)
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
#: told each paragraph's text and whether it is a heading
_Add = Callable[[str, bool], None]
#: how many top-level blocks between two progress reports
_PROGRESS_EVERY = 256
#: a style based on a style based on ... is followed this far (a loop is not followed forever)
_MAX_STYLE_DEPTH = 16


def read_docx(
    data: bytes, label: str, limits: ReadLimits, progress: Progress | None = None
) -> Extracted:
    """The text of the Word document ``data``; see the module docstring for what is read."""
    with Container(data, label, "Word", limits) as box:
        main = _main_part(box)
        root = parse_part(box.read(main), label, "its text")
        w = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
        body = root.find(f"{w}body")
        if body is None:
            raise InputError(f'"{label}" is damaged: its text has no body.')
        parts = _related(box, main)
        styles = _part(box, parts.get("styles", "word/styles.xml"), label, "its styles")
        numbering = _part(box, parts.get("numbering", "word/numbering.xml"), label, "its lists")
        text = Paragraphs(label, limits)
        walker = _Walker(
            w, _heading_styles(styles, w), text.add_read, ListNumbers(w, numbering, styles)
        )
        blocks = list(body)
        notes = [parts[kind] for kind in ("footnotes", "endnotes") if kind in parts]
        total = len(blocks) + len(notes)
        for done, block in enumerate(blocks, 1):
            walker.block(block)
            if progress is not None and done % _PROGRESS_EVERY == 0:
                progress(done, total)
        walker.flush()
        for done, part in enumerate(notes, len(blocks) + 1):
            for note in parse_part(box.read(part), label, posixpath.basename(part)):
                if note.get(f"{w}type") in (None, "normal"):
                    walker.blocks(note)
            walker.flush()
            if progress is not None:
                progress(done, total)
        apart = _set_apart(box, parts, w, label)
        if progress is not None:
            progress(total, total)
    return text.extracted("docx", apart)


class _Walker:
    """Turns WordprocessingML blocks into paragraphs, tracked changes applied."""

    __slots__ = ("_add", "_carry", "_carry_heading", "_headings", "_numbers", "_skip", "_w")

    def __init__(
        self, w: str, headings: frozenset[str], add: _Add, numbers: ListNumbers | None = None
    ) -> None:
        self._w = w
        self._headings = headings
        self._add = add
        #: the list items' numbers and bullets, counted in reading order (the body's only)
        self._numbers = numbers
        #: the text of paragraphs whose mark was deleted, joined to the next one
        self._carry: list[str] = []
        self._carry_heading = False
        #: subtrees that hold no current text: deletions, field codes, properties
        self._skip = frozenset(
            f"{w}{tag}"
            for tag in (
                "del",
                "moveFrom",
                "delText",
                "delInstrText",
                "instrText",
                "pPr",
                "rPr",
                "tblPr",
                "trPr",
                "tcPr",
                "sectPr",
                "footnoteReference",
                "endnoteReference",
                "commentReference",
            )
        )

    def blocks(self, parent: Element) -> None:
        for child in parent:
            self.block(child)

    def block(self, element: Element) -> None:
        """A paragraph, or anything that holds paragraphs (tables, content controls)."""
        tag = element.tag
        if tag == f"{self._w}p":
            self._paragraph(element)
        elif tag not in self._skip and tag != f"{self._w}altChunk":
            self.blocks(element)

    def flush(self) -> None:
        """A deleted paragraph mark at the end of a story joins nothing: keep its text."""
        if self._carry:
            self._add("".join(self._carry), self._carry_heading)
            self._carry, self._carry_heading = [], False

    def _paragraph(self, paragraph: Element) -> None:
        w = self._w
        props = paragraph.find(f"{w}pPr")
        pieces: list[str] = []
        boxes: list[Element] = []
        self._inline(paragraph, pieces, boxes)
        if self._numbers is not None and (label := self._numbers.label(props)):
            pieces.insert(0, label)
        heading = self._carry_heading or self._is_heading(props)
        if props is not None and props.find(f"{w}rPr/{w}del") is not None:
            self._carry.extend(pieces)  # its mark was deleted: it runs on into the next
            self._carry_heading = heading
        else:
            self._add("".join(self._carry) + "".join(pieces), heading)
            self._carry, self._carry_heading = [], False
        for box in boxes:
            self.blocks(box)

    def _is_heading(self, props: Element | None) -> bool:
        if props is None:
            return False
        w = self._w
        style = props.find(f"{w}pStyle")
        if style is not None and style.get(f"{w}val") in self._headings:
            return True
        level = props.find(f"{w}outlineLvl")
        return level is not None and _outline_level(level.get(f"{w}val")) < 9

    def _inline(self, element: Element, pieces: list[str], boxes: list[Element]) -> None:
        """The current text inside a paragraph, in order; text boxes go to ``boxes``."""
        w = self._w
        for child in element:
            tag = child.tag
            if tag == f"{w}t":
                pieces.append(child.text or "")
            elif tag in self._skip:
                continue
            elif tag in (f"{w}tab", f"{w}ptab"):
                pieces.append("\t")
            elif tag in (f"{w}br", f"{w}cr"):
                pieces.append(" ")
            elif tag == f"{w}noBreakHyphen":
                pieces.append("-")
            elif tag == f"{w}txbxContent":
                boxes.append(child)
            elif tag == f"{_MC}AlternateContent":
                # The same content twice (a choice and its fallback): read the first only.
                for choice in child[:1]:
                    self._inline(choice, pieces, boxes)
            else:
                self._inline(child, pieces, boxes)


def _outline_level(value: str | None) -> int:
    try:
        return int(value or "9")
    except ValueError:
        return 9


def _main_part(box: Container) -> str:
    """The document part's name, from ``[Content_Types].xml`` (``word/document.xml`` usually)."""
    if "[Content_Types].xml" in box:
        types = parse_part(box.read("[Content_Types].xml"), box.label, "its content types")
        for override in types.iter(f"{_CT}Override"):
            if _MAIN_TYPE.search(override.get("ContentType", "")):
                name = override.get("PartName", "").lstrip("/")
                if name in box:
                    return name
    return "word/document.xml"


def _related(box: Container, main: str) -> dict[str, str]:
    """The main part's related parts by kind ("footnotes", "header", ...), first of each kind.

    Headers and footers are many: they are listed as ``header``, ``header 2``, ...
    """
    rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
    if rels_name not in box:
        return {}
    found: dict[str, str] = {}
    base = posixpath.dirname(main)
    for rel in parse_part(box.read(rels_name), box.label, "its relationships"):
        if rel.get("TargetMode") == "External":
            continue
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = posixpath.normpath(posixpath.join(base, rel.get("Target", "")))
        if target not in box:
            continue
        key, n = kind, 1
        while key in found:
            n += 1
            key = f"{kind} {n}"
        found[key] = target
    return found


def _part(box: Container, name: str, label: str, what: str) -> Element | None:
    """A part parsed, or None if the document has none."""
    return parse_part(box.read(name), label, what) if name in box else None


def _heading_styles(styles: Element | None, w: str) -> frozenset[str]:
    """The ids of the paragraph styles that are headings, through their ``basedOn`` ancestry."""
    if styles is None:
        return frozenset()
    based_on: dict[str, str] = {}
    own: set[str] = set()
    for style in styles.iter(f"{w}style"):
        if style.get(f"{w}type") != "paragraph":
            continue
        sid = style.get(f"{w}styleId", "")
        title = style.find(f"{w}name")
        level = style.find(f"{w}pPr/{w}outlineLvl")
        if (title is not None and _HEADING_NAME.fullmatch(title.get(f"{w}val", ""))) or (
            level is not None and _outline_level(level.get(f"{w}val")) < 9
        ):
            own.add(sid)
        parent = style.find(f"{w}basedOn")
        if parent is not None:
            based_on[sid] = parent.get(f"{w}val", "")
    return frozenset(sid for sid in based_on.keys() | own if _inherits(sid, own, based_on))


def _inherits(sid: str, own: set[str], based_on: dict[str, str]) -> bool:
    for _ in range(_MAX_STYLE_DEPTH):
        if sid in own:
            return True
        if sid not in based_on:
            return False
        sid = based_on[sid]
    return False


def _set_apart(box: Container, parts: dict[str, str], w: str, label: str) -> tuple[SetApart, ...]:
    """Page headers and footers (each text once) and comments: shown apart, not compared."""
    margins: list[str] = []
    for margin in ("header", "footer"):
        for kind, part in parts.items():
            if kind.split()[0] == margin:
                margins.extend(_texts(parse_part(box.read(part), label, f"its {margin}s"), w))
    comments: list[str] = []
    if "comments" in parts:
        comments = _texts(parse_part(box.read(parts["comments"]), label, "its comments"), w)
    return (
        set_apart("page headers and footers", list(dict.fromkeys(margins))),
        set_apart("comments", comments),
    )


def _texts(root: Element, w: str) -> list[str]:
    """The paragraphs under ``root``, read as the body is."""
    found: list[str] = []
    walker = _Walker(w, frozenset(), lambda text, heading: found.append(text))
    walker.blocks(root)
    walker.flush()
    return found
