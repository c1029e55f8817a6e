# SPDX-License-Identifier: GPL-3.0-or-later
"""Comments and docstrings say why and name the bench, never a time measured (issue 17).

A figure in a docstring is a measurement of one machine on one day: it goes stale
without failing anything. The figures, with the commands that reproduce them, are
in docs/performance.md; the code names the bench (``bench/gui_bench.py``).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import twofold

PACKAGE = Path(twofold.__file__).parent

#: a duration in milli- or microseconds, as a number or in words ("tens of milliseconds",
#: "a few ms")
TIMING = re.compile(
    r"\b(?:\d[\d.,_]*|few|tens of|hundreds of)\s?(?:ms|µs|us)\b"
    r"|\b\d[\d.,_]*\s?(?:milli|micro)seconds?\b|\b(?:milli|micro)seconds?\b",
    re.IGNORECASE,
)

#: modules being changed in their owners' work on issue 18; one leaves the list when it is
BEING_CHANGED = frozenset(
    {"engine/align/line_diff.py", "engine/result/spans.py", "ui/panes/overview_map.py"}
)


def _prose(source: str) -> list[tuple[int, str]]:
    """The comments and docstrings of ``source``, with their first line."""
    found = [
        (token.start[0], token.string)
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    ]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            docstring = ast.get_docstring(node, clean=False)
            if docstring is not None:
                found.append((node.body[0].lineno, docstring))
    return found


def test_no_comment_or_docstring_gives_a_timing() -> None:
    timings = [
        f"{name}:{line}: {match.group()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if (name := path.relative_to(PACKAGE).as_posix()) not in BEING_CHANGED
        for line, text in _prose(path.read_text(encoding="utf-8"))
        for match in TIMING.finditer(text)
    ]
    assert timings == []
