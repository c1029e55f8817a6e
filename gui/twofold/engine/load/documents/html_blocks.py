# SPDX-License-Identifier: GPL-3.0-or-later
"""The paragraphs of an HTML tree: each block element's own text, as a browser shows it.

A paragraph is the text between block boundaries (``<p>``, ``<li>``, a heading,
a table cell, a ``<div>``'s own text), its white space collapsed as a browser
collapses it and a ``<br>`` a space (the reader contract keeps a paragraph on
one line). A ``<pre>`` keeps its lines, one paragraph each. Each block is
handed back with the element that holds it, so the caller can ask where on the
page it sits (in the article, in the navigation, in the footer).

Constraints: no Qt, no I/O; the tree is lxml's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Block", "blocks"]

_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_BLOCK_TAGS = _HEADINGS | {
    *["address", "article", "aside", "blockquote", "body", "caption", "center", "dd"],
    *["details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer"],
    *["form", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol"],
    *["p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr"],
    "ul",
}
#: elements whose text is no text of the page
_SKIPPED = frozenset(
    [
        *["head", "script", "style", "noscript", "template", "svg", "math", "object", "embed"],
        *["iframe", "canvas", "select", "option", "button", "textarea", "input", "title"],
        *["meta", "link"],
    ]
)
#: HTML's white space, which a browser shows as one space (a no-break space is not it)
_SPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of a page and the element it was gathered in."""

    text: str
    heading: bool
    #: the block element holding the text (an lxml ``HtmlElement``)
    element: Any


def blocks(root: Any) -> list[Block]:
    """The paragraphs under ``root`` in document order."""
    gathered: list[Block] = []
    _Walker(gathered).walk(root)
    return gathered


class _Walker:
    """Gathers inline text until a block boundary, then hands it over as one paragraph."""

    __slots__ = ("_holder", "_out", "_pieces")

    def __init__(self, out: list[Block]) -> None:
        self._out = out
        self._pieces: list[str] = []
        self._holder: Any = None

    def walk(self, root: Any) -> None:
        self._holder = root
        self._element(root)
        self._flush()

    def _element(self, element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED or not tag:  # comments and processing instructions too
            self._tail(element)
            return
        if tag == "pre":
            self._flush()
            for line in element.text_content().splitlines():
                self._pieces.append(line)
                self._holder = element
                self._flush()
            self._tail(element)
            return
        block = tag in _BLOCK_TAGS
        if block:
            self._flush()
            self._holder = element
        if tag == "br":
            self._pieces.append(" ")
        if element.text:
            self._pieces.append(element.text)
        for child in element:
            self._element(child)
        if block:
            self._flush()
            self._holder = element.getparent()
        self._tail(element)

    def _tail(self, element: Any) -> None:
        if element.tail:
            self._pieces.append(element.tail)

    def _flush(self) -> None:
        if not self._pieces:  # most boundaries close a block already handed over
            return
        text = _SPACE.sub(" ", "".join(self._pieces)).strip(" ")
        self._pieces = []
        if text:
            holder = self._holder
            self._out.append(Block(text, _in_heading(holder), holder))


def _in_heading(element: Any) -> bool:
    while element is not None:
        if element.tag in _HEADINGS:
            return True
        element = element.getparent()
    return False
