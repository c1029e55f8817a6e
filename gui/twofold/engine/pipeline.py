# SPDX-License-Identifier: GPL-3.0-or-later
"""``compare()``: the one entry point that turns two documents into a DiffResult.

Pure and thread-safe, so the UI runs it in a worker and the CLI runs it
inline. ``should_cancel`` is polled between steps; ``progress`` receives a
fraction in ``[0, 1]``. The stages are the functions of the sibling modules.

Big inputs can be shown in two steps: ``compare(..., inline=False)`` stops
after the alignment (changed pairs carry their pairing score and no
edits), ``refine_pair`` diffs one pair (what is on screen first), and
``refine`` completes the rest. A huge single-line file thus shows its tinted
change at once instead of waiting for the character diff. Both take a
``Refiner`` (``refiner``): the local one diffs every pair here; the shared one
(``engine.parallel``) adds a second core, which this module never meets.
``Refinement`` splits ``refine`` in two so that a helper can begin before the
caller is ready to join in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import chain, compress, count, islice
from operator import attrgetter
from typing import NamedTuple

from twofold.engine.align.alignment import Match, align_rows
from twofold.engine.align.matches import AnchorRun, equal_sides, expanded, row_length
from twofold.engine.errors import CompareCanceled
from twofold.engine.inline.chardiff import inline_edits
from twofold.engine.inline.pair_texts import PairTexts, pair_spans
from twofold.engine.refiner import Answered, LocalRefiner, Refiner, Sharing, Sides, sum_counts
from twofold.engine.result.edit_runs import EditRuns
from twofold.engine.result.kinds import DocFormat, PairKind, Unit
from twofold.engine.result.layout import kept_lines, layout_of
from twofold.engine.result.model import (
    CompareOptions,
    DiffResult,
    Document,
    Pair,
    Stats,
)
from twofold.engine.result.pair_slots import checked_pair, equal_pair, equal_pairs, refined_pair
from twofold.engine.result.spans import Span
from twofold.engine.result.stats import EditCounts, compute_stats, edit_counts, refined_stats
from twofold.engine.segment.normalize import match_keys
from twofold.engine.segment.segmentation import resolve_unit, segment_with_texts
from twofold.engine.tuning import DEFAULT_COMPARE_TUNING, CompareTuning

Progress = Callable[[float], None]

#: Share of the progress bar the alignment takes; the inline diffs get the rest.
_ALIGN_SHARE = 0.3
_DIFFED = frozenset({PairKind.CHANGED, PairKind.MOVED})
_kind_of, _edits_of = attrgetter("kind"), attrgetter("edits")


class Paragraphs(NamedTuple):
    """What ``compare`` aligns: the unit, each side's segments and their match keys."""

    unit: Unit
    segments: tuple[Sequence[Span], Sequence[Span]]
    keys: tuple[list[str], list[str]]


def paragraphs(a: Document, b: Document, options: CompareOptions) -> Paragraphs:
    """Cut both documents into the units ``compare`` pairs, with their match keys."""
    unit = options.unit
    if unit is Unit.AUTO and (a.format is not DocFormat.TEXT or b.format is not DocFormat.TEXT):
        unit = Unit.PARAGRAPHS  # a reader gives paragraphs: compare the other side's too
    unit = resolve_unit(unit, (a.path or a.label, a.text), (b.path or b.label, b.text))
    segs_a, texts_a = segment_with_texts(a.text, unit)
    segs_b, texts_b = segment_with_texts(b.text, unit)
    if unit is Unit.LINES:  # diff -B: blank lines are no units, but layout between them
        segs_a, segs_b = kept_lines(a, segs_a, options), kept_lines(b, segs_b, options)
    return Paragraphs(
        unit,
        (segs_a, segs_b),
        (
            match_keys(a.text, segs_a, options, texts_a),
            match_keys(b.text, segs_b, options, texts_b),
        ),
    )


def compare(
    a: Document,
    b: Document,
    options: CompareOptions | None = None,
    *,
    inline: bool = True,
    should_cancel: Callable[[], bool] | None = None,
    progress: Progress | None = None,
    refiner: Refiner | None = None,
    prepared: Paragraphs | None = None,
    tuning: CompareTuning = DEFAULT_COMPARE_TUNING,
) -> DiffResult:
    """Compare two documents.

    Args:
        inline: also compute the inline edits of every changed pair; when False
            the result is coarse (``refined`` is False) until ``refine`` runs.
        refiner: begun once the paragraphs are known (a coarse result only):
            it may diff likely pairs while this aligns; pass it to
            ``Refinement``, which takes its answers.
        prepared: ``paragraphs(a, b, options)``, if made already (at launch).
        tuning: where the inline diff changes strategy (a test reaches a huge
            pair's path with small texts); a coarse result is refined with the
            refiner's own (``LocalRefiner(tuning)``).

    Raises:
        CompareCanceled: ``should_cancel`` returned True; nothing is returned.
    """
    options = options or CompareOptions()
    check = should_cancel or (lambda: False)
    report = progress or (lambda _fraction: None)
    unit, (segs_a, segs_b), (keys_a, keys_b) = prepared or paragraphs(a, b, options)
    if refiner is not None and not inline:
        refiner.begin(Sides(a.text, segs_a, b.text, segs_b, options, (keys_a, keys_b)))
    report(0.05)
    rows = align_rows(keys_a, keys_b, options, check, tuning=tuning)
    report(_ALIGN_SHARE)
    if inline:
        sides = (a.text, segs_a, b.text, segs_b)
        matches = expanded(rows, max(len(keys_a), len(keys_b)))
        pairs = _diff_matches(matches, sides, options, tuning, check, report)
    else:
        pairs = _coarse_pairs(rows)
    report(1.0)
    return DiffResult(
        a=a,
        b=b,
        a_segments=segs_a,
        b_segments=segs_b,
        pairs=pairs,
        stats=compute_stats(pairs, a.text, b.text, segs_a, segs_b),
        options=options,
        unit=unit,
        refined=inline,
        layout=layout_of(a, b, segs_a, segs_b, pairs, options),
    )


