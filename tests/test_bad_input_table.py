# SPDX-License-Identifier: GPL-3.0-or-later
"""``docs/bad-input.md`` cannot rot, and the CLI cases no other test covers.

The table names, for every way issue #5 lists to break Twofold, what the user
sees and the test that checks it. Here the table is parsed and every named
test must be collected by pytest (parameter ids included), and every case of
the issue must have a row. The hostile files the engine tests feed to
``load_document`` are then fed to the real ``twofold`` command: one line on
stderr, exit 2, no traceback, and the compared files are never written.
"""

from __future__ import annotations

import csv
import errno
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import hostile
from support import DATA
from twofold import cli

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "docs" / "bad-input.md"
GUI = ROOT / "gui"

#: a backticked pytest node id in the table: ``tests/x.py::test_name[param]``
NODE = re.compile(r"`(tests/[\w/]+\.py::\w+(?:\[[^\]`]*\])?)`")

#: every case of issue #5; each must start a row of the table (case-insensitive)
CASES = (
    "binary file",
    "empty file",
    "whitespace-only file",
    "invalid utf-8 in the middle",
    "nul bytes",
    "utf-16 without bom",
    "mixed newlines",
    "the encodings corpus",
    "a directory",
    "a missing path",
    "no read permission",
    "a fifo",
    "/dev/zero",
    "a symlink loop",
    "a 2 gb file",
    "a non-ascii path",
    "a name or `--label` with control characters",
    "file changed on disk",
    "file saved by rename",
    "file deleted or moved",
    "exception in a ui slot",
    "exception in the worker",
    "exception in a python thread",
    "internal error in the cli",
    "corrupted settings file",
    "invalid settings values",
    "damaged recent-files list",
    "unreadable settings file",
    "a settings file that is a fifo",
    "a settings file that is a symbolic link",
    "the settings file is one of the compared files",
    "a non-interactive run",
    "never writes to the compared files",
    "an output that is a compared file",
    "an output that is a fifo, a device or a folder",
    "a write that fails half-way",
    "an output that is a symbolic link to an unrelated file",
    "fuzzed engine",
    "a zip bomb",
    "xml entity expansion",
    "a password-protected docx",
    "a corrupt docx",
    "a huge epub",
)


def _rows() -> list[list[str]]:
    """The body rows of every Markdown table in the document, split into cells."""
    rows = []
    for line in TABLE.read_text("utf-8").splitlines():
        if not line.startswith("|") or set(line) <= set("|-: "):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells[0].lower() != "case":
            rows.append(cells)
    return rows


def _collected(files: set[str]) -> set[str]:
    """The node ids pytest collects from ``files`` (one subprocess, no test is run)."""
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *files],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return {line.strip() for line in run.stdout.splitlines() if "::" in line}


def test_the_table_has_a_row_for_every_case_with_four_cells() -> None:
    rows = _rows()
    assert rows, "no table found in docs/bad-input.md"
    for row in rows:
        assert len(row) == 4, row
        assert NODE.search(row[3]), f"row without a test: {row[0]}"
    names = [row[0].lower() for row in rows]
    missing = [case for case in CASES if not any(name.startswith(case) for name in names)]
    assert not missing, missing


def test_every_test_the_table_names_exists() -> None:
    named = {node for row in _rows() for node in NODE.findall(row[3])}
    collected = _collected({node.split("::")[0] for node in named})
    functions = {node.split("[")[0] for node in collected}
    for node in sorted(named):
        pool = collected if "[" in node else functions
        assert node in pool, f"docs/bad-input.md names {node}, which pytest does not collect"


# ------------------------------------------------------------------ the CLI, for real


