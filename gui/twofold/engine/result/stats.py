# SPDX-License-Identifier: GPL-3.0-or-later
"""Statistics of a comparison: what ``--stat`` and the status bar report.

Words are counted on the edits (a reworded sentence counts only the words that
changed), and inserted or deleted paragraphs count in full.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import compress, count, repeat
from operator import attrgetter, is_, is_not, not_
from typing import NamedTuple

from twofold.engine.result.edit_runs import EditRuns, text_runs_of
from twofold.engine.result.kinds import Op, PairKind
from twofold.engine.result.model import Edit, Pair, Stats
from twofold.engine.result.spans import Segments, Span, span_bounds

_WORD = re.compile(r"\w+")
#: An ASCII character's mark: ``w`` where ``\w`` matches it, a space elsewhere.
_MARKS = bytes(ord("w") if _WORD.match(chr(c)) else ord(" ") for c in range(128)) + b" " * 128
_kind_of, _edits_of = attrgetter("kind"), attrgetter("edits")
#: Characters per regex call when counting words.
_BATCH = 1 << 16


class EditCounts(NamedTuple):
    """What some edits delete and insert, in words and characters (ignored edits left out)."""

    words_deleted: int = 0
    words_inserted: int = 0
    chars_deleted: int = 0
    chars_inserted: int = 0

    def plus(self, other: EditCounts) -> EditCounts:
        return EditCounts(*(mine + theirs for mine, theirs in zip(self, other, strict=True)))


def edit_counts(edit_lists: Iterable[Sequence[Edit]]) -> EditCounts:
    """The counts of these pairs' edits: a part of ``compute_stats`` that adds up.

    Words never cross from one edit to the next (they are counted apart), so
    counts of batches of pairs, made wherever the pairs were diffed, sum to
    the counts of all of them.
    """
    deleted: list[str] = []
    inserted: list[str] = []
    for edits in edit_lists:
        if isinstance(edits, EditRuns):
            gone, new = edits.changed_texts()
            deleted += gone
            inserted += new
            continue
        for op, text, ignored in text_runs_of(edits):
            if ignored or op is Op.EQUAL:
                continue
            (deleted if op is Op.DELETE else inserted).append(text)
    return _counts(deleted, inserted)


def _counts(deleted: list[str], inserted: list[str]) -> EditCounts:
    return EditCounts(
        _count_words(deleted),
        _count_words(inserted),
        sum(map(len, deleted)),
        sum(map(len, inserted)),
    )


def compute_stats(
    pairs: tuple[Pair, ...],
    text_a: str,
    text_b: str,
    segs_a: Sequence[Span],
    segs_b: Sequence[Span],
) -> Stats:
    """The statistics of ``pairs`` (a refinement adds to a coarse result's: ``refined_stats``)."""
    # Counted and picked out in C by the kind itself: a 250,000-line file has a pair a
    # line, and a big revision tens of thousands of equal pairs that count nothing.
    kind_of_each = list(map(_kind_of, pairs))
    at = list(compress(count(), map(is_not, kind_of_each, repeat(PairKind.EQUAL))))
    unequal = [kind_of_each[n] for n in at]  # the few pairs the rest is read off
    kinds = _kinds_counted(len(pairs), at, unequal)
    deleted = _joined(
        text_a,
        segs_a,
        [pairs[n].a for n in compress(at, map(is_, unequal, repeat(PairKind.DELETED)))],
    )
    inserted = _joined(
        text_b,
        segs_b,
        [pairs[n].b for n in compress(at, map(is_, unequal, repeat(PairKind.INSERTED)))],
    )
    counted = edit_counts(filter(None, map(_edits_of, pairs)))
    words_del, words_ins, chars_del, chars_ins = counted.plus(_counts(deleted, inserted))
    return Stats(
        pairs_by_kind=dict(kinds),
        paragraphs_a=len(segs_a),
        paragraphs_b=len(segs_b),
        words_deleted=words_del,
        words_inserted=words_ins,
        chars_deleted=chars_del,
        chars_inserted=chars_ins,
        similarity=_similarity(chars_del + chars_ins, _covered(segs_a) + _covered(segs_b)),
    )


def _kinds_counted(total: int, at: list[int], unequal: list[PairKind]) -> dict[PairKind, int]:
    """``Counter`` of every pair's kind, in the order each kind is first seen, from the
    pairs not equal (``unequal``, at indices ``at``) and how many pairs there are.

    Why not ``Counter`` over every pair: it stored a count a pair, as picking out
    the deleted and inserted pairs took a pass over every pair each; most of a
    big revision's pairs are equal, and one pass in C finds the others.
    """
    counts = Counter(unequal)
    if len(at) == total:
        return dict(counts)
    # The equal pairs fill the gaps in ``at``: the first one is at the first gap.
    first_equal = next((k for k, n in enumerate(at) if k != n), len(at))
    seen_before = set(unequal[:first_equal])
    ordered = {kind: n for kind, n in counts.items() if kind in seen_before}
    ordered[PairKind.EQUAL] = total - len(at)
    ordered.update(counts)
    return ordered


def refined_stats(
    coarse: Stats,
    counted: EditCounts,
    segs_a: Sequence[Span],
    segs_b: Sequence[Span],
    pairs_by_kind: dict[PairKind, int] | None = None,
) -> Stats:
    """The statistics of a coarse result once refined, from its own and the edits' counts.

    Why not ``compute_stats`` again: refining gives edits to changed pairs only;
    the deleted and inserted paragraphs, counted in full (most of a big
    revision's words), stay as they were, and so do the kinds unless a pair
    turned out to change nothing.

    Args:
        coarse: ``compute_stats`` of the coarse pairs, none of which had edits.
        counted: ``edit_counts`` of the edits refining made.
        pairs_by_kind: the refined pairs' kinds counted, if any pair's kind changed.
    """
    words_del, words_ins, chars_del, chars_ins = counted.plus(
        EditCounts(
            coarse.words_deleted, coarse.words_inserted, coarse.chars_deleted, coarse.chars_inserted
        )
    )
    return Stats(
        pairs_by_kind=dict(coarse.pairs_by_kind if pairs_by_kind is None else pairs_by_kind),
        paragraphs_a=coarse.paragraphs_a,
        paragraphs_b=coarse.paragraphs_b,
        words_deleted=words_del,
        words_inserted=words_ins,
        chars_deleted=chars_del,
        chars_inserted=chars_ins,
        similarity=_similarity(chars_del + chars_ins, _covered(segs_a) + _covered(segs_b)),
    )


def _similarity(changed: int, total: int) -> float:
    return 1.0 if total == 0 else round(max(0.0, 1.0 - changed / total), 6)


def _covered(segments: Sequence[Span]) -> int:
    """Characters in all ``segments``; ``Segments`` keep theirs (``Segments.covered``)."""
    if isinstance(segments, Segments):
        return segments.covered
    return sum(e - s for s, e in span_bounds(segments))


def _count_words(texts: list[str]) -> int:
    """Words in all ``texts``, by calls over batches of them joined by a space.

    A reworded book has a hundred thousand edits: one call each was slow. A batch
    stays near ``_BATCH`` characters, and a huge text is counted a piece at a
    time, so no single call holds the GIL (and the window) for long. ASCII texts
    are batched apart: theirs are counted without a regex match a word.
    """
    ascii_ones = list(map(str.isascii, texts))  # in C, and a flag each string keeps
    return _batched(compress(texts, ascii_ones)) + _batched(compress(texts, map(not_, ascii_ones)))


def _batched(texts: Iterable[str]) -> int:
    count = 0
    batch: list[str] = []
    size = 0
    for text in texts:
        if len(text) > _BATCH:
            count += _words(text)
            continue
        batch.append(text)
        size += len(text) + 1
        if size > _BATCH:
            count += _words(" ".join(batch))  # no word crosses the space
            batch, size = [], 0
    return count + _words(" ".join(batch))


def _words(text: str) -> int:
    if text.isascii():
        return _ascii_words(text)
    if len(text) > 2 * _BATCH:
        return sum(1 for _ in _WORD.finditer(text))  # match by match
    return len(_WORD.findall(text))


def _ascii_words(text: str, piece: int = _BATCH) -> int:
    """Words (``\\w+``) in an ASCII ``text``: where a word character follows another.

    Why not the regex: it made a string of each word to count it. Each piece is
    marked in C, ``w`` a word character and a space any other, behind the mark
    of the character before it (a space at the start), and the word starts are
    the `` w`` in it.
    """
    count, before = 0, b" "
    for at in range(0, len(text), piece):
        marked = before + text[at : at + piece].encode("ascii").translate(_MARKS)
        count += marked.count(b" w")
        before = marked[-1:]
    return count


def _joined(text: str, segs: Sequence[Span], sides: Iterable[tuple[int, ...]]) -> list[str]:
    """The paragraphs of each of ``sides`` (a pair's, on one side), joined by a space.

    No word crosses the space, which counts as a character. Read off the offsets
    when ``segs`` are ``Segments``: a ``Span`` made for each paragraph cost more
    than cutting out its text.
    """
    if not isinstance(segs, Segments):
        return [" ".join(text[segs[i].start : segs[i].end] for i in indices) for indices in sides]
    starts, ends = segs.starts, segs.ends
    return [
        text[starts[indices[0]] : ends[indices[0]]]
        if len(indices) == 1
        else " ".join([text[starts[i] : ends[i]] for i in indices])
        for indices in sides
    ]
