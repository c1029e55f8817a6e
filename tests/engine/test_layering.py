# SPDX-License-Identifier: GPL-3.0-or-later
"""The engine runs without Qt: importing all of it loads no Qt module."""

from __future__ import annotations

import pkgutil

import twofold.engine
from support import run_python


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
