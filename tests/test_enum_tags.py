# SPDX-License-Identifier: GPL-3.0-or-later
"""Enums are compared as enums: no ``x.value == "lines"`` anywhere in the package.

A tag compared by its string survives a renamed value silently (the test is
then always false); ``x is Unit.LINES`` fails loudly at import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import twofold

PACKAGE = Path(twofold.__file__).parent


def _value_against_a_string(node: ast.Compare) -> bool:
    sides = [node.left, *node.comparators]
    reads_value = any(isinstance(s, ast.Attribute) and s.attr == "value" for s in sides)
    names_string = any(isinstance(s, ast.Constant) and isinstance(s.value, str) for s in sides)
    return reads_value and names_string


def test_no_enum_is_compared_by_its_string_value() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{node.lineno}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Compare) and _value_against_a_string(node)
    ]
    assert found == []
