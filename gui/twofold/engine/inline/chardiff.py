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

from collections.abc import Iterable, Iterator, Sequence
from time import monotonic

from twofold.engine.inline.anchors import anchor_cuts
from twofold.engine.inline.raw_diff import TokenCodes, raw_diff_counts
from twofold.engine.inline.units import chunk_pieces, encoded_units, token_pieces
from twofold.engine.inline.word_diff import middles, replaces, token_diff, word_diff
from twofold.engine.result.edit_runs import EditRuns, Run, runs_of, text_runs_of
from twofold.engine.result.kinds import Granularity, Op
from twofold.engine.result.model import CompareOptions, Edit
from twofold.engine.segment.normalize import fold_same_length, folds_anything
from twofold.engine.tuning import DEFAULT_COMPARE_TUNING, CompareTuning

_FLIPPED = {Op.DELETE: Op.INSERT, Op.EQUAL: Op.EQUAL, Op.INSERT: Op.DELETE}

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
    plain = not (options.ignore_whitespace or folds_anything(options))
    by_words = plain and options.granularity is Granularity.WORD
    if by_words and len(a) + len(b) <= tuning.huge_pair_chars:
        return _plain_word_edits(a, b, options.diff_timeout, tuning)
    return _edits(a, b, options, tuning)


def _edits(a: str, b: str, options: CompareOptions, tuning: CompareTuning) -> EditRuns:
    """``inline_edits`` of texts that differ, by the stages every pair can take."""
    if a > b:
        return EditRuns.pack(_mirrored(_directed_runs(b, a, options, tuning)), a, b)
    return EditRuns.pack(_directed_runs(a, b, options, tuning), a, b)


def _plain_word_edits(a: str, b: str, timeout: float, tuning: CompareTuning) -> EditRuns:
    """``_edits`` of a pair diffed word by word, nothing folded or ignored: most pairs.

    Why apart: where the middles share no token (``word_diff.replaced``), the edits are
    known in either direction (the middle of A deleted, that of B inserted) and
    are packed at once, without the stages that tidy and mirror runs.
    """
    head, tail, mid_a, mid_b = middles(a, b)
    if replaces(a, b, mid_a, mid_b):
        return EditRuns.replacement(a, b, head, tail)
    if a > b:
        raw = token_diff(b, a, (head, tail), (mid_b, mid_a), timeout, tuning)
        return EditRuns.pack(_mirrored(_tidy((op, n, False) for op, n in raw)), a, b)
    raw = token_diff(a, b, (head, tail), (mid_a, mid_b), timeout, tuning)
    return EditRuns.pack(_tidy((op, n, False) for op, n in raw), a, b)


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
        raw = fine_diff(ka, kb, options, tuning)
    # Every stage below reads the one before as it goes: a huge pair's runs as a
    # list of tuples are big, and each stage held one more.
    # Where nothing was folded, the runs of the keys are the runs of the texts.
    unfolded = ka == a and kb == b
    runs: Iterable[Run] = (
        ((op, n, False) for op, n in raw) if unfolded else restore_original(raw, a, b)
    )
    if options.ignore_whitespace:
        runs = _mark_whitespace(runs, a, b)
    return _tidy(runs)


def fine_diff(
    a: str, b: str, options: CompareOptions, tuning: CompareTuning = DEFAULT_COMPARE_TUNING
) -> list[tuple[Op, int]]:
    """``(op, length)`` runs turning ``a`` into ``b``, word by word or character by character.

    What ``inline_edits`` tidies, for a pair below ``tuning.huge_pair_chars``.
    """
    if options.granularity is Granularity.WORD:
        return word_diff(a, b, options.diff_timeout, tuning)
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
    codes = TokenCodes()
    enc_a, lengths_a = encoded_units(chunk_pieces(a, tuning.unit_piece_chars), codes)
    enc_b, lengths_b = encoded_units(chunk_pieces(b, tuning.unit_piece_chars), codes)
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
                out.extend(fine_diff(a[gap_a:at_a], b[gap_b:at_b], options, tuning))

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
    codes = TokenCodes()
    try:
        enc_a, lengths_a = encoded_units(token_pieces(a, tuning.unit_piece_chars), codes)
        enc_b, lengths_b = encoded_units(token_pieces(b, tuning.unit_piece_chars), codes)
    except ValueError:  # more distinct tokens than there are codes (chr() past U+10FFFF)
        yield from fine_diff(a, b, options, tuning)
        return
    del codes
    cuts = anchor_cuts(enc_a, enc_b, tuning)
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
        elif by_words:  # the tokens are coded already: diff the codes, as ``word_diff`` would
            codes_a, codes_b = enc_a[token_a:cut_a], enc_b[token_b:cut_b]
            yield from _token_runs(codes_a, codes_b, piece_a, piece_b, options.diff_timeout)
        else:
            yield from fine_diff(a[at_a : at_a + size_a], b[at_b : at_b + size_b], options, tuning)
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


def restore_original(raw: Iterable[tuple[Op, int]], a: str, b: str) -> Iterator[Run]:
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
    if isinstance(edits, EditRuns):
        kept, changed, ignored_changes = edits.sizes()
        total = kept + ignored_changes + changed
        return 1.0 if total == 0 else (kept + ignored_changes) / total
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
