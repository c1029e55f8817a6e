# SPDX-License-Identifier: GPL-3.0-or-later
"""Inline edits of one matched pair, by diff-match-patch.

Why diff-match-patch: its Myers diff with semantic cleanup gives readable
edits on prose (whole words and phrases, not scattered letters). The C++ build
(``fast_diff_match_patch``) is used when installed; the pure-Python library is
the fallback and gives the same kind of result. ``Diff_Timeout`` bounds the
time spent on one pair: past it the library returns a coarser but still exact
diff, so a huge paragraph degrades instead of freezing.

Constraints: the edits rebuild both inputs exactly, whatever the options; the
options only mark edits as ``ignored``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from twofold.engine.model import CompareOptions, Edit, Granularity, Op
from twofold.engine.normalize import fold_same_length, folds_anything

try:
    import fast_diff_match_patch as _fast
except ImportError:  # pragma: no cover - exercised where the wheel is missing
    _fast = None

import diff_match_patch as _dmp_module

_OPS = {"=": Op.EQUAL, "-": Op.DELETE, "+": Op.INSERT}
#: Words, runs of white space, and single other characters (punctuation, symbols, CJK).
_TOKEN = re.compile(r"[^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+|\s+|.", re.DOTALL)
_SURROGATES = range(0xD800, 0xE000)
#: Pairs longer than this (both sides, characters) are aligned by sentences first.
HUGE_PAIR_CHARS = 200_000
#: A sentence or statement with its end mark and the space after it (or a bare run).
_CHUNK = re.compile(r"[^.!?;}\n]*(?:[.!?;}\n]+\s*|$)")


def inline_edits(a: str, b: str, options: CompareOptions) -> tuple[Edit, ...]:
    """Edits turning ``a`` into ``b``, with ignorable ones marked ``ignored``.

    Swapping the inputs mirrors the result exactly: the diff is always computed
    in one canonical direction and flipped, because diff-match-patch's cleanup
    is not symmetric and a reader who swaps sides expects the same changes.
    """
    if a == b:
        return (Edit(Op.EQUAL, a),) if a else ()
    if a > b:
        return mirror(_directed_edits(b, a, options))
    return _directed_edits(a, b, options)


def mirror(edits: tuple[Edit, ...]) -> tuple[Edit, ...]:
    """The same edits seen from the other side: deletions become insertions."""
    flipped = [Edit(Op(-e.op), e.text, e.ignored) for e in edits]
    return tuple(_deletions_first(flipped))


def _deletions_first(edits: list[Edit]) -> Iterator[Edit]:
    """Within each run of changes, list what A loses before what B gains."""
    pending_ins: list[Edit] = []
    for edit in edits:
        if edit.op is Op.INSERT:
            pending_ins.append(edit)
            continue
        if edit.op is Op.EQUAL:
            yield from pending_ins
            pending_ins = []
        yield edit
    yield from pending_ins


def _directed_edits(a: str, b: str, options: CompareOptions) -> tuple[Edit, ...]:
    if folds_anything(options):
        ka, kb = fold_same_length(a, options), fold_same_length(b, options)
    else:
        ka, kb = a, b
    if len(ka) + len(kb) > HUGE_PAIR_CHARS:
        raw = _chunked_diff(ka, kb, options)
    else:
        raw = _fine_diff(ka, kb, options)
    edits = _restore_original(raw, a, b)
    if options.ignore_whitespace:
        edits = _mark_whitespace(edits)
    return tuple(_coalesce(list(_deletions_first(edits))))


def _fine_diff(a: str, b: str, options: CompareOptions) -> list[tuple[Op, str]]:
    if options.granularity is Granularity.WORD:
        return _word_diff(a, b, options.diff_timeout)
    return raw_diff(a, b, options.diff_timeout, semantic=True)


def _chunked_diff(a: str, b: str, options: CompareOptions) -> list[tuple[Op, str]]:
    """Diff huge texts sentence by sentence first, then word by word where they differ.

    A 5 MB paragraph (a minified file, a book without blank lines) has hundreds of
    thousands of words: Myers on those runs out of time and returns "everything
    changed". Sentences and statements are few enough to align exactly, and each
    run of differing ones is small enough for the fine diff. The same idea as
    diff-match-patch's line mode, with sentence and statement ends as the lines.
    """
    chunks_a, chunks_b = _CHUNK.findall(a), _CHUNK.findall(b)
    enc_a, enc_b = encode_tokens([chunks_a, chunks_b])
    out: list[tuple[Op, str]] = []
    ia = ib = 0
    pending_a: list[str] = []
    pending_b: list[str] = []

    def flush() -> None:
        if pending_a or pending_b:
            out.extend(_fine_diff("".join(pending_a), "".join(pending_b), options))
            pending_a.clear()
            pending_b.clear()

    for op, run in raw_diff(enc_a, enc_b, options.diff_timeout, semantic=False):
        n = len(run)
        if op is Op.EQUAL:
            flush()
            out.append((Op.EQUAL, "".join(chunks_a[ia : ia + n])))
            ia += n
            ib += n
        elif op is Op.DELETE:
            pending_a.extend(chunks_a[ia : ia + n])
            ia += n
        else:
            pending_b.extend(chunks_b[ib : ib + n])
            ib += n
    flush()
    return out


def raw_diff(a: str, b: str, timeout: float, *, semantic: bool) -> list[tuple[Op, str]]:
    """A character diff of two strings, semantically cleaned up when asked."""
    if _fast is not None:
        result = _fast.diff(
            a,
            b,
            timelimit=timeout,
            checklines=False,
            cleanup="Semantic" if semantic else "No",
            counts_only=False,
        )
        return [(_OPS[op], text) for op, text in result]
    dmp = _dmp_module.diff_match_patch()
    dmp.Diff_Timeout = timeout
    diffs = dmp.diff_main(a, b, False)
    if semantic:
        dmp.diff_cleanupSemantic(diffs)
    return [(Op(op), text) for op, text in diffs]


class _TokenCodes(dict[str, str]):
    """Token → private character, handing out the next code on first sight."""

    def __missing__(self, token: str) -> str:
        code = _code_point(len(self))
        self[token] = code
        return code


def encode_tokens(sequences: list[list[str]]) -> list[str]:
    """Map equal tokens to equal private characters, so a char diff becomes a token diff."""
    codes = _TokenCodes()
    lookup = codes.__getitem__
    return ["".join(map(lookup, tokens)) for tokens in sequences]


def _code_point(n: int) -> str:
    value = n + 1
    if value >= _SURROGATES.start:
        value += len(_SURROGATES)
    return chr(value)


def _word_diff(a: str, b: str, timeout: float) -> list[tuple[Op, str]]:
    tokens_a, tokens_b = _TOKEN.findall(a), _TOKEN.findall(b)
    if len(tokens_a) + len(tokens_b) >= 0x10FFFF - len(_SURROGATES) - 1:
        return raw_diff(a, b, timeout, semantic=True)
    enc_a, enc_b = encode_tokens([tokens_a, tokens_b])
    out: list[tuple[Op, str]] = []
    ia = ib = 0
    for op, chunk in raw_diff(enc_a, enc_b, timeout, semantic=True):
        n = len(chunk)
        if op is Op.INSERT:
            out.append((op, "".join(tokens_b[ib : ib + n])))
            ib += n
        else:
            out.append((op, "".join(tokens_a[ia : ia + n])))
            ia += n
            if op is Op.EQUAL:
                ib += n
    return out


def _restore_original(raw: list[tuple[Op, str]], a: str, b: str) -> list[Edit]:
    """Turn a diff of folded keys back into edits of the original texts.

    Folds keep lengths, so offsets carry over; inside an EQUAL run the originals
    may still differ (case, quotes), which becomes an ignored DELETE + INSERT.
    """
    edits: list[Edit] = []
    ia = ib = 0
    for op, chunk in raw:
        n = len(chunk)
        if op is Op.DELETE:
            edits.append(Edit(Op.DELETE, a[ia : ia + n]))
            ia += n
        elif op is Op.INSERT:
            edits.append(Edit(Op.INSERT, b[ib : ib + n]))
            ib += n
        else:
            edits.extend(_split_folded_equal(a[ia : ia + n], b[ib : ib + n]))
            ia += n
            ib += n
    return edits


def _split_folded_equal(a: str, b: str) -> Iterator[Edit]:
    if a == b:
        yield Edit(Op.EQUAL, a)
        return
    start = 0
    same = a[0] == b[0]
    for i in range(1, len(a) + 1):
        now_same = i < len(a) and a[i] == b[i]
        if i == len(a) or now_same != same:
            if same:
                yield Edit(Op.EQUAL, a[start:i])
            else:
                yield Edit(Op.DELETE, a[start:i], ignored=True)
                yield Edit(Op.INSERT, b[start:i], ignored=True)
            start, same = i, now_same


def _mark_whitespace(edits: list[Edit]) -> list[Edit]:
    """Ignore insertions and deletions of white space only (re-wrapped lines, doubled spaces)."""
    return [
        Edit(e.op, e.text, ignored=True) if e.op is not Op.EQUAL and e.text.isspace() else e
        for e in edits
    ]


def _coalesce(edits: list[Edit]) -> Iterator[Edit]:
    """Merge neighbours with the same op and flag; drop empty runs."""
    pending: Edit | None = None
    for edit in edits:
        if not edit.text:
            continue
        if pending is not None and pending.op is edit.op and pending.ignored == edit.ignored:
            pending = Edit(edit.op, pending.text + edit.text, edit.ignored)
            continue
        if pending is not None:
            yield pending
        pending = edit
    if pending is not None:
        yield pending


def rebuild(edits: tuple[Edit, ...] | list[Edit], side: Op) -> str:
    """The text of one side (``Op.DELETE`` for A, ``Op.INSERT`` for B) from its edits."""
    return "".join(e.text for e in edits if e.op is Op.EQUAL or e.op is side)


def similarity(edits: tuple[Edit, ...] | list[Edit]) -> float:
    """Share of characters kept: ``2 * kept / (len(a) + len(b))``; ignored edits count as kept."""
    kept = changed = 0
    for e in edits:
        if e.op is Op.EQUAL:
            kept += 2 * len(e.text)
        elif e.ignored:
            kept += len(e.text)
        else:
            changed += len(e.text)
    total = kept + changed
    return 1.0 if total == 0 else kept / total
