# SPDX-License-Identifier: GPL-3.0-or-later
"""Word sets and weighted similarity: the fast paths agree with their definitions."""

from __future__ import annotations

import heapq
import math
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twofold.engine.align.similarity import (
    INDEX_WORDS,
    Profiles,
    Vocabulary,
    _picked,
    set_overlap,
    stem,
    word_overlap,
    words,
)

#: Characters where a word split could go wrong: ASCII separators and
#: underscore, lone surrogates, CJK (one word per character), the final sigma,
#: letters that grow or turn ASCII when lowered, combining marks, digits.
TRICKY = "aZ9 _-'\n\t\udcff\ud800中文テ・Σ\u03c3ς\u039fİ\u212aßǄ\u0307\u00a0\u2019\u3000\u0661Ⅻ"
tricky_text = st.text(alphabet=st.sampled_from(TRICKY), max_size=60)
any_text = st.text(st.characters(exclude_categories=()), max_size=60)
ascii_text = st.text(st.characters(max_codepoint=0x7F, exclude_categories=()), max_size=60)


def spelled(vocabulary: Vocabulary, ids: frozenset[int]) -> set[str]:
    spellings = vocabulary.spellings()
    return {spellings[i].decode("utf-8", "surrogatepass") for i in ids}


def stems(text: str) -> set[str]:
    """The stems of the words of ``text``, as the definitions give them."""
    return {
        stem(w.encode("utf-8", "surrogatepass")).decode("utf-8", "surrogatepass")
        for w in words(text)
    }


@given(st.one_of(tricky_text, any_text, ascii_text))
@settings(max_examples=400)
def test_word_ids_spell_the_stems_of_the_words(text: str) -> None:
    vocabulary = Vocabulary()
    assert spelled(vocabulary, vocabulary.word_set(text)) == stems(text)


@given(st.lists(st.one_of(tricky_text, any_text), max_size=8))
def test_word_ids_of_a_batch_are_the_word_ids_of_each_text(texts: list[str]) -> None:
    batch, one_by_one = Vocabulary(), Vocabulary()
    assert batch.word_ids_of(texts) == [one_by_one.word_ids(t) for t in texts]
    assert batch.spellings() == one_by_one.spellings()


def test_long_texts_read_in_chunks_keep_every_word() -> None:
    # Words and final sigmas on both sides of every possible cut, in a text long
    # enough to be read in several chunks; one chunk has no space at all.
    unit = "ΟΔΟΣ αΣ b_c İx 中文abc x\u0307y naïve "
    text = unit * 9000 + "z" * 70_000 + " " + "ΛΟΓΟΣ " * 5000 + "END"
    vocabulary = Vocabulary()
    assert spelled(vocabulary, vocabulary.word_set(text)) == stems(text)
    batch = Vocabulary()
    assert spelled(batch, frozenset(batch.word_ids_of([text])[0])) == stems(text)


def test_equal_texts_share_one_word_set_and_ids() -> None:
    vocabulary = Vocabulary()
    first = vocabulary.word_set("Alpha beta")
    assert vocabulary.word_set("alpha BETA gamma") >= first
    assert vocabulary.word_ids("Alpha beta") is vocabulary.word_ids("Alpha beta")
    assert len(vocabulary) == 3


@given(st.one_of(tricky_text, ascii_text), st.one_of(tricky_text, ascii_text))
def test_word_overlap_is_the_dice_of_the_word_sets(a: str, b: str) -> None:
    wa, wb = words(a), words(b)
    if wa or wb:
        expected = set_overlap(wa, wb)
        assert expected == 2.0 * len(wa & wb) / (len(wa) + len(wb))
    else:
        expected = 1.0 if a == b else 0.0
    assert word_overlap(a, b) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("commanded", "comma"),
        ("commandment", "comma"),
        ("spake", "spake"),
        ("god", "god"),
        ("1863", "1863"),  # numbers name a thing exactly
        ("utf8", "utf8"),
        ("alpha0a", "alpha0a"),
        ("σοφίας", "σοφία"),  # characters, not bytes
        ("中", "中"),
    ],
)
def test_a_stem_keeps_five_letters_and_every_name_with_a_digit(word: str, expected: str) -> None:
    assert stem(word.encode()) == expected.encode()


def test_inflections_share_their_stem_in_the_similarity() -> None:
    profiles = Profiles(["Moses commanded them", "Moses commands them", "Aaron spoke"])
    assert profiles.similarity(0, 1) == 1.0
    assert profiles.similarity(0, 2) == 0.0


paragraphs = st.lists(
    st.lists(
        st.sampled_from([*"abcdefghij", "Σ", "ς", "中", "x1", "y_2", "alphabet", "alphabets"]),
        max_size=30,
    ).map(" ".join),
    min_size=2,
    max_size=40,
)


#: Paragraphs with more distinct stems than ``INDEX_WORDS``, so the rare words are cut.
long_paragraphs = st.lists(
    st.lists(st.sampled_from([f"w{n:02}x" for n in range(40)] + ["Σ", "中"]), max_size=60).map(
        " ".join
    ),
    min_size=2,
    max_size=30,
)


