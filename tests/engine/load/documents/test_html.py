# SPDX-License-Identifier: GPL-3.0-or-later
"""A web page opened as a user opens it: its article compared, the site around it set apart.

The corpus pages are LibreOffice's text inside a made-up archive site; the news
page here wraps a GPL text in every kind of chrome a news site has (a cookie
banner, navigation, share buttons, a comment form, a "most read" box, a footer).
"""

from __future__ import annotations

import html
import io
import socket
from pathlib import Path

import lxml.html
import pytest

from support import DATA
from twofold.cli import main
from twofold.engine.errors import InputError
from twofold.engine.load.decoding import decode_file, load_document
from twofold.engine.load.documents.extracted import ReadLimits
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import DocFormat, Unit
from twofold.engine.result.model import CompareOptions, Document

GPL = DATA / "documents" / "gpl2_vs_gpl3"
PEP = DATA / "documents" / "pep0008_strunk_white"


def paragraphs(document: Document) -> list[str]:
    assert document.text.endswith("\n")
    return document.text.removesuffix("\n").split("\n\n")


def set_apart(document: Document) -> dict[str, int]:
    return {part.kind: part.paragraphs for part in document.set_apart}


def _article(path: Path) -> list[str]:
    """What the corpus page's ``<article>`` holds, block by block, as a browser shows it."""
    tree = lxml.html.fromstring(path.read_bytes())
    return [" ".join(el.text_content().split()) for el in tree.xpath("//article/*")]


@pytest.mark.parametrize("path", [GPL / "a.html", GPL / "b.html", PEP / "a.html", PEP / "b.html"])
def test_the_corpus_pages_give_their_article_and_set_the_site_apart(path: Path) -> None:
    document = load_document(path)
    assert document.format is DocFormat.HTML
    assert paragraphs(document) == _article(path)
    assert set_apart(document) == {
        "site navigation": 1,
        "site header": 1,
        "cookie notice": 1,
        "related links": 3,
        "site footer": 2,
    }
    footer = next(part for part in document.set_apart if part.kind == "site footer")
    assert (
        footer.text == "Open Texts Archive is a volunteer project.\n\nContact | Privacy | Imprint"
    )


def test_headings_are_reported() -> None:
    document = load_document(GPL / "a.html")
    headings = [document.text[at : document.text.index("\n", at)] for at in document.headings]
    assert headings == [
        "gpl2_vs_gpl3",
        "GNU GENERAL PUBLIC LICENSE Version 2, June 1991",
        "Preamble",
        "NO WARRANTY",
        "END OF TERMS AND CONDITIONS",
        "How to Apply These Terms to Your New Programs",
    ]


def _shape(pair: Path, forms: tuple[str, str]) -> list[tuple[str, int, int]]:
    result = compare(
        load_document(pair / f"a.{forms[0]}"),
        load_document(pair / f"b.{forms[1]}"),
        CompareOptions(unit=Unit.PARAGRAPHS),
    )
    return [(found.kind.value, len(found.a), len(found.b)) for found in result.pairs]


@pytest.mark.parametrize(
    ("pair", "forms"),
    [
        (GPL, ("html", "html")),
        (PEP, ("html", "html")),
        (GPL, ("html", "docx")),
        (PEP, ("odt", "html")),
        (GPL, ("pdf", "html")),  # not PEP 8's PDFs: their first page is blank, a start lost
    ],
    ids=lambda value: value.name if isinstance(value, Path) else "-".join(value),
)
def test_a_web_page_aligns_as_the_text_pair(pair: Path, forms: tuple[str, str]) -> None:
    """Past the page's title (the archive's heading, which the other forms have not)."""
    shape = _shape(pair, forms)
    assert shape[1:] == _shape(pair, ("txt", "txt"))


