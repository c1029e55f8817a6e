# SPDX-License-Identifier: GPL-3.0-or-later
"""Rooms with one job: no module of the package runs past ~400 lines (issue 17).

A module that grows past it has grown a second job: split it by job (the
window's controllers, the list's rows and their drawing), never into a
grab-bag of helpers.
"""

from __future__ import annotations

from pathlib import Path

import twofold

PACKAGE = Path(twofold.__file__).parent
LIMIT = 400

#: modules being split in their owners' work on issue 17 and 18; one leaves the list when it is
BEING_SPLIT: frozenset[str] = frozenset()


def test_no_module_is_over_400_lines() -> None:
    sizes = {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(PACKAGE.rglob("*.py"))
    }
    over = {name: n for name, n in sizes.items() if n > LIMIT and name not in BEING_SPLIT}
    assert over == {}
