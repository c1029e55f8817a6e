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


def compute_stats(
    pairs: tuple[Pair, ...],
    text_a: str,
    text_b: str,
    segs_a: tuple[Span, ...],
    segs_b: tuple[Span, ...],
) -> Stats:
    kinds = Counter(p.kind.value for p in pairs)
    words_del = words_ins = chars_del = chars_ins = 0
    for pair in pairs:
        if pair.kind is PairKind.DELETED:
            text = _joined(text_a, segs_a, pair.a)
            words_del += len(_WORD.findall(text))
            chars_del += len(text)
        elif pair.kind is PairKind.INSERTED:
            text = _joined(text_b, segs_b, pair.b)
            words_ins += len(_WORD.findall(text))
            chars_ins += len(text)
        for edit in pair.edits:
            if edit.ignored or edit.op is Op.EQUAL:
                continue
            if edit.op is Op.DELETE:
                words_del += len(_WORD.findall(edit.text))
                chars_del += len(edit.text)
            else:
                words_ins += len(_WORD.findall(edit.text))
                chars_ins += len(edit.text)
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


def _joined(text: str, segs: tuple[Span, ...], indices: tuple[int, ...]) -> str:
    return " ".join(text[segs[i].start : segs[i].end] for i in indices)
