# SPDX-License-Identifier: GPL-3.0-or-later
"""``git difftool -t twofold`` with the README's configuration, through the text fronts.

git hands the tool temporary files (``$LOCAL``, and ``$REMOTE`` for the index); ``--label``
must put the repository path in their place.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "gui"

#: the difftool command the README documents, with ``twofold`` as the program
README_CMD = 'twofold --label "a/$MERGED" --label "b/$MERGED" "$LOCAL" "$REMOTE"'

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _env(home: Path) -> dict[str, str]:
    """No user or system git configuration; the checkout's package on the path."""
    return {
        **os.environ,
        "HOME": str(home),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "PYTHONPATH": str(GUI),
    }


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        env=_env(repo.parent),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with ``notes.txt`` committed, then reworded in the work tree."""
    work = tmp_path / "repo"
    work.mkdir()
    _git(work, "init", "-q")
    notes = work / "notes.txt"
    notes.write_text("The first paragraph stays.\n\nThe quick brown fox jumps.\n", "utf-8")
    _git(work, "add", "notes.txt")
    _git(work, "commit", "-q", "-m", "notes")
    notes.write_text("The first paragraph stays.\n\nThe quick red fox leaps.\n", "utf-8")
    return work


def _difftool(repo: Path, front: str, *extra: str) -> subprocess.CompletedProcess[str]:
    program = f"{shlex.quote(sys.executable)} -m twofold {front}"
    cmd = README_CMD.replace("twofold", program, 1)
    return _git(
        repo, "-c", f"difftool.twofold.cmd={cmd}", "difftool", "-y", "-t", "twofold", *extra
    )


def test_readme_documents_the_tested_command() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert f"git config --global difftool.twofold.cmd '{README_CMD}'" in readme


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param((), id="work-tree"),  # $LOCAL is a temporary file, $REMOTE the real one
        pytest.param(("--cached",), id="index"),  # both are temporary files
    ],
)
def test_stat_shows_the_repository_path(repo: Path, extra: tuple[str, ...]) -> None:
    if extra:
        _git(repo, "add", "notes.txt")
    run = _difftool(repo, "--stat", *extra)
    lines = run.stdout.splitlines()
    assert lines[0].startswith("A: a/notes.txt ("), run.stdout
    assert lines[1].startswith("B: b/notes.txt ("), run.stdout
    assert re.match(r"1 changes?: 1 changed$", lines[2]), run.stdout
    assert "words deleted" in run.stdout
    assert "git-blob" not in run.stdout  # the temporary file name never shows


def test_json_labels_and_paths(repo: Path) -> None:
    data = json.loads(_difftool(repo, "--json").stdout)
    assert (data["a"]["label"], data["b"]["label"]) == ("a/notes.txt", "b/notes.txt")
    assert data["a"]["path"] != "a/notes.txt"  # the path stays the file actually read
    assert data["stats"]["changes"] == 1


def test_no_changes_runs_no_tool(repo: Path) -> None:
    _git(repo, "checkout", "--", "notes.txt")
    assert _difftool(repo, "--stat").stdout == ""
