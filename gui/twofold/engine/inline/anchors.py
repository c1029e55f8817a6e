# SPDX-License-Identifier: GPL-3.0-or-later
"""Where to cut a huge, densely changed pair: runs of tokens both sides share, in order.

Why: Myers' diff costs the text's length times its number of differences. A
3 MB paragraph in which every sentence was reworded has some 500,000 differing
words, so diff-match-patch runs out of time and answers "everything changed" —
the one giant red/green block Twofold exists to avoid. Patience diff's idea,
on tokens: a run of a few tokens (``CompareTuning.anchor_run_tokens``) that occurs once on each side
is almost always the same text in both, and those runs that follow each other in
the same order on both sides (a longest increasing subsequence) cut the pair
into pieces small enough to diff exactly.

Only runs that start at one of the rarer tokens are looked at (about one
position in ``SAMPLE_SHARE``): chosen by the token, not by the position, so
equal text is sampled alike on both sides, and the Python work stays a fraction
of the text's length. Every step is a C call over at most ``SLICE`` characters
or a loop of Python steps, so the thread running it never holds the GIL long
enough for the window to stall.

Constraints: any cuts returned are correct (the pieces are diffed exactly, and
cut points increase on both sides); their choice only affects readability.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from twofold.engine.tuning import CompareTuning

#: At most one position in this many starts a candidate run.
SAMPLE_SHARE = 16
#: Characters a single C call reads at most (``str`` and ``Counter`` work in one go).
SLICE = 1 << 16


def anchor_cuts(encoded_a: str, encoded_b: str, tuning: CompareTuning) -> list[tuple[int, int]]:
    """Token positions ``(in A, in B)`` to cut the pair at, increasing on both sides.

    Args:
        encoded_a, encoded_b: each side's tokens, one character a token, equal
            tokens as equal characters (``chardiff.encode_tokens``' codes).
        tuning: the runs' lengths (``anchor_run_tokens``) and the fewest tokens
            between two cuts on at least one side (``anchor_spacing_tokens``).
    """
    spacing = tuning.anchor_spacing_tokens
    starters = rare_codes(encoded_a, len(encoded_a) // SAMPLE_SHARE)
    if not starters:
        return []
    starts = re.compile("[" + "".join(map(re.escape, starters)) + "]")
    shared: dict[int, int] = {}  # where a run starts in A -> where it starts in B
    for length in tuning.anchor_run_tokens:
        runs_a = unique_runs(encoded_a, starts, length)
        runs_b = unique_runs(encoded_b, starts, length, among=runs_a)
        for key, at_b in runs_b.items():
            at_a = runs_a[key]
            if at_b >= 0 and encoded_a[at_a : at_a + length] == encoded_b[at_b : at_b + length]:
                # A shorter run unique on both sides starts where the longer one does.
                shared.setdefault(at_a, at_b)
        del runs_a, runs_b  # before the next length's are made
    cuts: list[tuple[int, int]] = []
    last_a = last_b = 0
    for at_a, at_b in increasing_chain(sorted(shared.items())):
        if at_a - last_a >= spacing or at_b - last_b >= spacing:
            cuts.append((at_a, at_b))
            last_a, last_b = at_a, at_b
    return cuts


def rare_codes(encoded: str, budget: int) -> list[str]:
    """The rarest tokens, as many as occur at most ``budget`` times together."""
    counts: Counter[str] = Counter()
    for start in range(0, len(encoded), SLICE):
        counts.update(encoded[start : start + SLICE])
    chosen: list[str] = []
    for code, count in sorted(counts.items(), key=lambda item: item[1]):
        budget -= count
        if budget < 0:
            break
        chosen.append(code)
    return chosen


def unique_runs(
    encoded: str, starts: re.Pattern[str], length: int, among: dict[int, int] | None = None
) -> dict[int, int]:
    """Each sampled run of ``length`` tokens that occurs once: its hash -> where it starts.

    Keyed by the run's hash, not the run: a 3 MB paragraph samples some 150,000
    runs, and their strings (~90 bytes each) were a large share of the
    refinement's peak (``bench/gui_bench.py --only paragraph``).
    A run seen twice maps to -1. Two different runs with one hash (a chance of
    about 1e-9 here) only look repeated, which drops a candidate; the caller
    compares the runs a hash pairs across the sides, so no cut is ever wrong.
    With ``among``, only runs whose hash is there are kept (B's runs that A has).
    """
    found: dict[int, int] = {}
    last = len(encoded) - length
    for match in starts.finditer(encoded, 0, max(last + 1, 0)):
        at = match.start()
        key = hash(encoded[at : at + length])
        if among is not None and among.get(key, -1) < 0:
            continue
        found[key] = -1 if key in found else at
    for key in [key for key, at in found.items() if at < 0]:  # in place: no second dict
        del found[key]
    return found


def increasing_chain(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (sorted by their first item) whose second items increase.

    Patience sorting: O(n log n), ties in the second item never chained.
    """
    tails: list[int] = []  # the smallest last second item of a chain of each length
    ends: list[int] = []  # which pair ends that chain
    before = [-1] * len(pairs)
    for index, (_first, second) in enumerate(pairs):
        length = bisect_left(tails, second)
        if length == len(tails):
            tails.append(second)
            ends.append(index)
        else:
            tails[length] = second
            ends[length] = index
        before[index] = ends[length - 1] if length else -1
    chain: list[tuple[int, int]] = []
    index = ends[-1] if ends else -1
    while index >= 0:
        chain.append(pairs[index])
        index = before[index]
    chain.reverse()
    return chain
