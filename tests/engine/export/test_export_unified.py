# SPDX-License-Identifier: GPL-3.0-or-later
"""The unified diff: the standard format, and ``patch``/``git apply`` rebuild B from A.

Byte for byte, whatever the files' encoding, BOM and line endings.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import read_pair
from twofold.cli import main
from twofold.engine.export.export_unified import (
    NO_NEWLINE_MARKER,
    newlines_as_lf,
    split_lines,
    stored_diff,
    text_as_utf8,
    unified_diff,
)
from twofold.engine.load.text_decoding import decode_bytes
from twofold.engine.result.model import CompareOptions, Document

DEMO = Path(__file__).resolve().parents[3] / "resources" / "demo"
PATCH = shutil.which("patch")
GIT = shutil.which("git")

needs_patch = pytest.mark.skipif(PATCH is None, reason="the patch program is not installed")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")
M = NO_NEWLINE_MARKER.decode()


def _diff(a: str | bytes, b: str | bytes, context: int = 3, label: str = "") -> bytes:
    raw_a = a.encode() if isinstance(a, str) else a
    raw_b = b.encode() if isinstance(b, str) else b
    return unified_diff(raw_a, raw_b, label or "a.txt", label or "b.txt", context)


def _patch(original: bytes, diff: bytes, work: Path) -> bytes:
    """B as GNU patch rebuilds it from A and the diff."""
    (work / "orig").write_bytes(original)
    run = subprocess.run(
        [str(PATCH), "--batch", "--quiet", "--no-backup-if-mismatch", "-o", "out", "orig"],
        input=diff,
        cwd=work,
        capture_output=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return (work / "out").read_bytes()


def _git_apply(original: bytes, diff: bytes, work: Path, name: str = "a.txt") -> bytes:
    """B as ``git apply`` rebuilds it; the diff names the file, hence ``-p0``."""
    (work / name).write_bytes(original)
    (work / "diff").write_bytes(diff)
    run = subprocess.run(
        [str(GIT), "apply", "-p0", "--unidiff-zero", "diff"],
        cwd=work,
        capture_output=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return (work / name).read_bytes()


def apply_unified(original: bytes, diff: bytes) -> bytes:
    """A strict pure-Python ``patch``: every header count and context line is checked."""
    src, out, pos = split_lines(original), [], 0
    if not diff:
        return original
    rows = diff.split(b"\n")
    assert rows.pop() == b""
    assert rows[0].startswith(b"--- ")
    assert rows[1].startswith(b"+++ ")
    k = 2
    while k < len(rows):
        head = re.fullmatch(rb"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@", rows[k])
        assert head, rows[k]
        start_a, count_a, start_b, count_b = (int(g or 1) for g in head.groups())
        first = start_a - 1 if count_a else start_a
        assert first >= pos
        out.extend(src[pos:first])
        pos = first
        assert len(out) == (start_b - 1 if count_b else start_b)
        seen_a = seen_b = 0
        k += 1
        while k < len(rows) and not rows[k].startswith(b"@@"):
            sign, body = rows[k][:1], rows[k][1:] + b"\n"
            if k + 1 < len(rows) and rows[k + 1] == NO_NEWLINE_MARKER:
                body = body[:-1]
                k += 1
            assert sign in (b" ", b"-", b"+")
            if sign != b"+":
                assert src[pos] == body
                pos, seen_a = pos + 1, seen_a + 1
            if sign != b"-":
                out.append(body)
                seen_b += 1
            k += 1
        assert (seen_a, seen_b) == (count_a, count_b)
    return b"".join(out + src[pos:])


def _text(lines: list[str], newline_at_end: bool) -> str:
    return "".join(f"{line}\n" for line in lines) if newline_at_end else "\n".join(lines)


# --------------------------------------------------------------------- format


@pytest.mark.parametrize(
    ("data", "lines"),
    [
        (b"", []),
        (b"\n", [b"\n"]),
        (b"a", [b"a"]),
        (b"a\n", [b"a\n"]),
        (b"a\n\nb", [b"a\n", b"\n", b"b"]),
        # only \n ends a line for patch: CR, form feed and U+2028 stay inside
        (b"x\x0cy\xe2\x80\xa8z\n", [b"x\x0cy\xe2\x80\xa8z\n"]),
        (b"a\r\nb\rc\r", [b"a\r\n", b"b\rc\r"]),
    ],
)
def test_split_lines(data: bytes, lines: list[bytes]) -> None:
    assert split_lines(data) == lines
    assert b"".join(split_lines(data)) == data


def test_identical_texts_give_no_output() -> None:
    assert _diff("same\ntext\n", "same\ntext\n") == b""
    assert _diff("", "") == b""


@pytest.mark.parametrize("changed", [(15,), (3, 20), (0, 29), (10, 13)])
def test_hunks_match_difflib(changed: tuple[int, ...]) -> None:
    a = "".join(f"line {n}\n" for n in range(30))
    b = "".join(f"line {n}{' changed' if n in changed else ''}\n" for n in range(30))
    expected = difflib.unified_diff(
        a.splitlines(keepends=True), b.splitlines(keepends=True), "old/x.txt", "new/x.txt"
    )
    out = unified_diff(a.encode(), b.encode(), "old/x.txt", "new/x.txt")
    assert out.decode() == "".join(expected)


def test_real_prose_rebuilds() -> None:
    a, b = (text.encode() for text in read_pair("pep1_mixed"))
    out = unified_diff(a, b, "old/pep-0001.txt", "new/pep-0001.txt")
    assert out.startswith(b"--- old/pep-0001.txt\n+++ new/pep-0001.txt\n@@ -")
    assert apply_unified(a, out) == b


def test_repeated_lines_rebuild() -> None:
    # difflib's matcher needs minutes here (each line occurs 60 times)
    a, b = read_pair("pep1_mixed")
    big_a = "\n".join(a for _ in range(60)).encode()
    big_b = "\n".join(b if k % 7 == 0 else a for k in range(60)).encode()
    assert apply_unified(big_a, _diff(big_a, big_b)) == big_b


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("x\ny", "x\nz", "@@ -1,2 +1,2 @@\n x\n-y\n{M}\n+z\n{M}\n"),
        ("x\ny\n", "x\ny", "@@ -1,2 +1,2 @@\n x\n-y\n+y\n{M}\n"),
        ("x\ny", "x\ny\n", "@@ -1,2 +1,2 @@\n x\n-y\n{M}\n+y\n"),
        ("a\nz", "b\nz", "@@ -1,2 +1,2 @@\n-a\n+b\n z\n{M}\n"),
        ("", "x", "@@ -0,0 +1 @@\n+x\n{M}\n"),
        ("x", "", "@@ -1 +0,0 @@\n-x\n{M}\n"),
        # a lone CR is no line end for patch: the CR-only file is one line
        ("a\rb\r", "a\rc\r", "@@ -1 +1 @@\n-a\rb\r\n{M}\n+a\rc\r\n{M}\n"),
        # each line keeps its own ending, so a CRLF → LF change is a change
        ("x\r\ny\n", "x\ny\n", "@@ -1,2 +1,2 @@\n-x\r\n+x\n y\n"),
    ],
)
def test_no_newline_marker_and_line_ends(a: str, b: str, expected: str) -> None:
    out = _diff(a, b)
    assert out == ("--- a.txt\n+++ b.txt\n" + expected.replace("{M}", M)).encode()


@pytest.mark.skipif(shutil.which("diff") is None, reason="diff is not installed")
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (b"1\n2\n3\n", b"1\n2\nthree"),
        (b"p\nq", b"p\nq\nr\n"),
        (b"one\r\ntwo\r\n", b"one\r\n2\r\n"),
        (b"a\rb\r", b"a\rb"),
        (b"\xef\xbb\xbfx\ny\n", b"x\ny\n"),
        (b"caf\xe9\nbar\n", b"caf\xc3\xa9\nbar\n"),
    ],
)
def test_same_bytes_as_gnu_diff(tmp_path: Path, a: bytes, b: bytes) -> None:
    (tmp_path / "a").write_bytes(a)
    (tmp_path / "b").write_bytes(b)
    cmd = ["diff", "-u", "--label", "a.txt", "--label", "b.txt", "a", "b"]
    gnu = subprocess.run(cmd, cwd=tmp_path, capture_output=True, check=False)
    assert _diff(a, b) == gnu.stdout


def test_context_width() -> None:
    a = "".join(f"{n}\n" for n in range(20))
    b = a.replace("10\n", "ten\n")
    assert _diff(a, b, context=0).decode().splitlines()[2:] == ["@@ -11 +11 @@", "-10", "+ten"]
    assert b"@@ -8,7 +8,7 @@" in _diff(a, b)
    with pytest.raises(ValueError, match="negative"):
        _diff(a, b, context=-1)


def test_labels_cannot_break_the_header() -> None:
    out = unified_diff(b"a\n", b"b\n", "evil\n+++ x", "tab\there")
    assert out.splitlines()[:2] == [b"--- evil +++ x", b"+++ tab here"]


def test_undecodable_file_names_come_back_as_their_bytes() -> None:
    name = b"caf\xe9.txt".decode("utf-8", "surrogateescape")  # how Python hands it over
    out = unified_diff(b"a\n", b"b\n", name, "\ud800")
    assert out.splitlines()[:2] == [b"--- caf\xe9.txt", b"+++ \\ud800"]


# ------------------------------------------------------------- patch applies


line = st.text(alphabet="ab \t\\+-@", max_size=4)
lines = st.lists(line, max_size=12)


@settings(max_examples=300, deadline=None)
@given(a=lines, b=lines, a_eol=st.booleans(), b_eol=st.booleans(), context=st.integers(0, 4))
def test_hunks_rebuild_b(
    a: list[str], b: list[str], a_eol: bool, b_eol: bool, context: int
) -> None:
    text_a, text_b = _text(a, a_eol).encode(), _text(b, b_eol).encode()
    out = _diff(text_a, text_b, context=context)
    assert (out == b"") == (text_a == text_b)
    assert apply_unified(text_a, out) == text_b


#: ASCII supersets, with and without a BOM, and the wide encodings
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
#: ``\u0a0a`` holds a ``\n`` byte in UTF-16 (cp1252, which lacks it, stores a "?")
CHARS = "ab \t\\+-@éü€\u0a0a"
NEWLINES = ["\n", "\r\n", "\r"]


@st.composite
def stored_pairs(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """Two files as stored: B an edit of A, in A's encoding or another, any line ends."""
    enc_a = draw(st.sampled_from(ENCODINGS))
    enc_b = draw(st.sampled_from([enc_a, enc_a, enc_a, *ENCODINGS]))
    a_lines = draw(st.lists(st.text(CHARS, max_size=4), max_size=10))
    b_lines: list[str] = []
    for text in a_lines:
        action = draw(st.sampled_from(["keep", "keep", "drop", "change", "add"]))
        if action in ("keep", "add"):
            b_lines.append(text)
        if action in ("change", "add"):
            b_lines.append(draw(st.text(CHARS, max_size=4)))
    if draw(st.booleans()):
        b_lines.append(draw(st.text(CHARS, max_size=4)))
    return _stored(draw, a_lines, enc_a), _stored(draw, b_lines, enc_b)


