# SPDX-License-Identifier: GPL-3.0-or-later
"""Commit subjects stay short enough to read in a one-line log (issue 17, item 7).

History before ``SINCE`` cannot be rewritten (main is never forced); every commit
after it has a subject of at most 72 characters, figures and reasons in the body.
Skipped outside a git checkout (a wheel, an sdist) or in a clone too shallow to
hold ``SINCE``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: the last commit before the limit was checked here
SINCE = "18c2698"
LIMIT = 72


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False
    )


def test_every_subject_since_the_check_fits_in_72_characters() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    if _git("cat-file", "-e", f"{SINCE}^{{commit}}").returncode != 0:
        pytest.skip(f"{SINCE} is not in this clone")
    log = _git("log", "--format=%h %s", f"{SINCE}..HEAD")
    assert log.returncode == 0, log.stderr
    long = [line for line in log.stdout.splitlines() if len(line.split(" ", 1)[1]) > LIMIT]
    assert long == [], f"subjects over {LIMIT} characters: {long}"
