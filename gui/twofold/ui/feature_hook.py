# SPDX-License-Identifier: GPL-3.0-or-later
"""Keep PySide's import hook from caching the source of every module the window imports.

PySide6 asks of each module imported after it whether the module's source
mentions "PySide6" (for its ``from __feature__ import ...`` switches). It asks
through ``inspect.getsource``, which keeps every such file in ``linecache``,
tokenized line by line: 55,000 lines, 3.5 MB of the window's heap that nothing
ever reads again, and 28 ms of its start. Reading the file's bytes answers the
same question and keeps nothing. PySide 6.11 names the question
``shibokensupport.feature._mod_uses_pyside``; where it is missing or named
otherwise, nothing is changed and only the memory is lost.
"""

from __future__ import annotations

import functools
import linecache
import sys
from collections.abc import Callable
from types import ModuleType

_MARK = b"PySide6"


def lighten_feature_hook() -> bool:
    """Answer the hook's question from the file's bytes; True when the hook was found.

    Call it after ``import PySide6`` and before the Qt modules and the window's own.
    """
    feature = sys.modules.get("shibokensupport.feature")
    asked: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if asked is None or getattr(asked, "reads_bytes", False):
        return asked is not None

    @functools.wraps(asked)
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return asked(module)  # packages of extensions, zip imports: PySide's own way
        try:
            with open(path, "rb") as source:
                return _MARK in source.read()
        except OSError:
            return asked(module)

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    linecache.clearcache()  # what PySide read while it was imported
    return True
