# SPDX-License-Identifier: GPL-3.0-or-later
"""Where ``resources/`` lives: the only module that knows.

In a checkout it is ``<repo>/resources`` (two levels above the package); in a
wheel hatch's ``force-include`` maps it to ``twofold/resources``. Everything
else asks here, so moving the folder is a one-line change.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent

#: the demo pair ``twofold --demo`` opens: two transcriptions of the Gettysburg Address
DEMO_FILES = ("gettysburg-nicolay.txt", "gettysburg-bliss.txt")


def resources_dir() -> Path | None:
    """The resources folder, from a wheel first, then from a checkout; None if neither."""
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return None


def resource_path(*parts: str) -> Path | None:
    """A file under ``resources/``, or None when it is not there."""
    root = resources_dir()
    if root is None:
        return None
    path = root.joinpath(*parts)
    return path if path.exists() else None


def demo_pair() -> tuple[Path, Path] | None:
    """The two demo documents, or None when the install ships without them."""
    left = resource_path("demo", DEMO_FILES[0])
    right = resource_path("demo", DEMO_FILES[1])
    if left is None or right is None:
        return None
    return left, right
