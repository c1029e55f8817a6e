# SPDX-License-Identifier: GPL-3.0-or-later
"""Write small PDFs for the tests: text placed where a layout program would put it.

No PDF-writing library does this without a test dependency, and a text PDF is a
few objects: pages whose content streams show Helvetica text at given points.
Lines are placed as written (`Line`), or a document is laid out from paragraphs
(`layout`), wrapped by Helvetica's widths as a word processor wraps, with running
headers, footers and page numbers, so the reader's paragraph joining has real
wrapped lines to undo.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

PAGE_WIDTH = 595
PAGE_HEIGHT = 842
LEFT = 72
TOP = 770
BOTTOM = 80
#: Helvetica's advance widths (thousandths of the font size) of ASCII 32-126 (its AFM)
_HELVETICA = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text at (x, y) in points from the page's bottom left."""

    x: float
    y: float
    text: str
    size: float = 11.0
    bold: bool = False


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(lines: Sequence[Line]) -> bytes:
    parts = []
    for line in lines:
        font = b"/F2" if line.bold else b"/F1"
        parts.append(
            b"BT %s %.1f Tf %.2f %.2f Td (%s) Tj ET"
            % (font, line.size, line.x, line.y, _escape(line.text))
        )
    return b"\n".join(parts)


def pdf_bytes(pages: Sequence[Sequence[Line]], *, image_only: bool = False) -> bytes:
    """A PDF with one page per item of ``pages``.

    Args:
        pages: the lines of each page.
        image_only: draw a grey box on each page and no text (a scan's image, in effect).
    """
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: pages, filled in below
    fonts = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    )
    objects.extend(fonts)
    page_ids = []
    for lines in pages:
        stream = b"0.5 g 50 50 495 742 re f" if image_only else _content(lines)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, content_id)
        )
        page_ids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    kids = b" ".join(b"%d 0 R" % i for i in page_ids)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def text_width(text: str, size: float) -> float:
    """How wide ``text`` is set in Helvetica at ``size`` points (non-ASCII as a digit)."""
    return sum(_HELVETICA[ord(c) - 32] if 32 <= ord(c) < 127 else 556 for c in text) * size / 1000


def wrap(text: str, width: float, size: float = 11.0, indent: float = 0.0) -> list[str]:
    """Cut ``text`` into lines at most ``width`` points wide at spaces (a long word alone).

    The first line is ``indent`` points narrower.
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        room = width - (indent if not lines else 0.0)
        if current and text_width(f"{current} {word}", size) > room:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph (or a heading when ``size`` is larger) to lay out."""

    text: str
    size: float = 11.0
    #: lines already cut (e.g. with hyphens), used instead of wrapping ``text``
    lines: tuple[str, ...] = ()


def layout(
    blocks: Sequence[Block],
    *,
    width: float = PAGE_WIDTH - 2 * LEFT,
    header: str | None = None,
    footer: str | None = None,
    page_numbers: bool = False,
    lines_per_page: int = 40,
    indent_first: bool = False,
) -> list[list[Line]]:
    """Lay ``blocks`` out on pages as a word processor would: wrapped, spaced, paginated.

    Args:
        blocks: paragraphs and headings in order.
        width: the text column's width in points (margins alike on both sides by default).
        header: running header text on every page (``{n}`` is the page number).
        footer: running footer text on every page (``{n}`` is the page number).
        page_numbers: a bare page number centred at the page's foot.
        lines_per_page: body lines before a page break (a paragraph may cross it).
        indent_first: indent each paragraph's first line instead of spacing paragraphs.
    """
    pages: list[list[Line]] = [[]]
    y = float(TOP)
    count = 0
    for block in blocks:
        heading = block.size > 11.0
        indent = 18.0 if indent_first and not heading else 0.0
        cut = list(block.lines) or wrap(block.text, width, block.size, indent)
        if not indent_first or heading:
            y -= 8
        for index, text in enumerate(cut):
            if count >= lines_per_page:
                pages.append([])
                y, count = float(TOP), 0
            x = LEFT + (indent if index == 0 else 0.0)
            pages[-1].append(Line(x, y, text, block.size))
            y -= block.size * 1.3
            count += 1
        if heading:
            y -= 4
    for number, page in enumerate(pages, start=1):
        if header is not None:
            page.append(Line(LEFT, 805, header.format(n=number), 9))
        if footer is not None:
            page.append(Line(LEFT, 45, footer.format(n=number), 9))
        if page_numbers:
            page.append(Line(PAGE_WIDTH / 2 - 5, 30, str(number), 9))
    return pages


LOREM = (
    "Prose lives in documents that were laid out for reading, not for comparing, "
    "and every line of them ends where the page ran out of room rather than where "
    "the writer stopped a thought, so the reader has to find the paragraphs again."
)


def prose(seed: int, sentences: int = 3) -> str:
    """A paragraph of ``LOREM``'s words in an order of its own, so no two pages look alike."""
    shuffle = random.Random(seed).shuffle
    out = []
    for _ in range(sentences):
        words = LOREM.rstrip(".").lower().split()
        shuffle(words)
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)
