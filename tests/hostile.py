# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile inputs the tests feed to the loader, the CLI and the window, made in a tmp dir.

One maker per case, shared by the engine, CLI and GUI tests so that each layer is
checked against the same files.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def fifo(tmp: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    os.mkfifo(tmp / "pipe")
    return tmp / "pipe"


def dev_zero(_tmp: Path) -> Path:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this platform")
    return Path("/dev/zero")


def symlink_loop(tmp: Path) -> Path:
    (tmp / "loop-a").symlink_to(tmp / "loop-b")
    (tmp / "loop-b").symlink_to(tmp / "loop-a")
    return tmp / "loop-a"


def dangling_link(tmp: Path) -> Path:
    (tmp / "link").symlink_to(tmp / "gone.txt")
    return tmp / "link"


def sparse_2gb(tmp: Path) -> Path:
    """A 2 GB file that costs no disk; the loader must refuse it by its size alone."""
    with (tmp / "huge.log").open("wb") as handle:
        handle.truncate(2 * 1024**3)
    return tmp / "huge.log"


def missing_non_ascii(tmp: Path) -> Path:
    return tmp / "résumé \u2013 ü.txt"
