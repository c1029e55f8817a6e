# SPDX-License-Identifier: GPL-3.0-or-later
"""Drag and drop: real drop events load files; bad drops keep the comparison."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from qt_helpers import drop_files
from twofold.engine.result.kinds import Side
from twofold.ui.files.drop import DropPlan, DropRefused, plan_drop
from twofold.ui.main_window import MainWindow


@pytest.fixture
def texts(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "old.txt", tmp_path / "new.txt"
    a.write_text("First paragraph here.\n\nSecond one is the same.\n", encoding="utf-8")
    b.write_text("First paragraph there.\n\nSecond one is the same.\n", encoding="utf-8")
    return a, b


def test_two_files_dropped_on_the_empty_window_open(
    qtbot: QtBot, window: MainWindow, texts: tuple[Path, Path]
) -> None:
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        assert drop_files(window.drop_zone.targets[Side.A], list(texts))
    assert window.result is not None
    assert window.result.a.text.startswith("First paragraph here.")
    assert window.result.b.text.startswith("First paragraph there.")


def test_a_file_dropped_on_a_pane_replaces_that_side(
    qtbot: QtBot, loaded: MainWindow, texts: tuple[Path, Path]
) -> None:
    left_before = loaded.result.a.text  # type: ignore[union-attr]
    pane = loaded.view.pane(Side.B)
    with qtbot.waitSignal(loaded.comparison_finished, timeout=30_000):
        assert drop_files(pane.viewport(), [texts[1]])
    assert loaded.result.a.text == left_before  # type: ignore[union-attr]
    assert loaded.result.b.text.startswith("First paragraph there.")  # type: ignore[union-attr]
    assert pane.toPlainText().startswith("First paragraph there.")


def test_a_folder_drop_is_refused_and_the_comparison_stays(
    qtbot: QtBot, loaded: MainWindow, tmp_path: Path
) -> None:
    shown = loaded.result
    drop_files(loaded.view.pane(Side.A).viewport(), [tmp_path])
    assert "folder" in loaded.banner.text()
    assert loaded.result is shown
    assert loaded.stack.currentWidget() is loaded.splitter


def test_a_symlink_loop_drop_gets_the_loaders_sentence(
    qtbot: QtBot, loaded: MainWindow, tmp_path: Path
) -> None:
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    shown = loaded.result
    drop_files(loaded.view.pane(Side.B).viewport(), [tmp_path / "loop-a"])
    assert loaded.banner.text() == '"loop-a" is a symbolic link that leads back to itself.'
    assert loaded.result is shown


def test_a_binary_drop_reports_and_keeps_the_comparison(
    qtbot: QtBot, loaded: MainWindow, tmp_path: Path
) -> None:
    binary = tmp_path / "image.bin"
    binary.write_bytes(bytes(range(256)) * 64)
    shown = loaded.result
    with qtbot.waitSignal(loaded.comparison_failed, timeout=30_000):
        drop_files(loaded.view.pane(Side.A).viewport(), [binary])
    assert loaded.banner.text()
    assert loaded.result is shown
    assert loaded.view.pane(Side.A).toPlainText() == shown.a.text  # type: ignore[union-attr]


def test_one_file_on_the_empty_window_waits_for_the_other(
    qtbot: QtBot, window: MainWindow, texts: tuple[Path, Path]
) -> None:
    drop_files(window.drop_zone.targets[Side.A], [texts[0]])
    assert "right-hand" in window.banner.text()
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        drop_files(window.drop_zone.targets[Side.B], [texts[1]])


@pytest.mark.parametrize(
    ("names", "side", "expected"),
    [
        (["a", "b"], None, DropPlan(left="a", right="b")),
        (["a", "b"], Side.B, DropPlan(left="a", right="b")),
        (["a"], Side.B, DropPlan(right="a")),
        (["a"], Side.A, DropPlan(left="a")),
    ],
)
def test_plan_drop(tmp_path: Path, names: list[str], side: Side | None, expected: DropPlan) -> None:
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
    plan = plan_drop([str(tmp_path / n) for n in names], side)
    assert isinstance(plan, DropPlan)
    assert (plan.left and Path(plan.left).name, plan.right and Path(plan.right).name) == (
        expected.left,
        expected.right,
    )


def test_plan_drop_refusals(tmp_path: Path) -> None:
    assert isinstance(plan_drop([], None), DropRefused)
    assert isinstance(plan_drop(["1", "2", "3"], None), DropRefused)
    assert "does not exist" in plan_drop([str(tmp_path / "nope.txt")], None).message  # type: ignore[union-attr]
