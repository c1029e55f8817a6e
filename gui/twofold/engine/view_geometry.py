# SPDX-License-Identifier: GPL-3.0-or-later
"""The panes' geometry for a result, computed once and off the UI thread.

Block tables (where each paragraph sits among the display blocks) and the
sync geometry (paragraph extents, the pane-to-pane line map, where each change
sits, and its bisection index) depend only on the texts and the pairs. The UI's
worker calls ``prepare`` right after comparing; the view then asks for the same
objects and finds them cached, so a 10 MB result costs the UI thread lookups,
not loops over 50,000 paragraphs. The caches are keyed by object identity and
hold the last few entries; a miss (a hand-made result in a test) just computes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from twofold.engine.display_blocks import BlockTable, block_table
from twofold.engine.extents import Extent, ExtentIndex, ParagraphExtents
from twofold.engine.highlights import inline_spans
from twofold.engine.identity_cache import IdentityCache
from twofold.engine.invisibles import widen_unseen
from twofold.engine.model import DiffResult, Pair, Side, Span
from twofold.engine.scroll_sync import LineMap, build_linemap, pair_extent

_KEPT = 4
#: Changes with more edits than this have their highlight ranges computed by the worker
#: (a 5 MB one-line change has tens of thousands: 50 ms the UI thread should not spend).
BIG_CHANGE_EDITS = 2000


@dataclass(frozen=True, slots=True)
class SyncGeometry:
    """Everything scroll sync, the link band and the overview read per result."""

    extents: dict[Side, Sequence[Extent]]
    linemap: LineMap
    change_extents: dict[Side, list[Extent]]
    index: dict[Side, ExtentIndex]


_TABLES: IdentityCache[BlockTable] = IdentityCache(_KEPT)
_GEOMETRY: IdentityCache[SyncGeometry] = IdentityCache(_KEPT)
_SPANS: IdentityCache[Sequence[Span]] = IdentityCache(2 * _KEPT)


def prepare(result: DiffResult) -> None:
    """Compute (and cache) the tables and the sync geometry of ``result``."""
    tables = {side: table_for(result.document(side).text, result.segments(side)) for side in Side}
    geometry_for(result.pairs, tables[Side.A], tables[Side.B])
    for table in tables.values():
        table.prepare_text()  # the join of a long-lined text, off the UI thread


def prepare_highlights(result: DiffResult) -> None:
    """Compute (and cache) the highlight ranges of the result's big changes."""
    for pair in result.changes:
        if len(pair.edits) > BIG_CHANGE_EDITS:
            for side in Side:
                spans_for(result, pair, side)


def spans_for(result: DiffResult, pair: Pair, side: Side) -> Sequence[Span]:
    """``highlights.inline_spans``, cached by the pair's identity when it is big.

    A range holding only a kept joiner or variation selector (nothing a pane
    draws) is widened to the character it joins: ``invisibles.widen_unseen``.
    """
    if len(pair.edits) <= BIG_CHANGE_EDITS:
        return _pane_spans(result, pair, side)
    return _SPANS.get((pair, side), lambda: _pane_spans(result, pair, side))


def _pane_spans(result: DiffResult, pair: Pair, side: Side) -> Sequence[Span]:
    return widen_unseen(result.document(side).text, inline_spans(result, pair, side))


def table_for(text: str, segments: Sequence[Span]) -> BlockTable:
    """``block_table(text, segments)``, cached by the identity of both."""
    return _TABLES.get((text, segments), lambda: block_table(text, segments))


def geometry_for(pairs: tuple[Pair, ...], table_a: BlockTable, table_b: BlockTable) -> SyncGeometry:
    """The sync geometry of ``pairs`` over these tables, cached by identity.

    Raises:
        IndexError: the pairs name paragraphs the tables do not have.
    """
    return _GEOMETRY.get(
        (pairs, table_a, table_b), lambda: _compute(pairs, {Side.A: table_a, Side.B: table_b})
    )


def _compute(pairs: tuple[Pair, ...], tables: dict[Side, BlockTable]) -> SyncGeometry:
    extents: dict[Side, Sequence[Extent]] = {
        side: ParagraphExtents(table) for side, table in tables.items()
    }
    linemap = build_linemap(
        pairs,
        extents[Side.A],
        extents[Side.B],
        float(tables[Side.A].block_count),
        float(tables[Side.B].block_count),
    )
    changes = [p for p in pairs if p.is_change]
    change_extents = {
        side: [pair_extent(linemap, p, side, extents[side], extents[side.other]) for p in changes]
        for side in Side
    }
    index = {side: ExtentIndex(change_extents[side]) for side in Side}
    return SyncGeometry(extents, linemap, change_extents, index)