def refine_pair(result: DiffResult, pair: Pair) -> Pair:
    """The pair with its inline edits, computing them if the result is coarse."""
    if pair.kind not in (PairKind.CHANGED, PairKind.MOVED) or pair.edits:
        return pair
    span_a, span_b = pair_spans(result, pair)
    return _inline_pair(
        Match(pair.kind, pair.a, pair.b, pair.similarity),
        result.a.text,
        span_a,
        result.b.text,
        span_b,
        result.options,
    )


def refine(
    result: DiffResult,
    *,
    should_cancel: Callable[[], bool] | None = None,
    progress: Progress | None = None,
    refiner: Refiner | None = None,
) -> DiffResult:
    """Complete a coarse result: every changed pair gets its edits, the stats their counts.

    Args:
        refiner: the one ``compare`` began for ``result``, if any; the edits
            are the same with any refiner.
    """
    refinement = Refinement(result, refiner)
    return refinement.finish(should_cancel=should_cancel, progress=progress)


class Refinement:
    """``refine`` in two steps: begun at once (the helper sets to work), finished later.

    The GUI begins it before putting the coarse result on screen, so a
    helper's core works while the window's is busy painting.
    """

    def __init__(self, result: DiffResult, refiner: Refiner | None = None) -> None:
        """``refiner``: the one ``compare`` began for this result; its early answers are taken."""
        self._result = result
        refiner = refiner if refiner is not None else LocalRefiner()
        answered = refiner.stop_guessing()
        #: pairs the refiner diffed early, with its answers (checked when the refinement ends)
        self._ready: dict[int, Answered] = {}
        self._todo = []
        pairs = result.pairs
        diffed = map(_DIFFED.__contains__, map(_kind_of, pairs))  # in C: most are equal
        for n in compress(count(), diffed):  # no (index, pair) tuple for each equal pair
            pair = pairs[n]
            if pair.edits:
                continue
            one_to_one = len(pair.a) == len(pair.b) == 1
            found = answered.get((pair.a[0], pair.b[0])) if one_to_one else None
            if found is None:
                self._todo.append(n)
            else:
                self._ready[n] = found
        self._jobs = PairTexts(result, [result.pairs[n] for n in self._todo])
        self._shared = refiner.share(self._jobs, self._jobs.sizes, result.options)

    @property
    def taken_early(self) -> int:
        """Pairs whose edits the refiner had ready (a head start's answers), not diffed again.

        What a head start saved: ``bench/refine_helper_bench.py`` reports it.
        """
        return len(self._ready)

    @property
    def left_to_diff(self) -> int:
        """Pairs ``finish`` has diffed (shared with the helper, if any): the rest of the work."""
        return len(self._todo)

    @property
    def sharing(self) -> Sharing:
        """Who diffs the ``left_to_diff`` pairs: this thread alone, or with the helper."""
        return self._shared

    def finish(
        self,
        *,
        should_cancel: Callable[[], bool] | None = None,
        progress: Progress | None = None,
    ) -> DiffResult:
        """The refined result.

        Raises:
            CompareCanceled: ``should_cancel`` returned True; nothing is returned.
        """
        result = self._result
        if result.refined:
            return result
        check = should_cancel or (lambda: False)
        report = progress or (lambda _fraction: None)
        pairs = list(result.pairs)
        refined = self._shared.finish(check, report)
        placed = map(self._jobs.placed, count(), refined)
        for n, edits in zip(self._todo, placed, strict=True):
            pairs[n] = refined_pair(pairs[n], edits)
        ready_counts = []
        for n, found in self._ready.items():
            pair = pairs[n]
            edits, counts = self._answer_of(pair, found)
            pairs[n] = refined_pair(pair, edits)
            ready_counts.append(counts)
        report(1.0)
        done = tuple(pairs)
        # The refiner counted the words of the edits it made, early or not.
        counted = self._shared.counts.plus(sum_counts(ready_counts))
        return replace(result, pairs=done, stats=self._stats(done, counted), refined=True)

    def _stats(self, done: tuple[Pair, ...], counted: EditCounts) -> Stats:
        """The refined result's statistics: the coarse ones plus ``counted``, the new edits'.

        A coarse result's stats are those of its pairs (``compare`` made them).
        Pairs that came with edits already (none do from ``compare``) are counted afresh.
        """
        result = self._result
        if any(map(_edits_of, result.pairs)):  # in C: most pairs are equal
            return compute_stats(
                done, result.a.text, result.b.text, result.a_segments, result.b_segments
            )
        # A pair whose edits are all ignored turned equal: count the kinds again.
        diffed = chain(self._todo, self._ready)
        same_kinds = all(done[n].kind is result.pairs[n].kind for n in diffed)
        return refined_stats(
            result.stats,
            counted,
            result.a_segments,
            result.b_segments,
            None if same_kinds else Counter(map(_kind_of, done)),
        )

    def close(self) -> None:
        """Give up: the refiner begins no more of the pairs."""
        self._shared.close()

    def _answer_of(self, pair: Pair, found: Answered) -> tuple[EditRuns, Sequence[int]]:
        """The early edits and counts of ``pair``, checked against its texts.

        An answer that does not fit (a refiner gone wrong) is replaced by diffing here.
        """
        result = self._result
        span_a, span_b = pair_spans(result, pair)
        try:
            edits = EditRuns.checked(
                found.codes,
                found.lengths,
                result.a.text,
                result.b.text,
                (span_a.start, span_a.end),
                (span_b.start, span_b.end),
            )
            counts = tuple(map(int, found.counts))
            if len(counts) != len(EditCounts._fields):
                raise TypeError("four counts a pair")
            return edits, counts
        except (ValueError, TypeError, IndexError):
            text_a = result.a.text[span_a.start : span_a.end]
            text_b = result.b.text[span_b.start : span_b.end]
            edits = inline_edits(text_a, text_b, result.options)
            placed = edits.rebased(result.a.text, span_a.start, result.b.text, span_b.start)
            return placed, edit_counts([edits])


