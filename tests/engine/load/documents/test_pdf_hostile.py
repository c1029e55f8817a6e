# SPDX-License-Identifier: GPL-3.0-or-later
"""PDFs Twofold cannot compare end in one sentence naming the file, never a trace or a hang.

Each is opened as a user would open it: from a file, through the loader and the
command line. The encrypted ones are written by pypdf, the others by ``pdf_maker``.
"""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdf
import pytest

from pdf_maker import Block, layout, pdf_bytes, prose
from twofold.cli import main
from twofold.engine.errors import CompareCanceled, InputError
from twofold.engine.load.decoding import load_document
from twofold.engine.load.documents.extracted import ReadLimits

TEXT = "A paragraph long enough to wrap onto a second line of the page it is laid out on. " * 3


def _plain() -> bytes:
    return pdf_bytes(layout([Block(TEXT) for _ in range(30)], lines_per_page=20))


def _encrypted(user: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(_plain())))
    writer.encrypt(user_password=user, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


HOSTILE = {
    "encrypted": (
        lambda: _encrypted("secret"),
        '"locked.pdf" is an encrypted PDF; Twofold cannot read it without its password.',
    ),
    "scanned": (
        lambda: pdf_bytes([[], []], image_only=True),
        '"locked.pdf" has no text to compare: it is a scanned PDF or holds only images.',
    ),
    "truncated": (
        lambda: _plain()[: len(_plain()) // 2],
        '"locked.pdf" is not a PDF Twofold can read: it is damaged or incomplete.',
    ),
    "garbage-after-the-header": (
        lambda: b"%PDF-1.7\n" + bytes(range(256)) * 40,
        '"locked.pdf" is not a PDF Twofold can read: it is damaged or incomplete.',
    ),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_pdf_that_cannot_be_read_is_one_sentence(tmp_path: Path, case: str) -> None:
    make, sentence = HOSTILE[case]
    path = _write(tmp_path, "locked.pdf", make())
    with pytest.raises(InputError) as refused:
        load_document(path)
    assert str(refused.value) == sentence


@pytest.mark.parametrize("case", HOSTILE)
def test_the_command_line_says_it_in_one_line_and_exits_2(
    tmp_path: Path, case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make, sentence = HOSTILE[case]
    locked = _write(tmp_path, "locked.pdf", make())
    other = _write(tmp_path, "other.pdf", _plain())
    assert main(["--stat", str(locked), str(other)]) == 2
    err = capsys.readouterr().err
    assert err == f"twofold: {sentence}\n"


def test_an_owner_password_alone_does_not_stop_reading(tmp_path: Path) -> None:
    """Permissions without a user password (print, copy limits) open in any viewer."""
    document = load_document(_write(tmp_path, "limited.pdf", _encrypted("")))
    assert document.text.split("\n\n")[0] == TEXT.strip()


def test_more_pages_than_the_limit_are_refused_by_their_count(tmp_path: Path) -> None:
    path = _write(tmp_path, "long.pdf", _plain())
    with pytest.raises(InputError) as refused:
        load_document(path, limits=ReadLimits(max_pages=3))
    assert str(refused.value) == ('"long.pdf" has 5 pages; Twofold reads PDFs of up to 3 pages.')


def test_more_text_than_the_limit_is_refused_not_cut(tmp_path: Path) -> None:
    path = _write(tmp_path, "long.pdf", _plain())
    with pytest.raises(InputError) as refused:
        load_document(path, limits=ReadLimits(max_text_chars=2_000))
    assert str(refused.value) == '"long.pdf" holds more text than Twofold compares in one document.'


def test_progress_is_told_each_page_and_can_cancel(tmp_path: Path) -> None:
    path = _write(tmp_path, "long.pdf", _plain())
    told: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        told.append((done, total))
        if done == 3:
            raise CompareCanceled

    with pytest.raises(CompareCanceled):
        load_document(path, progress=progress)
    assert told == [(0, 5), (1, 5), (2, 5), (3, 5)]
    # PDFium is free again: the next PDF reads
    assert load_document(path).text.startswith(TEXT.strip())


def test_a_300_page_pdf_reads_with_a_progress_step_per_page(tmp_path: Path) -> None:
    blocks = [Block(f"Paragraph {n}. {prose(n)}") for n in range(600)]
    pages = layout(blocks, lines_per_page=16, page_numbers=True, indent_first=True)
    assert len(pages) >= 300
    told: list[int] = []
    document = load_document(
        _write(tmp_path, "book.pdf", pdf_bytes(pages)),
        progress=lambda done, total: told.append(done),
    )
    assert told == list(range(len(pages) + 1))
    assert document.text == "".join(f"{block.text}\n\n" for block in blocks)[:-1]
    numbers = {part.kind: part.paragraphs for part in document.set_apart}
    assert numbers == {"page number": len(pages)}


def test_two_pdfs_read_at_once_in_threads(tmp_path: Path) -> None:
    """Two sides read by worker threads at once both come out whole.

    PDFium is documented as not thread-safe and the reader holds a lock around it;
    this race did not crash here without the lock either, so it checks the result,
    not the lock.
    """
    paths = [_write(tmp_path, f"{n}.pdf", _plain()) for n in range(8)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        texts = list(pool.map(lambda path: load_document(path).text, paths))
    assert texts == [texts[0]] * 8
    assert texts[0].startswith(TEXT.strip())
