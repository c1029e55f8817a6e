# SPDX-License-Identifier: GPL-3.0-or-later
"""Absolute text ranges to paint: what the UI and the HTML report highlight.

The UI only renders what the engine computed; turning a pair's relative edits
into offsets in each document lives here so that both renderers agree.
"""

from __future__ import annotations

from twofold.engine.edit_runs import runs_of
from twofold.engine.model import DiffResult, Op, Pair, PairKind, Side, Span


def inline_spans(result: DiffResult, pair: Pair, side: Side) -> tuple[Span, ...]:
    """Ranges of ``side``'s text that the pair removes (A) or adds (B).

    Ignored edits are left out. For an insertion or deletion the whole
    paragraph range is the change.
    """
    whole = result.span_of(pair, side)
    if whole is None or pair.kind is PairKind.EQUAL:
        return ()
    if pair.kind in (PairKind.INSERTED, PairKind.DELETED):
        return (whole,)
    own = Op.DELETE if side is Side.A else Op.INSERT
    spans: list[Span] = []
    pos = whole.start
    for op, n, ignored in runs_of(pair.edits):
        if op is Op.EQUAL or op is own:
            end = pos + n
            if op is own and not ignored:
                if spans and spans[-1].end == pos:
                    spans[-1] = Span(spans[-1].start, end)
                else:
                    spans.append(Span(pos, end))
            pos = end
    return tuple(spans)
