# SPDX-License-Identifier: GPL-3.0-or-later
"""The command-line fronts, run as a user runs them: a real process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support import DATA, DEMO, GUI, installed_copy, read_pair, run_cli_without_qt, run_python
from twofold.cli import json_for_terminal, main
from twofold.engine.inline.chardiff import rebuild
from twofold.engine.result.kinds import Op
from twofold.engine.result.model import CompareOptions, Edit


def twofold(
    *args: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PYTHONPATH": str(GUI), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "twofold", *map(str, args)],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
        check=False,
    )


@pytest.fixture
def pep1(tmp_path: Path) -> tuple[Path, Path]:
    a, b = read_pair("pep1_mixed")
    (tmp_path / "a.txt").write_text(a, "utf-8")
    (tmp_path / "b.txt").write_text(b, "utf-8")
    return tmp_path / "a.txt", tmp_path / "b.txt"


def test_json_schema_and_invariants(pep1: tuple[Path, Path]) -> None:
    run = twofold("--json", *pep1)
    assert run.returncode == 1, run.stderr
    data = json.loads(run.stdout)
    texts = {side: pep1[k].read_text("utf-8") for k, side in enumerate("ab")}
    for side in "ab":
        assert data[side]["encoding"] == "utf-8"
        assert data[side]["newline"] == "LF"
        seen = sorted(i for p in data["pairs"] for i in p[side])
        assert seen == list(range(len(data[side]["paragraphs"])))
    assert {p["kind"] for p in data["pairs"]} == {
        "equal",
        "changed",
        "inserted",
        "deleted",
        "moved",
    }
    for pair in data["pairs"]:
        assert 0 <= pair["similarity"] <= 1
        if pair["kind"] not in ("changed", "moved"):
            continue
        edits = [Edit(Op(op), text) for op, text in pair["edits"]]
        for side, op in (("a", Op.DELETE), ("b", Op.INSERT)):
            spans = data[side]["paragraphs"]
            start, end = spans[pair[side][0]][0], spans[pair[side][-1]][1]
            assert rebuild(edits, op) == texts[side][start:end]
    assert data["stats"]["changes"] == sum(1 for p in data["pairs"] if p["kind"] != "equal")


def test_identical_files_exit_zero(pep1: tuple[Path, Path]) -> None:
    run = twofold("--stat", pep1[0], pep1[0])
    assert run.returncode == 0
    assert "No differences." in run.stdout


def test_stat_summary_on_the_demo_pair() -> None:
    run = twofold("--stat", DEMO / "gettysburg-nicolay.txt", DEMO / "gettysburg-bliss.txt")
    assert run.returncode == 1, run.stderr
    assert "changed" in run.stdout
    assert "similar" in run.stdout


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda tmp: tmp / "missing.txt", "does not exist"),
        (lambda tmp: tmp, "folder"),
        (lambda tmp: DATA / "encodings" / "binary_png.bin", "binary"),
    ],
)
def test_bad_input_is_one_line_and_exit_two(
    tmp_path: Path, make: Callable[[Path], Path], fragment: str
) -> None:
    ok = DEMO / "gettysburg-bliss.txt"
    run = twofold("--json", make(tmp_path), ok)
    assert run.returncode == 2
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert fragment in lines[0]
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("front", [["--stat"], ["--json"], ["--diff"], ["--report", "OUT"]])
def test_text_fronts_do_not_import_qt(
    pep1: tuple[Path, Path], tmp_path: Path, front: list[str]
) -> None:
    args = [str(tmp_path / "out.html") if a == "OUT" else a for a in front]
    status, stderr = run_cli_without_qt([*args, str(pep1[0]), str(pep1[1])])
    assert status == 1, stderr
    bad = str(DATA / "encodings" / "binary_png.bin")
    status, stderr = run_cli_without_qt([*args, str(pep1[0]), bad])
    assert status == 2
    assert len(stderr.strip().splitlines()) == 1


def test_options_change_the_result(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("We Hold These Truths \u2014 \u201cself-evident\u201d.\n", "utf-8")
    b.write_text('we hold these truths - "self-evident".\n', "utf-8")
    assert twofold("--stat", a, b).returncode == 1
    assert twofold("--stat", "-i", "--ignore-typography", a, b).returncode == 0


def test_version() -> None:
    run = twofold("--version")
    assert run.returncode == 0
    assert run.stdout.startswith("twofold ")


def test_python_m_twofold_resumes_collections_once_it_has_imported() -> None:
    """``__main__`` holds GC passes while the command imports only: the window needs them."""
    code = (
        "import gc, runpy, sys\n"
        "sys.argv = ['twofold', '--version']\n"
        "try:\n"
        "    runpy.run_module('twofold', run_name='__main__')\n"
        "except SystemExit:\n"
        "    print(gc.isenabled(), file=sys.stderr)\n"
    )
    run = run_python(code)
    assert run.stderr == "True\n"


@pytest.mark.parametrize(
    ("argv", "given"),
    [([], False), (["-i"], True), (["--unit", "lines"], True), (["--unit", "auto"], False)],
)
def test_the_window_gets_options_only_when_the_command_line_names_some(
    argv: list[str], given: bool, pep1: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """None: the window uses the user's saved options (the window is tested in tests/ui)."""
    from twofold import app

    handed: list[CompareOptions | None] = []

    def window(*_files: object, options: CompareOptions | None = None, **_rest: object) -> int:
        handed.append(options)
        return 0

    monkeypatch.setattr(app, "run_gui", window)
    assert main([*argv, *map(str, pep1)]) == 0
    assert len(handed) == 1
    assert (handed[0] is not None) is given


