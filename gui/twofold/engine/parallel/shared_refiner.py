# SPDX-License-Identifier: GPL-3.0-or-later
"""The ``Refiner`` with a second core: a head start, then the pairs shared with the helper.

Why one object: ``pipeline`` sees one refiner per comparison (``refiner.Refiner``);
here it is the head start that diffs likely pairs while the alignment runs
(``head_start``) and the refinement shared with the helper process after it
(``refine_sharing.SharedRefinement``). The helper outlives the comparison (the
window keeps one for the next), the head start does not.

Constraints: the result is the one ``refiner.LocalRefiner`` gives; a helper
that fails costs only speed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from twofold.engine.parallel.head_start import HeadStart
from twofold.engine.parallel.refine_helper import RefineHelper, tuning_of
from twofold.engine.parallel.refine_sharing import SharedRefinement
from twofold.engine.parallel.tuning import ParallelTuning
from twofold.engine.refiner import Answered, Job, Sides
from twofold.engine.result.model import CompareOptions


class SharedRefiner:
    """Refines one comparison with ``helper`` (None: alone), taking ``head_start``'s answers.

    Args:
        head_start: one begun already (at launch, ``launch_start``); a new one by default.
        tuning: for the new head start and the shared refinement; None means the
            helper's own (``RefineHelper.tuning``).
    """

    def __init__(
        self,
        helper: RefineHelper | None,
        head_start: HeadStart | None = None,
        tuning: ParallelTuning | None = None,
    ) -> None:
        self._helper = helper
        self._tuning = tuning_of(helper, tuning)
        self._head_start = head_start if head_start is not None else HeadStart(helper, self._tuning)

    def begin(self, sides: Sides) -> None:
        """Begin the head start (or confirm the launch's, ``HeadStart.begin``)."""
        self._head_start.begin(sides)

    def stop_guessing(self) -> Mapping[tuple[int, int], Answered]:
        return self._head_start.stop()

    def share(
        self, jobs: Sequence[Job], sizes: Sequence[int], options: CompareOptions
    ) -> SharedRefinement:
        return SharedRefinement(jobs, sizes, options, self._helper, self._tuning)
