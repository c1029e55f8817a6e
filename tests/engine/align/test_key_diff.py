# SPDX-License-Identifier: GPL-3.0-or-later
"""The anchors of the alignment: Myers where it is quick, and what stands in for it where not."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from support import assert_invariants, doc
from twofold.engine.align.key_diff import key_diff
from twofold.engine.align.line_diff import line_runs
from twofold.engine.inline.raw_diff import encode_tokens, raw_diff_counts
from twofold.engine.pipeline import compare, paragraphs
from twofold.engine.result.kinds import Op, PairKind, Unit
from twofold.engine.result.model import CompareOptions
from twofold.engine.tuning import DEFAULT_COMPARE_TUNING, CompareTuning

LINES = CompareOptions(unit=Unit.LINES)


def _one_letter_lines(seed: int, count: int) -> str:
    """A file of one-letter lines from eight: the issue's "every line differs" shape."""
    return "".join("abcdefgh"[(n * seed + n // 7) % 8] + "\n" for n in range(count))


def _keys(a: str, b: str) -> tuple[list[str], list[str]]:
    return paragraphs(doc(a), doc(b), LINES).keys


def _myers(keys_a: list[str], keys_b: list[str]) -> list[tuple[Op, int]]:
    """Myers over the whole of both sequences: what small files get."""
    enc_a, enc_b = encode_tokens([keys_a, keys_b], DEFAULT_COMPARE_TUNING.encode_slice_tokens)
    return raw_diff_counts(enc_a, enc_b, 1.0, semantic=False)


def _rebuilt(steps: list[tuple[Op, int]], a: list[str], b: list[str]) -> tuple[list[str], bool]:
    """B rebuilt from A and the steps, and whether every equal run is equal on both sides."""
    out: list[str] = []
    ia = ib = 0
    equal = True
    for op, n in steps:
        assert n > 0
        if op is Op.EQUAL:
            equal = equal and a[ia : ia + n] == b[ib : ib + n]
            out += a[ia : ia + n]
            ia, ib = ia + n, ib + n
        elif op is Op.DELETE:
            ia += n
        else:
            out += b[ib : ib + n]
            ib += n
    assert ia == len(a)
    return out, equal


def test_anchors_of_a_costly_pair_are_the_histogram_diffs() -> None:
    """Myers would change ~30,000 lines here and wait out its timeout: it is not asked."""
    a, b = _one_letter_lines(5, 20_000), _one_letter_lines(3, 20_000)
    keys_a, keys_b = _keys(a, b)
    histogram = key_diff(keys_a, keys_b, 1.0, CompareTuning(myers_max_changes=-1))
    assert key_diff(keys_a, keys_b, 1.0, DEFAULT_COMPARE_TUNING) == histogram
    assert len(line_runs(keys_a, keys_b)) > 1
    result = compare(doc(a), doc(b), LINES)
    assert_invariants(result)
    equal = sum(1 for p in result.pairs if p.kind is PairKind.EQUAL)
    assert equal > 5_000  # the histogram's anchors, not one gap of everything


def test_a_big_file_with_a_few_changes_keeps_myers_anchors() -> None:
    """Cut at the shared runs first, a log with a few edits gets the anchors Myers gives."""
    a = "".join(f"line {n} of a long log\n" for n in range(12_000))
    b = a.replace("line 7 of", "line seven of").replace("line 9000 of a long log\n", "")
    b = b.replace("line 500 of a long log\n", "") + "line 500 of a long log\n"
    keys_a, keys_b = _keys(a, b)
    assert len(keys_a) + len(keys_b) > DEFAULT_COMPARE_TUNING.cut_keys
    assert key_diff(keys_a, keys_b, 1.0, DEFAULT_COMPARE_TUNING) == _myers(keys_a, keys_b)
    assert_invariants(compare(doc(a), doc(b), LINES))


_lines = st.lists(st.sampled_from([*"abcdef", "x1", "x2", "x3", "x4"]), max_size=40)


@given(a=_lines, b=_lines, cut=st.booleans())
def test_every_strategy_gives_a_diff_that_rebuilds_b(a: list[str], b: list[str], cut: bool) -> None:
    tuning = CompareTuning(cut_keys=0) if cut else CompareTuning(myers_max_changes=-1)
    rebuilt, equal = _rebuilt(key_diff(a, b, 1.0, tuning), a, b)
    assert rebuilt == b
    assert equal


@given(a=st.lists(st.integers(0, 60), unique=True, max_size=50), data=st.data())
def test_cut_diff_of_unique_lines_is_as_short_as_myers(a: list[int], data: st.DataObject) -> None:
    """Keys once on each side: the shared runs are a longest chain, so no change is added."""
    shuffled = data.draw(st.permutations(a))
    b = shuffled[: data.draw(st.integers(0, len(shuffled)))]
    keys_a, keys_b = [str(x) for x in a], [str(x) for x in b]
    cut = key_diff(keys_a, keys_b, 1.0, CompareTuning(cut_keys=0))

    def changes(steps: list[tuple[Op, int]]) -> int:
        return sum(n for op, n in steps if op is not Op.EQUAL)

    assert changes(cut) == changes(_myers(keys_a, keys_b))