# ----- terminal escapes: names and labels never reach the terminal raw -------------------


def test_stat_quotes_control_characters_in_labels(
    pep1: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A label with ESC and a newline can neither recolour the terminal nor forge a "B:" line."""
    from twofold.cli import main

    evil = "a.txt\x1b[2J\x1b]0;owned\x07\nB: forged.txt"
    assert main(["--stat", "--label", evil, "--label", "b.txt", *map(str, pep1)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    lines = out.splitlines()
    assert lines[0].startswith('A: "a.txt\\033[2J\\033]0;owned\\a\\nB: forged.txt" (')
    assert lines[1].startswith("B: b.txt (")
    assert sum(line.startswith("B:") for line in lines) == 1


def test_error_sentences_quote_control_characters_in_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from twofold.cli import main

    missing = tmp_path / "gone\x1b[31m\nB: forged.txt"
    ok = DEMO / "gettysburg-bliss.txt"
    assert main(["--json", str(missing), str(ok)]) == 2
    err = capsys.readouterr().err
    assert err == 'twofold: "gone\\033[31m\\nB: forged.txt" does not exist.\n'


def test_an_undecodable_name_is_printed_as_its_bytes(
    tmp_path: Path, pep1: tuple[Path, Path]
) -> None:
    """A name that is not UTF-8 (one byte 0xFF) prints as git prints it, not as a crash."""
    if sys.platform == "win32":
        pytest.skip("POSIX byte names")
    odd = os.fsencode(tmp_path) + b"/odd\xff.txt"
    with open(odd, "wb") as handle:
        handle.write(pep1[1].read_bytes())
    run = subprocess.run(
        [sys.executable, "-m", "twofold", "--stat", pep1[0], odd],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(GUI)},
        timeout=120,
        check=False,
    )
    assert run.returncode == 1, run.stderr
    assert b'B: "odd\\377.txt" (' in run.stdout


#: what a text front imports only when it writes with it (a report, a patch, a summary)
#: or when its files are big (the helper process): the rest of a start-up
_IMPORTED_WHEN_USED = (
    "twofold.engine.export.export_html",
    "twofold.engine.export.export_unified",
    "twofold.engine.export.safe_output",
    "twofold.engine.result.summary",
    "twofold.engine.parallel.refine_helper",
    "twofold.allocator",
    # what only trouble, a document reader's failure or same texts need
    "twofold.engine.export.terminal_text",
    # what only a pair with many changes (a histogram diff) or a patch needs
    "twofold.engine.align.line_diff",
    "logging",
    "hashlib",
    # what argparse's own help formatter imported for the terminal's width
    "shutil",
)


@pytest.mark.parametrize(
    ("front", "needed"),
    [
        ("--json", ()),
        ("--stat", ("twofold.engine.result.summary", "twofold.engine.export.terminal_text")),
        ("--diff", ("twofold.engine.export.export_unified", "twofold.engine.align.line_diff")),
    ],
)
def test_a_text_front_imports_only_what_it_uses(
    pep1: tuple[Path, Path], front: str, needed: tuple[str, ...]
) -> None:
    code = (
        "import sys; from twofold.cli import main; "
        f"rc = main([{front!r}, {str(pep1[0])!r}, {str(pep1[1])!r}]); "
        f"print(rc, [m for m in {_IMPORTED_WHEN_USED!r} if m in sys.modules], file=sys.stderr)"
    )
    run = run_python(code)
    assert run.stderr == f"1 {list(needed)!r}\n"


def _escaped_one_by_one(text: str) -> str:
    """What ``json_for_terminal`` must give a non-ASCII text: each raw character escaped."""
    raw = ("\x7f" <= c <= "\x9f" or "\ud800" <= c <= "\udfff" for c in text)
    return "".join(f"\\u{ord(c):04x}" if bad else c for c, bad in zip(text, raw, strict=True))


@given(st.text(alphabet='ab é\x7f\x80\x9b\x9f\xa0\u0100\ud800\udcff\U0001f600\\"', max_size=40))
def test_json_for_terminal_escapes_what_json_dumps_leaves_raw(text: str) -> None:
    encoded = json.dumps(text, ensure_ascii=False)
    expected = encoded if encoded.isascii() else _escaped_one_by_one(encoded)
    assert json_for_terminal(encoded) == expected


def test_json_escapes_what_json_dumps_leaves_raw(
    tmp_path: Path, pep1: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """C1 controls and an undecodable byte of a name: escaped, and the JSON still parses."""
    from twofold.cli import main

    label = "csi\x9b2J\x7f byte\udcff"
    assert main(["--json", "--label", label, *map(str, pep1)]) == 1
    out = capsys.readouterr().out
    assert not any("\x7f" <= c <= "\x9f" or "\ud800" <= c <= "\udfff" for c in out)
    out.encode("utf-8")
    assert json.loads(out)["a"]["label"] == label


def _one_word_pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The cat sat on the mat.\n", "utf-8")
    b.write_text("The dog sat on the mat.\n", "utf-8")
    return a, b


def test_stat_counts_one_of_a_kind_in_the_singular(tmp_path: Path) -> None:
    run = twofold("--stat", *_one_word_pair(tmp_path))
    assert run.returncode == 1, run.stderr
    assert "(1 paragraph," in run.stdout
    assert "1 change:" in run.stdout
    assert "1 word deleted, 1 word inserted" in run.stdout
    assert "1 paragraphs" not in run.stdout
    assert "1 words" not in run.stdout


def test_report_counts_one_of_a_kind_in_the_singular(tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    run = twofold("--report", out, *_one_word_pair(tmp_path))
    assert run.returncode == 1, run.stderr
    html = out.read_text("utf-8")
    assert "1 word deleted, 1 word inserted" in html
    assert "1 words" not in html


@pytest.mark.parametrize("front", [["--stat"], ["--json"], ["--diff"], ["--report", "OUT"]])
def test_every_text_front_compares_the_demo_pair(tmp_path: Path, front: list[str]) -> None:
    """``--demo`` is the bundled pair on every front, and still without Qt."""
    out = tmp_path / "out.html"
    args = [str(out) if a == "OUT" else a for a in front]
    status, stderr = run_cli_without_qt([*args, "--demo"])
    assert (status, stderr) == (1, "")
    if front[0] == "--report":
        assert "gettysburg-nicolay.txt" in out.read_text("utf-8")


def test_demo_stat_names_the_bundled_files() -> None:
    run = twofold("--stat", "--demo")
    assert run.returncode == 1, run.stderr
    first, second = run.stdout.splitlines()[:2]
    assert first.startswith("A: ")
    assert "gettysburg-nicolay.txt" in first
    assert second.startswith("B: ")
    assert "gettysburg-bliss.txt" in second


def test_demo_with_files_is_refused(pep1: tuple[Path, Path]) -> None:
    run = twofold("--stat", "--demo", *pep1)
    assert run.returncode == 2
    assert run.stdout == ""
    last = run.stderr.strip().splitlines()[-1]
    assert last.endswith("--demo compares the bundled pair: give no files with it")


def test_demo_without_its_files_is_one_line(tmp_path: Path) -> None:
    """An install that left the resources out (a distribution's split package)."""
    site = tmp_path / "a" / "b"
    installed_copy(site)
    run = twofold("--json", "--demo", env={"PYTHONPATH": str(site)})
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == "twofold: the demo files are not installed.\n"


@pytest.mark.parametrize("front", [["--stat"], ["--json"], ["--diff"], ["--report", "OUT"]])
def test_a_text_front_with_three_files_is_refused(
    pep1: tuple[Path, Path], tmp_path: Path, front: list[str]
) -> None:
    args = [str(tmp_path / "out.html") if a == "OUT" else a for a in front]
    run = twofold(*args, *pep1, pep1[0])
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.strip().splitlines()[-1] == (
        "twofold: error: give two files to compare, not 3"
    )
    assert not (tmp_path / "out.html").exists()


@pytest.mark.parametrize(("front", "parse"), [("--json", json.loads), ("--stat", str.strip)])
def test_a_comparing_front_finishes_once_its_output_is_written(
    pep1: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
    front: str,
    parse: Callable[[str], object],
) -> None:
    """The ``twofold`` command ends its process there; ``main`` itself returns."""
    finished: list[tuple[int, str]] = []
    status = main(
        [front, *map(str, pep1)], finish=lambda s: finished.append((s, capsys.readouterr().out))
    )
    assert status == 1
    assert [s for s, _out in finished] == [1]
    assert parse(finished[0][1])
    assert capsys.readouterr().out == ""


def test_the_command_ends_with_its_status_and_all_its_output(pep1: tuple[Path, Path]) -> None:
    different = twofold("--json", *pep1)
    assert different.returncode == 1, different.stderr
    assert json.loads(different.stdout)["stats"]
    same = twofold("--stat", pep1[0], pep1[0])
    assert (same.returncode, same.stderr) == (0, "")
    assert same.stdout.endswith("\n")


def test_the_command_imports_no_helper_for_small_files(pep1: tuple[Path, Path]) -> None:
    """``python -m twofold`` tells the helper's own start from a comparison's without it."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "twofold", "--json", *map(str, pep1)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(GUI)},
        timeout=120,
        check=False,
    )
    assert run.returncode == 1
    imported = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines()}
    assert "twofold.cli" in imported
    assert "twofold.engine.parallel.helper_process" not in imported


def test_no_collection_walks_the_comparison(tmp_path: Path) -> None:
    """Every GC pass of a ``--json`` run finds few young objects: the result is exempted first.

    Collections are held while the result grows; had they resumed before it
    was exempted, the next pass would walk every object of it.
    """
    a, b = read_pair("pep1_mixed")
    (tmp_path / "a.txt").write_text(a * 4, "utf-8")
    (tmp_path / "b.txt").write_text(b * 4, "utf-8")
    code = (
        "import gc, sys\n"
        "from twofold.cli import main\n"
        "young = []\n"
        "def seen(phase, info):\n"
        "    if phase == 'start':\n"
        "        young.append(gc.get_count()[0])\n"
        "gc.callbacks.append(seen)\n"
        f"status = main(['--json', {str(tmp_path / 'a.txt')!r}, {str(tmp_path / 'b.txt')!r}])\n"
        "print(status, max(young, default=0), gc.get_threshold()[0], file=sys.stderr)\n"
    )
    run = run_python(code)
    status, most, threshold = map(int, run.stderr.split())
    assert status == 1
    assert most <= 2 * threshold


def test_a_big_pair_that_starts_no_helper_imports_no_process_machinery(
    pep1: tuple[Path, Path],
) -> None:
    """Any pair over ``helper_worth_bytes`` takes the helper's path; most start no process.

    ``subprocess``, ``logging`` and ``pathlib`` are imported only when a helper
    starts or fails, and the helper's messages (``helper_process``, ``pickle``)
    only when one runs: a good part of the command's start-up otherwise.
    """
    code = (
        "import sys, dataclasses; from twofold.cli import main; "
        "from twofold.engine.parallel.tuning import COMMAND_LINE_TUNING as T; "
        "tuning = dataclasses.replace(T, helper_worth_bytes=0); "
        f"rc = main(['--json', {str(pep1[0])!r}, {str(pep1[1])!r}], tuning); "
        "names = ('twofold.engine.parallel.shared_refiner', 'subprocess', 'logging', 'pathlib', "
        "'twofold.engine.parallel.helper_process', 'pickle'); "
        "print(rc, [m for m in names if m in sys.modules], file=sys.stderr)"
    )
    run = run_python(code)
    assert run.stderr == "1 ['twofold.engine.parallel.shared_refiner']\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("front", [["--json"], ["--stat"], ["--diff"], ["--text"]])
def test_an_output_that_cannot_be_written_is_one_sentence(
    pep1: tuple[Path, Path], front: list[str]
) -> None:
    """stdout on a full disk: said as trouble, not as an internal error with an errno."""
    files = pep1[:1] if front == ["--text"] else pep1
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "twofold", *front, *map(str, files)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(GUI)},
            timeout=120,
            check=False,
        )
    assert run.returncode == 2
    assert run.stderr == "twofold: the output cannot be written: the disk is full.\n"
