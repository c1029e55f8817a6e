# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a web page as its article, the site around it set apart (or the whole page).

The article is found by readability-lxml, the Python port of Arc90's
Readability (the algorithm behind Firefox's Reader View, Apache-2.0): it scores
the page's blocks by their text, punctuation and link density and keeps the
best one with its kin. trafilatura finds articles a little better in published
comparisons but brings dateparser, babel and a dozen more packages (~60 MB) for
what a diff viewer needs of it; writing the scoring by hand would be the
third-rate version of either. readability only says what the article is: what
the rest was (navigation, a cookie notice, a footer) is read from the page's
own landmarks (``html_chrome``), so a reader sees what was left out and why.

A page with no site chrome at all (a document saved as HTML) is its own
article: readability would drop its short lists and tables as if they were
menus. ``ReadLimits.whole_page`` compares every page's text whole.

Nothing is fetched: the parser is told to use no network, linked resources
(images, style sheets, frames) are never opened, and entities are HTML's own.

Constraints: no Qt; libraries imported only when a page is opened.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from twofold.engine.errors import InputError
from twofold.engine.load.documents.extracted import Extracted, Progress, ReadLimits, SetApart
from twofold.engine.load.documents.html_blocks import Block, blocks
from twofold.engine.load.documents.html_chrome import (
    Chrome,
    chrome_kind,
    marked,
    outside_article,
)
from twofold.engine.load.documents.html_encoding import decode_html
from twofold.engine.load.documents.paragraphs import Paragraphs, set_apart

__all__ = ["read_html"]

#: an XML declaration: lxml refuses one in text it is handed already decoded
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def read_html(
    data: bytes, label: str, limits: ReadLimits, progress: Progress | None = None
) -> Extracted:
    """A page's article (or with ``limits.whole_page`` all its text), headings marked.

    Raises:
        InputError: the page holds more text than ``limits.max_text_chars``, or
            its markup cannot be parsed at all.
    """
    if progress is not None:
        progress(0, 1)
    text = _XML_DECLARATION.sub("", decode_html(data), count=1)
    root = _parse(text, label)
    page = blocks(root.find("body") if root.find("body") is not None else root)
    left_out: tuple[SetApart, ...] = ()
    if limits.whole_page or not _has_chrome(root):
        compared = page
    else:
        compared = _in_page(page, _article(text)) or page
        left_out = _set_apart(page, compared)
    paragraphs = Paragraphs(label, limits)
    for block in compared:
        paragraphs.add(block.text, heading=block.heading)
    if progress is not None:
        progress(1, 1)
    return paragraphs.extracted("html", left_out)


def _parse(text: str, label: str) -> Any:
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True
    )
    try:
        return lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser)
    except lxml.etree.ParserError:  # nothing but white space: an empty page
        return lxml.html.document_fromstring(b"<html><body></body></html>", parser)
    except (lxml.etree.LxmlError, ValueError):
        raise InputError(
            f'"{label}" cannot be read as a web page: its markup is damaged.'
        ) from None


def _has_chrome(root: Any) -> bool:
    """Whether the page has parts a site puts around an article (nav, footer, a banner)."""
    return any(marked(element) for element in root.iter() if isinstance(element.tag, str))


def _article(text: str) -> list[Block]:
    """The blocks of the page's article as readability finds it; empty if it finds none."""
    import lxml.html
    from readability import Document
    from readability.readability import Unparseable

    try:
        summary = Document(text).summary(html_partial=True)
    except Unparseable:
        return []
    return blocks(lxml.html.fromstring(summary)) if summary.strip() else []


def _in_page(page: list[Block], article: list[Block]) -> list[Block]:
    """The page's own blocks that make its article.

    readability hands back a cleaned copy of the article, and keeps only the
    best-scoring container and its kin: a title just outside that container, or
    a byline beside it, are lost. So its blocks are found in the page, and when
    the page marks its article (``article``, ``main``) around them, the article
    is everything in that mark but the chrome inside it (share buttons, comment
    forms); otherwise it is readability's blocks and the page's title heading.
    """
    unclaimed = Counter(block.text for block in article)
    claimed: list[Block] = []
    for block in page:
        if unclaimed[block.text] > 0:
            unclaimed[block.text] -= 1
            claimed.append(block)
    if not claimed:
        return []
    container = _marked_article(_common_ancestor([block.element for block in claimed]))
    if container is not None:
        return [
            block
            for block in page
            if _within(block.element, container) and not outside_article(block.element, container)
        ]
    title = next(
        (b for b in page if b.element.tag == "h1" and chrome_kind(b.element) is Chrome.OTHER), None
    )
    if title is not None and title not in claimed and page.index(title) < page.index(claimed[0]):
        return [title, *claimed]
    return claimed


def _common_ancestor(elements: list[Any]) -> Any:
    path = [*list(elements[0].iterancestors())[::-1], elements[0]]
    for element in elements[1:]:
        mine = {id(e) for e in element.iterancestors()} | {id(element)}
        while path and id(path[-1]) not in mine:
            path.pop()
    return path[-1] if path else None


def _marked_article(element: Any) -> Any:
    """The nearest ``article`` or ``main`` at or above ``element`` (below ``body``)."""
    while element is not None and element.tag not in ("body", "html"):
        if element.tag in ("article", "main") or element.get("role") in ("article", "main"):
            return element
        element = element.getparent()
    return None


def _within(element: Any, container: Any) -> bool:
    while element is not None:
        if element is container:
            return True
        element = element.getparent()
    return False


def _set_apart(page: list[Block], article: list[Block]) -> tuple[SetApart, ...]:
    """The page's blocks that are not the article's, by what part of the page holds them."""
    taken = {id(block) for block in article}
    found: defaultdict[Chrome, list[str]] = defaultdict(list)
    for block in page:
        if id(block) not in taken:
            found[chrome_kind(block.element)].append(block.text)
    return tuple(set_apart(kind.value, found[kind]) for kind in Chrome if kind in found)
