# SPDX-License-Identifier: GPL-3.0-or-later
"""The line matching behind ``--diff``: exact, git's hunks, and linear where lines differ."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twofold.engine.align import line_diff
from twofold.engine.align.line_diff import LineRun, line_runs
from twofold.engine.export.export_unified import split_lines, unified_diff
from twofold.engine.tuning import CompareTuning

GIT = shutil.which("git")


def _check_runs(a: list[str], b: list[str], runs: list[LineRun]) -> None:
    """The runs cover both sides in order, equal runs are equal, changes never touch."""
    i = j = 0
    for k, run in enumerate(runs):
        assert (run.a_start, run.b_start) == (i, j)
        assert run.a_stop > run.a_start or run.b_stop > run.b_start
        if run.equal:
            assert a[run.a_start : run.a_stop] == b[run.b_start : run.b_stop]
        elif k:
            assert runs[k - 1].equal
        i, j = run.a_stop, run.b_stop
    assert (i, j) == (len(a), len(b))


def _changed(runs: list[LineRun]) -> int:
    return sum(r.a_stop - r.a_start + r.b_stop - r.b_start for r in runs if not r.equal)


few = st.lists(st.sampled_from(["x", "y", "", "}"]), max_size=150)
some = st.lists(st.sampled_from([*"abcdefghij", "", "}"]), max_size=40)


@settings(max_examples=300, deadline=None)
@given(a=some, b=some)
def test_runs_rebuild_both_sides(a: list[str], b: list[str]) -> None:
    _check_runs(a, b, line_runs(a, b))


@settings(max_examples=150, deadline=None)
@given(a=few, b=few)
def test_frequent_lines_fall_back_and_stay_exact(a: list[str], b: list[str]) -> None:
    # four distinct lines in up to 150: most regions share only lines seen over 64 times
    _check_runs(a, b, line_runs(a, b))


@settings(max_examples=200, deadline=None)
@given(a=some, b=some)
def test_small_pieces_stay_exact(a: list[str], b: list[str]) -> None:
    """Every region through the Myers fallback, cut into pieces of three lines."""
    _check_runs(a, b, line_runs(a, b, CompareTuning(rare_line_copies=0, piece_lines=3)))


@pytest.mark.parametrize(
    ("a", "b", "changed"),
    [
        ([], [], 0),
        (["a"], [], 1),
        ([], ["a"], 1),
        (["a", "b", "c"], ["a", "b", "c"], 0),
        (["a", "b", "c"], ["a", "x", "c"], 2),
        (["a", "b", "c", "d"], ["d", "a", "b", "c"], 2),  # a move is a delete and an insert
        (["a", "b"], ["b", "a"], 2),
    ],
)
def test_small_cases(a: list[str], b: list[str], changed: int) -> None:
    runs = line_runs(a, b)
    _check_runs(a, b, runs)
    assert _changed(runs) == changed


def test_rare_lines_anchor_the_match() -> None:
    # "}" and "" occur everywhere; the signature is what the histogram anchors on
    a = ["def f():", "    return 1", "}", "", "def g():", "    return 2", "}", ""]
    b = ["def g():", "    return 2", "}", "", "def f():", "    return 1", "}", ""]
    runs = line_runs(a, b)
    _check_runs(a, b, runs)
    assert _changed(runs) == 8  # one function moved: 4 lines out, 4 in


def test_an_insertion_slides_below_its_blank_line() -> None:
    """diff(1) and git show a new block after the blank line it shares, not before."""
    a = ["def f():", "    pass", "", "def h():", "    pass"]
    b = ["def f():", "    pass", "", "def g():", "    pass", "", "def h():", "    pass"]
    runs = line_runs(a, b)
    assert [r for r in runs if not r.equal] == [LineRun(3, 3, 3, 6, equal=False)]


def test_every_line_different_is_one_change() -> None:
    a = [f"a {n}" for n in range(5000)]
    b = [f"b {n}" for n in range(5000)]
    assert line_runs(a, b) == [LineRun(0, 5000, 0, 5000, equal=False)]


def test_a_few_distinct_lines_in_a_big_file() -> None:
    """The 98 KB pair of the bench: Myers in pieces, exact and near git's size."""
    a = [("abcdefgh"[(n * 7919) % 8]) for n in range(20000)]
    b = [("abcdefgh"[(n * 104729 + 3) % 8]) for n in range(20000)]
    runs = line_runs(a, b)
    _check_runs(a, b, runs)
    assert _changed(runs) < 40000


