# SPDX-License-Identifier: GPL-3.0-or-later
"""What to paint: the highlighted ranges of a result, in Qt's UTF-16 positions.

Python offsets count code points; ``QTextDocument`` counts UTF-16 code units,
so every character outside the BMP (emoji, some CJK) shifts Qt positions by
one. ``Utf16Map`` converts, at no cost for the usual all-BMP text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from twofold.engine.model import DiffResult, Op, Pair, PairKind, Side, Span

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts code-point offsets of one text into UTF-16 positions."""

    __slots__ = ("_astral",)

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def __call__(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)


@cache
def _engine_inline_spans() -> Callable[[DiffResult, Pair, Side], tuple[Span, ...]] | None:
    """The engine's ``highlights.inline_spans`` when that module exists (it came later)."""
    try:
        from twofold.engine import highlights
    except ImportError:
        return None
    return highlights.inline_spans


def _spans_from_edits(result: DiffResult, pair: Pair, side: Side) -> tuple[Span, ...]:
    """Fallback for an engine without ``highlights``: walk the pair's edits."""
    own = result.span_of(pair, side)
    if own is None:
        return ()
    wanted = Op.DELETE if side is Side.A else Op.INSERT
    pos, out = own.start, []
    for edit in pair.edits:
        if edit.op is Op.EQUAL or edit.op is wanted:
            end = pos + len(edit.text)
            if edit.op is wanted and not edit.ignored and end > pos:
                out.append(Span(pos, end))
            pos = end
    return tuple(out)


def inline_spans(result: DiffResult, pair: Pair, side: Side) -> tuple[Span, ...]:
    """The deleted (A) or inserted (B) words of a CHANGED or MOVED pair."""
    if pair.kind not in (PairKind.CHANGED, PairKind.MOVED):
        return ()
    engine_spans = _engine_inline_spans()
    if engine_spans is None:
        return _spans_from_edits(result, pair, side)
    return engine_spans(result, pair, side)


@dataclass(frozen=True, slots=True)
class Highlight:
    """One range to paint in a pane, in UTF-16 positions."""

    start: int
    end: int
    kind: PairKind


def pane_highlights(result: DiffResult, side: Side) -> list[Highlight]:
    """Every inline highlight of one pane, sorted by position, for viewport-limited painting."""
    to16 = Utf16Map(result.document(side).text)
    out = [
        Highlight(to16(s.start), to16(s.end), pair.kind)
        for pair in result.changes
        for s in inline_spans(result, pair, side)
    ]
    out.sort(key=lambda h: h.start)
    return out
