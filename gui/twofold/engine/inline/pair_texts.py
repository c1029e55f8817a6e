# SPDX-License-Identifier: GPL-3.0-or-later
"""The texts of the pairs a refinement diffs: its refiner's jobs (``refiner.Job``).

Read out of the documents by offsets, only when a pair is diffed. No Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import overload

from twofold.engine.result.edit_runs import EditRuns
from twofold.engine.result.kinds import Side
from twofold.engine.result.model import DiffResult, Pair
from twofold.engine.result.spans import Segments, Span


class PairTexts(Sequence[tuple[str, str]]):
    """The texts of pairs to diff, cut out of the documents only when one is diffed.

    Why not a list of the texts: copies of every changed paragraph held at
    once were a good share of a reworded pair's peak, reached while refining
    (``bench/gui_bench.py --only 100%``).
    """

    def __init__(self, result: DiffResult, pairs: list[Pair]) -> None:
        self._a, self._b = result.a.text, result.b.text
        #: where each pair's texts start and end: ``(start in A, end in A, start in B, end in B)``
        self._bounds = _pair_bounds(result, pairs)
        #: Characters of each pair, both sides.
        self.sizes = [
            end_a - start_a + end_b - start_b for start_a, end_a, start_b, end_b in self._bounds
        ]

    def __len__(self) -> int:
        return len(self._bounds)

    @overload
    def __getitem__(self, n: int) -> tuple[str, str]: ...
    @overload
    def __getitem__(self, n: slice) -> Sequence[tuple[str, str]]: ...
    def __getitem__(self, n: int | slice) -> tuple[str, str] | Sequence[tuple[str, str]]:
        if isinstance(n, slice):
            return [self[k] for k in range(len(self))[n]]
        start_a, end_a, start_b, end_b = self._bounds[n]
        return self._a[start_a:end_a], self._b[start_b:end_b]

    def placed(self, n: int, edits: EditRuns) -> EditRuns:
        """Edits of job ``n``'s texts, over the documents instead (the cut-out texts can go)."""
        start_a, _end_a, start_b, _end_b = self._bounds[n]
        return edits.rebased(self._a, start_a, self._b, start_b)


def _pair_bounds(result: DiffResult, pairs: list[Pair]) -> list[tuple[int, int, int, int]]:
    """``(start in A, end in A, start in B, end in B)`` of each pair, without a ``Span`` for each.

    A ``Span`` is a checked dataclass, and a big revision has thousands of changed pairs.
    """
    segs_a, segs_b = result.a_segments, result.b_segments
    if not (isinstance(segs_a, Segments) and isinstance(segs_b, Segments)):
        spans = [pair_spans(result, pair) for pair in pairs]
        return [(sa.start, sa.end, sb.start, sb.end) for sa, sb in spans]
    for pair in pairs:
        if not (pair.a and pair.b):
            raise ValueError(f"a {pair.kind.value} pair needs paragraphs on both sides")
    starts_a, ends_a, starts_b, ends_b = segs_a.starts, segs_a.ends, segs_b.starts, segs_b.ends
    return [(starts_a[p.a[0]], ends_a[p.a[-1]], starts_b[p.b[0]], ends_b[p.b[-1]]) for p in pairs]


def pair_spans(result: DiffResult, pair: Pair) -> tuple[Span, Span]:
    """Where a changed or moved pair's paragraphs stand on each side."""
    span_a, span_b = result.span_of(pair, Side.A), result.span_of(pair, Side.B)
    if span_a is None or span_b is None:
        raise ValueError(f"a {pair.kind.value} pair needs paragraphs on both sides")
    return span_a, span_b
