# SPDX-License-Identifier: GPL-3.0-or-later
"""How alike two paragraphs are, cheaply, before any character diff is run.

Why weighted stem sets: a reworded paragraph keeps its rare words (names,
numbers, terms) while its common words shuffle and its endings change, so a
Dice coefficient over sets of stems (``stem``: a word's first letters), each
weighted by its inverse document frequency over both sides, pairs a paragraph
with its rewrite and keeps unrelated paragraphs (which share only "the", "of")
apart. CJK characters count as words, since those scripts have no spaces. This
similarity is the pairing score every pair reports (``Pair.similarity``).

The words of a text are the matches of ``_WORD`` in its lowered form (``words``
is the definition). A ``Vocabulary`` finds the same words faster, by splitting
UTF-8 bytes, stems each distinct word once, and holds each stem once as a small
int, so that stem sets are sets of shared ints rather than of one new string
per occurrence.

Why word ids in tuples: a paragraph's words are kept as a tuple of ids
(8 bytes a word) and made a set only while it is being compared; as frozensets
the word sets of a reworded pair were most of the alignment's peak
(``bench/gui_bench.py --only 100%``).

Constraints: pure and deterministic. Stem ids are handed out in the order texts
are seen, never in hash order, and sums of weights are exactly rounded
(``math.fsum``), so they do not depend on the order a set lists its words in.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Sequence, Set
from itertools import chain, count, filterfalse
from operator import itemgetter
from typing import TypeVar

_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|[^\W_]+")

_T = TypeVar("_T")

#: How many of a paragraph's rarest words go into the candidate index.
INDEX_WORDS = 16

#: Characters of a word its stem keeps (``stem``).
STEM = 5

#: ASCII letters and digits stay (lowered), every other ASCII byte becomes a
#: space, the bytes of non-ASCII characters pass unchanged. No match of ``_WORD``
#: holds an ASCII character other than a letter or digit, so the words are the
#: pieces between the spaces, once the pieces with non-ASCII characters are re-read.
_ASCII_SEPARATORS = bytes(
    c if c >= 0x80 else ord(chr(c).lower()) if chr(c).isalnum() else 0x20 for c in range(256)
)

#: Texts longer than this (in characters) are read in chunks of about this size.
_CHUNK = 1 << 16

#: Texts with more words than this lose their repeats first: long texts repeat
#: words a lot, and for short ones that costs more than it saves.
_MANY_WORDS = 512


def words(text: str) -> frozenset[str]:
    """The words of ``text``: what every similarity here is made of."""
    return frozenset(_WORD.findall(text.lower()))


def word_overlap(a: str, b: str) -> float:
    """Unweighted Dice of two texts' word sets: a quick similarity before any diff."""
    wa, wb = frozenset(_utf8_words(a)), frozenset(_utf8_words(b))
    if not wa and not wb:
        return 1.0 if a == b else 0.0
    return set_overlap(wa, wb)


def set_overlap(wa: Set[Hashable], wb: Set[Hashable]) -> float:
    """Unweighted Dice of two word sets, at least one of them not empty.

    Two texts without words are alike only if they are equal, which the sets
    cannot tell: that case is the caller's (see ``word_overlap``).
    """
    return 2.0 * len(wa & wb) / (len(wa) + len(wb))


def _utf8(word: str) -> bytes:
    # surrogatepass: decoded text may hold lone surrogates (surrogateescape).
    return word.encode("utf-8", "surrogatepass")


