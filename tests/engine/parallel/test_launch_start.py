# SPDX-License-Identifier: GPL-3.0-or-later
"""The head start begun at launch is handed over as a value, and used only with its options."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from twofold.engine.load.decoding import load_document
from twofold.engine.parallel import head_start, launch_start
from twofold.engine.parallel.shared_refiner import SharedRefiner
from twofold.engine.parallel.tuning import ParallelTuning
from twofold.engine.pipeline import Refinement, compare
from twofold.engine.result.model import CompareOptions


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


@pytest.fixture
def small_is_big(helper_for_any_size: ParallelTuning) -> ParallelTuning:
    """A tuning that launches head starts for a small pair on any machine."""
    return replace(helper_for_any_size, min_launch_bytes=0)


@pytest.fixture
def launch(files: tuple[str, str], small_is_big: ParallelTuning) -> Iterator[launch_start.Launch]:
    """A launch for ``files``, its head start and helper ended after the test."""
    made = launch_start.begin(*files, tuning=small_is_big)
    assert made is not None
    yield made
    made.stop()
    made.helper.stop()


def _finished(started: head_start.HeadStart) -> None:
    assert started.begun
    assert started.wait(60)  # every guess answered: the test does not race the helper


def test_the_options_it_was_made_with_get_it_and_the_same_result(
    files: tuple[str, str], launch: launch_start.Launch
) -> None:
    launched = launch.made_for(CompareOptions())
    assert launched is not None
    started = launched.head_start
    assert started is not None
    _finished(started)
    # What the window's worker does with it: compare, then refine.
    a, b = launched.documents
    refiner = SharedRefiner(launch.helper, started)
    coarse = compare(a, b, inline=False, refiner=refiner, prepared=launched.paragraphs)
    refinement = Refinement(coarse, refiner)
    assert refinement.taken_early == 50  # every pair came from the launch
    fresh_a, fresh_b = load_document(files[0]), load_document(files[1])
    assert refinement.finish() == compare(fresh_a, fresh_b)


def test_few_changes_hand_over_the_documents_without_a_head_start(
    files: tuple[str, str], small_is_big: ParallelTuning
) -> None:
    few = replace(small_is_big, min_parallel_chars=10**9)
    launch = launch_start.begin(*files, ("old", "new"), tuning=few)
    assert launch is not None
    launched = launch.made_for(CompareOptions())
    assert launched is not None
    assert launched.head_start is None
    assert [d.label for d in launched.documents] == ["old", "new"]
    a, b = launched.documents
    assert compare(a, b, prepared=launched.paragraphs) == compare(
        load_document(files[0], label="old"), load_document(files[1], label="new")
    )
    launch.helper.stop()


def test_other_options_end_it(launch: launch_start.Launch) -> None:
    """The window's saved options, unknown at launch, differ: the paragraphs are not theirs."""
    started = launch.made.head_start
    assert started is not None
    assert launch.made_for(CompareOptions(ignore_case=True)) is None
    assert started.stopped


def test_launches_are_values_nothing_is_parked(
    files: tuple[str, str], small_is_big: ParallelTuning
) -> None:
    """Two launches of the same files are two values; one ending leaves the other at work."""
    first = launch_start.begin(*files, tuning=small_is_big)
    second = launch_start.begin(*files, tuning=small_is_big)
    assert first is not None
    assert second is not None
    assert second.made.head_start is not None
    assert first.made_for(CompareOptions(ignore_case=True)) is None
    assert not second.made.head_start.stopped
    assert second.made_for(CompareOptions()) is second.made
    for launch in (first, second):
        launch.stop()
        launch.helper.stop()
    assert not any(isinstance(v, launch_start.Launch) for v in vars(launch_start).values())


def test_a_file_changed_since_launch_drops_its_answers(
    files: tuple[str, str], launch: launch_start.Launch
) -> None:
    launched = launch.made_for(CompareOptions())
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
    files: tuple[str, str], small_is_big: ParallelTuning, tmp_path: Path
) -> None:
    too_small = replace(small_is_big, min_launch_bytes=10**9)
    assert launch_start.begin(*files, tuning=too_small) is None
    too_big = replace(small_is_big, max_launch_bytes=10)
    assert launch_start.begin(*files, tuning=too_big) is None
    any_size = replace(small_is_big, max_launch_bytes=10**9)
    assert launch_start.begin(files[0], str(tmp_path / "missing.txt"), tuning=any_size) is None
    assert launch_start.begin(files[0], str(tmp_path), tuning=any_size) is None  # a folder