def twofold(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """A real ``twofold`` run; with ``cwd``, that folder is its home and configuration folder."""
    env = {**os.environ, "PYTHONPATH": str(GUI)}  # the suite's own home (conftest.py)
    if cwd is not None:
        env.update(HOME=str(cwd), XDG_CONFIG_HOME=str(cwd))
    return subprocess.run(
        [sys.executable, "-m", "twofold", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,  # a hang on a FIFO or /dev/zero fails here instead of freezing the suite
        check=False,
    )


HOSTILE: list[tuple[str, Callable[[Path], Path], str]] = [
    ("fifo", hostile.fifo, '"pipe" is a pipe, not a regular file.'),
    ("dev-zero", hostile.dev_zero, '"zero" is a device, not a regular file.'),
    (
        "symlink-loop",
        hostile.symlink_loop,
        '"loop-a" is a symbolic link that leads back to itself.',
    ),
    ("dangling-link", hostile.dangling_link, '"link" is a link to a file that does not exist.'),
    (
        "sparse-2gb",
        hostile.sparse_2gb,
        '"huge.log" is 2.0 GB; Twofold compares files up to 256 MB.',
    ),
    ("missing-non-ascii", hostile.missing_non_ascii, '"résumé \u2013 ü.txt" does not exist.'),
]


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "docs"
    folder.mkdir()
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_bytes(b"First paragraph.\r\n\r\nSecond paragraph, kept.\r\n")
    b.write_bytes(b"\xef\xbb\xbfFirst paragraph!\n\nSecond paragraph, kept.\n")
    stamp = 1_000_000_000_000_000_000  # 2001, so a write would visibly move it
    for path in (a, b):
        os.utime(path, ns=(stamp, stamp))
    return a, b


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
@pytest.mark.parametrize("front", ["--json", "--stat", "--diff"])
@pytest.mark.parametrize(
    ("make", "message"), [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE]
)
def test_hostile_input_is_one_line_and_exit_two(
    tmp_path: Path, pair: tuple[Path, Path], front: str, make, message: str
) -> None:
    bad = make(tmp_path)
    for args in ((bad, pair[1]), (pair[0], bad)):
        run = twofold(front, *args)
        assert (run.returncode, run.stdout) == (2, ""), run.stderr
        assert run.stderr == f"twofold: {message}\n"


def test_an_existing_non_ascii_path_is_compared(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    named = tmp_path / "Entwurf \u2013 \u00fc, v2.txt"
    try:
        named.write_bytes(pair[1].read_bytes())
    except (UnicodeEncodeError, OSError):
        pytest.skip("the file system cannot store this name")
    run = twofold("--stat", pair[0], named)
    assert run.returncode == 1, run.stderr
    assert run.stderr == ""


def test_unreadable_file_through_the_cli(
    pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In process, so the refusal can be faked: root reads a chmod 000 file anyway."""
    real_open = os.open

    def refuse(path: str, *args: object, **kwargs: object) -> int:
        if os.fspath(path) == str(pair[1]):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    assert cli.main(["--json", str(pair[0]), str(pair[1])]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == ('twofold: "b.txt" cannot be read: you do not have permission to open it.\n')


def test_internal_error_in_the_cli_is_one_line(
    pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("paragraph 7")

    monkeypatch.setattr(cli, "compare", broken)
    assert cli.main(["--stat", str(pair[0]), str(pair[1])]) == 2
    err = capsys.readouterr().err
    assert err == "twofold: internal error: KeyError: 'paragraph 7'\n"


def _manifest() -> list[dict[str, str]]:
    with (DATA / "encodings" / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.mark.parametrize("row", _manifest(), ids=lambda row: row["name"])
def test_corpus_through_the_cli(row: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    """Each corpus file against itself: no differences, or one line for a binary one."""
    path = DATA / "encodings" / f"{row['name']}.bin"
    binary = (DATA / "encodings" / f"{row['name']}.expected.txt").read_bytes() == b"BINARY"
    code = cli.main(["--stat", str(path), str(path)])
    out = capsys.readouterr()
    if binary:
        assert code == 2
        assert out.err == f'twofold: "{path.name}" looks like a binary file, not text.\n'
    else:
        assert (code, out.err) == (0, "")
        assert "No differences." in out.out


def _state(paths: tuple[Path, ...]) -> list[tuple[bytes, int, int]]:
    return [(p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in paths]


FRONTS = [
    pytest.param(["--json"], id="json"),
    pytest.param(["--stat"], id="stat"),
    pytest.param(["--diff"], id="diff"),
    pytest.param(["--report", "{out}/report.html"], id="report"),
    pytest.param(["--screenshot", "{out}/window.png"], id="screenshot-gui", marks=pytest.mark.gui),
]


@pytest.mark.parametrize("front", FRONTS)
def test_runs_never_write_the_compared_files(
    tmp_path: Path, pair: tuple[Path, Path], front: list[str]
) -> None:
    """``--screenshot`` is the whole window and worker, offscreen, in a real process."""
    out = tmp_path / "out"
    out.mkdir()
    before = _state(pair)
    listing = sorted(pair[0].parent.iterdir())
    run = twofold(*(arg.format(out=out) for arg in front), *pair, cwd=tmp_path)
    assert run.returncode in (0, 1), run.stderr
    assert _state(pair) == before
    assert sorted(pair[0].parent.iterdir()) == listing
    if front[0] in ("--report", "--screenshot"):
        assert (out / Path(front[1]).name).stat().st_size > 0


def test_report_onto_an_input_is_refused(pair: tuple[Path, Path]) -> None:
    before = _state(pair)
    run = twofold("--report", pair[1], *pair)
    assert run.returncode == 2
    assert run.stderr == f'twofold: "{pair[1]}" is one of the compared files.\n'
    assert _state(pair) == before


def _symlink_to_a(pair: tuple[Path, Path]) -> Path:
    link = pair[0].parent / "shot.png"
    link.symlink_to(pair[0])
    return link


def _input_named_png(pair: tuple[Path, Path]) -> Path:
    png = pair[1].with_name("notes_b.png")
    pair[1].rename(png)
    return png


OUTPUT_IS_INPUT = [
    pytest.param(lambda pair: pair[1], id="b-itself"),
    pytest.param(_symlink_to_a, id="symlink-to-a"),
    pytest.param(_input_named_png, id="input-named-png"),
]


@pytest.mark.gui
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links")
@pytest.mark.parametrize("make", OUTPUT_IS_INPUT)
def test_screenshot_onto_an_input_is_refused(
    pair: tuple[Path, Path], make: Callable[[tuple[Path, Path]], Path]
) -> None:
    """It used to truncate ``b.txt`` first, and to replace ``notes_b.png`` and exit 0."""
    out = make(pair)
    inputs = (pair[0], out if out.name == "notes_b.png" else pair[1])
    before = _state(inputs)
    run = twofold("--screenshot", out, *inputs, cwd=pair[0].parent)
    assert run.returncode == 2
    assert run.stderr == f'twofold: "{out}" is one of the compared files.\n'
    assert _state(inputs) == before


SPECIAL_OUTPUTS = [
    pytest.param(hostile.fifo, "is a pipe, not a regular file", id="fifo"),
    pytest.param(lambda _tmp: Path("/dev/null"), "is a device, not a regular file", id="dev-null"),
    pytest.param(lambda tmp: tmp, "is a folder, not a regular file", id="folder"),
]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
@pytest.mark.parametrize("front", ["--report", pytest.param("--screenshot", marks=pytest.mark.gui)])
@pytest.mark.parametrize(("make", "kind"), SPECIAL_OUTPUTS)
def test_an_output_that_is_not_a_regular_file_is_refused(
    tmp_path: Path, pair: tuple[Path, Path], front: str, make, kind: str
) -> None:
    """``--report`` onto a FIFO used to block until a reader came."""
    out = make(tmp_path)
    run = twofold(front, out, *pair, cwd=tmp_path)
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == f'twofold: "{out}" {kind}; Twofold writes only regular files.\n'


def test_a_report_that_fails_leaves_the_previous_one_whole(
    tmp_path: Path,
    pair: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A full disk half-way: the old report stays, no temporary file is left beside it."""
    out = tmp_path / "report.html"
    out.write_bytes(b"<html>yesterday's report</html>")

    def full_disk(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    assert cli.main(["--report", str(out), *map(str, pair)]) == 2
    assert capsys.readouterr().err == f'twofold: "{out}" cannot be written: the disk is full.\n'
    assert out.read_bytes() == b"<html>yesterday's report</html>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "report.html"]


# ------------------------------------------------------------------ the settings file


@pytest.mark.gui
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX FIFOs")
def test_a_fifo_settings_file_does_not_hang_start_up(
    tmp_path: Path, pair: tuple[Path, Path]
) -> None:
    """Qt opened the FIFO for reading as the window started: still hung after 90 s."""
    (tmp_path / "twofold").mkdir()
    os.mkfifo(tmp_path / "twofold" / "twofold.ini")
    run = twofold("--screenshot", tmp_path / "shot.png", *pair, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "shot.png").stat().st_size > 0
    assert (tmp_path / "twofold" / "twofold.ini").is_fifo()


@pytest.mark.gui
def test_a_screenshot_leaves_the_settings_and_recent_list_alone(
    tmp_path: Path, pair: tuple[Path, Path]
) -> None:
    """``make test``'s smoke run used to add its pair to the user's recent list."""
    (tmp_path / "twofold").mkdir()
    ini = tmp_path / "twofold" / "twofold.ini"
    ini.write_bytes(b"[preferences]\nzoom=2\n")
    run = twofold("--screenshot", tmp_path / "shot.png", *pair, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert ini.read_bytes() == b"[preferences]\nzoom=2\n"
    assert sorted(p.name for p in ini.parent.iterdir()) == ["twofold.ini"]
