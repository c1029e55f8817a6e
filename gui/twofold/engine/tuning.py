# SPDX-License-Identifier: GPL-3.0-or-later
"""The pure stages' tuning: where a stage changes strategy, and how often it looks up.

Why frozen values, passed in: these limits were module constants that tests
patched to reach a strategy with small inputs (the Myers fallback of the line
diff, a huge pair's sentence-first diff). A test now builds its own value and
hands it to ``pipeline.compare`` (``CompareTuning``) or to the view preparation
(``GeometryTuning``); every other caller takes the defaults defined here, once.

Constraints: the defaults are the measured ones (each field names its bench). A
``CompareTuning`` can change which strategy diffs a pathological input, so
``--json`` and the helper process (``engine.parallel``) always use the default;
a ``GeometryTuning`` changes only when work is done, never what is shown.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CompareTuning:
    """Limits of the alignment and the inline diff, and the refiner's cancel granularity."""

    #: Lines with more copies than this in A's region never anchor a line-diff match
    #: (git's 64): such a region falls back to Myers in pieces (``align.line_diff``).
    rare_line_copies: int = 64
    #: The Myers fallback diffs a region in pieces of at most this many lines a side; its
    #: cost is quadratic, so small pieces keep the every-line-differs pair quick
    #: (``bench/run.py``'s ``--diff`` and ``--stat`` table).
    piece_lines: int = 256
    #: Pairs of files with more paragraphs than this (both sides) are cut at the runs of
    #: paragraphs both sides share before Myers diffs what lies between (``align.key_diff``):
    #: Myers over the whole of a big file spent most of its alignment on a few thousand
    #: changes (``bench/corpus_speed.py``).
    cut_keys: int = 10_000
    #: Keys a Myers diff of the paragraphs may have to change: its time grows with their
    #: square. Where the runs both sides share leave more changes than this (a file of
    #: one-letter lines against another, ``bench/line_pair.py``), the histogram diff gives
    #: the anchors.
    myers_max_changes: int = 10_000
    #: Pairs longer than this (both sides, characters) are aligned by sentences first,
    #: then diffed word by word where they differ (``inline.chardiff``).
    huge_pair_chars: int = 200_000
    #: An anchored diff's pieces (a huge pair whose sentences were mostly reworded) get
    #: this many ``CompareOptions.diff_timeout``\ s together; pieces past it are shown
    #: deleted and inserted, as diff-match-patch answers when out of time.
    anchored_budget: float = 2.0
    #: An anchored piece with more tokens than this on both sides shares no run of words
    #: with its counterpart in all that text: it is shown deleted and inserted, not diffed
    #: (``bench/gui_bench.py --only paragraph``; unrelated text took Myers' whole timeout).
    unrelated_tokens: int = 8000
    #: Tokens in a run that anchors a cut of a huge pair (words and the spaces between
    #: them: 4 words, 2). The long runs are unique where words repeat a lot; the short
    #: ones fit between changes that come every few words (``inline.anchors``).
    anchor_run_tokens: tuple[int, ...] = (8, 4)
    #: Cuts of a huge pair are at least this many tokens apart on one side (pieces of
    #: ~1,000 words, each diffed exactly and quickly).
    anchor_spacing_tokens: int = 400
    #: Characters one regex call reads at most when a long text is cut into tokens or
    #: sentences: one call over a long line held the GIL long enough to freeze the window
    #: while its worker diffed (``bench/gui_bench.py --only paragraph``, ``--only single``).
    unit_piece_chars: int = 1 << 16
    #: Tokens ``raw_diff.encode_tokens`` codes in one C call at most: a log's lines coded
    #: in one go were a stall of the window (``bench/gui_bench.py``).
    encode_slice_tokens: int = 1 << 15
    #: Pairs a local refiner diffs between two looks at the cancel flag (``refiner``).
    jobs_per_check: int = 64


@dataclass(frozen=True, slots=True)
class GeometryTuning:
    """What the worker prepares for the view, and how the UI thread estimates in slices."""

    #: Changes with more edits than this have their highlight ranges computed by the
    #: worker (a one-line change can have tens of thousands: ``bench/gui_bench.py
    #: --only single``); smaller ones are computed when a pane paints them.
    big_change_edits: int = 2000
    #: Blocks ``overview_estimate.LineEstimate.advance`` estimates in one call on the
    #: UI thread: a short slice of a log's blocks (``bench/gui_bench.py``'s longest stall).
    estimate_slice_blocks: int = 1 << 15


#: The measured tuning of the stages, for every caller given no other.
DEFAULT_COMPARE_TUNING = CompareTuning()
#: The measured tuning of the view preparation, for every caller given no other.
DEFAULT_GEOMETRY_TUNING = GeometryTuning()
