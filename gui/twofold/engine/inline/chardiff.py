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
from array import array
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from time import monotonic
from typing import Any

from twofold.engine.inline.anchors import anchor_cuts
from twofold.engine.result.edit_runs import EditRuns, Run, runs_of, text_runs_of
from twofold.engine.result.model import CompareOptions, Edit, Granularity, Op
from twofold.engine.segment.normalize import fold_same_length, folds_anything
from twofold.engine.tuning import DEFAULT_COMPARE_TUNING, CompareTuning

try:
    import fast_diff_match_patch as _fast
except ImportError:  # pragma: no cover - exercised where the wheel is missing
    _fast = None

#: Op signs of the C++ library and op numbers of the pure one; a dict, because
#: calling ``Op(...)`` per run costs some 20 times a lookup.
_OPS = {"=": Op.EQUAL, "-": Op.DELETE, "+": Op.INSERT, 0: Op.EQUAL, -1: Op.DELETE, 1: Op.INSERT}
_FLIPPED = {Op.DELETE: Op.INSERT, Op.EQUAL: Op.EQUAL, Op.INSERT: Op.DELETE}
#: Words, runs of white space, and single other characters (punctuation, symbols, CJK).
_TOKEN = re.compile(r"[^\W\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+|\s+|.", re.DOTALL)
_SURROGATES = range(0xD800, 0xE000)
#: Tokens ``encode_tokens`` reads in one C call at most.
_ENCODE_SLICE = 1 << 15
#: How many distinct tokens ``encode_tokens`` can name: every code point but NUL and surrogates.
_CODE_CAPACITY = 0x10FFFF - len(_SURROGATES)
#: A sentence or statement with its end mark and the space after it (or a bare run).
_CHUNK = re.compile(r"[^.!?;}\n]*(?:[.!?;}\n]+\s*|$)")
#: Where a chunk ends and the next one starts with neither an end mark nor a space.
_CHUNK_END = re.compile(r"[.!?;}\n]+\s*(?=[^.!?;}\n\s])")
#: Characters a single regex call reads at most when cutting a huge text into chunks.
CHUNK_PIECE = 1 << 16
#: Where a token ends and a run of white space starts: a place to cut a text into pieces.
_TOKEN_END = re.compile(r"(?<=\S)(?=\s)")

# The stages below pass runs as ``(op, length, ignored)`` tuples (``edit_runs.Run``):
# a big pair has 100k+ of them, and a run's text is only cut out when it is read.


def inline_edits(
    a: str, b: str, options: CompareOptions, tuning: CompareTuning = DEFAULT_COMPARE_TUNING
) -> EditRuns:
    """Edits turning ``a`` into ``b``, with ignorable ones marked ``ignored``.

    Swapping the inputs mirrors the result exactly: the diff is always computed
    in one canonical direction and flipped, because diff-match-patch's cleanup
    is not symmetric and a reader who swaps sides expects the same changes.
    A pair over ``tuning.huge_pair_chars`` is aligned by sentences first.
    """
    if a == b:
        return EditRuns.pack([(Op.EQUAL, len(a), False)] if a else [], a, b)
    if a > b:
        return EditRuns.pack(_mirrored(_directed_runs(b, a, options, tuning)), a, b)
    return EditRuns.pack(_directed_runs(a, b, options, tuning), a, b)


def mirror(edits: Sequence[Edit]) -> EditRuns:
    """The same edits seen from the other side: deletions become insertions."""
    runs = list(runs_of(edits))
    return EditRuns.pack(_mirrored(runs), rebuild(edits, Op.INSERT), rebuild(edits, Op.DELETE))


def _mirrored(runs: Iterable[Run]) -> Iterator[Run]:
    """Flip every run, then put deletions first again.

    Runs are not merged again: the result must stay exactly what mirroring the
    canonical direction's edits has always given, since it is what users see.
    """
    return _deletions_first((_FLIPPED[op], n, ignored) for op, n, ignored in runs)


def _deletions_first(runs: Iterable[Run]) -> Iterator[Run]:
    """Within each run of changes, list what A loses before what B gains."""
    pending_ins: list[Run] = []
    for run in runs:
        op = run[0]
        if op is Op.INSERT:
            pending_ins.append(run)
            continue
        if op is Op.EQUAL and pending_ins:
            yield from pending_ins
            pending_ins = []
        yield run
    yield from pending_ins


