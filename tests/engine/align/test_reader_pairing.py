# SPDX-License-Identifier: GPL-3.0-or-later
"""Pairs a reader makes at once: reworded in place, moved and reworded, split, and none.

Real rewordings (two translations of Hebrews, ``data/pairs/hebrews_reworded``)
and real look-alikes (Ecclesiastes' refrains, ``data/pairs/ecclesiastes_refrains``),
compared as the window and the CLI compare them.
"""

from __future__ import annotations

import pytest

from support import assert_invariants, doc, read_pair
from twofold.engine.pipeline import compare, refine
from twofold.engine.result.kinds import PairKind, Unit
from twofold.engine.result.model import CompareOptions, DiffResult
from twofold.engine.result.summary import percent

PARAGRAPHS = CompareOptions(unit=Unit.PARAGRAPHS)


def _paragraphs(name: str) -> tuple[list[str], list[str]]:
    a, b = read_pair(name)
    return a.strip("\n").split("\n\n"), b.strip("\n").split("\n\n")


def _compare(a: list[str], b: list[str]) -> DiffResult:
    result = compare(doc("\n\n".join(a)), doc("\n\n".join(b)), PARAGRAPHS)
    assert_invariants(result)
    return result


def _rows(result: DiffResult) -> list[tuple[PairKind, tuple[int, ...], tuple[int, ...]]]:
    return [(p.kind, p.a, p.b) for p in result.pairs]


def test_a_reworded_paragraph_alone_between_two_pairs_pairs() -> None:
    """Hebrews 4:1 in two translations shares few words, but it stands where the other does."""
    a, b = _paragraphs("hebrews_reworded")
    result = _compare(a[12:17], b[12:17])
    assert _rows(result) == [(PairKind.CHANGED, (k,), (k,)) for k in range(5)]


def test_a_moved_and_reworded_paragraph_is_moved() -> None:
    """Hebrews 2:16 moved six paragraphs down: a look-alike paired elsewhere is no rival."""
    a, b = _paragraphs("hebrews_reworded")
    b.insert(8, b.pop(2))
    result = _compare(a, b)
    moved = [(p.a, p.b) for p in result.pairs if p.kind is PairKind.MOVED]
    assert moved == [((2,), (8,))]
    links = {(i, j) for p in result.pairs for i in p.a for j in p.b}
    in_place = {(0, 0), (1, 1)} | {(k, k - 1) for k in range(3, 9)} | {(k, k) for k in range(9, 17)}
    assert links == in_place | {(2, 8)}


def test_a_paragraph_split_in_two_and_reworded_pairs_with_both_halves() -> None:
    a = [
        "Rain fell on the valley for nine days, and the river rose over its banks near the "
        "old mill.",
        "The harbour master closed the northern quay on Monday after the storm damaged three "
        "cranes and flooded the customs shed, and ordered every fishing boat to stay moored "
        "inside the breakwater until further notice. Repairs will take a fortnight, the "
        "council said, and traders fear losses.",
        "Farmers along the eastern road moved their cattle to higher pastures before the "
        "second flood came.",
    ]
    b = [
        "For nine days rain poured down on the valley, and near the old mill the river burst "
        "its banks.",
        "On Monday the harbour master shut the northern quay, since the storm had wrecked "
        "three cranes and flooded the customs shed; every fishing boat must stay moored inside "
        "the breakwater until further notice.",
        "The council expects repairs to last two weeks, and traders fear heavy losses.",
        "Before the second flood arrived, farmers on the eastern road drove their cattle up to "
        "higher pastures.",
    ]
    result = _compare(a, b)
    assert _rows(result) == [
        (PairKind.CHANGED, (0,), (0,)),
        (PairKind.CHANGED, (1,), (1, 2)),
        (PairKind.CHANGED, (2,), (3,)),
    ]
    mirrored = _compare(b, a)
    assert _rows(mirrored)[1] == (PairKind.CHANGED, (1, 2), (1,))


def test_a_short_sentence_split_off_a_reworded_verse_joins_its_pair() -> None:
    """A sentence split off a reworded verse ("And he said, Peaceably...") joins its pair.

    Alone it shares too little with A's long paragraph to pair by the Dice, but
    its words are all there, and it stands right beside the rest of that verse.
    """
    a, b = _paragraphs("samuel_sentence_split")
    expected = [
        (PairKind.CHANGED, (0,), (0,)),
        (PairKind.CHANGED, (1,), (1,)),
        (PairKind.CHANGED, (2,), (2,)),
        (PairKind.CHANGED, (3,), (3, 4)),
        (PairKind.CHANGED, (4,), (5, 6)),
        (PairKind.CHANGED, (5,), (7,)),
    ]
    assert _rows(_compare(a, b)) == expected
    assert _rows(_compare(b, a)) == [(kind, bs, as_) for kind, as_, bs in expected]


