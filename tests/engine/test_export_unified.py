# SPDX-License-Identifier: GPL-3.0-or-later
"""The unified diff: the standard format, and ``patch``/``git apply`` rebuild B from A."""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import doc, read_pair
from twofold.cli import main
from twofold.engine.decoding import decode_bytes
from twofold.engine.export_unified import NO_NEWLINE_MARKER, render_unified, split_lines
from twofold.engine.model import CompareOptions, DiffResult, Document, Unit
from twofold.engine.pipeline import compare

GUI = Path(__file__).resolve().parents[2] / "gui"
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
PATCH = shutil.which("patch")
GIT = shutil.which("git")

needs_patch = pytest.mark.skipif(PATCH is None, reason="the patch program is not installed")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def _result(a: str, b: str, label_a: str = "a.txt", label_b: str = "b.txt") -> DiffResult:
    return compare(doc(a, label_a), doc(b, label_b), CompareOptions(unit=Unit.LINES))


def _patch(original: bytes, diff: str, work: Path) -> bytes:
    """B as GNU patch rebuilds it from A and the diff."""
    (work / "orig").write_bytes(original)
    run = subprocess.run(
        [str(PATCH), "--batch", "--quiet", "--no-backup-if-mismatch", "-o", "out", "orig"],
        input=diff.encode("utf-8"),
        cwd=work,
        capture_output=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return (work / "out").read_bytes()


def _git_apply(original: bytes, diff: str, work: Path, name: str = "a.txt") -> bytes:
    """B as ``git apply`` rebuilds it; the diff names the file, hence ``-p0``."""
    (work / name).write_bytes(original)
    (work / "diff").write_bytes(diff.encode("utf-8"))
    run = subprocess.run(
        [str(GIT), "apply", "-p0", "--unidiff-zero", "diff"],
        cwd=work,
        capture_output=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return (work / name).read_bytes()


def apply_unified(original: str, diff: str) -> str:
    """A strict pure-Python ``patch``: every header count and context line is checked."""
    src, out, pos = split_lines(original), [], 0
    if not diff:
        return original
    rows = diff.split("\n")
    assert rows.pop() == ""
    assert rows[0].startswith("--- ")
    assert rows[1].startswith("+++ ")
    k = 2
    while k < len(rows):
        head = re.fullmatch(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", rows[k])
        assert head, rows[k]
        start_a, count_a, start_b, count_b = (int(g or 1) for g in head.groups())
        first = start_a - 1 if count_a else start_a
        assert first >= pos
        out.extend(src[pos:first])
        pos = first
        assert len(out) == (start_b - 1 if count_b else start_b)
        seen_a = seen_b = 0
        k += 1
        while k < len(rows) and not rows[k].startswith("@@"):
            sign, body = rows[k][0], rows[k][1:] + "\n"
            if k + 1 < len(rows) and rows[k + 1] == NO_NEWLINE_MARKER:
                body = body[:-1]
                k += 1
            assert sign in " -+"
            if sign != "+":
                assert src[pos] == body
                pos, seen_a = pos + 1, seen_a + 1
            if sign != "-":
                out.append(body)
                seen_b += 1
            k += 1
        assert (seen_a, seen_b) == (count_a, count_b)
    return "".join(out + src[pos:])


def _text(lines: list[str], newline_at_end: bool) -> str:
    return "".join(f"{line}\n" for line in lines) if newline_at_end else "\n".join(lines)


# --------------------------------------------------------------------- format


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("", []),
        ("\n", ["\n"]),
        ("a", ["a"]),
        ("a\n", ["a\n"]),
        ("a\n\nb", ["a\n", "\n", "b"]),
        # only \n ends a line for patch: form feed and U+2028 stay inside
        ("x\x0cy\u2028z\n", ["x\x0cy\u2028z\n"]),
    ],
)
def test_split_lines(text: str, lines: list[str]) -> None:
    assert split_lines(text) == lines
    assert "".join(split_lines(text)) == text


def test_identical_texts_give_no_output() -> None:
    assert render_unified(_result("same\ntext\n", "same\ntext\n")) == ""
    assert render_unified(_result("", "")) == ""


@pytest.mark.parametrize("changed", [(15,), (3, 20), (0, 29), (10, 13)])
def test_hunks_match_difflib(changed: tuple[int, ...]) -> None:
    a = "".join(f"line {n}\n" for n in range(30))
    b = "".join(f"line {n}{' changed' if n in changed else ''}\n" for n in range(30))
    expected = difflib.unified_diff(
        a.splitlines(keepends=True), b.splitlines(keepends=True), "old/x.txt", "new/x.txt"
    )
    assert render_unified(_result(a, b, "old/x.txt", "new/x.txt")) == "".join(expected)


def test_real_prose_rebuilds() -> None:
    a, b = read_pair("pep1_mixed")
    out = render_unified(_result(a, b, "old/pep-0001.txt", "new/pep-0001.txt"))
    assert out.startswith("--- old/pep-0001.txt\n+++ new/pep-0001.txt\n@@ -")
    assert apply_unified(a, out) == b


def test_repeated_lines_stay_fast() -> None:
    # difflib's matcher needs minutes here (each line occurs 60 times)
    a, b = read_pair("pep1_mixed")
    big_a = "\n".join(a for _ in range(60))
    big_b = "\n".join(b if k % 7 == 0 else a for k in range(60))
    start = time.perf_counter()
    out = render_unified(_result(big_a, big_b))
    assert time.perf_counter() - start < 30
    assert apply_unified(big_a, out) == big_b


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("x\ny", "x\nz", "@@ -1,2 +1,2 @@\n x\n-y\n{M}\n+z\n{M}\n"),
        ("x\ny\n", "x\ny", "@@ -1,2 +1,2 @@\n x\n-y\n+y\n{M}\n"),
        ("x\ny", "x\ny\n", "@@ -1,2 +1,2 @@\n x\n-y\n{M}\n+y\n"),
        ("a\nz", "b\nz", "@@ -1,2 +1,2 @@\n-a\n+b\n z\n{M}\n"),
        ("", "x", "@@ -0,0 +1 @@\n+x\n{M}\n"),
        ("x", "", "@@ -1 +0,0 @@\n-x\n{M}\n"),
    ],
)
def test_no_newline_marker(a: str, b: str, expected: str) -> None:
    out = render_unified(_result(a, b))
    assert out == "--- a.txt\n+++ b.txt\n" + expected.replace("{M}", NO_NEWLINE_MARKER)