def _utf8_words(text: str) -> Collection[bytes]:
    """The words of ``text`` (as ``words`` finds them) in UTF-8, in a fixed order.

    Why bytes: ``bytes.translate`` and ``bytes.split`` run several times faster
    than ``_WORD.findall``, which only reads the pieces holding non-ASCII
    characters (all of them in one call, joined by a space, which no word
    holds). UTF-8 sorts like code points, so words sort alike as bytes or text.
    Repeats are left in short texts (the caller makes a set anyway).

    A long text is read in chunks cut after a space, so that a huge one-line
    file never has all its words as objects at once. No word holds a space,
    and lowering a character never looks past one (the final sigma rule stops
    there), so the chunks have the words of the whole.
    """
    if len(text) <= _CHUNK:
        return _chunk_words(text)
    found: dict[bytes, None] = {}
    start = 0
    while start < len(text):
        end = text.find(" ", start + _CHUNK) + 1 or len(text)
        found.update(dict.fromkeys(_chunk_words(text[start:end])))
        start = end
    return found


def _chunk_words(text: str) -> Collection[bytes]:
    pieces: Collection[bytes]
    if text.isascii():
        # Lowered by the table that blanks the separators: no lowered copy of the text.
        pieces = text.encode().translate(_ASCII_SEPARATORS).split()
        return dict.fromkeys(pieces) if len(pieces) > _MANY_WORDS else pieces
    lowered = text.lower()
    pieces = _utf8(lowered).translate(_ASCII_SEPARATORS).split()
    if len(pieces) > _MANY_WORDS:
        pieces = dict.fromkeys(pieces)
    if lowered.isascii():
        return pieces
    mixed = list(filterfalse(bytes.isascii, pieces))
    if not mixed:
        return pieces
    found = list(filter(bytes.isascii, pieces))
    rest = _WORD.findall(b" ".join(dict.fromkeys(mixed)).decode("utf-8", "surrogatepass"))
    found += _utf8(" ".join(rest)).split()
    return found


def stem(word: bytes) -> bytes:
    """The first ``STEM`` characters of a word (in UTF-8); one with a digit stays whole.

    Why a prefix: a rewording keeps a paragraph's content words but not their
    endings ("commanded", "commandment", "commands"; "spake", "spoke" do not
    meet, but most inflections and derivations do). A prefix is the stemmer
    that needs no language: it works for any script. A number or a name with
    digits in it ("x1", "utf8", "2010") names a thing exactly: no word to cut.
    """
    if word.isascii():
        return word[:STEM] if word.isalpha() else word
    text = word.decode("utf-8", "surrogatepass")
    return _utf8(text[:STEM]) if text.isalpha() else word


class _StemIds(dict[bytes, int]):
    """Word → the id of its stem, computed once per distinct word (``stem``)."""

    def __init__(self) -> None:
        super().__init__()
        #: stem → id, ids handed out in the order stems are first seen
        self.stems: defaultdict[bytes, int] = defaultdict(count().__next__)

    def __missing__(self, word: bytes) -> int:
        found = self.stems[stem(word)]
        self[word] = found
        return found


class Vocabulary:
    """The stems of one comparison's words, each held once as an int, by text.

    Why remember ids by text: the alignment profiles every paragraph of a gap by
    its match key, and a caller may need the same paragraphs' stems again. Each
    distinct word is stemmed once (``stem``); a text's ids are its stems' ids.
    """

    def __init__(self) -> None:
        self._ids = _StemIds()
        self._known: dict[str, tuple[int, ...]] = {}

    def __len__(self) -> int:
        return len(self._ids.stems)

    def word_ids(self, text: str, *, remember: bool = True) -> tuple[int, ...]:
        """The ids of the stems of ``text``'s words, each once; ``remember`` keeps them."""
        found = self._known.get(text)
        if found is None:
            found = self._ids_of(text)
            if remember:
                self._known[text] = found
        return found

    def word_ids_of(self, texts: Iterable[str]) -> list[tuple[int, ...]]:
        """``word_ids`` of each of ``texts``, remembered, in one loop (a call a text costs)."""
        known, ids_of = self._known, self._ids_of
        out = []
        for text in texts:
            found = known.get(text)
            if found is None:
                found = known[text] = ids_of(text)
            out.append(found)
        return out

    def _ids_of(self, text: str) -> tuple[int, ...]:
        return tuple(set(map(self._ids.__getitem__, _utf8_words(text))))

    def word_set(self, text: str, *, remember: bool = True) -> frozenset[int]:
        """``word_ids`` as a set."""
        return frozenset(self.word_ids(text, remember=remember))

    def spellings(self) -> list[bytes]:
        """Every stem in UTF-8, indexed by its id."""
        return list(self._ids.stems)


