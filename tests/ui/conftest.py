# SPDX-License-Identifier: GPL-3.0-or-later
"""Fixtures for the window tests: isolated settings, hand-made results, the demo pair."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from qt_helpers import TunedWindow, compare_and_wait
from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.model import DiffResult, Document, Pair, Stats
from twofold.engine.result.spans import Span
from twofold.resource_paths import demo_pair
from twofold.ui.files.settings import Settings
from twofold.ui.main_window import MainWindow
from twofold.ui.panes.diff_pane import DiffPane
from twofold.ui.tuning import DEFAULT_VIEW_TUNING


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a throwaway INI file, never the user's."""
    return Settings(QSettings(str(tmp_path / "twofold.ini"), QSettings.Format.IniFormat))


@pytest.fixture(autouse=True)
def _no_user_settings(tmp_path: Path) -> None:
    """Anything that still asks QSettings for user scope writes under tmp_path."""
    fmt, scope = QSettings.Format.IniFormat, QSettings.Scope.UserScope
    QSettings.setPath(fmt, scope, str(tmp_path / "user"))


@pytest.fixture
def demo() -> tuple[Path, Path]:
    pair = demo_pair()
    assert pair is not None, "resources/demo is missing"
    return pair


@pytest.fixture
def tuned_window(qtbot: QtBot, settings: Settings) -> TunedWindow:
    """Make shown windows whose tuning differs from the defaults (a big pair's path, small)."""

    def make(**changes: Any) -> MainWindow:
        win = MainWindow(settings=settings, tuning=replace(DEFAULT_VIEW_TUNING, **changes))
        qtbot.addWidget(win)
        win.resize(1200, 700)
        win.show()
        qtbot.waitExposed(win)
        return win

    return make


@pytest.fixture
def pane(qtbot: QtBot) -> DiffPane:
    """A pane on its own (no window, no other side), shown at 500x300."""
    shown = DiffPane(Side.A)
    qtbot.addWidget(shown)
    shown.resize(500, 300)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def window(tuned_window: TunedWindow) -> MainWindow:
    return tuned_window()


@pytest.fixture
def loaded(qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path]) -> MainWindow:
    compare_and_wait(qtbot, window, *demo)
    return window


def make_result(a_paragraphs: list[str], b_paragraphs: list[str], pairs: list[Pair]) -> DiffResult:
    """A ``DiffResult`` by hand: paragraphs joined by blank lines, pairs as given."""

    def build(paragraphs: list[str]) -> tuple[str, tuple[Span, ...]]:
        spans, pos = [], 0
        for para in paragraphs:
            spans.append(Span(pos, pos + len(para)))
            pos += len(para) + 2
        return "\n\n".join(paragraphs) + "\n", tuple(spans)

    a_text, a_spans = build(a_paragraphs)
    b_text, b_spans = build(b_paragraphs)
    counts: dict[PairKind, int] = {}
    for pair in pairs:
        counts[pair.kind] = counts.get(pair.kind, 0) + 1
    return DiffResult(
        a=Document("a.txt", a_text),
        b=Document("b.txt", b_text),
        a_segments=a_spans,
        b_segments=b_spans,
        pairs=tuple(pairs),
        stats=Stats(pairs_by_kind=counts, similarity=0.5),
    )


MakeResult = Callable[[list[str], list[str], list[Pair]], DiffResult]


@pytest.fixture(name="make_result")
def make_result_fixture() -> MakeResult:
    """The hand-made result builder, as a fixture (tests/ is not a package)."""
    return make_result