def _directed_runs(a: str, b: str, options: CompareOptions, tuning: CompareTuning) -> Iterator[Run]:
    """The tidied runs turning ``a`` into ``b``, in this direction only."""
    if folds_anything(options):
        ka, kb = fold_same_length(a, options), fold_same_length(b, options)
    else:
        ka, kb = a, b
    raw: Iterable[tuple[Op, int]]
    if len(ka) + len(kb) > tuning.huge_pair_chars:
        raw = _chunked_diff(ka, kb, options, tuning)
    else:
        raw = _fine_diff(ka, kb, options)
    # Every stage below reads the one before as it goes: a huge pair's runs as a
    # list of tuples are big, and each stage held one more.
    runs: Iterable[Run]
    if ka == a and kb == b:
        # Nothing was folded, so the runs of the keys are the runs of the texts.
        runs = ((op, n, False) for op, n in raw)
    else:
        runs = _restore_original(raw, a, b)
    if options.ignore_whitespace:
        runs = _mark_whitespace(runs, a, b)
    return _tidy(runs)


def _fine_diff(a: str, b: str, options: CompareOptions) -> list[tuple[Op, int]]:
    """``(op, length)`` runs turning ``a`` into ``b``, word by word or character by character."""
    if options.granularity is Granularity.WORD:
        return _word_diff(a, b, options.diff_timeout)
    return raw_diff_counts(a, b, options.diff_timeout, semantic=True)


def _chunked_diff(
    a: str, b: str, options: CompareOptions, tuning: CompareTuning
) -> Iterable[tuple[Op, int]]:
    """Diff huge texts sentence by sentence first, then word by word where they differ.

    A 5 MB paragraph (a minified file, a book without blank lines) has hundreds of
    thousands of words: Myers on those runs out of time and returns "everything
    changed". Sentences and statements are few enough to align exactly, and each
    run of differing ones is small enough for the fine diff. The same idea as
    diff-match-patch's line mode, with sentence and statement ends as the lines.
    Where most sentences changed, or a run of differing ones is itself huge, the
    pair is cut at words both sides share instead (``_anchored_diff``).
    """
    codes = _TokenCodes()
    enc_a, lengths_a = _encoded(_chunk_pieces(a), codes)
    enc_b, lengths_b = _encoded(_chunk_pieces(b), codes)
    del codes
    in_b = set(enc_b)
    if sum(code in in_b for code in enc_a) * 2 < len(enc_a):
        # Most sentences were reworded: aligning them would find little, after
        # running out of time on all those differences.
        return _anchored_diff(a, b, options, tuning)
    out: list[tuple[Op, int]] = []
    ia = ib = 0  # chunks consumed on each side
    at_a = at_b = 0  # characters consumed on each side
    gap_a = gap_b = 0  # where the differing text not yet diffed starts

    def diff_gap() -> None:
        if gap_a < at_a or gap_b < at_b:
            if at_a - gap_a + at_b - gap_b > tuning.huge_pair_chars:
                out.extend(_anchored_diff(a[gap_a:at_a], b[gap_b:at_b], options, tuning))
            else:
                out.extend(_fine_diff(a[gap_a:at_a], b[gap_b:at_b], options))

    for op, n in raw_diff_counts(enc_a, enc_b, options.diff_timeout, semantic=False):
        if op is Op.DELETE:
            at_a += sum(lengths_a[ia : ia + n])
            ia += n
        elif op is Op.INSERT:
            at_b += sum(lengths_b[ib : ib + n])
            ib += n
        else:
            diff_gap()
            length = sum(lengths_a[ia : ia + n])
            out.append((Op.EQUAL, length))
            ia, ib, at_a, at_b = ia + n, ib + n, at_a + length, at_b + length
            gap_a, gap_b = at_a, at_b
    diff_gap()
    return out