def test_a_merge_beside_a_split_is_not_run_into_one_block() -> None:
    """Gilgal (A 5) and "thou hast not defrauded us" (A 7) are two pairs, not one block.

    B merges A's 5 and 6 and splits A's 7 in two: pairs that were grown into a
    merge or a split never join further, so no pair holds both A 5 and A 7.
    """
    a, b = _paragraphs("samuel_merge_beside_split")
    result = _compare(a, b)
    (gilgal,) = [p for p in result.pairs if 5 in p.a]
    (defrauded,) = [p for p in result.pairs if 7 in p.a]
    assert gilgal is not defrauded
    assert 5 in gilgal.b
    assert 7 in defrauded.b
    links = {(i, j) for p in result.pairs for i in p.a for j in p.b}
    assert {(k, k) for k in range(8, 12)} <= links


def test_a_merge_beside_a_split_reads_as_the_merge_and_the_split() -> None:
    """A 6 ("I have hearkened unto your voice") went into B 5, not across into B 6.

    As many paragraphs on each side, so a straight chain pairs A 6 with B 6
    (the first half of A 7) through a few shared words; each of the two is
    held better by the pair on its other side, and a reader sees the merge of
    A 5 and 6 beside the split of A 7.
    """
    a, b = _paragraphs("samuel_merge_beside_split")
    expected = [
        (PairKind.INSERTED, (), (0,)),
        (PairKind.CHANGED, (0,), (1,)),
        (PairKind.CHANGED, (1,), (2,)),
        (PairKind.CHANGED, (2, 3), (3,)),
        (PairKind.CHANGED, (4,), (4,)),
        (PairKind.CHANGED, (5, 6), (5,)),
        (PairKind.CHANGED, (7,), (6, 7)),
        *((PairKind.CHANGED, (k,), (k,)) for k in range(8, 12)),
    ]
    assert _rows(_compare(a, b)) == expected
    mirrored = [
        (PairKind.DELETED, bs, as_) if not as_ else (kind, bs, as_) for kind, as_, bs in expected
    ]
    assert _rows(_compare(b, a)) == mirrored


def test_site_lines_sharing_a_word_at_the_top_of_a_page_stay_unpaired() -> None:
    """Two re-posts of Hebrews under different site headers: "this page" is not a pair.

    "Share this page" and "Was this page helpful?" stand together above the
    text, but the headers are of unequal length, so their place does not say
    which line is which, and one shared word is too little to say it instead.
    """
    a, b = _paragraphs("hebrews_reworded")
    top_a = ["Skip to main content", "Share this page: Facebook, Twitter, Email, Print"]
    top_b = ["Was this page helpful? Yes / No", "Home | Library | Search | About us", "Advert"]
    for top_l, top_r, left, right in ((top_a, top_b, a, b), (top_b, top_a, b, a)):
        result = _compare(top_l + left, top_r + right)
        links = {(i, j) for p in result.pairs for i in p.a for j in p.b}
        assert links == {(len(top_l) + k, len(top_r) + k) for k in range(len(left))}


#: Five chapters of a campaign, and an abridgement that gives each in one line.
CHAPTERS = [
    "The governor arrived in the province late in the summer, when the legions had already "
    "gone into winter quarters and the tribes believed the season for fighting was over. He "
    "gathered the scattered cohorts, marched into the hills against the Ordovices who had "
    "destroyed a squadron of cavalry, and cut down nearly the whole of their nation.",
    "Knowing that reputation must be followed up, he resolved to take the island of Mona, "
    "from which Paulinus had been recalled by the rebellion of the whole province. No ships "
    "were ready, but he chose the auxiliaries who knew the fords and swam with their arms "
    "beside their horses, so that the astonished islanders sued for peace.",
    "He then turned to the causes of discontent in the province, beginning with his own "
    "household. He let no freedman or slave conduct public business, chose centurions and "
    "soldiers for merit rather than favour, and eased the levy of corn and tribute by "
    "removing the abuses that had made them harder to bear than the taxes themselves.",
    "In the following winter he encouraged the Britons to build temples, market places and "
    "houses, praising the willing and rebuking the idle. He had the sons of the chiefs "
    "taught the liberal arts, and soon those who had rejected the Latin tongue desired its "
    "eloquence; the toga came into fashion, and little by little the porticoes and baths.",
    "The third year of his campaigns opened up new nations, for the country was laid waste "
    "as far as the estuary called Taus. The enemy were struck with such terror that they did "
    "not dare to attack the army, though it was harassed by violent storms, and there was "
    "even time to build forts, none of which was ever taken by storm or abandoned.",
]
ABRIDGED = [
    "Late in summer he crushed the Ordovices.",
    "His auxiliaries swam the fords and took Mona.",
    "He reformed his household and eased the tribute.",
    "He taught the chiefs' sons the Latin tongue.",
    "In his third year he reached the Taus.",
]


