# SPDX-License-Identifier: GPL-3.0-or-later
"""The EPUB reader: chapters in the spine's order, not the zip's, and what a chapter holds."""

from __future__ import annotations

import pytest

from office_files import epub_bytes
from support import DATA
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


def heading_texts(found: Extracted) -> list[str]:
    return [found.text[at : found.text.index("\n", at)] for at in found.headings]


@pytest.mark.parametrize("pair", ["pep0008_strunk_white", "gpl2_vs_gpl3"])
@pytest.mark.parametrize("side", ["a", "b"])
def test_libreoffice_books_have_the_headings_their_odt_has(pair: str, side: str) -> None:
    from twofold.engine.load.documents.odt import read_odt

    folder = DATA / "documents" / pair
    book = read_epub((folder / f"{side}.epub").read_bytes(), "book.epub", LIMITS)
    odt = read_odt((folder / f"{side}.odt").read_bytes(), "doc.odt", LIMITS)
    assert heading_texts(odt)  # the corpus has headings to find
    assert heading_texts(book) == heading_texts(odt)
    assert book.text == odt.text


#: LibreOffice's way: every paragraph a ``p``, what it looks like in the stylesheet
_LIBREOFFICE_CSS = """
.para0 { margin: 0.1390in 0px 0.0835in 0px; }
/* a heading */ .span0 { font-family: 'Liberation Serif'; font-size: 18.0000pt;
  font-weight: bold; }
.span1 { }
.span2 { font-weight: bold; }
.span3 { font-size: 20pt; }
p.para9, .span4 { font-weight: 700; font-size: 1.3em; }
"""


@pytest.mark.parametrize(
    ("paragraph", "heading"),
    [
        ('<p class="para0"><span class="span0">Styled heading</span></p>', True),
        (
            '<p class="para0"><span class="span4">Big</span> <span class="span0">bold</span></p>',
            True,
        ),
        ('<p class="para9">Bold and large by its paragraph</p>', True),
        ('<p class="para0"><span class="span2">Bold only, body size</span></p>', False),
        ('<p class="para0"><span class="span3">Large only, not bold</span></p>', False),
        ('<p><span class="span0">Bold start</span> and plain text after</p>', False),
        ('<p class="para0"><span class="span1">Plain</span></p>', False),
        ('<div><span class="span0">Not a paragraph</span></div>', False),
    ],
)
def test_a_paragraph_styled_bold_and_large_is_a_heading(paragraph: str, heading: bool) -> None:
    data = epub_bytes(
        {"c.xhtml": f"{paragraph}<p>Body.</p>"}, ["c.xhtml"], styles={"s.css": _LIBREOFFICE_CSS}
    )
    found = read(data)
    assert found.text.endswith("\n\nBody.\n")
    assert found.headings == ((0,) if heading else ())


def test_heading_classes_are_not_guessed_without_a_stylesheet() -> None:
    found = read(epub_bytes({"c.xhtml": '<p class="span0">Text.</p>'}, ["c.xhtml"]))
    assert found.headings == ()