def _stored(draw: st.DrawFn, lines: list[str], encoding: str) -> bytes:
    mixed = draw(st.booleans())
    style = draw(st.sampled_from(NEWLINES))
    ends = [draw(st.sampled_from(NEWLINES)) if mixed else style for _ in lines]
    if lines and draw(st.booleans()):
        ends[-1] = ""  # no newline at the end
    text = "".join(t + end for t, end in zip(lines, ends, strict=True))
    return text.encode(encoding, "replace")


@settings(max_examples=400, deadline=None)
@given(pair=stored_pairs(), context=st.integers(0, 3))
def test_any_encoding_and_line_ends_rebuild_b(pair: tuple[bytes, bytes], context: int) -> None:
    a, b = pair
    out = _diff(a, b, context=context)
    assert (out == b"") == (a == b)
    assert apply_unified(a, out) == b


@needs_patch
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pair=stored_pairs(), context=st.integers(0, 3))
def test_patch_rebuilds_b_byte_for_byte(pair: tuple[bytes, bytes], context: int) -> None:
    a, b = pair
    out = _diff(a, b, context=context)
    if not out:
        return
    with tempfile.TemporaryDirectory() as work:
        assert _patch(a, out, Path(work)) == b


@needs_git
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pair=stored_pairs())
def test_git_apply_rebuilds_b_byte_for_byte(pair: tuple[bytes, bytes]) -> None:
    a, b = pair
    out = _diff(a, b, label="a.txt")
    if not out:
        return
    with tempfile.TemporaryDirectory() as work:
        assert _git_apply(a, out, Path(work)) == b


