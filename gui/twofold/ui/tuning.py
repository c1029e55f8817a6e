# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's tuning: how much work one event-loop turn does, and when work waits a turn.

Why one frozen value, passed in: these thresholds were module constants in
nine modules that tests patched to make a small pair take the path of a big
one (a fill in slices, a list filled a turn later, a search in chunks). A
``ViewTuning`` is given to ``MainWindow`` (``DEFAULT_VIEW_TUNING`` unless a
test gives another) and handed down explicitly to the worker, the panes, the
overview, the changes list, find and the syntax colours; a test builds its own
instead of patching.

Constraints: the defaults are the measured ones (each field names its bench);
the tuning changes only when the window does its work, never what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from twofold.engine.tuning import DEFAULT_GEOMETRY_TUNING, GeometryTuning


@dataclass(frozen=True, slots=True)
class ViewTuning:
    """Slices and deferrals of the window's work on the UI thread, and the worker's split."""

    #: Characters put into a pane at once before the first paint (``panes.pane_fill``).
    fill_first_chars: int = 50_000
    #: Characters per later slice of a pane's fill (``bench/reveal_bench.py`` prints
    #: the longest slice).
    fill_slice_chars: int = 500_000
    #: Lines per slice at most: each block costs time to make, so a slice of short
    #: source lines took several times ``fill_slice_seconds``.
    fill_slice_lines: int = 4_000
    #: What a slice should take; a slower one makes the next ones smaller (a log's
    #: lines can be slower still), down to ``fill_min_scale`` of the above.
    fill_slice_seconds: float = 0.025
    fill_min_scale: float = 1 / 16
    #: From this many blocks a relayout after a width change is a noticeable stall
    #: (``bench/gui_actions.py``) and waits for the resizing to stop (``panes.width_relayout``).
    relayout_defer_blocks: int = 20_000
    #: Above this many changes the overview's marks are rendered in later turns
    #: (``panes.overview_map``) ...
    overview_later_changes: int = 500
    #: ... or when a pane has more blocks than this.
    overview_later_blocks: int = 20_000
    #: Changes whose overview strip rows one later turn works out (a log's 25,000 at
    #: once were a long stall: ``bench/gui_bench.py --only log``).
    overview_rows_slice: int = 4096
    #: Longer changes lists are filled in the turn after the panes show the result.
    list_later_changes: int = 500
    #: Characters case-folded at a time when a text cannot be folded whole (``find.text_search``).
    search_chunk_chars: int = 1 << 20
    #: Characters one step of a find with options reads (``find.text_search.Search``): a
    #: regular expression reads them in C, but a slow one over a 13 MB text held the
    #: window for over a second (``bench/find_bench.py``'s longest stall).
    search_piece_chars: int = 1 << 18
    #: How long find may hold the window per turn, a keystroke's worth; the rest of
    #: the search goes on in later turns (``find.find_bar``; ``bench/find_bench.py``'s
    #: keystroke column).
    search_turn_seconds: float = 0.02
    #: Lines of a code pane lexed before its text goes in, so the first screen comes
    #: coloured (``panes.syntax_highlighter``; ``bench/syntax_bench.py``'s first screen).
    lex_first_lines: int = 200
    #: Characters lexed a step; steps go on within a turn while under ``lex_step_seconds``,
    #: so scrolling stays smooth while Pygments works (``bench/syntax_bench.py``).
    lex_piece_chars: int = 4_000
    lex_step_seconds: float = 0.012
    #: How far from the screen (ahead of it, or behind it) the lexing runs by itself:
    #: a big file is lexed as far as it is read, not to its end (``bench/syntax_bench.py``
    #: prints how far the lexing got by the first screen).
    lex_ahead_chars: int = 500_000
    #: Matches highlighted and walked per pane at most (the count says when there are more).
    max_matches: int = 5000
    #: Inputs this big (both sides, characters) are shown aligned first and refined
    #: after, so the panes fill while a big reworded pair's inline diffs still run (``worker``).
    coarse_first_chars: int = 400_000
    #: Pairs up to this many characters (both sides) are diffed on the UI thread when
    #: they come on screen before the refined result arrives; bigger ones wait for the
    #: worker, which a diff on the UI thread would hold the window for (``panes.spans``;
    #: ``bench/gui_bench.py``'s longest stall).
    on_screen_refine_chars: int = 20_000
    #: What the worker prepares for the view, and the overview estimate's slice.
    geometry: GeometryTuning = DEFAULT_GEOMETRY_TUNING


#: The measured tuning, for every window given no other.
DEFAULT_VIEW_TUNING = ViewTuning()
