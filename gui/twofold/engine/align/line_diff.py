# SPDX-License-Identifier: GPL-3.0-or-later
"""Which lines of A match which lines of B: git's histogram diff, for ``--diff``.

Why histogram and not Myers: Myers' cost grows with the product of the file
size and the number of changed lines, so a file where every line differs took
a 10 s timeout to give up (issue 16). The histogram diff (JGit's, as in git's
``xdiff/xhistogram.c``) anchors on the rarest line the two sides share, extends
that match both ways and recurses on both sides of it: on files with few common
lines it is linear, and anchoring on rare lines (a function's signature, not its
``}``) gives the hunks a reader expects from ``git diff --histogram`` (the
changes are then slid as git slides them, :mod:`twofold.engine.align.change_slide`).

As in git, a region where every shared line is frequent (more than
``CompareTuning.rare_line_copies`` copies in A, such as blank lines and braces
only) falls back to Myers: diff-match-patch's C++ Myers on the lines encoded as
characters, in pieces of at most ``CompareTuning.piece_lines`` lines a side, so
that a large region of a few distinct lines costs milliseconds per piece instead
of a quadratic search.

Constraints: pure, no I/O, no Qt. Lines are any hashable values (the unified
diff passes raw ``bytes`` lines); equal values match, nothing else does.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass

from twofold.engine.align.change_slide import next_flag, slide_changes
from twofold.engine.inline.raw_diff import raw_diff_counts
from twofold.engine.result.kinds import Op
from twofold.engine.tuning import DEFAULT_COMPARE_TUNING, CompareTuning

__all__ = ["LineRun", "line_runs"]

#: seconds one fallback piece may search before diff-match-patch settles for a
#: coarser (still exact) diff; a piece of ``piece_lines`` lines never needs it
_PIECE_TIMEOUT = 0.5
#: code points a fallback piece can give its distinct lines (surrogates left out)
_SURROGATES = range(0xD800, 0xE000)

#: ``(a_start, b_start, length)``: ``a[a_start:a_start+length] == b[b_start:...]``
_Match = tuple[int, int, int]
#: a half-open region ``a[a_lo:a_hi]`` against ``b[b_lo:b_hi]``
_Region = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class LineRun:
    """Lines ``a[a_start:a_stop]`` and ``b[b_start:b_stop]``: equal, or one change.

    A change may be one-sided (a deletion has ``b_start == b_stop``).
    """

    a_start: int
    a_stop: int
    b_start: int
    b_stop: int
    equal: bool

    def __post_init__(self) -> None:
        if not (0 <= self.a_start <= self.a_stop and 0 <= self.b_start <= self.b_stop):
            raise ValueError(f"bad line run {self}")
        if self.equal and self.a_stop - self.a_start != self.b_stop - self.b_start:
            raise ValueError(f"an equal run has the same length on both sides: {self}")


def line_runs(
    a: Sequence[Hashable], b: Sequence[Hashable], tuning: CompareTuning = DEFAULT_COMPARE_TUNING
) -> list[LineRun]:
    """Alternating equal and changed runs that cover both sequences, in order.

    No two changed runs are adjacent and no run is empty. ``tuning`` says which
    lines are too frequent to anchor on and how the Myers fallback cuts a region.
    """
    ids: dict[Hashable, int] = {}
    ids_a = [ids.setdefault(line, len(ids)) for line in a]
    ids_b = [ids.setdefault(line, len(ids)) for line in b]
    changed_a, changed_b = [True] * len(a), [True] * len(b)
    for a_start, b_start, length in _matches(_Sides(ids_a, ids_b, tuning), tuning):
        changed_a[a_start : a_start + length] = [False] * length
        changed_b[b_start : b_start + length] = [False] * length
    slide_changes(ids_a, changed_a, changed_b)
    slide_changes(ids_b, changed_b, changed_a)
    return list(_runs(changed_a, changed_b))


def _runs(changed_a: list[bool], changed_b: list[bool]) -> Iterator[LineRun]:
    """The runs that the changed-line flags of both sides describe.

    Unchanged lines pair up in order, so the k-th unchanged line of A faces the
    k-th of B; between two pairs lies at most one change. The flags are searched
    with ``list.index`` (in C): a big file has a run every few lines.
    """
    i = j = 0
    while i < len(changed_a) or j < len(changed_b):
        stop_a, stop_b = next_flag(changed_a, False, i), next_flag(changed_b, False, j)
        if stop_a > i or stop_b > j:
            yield LineRun(i, stop_a, j, stop_b, equal=False)
            i, j = stop_a, stop_b
        n = min(next_flag(changed_a, True, i) - i, next_flag(changed_b, True, j) - j)
        if n:
            yield LineRun(i, i + n, j, j + n, equal=True)
            i, j = i + n, j + n


class _Sides:
    """Both sides' line ids and what every region's search reads, computed once.

    Why: rebuilding a region's line index, as git does, costs the region's
    length, and a log whose every hundredth line changed splits into as many
    regions as changes, each a little shorter than the last: quadratic. Here a
    line's positions in A are listed once (a region's copies are two bisections)
    and ``longest_after[j]`` bounds the length of any match found at B's line
    ``j`` or later, so a search that holds a match of one-copy lines at least
    that long stops: nothing after it could win.
    """

    __slots__ = ("a", "b", "longest_after", "positions")

    def __init__(self, a: list[int], b: list[int], tuning: CompareTuning) -> None:
        self.a, self.b = a, b
        self.positions: dict[int, list[int]] = {}
        for i, line in enumerate(a):
            self.positions.setdefault(line, []).append(i)
        self.longest_after = _longest_after(a, b, self.positions, tuning.rare_line_copies + 1)

    def copies(self, line: int, a_lo: int, a_hi: int) -> int:
        """How many times ``line`` occurs in ``a[a_lo:a_hi]``."""
        found = self.positions.get(line)
        if found is None:
            return 0
        if len(found) == 1:
            return 1 if a_lo <= found[0] < a_hi else 0
        return bisect_left(found, a_hi) - bisect_left(found, a_lo)


def _longest_after(
    a: list[int], b: list[int], positions: dict[int, list[int]], max_copies: int
) -> list[int]:
    """For each line of B, the longest match that a search can find there or further on.

    A match found at ``b[j]`` lies in the whole files' run of equal lines
    through that pair (a region only cuts it shorter), so the run's length,
    counted at its last B line, bounds it. A line with more than ``max_copies``
    copies in A is not followed up: from it on back nothing is bounded. Each
    run is walked once, from the first of its pairs that is followed up.
    """
    unbounded = len(a) + len(b) + 1
    bound = [0] * (len(b) + 1)
    run_stop: dict[int, int] = {}  # diagonal ``i - j``: the B stop of the run walked last
    for j, line in enumerate(b):
        starts = positions.get(line, ())
        if len(starts) > max_copies:
            bound[j] = unbounded
            continue
        for i in starts:
            if run_stop.get(i - j, -1) > j:
                continue  # inside a run already walked
            start_i, start_j, stop_i, stop_j = i, j, i + 1, j + 1
            while start_i and start_j and a[start_i - 1] == b[start_j - 1]:
                start_i, start_j = start_i - 1, start_j - 1
            while stop_i < len(a) and stop_j < len(b) and a[stop_i] == b[stop_j]:
                stop_i, stop_j = stop_i + 1, stop_j + 1
            run_stop[i - j] = stop_j
            bound[stop_j - 1] = max(bound[stop_j - 1], stop_j - start_j)
    for j in range(len(b) - 1, -1, -1):
        bound[j] = max(bound[j], bound[j + 1])
    return bound


def _matches(sides: _Sides, tuning: CompareTuning) -> Iterator[_Match]:
    """Matching blocks of the histogram diff, in no particular order.

    A work list instead of recursion: an unlucky file can split into as many
    regions as it has lines, deeper than Python's stack.
    """
    a, b = sides.a, sides.b
    todo: list[_Region] = [(0, len(a), 0, len(b))]
    while todo:
        a_lo, a_hi, b_lo, b_hi = todo.pop()
        prefix = _common_prefix(a, b, a_lo, a_hi, b_lo, b_hi)
        if prefix:
            yield (a_lo, b_lo, prefix)
            a_lo, b_lo = a_lo + prefix, b_lo + prefix
        suffix = _common_suffix(a, b, a_lo, a_hi, b_lo, b_hi)
        if suffix:
            yield (a_hi - suffix, b_hi - suffix, suffix)
            a_hi, b_hi = a_hi - suffix, b_hi - suffix
        if a_lo == a_hi or b_lo == b_hi:
            continue
        found = _longest_rare_match(sides, (a_lo, a_hi, b_lo, b_hi), tuning.rare_line_copies)
        if found is None:
            continue  # nothing in common: one change
        if found is _FALL_BACK:
            yield from _myers_matches(a, b, (a_lo, a_hi, b_lo, b_hi), tuning.piece_lines)
            continue
        a_start, b_start, length = found
        yield found
        todo.append((a_start + length, a_hi, b_start + length, b_hi))
        todo.append((a_lo, a_start, b_lo, b_start))


def _common_prefix(a: list[int], b: list[int], a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> int:
    n, limit = 0, min(a_hi - a_lo, b_hi - b_lo)
    while n < limit and a[a_lo + n] == b[b_lo + n]:
        n += 1
    return n


def _common_suffix(a: list[int], b: list[int], a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> int:
    n, limit = 0, min(a_hi - a_lo, b_hi - b_lo)
    while n < limit and a[a_hi - 1 - n] == b[b_hi - 1 - n]:
        n += 1
    return n


#: ``_longest_rare_match``'s answer when only frequent lines are shared
_FALL_BACK: _Match = (-1, -1, -1)


def _longest_rare_match(sides: _Sides, region: _Region, max_copies: int) -> _Match | None:
    """The match to split the region at: git's ``find_lcs``.

    Every occurrence in B of a line that A's region holds at most
    ``max_copies`` times is extended both ways while the lines agree; the
    match whose rarest line is rarest wins, a longer one on a tie. None when the
    sides share no line, ``_FALL_BACK`` when they share only frequent ones.
    The search ends early once a match of one-copy lines is as long as any
    still ahead (``_Sides.longest_after``): the answer is the same.
    """
    a, b, positions, longest_after = sides.a, sides.b, sides.positions, sides.longest_after
    a_lo, a_hi, b_lo, b_hi = region
    best: _Match | None = None
    best_count = max_copies + 1
    shared = False
    j = b_lo
    while j < b_hi:
        if best_count == 1 and best is not None and best[2] >= longest_after[j]:
            break  # no match ahead is rarer or longer
        copies = sides.copies(b[j], a_lo, a_hi)
        next_j = j + 1
        if copies:
            shared = True
        if not copies or copies > best_count:
            j = next_j
            continue
        found = positions[b[j]]
        k = bisect_left(found, a_lo)
        i = found[k]
        while i != -1:
            start_a, start_b, stop_a, stop_b = i, j, i + 1, j + 1
            rarest = copies
            while start_a > a_lo and start_b > b_lo and a[start_a - 1] == b[start_b - 1]:
                start_a, start_b = start_a - 1, start_b - 1
                rarest = min(rarest, sides.copies(a[start_a], a_lo, a_hi))
            while stop_a < a_hi and stop_b < b_hi and a[stop_a] == b[stop_b]:
                rarest = min(rarest, sides.copies(a[stop_a], a_lo, a_hi))
                stop_a, stop_b = stop_a + 1, stop_b + 1
            next_j = max(next_j, stop_b)
            length = stop_a - start_a
            if best is None or length > best[2] or rarest < best_count:
                best, best_count = (start_a, start_b, length), rarest
            k += 1  # an occurrence inside this match adds nothing
            while k < len(found) and found[k] < stop_a:
                k += 1
            i = found[k] if k < len(found) and found[k] < a_hi else -1
        j = next_j
    if best is None or best_count > max_copies:
        return _FALL_BACK if shared else None
    return best


def _myers_matches(
    a: list[int], b: list[int], region: _Region, piece_lines: int
) -> Iterator[_Match]:
    """Matching blocks of a region whose shared lines are all frequent, by Myers in pieces.

    The pieces cut both sides at the same fractions, so a line can only match
    within its piece: exact, and close to minimal on the repetitive text that
    gets here (the region has at most a few distinct shared lines per 64).
    """
    a_lo, a_hi, b_lo, b_hi = region
    pieces = -(-max(a_hi - a_lo, b_hi - b_lo) // piece_lines)
    for k in range(pieces):
        i, j = a_lo + (a_hi - a_lo) * k // pieces, b_lo + (b_hi - b_lo) * k // pieces
        i_end = a_lo + (a_hi - a_lo) * (k + 1) // pieces
        j_end = b_lo + (b_hi - b_lo) * (k + 1) // pieces
        yield from _piece_matches(a[i:i_end], b[j:j_end], i, j)


def _piece_matches(a: list[int], b: list[int], i: int, j: int) -> Iterator[_Match]:
    """Myers on one piece, its lines encoded as characters; positions offset by ``i``, ``j``."""
    codes: dict[int, str] = {}
    for line in a:
        if line not in codes:
            value = len(codes) + 1
            codes[line] = chr(value + len(_SURROGATES) if value >= _SURROGATES.start else value)
    text_a = "".join(codes[line] for line in a)
    text_b = "".join(codes.get(line, "\0") for line in b)  # B's own lines match nothing
    for op, n in raw_diff_counts(text_a, text_b, _PIECE_TIMEOUT, semantic=False):
        if op is Op.EQUAL:
            yield (i, j, n)
        if op is not Op.INSERT:
            i += n
        if op is not Op.DELETE:
            j += n
