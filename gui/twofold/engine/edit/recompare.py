# SPDX-License-Identifier: GPL-3.0-or-later
"""Comparing again after an edit, diffing only the pairs whose text changed.

Why a refiner: the alignment is cheap (paragraph keys hashed) but the word
diffs are not, and an edit touches a paragraph or two. ``ReuseRefiner`` answers
the refinement with the previous result's edits for every pair whose two texts
it has seen; the pipeline checks each answer against the texts, so the result
is the one a fresh comparison gives (a hypothesis property checks the JSON).

Constraints: pure, no Qt; implements ``refiner.Refiner``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace

from twofold.engine.pipeline import Refinement, compare
from twofold.engine.refiner import Answered, Job, LocalRefiner, Refiner, Sharing, Sides
from twofold.engine.result.edit_runs import EditRuns
from twofold.engine.result.kinds import NewlineStyle, PairKind, Side
from twofold.engine.result.model import CompareOptions, DiffResult, Document
from twofold.engine.result.stats import edit_counts

__all__ = ["ReuseRefiner", "edited_document", "recompare"]

#: a pair's two texts, what an earlier answer is found by
_Texts = tuple[str, str]


def edited_document(doc: Document, text: str) -> Document:
    """``doc`` holding ``text`` now: the file's encoding and line ends, no digest of bytes.

    The digest said which bytes were read; an edited text has none yet, and a
    stale one would report a byte difference that is not there.
    """
    newline = doc.newline
    if newline is NewlineStyle.NONE and "\n" in text:
        newline = NewlineStyle.LF  # what a save writes for a file that had no line end
    return replace(
        doc,
        text=text,
        trailing_newline=text.endswith("\n"),
        newline=newline,
        digest=None if text != doc.text else doc.digest,
    )


def recompare(
    previous: DiffResult,
    text_a: str,
    text_b: str,
    *,
    bases: tuple[Document, Document] | None = None,
    options: CompareOptions | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> DiffResult:
    """``previous`` compared again with these texts, with its options or ``options``.

    Args:
        bases: the documents the texts are edits of, when not ``previous``'s
            (a side saved since holds its new bytes' digest).
        options: other options (the Compare menu changed); then no earlier
            diff is reused, as it was made under the old ones.

    Raises:
        CompareCanceled: ``should_cancel`` returned True.
    """
    base_a, base_b = bases if bases is not None else (previous.a, previous.b)
    a, b = edited_document(base_a, text_a), edited_document(base_b, text_b)
    options = options or previous.options
    refiner: Refiner = ReuseRefiner(previous) if options == previous.options else LocalRefiner()
    coarse = compare(a, b, options, inline=False, should_cancel=should_cancel, refiner=refiner)
    return Refinement(coarse, refiner).finish(should_cancel=should_cancel)


class ReuseRefiner:
    """A refiner that answers, before any diffing, the pairs an earlier result diffed."""

    def __init__(self, previous: DiffResult) -> None:
        self._known: dict[_Texts, Answered] = {}
        self._sides: Sides | None = None
        text_a, text_b = previous.a.text, previous.b.text
        for pair in previous.pairs:
            if pair.kind not in (PairKind.CHANGED, PairKind.MOVED) or not pair.edits:
                continue
            if len(pair.a) != 1 or len(pair.b) != 1 or not isinstance(pair.edits, EditRuns):
                continue
            span_a, span_b = previous.span_of(pair, Side.A), previous.span_of(pair, Side.B)
            assert span_a is not None
            assert span_b is not None
            key = (text_a[span_a.start : span_a.end], text_b[span_b.start : span_b.end])
            counts = tuple(edit_counts([pair.edits]))
            self._known[key] = Answered(pair.edits.codes, pair.edits.lengths, counts)

    def begin(self, sides: Sides) -> None:
        self._sides = sides

    def stop_guessing(self) -> Mapping[tuple[int, int], Answered]:
        if self._sides is None:
            return {}
        return _Known(self._known, self._sides)

    def share(self, jobs: Sequence[Job], sizes: Sequence[int], options: CompareOptions) -> Sharing:
        return LocalRefiner().share(jobs, sizes, options)


class _Known(Mapping[tuple[int, int], Answered]):
    """Earlier answers by ``(paragraph of A, paragraph of B)`` of the new texts."""

    def __init__(self, known: dict[_Texts, Answered], sides: Sides) -> None:
        self._known, self._sides = known, sides

    def __getitem__(self, key: tuple[int, int]) -> Answered:
        sides = self._sides
        i, j = key
        if not (0 <= i < len(sides.segs_a) and 0 <= j < len(sides.segs_b)):
            raise KeyError(key)
        span_a, span_b = sides.segs_a[i], sides.segs_b[j]
        texts = (
            sides.text_a[span_a.start : span_a.end],
            sides.text_b[span_b.start : span_b.end],
        )
        return self._known[texts]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(())  # found by asking, never listed

    def __len__(self) -> int:
        return len(self._known)
