# SPDX-License-Identifier: GPL-3.0-or-later
"""The suite never touches the user's settings, recent list or files: it has a home of its own."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: tests that write settings every way the program does: a window that records its
#: comparison and saves its geometry, screenshots in process and in a subprocess,
#: and the command line; plus the check that the suite's home is not the one given
SAMPLE = (
    "tests/test_isolation.py::test_the_suite_runs_in_a_home_of_its_own",
    "tests/ui/test_settings.py::test_the_window_records_what_it_compared",
    "tests/ui/test_app.py::test_demo_screenshot",
    "tests/test_cli.py::test_stat_summary_on_the_demo_pair",
    "tests/test_bad_input_table.py::test_runs_never_write_the_compared_files",
)


def test_the_suite_runs_in_a_home_of_its_own(suite_home: tuple[Path, str]) -> None:
    home = Path(os.environ["HOME"])
    assert home == suite_home[0]
    assert str(home) != suite_home[1]
    assert Path(tempfile.gettempdir()) in home.parents
    assert Path(os.environ["XDG_CONFIG_HOME"]).is_relative_to(home)


def _tree(folder: Path) -> dict[str, tuple[bytes, int] | None]:
    """Every file's bytes and modification time, and every folder, under ``folder``."""
    found: dict[str, tuple[bytes, int] | None] = {}
    for path in sorted(folder.rglob("*")):
        name = str(path.relative_to(folder))
        found[name] = (path.read_bytes(), path.stat().st_mtime_ns) if path.is_file() else None
    return found


@pytest.mark.gui
@pytest.mark.skipif(sys.platform == "win32", reason="HOME and XDG_CONFIG_HOME are POSIX")
def test_a_run_of_the_suite_leaves_a_fake_home_untouched(tmp_path: Path) -> None:
    """A part of the suite, run as a user would run ``make test`` from a (fake) home."""
    home = tmp_path / "home"
    config = home / ".config" / "twofold"
    config.mkdir(parents=True)
    (config / "twofold.ini").write_bytes(
        b'[history]\nrecent_comparisons="[[\\"/home/me/a.txt\\", \\"/home/me/b.txt\\"]]"\n'
        b"[preferences]\nzoom=2\n"
    )
    (home / "notes.txt").write_bytes(b"the user's own file\n")
    before = _tree(home)
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_CONFIG_HOME", "HOME")}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SAMPLE],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**env, "HOME": str(home)},
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert _tree(home) == before
