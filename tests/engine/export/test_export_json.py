# SPDX-License-Identifier: GPL-3.0-or-later
"""``to_json`` writes its text straight from the result: the same text as dumping ``to_dict``."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from support import doc
from twofold.engine.export.export_json import to_dict, to_json
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import Op, PairKind, Unit
from twofold.engine.result.model import CompareOptions, Edit, Pair
from twofold.engine.result.pair_slots import equal_pair

# Words in several scripts, quotes, backslashes and controls: what the encoder escapes.
_WORDS = [
    "nation",
    "liberty",
    "équité",
    "свобода",
    "自由",
    'say "so"',
    "back\\slash",
    "tab\t",
    "\x7f",
]
_paragraphs = st.lists(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join), max_size=12
)
_separators = st.sampled_from(["\n\n", "\n\n\n", "\n \n", "\r\n\r\n"])


@settings(max_examples=150, deadline=None)
@given(
    a=_paragraphs,
    b=_paragraphs,
    sep_a=_separators,
    sep_b=_separators,
    unit=st.sampled_from(list(Unit)),
    inline=st.booleans(),
)
def test_the_same_text_as_dumping_the_dict(
    a: list[str], b: list[str], sep_a: str, sep_b: str, unit: Unit, inline: bool
) -> None:
    result = compare(
        doc(sep_a.join(a), "a.txt"),
        doc(sep_b.join(b), "b.txt"),
        CompareOptions(unit=unit),
        inline=inline,
    )
    assert to_json(result) == json.dumps(to_dict(result), ensure_ascii=False)
    assert to_json(result, indent=2) == json.dumps(to_dict(result), ensure_ascii=False, indent=2)


_edit = st.builds(
    Edit,
    st.sampled_from(list(Op)),
    st.sampled_from(["", "x", 'say "so"', "équité\n", "自由", "\x7f", "😀"]),
    st.booleans(),
)


_one_index = st.integers(0, 50).map(lambda n: (n,))


def _equal_pairs() -> st.SearchStrategy[Pair]:
    """A pair equal one to one, as the engine makes most of them."""
    return st.builds(equal_pair, _one_index, _one_index)


def _nearly_equal_pairs() -> st.SearchStrategy[Pair]:
    """Equal one to one, but with a similarity other than 1.0 (1 is an int) or with edits."""
    return st.builds(
        Pair,
        st.just(PairKind.EQUAL),
        _one_index,
        _one_index,
        st.sampled_from([1.0, 1, 0.5]),
        st.sampled_from([(), (Edit(Op.EQUAL, "x"),)]),
    )


@st.composite
def _any_pair(draw: st.DrawFn) -> Pair:
    """A pair of any kind, shape, similarity and edits, whether or not the engine makes it."""
    kind = draw(st.sampled_from(list(PairKind)))
    first_a, first_b = draw(st.integers(0, 50)), draw(st.integers(0, 50))
    count_a = 0 if kind is PairKind.INSERTED else draw(st.integers(1, 3))
    count_b = 0 if kind is PairKind.DELETED else draw(st.integers(1 if count_a == 0 else 0, 3))
    similarity = draw(st.sampled_from([0.0, 1.0, 0.5, 1 / 3, 0.999999]))
    edits = draw(st.lists(_edit, max_size=4).map(tuple))
    return Pair(
        kind,
        tuple(range(first_a, first_a + count_a)),
        tuple(range(first_b, first_b + count_b)),
        similarity,
        edits,
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_any_pair(), _equal_pairs(), _nearly_equal_pairs()), max_size=12))
def test_any_pairs_are_written_as_dumping_the_dict(pairs: list[Pair]) -> None:
    """Stretches of equal pairs are written together, the others one by one, in order."""
    result = replace(compare(doc("One.", "a.txt"), doc("Two.", "b.txt")), pairs=tuple(pairs))
    assert to_json(result) == json.dumps(to_dict(result), ensure_ascii=False)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(-3, 3), st.sampled_from(["", "x", "自由"])), max_size=6))
def test_edits_of_any_int_op_are_written_as_dumping_the_dict(edits: list[tuple[int, str]]) -> None:
    """An op is looked up with its text made once; an int no op has still writes itself."""
    pair = Pair(PairKind.CHANGED, (0,), (0,), 0.5, tuple(Edit(op, text) for op, text in edits))  # type: ignore[arg-type]
    result = replace(compare(doc("One.", "a.txt"), doc("Two.", "b.txt")), pairs=(pair,))
    assert to_json(result) == json.dumps(to_dict(result), ensure_ascii=False)
