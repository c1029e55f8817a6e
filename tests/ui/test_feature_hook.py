"""PySide's import hook, lightened: the same answers, and no source kept in ``linecache``."""

from __future__ import annotations

import importlib.util
import linecache
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("PySide6")
import PySide6  # noqa: F401 - installs the hook

from twofold.process_setup import lighten_feature_hook

pytest.importorskip("shibokensupport.feature")


def _module_from(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lightened() -> Callable[[ModuleType], bool]:
    """The question PySide asks of each module imported, lightened (whoever did it first)."""
    lightened = lighten_feature_hook()
    assert lightened is not None, "this PySide asks no such question"
    return lightened


def test_modules_are_told_apart_as_pyside_does_without_caching_their_source(
    tmp_path: Path,
) -> None:
    qt_user = tmp_path / "qt_user.py"
    qt_user.write_text('"""Uses PySide6 widgets."""\nVALUE = 1\n', encoding="utf-8")
    plain = tmp_path / "plain.py"
    plain.write_text("VALUE = 2\n", encoding="utf-8")
    modules = [_module_from(qt_user), _module_from(plain)]
    lightened = _lightened()
    pysides_own = lightened.__wrapped__  # type: ignore[attr-defined]
    expected = [pysides_own(m) for m in modules]
    assert expected == [True, False]
    linecache.clearcache()

    assert [lightened(m) for m in modules] == expected
    assert str(qt_user) not in linecache.cache
    assert str(plain) not in linecache.cache


def test_modules_without_a_source_file_get_pysides_own_answer() -> None:
    lightened = _lightened()
    assert lightened(sys) == lightened.__wrapped__(sys)  # type: ignore[attr-defined]
    assert lighten_feature_hook() is lightened  # a second call keeps the one wrapper
