# SPDX-License-Identifier: GPL-3.0-or-later
"""``safe_output``: never an input, never a special file, never a truncated file."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import hostile
from twofold.engine.export import safe_output
from twofold.engine.export.safe_output import OutputError, check_output, write_atomic

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and modes")


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(b"old text\n")
    b.write_bytes(b"new text\n")
    return a, b


def _state(*paths: Path) -> list[tuple[bytes, int]]:
    return [(p.read_bytes(), p.stat().st_mtime_ns) for p in paths]


def _second_name(tmp: Path, inputs: tuple[Path, Path]) -> Path:
    return tmp / "sub" / ".." / "b.txt"


def _symlink_to_a(tmp: Path, inputs: tuple[Path, Path]) -> Path:
    (tmp / "shot.png").symlink_to(inputs[0])
    return tmp / "shot.png"


def _hard_link_to_b(tmp: Path, inputs: tuple[Path, Path]) -> Path:
    os.link(inputs[1], tmp / "copy.txt")
    return tmp / "copy.txt"


def _link_to_link_to_b(tmp: Path, inputs: tuple[Path, Path]) -> Path:
    (tmp / "one").symlink_to(inputs[1])
    (tmp / "two").symlink_to(tmp / "one")
    return tmp / "two"


@posix_only
@pytest.mark.parametrize(
    "make",
    [_second_name, _symlink_to_a, _hard_link_to_b, _link_to_link_to_b],
    ids=["second-name", "symlink-to-a", "hard-link-to-b", "link-to-link-to-b"],
)
def test_an_input_by_any_name_is_refused_and_untouched(
    tmp_path: Path, inputs: tuple[Path, Path], make: Callable[[Path, tuple[Path, Path]], Path]
) -> None:
    (tmp_path / "sub").mkdir()
    out = make(tmp_path, inputs)
    before = _state(*inputs)
    listing = sorted(tmp_path.iterdir())
    with pytest.raises(OutputError, match=r"^\".*\" is one of the compared files\.$"):
        write_atomic(out, b"PNG", inputs=inputs)
    assert _state(*inputs) == before
    assert sorted(tmp_path.iterdir()) == listing  # no temporary file left either


@posix_only
@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (hostile.fifo, "is a pipe, not a regular file"),
        (hostile.dev_zero, "is a device, not a regular file"),
        (lambda tmp: tmp, "is a folder, not a regular file"),
    ],
    ids=["fifo", "device", "folder"],
)
def test_special_files_are_refused_without_opening_them(
    tmp_path: Path, make: Callable[[Path], Path], kind: str
) -> None:
    """A FIFO would block the first open for writing until a reader came: never opened."""
    out = make(tmp_path)
    with pytest.raises(OutputError) as caught:
        write_atomic(out, b"report", name=out.name)
    assert str(caught.value) == f'"{out.name}" {kind}; Twofold writes only regular files.'


def test_a_new_file_gets_the_bytes_and_the_usual_mode(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    write_atomic(out, b"<html>\r\n")
    assert out.read_bytes() == b"<html>\r\n"
    umask = os.umask(0o022)
    os.umask(umask)
    if sys.platform != "win32":
        assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


@posix_only
def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    out = tmp_path / "script.sh"
    out.write_bytes(b"old")
    out.chmod(0o751)
    write_atomic(out, b"new")
    assert out.read_bytes() == b"new"
    assert stat.S_IMODE(out.stat().st_mode) == 0o751


@posix_only
def test_a_read_only_file_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "kept.html"
    out.write_bytes(b"old")
    out.chmod(0o444)
    monkeypatch.setattr(os, "access", lambda *_args, **_kw: False)  # root may write anything
    with pytest.raises(OutputError) as caught:
        write_atomic(out, b"new", name="kept.html")
    assert str(caught.value) == '"kept.html" cannot be written: it is read-only.'
    assert out.read_bytes() == b"old"


@posix_only
def test_a_symlink_to_an_unrelated_file_is_written_through(tmp_path: Path) -> None:
    """The documented choice: as the shell's ``>`` does, the link stays, its target changes."""
    (tmp_path / "elsewhere").mkdir()
    real = tmp_path / "elsewhere" / "report.html"
    real.write_bytes(b"old")
    real.chmod(0o640)
    link = tmp_path / "report.html"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["report.html"]


@posix_only
def test_a_link_is_replaced_itself_when_links_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"not yours")
    link = tmp_path / "backup"
    link.symlink_to(outside)
    write_atomic(link, b"copy", follow_links=False)
    assert not link.is_symlink()
    assert link.read_bytes() == b"copy"
    assert outside.read_bytes() == b"not yours"


#: the steps a write can fail at, after the temporary file exists
FAULTS = ["write", "fsync", "replace"]


@pytest.mark.parametrize("step", FAULTS)
def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    out = tmp_path / "report.html"
    out.write_bytes(b"the old report, whole")

    def full_disk(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    if step == "write":
        monkeypatch.setattr(safe_output, "_fill", full_disk)
    else:
        monkeypatch.setattr(os, step, full_disk)
    with pytest.raises(OutputError) as caught:
        write_atomic(out, b"x" * 100_000, name="report.html")
    assert str(caught.value) == '"report.html" cannot be written: the disk is full.'
    assert out.read_bytes() == b"the old report, whole"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_missing_folder_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path / "missing" / "x.png", b"PNG", name="x.png")
    assert str(caught.value) == '"x.png" cannot be written: its folder does not exist.'


def test_an_interrupted_write_removes_its_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "out.html", b"x")
    assert list(tmp_path.iterdir()) == []


@given(st.binary(max_size=4096))
def test_what_is_written_is_what_is_read(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.bin"
        out.write_bytes(b"previous")
        write_atomic(out, data)
        assert out.read_bytes() == data
        check_output(out, [Path(folder) / "other.txt"])  # still fine: not an input