def test_an_abridgement_pairs_each_line_with_the_chapter_it_condenses() -> None:
    """Each line shares few words with its long chapter, but they are all in it, in order."""
    result = _compare(CHAPTERS, ABRIDGED)
    assert _rows(result) == [(PairKind.CHANGED, (k,), (k,)) for k in range(5)]
    mirrored = _compare(ABRIDGED, CHAPTERS)
    assert _rows(mirrored) == [(PairKind.CHANGED, (k,), (k,)) for k in range(5)]


def test_a_condensed_line_standing_in_another_chapters_place_is_not_paired_with_it() -> None:
    """Two lines of the abridgement swapped: each stands where the other chapter is."""
    swapped = [ABRIDGED[0], ABRIDGED[2], ABRIDGED[1], *ABRIDGED[3:]]
    result = _compare(CHAPTERS, swapped)
    links = {(i, j) for p in result.pairs for i in p.a for j in p.b}
    assert {(0, 0), (3, 3), (4, 4)} <= links
    assert links <= {(0, 0), (1, 2), (2, 1), (3, 3), (4, 4)}


def test_unrelated_paragraphs_sharing_a_refrain_stay_unpaired() -> None:
    """Ecclesiastes 2 and 7 both say "eat and drink", "enjoy good": no verse is the other's."""
    a, b = _paragraphs("ecclesiastes_refrains")
    result = _compare(a, b)
    assert {p.kind for p in result.pairs} == {PairKind.DELETED, PairKind.INSERTED}


def test_the_long_stretch_in_order_stays_and_the_short_block_moves() -> None:
    """Two unchanged paragraphs moved to the end: they move, not the five edited ones."""
    block = [
        "Unchanged paragraph one about the lighthouse keeper and his lamp.",
        "Unchanged paragraph two about the ferry timetable and the tides.",
    ]
    stretch = [
        f"Edited paragraph {name} tells of the {thing} near the harbour wall, in some detail."
        for name, thing in [
            ("alpha", "nets"),
            ("beta", "gulls"),
            ("gamma", "boats"),
            ("delta", "ropes"),
            ("epsilon", "crabs"),
        ]
    ]
    edited = [p.replace("in some detail", "in great detail") for p in stretch]
    result = _compare(block + stretch, edited + block)
    moved = [(p.a, p.b) for p in result.pairs if p.kind is PairKind.MOVED]
    assert moved == [((0,), (5,)), ((1,), (6,))]
    changed = [(p.a, p.b) for p in result.pairs if p.kind is PairKind.CHANGED]
    assert changed == [((k + 2,), (k,)) for k in range(5)]


@pytest.mark.parametrize("inline", [True, False])
def test_similarity_is_the_pairing_score_even_for_a_weak_pair(inline: bool) -> None:
    """A true pair found on its place reports the score it was paired on, never 0."""
    a, b = _paragraphs("hebrews_reworded")
    a_doc, b_doc = doc("\n\n".join(a[12:17])), doc("\n\n".join(b[12:17]))
    result = compare(a_doc, b_doc, PARAGRAPHS, inline=inline)
    if not inline:
        result = refine(result)
    assert all(0.2 <= p.similarity < 1.0 for p in result.pairs)


def test_a_changed_pair_never_reports_the_similarity_of_equal_text() -> None:
    """Every word shared, the punctuation not: the pair changed, so it is not 100 % similar."""
    result = _compare(["Alpha beta gamma delta."], ["Alpha, beta; gamma delta!"])
    (pair,) = result.pairs
    assert pair.kind is PairKind.CHANGED
    assert 0.99 < pair.similarity < 1.0
    assert percent(pair.similarity) == "99%"
