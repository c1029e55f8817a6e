# SPDX-License-Identifier: GPL-3.0-or-later
"""Statistics of a comparison: what ``--stat`` and the status bar report.

Words are counted on the edits (a reworded sentence counts only the words that
changed), and inserted or deleted paragraphs count in full.
"""

from __future__ import annotations

import re
from collections import Counter

from twofold.engine.model import Op, Pair, PairKind, Span, Stats

_WORD = re.compile(r"\w+")
#: Characters per regex call when counting words.
_BATCH = 1 << 16


def compute_stats(
    pairs: tuple[Pair, ...],
    text_a: str,
    text_b: str,
    segs_a: tuple[Span, ...],
    segs_b: tuple[Span, ...],
) -> Stats:
    kinds = Counter(p.kind.value for p in pairs)
    deleted: list[str] = []
    inserted: list[str] = []
    for pair in pairs:
        if pair.kind is PairKind.DELETED:
            deleted.append(_joined(text_a, segs_a, pair.a))
        elif pair.kind is PairKind.INSERTED:
            inserted.append(_joined(text_b, segs_b, pair.b))
        for edit in pair.edits:
            if edit.ignored or edit.op is Op.EQUAL:
                continue
            (deleted if edit.op is Op.DELETE else inserted).append(edit.text)
    words_del, words_ins = _count_words(deleted), _count_words(inserted)
    chars_del, chars_ins = (sum(map(len, texts)) for texts in (deleted, inserted))
    total = sum(len(s) for s in segs_a) + sum(len(s) for s in segs_b)
    changed = chars_del + chars_ins
    return Stats(
        pairs_by_kind=dict(kinds),
        paragraphs_a=len(segs_a),
        paragraphs_b=len(segs_b),
        words_deleted=words_del,
        words_inserted=words_ins,
        chars_deleted=chars_del,
        chars_inserted=chars_ins,
        similarity=1.0 if total == 0 else round(max(0.0, 1.0 - changed / total), 6),
    )


def _count_words(texts: list[str]) -> int:
    """Words in all ``texts``, by regex calls over batches of them joined by a space.

    A reworded book has a hundred thousand edits: one call each was slow. A batch
    stays near ``_BATCH`` characters, and a huge text is counted match by match,
    so no single call holds the GIL (and the window) for long.
    """
    count = 0
    batch: list[str] = []
    size = 0
    for text in texts:
        if len(text) > _BATCH:
            count += sum(1 for _ in _WORD.finditer(text))
            continue
        batch.append(text)
        size += len(text) + 1
        if size > _BATCH:
            count += len(_WORD.findall(" ".join(batch)))  # no word crosses the space
            batch, size = [], 0
    return count + len(_WORD.findall(" ".join(batch)))


def _joined(text: str, segs: tuple[Span, ...], indices: tuple[int, ...]) -> str:
    return " ".join(text[segs[i].start : segs[i].end] for i in indices)
