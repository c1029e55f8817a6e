# SPDX-License-Identifier: GPL-3.0-or-later
"""Differences outside the paragraphs are never silent on the command line (issue 16, item 2).

Each pair below differs only in its layout: line endings, the final newline,
blank lines, what a blank line holds, a BOM, the encoding. ``--stat`` used to
say "No differences." and exit 0 for all of them. Now each exits 1 and says
what differs; the option diff(1) names for it makes it not count (exit 0).
"""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path
from typing import NamedTuple

import pytest

from twofold import cli

TEXT = "Hello world.\n\nSecond paragraph.\n"


class Case(NamedTuple):
    a: bytes
    b: bytes
    #: what ``--stat`` says (its last line)
    says: str
    #: the options that make the difference not count; () for none
    ignored_by: tuple[tuple[str, ...], ...]


def _lf(text: str = TEXT) -> bytes:
    return text.encode()


CASES = {
    "crlf": Case(
        _lf(),
        TEXT.replace("\n", "\r\n").encode(),
        "Only line endings differ: LF \u2192 CRLF",
        (("--strip-trailing-cr",), ("--ignore-eol",), ("-w",)),
    ),
    "cr": Case(
        _lf(),
        TEXT.replace("\n", "\r").encode(),
        "Only line endings differ: LF \u2192 CR",
        (("--ignore-eol",),),
    ),
    "no-final-newline": Case(
        _lf(),
        _lf(TEXT.rstrip("\n")),
        "Only the newline at the end differs: A has one, B has none",
        (("-w",),),
    ),
    "extra-blank-line": Case(
        _lf(),
        _lf(TEXT.replace("\n\n", "\n\n\n")),
        "Only blank lines differ: 1 at A line 2, 2 at B line 2",
        (("-B",), ("--ignore-blank-lines",)),
    ),
    "blank-line-turned-spaces": Case(
        _lf(),
        _lf(TEXT.replace("\n\n", "\n  \n")),
        "Only white space on a blank line differs: A line 2 is empty, B line 2 holds 2 spaces",
        (("-w",),),
    ),
    "leading-blank-lines": Case(
        _lf(),
        _lf("\n\n" + TEXT),
        "Only blank lines differ: none at A line 1, 2 at B line 1",
        (("-B",),),
    ),
    "trailing-blank-lines": Case(
        _lf(),
        _lf(TEXT + "\n"),
        "Only blank lines differ: none at A line 4, 1 at B line 4",
        (("-B",),),
    ),
    "whitespace-only-vs-empty": Case(
        b"",
        b"  \t\n",
        "Only blank lines differ: none at A line 1, 1 at B line 1",
        (("-w", "-B"),),
    ),
    "form-feed-line": Case(
        _lf(),
        _lf(TEXT.replace("\n\n", "\n\f\n")),
        "Only white space on a blank line differs: A line 2 is empty, "
        "B line 2 holds a form feed (U+000C)",
        (("-w",),),
    ),
    "no-break-space-line": Case(
        _lf(),
        _lf(TEXT.replace("\n\n", "\n\u00a0\n")),
        "Only white space on a blank line differs: A line 2 is empty, "
        "B line 2 holds a no-break space (U+00A0)",
        (("-w",),),
    ),
    "line-separator-line": Case(
        _lf(),
        _lf(TEXT.replace("\n\n", "\n\u2028\n")),
        "Only white space on a blank line differs: A line 2 is empty, "
        "B line 2 holds a line separator (U+2028)",
        (("-w",),),
    ),
    "bom": Case(
        _lf(),
        b"\xef\xbb\xbf" + _lf(),
        "Only the byte order mark differs: A has none, B has one",
        (),
    ),
    "encoding": Case(
        _lf(),
        TEXT.encode("utf-16-le"),
        "Only the encoding differs: UTF-8 \u2192 UTF-16-LE",
        (),
    ),
}

ALL_OPTIONS = ("-w", "-B", "--strip-trailing-cr", "-i", "--ignore-typography")


