# SPDX-License-Identifier: GPL-3.0-or-later
"""Documents on the command line: ``--text``, every front, and ``-`` for standard input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import hostile_documents
from office_files import docx_bytes, p
from support import DATA, GUI, run_cli_without_qt

PAIR = DATA / "documents" / "pep0008_strunk_white"


def twofold(*args: str | Path, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """The command as a user runs it, with ``stdin`` piped in; output kept as bytes."""
    return subprocess.run(
        [sys.executable, "-m", "twofold", *map(str, args)],
        input=stdin,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(GUI)},
        timeout=120,
        check=False,
    )


def test_text_prints_what_is_compared_and_json_offsets_index_it() -> None:
    shown = twofold("--text", PAIR / "a.docx")
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout.decode("utf-8")
    assert "\r" not in text
    assert text.startswith("PEP: 8 Title: Style Guide for Python Code")
    compared = twofold("--json", PAIR / "a.docx", PAIR / "b.docx")
    a = json.loads(compared.stdout)["a"]
    pieces = [text[start:end] for start, end in a["paragraphs"]]
    assert pieces == text.rstrip("\n").split("\n\n")
    assert [text[at : text.index("\n", at)] for at in a["headings"]][:2] == [
        "Introduction",
        "A Foolish Consistency is the Hobgoblin of Little Minds",
    ]


def test_text_of_a_text_file_is_its_decoded_text() -> None:
    shown = twofold("--text", DATA / "encodings" / "crlf_en.bin")
    expected = (DATA / "encodings" / "crlf_en.expected.txt").read_bytes()
    assert (shown.returncode, shown.stdout) == (0, expected)
    shown = twofold("--text", DATA / "encodings" / "cp1251_ru.bin")
    assert shown.stdout == (DATA / "encodings" / "cp1251_ru.expected.txt").read_bytes()


def test_text_takes_one_file() -> None:
    shown = twofold("--text", PAIR / "a.docx", PAIR / "b.docx")
    assert shown.returncode == 2
    assert b"give one file" in shown.stderr


def test_json_says_each_side_s_format_and_what_was_set_apart(tmp_path: Path) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes(p("Body text."), header=p("DRAFT"), footer=p("Page 1")))
    compared = twofold("--json", draft, PAIR / "a.txt")
    assert compared.returncode == 1, compared.stderr
    found = json.loads(compared.stdout)
    assert found["a"]["format"] == "docx"
    assert found["a"]["set_apart"] == [{"kind": "page headers and footers", "paragraphs": 2}]
    assert (found["b"]["format"], found["b"]["set_apart"], found["b"]["headings"]) == (
        "text",
        [],
        [],
    )


def test_stat_on_two_forms_of_one_text_finds_no_difference() -> None:
    """Same text, different files: a document's bytes are not what is compared."""
    rc, err = run_cli_without_qt(["--stat", str(PAIR / "a.docx"), str(PAIR / "a.rtf")])
    assert (rc, err) == (0, "")
    shown = twofold("--stat", PAIR / "a.odt", PAIR / "a.epub")
    assert shown.stdout.decode().splitlines() == [
        "A: a.odt (107 paragraphs, OpenDocument text)",
        "B: a.epub (107 paragraphs, EPUB book)",
        "No differences.",
    ]


def test_stat_counts_the_changes_of_a_document_pair() -> None:
    shown = twofold("--stat", PAIR / "a.docx", PAIR / "b.odt")
    assert shown.returncode == 1
    assert b"1 change: 1 changed" in shown.stdout


def test_diff_of_documents_is_the_diff_of_their_text() -> None:
    shown = twofold("--diff", PAIR / "a.docx", PAIR / "b.rtf")
    assert shown.returncode == 1
    lines = shown.stdout.decode("utf-8").splitlines()
    assert lines[:2] == ["--- a.docx", "+++ b.rtf"]
    assert [line for line in lines[2:] if line[:1] in "+-"] == [
        "-As always when writing English, Strunk and White apply.",
        "+When writing English, Strunk and White apply.",
    ]


