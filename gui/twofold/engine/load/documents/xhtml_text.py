# SPDX-License-Identifier: GPL-3.0-or-later
"""The paragraphs of an XHTML chapter: block elements end paragraphs, headings are marked.

Why ``html.parser`` and not an XML parser: an EPUB's chapters are meant to be
XHTML, but books in the wild carry HTML entities (``&nbsp;``) that XML without
the DTD does not know, unclosed tags and stray ampersands, and a strict parser
would refuse the whole book for one of them. The standard library's HTML
parser takes them all, expands only the HTML character references it knows
(never an entity a document declares, so no "billion laughs"), and fetches
nothing. A chapter is a book's text, not a web page: there is no site chrome
to find, only navigation (a table of contents page) to set apart.

Constraints: no Qt, standard library only.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["ChapterText", "decode_chapter"]

#: elements whose start or end ends the paragraph being gathered
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
#: elements whose content is not the book's text
_HIDDEN = frozenset(["head", "script", "style", "template", "title", "svg", "object"])
#: HTML's void elements: they never hold content, so they never end a hidden stretch
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
#: HTML's white space, which a browser shows as one space (a no-break space is not it)
_SPACE = re.compile(r"[ \t\n\r\f]+")
_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")


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


class ChapterText(HTMLParser):
    """Feed a chapter; read ``paragraphs`` (text, heading) and ``navigation`` after ``close``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        #: the chapter's paragraphs in order, each with whether it is a heading
        self.paragraphs: list[tuple[str, bool]] = []
        #: the text of ``nav`` elements (a table of contents), kept apart
        self.navigation: list[str] = []
        self._pieces: list[str] = []
        self._heading = 0
        self._hidden = 0
        self._nav = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden or tag in _HIDDEN or _is_page_break(attrs):
            if tag not in _VOID:
                self._hidden += 1
            return
        if tag == "br":
            self._pieces.append(" ")
        elif tag in _BLOCKS:
            self._end_paragraph()
            self._heading += 1 if tag in _HEADINGS else 0
            self._nav += 1 if tag == "nav" else 0

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # ``<p/>`` in XHTML: a start with no content and no end tag to follow.
        if self._hidden:
            return
        if tag == "br":
            self._pieces.append(" ")
        elif tag in _BLOCKS:
            self._end_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            if tag not in _VOID:
                self._hidden -= 1
            return
        if tag in _BLOCKS:
            self._end_paragraph()
            if tag in _HEADINGS:
                self._heading = max(0, self._heading - 1)
            elif tag == "nav":
                self._nav = max(0, self._nav - 1)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._pieces.append(data)

    def close(self) -> None:
        super().close()
        self._end_paragraph()

    def _end_paragraph(self) -> None:
        text = _SPACE.sub(" ", "".join(self._pieces)).strip(" ")
        self._pieces = []
        if not text:
            return
        if self._nav:
            self.navigation.append(text)
        else:
            self.paragraphs.append((text, self._heading > 0))


def _is_page_break(attrs: list[tuple[str, str | None]]) -> bool:
    """An EPUB page marker (``epub:type="pagebreak"``): the print edition's page number."""
    return any(
        name in ("epub:type", "role") and "pagebreak" in (value or "") for name, value in attrs
    )
