# SPDX-License-Identifier: GPL-3.0-or-later
"""The EPUB reader: chapters in the spine's order, not the zip's, and what a chapter holds."""

from __future__ import annotations

import pytest

from office_files import epub_bytes
from twofold.engine.errors import InputError
from twofold.engine.load.documents.epub import read_epub
from twofold.engine.load.documents.extracted import Extracted, ReadLimits

LIMITS = ReadLimits()


def read(data: bytes) -> Extracted:
    return read_epub(data, "book.epub", LIMITS)


def test_chapters_are_read_in_spine_order() -> None:
    chapters = {
        "text/one.xhtml": "<h1>One</h1><p>First chapter.</p>",
        "text/two.xhtml": "<h1>Two</h1><p>Second chapter.</p>",
        "notes.xhtml": "<p>A note.</p>",
    }
    found = read(epub_bytes(chapters, ["notes.xhtml", "text/two.xhtml", "text/one.xhtml"]))
    assert found.text == "A note.\n\nTwo\n\nSecond chapter.\n\nOne\n\nFirst chapter.\n"
    assert [found.text[at : found.text.index("\n", at)] for at in found.headings] == [
        "Two",
        "One",
    ]


def test_a_chapter_reads_as_its_blocks_with_entities_and_white_space_as_shown() -> None:
    chapter = (
        "<section><h2>The <em>first</em>\n   day</h2>"
        "<p>It rained&nbsp;all &amp; more.<br/>Then sun.</p>"
        "<ul><li>One</li><li>Two<ul><li>Inner</li></ul></li></ul>"
        "<script>var x = '<p>not text</p>';</script><style>p { color: red }</style>"
        '<span epub:type="pagebreak" title="12">12</span>'
        "<blockquote>Quoted.</blockquote><div>Loose <b>div</b> text</div></section>"
    )
    found = read(epub_bytes({"c.xhtml": chapter}, ["c.xhtml"]))
    assert found.text == (
        "The first day\n\nIt rained\u00a0all & more. Then sun.\n\nOne\n\nTwo\n\nInner\n\n"
        "Quoted.\n\nLoose div text\n"
    )
    assert found.headings == (0,)


def test_a_table_of_contents_in_the_spine_is_set_apart() -> None:
    chapters = {
        "toc.xhtml": '<nav epub:type="toc"><ol><li><a href="c.xhtml">Chapter</a></li></ol></nav>',
        "c.xhtml": "<p>Text.</p>",
    }
    found = read(epub_bytes(chapters, ["toc.xhtml", "c.xhtml"]))
    assert found.text == "Text.\n"
    assert [(kept.kind, kept.paragraphs) for kept in found.set_apart] == [("table of contents", 1)]


def test_hrefs_are_resolved_against_the_package_and_unescaped() -> None:
    data = epub_bytes({"my chapter.xhtml": "<p>Spaced.</p>"}, ["my chapter.xhtml"], opf_dir="b")
    data = data.replace(b'href="my chapter.xhtml"', b'href="my%20chapter.xhtml"')
    assert read(data).text == "Spaced.\n"


def test_a_book_with_drm_is_refused_in_one_sentence() -> None:
    encryption = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
        'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
        '<enc:CipherData><enc:CipherReference URI="OEBPS/c.xhtml"/></enc:CipherData>'
        "</enc:EncryptedData></encryption>"
    )
    data = epub_bytes(
        {"c.xhtml": "<p>x</p>"}, ["c.xhtml"], extra={"META-INF/encryption.xml": encryption}
    )
    with pytest.raises(InputError, match="protected by DRM"):
        read(data)


def test_a_book_with_no_chapters_says_so() -> None:
    with pytest.raises(InputError, match="has no chapters"):
        read(epub_bytes({"c.xhtml": "<p>x</p>"}, []))


def test_markup_no_parser_expects_is_read_past_in_one_pass() -> None:
    """Bogus declarations and endless unclosed tags: the text around them is still read.

    ``html.parser`` raised on the first and rescanned the second from its start
    at every step (minutes for a chapter of a few hundred kilobytes).
    """
    chapter = "<p>Before.</p>" + "<![" * 2000 + "<p>After.</p>" + '<p a="' * 50_000
    found = read(epub_bytes({"c.xhtml": chapter}, ["c.xhtml"]))
    assert found.text.startswith("Before.\n\n")
