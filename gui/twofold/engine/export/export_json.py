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
from array import array
from collections.abc import Callable, Sequence
from itertools import chain, compress, count, repeat
from json.encoder import encode_basestring
from operator import add, attrgetter, eq, itemgetter, not_
from typing import Any

from twofold.engine.result.edit_runs import text_runs_of
from twofold.engine.result.kinds import NewlineStyle, Op, PairKind
from twofold.engine.result.model import DiffResult, Document, LayoutDifference, LayoutValue, Pair
from twofold.engine.result.spans import Segments, Span, span_bounds


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

    Without ``indent``, ``to_json_utf8`` writes it and it is decoded back: the
    text of a lone surrogate passes through both ways unchanged.
    """
    if indent is not None:
        return json.dumps(to_dict(result), ensure_ascii=False, indent=indent)
    return to_json_utf8(result, _utf8_with_surrogates).decode("utf-8", "surrogatepass")


def to_json_utf8(result: DiffResult, encode: Callable[[str], bytes]) -> bytes:
    """``encode(to_json(result))``, written straight from the result, never as one ``str``.

    ``encode`` gets each text that may not be ASCII (a string the encoder wrote,
    a pair with edits) and must encode it to UTF-8 one character at a time,
    ASCII but DEL as itself, so that encoding the pieces is encoding the whole
    (``cli_output.terminal_utf8``, which also escapes what a terminal must not
    get, is one). The rest, numbers and punctuation, is written as bytes: a
    big result has a pair and two paragraph spans per paragraph, and their
    dicts (then walked by the encoder), a ``str`` each, and one text of them
    all to encode again were most of writing it (``bench/corpus_speed.py``
    times ``--json``).
    """
    dumps = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(ensure_ascii=False) is
    return b"".join(
        (
            b'{"a": ',
            _document_utf8(result.a, result.a_segments, dumps, encode),
            b', "b": ',
            _document_utf8(result.b, result.b_segments, dumps, encode),
            b', "unit": ',
            encode(dumps(result.unit.value)),
            b', "pairs": [',
            _pairs_utf8(result.pairs, dumps, encode),
            b'], "layout": ',
            encode(dumps([_layout(d) for d in result.layout.differences])),
            b', "stats": ',
            encode(dumps(_stats(result))),
            b"}",
        )
    )


def _utf8_with_surrogates(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


#: A pair of one paragraph a side without edits, as the encoder writes it: its kind
#: (encoded), its two indices and its similarity.
_ONE_TO_ONE = '{"kind": %s, "a": [%r], "b": [%r], "similarity": %r, "edits": []}'
#: The same for an equal pair (most pairs of a big result), its two indices to fill in.
_EQUAL_ONE_TO_ONE = b'{"kind": "equal", "a": [%d], "b": [%d], "similarity": 1.0, "edits": []}'
#: ``(len(a), len(b), _rest_of(pair))`` of a pair written by ``_EQUAL_ONE_TO_ONE``; the
#: similarity's type too, since ``1 == 1.0`` but the encoder writes an int otherwise
_EQUAL_SHAPE = (1, 1, (PairKind.EQUAL, 1.0, float, ()))
#: Any other pair, as the encoder writes ``_pair(pair)``: kind, sides, similarity, edits
#: (each ``[op, text]``) and, only when some are, the indices of the ignored edits.
_PAIR = '{"kind": %s, "a": %s, "b": %s, "similarity": %r, "edits": [%s]%s}'


class _EditHeads(dict[int, str]):
    """An edit as the encoder writes it up to its text, ``[op, ``, looked up by its op.

    Why: a changed pair has an edit per run, and formatting each edit whole took
    more than joining this head with its text. The three ops' heads are made
    once; any other int, which no engine edit has, gets its own.
    """

    def __missing__(self, op: int) -> str:
        return f"[{int(op)}, "


_EDIT_HEAD = _EditHeads({op: f"[{int(op)}, " for op in Op})
_a_of, _b_of = attrgetter("a"), attrgetter("b")
_rest_of = attrgetter("kind", "similarity", "similarity.__class__", "edits")
_first, _second, _third = itemgetter(0), itemgetter(1), itemgetter(2)


def _pairs_utf8(
    pairs: Sequence[Pair], dumps: Callable[[object], str], encode: Callable[[str], bytes]
) -> bytes:
    """The pairs as ``json.dumps`` writes ``[_pair(p) for p in pairs]``, without the brackets.

    One template holds them all: an equal pair of one paragraph a side (most)
    is ``_EQUAL_ONE_TO_ONE``, any other its own text (written one by one), and
    one ``%`` fills in the equal pairs' indices, all in C.
    """
    a_sides, b_sides = list(map(_a_of, pairs)), list(map(_b_of, pairs))
    shapes = zip(map(len, a_sides), map(len, b_sides), map(_rest_of, pairs), strict=True)
    equal = list(map(eq, repeat(_EQUAL_SHAPE), shapes))
    template = [_EQUAL_ONE_TO_ONE] * len(equal)
    kind_texts = {kind: dumps(kind.value) for kind in PairKind}
    for at in compress(count(), map(not_, equal)):
        text = encode(_other_pair_text(pairs[at], kind_texts))
        template[at] = text.replace(b"%", b"%%")  # a text, not a place to fill in
    indices = chain.from_iterable(map(add, compress(a_sides, equal), compress(b_sides, equal)))
    return b", ".join(template) % tuple(indices)


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
    heads = map(_EDIT_HEAD.__getitem__, map(_first, runs))
    edits = "], ".join(map(add, heads, map(encode_basestring, map(_second, runs)))) + "]"
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


#: A paragraph's span as the encoder writes it in the list, and the separator that follows.
_SPAN = b"[%d, %d], "


def _document_utf8(
    doc: Document,
    segments: Sequence[Span],
    dumps: Callable[[object], str],
    encode: Callable[[str], bytes],
) -> bytes:
    """``dumps(_document(doc, segments))`` in ``encode``'s bytes, the spans by one ``%``."""
    encoded = {key: encode(dumps(value)) for key, value in _document(doc, ()).items()}
    # in its place (the key is there already); the last span's separator left off
    encoded["paragraphs"] = b"[%b]" % (_SPAN * len(segments))[:-2] % _span_bounds(segments)
    return (
        b"{"
        + b", ".join(b"%b: %b" % (encode(dumps(key)), text) for key, text in encoded.items())
        + b"}"
    )


def _span_bounds(segments: Sequence[Span]) -> tuple[int, ...]:
    """Each span's start and end, in turn; segments' two arrays interleaved in C."""
    if not isinstance(segments, Segments):
        return tuple(chain.from_iterable(span_bounds(segments)))
    bounds = array("q", bytes(16 * len(segments)))
    bounds[0::2], bounds[1::2] = segments.starts, segments.ends
    return tuple(bounds)


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