def _anchored_diff(
    a: str, b: str, options: CompareOptions, tuning: CompareTuning
) -> Iterator[tuple[Op, int]]:
    """A huge pair's diff, cut where runs of words both sides share in order (``anchors``).

    Each piece (some 200 words a side) is diffed on its own, exactly, so
    a paragraph of any size in which every sentence was reworded still gets word
    edits, in time linear in its length.
    """
    codes = _TokenCodes()
    try:
        enc_a, lengths_a = _encoded(_token_pieces(a), codes)
        enc_b, lengths_b = _encoded(_token_pieces(b), codes)
    except ValueError:  # more distinct tokens than there are codes (chr() past U+10FFFF)
        yield from _fine_diff(a, b, options)
        return
    del codes
    cuts = anchor_cuts(enc_a, enc_b)
    by_words = options.granularity is Granularity.WORD
    # Texts with little in common (noise, or unrelated texts) are cut at chance
    # anchors into big pieces that each take Myers its whole timeout, one after
    # another, for an answer no better than this one. Such a piece (no shared run in thousands of
    # tokens on both sides), and any piece past the budget, is a coarse but exact
    # deletion and insertion, as diff-match-patch itself answers when out of time.
    deadline = monotonic() + tuning.anchored_budget * options.diff_timeout
    unrelated = tuning.unrelated_tokens
    at_a = at_b = 0  # characters
    token_a = token_b = 0  # tokens
    for cut_a, cut_b in [*cuts, (len(lengths_a), len(lengths_b))]:
        piece_a, piece_b = lengths_a[token_a:cut_a], lengths_b[token_b:cut_b]
        size_a, size_b = sum(piece_a), sum(piece_b)
        if min(cut_a - token_a, cut_b - token_b) > unrelated or monotonic() > deadline:
            yield from ((op, n) for op, n in ((Op.DELETE, size_a), (Op.INSERT, size_b)) if n)
        elif by_words:  # the tokens are coded already: diff the codes, as ``_word_diff`` would
            codes_a, codes_b = enc_a[token_a:cut_a], enc_b[token_b:cut_b]
            yield from _token_runs(codes_a, codes_b, piece_a, piece_b, options.diff_timeout)
        else:
            yield from _fine_diff(a[at_a : at_a + size_a], b[at_b : at_b + size_b], options)
        at_a, at_b, token_a, token_b = at_a + size_a, at_b + size_b, cut_a, cut_b


def _token_runs(
    codes_a: str, codes_b: str, lengths_a: Sequence[int], lengths_b: Sequence[int], timeout: float
) -> Iterator[tuple[Op, int]]:
    """Character runs of a diff of coded tokens, given each token's length."""
    ia = ib = 0  # tokens consumed on each side
    for op, n in raw_diff_counts(codes_a, codes_b, timeout, semantic=True):
        if op is Op.INSERT:
            yield op, sum(lengths_b[ib : ib + n])
            ib += n
        else:
            yield op, sum(lengths_a[ia : ia + n])
            ia += n
            if op is Op.EQUAL:
                ib += n


def _encoded(pieces: Iterable[list[str]], codes: _TokenCodes) -> tuple[str, array[int]]:
    """Units (tokens, or sentence chunks) as codes, one character a unit, and each one's length.

    Read a piece at a time (``_token_pieces``, ``_chunk_pieces``): only the
    distinct units are held, as the codes' keys, not a string object for each of
    a million tokens (a minified script's chunks are mostly repeats: held as
    strings they took several times the text). Lengths take two bytes a unit while
    every unit is shorter than 64 K characters (a long paragraph has over a million
    tokens, four times the memory as 8-byte lengths), four after. The peaks are in
    ``bench/gui_bench.py --only minified`` and ``--only paragraph``.
    """
    lookup = codes.__getitem__
    encoded: list[str] = []
    lengths: array[int] = array("H")
    for piece in pieces:
        encoded.append("".join(map(lookup, piece)))
        done = len(lengths)
        try:
            lengths.extend(map(len, piece))
        except OverflowError:
            lengths = array("I", lengths[:done])
            lengths.extend(map(len, piece))
    return "".join(encoded), lengths


def _token_pieces(text: str) -> Iterator[list[str]]:
    """``_TOKEN.findall(text)``, a list per piece of about ``CHUNK_PIECE`` characters.

    One regex call over a long paragraph held the GIL long enough to freeze the
    window while its worker diffed (``bench/gui_bench.py --only paragraph``
    reports the longest stall). Pieces end where a word or mark meets white space,
    which is always the end of a token, so the tokens are the same.
    """
    start = 0
    while len(text) - start > CHUNK_PIECE:
        end = _TOKEN_END.search(text, start + CHUNK_PIECE)
        if end is None:
            break
        yield _TOKEN.findall(text, start, end.start())
        start = end.start()
    yield _TOKEN.findall(text, start)


def chunks(text: str) -> list[str]:
    """``_CHUNK.findall(text)``, read a piece of about ``CHUNK_PIECE`` characters at a time."""
    return [chunk for piece in _chunk_pieces(text) for chunk in piece]