@needs_patch
def test_patch_applies_to_real_prose(tmp_path: Path) -> None:
    # whole-file diff: patch must also find every hunk at its stated line
    a, b = (text.encode() for text in read_pair("pep1_mixed"))
    assert _patch(a, _diff(a, b), tmp_path) == b


# ------------------------------------------------- the documents' diff (CLI and window)


def _decoded(raw_a: bytes, raw_b: bytes) -> tuple[Document, Document]:
    return decode_bytes(raw_a, "a.txt"), decode_bytes(raw_b, "b.txt")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (CompareOptions(), b"-one\r\n-two\r\n+one\n+TWO\n"),
        (CompareOptions(strip_trailing_cr=True), b" one\n-two\n+TWO\n"),
    ],
    ids=["as-stored", "strip-trailing-cr"],
)
def test_the_stored_diff_is_the_bytes_diff_with_the_options(
    options: CompareOptions, expected: bytes
) -> None:
    raw_a, raw_b = "one\r\ntwo\r\n".encode("utf-16"), "one\nTWO\n".encode("utf-16")
    a, b = _decoded(raw_a, raw_b)
    out = stored_diff(a, raw_a, b, raw_b, options)
    data_a, data_b = (raw_a, raw_b)
    if options.strip_trailing_cr:
        data_a, data_b = newlines_as_lf(raw_a, a.encoding), newlines_as_lf(raw_b, b.encoding)
    assert out == unified_diff(data_a, data_b, "a.txt", "b.txt")
    utf8_a, utf8_b = _decoded(raw_a.decode("utf-16").encode(), raw_b.decode("utf-16").encode())
    assert stored_diff(utf8_a, None, utf8_b, None, options).endswith(expected)


