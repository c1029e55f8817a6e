# SPDX-License-Identifier: GPL-3.0-or-later
"""Pairs made by setting their slots: the pairs of a big revision, by the ten thousand.

Why: ``Pair`` is a frozen dataclass. Its generated ``__init__`` sets each slot
through ``object.__setattr__`` before it checks the pair (``__post_init__``),
which cost more than making the pair otherwise does; the slots' own setters
do not refuse. Each pair made here is the one ``Pair(...)`` makes (or refuses).

Constraints: no Qt, no I/O. ``checked_pair`` runs ``Pair``'s own checks; the others make
only pairs that pass them by construction (an equal pair, a checked pair refined).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from itertools import repeat

from twofold.engine.result.edit_runs import EditRuns
from twofold.engine.result.kinds import PairKind
from twofold.engine.result.model import Pair

__all__ = ["checked_pair", "equal_pair", "equal_pairs", "refined_pair"]


def checked_pair(kind: PairKind, a: tuple[int, ...], b: tuple[int, ...], similarity: float) -> Pair:
    """``Pair(kind, a, b, similarity)``: checked as it checks itself, without its ``__init__``."""
    made = _slotted(kind, a, b, similarity, ())
    made.__post_init__()
    return made


def refined_pair(pair: Pair, edits: EditRuns) -> Pair:
    """A checked changed or moved ``pair`` with its ``edits``, which may show it changed nothing.

    The one rule for a diffed pair, without the checks the pair passed already:
    its sides and its score stay, only its kind may turn equal.
    """
    a, b = pair.a, pair.b
    if pair.kind is PairKind.CHANGED and len(a) == len(b) == 1 and not edits.significant():
        # Differences the options ignore (white space, case, quotes) make no change;
        # a split or merge still does, even when no word differs.
        return equal_pair(a, b)
    return _slotted(pair.kind, a, b, pair.similarity, edits)


def _slotted(
    kind: PairKind,
    a: tuple[int, ...],
    b: tuple[int, ...],
    similarity: float,
    edits: EditRuns | tuple[()],
) -> Pair:
    made = _new_object(Pair)
    _set_kind(made, kind)
    _set_a(made, a)
    _set_b(made, b)
    _set_similarity(made, similarity)
    _set_edits(made, edits)
    return made


def equal_pair(a: tuple[int, ...], b: tuple[int, ...]) -> Pair:
    """``Pair(PairKind.EQUAL, a, b, 1.0)``, made without running ``Pair``'s checks.

    For the engine's own equal pairs, one paragraph a side and in order by
    construction: a log has one a line, and ``__init__`` (five frozen
    ``__setattr__`` calls, then ``__post_init__``) added up over them
    (``bench/gui_bench.py --only log``).
    """
    pair = _new_object(Pair)
    _set_kind(pair, PairKind.EQUAL)
    _set_a(pair, a)
    _set_b(pair, b)
    _set_similarity(pair, 1.0)
    _set_edits(pair, ())
    return pair


def equal_pairs(
    a_sides: Sequence[tuple[int, ...]], b_sides: Sequence[tuple[int, ...]]
) -> list[Pair]:
    """``equal_pair(a, b)`` for each ``a`` and ``b`` of the two sides, made together.

    Each slot is set over all the pairs by one ``map`` in C: a big revision has
    tens of thousands of equal pairs, and a Python call for each was most of
    making them.
    """
    if len(a_sides) != len(b_sides):
        raise ValueError("as many paragraphs of B as of A are needed")
    pairs = list(map(_new_object, repeat(Pair, len(a_sides))))
    for setter, values in (
        (_set_kind, repeat(PairKind.EQUAL)),
        (_set_a, a_sides),
        (_set_b, b_sides),
        (_set_similarity, repeat(1.0)),
        (_set_edits, repeat(())),
    ):
        deque(map(setter, pairs, values), maxlen=0)
    return pairs


# The slots' own setters: a frozen dataclass's ``__setattr__`` refuses, they do not.
_new_object = object.__new__
_slot = vars(Pair)
_set_kind, _set_a, _set_b = _slot["kind"].__set__, _slot["a"].__set__, _slot["b"].__set__
_set_similarity, _set_edits = _slot["similarity"].__set__, _slot["edits"].__set__
