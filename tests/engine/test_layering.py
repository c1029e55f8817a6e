# SPDX-License-Identifier: GPL-3.0-or-later
"""The engine runs without Qt, and its stages without the parallel runtime."""

from __future__ import annotations

import pkgutil
import tomllib
from pathlib import Path

import twofold.engine
from support import run_python

ROOT = Path(__file__).resolve().parents[2]


def test_engine_imports_without_qt() -> None:
    modules = [m.name for m in pkgutil.walk_packages(twofold.engine.__path__, "twofold.engine.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print('qt:', qt)\n"
    )
    run = run_python(code)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "qt: []"
    assert len(modules) >= 10


def test_the_pipeline_runs_without_the_parallel_runtime() -> None:
    """A reader of a stage meets no thread: ``compare`` and ``refine`` load no ``parallel``."""
    code = (
        "import sys\n"
        "from twofold.engine.result.model import Document\n"
        "from twofold.engine.pipeline import compare, refine\n"
        "coarse = compare(Document('A', 'a b'), Document('B', 'a c'), inline=False)\n"
        "assert refine(coarse).refined\n"
        "print('parallel:', [m for m in sys.modules if m.startswith('twofold.engine.parallel')])\n"
    )
    run = run_python(code)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "parallel: []"


def test_every_part_of_the_engine_but_parallel_is_kept_from_it() -> None:
    """The import contract names each stage, the view geometry, exports and editing.

    A folder left off the contract could import the helper process unnoticed, and a
    reader of it would meet a thread again (issue 17's item 2).
    """
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = pyproject["tool"]["importlinter"]["contracts"]
    parallel = ["twofold.engine.parallel"]
    (contract,) = [c for c in contracts if c.get("forbidden_modules") == parallel]
    parts = {
        f"twofold.engine.{m.name}"
        for m in pkgutil.iter_modules(twofold.engine.__path__)
        if m.name != "parallel"
    }
    assert parts - set(contract["source_modules"]) == set()