@pytest.mark.skipif(shutil.which("diff") is None, reason="diff is not installed")
@pytest.mark.parametrize(("a", "b"), [("1\n2\n3\n", "1\n2\nthree"), ("p\nq", "p\nq\nr\n")])
def test_same_bytes_as_gnu_diff(tmp_path: Path, a: str, b: str) -> None:
    (tmp_path / "a").write_text(a, "utf-8")
    (tmp_path / "b").write_text(b, "utf-8")
    cmd = ["diff", "-u", "--label", "a.txt", "--label", "b.txt", "a", "b"]
    gnu = subprocess.run(cmd, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert render_unified(_result(a, b)) == gnu.stdout


def test_context_width() -> None:
    a = "".join(f"{n}\n" for n in range(20))
    b = a.replace("10\n", "ten\n")
    assert render_unified(_result(a, b), context=0).splitlines()[2:] == [
        "@@ -11 +11 @@",
        "-10",
        "+ten",
    ]
    assert "@@ -8,7 +8,7 @@" in render_unified(_result(a, b))
    with pytest.raises(ValueError, match="negative"):
        render_unified(_result(a, b), context=-1)


def test_labels_cannot_break_the_header() -> None:
    out = render_unified(_result("a\n", "b\n", "evil\n+++ x", "tab\there"))
    assert out.splitlines()[:2] == ["--- evil +++ x", "+++ tab here"]


# ------------------------------------------------------------- patch applies


line = st.text(alphabet="ab \t\\+-@", max_size=4)
lines = st.lists(line, max_size=12)


@settings(max_examples=300, deadline=None)
@given(a=lines, b=lines, a_eol=st.booleans(), b_eol=st.booleans(), context=st.integers(0, 4))
def test_hunks_rebuild_b(
    a: list[str], b: list[str], a_eol: bool, b_eol: bool, context: int
) -> None:
    text_a, text_b = _text(a, a_eol), _text(b, b_eol)
    out = render_unified(_result(text_a, text_b), context=context)
    assert (out == "") == (text_a == text_b)
    assert apply_unified(text_a, out) == text_b


@needs_patch
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=lines, b=lines, a_eol=st.booleans(), b_eol=st.booleans(), context=st.integers(0, 3))
def test_patch_rebuilds_b(
    a: list[str], b: list[str], a_eol: bool, b_eol: bool, context: int
) -> None:
    text_a, text_b = _text(a, a_eol), _text(b, b_eol)
    out = render_unified(_result(text_a, text_b), context=context)
    assert (out == "") == (text_a == text_b)
    if not out:
        return
    with tempfile.TemporaryDirectory() as work:
        assert _patch(text_a.encode(), out, Path(work)) == text_b.encode()


@needs_git
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=lines, b=lines, a_eol=st.booleans(), b_eol=st.booleans())
def test_git_apply_rebuilds_b(a: list[str], b: list[str], a_eol: bool, b_eol: bool) -> None:
    text_a, text_b = _text(a, a_eol), _text(b, b_eol)
    out = render_unified(_result(text_a, text_b, "a.txt", "a.txt"))
    if not out:
        return
    with tempfile.TemporaryDirectory() as work:
        assert _git_apply(text_a.encode(), out, Path(work)) == text_b.encode()


@needs_patch
def test_patch_applies_to_real_prose(tmp_path: Path) -> None:
    # whole-file diff: patch must also find every hunk at its stated line
    a, b = read_pair("pep1_mixed")
    out = render_unified(_result(a, b))
    assert _patch(a.encode(), out, tmp_path) == b.encode()


@needs_patch
def test_crlf_files_get_crlf_lines(tmp_path: Path) -> None:
    raw_a, raw_b = b"one\r\ntwo\r\nthree\r\n", b"one\r\n2\r\nthree"
    a = decode_bytes(raw_a, "a.txt")
    b = decode_bytes(raw_b, "b.txt")
    out = render_unified(compare(a, b))
    assert out.endswith("-two\r\n-three\r\n+2\r\n+three\n" + NO_NEWLINE_MARKER + "\n")
    assert _patch(raw_a, out, tmp_path) == raw_b


# ------------------------------------------------------------------------- CLI


def test_cli_diff_prints_the_patch(capsys: pytest.CaptureFixture[str]) -> None:
    left, right = DEMO / "gettysburg-nicolay.txt", DEMO / "gettysburg-bliss.txt"
    assert main(["--diff", str(left), str(right)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- gettysburg-nicolay.txt\n+++ gettysburg-bliss.txt\n@@ -1,7 +1,7 @@\n")
    result = compare(_load(left), _load(right))
    assert out == render_unified(result)


def test_cli_diff_of_identical_files(capsys: pytest.CaptureFixture[str]) -> None:
    same = str(DEMO / "gettysburg-bliss.txt")
    assert main(["--diff", "--label", "x", "--label", "y", same, same]) == 0
    assert capsys.readouterr().out == ""


def _load(path: Path) -> Document:
    return decode_bytes(path.read_bytes(), path.name, str(path))
