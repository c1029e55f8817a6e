# SPDX-License-Identifier: GPL-3.0-or-later
"""The machine-readable comparison printed by ``twofold --json``.

Schema (stable; tests check it): ``a``/``b`` describe each document and its
paragraph spans, ``pairs`` lists every pair in reading order with edits as
``[op, text]`` (op -1 only in A, 0 both, 1 only in B), ``stats`` summarises.
Edits are given for changed and moved pairs and rebuild exactly the text
spans those pairs cover.

``layout`` lists what differs outside the paragraphs (at most
``engine.layout.MAX_LAYOUT_SHOWN``; ``stats.layout_differences`` counts them
all), each ``{"kind", "a", "b", "a_line", "b_line"}``: kind is one of
``encoding``, ``bom``, ``line_endings``, ``final_newline``, ``blank_lines``,
``blank_line_whitespace``, ``bytes``; ``a``/``b`` are each side's value (an
encoding, a flag, a newline style, a count of blank lines, a blank line's text
or null where a side has no such line, a size in bytes); the lines are 1-based
and given for the blank-line kinds only (null otherwise). ``stats.differs`` is
the verdict the exit status gives: a change or a layout difference.

Each of ``a``/``b`` says its ``format`` (``text``, ``docx``, ``odt``, ``rtf``,
``pdf``, ``epub``, ``html``): for a document the offsets index the text its
reader extracted, which ``twofold --text FILE`` prints; ``headings`` are the
offsets of the paragraphs that are headings, and ``set_apart`` lists what the
reader kept out of the comparison, each ``{"kind", "paragraphs"}`` (a kind as
a reader says it, "page headers and footers", and how many paragraphs).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from itertools import compress
from json.encoder import encode_basestring
from operator import attrgetter, itemgetter, not_
from typing import Any

from twofold.engine.result.edit_runs import text_runs_of
from twofold.engine.result.kinds import NewlineStyle, PairKind
from twofold.engine.result.model import DiffResult, Document, LayoutDifference, LayoutValue, Pair
from twofold.engine.result.spans import Span, span_bounds


def to_dict(result: DiffResult) -> dict[str, Any]:
    return {
        "a": _document(result.a, result.a_segments),
        "b": _document(result.b, result.b_segments),
        "unit": result.unit.value,
        "pairs": [_pair(p) for p in result.pairs],
        "layout": [_layout(d) for d in result.layout.differences],
        "stats": _stats(result),
    }


def to_json(result: DiffResult, *, indent: int | None = None) -> str:
    """``to_dict(result)`` as JSON, the same text ``json.dumps`` writes.

    Without ``indent`` the text is written straight from the result, not from
    dicts: a big result has a pair and a paragraph span per paragraph, and a dict
    for each (then walked again by the encoder) was the larger part of writing it
    (``bench/corpus_speed.py`` times ``--json``).
    """
    if indent is not None:
        return json.dumps(to_dict(result), ensure_ascii=False, indent=indent)
    dumps = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(ensure_ascii=False) is
    return "".join(
        (
            '{"a": ',
            _document_text(result.a, result.a_segments, dumps),
            ', "b": ',
            _document_text(result.b, result.b_segments, dumps),
            ', "unit": ',
            dumps(result.unit.value),
            ', "pairs": [',
            ", ".join(_pair_texts(result.pairs, dumps)),
            '], "layout": ',
            dumps([_layout(d) for d in result.layout.differences]),
            ', "stats": ',
            dumps(_stats(result)),
            "}",
        )
    )


#: A pair of one paragraph a side without edits, as the encoder writes it: its kind
#: (encoded), its two indices and its similarity.
_ONE_TO_ONE = '{"kind": %s, "a": [%r], "b": [%r], "similarity": %r, "edits": []}'
#: The same for an equal pair (most pairs of a big result), its two indices only.
_EQUAL_ONE_TO_ONE = '{"kind": "equal", "a": [%r], "b": [%r], "similarity": 1.0, "edits": []}'
#: ``(len(a), len(b), _rest_of(pair))`` of a pair written by ``_EQUAL_ONE_TO_ONE``; the
#: similarity's type too, since ``1 == 1.0`` but the encoder writes an int otherwise
_EQUAL_SHAPE = (1, 1, (PairKind.EQUAL, 1.0, float, ()))
#: Any other pair, as the encoder writes ``_pair(pair)``: kind, sides, similarity, edits
#: (each ``_EDIT``) and, only when some are, the indices of the ignored edits.
_PAIR = '{"kind": %s, "a": %s, "b": %s, "similarity": %r, "edits": [%s]%s}'
_EDIT = "[%r, %s]"
_a_of, _b_of = attrgetter("a"), attrgetter("b")
_rest_of = attrgetter("kind", "similarity", "similarity.__class__", "edits")
_first, _second, _third = itemgetter(0), itemgetter(1), itemgetter(2)


def _pair_texts(pairs: Sequence[Pair], dumps: Callable[[object], str]) -> list[str]:
    """Each pair as ``json.dumps(_pair(pair))`` writes it, most of them in C.

    The equal pairs of one paragraph a side are formatted together, each step
    one ``map`` over all of them: ``repr`` of an int is what the encoder writes,
    and their kind and similarity are the same. The others (changed and moved
    pairs, splits, merges) are written one by one, then each pair takes its
    text from one list or the other, in C.
    """
    a_sides, b_sides = list(map(_a_of, pairs)), list(map(_b_of, pairs))
    shapes = zip(map(len, a_sides), map(len, b_sides), map(_rest_of, pairs), strict=True)
    equal = list(map(_EQUAL_SHAPE.__eq__, shapes))
    firsts = zip(
        map(_first, compress(a_sides, equal)), map(_first, compress(b_sides, equal)), strict=True
    )
    texts = list(map(_EQUAL_ONE_TO_ONE.__mod__, firsts))
    if len(texts) == len(pairs):
        return texts
    kind_texts = {kind: dumps(kind.value) for kind in PairKind}
    others = [_other_pair_text(pair, kind_texts) for pair in compress(pairs, map(not_, equal))]
    written = {True: iter(texts), False: iter(others)}  # each pair's flag picks its list
    return list(map(next, map(written.__getitem__, equal)))


def _other_pair_text(pair: Pair, kind_texts: dict[PairKind, str]) -> str:
    """``json.dumps(_pair(pair))`` for a pair that is not equal one to one, written directly.

    Without the dict, whose building and walking took longer than writing it: the
    edits' texts go through the encoder's own string writer (``encode_basestring``,
    what ``json.dumps(..., ensure_ascii=False)`` calls), the numbers through ``repr``.
    """
    kind, a, b, similarity = kind_texts[pair.kind], pair.a, pair.b, pair.similarity
    if not pair.edits:
        if len(a) == len(b) == 1:
            return _ONE_TO_ONE % (kind, a[0], b[0], similarity)
        return _PAIR % (kind, repr(list(a)), repr(list(b)), similarity, "", "")
    runs = list(text_runs_of(pair.edits))
    ops, texts = map(int, map(_first, runs)), map(encode_basestring, map(_second, runs))
    edits = ", ".join(map(_EDIT.__mod__, zip(ops, texts, strict=True)))
    ignored = list(compress(range(len(runs)), map(_third, runs)))
    return _PAIR % (
        kind,
        repr(list(a)),
        repr(list(b)),
        similarity,
        edits,
        f', "ignored": {ignored!r}' if ignored else "",
    )


def _pair(pair: Pair) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": pair.kind.value,
        "a": list(pair.a),
        "b": list(pair.b),
        "similarity": pair.similarity,
        "edits": [],
    }
    if not pair.edits:  # most pairs of a big result: nothing more to build
        return out
    runs = list(text_runs_of(pair.edits))
    out["edits"] = [[int(op), text] for op, text, _ignored in runs]
    ignored = [k for k, (_op, _text, is_ignored) in enumerate(runs) if is_ignored]
    if ignored:
        out["ignored"] = ignored
    return out


def _layout(diff: LayoutDifference) -> dict[str, Any]:
    return {
        "kind": diff.kind.value,
        "a": _value(diff.a),
        "b": _value(diff.b),
        "a_line": diff.a_line,
        "b_line": diff.b_line,
    }


def _value(value: LayoutValue) -> str | int | bool | None:
    return value.value if isinstance(value, NewlineStyle) else value


def _document(doc: Document, segments: Sequence[Span]) -> dict[str, Any]:
    return {
        "path": doc.path,
        "label": doc.label,
        "encoding": doc.encoding,
        "confidence": round(doc.confidence, 3),
        "replaced": doc.replaced,
        "bom": doc.bom,
        "newline": doc.newline.value,
        "trailing_newline": doc.trailing_newline,
        "paragraphs": [[start, end] for start, end in span_bounds(segments)],
        "format": doc.format.value,
        "headings": list(doc.headings),
        "set_apart": [{"kind": kept.kind, "paragraphs": kept.paragraphs} for kept in doc.set_apart],
    }


#: A paragraph's span as the encoder writes inside the list ``[start, end]``; the
#: brackets between two spans are the separator of one ``join``.
_SPAN = "%r, %r"


def _document_text(doc: Document, segments: Sequence[Span], dumps: Callable[[object], str]) -> str:
    """``dumps(_document(doc, segments))``, its paragraph spans formatted in one ``map``."""
    spans = "], [".join(map(_SPAN.__mod__, span_bounds(segments)))
    encoded = {key: dumps(value) for key, value in _document(doc, ()).items()}
    # in its place (the key is there already); a span's text is never empty
    encoded["paragraphs"] = f"[[{spans}]]" if spans else "[]"
    return "{" + ", ".join(f"{dumps(key)}: {text}" for key, text in encoded.items()) + "}"


def _stats(result: DiffResult) -> dict[str, Any]:
    s = result.stats
    return {
        "pairs_by_kind": {kind.value: n for kind, n in s.pairs_by_kind.items()},
        "changes": s.changes,
        "paragraphs_a": s.paragraphs_a,
        "paragraphs_b": s.paragraphs_b,
        "words_deleted": s.words_deleted,
        "words_inserted": s.words_inserted,
        "chars_deleted": s.chars_deleted,
        "chars_inserted": s.chars_inserted,
        "similarity": s.similarity,
        "layout_differences": result.layout.total,
        "differs": result.differs,
    }