def _pair(tmp_path: Path, case: Case) -> tuple[str, str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(case.a)
    b.write_bytes(case.b)
    return str(a), str(b)


@pytest.mark.parametrize("name", CASES)
def test_stat_exits_one_and_says_what_differs(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES[name]
    assert cli.main(["--stat", *_pair(tmp_path, case)]) == 1
    out = capsys.readouterr()
    assert out.err == ""
    assert "No differences." not in out.out
    assert out.out.splitlines()[-1] == case.says


@pytest.mark.parametrize("name", CASES)
def test_the_named_option_makes_it_not_count(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES[name]
    paths = _pair(tmp_path, case)
    for options in case.ignored_by:
        assert cli.main(["--stat", *options, *paths]) == 0, options
        assert capsys.readouterr().out.splitlines()[-1] == "No differences."
    if not case.ignored_by:  # BOM and encoding: no option hides them
        assert cli.main(["--stat", *ALL_OPTIONS, *paths]) == 1
        assert capsys.readouterr().out.splitlines()[-1] == case.says


@pytest.mark.parametrize("name", CASES)
def test_json_lists_the_layout_difference(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--json", *_pair(tmp_path, CASES[name])]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["stats"]["changes"] == 0
    assert data["stats"]["differs"] is True
    assert data["stats"]["layout_differences"] == len(data["layout"]) >= 1
    for record in data["layout"]:
        assert set(record) == {"kind", "a", "b", "a_line", "b_line"}
        assert record["a"] != record["b"]


def test_json_names_the_bytes_behind_the_same_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Mixed line endings placed differently: one text, other bytes, each file's digest told."""
    a, b = b"x\r\ny\nz\n", b"x\ny\r\nz\n"
    assert cli.main(["--json", *_pair(tmp_path, Case(a, b, "", ()))]) == 1
    digests = [hashlib.blake2b(data, digest_size=16).hexdigest() for data in (a, b)]
    layout = json.loads(capsys.readouterr().out)["layout"]
    assert layout == [
        {"kind": "bytes", "a": digests[0], "b": digests[1], "a_line": None, "b_line": None}
    ]


def test_json_gives_values_and_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = "One.\n\nTwo.\n\nThree.\n"
    b = "One.\r\n\r\n\r\nTwo.\r\n\t\r\nThree.\r\n"
    assert cli.main(["--json", *_pair(tmp_path, Case(_lf(a), b.encode(), "", ()))]) == 1
    layout = json.loads(capsys.readouterr().out)["layout"]
    assert layout == [
        {"kind": "line_endings", "a": "LF", "b": "CRLF", "a_line": None, "b_line": None},
        {"kind": "blank_lines", "a": 1, "b": 2, "a_line": 2, "b_line": 2},
        {"kind": "blank_line_whitespace", "a": "", "b": "\t", "a_line": 4, "b_line": 5},
    ]


def test_a_change_and_a_layout_difference_are_both_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    b = TEXT.replace("Second", "Third").replace("\n", "\r\n").encode()
    assert cli.main(["--stat", *_pair(tmp_path, Case(_lf(), b, "", ()))]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == "1 change: 1 changed"
    assert lines[-2:] == ["The layout differs too:", "  line endings: LF \u2192 CRLF"]


def test_blank_lines_in_a_comparison_by_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """By lines a blank line is a unit: -B leaves it out, as diff -B does."""
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("x = 1\ny = 2\n", "utf-8")
    b.write_text("x = 1\n\n\ny = 2\n", "utf-8")
    assert cli.main(["--stat", str(a), str(b)]) == 1
    assert "1 inserted" in capsys.readouterr().out
    assert cli.main(["--stat", "-B", str(a), str(b)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "No differences."


def test_ignore_blank_lines_keeps_lines_of_spaces_unless_w(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """diff -B ignores empty lines only; with -w a line of white space is empty too."""
    paths = _pair(tmp_path, Case(_lf("a\n\nb\n"), _lf("a\n  \n\nb\n"), "", ()))
    assert cli.main(["--stat", "-B", *paths]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Only white space on a blank line differs: A has no such line (at line 3), "
        "B line 2 holds 2 spaces"
    )
    assert cli.main(["--stat", "-w", "-B", *paths]) == 0


def test_many_layout_differences_are_bounded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paragraphs = [f"Paragraph {n}." for n in range(300)]
    paths = _pair(
        tmp_path,
        Case(_lf("\n\n".join(paragraphs) + "\n"), _lf("\n\n\n".join(paragraphs) + "\n"), "", ()),
    )
    assert cli.main(["--stat", *paths]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == "Only the layout differs:"
    assert lines[-1] == "  \u2026 and 289 more"
    assert len(lines) == 14
    assert cli.main(["--json", *paths]) == 1
    data = json.loads(capsys.readouterr().out)
    assert len(data["layout"]) == 100
    assert data["stats"]["layout_differences"] == 299


# ------------------------------------------------------------------- --diff agrees


def _diff(args: list[str], capsysbinary: pytest.CaptureFixture[bytes]) -> tuple[int, bytes]:
    code = cli.main(["--diff", *args])
    return code, capsysbinary.readouterr().out


@pytest.mark.parametrize("name", CASES)
def test_diff_exit_status_agrees_with_stat(
    tmp_path: Path, name: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """Without options and with the options --diff honours (-B, --strip-trailing-cr)."""
    case = CASES[name]
    paths = _pair(tmp_path, case)
    assert _diff([*paths], capsysbinary)[0] == 1
    for options in case.ignored_by:
        if "-w" in options:  # --diff compares the lines as they are
            continue
        code, patch = _diff([*options, *paths], capsysbinary)
        assert (code, patch) == (0, b""), options
        assert cli.main(["--stat", *options, *paths]) == 0
        capsysbinary.readouterr()


def test_diff_strip_trailing_cr_prints_lines_without_cr(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """As GNU diff --strip-trailing-cr: the CR before each LF is gone, in and out."""
    a = b"one\r\ntwo\r\nthree\r\n"
    b = b"one\nTWO\nthree\n"
    paths = _pair(tmp_path, Case(a, b, "", ()))
    code, patch = _diff(["--strip-trailing-cr", *paths], capsysbinary)
    assert code == 1
    assert patch.split(b"\n", 2)[2] == b"@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n"


def test_diff_ignore_blank_lines_drops_hunks_of_blank_lines_only(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """As GNU diff -B: a blank line near a real change is shown with it, one far away is not."""
    a = b"a\n\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
    b = b"a\n\n\nb\nC\nd\ne\nf\ng\nh\ni\nj\n\n"
    paths = _pair(tmp_path, Case(a, b, "", ()))
    code, patch = _diff(["-B", *paths], capsysbinary)
    assert code == 1
    assert patch.split(b"\n", 2)[2] == (b"@@ -1,7 +1,8 @@\n a\n \n+\n b\n-c\n+C\n d\n e\n f\n")
    code, patch = _diff(["-B", *_pair(tmp_path, Case(a, a + b"\n\n", "", ()))], capsysbinary)
    assert (code, patch) == (0, b"")


@pytest.mark.parametrize("name", ["crlf", "extra-blank-line", "form-feed-line", "bom"])
def test_the_report_says_what_differs(tmp_path: Path, name: str) -> None:
    """The HTML report is a front too: never "No differences." for these."""
    case = CASES[name]
    out = tmp_path / "report.html"
    assert cli.main(["--report", str(out), *_pair(tmp_path, case)]) == 1
    report = out.read_text("utf-8")
    assert "No differences." not in report
    assert html.escape(case.says, quote=False) in report


def test_by_lines_under_b_the_report_numbers_file_lines(tmp_path: Path) -> None:
    a, b = tmp_path / "a.py", tmp_path / "b.py"
    a.write_text("def f():\n    return 1\n\n\ndef g():\n    return 2\n", "utf-8")
    b.write_text("def f():\n    return 1\n\ndef g():\n\n    return 3\n", "utf-8")
    out = tmp_path / "report.html"
    assert cli.main(["--report", str(out), "-B", str(a), str(b)]) == 1
    report = out.read_text("utf-8")
    assert report.count('<td class="num">6</td>') == 2  # line 6 on both sides, not unit 4
