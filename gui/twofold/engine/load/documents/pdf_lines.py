# SPDX-License-Identifier: GPL-3.0-or-later
"""Read one PDF page's lines and their boxes through PDFium (pypdfium2).

PDFium gives a page's text in its reading order with its own line breaks
(``\\r\\n``), and marks a word the layout cut at a line's end with U+FFFE in place
of the hyphen (joining the two lines). Only the first and last character of each
line, and the end of its first word, are asked for their boxes, and the first
for its font: a few calls a line, not a few a character, which keeps a 300-page
PDF quick.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from twofold.engine.load.documents.pdf_geometry import Page, PageLine

__all__ = ["page_lines"]

#: PDFium's line breaks, and its marks for a hyphen the layout put at a line's end
#: (U+FFFE in current PDFium, U+0002 in older ones)
_LINE_END = re.compile(r"\r\n|\r|\n|\ufffe|\x02")
_HYPHEN_MARKS = frozenset("\ufffe\x02")
#: characters a PDF's text carries that are no text: NUL, soft hyphens, other controls
_DROPPED = dict.fromkeys(
    [c for c in range(32) if c not in (9, 10, 13)] + [0xAD, 0xFEFF, 0xFFFD], None
)
_LIGATURES = re.compile("[\ufb00-\ufb06]")
#: weights at and above which a font is bold
_BOLD_WEIGHT = 600


def page_lines(page: Any) -> Page:
    """The lines of a ``pypdfium2.PdfPage``, in PDFium's reading order."""
    import pypdfium2.raw as pdfium_c  # loaded only when a PDF is opened

    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count > 0 else ""
        index = _char_index(text, count)
        lines = []
        start = 0
        for end_match in [*_LINE_END.finditer(text), None]:
            end = end_match.start() if end_match else len(text)
            hyphen = end_match is not None and end_match.group() in _HYPHEN_MARKS
            line = _line(textpage, pdfium_c, text, index, start, end, hyphen)
            if line is not None:
                lines.append(line)
            start = end_match.end() if end_match else len(text)
        return Page(width=float(width), height=float(height), lines=tuple(lines))
    finally:
        textpage.close()


def _char_index(text: str, count: int) -> list[int] | None:
    """PDFium's character index of each position in ``text`` (None when they are equal).

    PDFium counts UTF-16 units, so a character beyond the BMP takes two indices.
    """
    if len(text) == count:
        return None
    index, unit = [], 0
    for char in text:
        index.append(unit)
        unit += 2 if ord(char) > 0xFFFF else 1
    return index


def _line(
    textpage: Any,
    pdfium_c: Any,
    text: str,
    index: list[int] | None,
    start: int,
    end: int,
    hyphen: bool,
) -> PageLine | None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    first = start + (len(piece) - len(piece.lstrip()))
    last = start + len(piece.rstrip()) - 1
    first_i = index[first] if index is not None else first
    last_i = index[last] if index is not None else last
    left, bottom, _, top = textpage.get_charbox(first_i, loose=True)
    word_end = first + len(stripped.split(maxsplit=1)[0]) - 1
    lead_right = textpage.get_charbox(index[word_end] if index is not None else word_end)[2]
    _, last_bottom, right, last_top = textpage.get_charbox(last_i, loose=True)
    size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, first_i))
    weight = int(pdfium_c.FPDFText_GetFontWeight(textpage.raw, first_i))
    clean = clean_text(stripped)
    if not clean.strip():
        return None
    return PageLine(
        text=clean,
        x0=float(left),
        x1=float(max(right, left)),
        bottom=float(min(bottom, last_bottom)),
        top=float(max(top, last_top, bottom, last_bottom)),
        size=size,
        lead=float(max(0.0, lead_right - left)),
        bold=weight >= _BOLD_WEIGHT,
        hyphen=hyphen,
    )


def clean_text(text: str) -> str:
    """A line's text without the controls PDFs carry, ligatures spelled out, tabs as spaces."""
    text = text.translate(_DROPPED).replace("\t", " ")
    return _LIGATURES.sub(lambda match: unicodedata.normalize("NFKC", match.group()), text)
