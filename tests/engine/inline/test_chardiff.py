# SPDX-License-Identifier: GPL-3.0-or-later
"""Inline edits: exact rebuilding, word snapping, and the ignore options."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twofold.engine.inline import chardiff, raw_diff, units
from twofold.engine.inline.chardiff import inline_edits, rebuild, similarity
from twofold.engine.inline.raw_diff import TokenCodes
from twofold.engine.inline.shared_ends import common_prefix, common_suffix
from twofold.engine.result.kinds import Granularity, Op
from twofold.engine.result.model import CompareOptions, Edit
from twofold.engine.tuning import DEFAULT_COMPARE_TUNING, CompareTuning

NICOLAY = (
    "Four score and seven years ago our fathers brought forth, upon this continent, "
    "a new nation, conceived in liberty, and dedicated to the proposition that "
    '"all men are created equal"'
)
BLISS = (
    "Four score and seven years ago our fathers brought forth on this continent, "
    "a new nation, conceived in Liberty, and dedicated to the proposition that "
    "all men are created equal."
)
WORD = CompareOptions(granularity=Granularity.WORD)
CHAR = CompareOptions(granularity=Granularity.CHARACTER)
#: every pair takes the path of a huge paragraph: sentences first
SENTENCES_FIRST = CompareTuning(huge_pair_chars=0)


def changed(edits: tuple[Edit, ...], op: Op) -> list[str]:
    return [e.text for e in edits if e.op is op and not e.ignored]


def test_word_granularity_reports_whole_words() -> None:
    edits = inline_edits(NICOLAY, BLISS, WORD)
    assert rebuild(edits, Op.DELETE) == NICOLAY
    assert rebuild(edits, Op.INSERT) == BLISS
    assert "Liberty" in changed(edits, Op.INSERT)
    assert "liberty" in changed(edits, Op.DELETE)
    assert all(" " not in t.strip() or t.count(" ") < 4 for t in changed(edits, Op.INSERT))


def test_character_granularity_can_split_words() -> None:
    edits = inline_edits("colour", "color", CHAR)
    assert changed(edits, Op.DELETE) == ["u"]
    assert changed(edits, Op.INSERT) == []


def test_ignore_case_marks_case_edits_ignored() -> None:
    opts = CompareOptions(ignore_case=True)
    edits = inline_edits("conceived in liberty", "conceived in Liberty", opts)
    assert rebuild(edits, Op.INSERT) == "conceived in Liberty"
    assert changed(edits, Op.DELETE) == changed(edits, Op.INSERT) == []
    assert any(e.ignored for e in edits)


def test_ignore_typography_hides_quote_and_dash_kinds() -> None:
    opts = CompareOptions(ignore_typography=True)
    a, b = "\u201cTwofold\u201d \u2014 it\u2019s here", '"Twofold" - it\'s here'
    edits = inline_edits(a, b, opts)
    assert rebuild(edits, Op.DELETE) == a
    assert rebuild(edits, Op.INSERT) == b
    assert changed(edits, Op.DELETE) == changed(edits, Op.INSERT) == []


def test_ignore_whitespace_hides_rewrapped_lines() -> None:
    opts = CompareOptions(ignore_whitespace=True)
    a = "a new nation, conceived in liberty, and dedicated"
    b = "a new nation,\nconceived in  liberty, and\ndedicated"
    edits = inline_edits(a, b, opts)
    assert rebuild(edits, Op.INSERT) == b
    assert changed(edits, Op.DELETE) == changed(edits, Op.INSERT) == []
    assert similarity(edits) == pytest.approx(1.0)


def test_identical_and_empty() -> None:
    assert inline_edits("", "", WORD) == ()
    assert inline_edits("same", "same", WORD) == (Edit(Op.EQUAL, "same"),)
    assert similarity(inline_edits("abc", "xyz", CHAR)) == 0.0


options = st.builds(
    CompareOptions,
    granularity=st.sampled_from(list(Granularity)),
    ignore_whitespace=st.booleans(),
    ignore_case=st.booleans(),
    ignore_typography=st.booleans(),
)


@given(st.text(), st.text(), options)
def test_edits_rebuild_both_texts(a: str, b: str, opts: CompareOptions) -> None:
    edits = inline_edits(a, b, opts)
    assert rebuild(edits, Op.DELETE) == a
    assert rebuild(edits, Op.INSERT) == b
    assert all(e.text for e in edits)
    assert 0.0 <= similarity(edits) <= 1.0


@given(st.text(), st.text())
def test_swapping_sides_mirrors_the_edit_totals(a: str, b: str) -> None:
    forward, backward = inline_edits(a, b, CHAR), inline_edits(b, a, CHAR)
    assert sum(len(e.text) for e in forward if e.op is Op.DELETE) == sum(
        len(e.text) for e in backward if e.op is Op.INSERT
    )


@given(
    st.text(alphabet="ab .;}\n", max_size=300), st.text(alphabet="ab .;}\n", max_size=300), options
)
def test_the_sentence_first_path_rebuilds_both_texts(a: str, b: str, opts: CompareOptions) -> None:
    edits = inline_edits(a, b, opts, SENTENCES_FIRST)  # the path huge paragraphs take
    assert rebuild(edits, Op.DELETE) == a
    assert rebuild(edits, Op.INSERT) == b


def test_a_huge_paragraph_still_gets_word_edits() -> None:
    sentences = [f"Sentence {n} says something about topic {n % 97} here." for n in range(6000)]
    a = " ".join(sentences)
    assert len(a) > DEFAULT_COMPARE_TUNING.huge_pair_chars
    b = a.replace("Sentence 4321 says", "Sentence 4321 claims").replace(
        "topic 5 here", "topic 5 now"
    )
    edits = inline_edits(a, b, WORD)
    assert rebuild(edits, Op.DELETE) == a
    assert rebuild(edits, Op.INSERT) == b
    expected = ["claims", *["now"] * a.count("topic 5 here")]
    assert sorted(changed(edits, Op.INSERT)) == sorted(expected)


@given(
    st.text(alphabet="ab .;}\n", max_size=300), st.text(alphabet="ab .;}\n", max_size=300), options
)
def test_the_anchored_path_rebuilds_both_texts(a: str, b: str, opts: CompareOptions) -> None:
    # Every gap between equal sentences is cut wherever a run of two tokens is
    # shared (huge pairs cut every few hundred): the pieces must still add up.
    cut_everywhere = replace(SENTENCES_FIRST, anchor_spacing_tokens=1, anchor_run_tokens=(2, 1))
    edits = inline_edits(a, b, opts, cut_everywhere)
    assert rebuild(edits, Op.DELETE) == a
    assert rebuild(edits, Op.INSERT) == b


@given(st.text(alphabet="ab \n.é", max_size=400), st.integers(1, 40))
def test_tokens_read_in_pieces_are_the_tokens(text: str, piece: int) -> None:
    tokens = [t for p in units.token_pieces(text, piece) for t in p]
    assert tokens == units.TOKEN.findall(text)


def test_token_lengths_grow_past_two_bytes_when_a_token_does() -> None:
    text = "a " + "b" * 70_000 + " c"
    pieces = units.token_pieces(text, DEFAULT_COMPARE_TUNING.unit_piece_chars)
    encoded, lengths = units.encoded_units(pieces, TokenCodes())
    assert list(lengths) == [1, 1, 70_000, 1, 1]
    assert len(encoded) == 5


def _sentences(words: list[str]) -> str:
    return " ".join(f"Item {n} is {w} beside part {n % 89} of it." for n, w in enumerate(words))


def test_a_huge_paragraph_with_every_sentence_reworded_still_gets_word_edits() -> None:
    # No sentence is the same on both sides, and the paragraph is too long for one
    # Myers diff in the time allowed (made short here; a 3 MB paragraph needs no help):
    # it used to come back as one block, all changed.
    a = _sentences(["red"] * 5000)
    b = _sentences(["blue" if n % 2 else "green" for n in range(5000)])
    assert len(a) + len(b) > DEFAULT_COMPARE_TUNING.huge_pair_chars
    hurried = CompareOptions(granularity=Granularity.WORD, diff_timeout=0.05)
    patient = CompareTuning(anchored_budget=1000)  # the budget is not the point here
    edits = inline_edits(a, b, hurried, patient)
    assert rebuild(edits, Op.DELETE) == a
    assert rebuild(edits, Op.INSERT) == b
    assert changed(edits, Op.DELETE) == ["red"] * 5000
    assert changed(edits, Op.INSERT) == ["green" if n % 2 == 0 else "blue" for n in range(5000)]
    assert similarity(edits) > 0.9


def test_token_codes_follow_first_sight_and_skip_surrogates() -> None:
    slices = DEFAULT_COMPARE_TUNING.encode_slice_tokens
    assert raw_diff.encode_tokens([["x", "y", "x"], ["z", "y"]], slices) == [
        "\x01\x02\x01",
        "\x03\x02",
    ]
    tokens = [str(n) for n in range(0xD800 + 10)]
    (encoded,) = raw_diff.encode_tokens([tokens], slices)
    assert len(set(encoded)) == len(tokens)
    assert encoded[0xD7FE:0xD800] == "\ud7ff\ue000"
    assert not any(0xD800 <= ord(c) < 0xE000 for c in encoded)
    for distinct in (0xD7FE, 0xD7FF):  # on either side of building the codes in C
        (encoded,) = raw_diff.encode_tokens([[str(n) for n in range(distinct)]], slices)
        assert encoded == "".join(map(chr, range(1, distinct + 1)))
    # A tuning that codes a pair of more tokens than there are codes below the surrogates at once.
    (encoded,) = raw_diff.encode_tokens([tokens], len(tokens))
    assert encoded[0xD7FE:0xD800] == "\ud7ff\ue000"
    assert len(set(encoded)) == len(tokens)


@pytest.mark.parametrize("limit", ["anchored_budget", "unrelated_tokens"])
def test_anchored_pieces_past_a_limit_are_coarse_but_exact(limit: str) -> None:
    a = _sentences(["red"] * 5000)
    b = _sentences(["blue" if n % 2 else "green" for n in range(5000)])
    tuning = replace(DEFAULT_COMPARE_TUNING, **{limit: 0})  # out of time, or all "unrelated"
    edits = inline_edits(a, b, WORD, tuning)
    assert rebuild(edits, Op.DELETE) == a
    assert rebuild(edits, Op.INSERT) == b
    assert similarity(edits) < 0.1


@given(st.lists(st.lists(st.sampled_from("abcdefg"), max_size=30), max_size=4), st.integers(1, 8))
def test_tokens_coded_slice_by_slice_get_the_codes_of_first_sight(
    sequences: list[list[str]], slice_size: int
) -> None:
    codes: dict[str, str] = {}
    for token in (t for tokens in sequences for t in tokens):
        codes.setdefault(token, chr(len(codes) + 1))
    expected = ["".join(codes[t] for t in tokens) for tokens in sequences]
    assert raw_diff.encode_tokens(sequences, slice_size) == expected  # the path of big files
    assert raw_diff.encode_tokens(sequences, 1000) == expected  # a pair's, coded at once


@given(st.text(), st.text(), st.booleans())
def test_diff_counts_are_the_lengths_of_the_diff(a: str, b: str, semantic: bool) -> None:
    expected = [(op, len(t)) for op, t in raw_diff.raw_diff(a, b, 2.0, semantic=semantic)]
    assert raw_diff.raw_diff_counts(a, b, 2.0, semantic=semantic) == expected


@given(st.text(), st.text(), options)
def test_restoring_unfolded_text_changes_nothing(a: str, b: str, opts: CompareOptions) -> None:
    # Why the unfolded path may skip the restore: on unfolded keys it is the identity.
    raw = chardiff.fine_diff(a, b, opts)
    restored = list(chardiff.restore_original(raw, a, b))
    assert restored == [(op, text, False) for op, text in raw]


@given(st.text(alphabet='aAbB \u201c\u201d".', max_size=40), st.text(max_size=40), options)
def test_swapping_sides_gives_the_mirrored_edits(a: str, b: str, opts: CompareOptions) -> None:
    assert chardiff.mirror(inline_edits(a, b, opts)) == inline_edits(b, a, opts)


@given(st.text(alphabet="ab .;!?}\n\t", max_size=400), st.integers(min_value=1, max_value=40))
def test_chunks_read_piecewise_are_the_chunks_of_the_whole(text: str, piece: int) -> None:
    assert units.chunks(text, piece) == units.CHUNK.findall(text)


_prose = st.text(alphabet="ab_ 1é\u4e00\u3042.\n\t", max_size=60)


@st.composite
def _edited_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """A text and a copy edited in its middle: what most changed pairs of a file are."""
    start, middle, end = draw(_prose), draw(_prose), draw(_prose)
    return start + middle + end, start + draw(_prose) + end


@given(_edited_pairs())
def test_shared_ends_cut_between_tokens_of_both_texts(pair: tuple[str, str]) -> None:
    a, b = pair
    head, tail = units.shared_token_ends(a, b)
    assert a[:head] == b[:head]
    assert a[len(a) - tail :] == b[len(b) - tail :]
    assert head + tail <= min(len(a), len(b))
    for text in (a, b):
        pieces = (text[:head], text[head : len(text) - tail], text[len(text) - tail :])
        assert [t for p in pieces for t in units.TOKEN.findall(p)] == units.TOKEN.findall(text)


def _token_cuts(text: str) -> set[int]:
    """Where ``TOKEN`` cuts ``text``: its ends and every place between two tokens."""
    cuts, at = {0}, 0
    for token in units.TOKEN.findall(text):
        at += len(token)
        cuts.add(at)
    return cuts


def _shared(a: str, b: str, most: int) -> int:
    return next(
        (n for n in range(min(len(a), len(b), most)) if a[n] != b[n]), min(len(a), len(b), most)
    )


@given(_edited_pairs())
def test_shared_ends_are_the_longest_cut_between_tokens_of_both(pair: tuple[str, str]) -> None:
    """No shorter than need be: the ends give back only what a token of either text holds."""
    a, b = pair
    cuts_a, cuts_b = _token_cuts(a), _token_cuts(b)
    head = max(h for h in range(_shared(a, b, len(a)) + 1) if h in cuts_a and h in cuts_b)
    most = _shared(a[::-1], b[::-1], min(len(a), len(b)) - head)
    tail = max(t for t in range(most + 1) if len(a) - t in cuts_a and len(b) - t in cuts_b)
    assert units.shared_token_ends(a, b) == (head, tail)


@st.composite
def _replaced_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """A text and a copy whose middle was replaced by words it did not have there."""
    start, end = draw(_prose), draw(_prose)
    gone, new = draw(st.text("ab. ", max_size=30)), draw(st.text("\u00e9\t,\u4e00", max_size=30))
    return start + gone + end, start + new + end


@given(st.one_of(_edited_pairs(), _replaced_pairs()))
def test_word_runs_are_those_of_the_whole_texts_coded_at_once(pair: tuple[str, str]) -> None:
    """Reading the shared ends once, or not at all, changes nothing diff-match-patch gives."""
    a, b = pair
    tokens_a, tokens_b = units.TOKEN.findall(a), units.TOKEN.findall(b)
    slices = DEFAULT_COMPARE_TUNING.encode_slice_tokens
    enc_a, enc_b = raw_diff.encode_tokens([tokens_a, tokens_b], slices)
    expected: list[tuple[Op, int]] = []
    ia = ib = 0
    for op, n in raw_diff.raw_diff_counts(enc_a, enc_b, 1.0, semantic=True):
        if op is Op.INSERT:
            expected.append((op, len("".join(tokens_b[ib : ib + n]))))
            ib += n
        else:
            expected.append((op, len("".join(tokens_a[ia : ia + n]))))
            ia += n
            ib += n if op is Op.EQUAL else 0
    assert chardiff.fine_diff(a, b, WORD) == expected


def _boundaries(text: str) -> set[int]:
    """Where ``TOKEN`` starts or ends a token of ``text``."""
    return {0} | {match.end() for match in units.TOKEN.finditer(text)}


@given(st.one_of(_edited_pairs(), _replaced_pairs(), st.tuples(_prose, _prose)))
def test_shared_ends_are_the_longest_cut_between_tokens(pair: tuple[str, str]) -> None:
    """The cuts are the last token edges of both texts within the shared start and end."""
    a, b = pair
    head = max(n for n in _boundaries(a) & _boundaries(b) if n <= common_prefix(a, b))
    ends_a = {len(a) - n for n in _boundaries(a)}
    ends_b = {len(b) - n for n in _boundaries(b)}
    limit = common_suffix(a, b, min(len(a), len(b)) - head)
    assert units.shared_token_ends(a, b) == (head, max(n for n in ends_a & ends_b if n <= limit))


@given(st.one_of(_edited_pairs(), _replaced_pairs(), st.tuples(_prose, _prose)))
def test_plain_word_edits_are_those_of_every_pairs_stages(pair: tuple[str, str]) -> None:
    """Packing a replacement at once gives the edits tidied and mirrored runs give."""
    a, b = pair
    for one, other in ((a, b), (b, a)):
        fast = inline_edits(one, other, WORD)
        general = (
            chardiff._edits(one, other, WORD, DEFAULT_COMPARE_TUNING) if one != other else fast
        )
        assert (fast.codes, fast.lengths) == (general.codes, general.lengths)
