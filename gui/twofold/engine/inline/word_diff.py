# SPDX-License-Identifier: GPL-3.0-or-later
"""A pair's diff word by word: its tokens coded one character each, for diff-match-patch.

Why apart from ``chardiff``: the inline stage's plain path (nothing folded or
ignored) takes these steps one by one, to pack a replacement's edits at once.
No Qt.
"""

from __future__ import annotations

from twofold.engine.inline.raw_diff import CODE_CAPACITY, encode_tokens, raw_diff_counts
from twofold.engine.inline.units import ASCII_TOKEN, TOKEN, shared_token_ends
from twofold.engine.result.kinds import Op
from twofold.engine.tuning import CompareTuning


def word_diff(a: str, b: str, timeout: float, tuning: CompareTuning) -> list[tuple[Op, int]]:
    """Runs of a diff of the texts' tokens (``TOKEN``), each token coded as a character.

    Most changed pairs replace some words by others none of which the middle
    of A has (``replaced``): then the shared ends need not be read at all.
    """
    head, tail, mid_a, mid_b = middles(a, b)
    if replaces(a, b, mid_a, mid_b):
        return replaced(head, len(a) - head - tail, len(b) - head - tail, tail)
    return token_diff(a, b, (head, tail), (mid_a, mid_b), timeout, tuning)


def middles(a: str, b: str) -> tuple[int, int, list[str], list[str]]:
    """The characters both texts share at their start and end, and the tokens of each middle."""
    head, tail = shared_token_ends(a, b)
    token = ASCII_TOKEN if a.isascii() and b.isascii() else TOKEN
    return head, tail, token.findall(a, head, len(a) - tail), token.findall(b, head, len(b) - tail)


def replaces(a: str, b: str, mid_a: list[str], mid_b: list[str]) -> bool:
    """Whether the middles share no token (and tokens can be coded): ``replaced`` gives the runs."""
    few = len(a) + len(b) < CODE_CAPACITY - 1  # tokens are fewer than characters: codes last
    return few and bool(mid_a) and bool(mid_b) and set(mid_a).isdisjoint(mid_b)


def token_diff(
    a: str,
    b: str,
    ends: tuple[int, int],
    middles: tuple[list[str], list[str]],
    timeout: float,
    tuning: CompareTuning,
) -> list[tuple[Op, int]]:
    """``word_diff`` of texts sharing ``ends`` (``shared_token_ends``), whose middles' tokens
    are ``middles``.

    Why the shared start and end are read once: most changed pairs differ in a
    sentence or two, and reading and coding the tokens is the Python work here.
    Codes go to tokens in the order they are first seen, as if both texts were
    read whole: the start, A's middle, the end, then B's middle (where B's new
    tokens come), so diff-match-patch diffs the very strings it always did.
    """
    (head, tail), (mid_a, mid_b) = ends, middles
    token = ASCII_TOKEN if a.isascii() else TOKEN
    start, end = token.findall(a, 0, head), token.findall(a, len(a) - tail)
    tokens_a, tokens_b = start + mid_a + end, start + mid_b + end
    if len(tokens_a) + len(tokens_b) >= CODE_CAPACITY - 1:
        return raw_diff_counts(a, b, timeout, semantic=True)
    coded = encode_tokens([start, mid_a, end, mid_b], tuning.encode_slice_tokens)
    enc_a, enc_b = coded[0] + coded[1] + coded[2], coded[0] + coded[3] + coded[2]
    out: list[tuple[Op, int]] = []
    ia = ib = 0  # tokens consumed on each side
    # The length of a run's joined tokens measures as fast as cumulative offsets,
    # which would hold an int object per token (40 bytes each) while the pair is diffed.
    for op, n in raw_diff_counts(enc_a, enc_b, timeout, semantic=True):
        if op is Op.INSERT:
            out.append((op, len("".join(tokens_b[ib : ib + n]))))
            ib += n
        else:
            out.append((op, len("".join(tokens_a[ia : ia + n]))))
            ia += n
            if op is Op.EQUAL:
                ib += n
    return out


def replaced(head: int, deleted: int, inserted: int, tail: int) -> list[tuple[Op, int]]:
    """The runs diff-match-patch gives when the middles share no token (the codes aside).

    With no token in common the middles have no equality to keep: diff-match-patch
    deletes one and inserts the other whole, and its cleanup, which only shifts an
    edit that stands alone between equalities, moves neither. The ends are the
    texts' shared prefix and suffix, as it finds them on the codes.
    """
    runs = [(Op.EQUAL, head), (Op.DELETE, deleted), (Op.INSERT, inserted), (Op.EQUAL, tail)]
    return [run for run in runs if run[1]]
