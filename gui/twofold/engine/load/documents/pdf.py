# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a PDF's text as paragraphs, its running headers, footers and page numbers set apart.

The library is pypdfium2, Python's binding of PDFium, the PDF engine of Chrome
(BSD-3/Apache-2.0): it reads the text of a page in its reading order, with each
character's box and font size, at a speed a 300-page PDF needs (see
``bench/documents_bench.py``), and it is hardened against hostile files by
years of fuzzing. pdfminer.six does its own layout analysis but in pure Python,
an order of magnitude slower; pypdf gives text without the boxes; PyMuPDF is
AGPL. Neither joins wrapped lines into paragraphs, so that is done here
(``pdf_paragraphs``) from the lines' boxes, and so is finding page furniture
(``pdf_furniture``).

PDFium is not thread-safe, not even across documents (pypdfium2's docs say so),
and the window reads both sides in worker threads: one lock serialises every
use of it in this process.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from twofold.engine.errors import InputError
from twofold.engine.load.documents.extracted import Extracted, Progress, ReadLimits, SetApart
from twofold.engine.load.documents.paragraphs import Paragraphs, set_apart
from twofold.engine.load.documents.pdf_furniture import Furniture, find_furniture
from twofold.engine.load.documents.pdf_geometry import Page
from twofold.engine.load.documents.pdf_paragraphs import rebuild

__all__ = ["read_pdf"]

#: held around every call into PDFium (see the module's docstring)
_PDFIUM = threading.Lock()


def read_pdf(
    data: bytes, label: str, limits: ReadLimits, progress: Progress | None = None
) -> Extracted:
    """A PDF's text: paragraphs in reading order, headings marked, furniture set apart.

    Raises:
        InputError: the PDF is encrypted, damaged, has more pages than
            ``limits.max_pages``, more text than ``limits.max_text_chars``, or no
            text at all (a scan).
    """
    pages = _read_pages(data, label, limits, progress)
    if not any(page.lines for page in pages):
        raise InputError(
            f'"{label}" has no text to compare: it is a scanned PDF or holds only images.'
        )
    furniture = find_furniture(pages)
    text = Paragraphs(label, limits)
    for paragraph in rebuild(pages, furniture):
        text.add(paragraph.text, heading=paragraph.heading)
    return text.extracted("pdf", _set_apart(pages, furniture))


def _read_pages(
    data: bytes, label: str, limits: ReadLimits, progress: Progress | None
) -> list[Page]:
    import pypdfium2 as pdfium  # loaded only when a PDF is opened

    from twofold.engine.load.documents.pdf_lines import page_lines

    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise _open_error(exc, label) from None
        try:
            total = len(document)
            if total > limits.max_pages:
                raise InputError(
                    f'"{label}" has {total:,} pages; Twofold reads PDFs of up to '
                    f"{limits.max_pages:,} pages."
                )
            pages: list[Page] = []
            chars = 0
            for number in range(total):
                if progress is not None:
                    progress(number, total)
                page = document[number]
                try:
                    pages.append(page_lines(page))
                finally:
                    page.close()
                chars += sum(len(line.text) + 1 for line in pages[-1].lines)
                if chars > limits.max_text_chars:
                    raise InputError(
                        f'"{label}" holds more text than Twofold compares in one document.'
                    )
            if progress is not None:
                progress(total, total)
            return pages
        finally:
            document.close()


def _open_error(exc: Exception, label: str) -> InputError:
    import pypdfium2.raw as pdfium_c

    code = getattr(exc, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return InputError(
            f'"{label}" is an encrypted PDF; Twofold cannot read it without its password.'
        )
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return InputError(f'"{label}" is protected by a security scheme Twofold cannot open.')
    return InputError(f'"{label}" is not a PDF Twofold can read: it is damaged or incomplete.')


def _set_apart(
    pages: Sequence[Page], furniture: Sequence[dict[int, Furniture]]
) -> tuple[SetApart, ...]:
    found: dict[Furniture, list[str]] = {}
    for page, marked in zip(pages, furniture, strict=True):
        for line_no, kind in sorted(marked.items()):
            found.setdefault(kind, []).append(page.lines[line_no].text)
    return tuple(set_apart(kind.value, found[kind]) for kind in Furniture if kind in found)
