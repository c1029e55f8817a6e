# SPDX-License-Identifier: GPL-3.0-or-later
"""Which paragraphs of A and B are identical and in order: the anchors of the alignment.

Why three strategies: Myers' diff (diff-match-patch on one character per
distinct key) gives the shortest diff, but its time grows with the square of
the keys it changes. A small file is diffed by Myers whole. A big one
(``CompareTuning.cut_keys``) is cut first at the runs both sides share (``edit_bound``: the keys
once on each side, in order, grown), and Myers diffs only what lies between two
runs; where even that could change more than ``CompareTuning.myers_max_changes``
keys (a file of a few distinct lines in which most lines moved), git's
histogram diff (``line_diff``) gives the anchors instead of Myers waiting out
its timeout. Where two diffs are equally short (a block swapped with another of
its size), Myers on the whole and Myers between the runs may keep a different
one; both are shortest.

Constraints: pure, no I/O, no Qt. The runs returned cover both sequences, equal
runs alternate with changed ones, and no run is empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from twofold.engine.align.edit_bound import common_runs
from twofold.engine.inline.raw_diff import encode_tokens, raw_diff_counts
from twofold.engine.result.kinds import Op
from twofold.engine.tuning import CompareTuning

__all__ = ["key_diff"]

# The loop over a big file's runs reads these thousands of times: an enum's
# member, read from its class, takes a lookup through the metaclass each time.
_DELETE, _EQUAL, _INSERT = Op.DELETE, Op.EQUAL, Op.INSERT


def key_diff(
    keys_a: Sequence[str], keys_b: Sequence[str], timeout: float, tuning: CompareTuning
) -> list[tuple[Op, int]]:
    """``(op, keys)`` runs turning ``keys_a`` into ``keys_b``; see the module docstring."""
    if len(keys_a) + len(keys_b) <= tuning.cut_keys:
        return _myers(keys_a, keys_b, timeout, tuning)
    common = common_runs(keys_a, keys_b)
    if common.changes > tuning.myers_max_changes:
        return _histogram(keys_a, keys_b, tuning)
    steps: list[tuple[Op, int]] = []
    ia = ib = 0
    for a_start, b_start, length in common.runs:
        if a_start > ia and b_start > ib:
            steps += _between(keys_a[ia:a_start], keys_b[ib:b_start], timeout, tuning)
        elif a_start > ia:  # one side alone: its one step, with no slices and no call
            steps.append((_DELETE, a_start - ia))
        elif b_start > ib:
            steps.append((_INSERT, b_start - ib))
        if steps and steps[-1][0] is _EQUAL:  # a run right after the common prefix
            steps[-1] = (_EQUAL, steps[-1][1] + length)
        else:
            steps.append((_EQUAL, length))
        ia, ib = a_start + length, b_start + length
    steps += _between(keys_a[ia:], keys_b[ib:], timeout, tuning)
    return steps


def _myers(
    keys_a: Sequence[str], keys_b: Sequence[str], timeout: float, tuning: CompareTuning
) -> list[tuple[Op, int]]:
    enc_a, enc_b = encode_tokens([list(keys_a), list(keys_b)], tuning.encode_slice_tokens)
    return raw_diff_counts(enc_a, enc_b, timeout, semantic=False)


def _between(
    keys_a: Sequence[str], keys_b: Sequence[str], timeout: float, tuning: CompareTuning
) -> list[tuple[Op, int]]:
    """The runs of what lies between two common runs: no key there starts or ends both sides.

    Sides with no key in common are what Myers answers without searching.
    """
    if not keys_a or not keys_b:
        if keys_a:
            return [(_DELETE, len(keys_a))]
        return [(_INSERT, len(keys_b))] if keys_b else []
    if set(keys_a).isdisjoint(keys_b):
        return [(_DELETE, len(keys_a)), (_INSERT, len(keys_b))]
    return _myers(keys_a, keys_b, timeout, tuning)


def _histogram(
    keys_a: Sequence[str], keys_b: Sequence[str], tuning: CompareTuning
) -> list[tuple[Op, int]]:
    from twofold.engine.align.line_diff import line_runs  # only pairs with many changes need it

    steps: list[tuple[Op, int]] = []
    for run in line_runs(keys_a, keys_b, tuning):
        if run.equal:
            steps.append((Op.EQUAL, run.a_stop - run.a_start))
            continue
        if run.a_stop > run.a_start:
            steps.append((Op.DELETE, run.a_stop - run.a_start))
        if run.b_stop > run.b_start:
            steps.append((Op.INSERT, run.b_stop - run.b_start))
    return steps