def _news_page(paras: list[str], *, marked: bool = True) -> bytes:
    """A news site's page around ``paras``: its title, byline, body and all the chrome."""
    box = "article" if marked else "div"
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras[1:])
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(paras[0])} - The Daily Planet</title>
<script>var teaser = "<p>not text</p>";</script><style>p {{ color: #222 }}</style></head>
<body>
<div id="cookie-consent">We use cookies to personalise content. <a href="/privacy">Privacy
policy</a> <button>Accept all</button></div>
<header class="site-header"><a class="logo" href="/">The Daily Planet</a>
<nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/us">U.S.</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
</header>
<div class="layout"><div class="content"><{box} class="story">
<h1>{html.escape(paras[0])}</h1>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Email</a></div>
<div class="story-body">{body}</div>
</{box}>
<section class="comments"><h2>Comments</h2><form class="comment-form">
<label>Your comment</label><textarea></textarea><button>Post</button></form>
<div class="comment"><p>Great article, thanks for sharing this with all of us.</p></div>
</section></div>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Ten things to know this week</a>
</li><li><a href="/b">Markets rally as the talks resume</a></li></ul></aside></div>
<div class="newsletter-signup">Get the morning briefing in your inbox.</div>
<footer id="footer"><p>&copy; 2024 The Daily Planet. All rights reserved.</p>
<p><a href="/about">About us</a> | <a href="/terms">Terms of use</a></p></footer>
</body></html>""".encode()


def _gpl_paragraphs() -> list[str]:
    text = (GPL / "a.txt").read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()][:12]


@pytest.mark.parametrize("marked", [True, False], ids=["article-element", "divs-only"])
def test_a_news_page_gives_the_article_and_names_each_kind_of_chrome(marked: bool) -> None:
    paras = _gpl_paragraphs()
    document = decode_file(_news_page(paras, marked=marked), "repost.html")
    assert paragraphs(document) == paras
    assert document.headings == (0,)
    assert set_apart(document) == {
        "cookie notice": 1,
        "site header": 1,
        "site navigation": 4,
        "share buttons": 1,
        "comments and comment forms": 3,
        "related links": 3,
        "advertising and sign-up boxes": 1,
        "site footer": 2,
    }
    assert "not text" not in document.text


def test_whole_page_compares_everything_in_page_order() -> None:
    paras = _gpl_paragraphs()
    page = _news_page(paras)
    document = decode_file(page, "repost.html", limits=ReadLimits(whole_page=True))
    got = paragraphs(document)
    assert got[0] == "We use cookies to personalise content. Privacy policy"
    assert got[got.index(paras[0]) :][: len(paras) + 1] == [
        paras[0],
        "Share on Facebook Email",
        *paras[1:],
    ]
    assert got[-1] == "About us | Terms of use"
    assert document.set_apart == ()


def test_a_page_without_site_chrome_is_compared_whole() -> None:
    """A document saved as HTML: short list items and table cells are its text, not menus."""
    page = b"""<html><body><h1>Minutes</h1><p>Present:</p><ul><li>Ann</li><li>Bo</li></ul>
    <table><tr><td>Budget</td><td>12</td></tr></table><p>Next meeting on Friday.</p>
    </body></html>"""
    document = decode_file(page, "minutes.htm")
    assert paragraphs(document) == [
        "Minutes",
        "Present:",
        "Ann",
        "Bo",
        "Budget",
        "12",
        "Next meeting on Friday.",
    ]
    assert document.set_apart == ()


SCHON = "Ein Stück Käse für die Größe, später übermäßig schön."


@pytest.mark.parametrize(
    ("body", "encoding", "expected"),
    [
        ('<meta charset="windows-1251"><p>Привет, мир</p>', "cp1251", "Привет, мир"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
            "<p>café \u2013 crème</p>",
            "cp1252",
            "café \u2013 crème",
        ),
        ("<p>naïve café</p>", "utf-16", "naïve café"),
        ("<p>naïve café</p>", "utf-8", "naïve café"),
        (f"<p>{SCHON}</p>", "cp1252", SCHON),
        (
            "<p>caf&eacute; &amp; cr&#232;me &#x27;quoted&#x27; a&nbsp;b</p>",
            "ascii",
            "café & crème 'quoted' a\u00a0b",
        ),
    ],
    ids=["meta-charset", "http-equiv-latin1", "utf16-bom", "utf8", "undeclared-cp1252", "entities"],
)
def test_the_encoding_is_found_and_entities_decoded(
    body: str, encoding: str, expected: str
) -> None:
    page = f"<!DOCTYPE html><html><body>{body}</body></html>".encode(encoding)
    assert paragraphs(decode_file(page, "page.html")) == [expected]


def test_nothing_is_fetched_and_declared_entities_are_not_expanded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError(f"a web page reader opened a connection: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = b"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html SYSTEM "http://127.0.0.1:9/evil.dtd" [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<html><head><link rel="stylesheet" href="http://127.0.0.1:9/style.css">
<base href="http://127.0.0.1:9/"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Title</h1><p>Text with an image <img src="http://127.0.0.1:9/i.png"> and
<iframe src="http://127.0.0.1:9/frame"></iframe> a frame, &lol2; here.</p></article>
</body></html>"""
    document = decode_file(page, "page.xhtml", limits=ReadLimits(whole_page=True))
    assert "lollol" not in document.text
    assert "Text with an image and a frame," in document.text


def test_a_page_with_more_text_than_the_limit_is_refused() -> None:
    page = b"<html><body>" + b"<p>A paragraph of a long page.</p>" * 200 + b"</body></html>"
    with pytest.raises(InputError) as refused:
        decode_file(page, "long.html", limits=ReadLimits(max_text_chars=1_000))
    assert (
        str(refused.value) == '"long.html" holds more text than Twofold compares in one document.'
    )


def test_the_command_line_prints_the_article_and_says_what_was_left_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--text", str(GPL / "a.html")]) == 0
    printed = capsys.readouterr().out
    assert printed.removesuffix("\n").split("\n\n") == _article(GPL / "a.html")
    assert main(["--stat", str(GPL / "a.html"), str(GPL / "b.html")]) == 1
    assert (
        "not compared: 1 paragraph of site navigation, 1 paragraph of site header, "
        "1 paragraph of cookie notice, 3 paragraphs of related links, "
        "2 paragraphs of site footer"
    ) in capsys.readouterr().out


def test_whole_page_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "repost.html"
    page.write_bytes(_news_page(_gpl_paragraphs()))
    assert main(["--text", "--whole-page", str(page)]) == 0
    whole = capsys.readouterr().out
    assert whole.startswith("We use cookies to personalise content. Privacy policy\n\n")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(page.read_bytes())))
    assert main(["--stat", "--whole-page", "-", str(page)]) == 0
    assert "not compared" not in capsys.readouterr().out
    assert main(["--stat", str(page), str(page)]) == 0
    assert (
        "not compared: 4 paragraphs of site navigation, 1 paragraph of site header, "
        "1 paragraph of cookie notice" in capsys.readouterr().out
    )
