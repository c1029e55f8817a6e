# SPDX-License-Identifier: GPL-3.0-or-later
"""The engine runs without Qt: importing all of it loads no Qt module."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import twofold.engine

GUI = Path(__file__).resolve().parents[2] / "gui"


def test_engine_imports_without_qt() -> None:
    modules = [m.name for m in pkgutil.iter_modules(twofold.engine.__path__, "twofold.engine.")]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print('qt:', qt)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(GUI)},
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "qt: []"
    assert len(modules) >= 10
