# SPDX-License-Identifier: GPL-3.0-or-later
"""The paragraphs of an EPUB chapter: block elements end paragraphs, headings are marked.

Why lxml's HTML parser, not an XML parser nor ``html.parser``: an EPUB's
chapters are meant to be XHTML, but books in the wild carry HTML entities
(``&nbsp;``) that XML without the DTD does not know, unclosed tags and stray
ampersands, and a strict parser would refuse the whole book for one of them.
The standard library's ``html.parser`` takes them, but it rescans unclosed
markup from its start: a chapter of unclosed ``<p a="`` takes minutes, and
some bogus declarations raise. libxml2's HTML parser (as the web page reader
uses it) reads any of them in one pass, fetches nothing and expands no entity
a document declares. The chapter's blocks are the web reader's
(``html_blocks``): a chapter is a book's text, so there is no site chrome to
find, only navigation (a table of contents page) to set apart and the print
edition's page markers to drop.

Constraints: no Qt, no I/O; lxml is imported on the first book read.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from twofold.engine.load.documents.html_blocks import blocks

__all__ = ["ChapterText", "chapter_text", "decode_chapter"]

#: white space, ignored when comparing a paragraph's text with its styled part
_SPACE = re.compile(r"\s+")
_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")


class ChapterText(NamedTuple):
    """A chapter's paragraphs in order, each with whether it is a heading, and its navigation."""

    paragraphs: list[tuple[str, bool]]
    #: the text of ``nav`` elements (a table of contents), kept apart
    navigation: list[str]


def decode_chapter(data: bytes) -> str:
    """A chapter's bytes as text: the XML declaration's encoding, UTF-8 by default."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    declared = _ENCODING.match(data)
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return data.decode(encoding, "replace")
    except LookupError:
        return data.decode("utf-8", "replace")


def chapter_text(data: bytes, heading_classes: frozenset[str] = frozenset()) -> ChapterText:
    """The paragraphs of the chapter ``data`` (markup damaged beyond reading gives none).

    A paragraph all of whose text is set in ``heading_classes`` is a heading
    too (LibreOffice's headings, see ``epub_styles``).
    """
    root = _parse(decode_chapter(data))
    found = ChapterText([], [])
    if root is None:
        return found
    for element in list(root.iter()):
        if isinstance(element.tag, str) and _is_page_break(element):
            element.drop_tree()  # its number goes, the text after it stays
    for block in blocks(root):
        if _in_navigation(block.element):
            found.navigation.append(block.text)
        else:
            heading = block.heading or _styled_heading(block.element, heading_classes)
            found.paragraphs.append((block.text, heading))
    return found


def _parse(text: str) -> Any:
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True
    )
    try:
        return lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser)
    except (lxml.etree.LxmlError, ValueError):  # empty, or nothing a parser can take
        return None


def _is_page_break(element: Any) -> bool:
    """An EPUB page marker (``epub:type="pagebreak"``): the print edition's page number."""
    return any("pagebreak" in (element.get(name) or "") for name in ("epub:type", "role"))


def _styled_heading(element: Any, heading_classes: frozenset[str]) -> bool:
    """True if ``element`` is a paragraph whose text is all inside heading classes."""
    if not heading_classes or element.tag != "p":
        return False
    if _has_class(element, heading_classes):
        return True
    styled = [
        node.text_content()
        for node in element.iterdescendants()
        if isinstance(node.tag, str)
        and _has_class(node, heading_classes)
        and not any(_has_class(up, heading_classes) for up in node.iterancestors())
    ]
    return bool(styled) and _SPACE.sub("", "".join(styled)) == _SPACE.sub(
        "", element.text_content()
    )


def _has_class(element: Any, classes: frozenset[str]) -> bool:
    return not classes.isdisjoint((element.get("class") or "").split())


def _in_navigation(element: Any) -> bool:
    return element.tag == "nav" or any(True for _ in element.iterancestors("nav"))
