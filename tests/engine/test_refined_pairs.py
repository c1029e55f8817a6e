# SPDX-License-Identifier: GPL-3.0-or-later
"""The pairs made without ``Pair``'s frozen ``__init__``: the pairs it makes, checked alike."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from twofold.engine.align.matches import Match
from twofold.engine.inline.chardiff import inline_edits
from twofold.engine.pipeline import _score
from twofold.engine.result.edit_runs import is_significant
from twofold.engine.result.kinds import PairKind
from twofold.engine.result.model import CompareOptions, Pair
from twofold.engine.result.pair_slots import checked_pair, refined_pair

_sides = st.lists(st.integers(0, 6), max_size=3).map(tuple)
_kinds = st.sampled_from(list(PairKind))


@given(st.floats(allow_nan=True, allow_infinity=True))
@example(-0.0)
@example(math.nan)
@example(1.0)
@example(0.5e-6)
def test_a_score_is_the_clamped_score_rounded(score: float) -> None:
    expected = round(min(1.0, max(0.0, score)), 6)
    made = _score(Match(PairKind.CHANGED, (0,), (0,), score))
    assert made == expected
    assert math.copysign(1.0, made) == math.copysign(1.0, expected)
    assert _score(Match(PairKind.CHANGED, (0,), (0,), made)) == made  # a score stays itself


@given(_kinds, _sides, _sides, st.floats(-0.5, 1.5))
def test_a_checked_pair_is_the_pair_or_its_error(
    kind: PairKind, a: tuple[int, ...], b: tuple[int, ...], similarity: float
) -> None:
    try:
        expected = Pair(kind, a, b, similarity)
    except ValueError as error:
        with pytest.raises(ValueError, match=str(error).replace("(", r"\(").replace(")", r"\)")):
            checked_pair(kind, a, b, similarity)
        return
    made = checked_pair(kind, a, b, similarity)
    assert made == expected
    assert type(made) is Pair


_texts = st.text(st.sampled_from("ab A.\n"), max_size=12)


@given(
    st.sampled_from([PairKind.CHANGED, PairKind.MOVED]),
    st.integers(1, 2),
    st.integers(1, 2),
    st.floats(0.0, 1.0),
    _texts,
    _texts,
    st.booleans(),
)
def test_a_refined_coarse_pair_is_the_checked_pair_with_its_edits(
    kind: PairKind, n: int, m: int, score: float, text_a: str, text_b: str, loose: bool
) -> None:
    """Coarse pairs carry a score (``_score``); some edits are all ignored, some not.

    A one-to-one changed pair whose edits change nothing the options see is equal.
    """
    options = CompareOptions(ignore_whitespace=loose, ignore_case=loose)
    edits = inline_edits(text_a, text_b, options)
    coarse = Pair(kind, tuple(range(n)), tuple(range(m)), _score(Match(kind, (), (), score)))
    made = refined_pair(coarse, edits)
    unchanged = kind is PairKind.CHANGED and n == m == 1 and not is_significant(edits)
    if unchanged:
        expected = Pair(PairKind.EQUAL, coarse.a, coarse.b, 1.0)
    else:
        expected = Pair(kind, coarse.a, coarse.b, coarse.similarity, edits)
    assert made == expected
    assert type(made) is Pair
