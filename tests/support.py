# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers shared by the tests: real text from tests/data and the result invariants."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from twofold.engine.inline.chardiff import rebuild
from twofold.engine.result.kinds import Op, PairKind, Side
from twofold.engine.result.model import DiffResult, Document

DATA = Path(__file__).resolve().parent / "data"
GUI = Path(__file__).resolve().parents[1] / "gui"
DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo"


def run_python(code: str, path: Path = GUI) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter that sees the package, as an installed one would.

    ``path``: where it finds ``twofold`` (``installed_copy``'s folder for another layout).
    """
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(path)},
        timeout=120,
        check=False,
    )


def installed_copy(site: Path) -> Path:
    """The package copied into the folder ``site``, as an install puts it, without resources.

    Returns:
        The copy's ``twofold`` folder (its ``resources`` are the caller's to add).
    """
    package = site / "twofold"
    shutil.copytree(GUI / "twofold", package, ignore=shutil.ignore_patterns("__pycache__"))
    return package


def run_cli_without_qt(args: list[str]) -> tuple[int, str]:
    """Run ``twofold.cli.main(args)`` in a fresh interpreter; fail if it imported Qt.

    Returns:
        The exit status and what went to stderr.
    """
    code = (
        "import sys; from twofold.cli import main; "
        f"rc = main({args!r}); "
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))]; "
        "print('exit', rc, 'qt', qt, file=sys.stdout)"
    )
    run = run_python(code)
    last = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    assert last.endswith("qt []"), (last, run.stderr)
    return int(last.split()[1]), run.stderr


def doc(text: str, label: str = "doc.txt") -> Document:
    return Document(label=label, text=text)


def read_pair(name: str) -> tuple[str, str]:
    base = DATA / "pairs" / name
    return (base / "a.txt").read_text("utf-8"), (base / "b.txt").read_text("utf-8")


def assert_invariants(result: DiffResult) -> None:
    """Every paragraph once; edits rebuild both spans; kinds agree with their sides."""
    for side in (Side.A, Side.B):
        seen = Counter(i for p in result.pairs for i in p.indices(side))
        assert sorted(seen) == list(range(len(result.segments(side)))), side
        assert all(n == 1 for n in seen.values()), side
    for pair in result.pairs:
        if pair.kind in (PairKind.CHANGED, PairKind.MOVED):
            span_a, span_b = result.span_of(pair, Side.A), result.span_of(pair, Side.B)
            assert span_a is not None
            assert span_b is not None
            assert rebuild(pair.edits, Op.DELETE) == result.a.text[span_a.start : span_a.end]
            assert rebuild(pair.edits, Op.INSERT) == result.b.text[span_b.start : span_b.end]
        if pair.kind is PairKind.EQUAL:
            assert len(pair.a) == len(pair.b) == 1
        assert 0.0 <= pair.similarity <= 1.0
