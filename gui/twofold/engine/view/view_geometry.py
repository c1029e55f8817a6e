# SPDX-License-Identifier: GPL-3.0-or-later
"""The panes' geometry for a result, computed once, off the UI thread, and handed over.

Block tables (where each paragraph sits among the display blocks), the sync
geometry (paragraph extents, the pane-to-pane line map, where each change
sits, and its bisection index), the UTF-16 maps and the highlight ranges of
the big changes depend only on the result. The UI's worker calls ``prepare``
right after comparing and sends the ``PreparedView`` it returns; the window
takes it as an argument, so a 10 MB result costs the UI thread no loops over
50,000 paragraphs, and nothing is parked where a second caller hopes to find it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, is_not

from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.model import DiffResult, Pair
from twofold.engine.result.spans import Span
from twofold.engine.tuning import DEFAULT_GEOMETRY_TUNING, GeometryTuning
from twofold.engine.view.display_blocks import BlockTable, block_table
from twofold.engine.view.extents import Extent, ExtentIndex, ParagraphExtents
from twofold.engine.view.highlights import inline_spans
from twofold.engine.view.invisibles import widen_unseen
from twofold.engine.view.level_groups import LevelGroups, level_groups, one_by_one
from twofold.engine.view.scroll_sync import LineMap, build_linemap, pair_extent
from twofold.engine.view.utf16 import Utf16Map

#: what must match for a refined result to keep the layout of its coarse one
_LAYOUT = attrgetter("kind", "a", "b")


@dataclass(frozen=True, slots=True)
class SyncGeometry:
    """Everything scroll sync, the link band and the overview read per result."""

    extents: dict[Side, Sequence[Extent]]
    linemap: LineMap
    change_extents: dict[Side, list[Extent]]
    index: dict[Side, ExtentIndex]
    #: the stretches padded to the same height in both panes (``level_groups``)
    groups: LevelGroups


@dataclass(frozen=True, slots=True)
class PreparedView:
    """A result with all the worker prepared for showing it; the window reads, never computes."""

    result: DiffResult
    #: each side's display blocks (``BlockTable.prepare_text`` already called)
    tables: Mapping[Side, BlockTable]
    #: None when the pairs name paragraphs the texts do not have (a hand-made result)
    geometry: SyncGeometry | None
    #: each side's code-point to UTF-16 map
    utf16: Mapping[Side, Utf16Map]
    #: highlight ranges of the big changes, by (index in ``result.changes``, side)
    spans: Mapping[tuple[int, Side], Sequence[Span]]


def prepare(result: DiffResult, tuning: GeometryTuning = DEFAULT_GEOMETRY_TUNING) -> PreparedView:
    """Everything the window reads of ``result``: tables, geometry, UTF-16 maps, big spans.

    The spans of changes with more than ``tuning.big_change_edits`` edits are
    worked out here, off the UI thread.
    """
    tables = {side: block_table(result.document(side).text, result.segments(side)) for side in Side}
    for table in tables.values():
        table.prepare_text()  # the join of a long-lined text, off the UI thread
    utf16 = {side: Utf16Map(result.document(side).text) for side in Side}
    spans = _big_spans(result, tuning.big_change_edits)
    return PreparedView(result, tables, _geometry(result.pairs, tables), utf16, spans)


def prepare_refined(
    coarse: PreparedView, refined: DiffResult, tuning: GeometryTuning = DEFAULT_GEOMETRY_TUNING
) -> PreparedView:
    """``prepare(refined)``, reusing what the coarse result's view already has.

    The refinement keeps the texts and segments, so the tables and maps carry
    over; the geometry too when the pairs keep their layout (``same_layout``).
    """
    shown = coarse.result
    kept = all(
        refined.document(s).text is shown.document(s).text
        and refined.segments(s) is shown.segments(s)
        for s in Side
    )
    if not kept:
        return prepare(refined, tuning)
    geometry = coarse.geometry
    if not same_layout(shown.pairs, refined.pairs):
        geometry = _geometry(refined.pairs, coarse.tables)
    spans = _big_spans(refined, tuning.big_change_edits)
    return PreparedView(refined, coarse.tables, geometry, coarse.utf16, spans)


def same_layout(shown: Sequence[Pair], refined: Sequence[Pair]) -> bool:
    """Whether two results pair the same paragraphs the same way.

    The refinement keeps the preview's unchanged pairs (the same objects), so only
    the others are compared: comparing all of a log's pairs was a visible stall
    (``bench/gui_bench.py --only log``).
    """
    if len(shown) != len(refined):
        return False
    others = compress(range(len(shown)), map(is_not, shown, refined))
    return all(_LAYOUT(shown[n]) == _LAYOUT(refined[n]) for n in others)


def pane_spans(result: DiffResult, pair: Pair, side: Side) -> Sequence[Span]:
    """``highlights.inline_spans`` as a pane draws them: none but in a CHANGED or MOVED pair.

    A range holding only a kept joiner or variation selector (nothing a pane
    draws) is widened to the character it joins: ``invisibles.widen_unseen``.
    """
    if pair.kind not in (PairKind.CHANGED, PairKind.MOVED):
        return ()
    return widen_unseen(result.document(side).text, inline_spans(result, pair, side))


def _big_spans(result: DiffResult, big: int) -> dict[tuple[int, Side], Sequence[Span]]:
    try:
        return {
            (n, side): pane_spans(result, pair, side)
            for n, pair in enumerate(result.changes)
            if len(pair.edits) > big
            for side in Side
        }
    except IndexError:  # a hand-made result whose pairs and text disagree: the pane copes
        return {}


def _geometry(pairs: tuple[Pair, ...], tables: Mapping[Side, BlockTable]) -> SyncGeometry | None:
    try:
        return _compute(pairs, tables)
    except IndexError:  # the pairs name paragraphs the tables do not have
        return None


def _compute(pairs: tuple[Pair, ...], tables: Mapping[Side, BlockTable]) -> SyncGeometry:
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
    inner = one_by_one(pairs, extents[Side.A], extents[Side.B])
    groups = level_groups(linemap, tables[Side.A].block_count, tables[Side.B].block_count, inner)
    return SyncGeometry(extents, linemap, change_extents, index, groups)
