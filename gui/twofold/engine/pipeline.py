# SPDX-License-Identifier: GPL-3.0-or-later
"""``compare()``: the one entry point that turns two documents into a DiffResult.

Pure and thread-safe, so the UI runs it in a worker and the CLI runs it
inline. ``should_cancel`` is polled between steps; ``progress`` receives a
fraction in ``[0, 1]``. The stages are the functions of the sibling modules.
"""

from __future__ import annotations

from collections.abc import Callable

from twofold.engine.alignment import Match, align
from twofold.engine.chardiff import inline_edits, similarity
from twofold.engine.errors import CompareCanceled
from twofold.engine.model import (
    CompareOptions,
    DiffResult,
    Document,
    Edit,
    Op,
    Pair,
    PairKind,
    Span,
)
from twofold.engine.normalize import match_key
from twofold.engine.segmentation import resolve_unit, segment
from twofold.engine.stats import compute_stats

Progress = Callable[[float], None]

#: Share of the progress bar the alignment takes; the inline diffs get the rest.
_ALIGN_SHARE = 0.3


def compare(
    a: Document,
    b: Document,
    options: CompareOptions | None = None,
    *,
    should_cancel: Callable[[], bool] | None = None,
    progress: Progress | None = None,
) -> DiffResult:
    """Compare two documents.

    Raises:
        CompareCanceled: ``should_cancel`` returned True; nothing is returned.
    """
    options = options or CompareOptions()
    check = should_cancel or (lambda: False)
    report = progress or (lambda _fraction: None)
    unit = resolve_unit(options.unit, (a.path or a.label, a.text), (b.path or b.label, b.text))
    segs_a, segs_b = segment(a.text, unit), segment(b.text, unit)
    keys_a = [match_key(a.text[s.start : s.end], options) for s in segs_a]
    keys_b = [match_key(b.text[s.start : s.end], options) for s in segs_b]
    report(0.05)
    matches = align(keys_a, keys_b, options, check)
    report(_ALIGN_SHARE)
    pairs = _diff_matches(matches, a.text, b.text, segs_a, segs_b, options, check, report)
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
    )


def _diff_matches(
    matches: list[Match],
    text_a: str,
    text_b: str,
    segs_a: tuple[Span, ...],
    segs_b: tuple[Span, ...],
    options: CompareOptions,
    check: Callable[[], bool],
    report: Progress,
) -> tuple[Pair, ...]:
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
            pairs.append(
                _inline_pair(
                    match,
                    text_a[span_a.start : span_a.end],
                    text_b[span_b.start : span_b.end],
                    options,
                )
            )
        else:
            sim = 1.0 if match.kind is PairKind.EQUAL else 0.0
            pairs.append(Pair(match.kind, match.a, match.b, sim))
    return tuple(pairs)


def _inline_pair(match: Match, a: str, b: str, options: CompareOptions) -> Pair:
    edits = inline_edits(a, b, options)
    sim = similarity(edits)
    significant = any(e.op is not Op.EQUAL and not e.ignored for e in edits)
    kind = match.kind
    if kind is PairKind.CHANGED and not significant and len(match.a) == len(match.b) == 1:
        # Differences the options ignore (white space, case, quotes) make no change;
        # a split or merge still does, even when no word differs.
        kind = PairKind.EQUAL
    return Pair(kind, match.a, match.b, round(sim, 6), _keep_edits(kind, edits))


def _keep_edits(kind: PairKind, edits: tuple[Edit, ...]) -> tuple[Edit, ...]:
    return edits if kind is not PairKind.EQUAL else ()