@needs_patch
def test_a_side_without_bytes_is_its_text_in_utf8(tmp_path: Path) -> None:
    """Pasted text has no file: its text stands in, with its BOM and newline style."""
    raw_a, raw_b = b"one\r\ntwo\r\nthree\r\n", b"\xef\xbb\xbfone\r\n2\r\nthree"
    a, b = _decoded(raw_a, raw_b)
    assert text_as_utf8(a) == raw_a
    assert text_as_utf8(b) == raw_b
    out = stored_diff(a, None, b, raw_b)
    assert out.endswith(f"-one\r\n-two\r\n-three\r\n+\ufeffone\r\n+2\r\n+three\n{M}\n".encode())
    assert _patch(raw_a, out, tmp_path) == raw_b
    assert stored_diff(a, None, a, None) == b""


# ------------------------------------------------------------------------- CLI


def _cli_diff(folder: Path, a: bytes, b: bytes) -> tuple[int, bytes]:
    """``twofold --diff a b`` in this process: the status and the bytes it printed."""
    (folder / "a.txt").write_bytes(a)
    (folder / "b.txt").write_bytes(b)
    out = io.TextIOWrapper(io.BytesIO(), encoding="ascii")  # a re-encoded byte would fail
    with contextlib.redirect_stdout(out):
        status = main(["--diff", str(folder / "a.txt"), str(folder / "b.txt")])
    out.flush()
    return status, out.buffer.getvalue()  # type: ignore[attr-defined]


