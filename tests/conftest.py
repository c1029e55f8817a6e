# SPDX-License-Identifier: GPL-3.0-or-later
"""Suite-wide setup: Qt runs offscreen, a home of its own, no hypothesis deadlines, gui marks.

No Qt import here: engine tests must run (and prove they need) no Qt at all.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from twofold.engine.parallel.tuning import ParallelTuning

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: the suite's home: set before anything starts Qt, so every ``QSettings``, every
#: ``twofold`` subprocess and every tool they start finds its settings and recent list
#: here, never in the user's ``~/.config/twofold`` (``make test`` once added its pair
#: to the user's recent list). ``tests/ui/conftest.py`` also points QSettings at each
#: test's own folder; ``tests/test_isolation.py`` checks that a run leaves a home alone.
SUITE_HOME = Path(tempfile.mkdtemp(prefix="twofold-tests-home-"))
#: the home the suite was started with, for the isolation test to compare against
STARTED_WITH_HOME = os.environ.get("HOME", "")
os.environ["HOME"] = str(SUITE_HOME)
os.environ["XDG_CONFIG_HOME"] = str(SUITE_HOME / ".config")

# No test asserts on time (benchmarks do, under bench/): hypothesis's 200 ms deadline
# per example is such an assertion, and failed on a busy 2-core machine.
settings.register_profile("twofold", deadline=None)
settings.load_profile("twofold")

_UI_TESTS = Path(__file__).parent / "ui"


@pytest.fixture
def helper_for_any_size() -> ParallelTuning:
    """A tuning with head starts and helper-shared refinements even for a small pair, anywhere.

    Batches of 2,000 characters, so a test pair of a few dozen paragraphs is
    still handed over in several; a test wanting more hand-overs ``replace``-s
    ``batch_chars``. Two cores are assumed, whatever runs the tests.
    """
    return ParallelTuning(min_parallel_chars=0, batch_chars=2_000, cores=2)


@pytest.fixture
def suite_home() -> tuple[Path, str]:
    """The suite's home, and the ``HOME`` the suite was started with."""
    return SUITE_HOME, STARTED_WITH_HOME


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(SUITE_HOME, ignore_errors=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Auto-mark GUI tests (qutebrowser ``tests/conftest.py``), so ``-m 'not gui'`` works."""
    for item in items:
        if _UI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.gui)