def _chunk_pieces(text: str) -> Iterator[list[str]]:
    """``_CHUNK.findall(text)``, a list per piece of about ``CHUNK_PIECE`` characters.

    One regex call over a long line holds the GIL, during which the window
    cannot paint (``bench/gui_bench.py --only single`` reports the longest
    stall); between pieces the UI thread gets its turn. Pieces end where a
    chunk ends, so the chunks are the same; only the whole text's last piece
    keeps the empty match ``$`` gives at its end.
    """
    start = 0
    while len(text) - start > CHUNK_PIECE:
        end = _CHUNK_END.search(text, start + CHUNK_PIECE)
        if end is None:
            break
        yield _CHUNK.findall(text, start, end.end())[:-1]
        start = end.end()
    yield _CHUNK.findall(text, start)


def raw_diff(a: str, b: str, timeout: float, *, semantic: bool) -> list[tuple[Op, str]]:
    """A character diff of two strings, semantically cleaned up when asked."""
    if _fast is not None:
        return [(_OPS[op], text) for op, text in _fast_diff(a, b, timeout, semantic, False)]
    import diff_match_patch as pure  # the fallback: only imported where it is used

    dmp = pure.diff_match_patch()
    dmp.Diff_Timeout = timeout
    diffs = dmp.diff_main(a, b, False)
    if semantic:
        dmp.diff_cleanupSemantic(diffs)
    return [(_OPS[op], text) for op, text in diffs]


def raw_diff_counts(a: str, b: str, timeout: float, *, semantic: bool) -> list[tuple[Op, int]]:
    """``raw_diff`` with each run's length instead of its text.

    For encoded token strings the text of a run is useless (private code points)
    and only its length is read; the C++ library can skip building those strings.
    """
    if _fast is not None:
        return [(_OPS[op], n) for op, n in _fast_diff(a, b, timeout, semantic, True)]
    return [(op, len(text)) for op, text in raw_diff(a, b, timeout, semantic=semantic)]


def _fast_diff(a: str, b: str, timeout: float, semantic: bool, counts_only: bool) -> list[Any]:
    """The C++ library's diff: ``(op, text)`` pairs, or ``(op, length)`` if ``counts_only``."""
    assert _fast is not None
    result: list[Any] = _fast.diff(
        a,
        b,
        timelimit=timeout,
        checklines=False,
        cleanup="Semantic" if semantic else "No",
        counts_only=counts_only,
    )
    return result


class _TokenCodes(dict[str, str]):
    """Token → private character, handing out the next code on first sight.

    Codes go in first-seen order from U+0001 up, skipping the surrogates (not
    characters on their own). The order matters: diff-match-patch's
    semantic cleanup looks at the characters it shifts edits across, so other codes
    could give other (equally exact) edits. A dict subclass keeps the lookup of a
    known token, the common case, in C; only a new token runs this method.
    """

    def __missing__(self, token: str) -> str:
        value = len(self) + 1
        if value >= _SURROGATES.start:
            value += len(_SURROGATES)
        code = self[token] = chr(value)
        return code


def encode_tokens(sequences: list[list[str]]) -> list[str]:
    """Map equal tokens to equal private characters, so a char diff becomes a token diff.

    The codes are ``_TokenCodes``', built in C: a reworded pair has a hundred
    thousand distinct tokens and more over its pairs, and a Python ``__missing__``
    call for each was a good part of its diff (``bench/run.py``); a log aligns as
    many distinct lines as it has.
    """
    values = map(chr, chain(range(1, _SURROGATES.start), range(_SURROGATES.stop, 0x110000)))
    if sum(map(len, sequences)) <= _ENCODE_SLICE:  # a pair's words: all at once
        distinct = dict.fromkeys(chain.from_iterable(sequences))
        codes = dict(zip(distinct, values, strict=False))  # more codes than tokens
        lookup = codes.__getitem__
        return ["".join(map(lookup, tokens)) for tokens in sequences]
    # The lines of a big file: each C call reads a slice, so that the thread doing
    # this lets the window paint in between (a log's lines in one go were a stall).
    distinct = {}
    for tokens in sequences:
        for start in range(0, len(tokens), _ENCODE_SLICE):
            distinct.update(dict.fromkeys(tokens[start : start + _ENCODE_SLICE]))
    if len(distinct) >= _CODE_CAPACITY:
        raise ValueError(f"{len(distinct)} distinct tokens: more than there are codes")
    codes = {}
    keys = iter(distinct)
    while len(codes) < len(distinct):
        codes.update(
            zip(islice(keys, _ENCODE_SLICE), values, strict=False)
        )  # stops before using a value
    lookup = codes.__getitem__
    return [
        "".join(
            "".join(map(lookup, tokens[start : start + _ENCODE_SLICE]))
            for start in range(0, len(tokens), _ENCODE_SLICE)
        )
        for tokens in sequences
    ]