def _coarse_pairs(rows: list[Match]) -> tuple[Pair, ...]:
    """Pairs without edits, with their pairing scores; the equal ones made together, in C.

    ``rows``: ``align_rows``' (a run of anchors one row, its pairs made without a
    ``Match`` a paragraph) or ``align``'s.
    """
    made = iter(equal_pairs(*equal_sides(rows)))
    pairs: list[Pair] = []
    for row in rows:
        if row.kind is PairKind.EQUAL:
            pairs += islice(made, row_length(row))
        elif type(row) is AnchorRun:  # a run of anchors that moved: a pair a paragraph
            (a0, a1), (b0, b1) = row.a, row.b
            sides = zip(range(a0, a1 + 1), range(b0, b1 + 1), strict=True)
            pairs += [checked_pair(row.kind, (i,), (j,), _score(row)) for i, j in sides]
        else:
            pairs.append(checked_pair(row.kind, row.a, row.b, _score(row)))
    return tuple(pairs)


def _score(match: Match) -> float:
    """The pairing score a pair reports: what the alignment paired it on, in ``[0, 1]``.

    Six places; 0.0 and 1.0 (one-sided rows, unchanged moves) skip the costly rounding.
    """
    score = match.score
    if not score > 0.0:  # NaN too, as ``max(0.0, score)`` takes it
        return 0.0
    return 1.0 if score >= 1.0 else round(score, 6)


def _diff_matches(
    matches: list[Match],
    sides: tuple[str, Sequence[Span], str, Sequence[Span]],
    options: CompareOptions,
    tuning: CompareTuning,
    check: Callable[[], bool],
    report: Progress,
) -> tuple[Pair, ...]:
    text_a, segs_a, text_b, segs_b = sides
    pairs: list[Pair] = []
    total = max(1, len(matches))
    for n, match in enumerate(matches):
        if n % 256 == 0:
            if check():
                raise CompareCanceled
            report(_ALIGN_SHARE + (1 - _ALIGN_SHARE) * n / total)
        if match.kind in (PairKind.CHANGED, PairKind.MOVED):
            span_a = Span(segs_a[match.a[0]].start, segs_a[match.a[-1]].end)
            span_b = Span(segs_b[match.b[0]].start, segs_b[match.b[-1]].end)
            pairs.append(_inline_pair(match, text_a, span_a, text_b, span_b, options, tuning))
        elif match.kind is PairKind.EQUAL:
            pairs.append(equal_pair(match.a, match.b))
        else:
            pairs.append(Pair(match.kind, match.a, match.b, 0.0))
    return tuple(pairs)


def _inline_pair(
    match: Match,
    text_a: str,
    span_a: Span,
    text_b: str,
    span_b: Span,
    options: CompareOptions,
    tuning: CompareTuning = DEFAULT_COMPARE_TUNING,
) -> Pair:
    """The pair of ``match``, diffed; its edits read their texts from the documents."""
    edits = inline_edits(
        text_a[span_a.start : span_a.end], text_b[span_b.start : span_b.end], options, tuning
    )
    coarse = checked_pair(match.kind, match.a, match.b, _score(match))
    return refined_pair(coarse, edits.rebased(text_a, span_a.start, text_b, span_b.start))
