# SPDX-License-Identifier: GPL-3.0-or-later
"""Absolute text ranges to paint: what the UI and the HTML report highlight.

The UI only renders what the engine computed; turning a pair's relative edits
into offsets in each document lives here so that both renderers agree.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

from twofold.engine.result.edit_runs import runs_of
from twofold.engine.result.kinds import Op, PairKind, Side
from twofold.engine.result.model import DiffResult, Pair
from twofold.engine.result.spans import Segments, Span


def inline_spans(result: DiffResult, pair: Pair, side: Side) -> Sequence[Span]:
    """Ranges of ``side``'s text that the pair removes (A) or adds (B).

    Ignored edits are left out. For an insertion or deletion the whole
    paragraph range is the change. A changed pair's ranges are ``Segments``
    (two arrays of offsets): a paragraph reworded throughout has tens of
    thousands of them a side, too many to keep as ``Span`` objects while it is
    shown (``bench/gui_bench.py --only paragraph`` reports the peak).
    """
    whole = result.span_of(pair, side)
    if whole is None or pair.kind is PairKind.EQUAL:
        return ()
    if pair.kind in (PairKind.INSERTED, PairKind.DELETED):
        return (whole,)
    own = Op.DELETE if side is Side.A else Op.INSERT
    starts, ends = array("q"), array("q")
    pos = whole.start
    for op, n, ignored in runs_of(pair.edits):
        if op is Op.EQUAL or op is own:
            end = pos + n
            if op is own and not ignored:
                if ends and ends[-1] == pos:
                    ends[-1] = end
                else:
                    starts.append(pos)
                    ends.append(end)
            pos = end
    return Segments(starts, ends)