def _word_diff(a: str, b: str, timeout: float) -> list[tuple[Op, int]]:
    tokens_a, tokens_b = _TOKEN.findall(a), _TOKEN.findall(b)
    if len(tokens_a) + len(tokens_b) >= _CODE_CAPACITY - 1:
        return raw_diff_counts(a, b, timeout, semantic=True)
    enc_a, enc_b = encode_tokens([tokens_a, tokens_b])
    out: list[tuple[Op, int]] = []
    ia = ib = 0  # tokens consumed on each side
    # The length of a run's joined tokens measures as fast as cumulative offsets,
    # which would hold an int object per token (40 bytes each) while the pair is diffed.
    for op, n in raw_diff_counts(enc_a, enc_b, timeout, semantic=True):
        if op is Op.INSERT:
            out.append((op, len("".join(tokens_b[ib : ib + n]))))
            ib += n
        else:
            out.append((op, len("".join(tokens_a[ia : ia + n]))))
            ia += n
            if op is Op.EQUAL:
                ib += n
    return out


def _restore_original(raw: Iterable[tuple[Op, int]], a: str, b: str) -> Iterator[Run]:
    """Turn a diff of folded keys back into edits of the original texts.

    Folds keep lengths, so offsets carry over; inside an EQUAL run the originals
    may still differ (case, quotes), which becomes an ignored DELETE + INSERT.
    """
    ia = ib = 0
    for op, n in raw:
        if op is Op.DELETE:
            yield Op.DELETE, n, False
            ia += n
        elif op is Op.INSERT:
            yield Op.INSERT, n, False
            ib += n
        else:
            yield from _split_folded_equal(a[ia : ia + n], b[ib : ib + n])
            ia += n
            ib += n


def _split_folded_equal(a: str, b: str) -> Iterator[Run]:
    """Runs of same-length texts, equal once folded: ignored changes where they differ."""
    if a == b:
        yield Op.EQUAL, len(a), False
        return
    start = 0
    same = a[0] == b[0]
    for i in range(1, len(a) + 1):
        now_same = i < len(a) and a[i] == b[i]
        if i == len(a) or now_same != same:
            if same:
                yield Op.EQUAL, i - start, False
            else:
                yield Op.DELETE, i - start, True
                yield Op.INSERT, i - start, True
            start, same = i, now_same


def _mark_whitespace(runs: Iterable[Run], a: str, b: str) -> Iterator[Run]:
    """Ignore insertions and deletions of white space only (re-wrapped lines, doubled spaces)."""
    ia = ib = 0
    for op, n, ignored in runs:
        if op is Op.EQUAL:
            ia += n
            ib += n
            yield op, n, ignored
            continue
        if op is Op.DELETE:
            text = a[ia : ia + n]
            ia += n
        else:
            text = b[ib : ib + n]
            ib += n
        yield op, n, ignored or text.isspace()


def _tidy(runs: Iterable[Run]) -> Iterator[Run]:
    """Deletions before insertions in each change, like neighbours merged, empty runs dropped.

    Yielded as they are made, so that no list of a huge pair's runs is held.
    """
    last: Run | None = None  # the run being merged into, yielded when another comes
    for run in _deletions_first(runs):
        if not run[1]:
            continue
        if last is not None and last[0] is run[0] and last[2] == run[2]:
            last = (run[0], last[1] + run[1], run[2])
        else:
            if last is not None:
                yield last
            last = run
    if last is not None:
        yield last


def rebuild(edits: Sequence[Edit], side: Op) -> str:
    """The text of one side (``Op.DELETE`` for A, ``Op.INSERT`` for B) from its edits."""
    return "".join(
        text for op, text, _ignored in text_runs_of(edits) if op is Op.EQUAL or op is side
    )


def similarity(edits: Sequence[Edit]) -> float:
    """Share of characters kept: ``2 * kept / (len(a) + len(b))``; ignored edits count as kept."""
    kept = changed = 0
    for op, n, ignored in runs_of(edits):
        if op is Op.EQUAL:
            kept += 2 * n
        elif ignored:
            kept += n
        else:
            changed += n
    total = kept + changed
    return 1.0 if total == 0 else kept / total
