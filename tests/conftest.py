# SPDX-License-Identifier: GPL-3.0-or-later
"""Suite-wide setup: Qt runs offscreen, no hypothesis deadlines, tests/ui marked ``gui``.

No Qt import here: engine tests must run (and prove they need) no Qt at all.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# No test asserts on time (benchmarks do, under bench/): hypothesis's 200 ms deadline
# per example is such an assertion, and failed on a busy 2-core machine.
settings.register_profile("twofold", deadline=None)
settings.load_profile("twofold")

_UI_TESTS = Path(__file__).parent / "ui"


@pytest.fixture
def helper_for_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """Head starts and helper-shared refinements even for a small pair, on any machine.

    Batches of 2,000 characters, so a test pair of a few dozen paragraphs is
    still handed over in several; a test wanting more hand-overs sets less.
    """
    from twofold.engine import head_start, refine_helper

    monkeypatch.setattr(head_start, "MIN_PARALLEL_CHARS", 0)
    monkeypatch.setattr(refine_helper, "MIN_PARALLEL_CHARS", 0)
    monkeypatch.setattr(refine_helper, "BATCH_CHARS", 2_000)
    monkeypatch.setattr(head_start, "usable_cpus", lambda: 2)  # whatever runs the tests
    monkeypatch.setattr(refine_helper, "usable_cpus", lambda: 2)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Auto-mark GUI tests (qutebrowser ``tests/conftest.py``), so ``-m 'not gui'`` works."""
    for item in items:
        if _UI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.gui)
