# SPDX-License-Identifier: GPL-3.0-or-later
"""Where ``resources/`` lives: the only module that knows.

Three layouts, tried in this order:

* frozen by PyInstaller (``packaging/twofold.spec``): the spec bundles the folder as
  ``twofold/resources`` under ``sys._MEIPASS``;
* installed from a wheel: hatch's ``force-include`` maps it to ``twofold/resources``
  inside the package;
* a checkout: ``<repo>/resources``, two levels above the package (source root ``gui/``).

Everything else asks here, so moving the folder is a one-line change. It sits
beside ``cli.py`` rather than in ``ui/`` because the text fronts need the demo
pair too and must not import the UI package (an import-linter contract).
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

#: the demo pair ``twofold --demo`` opens: two transcriptions of the Gettysburg Address
DEMO_FILES = ("gettysburg-nicolay.txt", "gettysburg-bliss.txt")
#: the scalable application icon, relative to ``resources/``
ICON_FILE = ("icons", "twofold.svg")


def _candidates() -> list[Path]:
    """Possible resource folders, most specific first."""
    found = []
    bundle = getattr(sys, "_MEIPASS", None)  # set only in a PyInstaller build
    if bundle:
        found.append(Path(bundle) / "twofold" / "resources")
    found += [_PACKAGE / "resources", _PACKAGE.parent.parent / "resources"]
    return found


def resources_dir() -> Path | None:
    """The resources folder: frozen bundle, then wheel, then checkout; None if none."""
    for candidate in _candidates():
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


def icon_path() -> Path | None:
    """The application icon (SVG), or None when the install ships without it."""
    return resource_path(*ICON_FILE)
