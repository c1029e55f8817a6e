# SPDX-License-Identifier: GPL-3.0-or-later
"""Properties every reader keeps: paragraphs come back as written, in the contract's shape.

Any paragraphs written into a DOCX, an ODT, an EPUB or an RTF file read back
as the same paragraphs (white space at their ends dropped, empty ones gone),
one a line with a blank line between, and every heading offset is where a
heading paragraph starts.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from office_files import docx_bytes, epub_bytes, odt_bytes, p
from twofold.engine.load.documents.docx import read_docx
from twofold.engine.load.documents.epub import read_epub
from twofold.engine.load.documents.extracted import Extracted, ReadLimits
from twofold.engine.load.documents.odt import read_odt
from twofold.engine.load.documents.rtf import read_rtf

LIMITS = ReadLimits()

#: words of any script, with the punctuation XML, RTF and HTML escape
_WORD = st.text(
    st.characters(
        codec="utf-8",
        categories=("L", "N", "P", "S"),
        exclude_characters="\\{}",
    ),
    min_size=1,
    max_size=12,
)
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)
_DOCUMENT = st.lists(st.tuples(_PARAGRAPH, st.booleans()), max_size=12)


def _docx(paragraphs: list[tuple[str, bool]]) -> Extracted:
    styles = '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style>'
    body = "".join(p(html.escape(text), "H1" if heading else None) for text, heading in paragraphs)
    return read_docx(docx_bytes(body, styles=styles), "p.docx", LIMITS)


def _odt(paragraphs: list[tuple[str, bool]]) -> Extracted:
    body = "".join(
        f'<text:h text:outline-level="1">{html.escape(text)}</text:h>'
        if heading
        else f"<text:p>{html.escape(text)}</text:p>"
        for text, heading in paragraphs
    )
    return read_odt(odt_bytes(body), "p.odt", LIMITS)


def _epub(paragraphs: list[tuple[str, bool]]) -> Extracted:
    body = "".join(
        f"<h2>{html.escape(text)}</h2>" if heading else f"<p>{html.escape(text)}</p>"
        for text, heading in paragraphs
    )
    return read_epub(epub_bytes({"c.xhtml": body}, ["c.xhtml"]), "p.epub", LIMITS)


def _rtf(paragraphs: list[tuple[str, bool]]) -> Extracted:
    def escaped(text: str) -> str:
        return "".join(char if ord(char) < 128 else f"\\u{_signed(char)}?" for char in text)

    level = "\\outlinelevel0 "
    body = "".join(
        f"\\pard {level if heading else ''}{escaped(text)}\\par\n" for text, heading in paragraphs
    )
    return read_rtf(("{\\rtf1\\ansi " + body + "}").encode("ascii"), "p.rtf", LIMITS)


def _signed(char: str) -> str:
    """``\\uN`` takes a signed 16-bit number; astral characters go as surrogate halves."""
    units = char.encode("utf-16-le")
    halves = [int.from_bytes(units[i : i + 2], "little") for i in range(0, len(units), 2)]
    return "?\\u".join(str(h - 65536 if h > 32767 else h) for h in halves)


READERS: dict[str, Callable[[list[tuple[str, bool]]], Extracted]] = {
    "docx": _docx,
    "odt": _odt,
    "epub": _epub,
    "rtf": _rtf,
}


def _expected(paragraphs: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """What a reader gives back: each paragraph with HTML's white space rule, empty ones gone."""
    found = [(" ".join(text.split()), heading) for text, heading in paragraphs]
    return [(text, heading) for text, heading in found if text]


def _read_back(found: Extracted) -> list[tuple[str, bool]]:
    assert found.text == "" or found.text.endswith("\n")
    assert "\r" not in found.text
    assert "\n\n\n" not in found.text
    starts, at = [], 0
    pieces = found.text[:-1].split("\n\n") if found.text else []
    for piece in pieces:
        assert piece
        assert "\n" not in piece
        assert piece == piece.strip()
        starts.append(at)
        at += len(piece) + 2
    assert set(found.headings) <= set(starts)
    assert list(found.headings) == sorted(found.headings)
    return [(piece, start in found.headings) for piece, start in zip(pieces, starts, strict=True)]


@settings(max_examples=40, deadline=None)
@given(paragraphs=_DOCUMENT, form=st.sampled_from(sorted(READERS)))
def test_paragraphs_and_headings_come_back_as_written(
    paragraphs: list[tuple[str, bool]], form: str
) -> None:
    back = _read_back(READERS[form](paragraphs))
    assert [(" ".join(text.split()), heading) for text, heading in back] == _expected(paragraphs)
