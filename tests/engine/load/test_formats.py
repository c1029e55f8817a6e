# SPDX-License-Identifier: GPL-3.0-or-later
"""Telling formats apart and handing a document to its reader.

The corpus in ``tests/data/documents`` holds one revision pair in every form
LibreOffice writes; each is recognised by its bytes even under a name that
says nothing, and by its name when its bytes are damaged.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from support import DATA, run_python
from twofold.engine.errors import CompareCanceled, InputError
from twofold.engine.load.decoding import decode_file, load_document
from twofold.engine.load.documents.extracted import ReadLimits
from twofold.engine.load.documents.formats import (
    READERS,
    ReaderRef,
    detect_format,
    read_document,
)
from twofold.engine.result.kinds import DocFormat
from twofold.engine.result.model import SetApart

PAIR = DATA / "documents" / "pep0008_strunk_white"
FORMS = {
    "docx": DocFormat.DOCX,
    "odt": DocFormat.ODT,
    "rtf": DocFormat.RTF,
    "pdf": DocFormat.PDF,
    "epub": DocFormat.EPUB,
    "html": DocFormat.HTML,
    "txt": DocFormat.TEXT,
}
FAKE = {DocFormat.DOCX: ReaderRef("document_readers", "echo")}


@pytest.mark.parametrize(("suffix", "fmt"), FORMS.items())
def test_each_form_is_known_by_its_bytes_under_a_name_that_says_nothing(
    suffix: str, fmt: DocFormat
) -> None:
    data = (PAIR / f"a.{suffix}").read_bytes()
    assert detect_format(data, "/tmp/git-difftool.XYZ/left/draft") is fmt
    assert detect_format(data, f"draft.{suffix}") is fmt


@pytest.mark.parametrize(("suffix", "fmt"), FORMS.items())
def test_the_bytes_win_over_a_misleading_name(suffix: str, fmt: DocFormat) -> None:
    data = (PAIR / f"a.{suffix}").read_bytes()
    assert detect_format(data, "draft.txt" if suffix != "txt" else "notes.md") is fmt


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("report.docx", DocFormat.DOCX),
        ("Report.DOCX", DocFormat.DOCX),
        ("book.epub", DocFormat.EPUB),
        ("notes.odt", DocFormat.ODT),
        ("scan.pdf", DocFormat.PDF),
        ("page.htm", DocFormat.HTML),
        ("essay.md", DocFormat.TEXT),
        ("archive.zip", DocFormat.TEXT),
    ],
)
def test_a_damaged_container_goes_by_its_name(name: str, fmt: DocFormat) -> None:
    """A zip cut short is no container the bytes can name; its reader says what is wrong."""
    whole = (PAIR / "a.docx").read_bytes()
    assert detect_format(whole[: len(whole) // 2], name) is fmt


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_of_something_else_is_not_taken_for_a_document() -> None:
    spreadsheet = _zip(
        {
            "[Content_Types].xml": b'<Types><Override ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        }
    )
    assert detect_format(spreadsheet, "sheet.zip") is DocFormat.TEXT


@pytest.mark.parametrize(
    "start",
    [
        b"<!DOCTYPE html>\n<html>",
        b"\xef\xbb\xbf<!doctype HTML>",
        b'<?xml version="1.0"?>\n<!-- saved -->\n<html xmlns="http://www.w3.org/1999/xhtml">',
        b"  \n<HTML><BODY>",
    ],
)
def test_a_page_is_known_by_its_start(start: bytes) -> None:
    assert detect_format(start + b"<p>Hello</p>", "saved") is DocFormat.HTML


@pytest.mark.parametrize(
    "text",
    [
        b"# Notes\n\nSee <html> tags.\n",
        b"The <body> of the text.\n",
        b"{\\rtf1 is how an RTF file starts, said this README.\n"[1:],
        b"A line about %PDF-1.7 deep inside a text " + b"x" * 2000,
    ],
)
def test_text_that_mentions_a_format_stays_text(text: bytes) -> None:
    assert detect_format(text, "README") is DocFormat.TEXT


def test_a_reader_is_named_for_every_document_format() -> None:
    assert set(READERS) == set(DocFormat) - {DocFormat.TEXT}
    assert READERS[DocFormat.PDF] == ReaderRef("twofold.engine.load.documents.pdf", "read_pdf")
    assert READERS[DocFormat.HTML] == ReaderRef("twofold.engine.load.documents.html", "read_html")


def test_a_reader_not_there_yet_is_one_sentence() -> None:
    missing = {DocFormat.PDF: ReaderRef("twofold.engine.load.documents.nonesuch", "read")}
    with pytest.raises(InputError) as caught:
        read_document(b"%PDF-1.7", DocFormat.PDF, "paper.pdf", ReadLimits(), readers=missing)
    assert str(caught.value) == (
        '"paper.pdf" cannot be opened: reading PDF files is not available yet.'
    )


def test_a_library_not_installed_is_named() -> None:
    missing = {DocFormat.EPUB: ReaderRef("document_reader_without_library", "read")}
    with pytest.raises(InputError) as caught:
        read_document(b"PK", DocFormat.EPUB, "book.epub", ReadLimits(), readers=missing)
    assert "nonesuch_document_library" in str(caught.value)
    assert str(caught.value).endswith("is not installed.")


def test_a_reader_that_chokes_gives_one_sentence_not_a_trace() -> None:
    broken = {DocFormat.DOCX: ReaderRef("document_readers", "broken")}
    with pytest.raises(InputError) as caught:
        read_document(b"PK", DocFormat.DOCX, "draft.docx", ReadLimits(), readers=broken)
    assert str(caught.value) == (
        '"draft.docx" could not be read as a Word document: it may be damaged.'
    )


def test_more_text_than_the_limit_is_refused_not_cut() -> None:
    limits = ReadLimits(max_text_chars=10)
    with pytest.raises(InputError, match="more text than"):
        read_document(b"x" * 11, DocFormat.DOCX, "long.docx", limits, readers=FAKE)
    assert read_document(b"x" * 10, DocFormat.DOCX, "ok.docx", limits, readers=FAKE).text


def test_progress_can_stop_a_reader() -> None:
    def stop(done: int, total: int) -> None:
        raise CompareCanceled("canceled")

    with pytest.raises(CompareCanceled):
        read_document(b"text", DocFormat.DOCX, "a.docx", ReadLimits(), stop, readers=FAKE)


def test_a_text_file_loads_as_text_with_no_document_fields(tmp_path: Path) -> None:
    path = tmp_path / "essay.md"
    path.write_text("# Essay\n\nOne paragraph.\n", encoding="utf-8")
    doc = load_document(path)
    assert (doc.format, doc.set_apart, doc.headings) == (DocFormat.TEXT, (), ())


def test_a_document_is_decoded_by_its_reader() -> None:
    """A Word file's bytes go to the Word reader; what it read becomes the Document."""
    data = b"Title\n\nBody.\r\n"
    seen: list[tuple[int, int]] = []
    doc = decode_file(
        b"PK\x03\x04" + data,
        "draft.docx",
        "/home/u/draft.docx",
        progress=lambda done, total: seen.append((done, total)),
        readers=FAKE,
    )
    assert doc.format is DocFormat.DOCX
    assert doc.format == "docx"
    assert doc.path == "/home/u/draft.docx"
    assert doc.size_bytes == len(data) + 4
    assert doc.digest is not None
    assert doc.set_apart == (SetApart("page footer", 1, "Page 1"),)
    assert doc.headings == (0,)
    assert seen == [(1, 2), (2, 2)]


def test_the_launch_leaves_documents_to_the_worker(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes((PAIR / "a.docx").read_bytes())
    with pytest.raises(InputError, match="is a document"):
        load_document(path, documents=False)


def test_reading_text_imports_no_document_reader() -> None:
    run = run_python(
        "import sys\n"
        "from twofold.engine.load.decoding import load_document\n"
        f"load_document({str(PAIR / 'a.txt')!r})\n"
        "print(sorted(m for m in sys.modules if m.startswith('twofold.engine.load.documents.')"
        " or m in ('zipfile', 'defusedxml')))\n"
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [
        "['twofold.engine.load.documents.extracted',",
        "'twofold.engine.load.documents.formats']",
    ]
