# SPDX-License-Identifier: GPL-3.0-or-later
"""Pairs made by setting their slots: the changed pairs of a big revision, by the thousand.

Why: ``Pair`` is a frozen dataclass. Its generated ``__init__`` sets each slot
through ``object.__setattr__`` before it checks the pair (``__post_init__``),
which cost more than making the pair otherwise does; the slots' own setters
do not refuse. Each pair made here is the one ``Pair(...)`` makes (or refuses).

Constraints: no Qt, no I/O; the checks are ``Pair``'s own, run wherever a pair is new.
"""

from __future__ import annotations

from twofold.engine.result.edit_runs import EditRuns
from twofold.engine.result.kinds import PairKind
from twofold.engine.result.model import Pair, equal_pair

__all__ = ["checked_pair", "refined_pair"]


def checked_pair(kind: PairKind, a: tuple[int, ...], b: tuple[int, ...], similarity: float) -> Pair:
    """``Pair(kind, a, b, similarity)``: checked as it checks itself, without its ``__init__``."""
    made = _new_object(Pair)
    _set_kind(made, kind)
    _set_a(made, a)
    _set_b(made, b)
    _set_similarity(made, similarity)
    _set_edits(made, ())
    made.__post_init__()
    return made


def refined_pair(pair: Pair, edits: EditRuns) -> Pair:
    """A coarse changed or moved ``pair`` with its ``edits``, which may show it changed nothing.

    What ``pipeline._finished_pair`` makes of the pair's ``Match``, without the
    checks the coarse pair passed already: its sides and its score (a score is
    left as it is by ``pipeline._score``) stay, only its kind may turn equal.
    """
    a, b = pair.a, pair.b
    if pair.kind is PairKind.CHANGED and len(a) == len(b) == 1 and not edits.significant():
        # Differences the options ignore make no change; a split or merge still does.
        return equal_pair(a, b)
    made = _new_object(Pair)
    _set_kind(made, pair.kind)
    _set_a(made, a)
    _set_b(made, b)
    _set_similarity(made, pair.similarity)
    _set_edits(made, edits)
    return made


# The slots' own setters: a frozen dataclass's ``__setattr__`` refuses, they do not.
_new_object = object.__new__
_slot = vars(Pair)
_set_kind, _set_a, _set_b = _slot["kind"].__set__, _slot["a"].__set__, _slot["b"].__set__
_set_similarity, _set_edits = _slot["similarity"].__set__, _slot["edits"].__set__