class Profiles:
    """Stem sets and IDF weights of a batch of paragraphs from both sides.

    The weights come from the batch, both sides together: a stem found in few
    of its paragraphs (a name, a number, a rare term) says more about which
    paragraph is which than one found in many.
    """

    def __init__(self, texts: Iterable[str], vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary if vocabulary is not None else Vocabulary()
        vocab = self.vocabulary
        #: each profile's stem ids, each once
        self.words: list[tuple[int, ...]] = vocab.word_ids_of(texts)
        df = _document_frequencies(self.words, len(vocab))
        n = len(self.words) + 1
        #: weight of each stem id; 0.0 for ids no profile holds.
        self.weight: list[float] = [0.0] * len(vocab)
        self._present = [w for w, c in enumerate(df) if c]
        for w in self._present:
            self.weight[w] = math.log(1.0 + n / df[w])
        weight = self.weight
        self.mass: list[float] = [math.fsum(_picked(weight, s)) for s in self.words]
        self._rank: list[int] = []
        self._rank_weight: list[float] = []
        self._rare: dict[int, list[int]] = {}
        self._last_set: tuple[int, frozenset[int]] = (-1, frozenset())

    def _mass(self, s: Collection[int]) -> float:
        return math.fsum(_picked(self.weight, s))

    def _set(self, i: int) -> frozenset[int]:
        """Profile ``i``'s words as a set, kept while the callers compare it with others."""
        last, found = self._last_set
        if last != i:
            found = frozenset(self.words[i])
            self._last_set = (i, found)
        return found

    def similarity(self, i: int, j: int) -> float:
        """Weighted Dice of profiles ``i`` and ``j``, in ``[0, 1]``."""
        total = self.mass[i] + self.mass[j]
        if total == 0.0:
            return 0.0
        shared = self._mass(self._set(i).intersection(self.words[j]))
        return min(1.0, 2.0 * shared / total)

    def shared(self, i: int, j: int) -> int:
        """How many stems profiles ``i`` and ``j`` have in common."""
        return len(self._set(i).intersection(self.words[j]))

    def group_similarity(self, left: Sequence[int], right: Sequence[int]) -> float:
        """Weighted Dice of the union of some profiles against the union of others.

        One profile against one gives exactly ``similarity``, so a caller may
        reuse a value computed either way.
        """
        if len(left) == 1 and len(right) == 1:
            return self.similarity(left[0], right[0])
        sl = self._set(left[0]) if len(left) == 1 else self._union(left)
        sr = self.words[right[0]] if len(right) == 1 else self._union(right)
        ml = self.mass[left[0]] if len(left) == 1 else self._mass(sl)
        mr = self.mass[right[0]] if len(right) == 1 else self._mass(sr)
        if ml + mr == 0.0:
            return 0.0
        shared = self._mass(sl.intersection(sr))
        return min(1.0, 2.0 * shared / (ml + mr))

    def containment(self, part: int, whole: Sequence[int]) -> float:
        """The share of profile ``part``'s weight found in the union of ``whole``, in ``[0, 1]``.

        Why beside the Dice: a part of a merge (half a split paragraph, one
        verse of three run together) is much shorter than the whole it went
        into, and the Dice counts the whole's other words against it; what
        says it belongs is that its own words are there.
        """
        if self.mass[part] == 0.0:
            return 0.0
        found = self._set(whole[0]) if len(whole) == 1 else self._union(whole)
        return min(1.0, self._mass(found.intersection(self.words[part])) / self.mass[part])

    def _union(self, ids: Sequence[int]) -> frozenset[int]:
        return frozenset().union(*(self.words[i] for i in ids))

    def rare_words(self, i: int) -> list[int]:
        """The ``INDEX_WORDS`` most informative words of profile ``i``: what the index keys on.

        Words come as ranks: 0 is the heaviest word of the batch, ties go in
        alphabetical order, so sorting ranks sorts by weight with no key function.
        """
        return self._rare_of((i,))[0]

    def _rare_of(self, profiles: Iterable[int]) -> list[list[int]]:
        """``rare_words`` of each of ``profiles``, in one loop.

        Why one loop: the index reads the rare words of every profile of a side,
        thousands of them, and a call per profile cost more than its sort.
        """
        rank = self._ranks()
        known = self._rare
        words = self.words
        out = []
        for i in profiles:
            found = known.get(i)
            if found is None:
                found = sorted(_picked(rank, words[i]))
                del found[INDEX_WORDS:]
                known[i] = found
            out.append(found)
        return out

    def _ranks(self) -> list[int]:
        """Rank of every word id (computed once): by falling weight, then alphabetically."""
        if not self._rank and self._present:
            order = sorted(self._present, key=self.vocabulary.spellings().__getitem__)
            order.sort(key=self.weight.__getitem__, reverse=True)  # stable: ties stay sorted
            self._rank = [0] * len(self.weight)
            for r, w in enumerate(order):
                self._rank[w] = r
            self._rank_weight = [self.weight[w] for w in order]
        return self._rank

    def candidates(
        self, left: Sequence[int], right: Sequence[int], per_item: int = 6
    ) -> dict[int, list[int]]:
        """For each profile in ``left``, the few in ``right`` sharing the most rare words.

        Near-linear: each side contributes only its rarest words to an inverted
        index, and words found in too many paragraphs are skipped, so no
        all-pairs comparison happens on big inputs.
        """
        # Only the words some query holds are looked up: the others' lists are not made.
        # (``right`` is read in order, so each list keeps the order of ``right``.)
        queries = self._rare_of(left)
        wanted = set(chain.from_iterable(queries))
        index: defaultdict[int, list[int]] = defaultdict(list)
        for j, rare in zip(right, self._rare_of(right), strict=True):
            for r in wanted.intersection(rare):
                index[r].append(j)
        crowd = max(8, int(math.sqrt(len(right))) * 2)
        weight = self._rank_weight
        postings = {r: js for r, js in index.items() if len(js) <= crowd}
        out: dict[int, list[int]] = {}
        for i, rare in zip(left, queries, strict=True):
            score: dict[int, float] = {}
            for r in rare:
                js = postings.get(r)
                if js is not None:
                    wt = weight[r]
                    # A test and a store, no call: most postings meet a new profile.
                    for j in js:
                        if j in score:
                            score[j] += wt
                        else:
                            score[j] = wt
            # What heapq.nlargest gives (ties in first-seen order), faster for these sizes.
            out[i] = sorted(score, key=score.__getitem__, reverse=True)[:per_item]
        return out


def _document_frequencies(profiles: list[tuple[int, ...]], size: int) -> list[int]:
    """How many of ``profiles`` hold each stem id below ``size``.

    Why a list and a loop: the ids are small and dense, and ``Counter`` pays
    for hashing and a new int per word where a list slot does not.
    """
    df = [0] * size
    for ids in profiles:
        for w in ids:
            df[w] = df[w] + 1  # not ``+=``: CPython 3.11 adds two stack shuffles to that
    return df


def _picked(values: Sequence[_T], ids: Collection[int]) -> Iterable[_T]:
    """``values[i]`` for each ``i`` of ``ids``, in the order of ``ids``.

    Why ``itemgetter``: it takes them all in one call, where ``map`` makes a
    call of ``__getitem__`` for each (profiles are read word by word, several
    times over); for a single id it gives the bare item, so those go by ``map``.
    """
    if len(ids) > 1:
        return itemgetter(*ids)(values)  # type: ignore[no-any-return]
    return map(values.__getitem__, ids)
