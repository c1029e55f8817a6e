# SPDX-License-Identifier: GPL-3.0-or-later
"""How alike two paragraphs are, cheaply, before any character diff is run.

Why weighted word sets: a reworded paragraph keeps its rare words (names,
numbers, terms) while its common words shuffle, so a Dice coefficient over word
sets, each word weighted by its inverse document frequency, pairs a paragraph
with its rewrite and keeps unrelated paragraphs (which share only "the", "of")
apart. CJK characters count as words, since those scripts have no spaces.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|[^\W_]+")

#: How many of a paragraph's rarest words go into the candidate index.
INDEX_WORDS = 16


def words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def word_overlap(a: str, b: str) -> float:
    """Unweighted Dice of two texts' word sets: a quick similarity before any diff."""
    wa, wb = words(a), words(b)
    if not wa and not wb:
        return 1.0 if a == b else 0.0
    return 2.0 * len(wa & wb) / (len(wa) + len(wb))


class Profiles:
    """Word sets and IDF weights of a batch of paragraphs from both sides."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.sets: list[frozenset[str]] = [words(t) for t in texts]
        df: Counter[str] = Counter()
        for s in self.sets:
            df.update(s)
        n = len(self.sets) + 1
        self.weight: dict[str, float] = {w: math.log(1.0 + n / c) for w, c in df.items()}
        self.mass: list[float] = [self._mass(s) for s in self.sets]
        self._rare: dict[int, list[str]] = {}

    def _mass(self, s: Iterable[str]) -> float:
        return sum(map(self.weight.__getitem__, s))

    def similarity(self, i: int, j: int) -> float:
        """Weighted Dice of profiles ``i`` and ``j``, in ``[0, 1]``."""
        return self.group_similarity((i,), (j,))

    def group_similarity(self, left: Sequence[int], right: Sequence[int]) -> float:
        """Weighted Dice of the union of some profiles against the union of others."""
        sl = (
            self.sets[left[0]]
            if len(left) == 1
            else frozenset().union(*(self.sets[i] for i in left))
        )
        sr = (
            self.sets[right[0]]
            if len(right) == 1
            else frozenset().union(*(self.sets[j] for j in right))
        )
        ml = self.mass[left[0]] if len(left) == 1 else self._mass(sl)
        mr = self.mass[right[0]] if len(right) == 1 else self._mass(sr)
        if ml + mr == 0.0:
            return 0.0
        shared = sum(map(self.weight.__getitem__, sl & sr))
        return min(1.0, 2.0 * shared / (ml + mr))

    def rare_words(self, i: int) -> list[str]:
        """The ``INDEX_WORDS`` most informative words of profile ``i``: what the index keys on."""
        found = self._rare.get(i)
        if found is None:
            weight = self.weight
            found = sorted(self.sets[i], key=lambda w: (-weight[w], w))[:INDEX_WORDS]
            self._rare[i] = found
        return found

    def candidates(
        self, left: Sequence[int], right: Sequence[int], per_item: int = 6
    ) -> dict[int, list[int]]:
        """For each profile in ``left``, the few in ``right`` sharing the most rare words.

        Near-linear: each side contributes only its rarest words to an inverted
        index, and words found in too many paragraphs are skipped, so no
        all-pairs comparison happens on big inputs.
        """
        index: dict[str, list[int]] = {}
        for j in right:
            for w in self.rare_words(j):
                index.setdefault(w, []).append(j)
        crowd = max(8, int(math.sqrt(len(right))) * 2)
        out: dict[int, list[int]] = {}
        weight = self.weight
        for i in left:
            score: dict[int, float] = {}
            for w in self.rare_words(i):
                posting = index.get(w)
                if posting is None or len(posting) > crowd:
                    continue
                wt = weight[w]
                for j in posting:
                    score[j] = score.get(j, 0.0) + wt
            out[i] = heapq.nlargest(per_item, score, key=score.__getitem__)
        return out
