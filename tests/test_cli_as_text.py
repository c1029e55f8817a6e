# SPDX-License-Identifier: GPL-3.0-or-later
"""``--as-text``: an HTML template's or RTF file's own bytes compared, on every front."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from office_files import docx_bytes, p
from twofold.cli import main

#: two pages that read the same but are not the same markup: a class renamed
PAGE_A = '<!DOCTYPE html>\n<html><body>\n<p class="lead">Hello, world.</p>\n</body></html>\n'
PAGE_B = PAGE_A.replace('class="lead"', 'class="intro"')
#: two RTF files with the same text, one word of it in bold in the second
RTF_A = r"{\rtf1\ansi{\fonttbl\f0 Times;}\f0 Plain words here.\par}" + "\n"
RTF_B = r"{\rtf1\ansi{\fonttbl\f0 Times;}\f0 Plain {\b words} here.\par}" + "\n"


@pytest.fixture
def pages(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    a.write_text(PAGE_A, encoding="utf-8")
    b.write_text(PAGE_B, encoding="utf-8")
    return a, b


@pytest.fixture
def letters(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.rtf", tmp_path / "b.rtf"
    a.write_text(RTF_A, encoding="ascii")
    b.write_text(RTF_B, encoding="ascii")
    return a, b


def front(name: str, tmp_path: Path) -> list[str]:
    return ["--report", str(tmp_path / "r.html")] if name == "--report" else [name]


@pytest.mark.parametrize("name", ["--json", "--stat", "--diff", "--report"])
@pytest.mark.parametrize("kind", ["pages", "letters"])
def test_markup_alone_differs_only_as_text(
    name: str, kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    a, b = request.getfixturevalue(kind)
    assert main([*front(name, tmp_path), str(a), str(b)]) == 0  # the documents read the same
    assert main([*front(name, tmp_path), "--as-text", str(a), str(b)]) == 1


def test_text_prints_the_files_own_text(
    pages: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["--text", str(pages[0])]) == 0
    assert capsysbinary.readouterr().out == b"Hello, world.\n"
    assert main(["--text", "--as-text", str(pages[0])]) == 0
    assert capsysbinary.readouterr().out == PAGE_A.encode()


def test_json_says_text_and_its_offsets_index_the_markup(
    pages: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--json", "--as-text", str(pages[0]), str(pages[1])]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["a"]["format"], report["b"]["format"]) == ("text", "text")
    lines = [PAGE_B[start:end] for start, end in report["b"]["paragraphs"]]
    assert '<p class="intro">Hello, world.</p>' in "".join(lines)


def test_diff_as_text_is_the_patch_of_the_markup(
    pages: tuple[Path, Path], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["--diff", "--as-text", str(pages[0]), str(pages[1])]) == 1
    patch = capsysbinary.readouterr().out.decode()
    assert '-<p class="lead">Hello, world.</p>' in patch
    assert '+<p class="intro">Hello, world.</p>' in patch


def test_standard_input_is_read_as_text_too(
    pages: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE_A.encode())))
    assert main(["--json", "--as-text", "-", str(pages[1])]) == 1
    assert json.loads(capsys.readouterr().out)["a"]["format"] == "text"


def test_a_word_document_as_text_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes(p("Some words.")))
    assert main(["--stat", str(draft), str(draft)]) == 0
    assert main(["--stat", "--as-text", str(draft), str(draft)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith('twofold: "draft.docx"')
    assert err[0] == (
        'twofold: "draft.docx" is a Word document, whose bytes are not text; '
        "compare it as a document, not as text."
    )
