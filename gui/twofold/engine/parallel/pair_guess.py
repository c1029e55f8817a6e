# SPDX-License-Identifier: GPL-3.0-or-later
"""A quick guess at which paragraphs of two documents pair up, before any alignment.

Used by the refine helper for a head start (``head_start``): it diffs the
guessed pairs while the window's process aligns the documents, and the
refinement keeps the answers for the pairs the alignment made too. A guess
only has to be right most of the time and cheap: a wrong one costs the
helper's time, never the result.

Works on UTF-8 bytes, the form the paragraphs cross the pipe in (half the
memory of Python strings for most text): ASCII-only lowering is enough to tell
which words two paragraphs share.
"""

from __future__ import annotations

from collections.abc import Sequence

#: How many paragraphs of B, from the last one taken on, one of A is tried with.
WINDOW = 4
#: Share of the smaller word set two paragraphs must have in common to be guessed a pair.
ALIKE = 0.5


def guess_pairs(
    paragraphs_a: Sequence[bytes], paragraphs_b: Sequence[bytes]
) -> list[tuple[int, int]]:
    """Paragraphs of A and B that are likely a changed pair, in order, by a greedy walk.

    Each paragraph of A is tried with the next paragraphs of B after the last
    one taken, up to ``WINDOW`` of them, and taken with the first that shares at
    least ``ALIKE`` of its words (or is equal: an unchanged paragraph is taken
    and not diffed). A paragraph with no partner (deleted, or moved far) is
    passed over, and an inserted one is skipped by the next guess. Empty
    paragraphs (what the sender left out) are never paired.
    """
    words_b: dict[int, frozenset[bytes]] = {}
    out: list[tuple[int, int]] = []
    j = 0
    for i, text in enumerate(paragraphs_a):
        if j >= len(paragraphs_b):
            break
        if not text:
            continue
        words: frozenset[bytes] | None = None
        for k in range(j, min(len(paragraphs_b), j + WINDOW)):
            other = paragraphs_b[k]
            if other == text:
                break
            if words is None:
                words = frozenset(text.lower().split())
            theirs = words_b.get(k)
            if theirs is None:
                theirs = words_b[k] = frozenset(other.lower().split())
            smaller = min(len(words), len(theirs))
            if smaller and len(words & theirs) >= ALIKE * smaller:
                out.append((i, k))
                break
        else:
            continue  # no partner: B's paragraphs wait for the next ones of A
        for passed in range(j, k + 1):
            words_b.pop(passed, None)
        j = k + 1
    return out