@given(st.one_of(paragraphs, long_paragraphs))
@settings(max_examples=60)
def test_rare_words_rank_by_weight_then_alphabet(texts: list[str]) -> None:
    profiles = Profiles(texts)
    by_word = _string_profiles(texts)[1]
    order = sorted(by_word, key=lambda w: (-by_word[w], w))
    for i, text in enumerate(texts):
        expected = sorted(stems(text), key=order.index)[:INDEX_WORDS]
        assert [order[r] for r in profiles.rare_words(i)] == expected


@given(st.one_of(paragraphs, long_paragraphs), st.integers(1, 8))
@settings(max_examples=60)
def test_candidates_match_the_string_keyed_index(texts: list[str], per_item: int) -> None:
    half = len(texts) // 2
    left, right = list(range(half)), list(range(half, len(texts)))
    profiles = Profiles(texts)
    assert profiles.candidates(left, right, per_item) == _candidates(texts, left, right, per_item)


@given(paragraphs)
@settings(max_examples=60)
def test_one_to_one_group_similarity_is_the_similarity(texts: list[str]) -> None:
    profiles = Profiles(texts)
    for i in range(len(texts)):
        for j in range(len(texts)):
            s = profiles.similarity(i, j)
            assert profiles.group_similarity([i], [j]) == s
            assert 0.0 <= s <= 1.0
            assert math.isclose(s, _weighted_dice(texts, [i], [j]), abs_tol=1e-12)
    if len(texts) >= 4:
        got = profiles.group_similarity([0, 1], [2, 3])
        assert math.isclose(got, _weighted_dice(texts, [0, 1], [2, 3]), abs_tol=1e-12)


def _string_profiles(texts: list[str]) -> tuple[list[frozenset[str]], dict[str, float]]:
    sets = [frozenset(stems(t)) for t in texts]
    df = Counter(w for s in sets for w in s)
    n = len(sets) + 1
    return sets, {w: math.log(1.0 + n / c) for w, c in df.items()}


def _weighted_dice(texts: list[str], left: list[int], right: list[int]) -> float:
    sets, weight = _string_profiles(texts)
    sl = frozenset().union(*(sets[i] for i in left))
    sr = frozenset().union(*(sets[j] for j in right))
    total = math.fsum(weight[w] for w in sl) + math.fsum(weight[w] for w in sr)
    if total == 0.0:
        return 0.0
    return min(1.0, 2.0 * math.fsum(weight[w] for w in sl & sr) / total)


def _candidates(
    texts: list[str], left: list[int], right: list[int], per_item: int
) -> dict[int, list[int]]:
    """The index as first written: keyed by the words themselves, ranked by (-weight, word)."""
    sets, weight = _string_profiles(texts)

    def rare(i: int) -> list[str]:
        return sorted(sets[i], key=lambda w: (-weight[w], w))[:INDEX_WORDS]

    index: dict[str, list[int]] = {}
    for j in right:
        for w in rare(j):
            index.setdefault(w, []).append(j)
    crowd = max(8, int(math.sqrt(len(right))) * 2)
    out: dict[int, list[int]] = {}
    for i in left:
        score: dict[int, float] = {}
        for w in rare(i):
            posting = index.get(w)
            if posting is None or len(posting) > crowd:
                continue
            for j in posting:
                score[j] = score.get(j, 0.0) + weight[w]
        out[i] = heapq.nlargest(per_item, score, key=score.__getitem__)
    return out


@given(paragraphs)
@settings(max_examples=60)
def test_containment_is_the_share_of_the_parts_weight_found_in_the_whole(
    texts: list[str],
) -> None:
    profiles = Profiles(texts)
    sets, weight = _string_profiles(texts)
    for i in range(len(texts)):
        whole = [j for j in range(len(texts)) if j != i][:2]
        if not whole:
            continue
        found = frozenset().union(*(sets[j] for j in whole))
        own = math.fsum(weight[w] for w in sets[i])
        expected = math.fsum(weight[w] for w in sets[i] & found) / own if own else 0.0
        assert math.isclose(profiles.containment(i, whole), expected, abs_tol=1e-12)
        assert profiles.containment(i, [i]) == (1.0 if own else 0.0)


def test_a_short_part_is_contained_in_its_whole_though_its_dice_is_low() -> None:
    """Half a sentence of a long verse: little of the verse, but all of it is in the verse."""
    whole = (
        "And he said Peaceably I am come to sacrifice unto the Lord sanctify yourselves and "
        "come with me to the sacrifice and he sanctified Jesse and his sons and called them"
    )
    part = "And he said, Peaceably: I am come to sacrifice to the Lord."
    other = "Then Jesse made Shammah to pass by, and he said: Neither hath the Lord chosen this."
    profiles = Profiles([whole, part, other])
    assert profiles.similarity(1, 0) < 0.7
    assert profiles.containment(1, [0]) == 1.0
    assert profiles.containment(1, [2]) < 0.5


@given(st.lists(st.integers(), max_size=6), st.data())
def test_picked_values_are_those_of_the_ids(values: list[int], data: st.DataObject) -> None:
    ids = data.draw(st.lists(st.integers(0, max(0, len(values) - 1)), max_size=5)) if values else []
    assert list(_picked(values, ids)) == [values[i] for i in ids]
    assert list(_picked(values, frozenset(ids))) == [values[i] for i in frozenset(ids)]