#: the inputs the issue lists, A and B as stored
STORED = {
    "lf-to-crlf": (b"one\ntwo\nthree\n", b"one\r\ntwo\r\nthree\r\n"),
    "crlf-edit": (b"one\r\ntwo\r\nthree\r\n", b"one\r\n2\r\nthree\r\n"),
    "cr-only": (b"one\rtwo\rthree\r", b"one\r2\rthree\r"),
    "mixed": (b"one\r\ntwo\nthree\rfour\r\n", b"one\r\n2\nthree\rfour\n"),
    "bom-kept": (b"\xef\xbb\xbfone\ntwo\n", b"\xef\xbb\xbfone\n2\n"),
    "bom-added": (b"one\ntwo\n", b"\xef\xbb\xbfone\ntwo\n"),
    "utf16": ("one\ntwo\nthree\n".encode("utf-16"), "one\n2\nthree\n".encode("utf-16")),
    "utf16be-crlf": (
        "één\r\ntwo\r\n".encode("utf-16-be"),
        "één\r\n2\r\n".encode("utf-16-be"),
    ),
    "cp1252": ("café\nnaïve\n".encode("cp1252"), "café\nnaïf\n".encode("cp1252")),
    "cp1252-to-utf8": ("café\nbar\n".encode("cp1252"), "café\nbar\n".encode()),
    "no-final-newline": (b"one\ntwo", b"one\ntwo\n"),
}


@pytest.mark.parametrize(("a", "b"), STORED.values(), ids=STORED.keys())
def test_cli_diff_turns_a_into_b_with_patch(tmp_path: Path, a: bytes, b: bytes) -> None:
    status, out = _cli_diff(tmp_path, a, b)
    assert status == 1
    assert apply_unified(a, out) == b
    if PATCH is not None:
        assert _patch(a, out, tmp_path) == b


@needs_git
@pytest.mark.parametrize(("a", "b"), STORED.values(), ids=STORED.keys())
def test_cli_diff_turns_a_into_b_with_git_apply(tmp_path: Path, a: bytes, b: bytes) -> None:
    status, out = _cli_diff(tmp_path, a, b)
    assert status == 1
    (tmp_path / "work").mkdir()
    assert _git_apply(a, out.replace(b"+++ b.txt", b"+++ a.txt"), tmp_path / "work") == b


def test_cli_diff_prints_the_patch(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    left, right = DEMO / "gettysburg-nicolay.txt", DEMO / "gettysburg-bliss.txt"
    assert main(["--diff", str(left), str(right)]) == 1
    out = capsysbinary.readouterr().out
    assert out.startswith(
        b"--- gettysburg-nicolay.txt\n+++ gettysburg-bliss.txt\n@@ -1,7 +1,7 @@\n"
    )
    assert out == unified_diff(
        left.read_bytes(), right.read_bytes(), "gettysburg-nicolay.txt", "gettysburg-bliss.txt"
    )


def test_cli_diff_of_identical_files(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    same = str(DEMO / "gettysburg-bliss.txt")
    assert main(["--diff", "--label", "x", "--label", "y", same, same]) == 0
    assert capsysbinary.readouterr().out == b""


def test_cli_diff_of_the_same_text_stored_differently(tmp_path: Path) -> None:
    """The bytes differ, so the files differ (exit 1), as for diff(1)."""
    assert _cli_diff(tmp_path, b"x\n", b"x\r\n")[0] == 1
    assert _cli_diff(tmp_path, b"x\n", b"x\n") == (0, b"")
