# SPDX-License-Identifier: GPL-3.0-or-later
"""A big pair named on the command line gets its head start before the window exists.

Why: ``twofold a b`` spends a while starting Python and Qt and building the
window on one core, and only then loads and aligns the pair; the head start
(``head_start``) began once the paragraphs were known, long after launch.
Begun here, before Qt is imported, the helper diffs the likely pairs of a
reworded pair on the other core almost from the start, and the refinement after
the alignment finds most of its answers ready (docs/performance.md, "The refine
helper and the head start").

The documents and their paragraphs are handed over too, so a pair that turns
out not to need a head start (few changes) costs nothing more: the same work,
done before the window instead of after it.

How it is handed over: ``begin`` returns a ``Launch``, a value that
``app.run_gui`` passes to the window with the files it was made for
(``MainWindow.compare_files(..., launch=...)``); nothing is parked in this
module for a later caller to claim. The window's options are known only once
Qt runs (the saved ones): ``Launch.made_for`` gives what was made only if it
was made with the same options, and ends the head start otherwise.
``compare`` then calls ``HeadStart.begin`` again with the texts, paragraphs
and options it has, and the head start stops (and drops its answers) unless
they are the same. The answers are checked against the texts again when the
refinement takes them. Either way the result is the one without it.

Constraints: Qt-free, so it runs before Qt is imported; a file that cannot be
read is left for the worker to report.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import NamedTuple

from twofold.engine.errors import TwofoldError
from twofold.engine.load.decoding import load_document
from twofold.engine.parallel.head_start import HeadStart
from twofold.engine.parallel.refine_helper import RefineHelper
from twofold.engine.parallel.tuning import DEFAULT_TUNING, ParallelTuning
from twofold.engine.pipeline import Paragraphs, paragraphs
from twofold.engine.refiner import Sides
from twofold.engine.result.model import CompareOptions, Document


class Launched(NamedTuple):
    """What the launch made for a pair: its documents, their paragraphs, a head start."""

    documents: tuple[Document, Document]
    paragraphs: Paragraphs
    #: None when the helper was not set to work (one core, few changes)
    head_start: HeadStart | None


@dataclass(frozen=True, slots=True)
class Launch:
    """A pair loaded and cut at launch, and the helper set to work on it: the window's to take."""

    #: the helper process the head start talks to; the window refines with it too
    helper: RefineHelper
    #: the options the paragraphs were cut with (the command line's, or the defaults)
    options: CompareOptions
    made: Launched

    def made_for(self, options: CompareOptions) -> Launched | None:
        """What was made, if with ``options``; otherwise None and the head start ends."""
        if options == self.options:
            return self.made
        self.stop()
        return None

    def stop(self) -> None:
        """End the head start (its answers are no one's); the helper stays for the window."""
        if self.made.head_start is not None:
            self.made.head_start.stop()


def begin(
    left: str,
    right: str,
    labels: tuple[str | None, str | None] = (None, None),
    options: CompareOptions | None = None,
    tuning: ParallelTuning = DEFAULT_TUNING,
) -> Launch | None:
    """Load the pair, cut it and begin its head start, when it is big; None if not loaded.

    The window's worker takes the documents and paragraphs too (``Launch.made_for``),
    so nothing is done twice: when the head start is not worth it, the work was
    only done earlier.

    Args:
        options: the command line's; None means the saved ones, unknown before
            Qt starts, so the defaults are assumed (``made_for`` checks).
        tuning: which sizes are worth it (``min_launch_bytes``, ``max_launch_bytes``);
            the helper made here holds it, for the head start and the window.
    """
    try:
        size = os.stat(left).st_size + os.stat(right).st_size
    except OSError:
        return None  # the worker says why
    if not tuning.min_launch_bytes <= size <= tuning.max_launch_bytes:
        return None
    options = options or CompareOptions()
    try:
        a = load_document(left, label=labels[0], documents=False)
        b = load_document(right, label=labels[1], documents=False)
    except TwofoldError:
        return None  # the worker loads again (a document, in the background) or says why
    prepared = paragraphs(a, b, options)
    (segs_a, segs_b), keys = prepared.segments, prepared.keys
    helper = RefineHelper(tuning)
    head_start = HeadStart(helper)
    head_start.begin(Sides(a.text, segs_a, b.text, segs_b, options, keys))
    made = Launched((a, b), prepared, head_start if head_start.begun else None)
    return Launch(helper, options, made)