def test_report_of_documents_shows_the_change(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    shown = twofold("--report", out, PAIR / "a.epub", PAIR / "b.docx")
    assert shown.returncode == 1, shown.stderr
    assert "Strunk and White apply" in out.read_text("utf-8")


def test_a_document_against_text_is_compared_by_paragraphs() -> None:
    found = json.loads(twofold("--json", PAIR / "a.txt", PAIR / "b.docx").stdout)
    assert found["unit"] == "paragraphs"
    assert found["layout"] == []


def test_standard_input_is_one_side() -> None:
    """``git show HEAD~3:essay.md | twofold - essay.md``."""
    piped = (PAIR / "a.txt").read_bytes()
    shown = twofold("--stat", "-", PAIR / "b.txt", stdin=piped)
    assert shown.returncode == 1, shown.stderr
    assert shown.stdout.decode().splitlines()[0].startswith("A: standard input (")
    same = twofold("--stat", PAIR / "a.txt", "-", stdin=piped)
    assert (same.returncode, same.stdout.splitlines()[-1]) == (0, b"No differences.")


def test_a_document_on_standard_input_is_read_as_one() -> None:
    shown = twofold(
        "--json", "--label", "old.docx", "-", PAIR / "b.docx", stdin=(PAIR / "a.docx").read_bytes()
    )
    found = json.loads(shown.stdout)
    assert (found["a"]["format"], found["a"]["label"]) == ("docx", "old.docx")
    assert found["stats"]["changes"] == 1


def test_text_of_standard_input() -> None:
    shown = twofold("--text", "-", stdin=(PAIR / "a.odt").read_bytes())
    assert shown.stdout == twofold("--text", PAIR / "a.odt").stdout


def test_both_sides_cannot_be_standard_input() -> None:
    shown = twofold("--stat", "-", "-", stdin=b"x")
    assert shown.returncode == 2
    assert b"only one side can be read from standard input" in shown.stderr


@pytest.mark.parametrize("front", ["--stat", "--json", "--diff"])
def test_bad_standard_input_is_one_line_and_exit_two(front: str) -> None:
    shown = twofold(front, "-", PAIR / "b.txt", stdin=b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" * 50)
    assert shown.returncode == 2
    assert shown.stderr.decode() == '"standard input" looks like a binary file, not text.\n'.join(
        ["twofold: ", ""]
    )


def _refused(shown: subprocess.CompletedProcess[bytes], path: Path, words: str) -> None:
    assert shown.returncode == 2, shown.stdout[:200]
    err = shown.stderr.decode()
    assert err.startswith(f'twofold: "{path.name}" ')
    assert err.count("\n") == 1
    assert words in err


@pytest.mark.parametrize("case", hostile_documents.CASES)
def test_a_hostile_document_is_one_line_and_exit_two(case: str, tmp_path: Path) -> None:
    build, words = hostile_documents.CASES[case]
    path = build(tmp_path)
    _refused(twofold("--stat", path, PAIR / "b.txt"), path, words)


@pytest.mark.parametrize(
    "front",
    [["--json"], ["--diff"], ["--text"], ["--report", "out.html"]],
    ids=["json", "diff", "text", "report"],
)
def test_every_front_refuses_a_hostile_document_alike(front: list[str], tmp_path: Path) -> None:
    path = hostile_documents.billion_laughs(tmp_path)
    if front[0] == "--report":
        front = ["--report", str(tmp_path / "out.html")]
    others = [] if front == ["--text"] else [PAIR / "b.txt"]
    _refused(twofold(*front, path, *others), path, "declares XML entities")
    assert not (tmp_path / "out.html").exists()


def test_the_report_names_a_document_s_format_and_what_it_left_out(tmp_path: Path) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes(p("Body text."), header=p("DRAFT")))
    out = tmp_path / "report.html"
    shown = twofold("--report", out, draft, PAIR / "b.txt")
    assert shown.returncode == 1, shown.stderr
    page = out.read_text("utf-8")
    assert "Word document; 1 paragraph not compared (page headers and footers)" in page
    assert "utf-8, LF newlines" in page  # the text side, as before
