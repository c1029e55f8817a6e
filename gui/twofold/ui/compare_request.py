# SPDX-License-Identifier: GPL-3.0-or-later
"""A request to compare two files, and what a worker thread runs for it.

Why apart from the runner (``worker``): this is the work itself (load both files,
reporting a document's reading into the bar, then run the pipeline, aligning only
for a big pair), with no Qt, so it is tested and timed as plain calls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from twofold.engine.errors import CompareCanceled
from twofold.engine.parallel.launch_start import Launched
from twofold.engine.refiner import Refiner
from twofold.engine.result.kinds import DocFormat
from twofold.engine.result.model import CompareOptions, DiffResult, Document
from twofold.ui.tuning import DEFAULT_VIEW_TUNING


@dataclass(frozen=True, slots=True)
class CompareRequest:
    """Two files to load and compare, with the labels to show for them."""

    left: str
    right: str
    labels: tuple[str | None, str | None] = (None, None)
    options: CompareOptions = field(default_factory=CompareOptions)
    #: read both files' own bytes as text, documents too (Compare ▸ Read Files as Text)
    as_text: bool = False
    #: read a web page whole, site chrome too (Compare ▸ Compare Web Pages Whole)
    whole_page: bool = False
    #: the documents and paragraphs ``launch_start`` made for this request, if any
    #: (``CompareRunner.start`` puts them in from the ``Launch`` it is handed)
    launched: Launched | None = field(default=None, compare=False, repr=False)

    def swapped(self) -> CompareRequest:
        # The same choices of what to read, and nothing the launch made for the other order.
        return replace(
            self, left=self.right, right=self.left, labels=self.labels[::-1], launched=None
        )


#: Share of the progress bar the coarse step takes when a comparison runs in two steps.
COARSE_SHARE = 0.3
#: Longest wait for the UI to put a preview on screen before refining regardless (seconds).
PREVIEW_WAIT = 2.0
#: Share of the progress bar reading documents (DOCX, PDF...) takes before the comparison.
DOCUMENT_SHARE = 0.2
#: ``(request, should_cancel, progress, refiner) -> result``; raises TwofoldError subclasses
CompareFn = Callable[
    [CompareRequest, Callable[[], bool], Callable[[float], None], Refiner], DiffResult
]


def load_and_compare(
    request: CompareRequest,
    should_cancel: Callable[[], bool],
    progress: Callable[[float], None],
    refiner: Refiner | None = None,
    *,
    coarse_first_chars: int = DEFAULT_VIEW_TUNING.coarse_first_chars,
) -> DiffResult:
    """The real job: decode both files, then run the pipeline.

    A big pair (``coarse_first_chars`` or more, both sides) is only aligned
    here (the job refines it after showing it), and ``refiner`` may diff its
    likely pairs meanwhile.
    """
    from twofold.engine.pipeline import compare

    launched = request.launched
    if launched is None:
        a, b = _load_pair(request, should_cancel, progress)
        # A document's reader took the first part of the bar; the comparison takes the rest.
        start = DOCUMENT_SHARE if (a.format, b.format) != (DocFormat.TEXT,) * 2 else 0.0
    else:
        (a, b), start = launched.documents, 0.0
    if should_cancel():
        raise CompareCanceled("canceled")
    prepared = launched.paragraphs if launched is not None else None
    if len(a.text) + len(b.text) < coarse_first_chars:
        return compare(
            a,
            b,
            request.options,
            should_cancel=should_cancel,
            progress=lambda value: progress(start + (1 - start) * value),
            prepared=prepared,
        )
    # Big inputs: align only, so the job can show this and then refine (see _CompareJob).
    return compare(
        a,
        b,
        request.options,
        inline=False,
        should_cancel=should_cancel,
        progress=lambda value: progress(start + (COARSE_SHARE - start) * value),
        refiner=refiner,
        prepared=prepared,
    )


def _load_pair(
    request: CompareRequest, should_cancel: Callable[[], bool], progress: Callable[[float], None]
) -> tuple[Document, Document]:
    """Load both files; a document's reader reports into the bar and stops on cancel."""
    from twofold.engine.load.decoding import load_document
    from twofold.engine.load.documents.extracted import ReadLimits

    def reading(side: int) -> Callable[[int, int], None]:
        def told(done: int, total: int) -> None:
            if should_cancel():
                raise CompareCanceled("canceled")
            share = done / total if total > 0 else 0.0
            progress(DOCUMENT_SHARE * (side + min(share, 1.0)) / 2)

        return told

    limits = ReadLimits(as_text=request.as_text, whole_page=request.whole_page)
    a = load_document(request.left, label=request.labels[0], limits=limits, progress=reading(0))
    if should_cancel():
        raise CompareCanceled("canceled")
    b = load_document(request.right, label=request.labels[1], limits=limits, progress=reading(1))
    return a, b