def _steps(a: list[str], b: list[str]) -> int:
    """The Python lines the line matcher runs for a pair: its work, counted instead of timed."""
    source = line_diff.__file__
    steps = 0

    def count(frame: FrameType, event: str, arg: Any) -> Callable[..., Any]:
        nonlocal steps
        steps += event == "line"
        return count

    def enter(frame: FrameType, event: str, arg: Any) -> Callable[..., Any] | None:
        return count if frame.f_code.co_filename == source else None

    before = sys.gettrace()
    sys.settrace(enter)
    try:
        runs = line_runs(a, b)
    finally:
        sys.settrace(before)
    _check_runs(a, b, runs)
    return steps


def _log(lines: int) -> tuple[list[str], list[str]]:
    """``bench/gui_bench.py``'s log pair in small: every 97th line edited, 100 lines gone."""
    a = [f"12:{n // 60 % 60:02d}:{n % 60:02d} INFO request {n * 7919}\n" for n in range(lines)]
    b = [line.replace(" INFO ", " WARN ") if n % 97 == 0 else line for n, line in enumerate(a)]
    del b[lines // 2 : lines // 2 + 100]
    return a, b


def test_a_log_with_a_change_every_hundred_lines_costs_linear_work() -> None:
    """Twice the log, about twice the work: each region once, not each region's rest again.

    The histogram diff splits this log at every change, the first match of each
    region being as long as any other; searching each region to its end made the
    work grow with the square of the lines (the 250,000-line log never finished).
    """
    small, large = _steps(*_log(3000)), _steps(*_log(6000))
    assert large < 2.5 * small


# ------------------------------------------------------------- the same as git

SAMPLES = Path(__file__).resolve().parents[3] / "gui" / "twofold" / "engine"


def _edited(text: str, seed: int) -> str:
    """A believable edit of source code: lines dropped, changed, a block moved and added."""
    lines = text.splitlines(keepends=True)
    step = 7 + seed
    for k in range(len(lines) - 1, 0, -step):
        if k % 3 == 0:
            del lines[k]
        elif k % 3 == 1:
            lines[k] = lines[k].replace("self", "this")
        else:
            lines.insert(k, "\n")
    block = lines[10:25]
    del lines[10:25]
    lines[len(lines) // 2 : len(lines) // 2] = block
    return "".join(lines)


@pytest.mark.skipif(GIT is None, reason="git is not installed")
@pytest.mark.parametrize(
    "name",
    ["align/line_diff.py", "export/export_unified.py", "load/decoding.py", "result/model.py"],
)
@pytest.mark.parametrize("seed", [0, 5])
def test_same_hunks_as_git_histogram(tmp_path: Path, name: str, seed: int) -> None:
    """Line for line what ``git diff --histogram --no-indent-heuristic`` prints."""
    a = (SAMPLES / name).read_bytes()
    b = _edited(a.decode("utf-8"), seed).encode("utf-8")
    (tmp_path / "a").write_bytes(a)
    (tmp_path / "b").write_bytes(b)
    cmd = [str(GIT), "diff", "--no-index", "--histogram", "--no-indent-heuristic", "a", "b"]
    run = subprocess.run(cmd, cwd=tmp_path, capture_output=True, check=False)
    assert run.returncode == 1, run.stderr
    # git adds two header lines and a function name after each hunk header
    theirs = [re.sub(rb"^(@@ .* @@).*", rb"\1", line) for line in split_lines(run.stdout)[4:]]
    ours = split_lines(unified_diff(a, b, "a", "b"))[2:]
    assert [line.rstrip(b"\n") for line in ours] == [line.rstrip(b"\n") for line in theirs]
