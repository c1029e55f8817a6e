# SPDX-License-Identifier: GPL-3.0-or-later
"""The head start begun at launch is used only for the comparison it was begun for."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from twofold.engine.decoding import load_document
from twofold.engine.model import CompareOptions
from twofold.engine.parallel import head_start, launch_start
from twofold.engine.parallel.shared_refiner import SharedRefiner
from twofold.engine.pipeline import Refinement, compare


def _paragraph(rng: random.Random) -> str:
    return " ".join(f"w{rng.randrange(500)}" for _ in range(30))


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    """A revision with every paragraph reworded where it stands."""
    rng = random.Random(3)
    a = [_paragraph(rng) for _ in range(50)]
    b = [p.replace(p.split()[rng.randrange(30)], "changed", 1) for p in a]
    left, right = tmp_path / "old.txt", tmp_path / "new.txt"
    left.write_text("\n\n".join(a) + "\n", encoding="utf-8")
    right.write_text("\n\n".join(b) + "\n", encoding="utf-8")
    return str(left), str(right)


@pytest.fixture(autouse=True)
def small_is_big(helper_for_any_size: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Launch head starts for a small pair on any machine; none left over after a test."""
    monkeypatch.setattr(launch_start, "MIN_LAUNCH_BYTES", 0)
    yield
    helper = launch_start.adopt_helper()
    launch_start.forget()
    if helper is not None:
        helper.stop()


def _finished(started: head_start.HeadStart) -> None:
    assert started._thread is not None
    started._thread.join(60)  # every guess answered: the test does not race the helper


NO_LABELS = (None, None)


def test_the_request_it_was_begun_for_gets_it_and_the_same_result(
    files: tuple[str, str],
) -> None:
    assert launch_start.begin(*files)
    helper = launch_start.adopt_helper()
    assert helper is not None
    launched = launch_start.claim(*files, NO_LABELS, CompareOptions())
    assert launched is not None
    started = launched.head_start
    assert started is not None
    _finished(started)
    # What the window's worker does with it: compare, then refine.
    a, b = launched.documents
    refiner = SharedRefiner(helper, started)
    coarse = compare(a, b, inline=False, refiner=refiner, prepared=launched.paragraphs)
    refinement = Refinement(coarse, refiner)
    assert len(refinement._ready) == 50  # every pair came from the launch
    fresh_a, fresh_b = load_document(files[0]), load_document(files[1])
    assert refinement.finish() == compare(fresh_a, fresh_b)
    assert launch_start.claim(*files, NO_LABELS, CompareOptions()) is None  # once


def test_few_changes_hand_over_the_documents_without_a_head_start(
    files: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(head_start, "MIN_PARALLEL_CHARS", 10**9)
    assert launch_start.begin(*files, ("old", "new"))
    launched = launch_start.claim(*files, ("old", "new"), CompareOptions())
    assert launched is not None
    assert launched.head_start is None
    assert [d.label for d in launched.documents] == ["old", "new"]
    a, b = launched.documents
    assert compare(a, b, prepared=launched.paragraphs) == compare(
        load_document(files[0], label="old"), load_document(files[1], label="new")
    )


@pytest.mark.parametrize(
    "other",
    [
        lambda f: (f[1], f[0], NO_LABELS, CompareOptions()),
        lambda f: (f[0], f[1], NO_LABELS, CompareOptions(ignore_case=True)),
        lambda f: (f[0], f[1], ("x", "y"), CompareOptions()),
    ],
    ids=["other files", "other options", "other labels"],
)
def test_another_request_ends_it(files: tuple[str, str], other) -> None:  # type: ignore[no-untyped-def]
    assert launch_start.begin(*files)
    started = launch_start._pending.made.head_start  # type: ignore[union-attr]
    assert started is not None
    assert launch_start.claim(*other(files)) is None
    assert started._closed.is_set()
    assert launch_start.claim(*files, NO_LABELS, CompareOptions()) is None


def test_a_file_changed_since_launch_drops_its_answers(
    files: tuple[str, str],
) -> None:
    assert launch_start.begin(*files)
    launched = launch_start.claim(*files, NO_LABELS, CompareOptions())
    assert launched is not None
    started = launched.head_start
    assert started is not None
    _finished(started)
    Path(files[1]).write_text(Path(files[1]).read_text() + "\nOne more paragraph.\n")
    a, b = load_document(files[0]), load_document(files[1])
    refiner = SharedRefiner(None, started)
    coarse = compare(a, b, inline=False, refiner=refiner)
    assert started.stop() == {}  # other paragraphs: none of its answers may be taken
    assert Refinement(coarse, refiner).finish() == compare(a, b)


def test_nothing_begins_for_a_small_or_missing_pair(
    files: tuple[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(launch_start, "MIN_LAUNCH_BYTES", 10**9)
    assert not launch_start.begin(*files)
    monkeypatch.setattr(launch_start, "MAX_LAUNCH_BYTES", 10)
    assert not launch_start.begin(*files)
    monkeypatch.setattr(launch_start, "MIN_LAUNCH_BYTES", 0)
    monkeypatch.setattr(launch_start, "MAX_LAUNCH_BYTES", 10**9)
    assert not launch_start.begin(files[0], str(tmp_path / "missing.txt"))
    assert not launch_start.begin(files[0], str(tmp_path))  # a folder
    assert launch_start.adopt_helper() is None
