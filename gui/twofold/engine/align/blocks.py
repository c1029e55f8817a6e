# SPDX-License-Identifier: GPL-3.0-or-later
"""The blocks of an alignment: runs of anchors and the gaps between them, then its rows.

Why blocks: a big file is mostly long runs of identical paragraphs. The
alignment works on the gaps alone, and a run of anchors stays one block until
``assemble`` makes its rows, in C, a row a paragraph.

Constraints: pure; every paragraph lands in exactly one row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from twofold.engine.align.gap_pairing import Scored
from twofold.engine.align.matches import AnchorRun, Match
from twofold.engine.result.kinds import Op, PairKind

__all__ = ["Block", "Gap", "Moves", "anchor_blocks", "assemble", "differing"]

#: ``Match._make`` without its Python ``__new__``: a row of all four fields, made in C.
_row = tuple.__new__

#: The most a pair of different texts scores: its words may all be shared, but 1.0
#: reads "unchanged" (``summary.percent`` shows it as 99 %).
_UNDER_ONE = 1.0 - 1e-6


def differing(score: float) -> float:
    """The score of a pair whose match keys differ: below 1.0, which equal text alone gets."""
    return min(score, _UNDER_ONE)


@dataclass(slots=True)
class Gap:
    """Paragraphs ``a_lo:a_hi`` of A and ``b_lo:b_hi`` of B between two anchor runs."""

    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int
    #: the gap's pairs with their similarity, once paired (``gap_pairing``)
    groups: Scored


#: An anchor run ``(a_start, b_start, length)``, or a gap.
Block = tuple[int, int, int] | Gap


def anchor_blocks(steps: list[tuple[Op, int]]) -> list[Block]:
    """Equal runs ``(a_start, b_start, length)`` and the gaps between them, in order."""
    blocks: list[tuple[int, int, int] | Gap] = []
    ia = ib = 0
    pending: Gap | None = None
    for op, n in steps:
        if op is Op.EQUAL:
            if pending is not None:
                blocks.append(pending)
                pending = None
            blocks.append((ia, ib, n))
            ia += n
            ib += n
            continue
        if pending is None:
            pending = Gap(ia, ia, ib, ib, [])
        if op is Op.DELETE:
            ia += n
            pending.a_hi = ia
        else:
            ib += n
            pending.b_hi = ib
    if pending is not None:
        blocks.append(pending)
    return blocks


class Moves(NamedTuple):
    """The moves found and which pairs, in the end, stand off the chain in order."""

    #: A index → B index of each paragraph found elsewhere
    found: dict[int, int]
    #: the similarity of each found move by its A paragraph (1.0 if absent: unchanged)
    scores: dict[int, float]
    #: ``(first A, first B)`` of every pair or anchor run that moved (``moves.off_chain``)
    off: set[tuple[int, int]]


def assemble(blocks: list[Block], moves: Moves) -> list[Match]:
    """The rows of the blocks in order, a run of anchors as one ``AnchorRun``.

    A found move still in order with the rest is a pair in place (changed), and
    an anchor run or a pair off the chain is moved (``Moves.off``).
    """
    moved, scores, off = moves
    moved_b = {j: i for i, j in moved.items()}
    out: list[Match] = []

    def leftovers(a_range: range, b_range: range) -> None:
        if not a_range and not b_range:  # between two pairs, or a pair and an anchor
            return
        dels = [i for i in a_range if i not in moved]
        _runs(out, dels, PairKind.DELETED)
        ins: list[int] = []
        for j in b_range:
            if j in moved_b:
                _runs(out, ins, PairKind.INSERTED)
                ins = []
                i = moved_b[j]
                kind = PairKind.MOVED if (i, j) in off else PairKind.CHANGED
                out.append(_row(Match, (kind, (i,), (j,), scores.get(i, 1.0))))
            else:
                ins.append(j)
        _runs(out, ins, PairKind.INSERTED)

    for blk in blocks:
        if not isinstance(blk, Gap):
            a0, b0, n = blk
            kind = PairKind.MOVED if (a0, b0) in off else PairKind.EQUAL
            out.append(_row(AnchorRun, (kind, (a0, a0 + n - 1), (b0, b0 + n - 1), 1.0)))
            continue
        ia, ib = blk.a_lo, blk.b_lo
        for a_idx, b_idx, sim in blk.groups:
            a0, b0 = a_idx[0], b_idx[0]
            if ia < a0 or ib < b0:  # most pairs follow a pair, or an anchor, at once
                leftovers(range(ia, a0), range(ib, b0))
            kind = PairKind.MOVED if (a0, b0) in off else PairKind.CHANGED
            out.append(_row(Match, (kind, a_idx, b_idx, differing(sim))))
            ia, ib = a_idx[-1] + 1, b_idx[-1] + 1
        leftovers(range(ia, blk.a_hi), range(ib, blk.b_hi))
    return out


def _runs(out: list[Match], indices: list[int], kind: PairKind) -> None:
    """Append one Match per run of consecutive indices (a deleted block is one change)."""
    run: list[int] = []
    for x in indices:
        if run and x != run[-1] + 1:
            out.append(_one_sided(kind, run))
            run = []
        run.append(x)
    if run:
        out.append(_one_sided(kind, run))


def _one_sided(kind: PairKind, run: list[int]) -> Match:
    if kind is PairKind.DELETED:
        return _row(Match, (kind, tuple(run), (), 0.0))
    return _row(Match, (kind, (), tuple(run), 0.0))
