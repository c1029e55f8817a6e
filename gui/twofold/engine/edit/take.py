# SPDX-License-Identifier: GPL-3.0-or-later
"""Taking a change from one side to the other, as text splices computed from a DiffResult.

What a take does (Meld's arrows, Word's accept and reject): the target side's
text of one pair becomes the source side's. A changed pair swaps its span; a
paragraph only the source has is put in before the target's next paired
paragraph (after its last one at the end), with the blank lines that follow it
in the source; a paragraph only the target has goes, with the blank lines after
it; a moved paragraph goes from where it stands and comes in where the source
has it. The blank lines between paragraphs that both sides pair are layout
(``layout_of``), not a change: ``take_gaps`` takes those, so that taking every
change and the gaps gives the source's text exactly.

A word edit is a run of edits inside a changed pair between two unchanged
stretches; taking one changes only its characters.

A take is a ``Take``: splices over the target's text as the result holds it,
which the window applies in one undoable step.

Constraints: pure, no Qt; offsets are code points into the result's texts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from twofold.engine.result.edit_runs import runs_of
from twofold.engine.result.kinds import Op, PairKind, Side, Unit
from twofold.engine.result.model import DiffResult, Pair
from twofold.engine.result.spans import Span

__all__ = [
    "Splice",
    "Take",
    "WordEdit",
    "take_change",
    "take_gaps",
    "take_word",
    "undone",
    "word_edits",
]


@dataclass(frozen=True, slots=True)
class Splice:
    """``text[start:end]`` of the target becomes ``new``."""

    start: int
    end: int
    new: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad splice [{self.start}, {self.end})")


@dataclass(frozen=True, slots=True)
class Take:
    """What one take changes: splices of one side's text, sorted and apart."""

    side: Side
    splices: tuple[Splice, ...]

    def __post_init__(self) -> None:
        for first, second in pairwise(self.splices):
            if (second.start, second.end) < (first.start, first.end) or second.start < first.end:
                raise ValueError("splices must be sorted and apart")

    def apply(self, text: str) -> str:
        """``text`` with every splice made."""
        parts: list[str] = []
        pos = 0
        for splice in self.splices:
            parts += (text[pos : splice.start], splice.new)
            pos = splice.end
        parts.append(text[pos:])
        return "".join(parts)

    def __bool__(self) -> bool:
        return any(s.start != s.end or s.new for s in self.splices)


@dataclass(frozen=True, slots=True)
class WordEdit:
    """One edit inside a changed pair: its characters on each side (one may be empty)."""

    a: Span
    b: Span

    def span(self, side: Side) -> Span:
        return self.a if side is Side.A else self.b


def _take(side: Side, splices: Sequence[Splice]) -> Take:
    return Take(side, tuple(sorted(splices, key=lambda s: (s.start, s.end))))


def take_change(result: DiffResult, pair: Pair, to: Side) -> Take:
    """The splices of side ``to`` that make ``pair`` there what the other side has.

    Raises:
        ValueError: ``pair`` is not one of ``result``'s.
    """
    if pair not in result.pairs:
        raise ValueError("the pair is not one of this comparison's")
    source = to.other
    has_to, has_from = bool(pair.indices(to)), bool(pair.indices(source))
    if pair.kind is PairKind.EQUAL:
        return Take(to, ())
    if pair.kind is PairKind.MOVED:
        return _take(to, [_removal(result, pair, to), _insertion(result, pair, to)])
    if has_to and has_from:
        span_to, span_from = result.span_of(pair, to), result.span_of(pair, source)
        assert span_to is not None
        assert span_from is not None
        new = result.document(source).text[span_from.start : span_from.end]
        return Take(to, (Splice(span_to.start, span_to.end, new),))
    if has_to:
        return Take(to, (_removal(result, pair, to),))
    return Take(to, (_insertion(result, pair, to),))


def _removal(result: DiffResult, pair: Pair, side: Side) -> Splice:
    """Take ``pair``'s paragraphs out of ``side`` with the blank lines after them
    (before them, for the last paragraph)."""
    segs, idx = result.segments(side), pair.indices(side)
    first, last = idx[0], idx[-1]
    if last + 1 < len(segs):
        return Splice(segs[first].start, segs[last + 1].start, "")
    if first > 0:
        return Splice(segs[first - 1].end, segs[last].end, "")
    end = segs[last].end  # the only one: a line goes with its line end, else it stays a unit
    if result.unit is Unit.LINES and result.document(side).text[end : end + 1] == "\n":
        end += 1
    return Splice(segs[first].start, end, "")


def _insertion(result: DiffResult, pair: Pair, to: Side) -> Splice:
    """Put the source's paragraphs of ``pair`` into ``to`` where the source has them."""
    source = to.other
    text_from, segs_from = result.document(source).text, result.segments(source)
    idx = pair.indices(source)
    first, last = idx[0], idx[-1]
    body = text_from[segs_from[first].start : segs_from[last].end]
    segs_to = result.segments(to)
    after, before = _anchors(result, to, first, last)
    if after is not None:  # in front of the next paired paragraph, with the blank lines after
        gap = _gap_after(result, source, last) or _gap_before(result, source, first)
        at = segs_to[after].start
        return Splice(at, at, body + gap)
    if before is not None:  # after the last paired paragraph, with the blank lines before
        gap = _gap_before(result, source, first) or _gap_after(result, source, last)
        at = segs_to[before].end
        return Splice(at, at, gap + body)
    if len(segs_to):  # nothing is paired: in front of the side's first paragraph
        gap = _gap_after(result, source, last) or _separator(result)
        at = segs_to[0].start
        return Splice(at, at, body + gap)
    text_to = result.document(to).text  # no paragraph at all: the source's from start to end
    return Splice(0, len(text_to), text_from[: segs_from[last].end] + text_to)


def _anchors(result: DiffResult, to: Side, first: int, last: int) -> tuple[int | None, int | None]:
    """The paragraph of ``to`` paired next after source paragraph ``last``, and the one
    paired last before ``first`` (indices into ``to``'s segments).

    Both are read from the unmoved pairs, except that a moved paragraph which the
    source has after the taken one and ``to`` has between those two anchors comes
    first: put in after it, the taken paragraph would stand on the wrong side of a
    move, and a short paragraph (too short to travel as a move) would then read as
    deleted and inserted again, so that taking every change never ended.
    """
    source = to.other
    after: int | None = None
    before: int | None = None
    moved_after: list[int] = []
    for pair in result.pairs:
        if not pair.a or not pair.b:
            continue
        here, there = pair.indices(source), pair.indices(to)
        if pair.kind is PairKind.MOVED:
            if here[0] > last:
                moved_after.append(there[0])
            continue
        if here[0] > last and after is None:
            after = there[0]
        if here[-1] < first:
            before = there[-1]
    floor = -1 if before is None else before
    ceiling = len(result.segments(to)) if after is None else after
    between = [index for index in moved_after if floor < index < ceiling]
    if between:
        after = min(between)
    return after, before


def _gap_after(result: DiffResult, side: Side, last: int) -> str:
    segs = result.segments(side)
    if last + 1 >= len(segs):
        return ""
    return result.document(side).text[segs[last].end : segs[last + 1].start]


def _gap_before(result: DiffResult, side: Side, first: int) -> str:
    segs = result.segments(side)
    if first == 0:
        return ""
    return result.document(side).text[segs[first - 1].end : segs[first].start]


def _separator(result: DiffResult) -> str:
    return "\n" if result.unit is Unit.LINES else "\n\n"


def word_edits(result: DiffResult, pair: Pair) -> tuple[WordEdit, ...]:
    """The edits of a changed pair a reader sees, each with its characters on both sides.

    Neighbouring deletions and insertions are one edit (a replaced word); edits
    the options ignore are left out, as they are not highlighted.
    """
    span_a, span_b = result.span_of(pair, Side.A), result.span_of(pair, Side.B)
    if pair.kind not in (PairKind.CHANGED, PairKind.MOVED) or span_a is None or span_b is None:
        return ()
    return tuple(_grouped(pair, span_a.start, span_b.start))


def _grouped(pair: Pair, a_at: int, b_at: int) -> Iterator[WordEdit]:
    start: tuple[int, int] | None = None
    seen = False
    ia, ib = a_at, b_at
    for op, n, ignored in runs_of(pair.edits):
        if op is Op.EQUAL:
            if start is not None and seen:
                yield WordEdit(Span(start[0], ia), Span(start[1], ib))
            start, seen = None, False
            ia, ib = ia + n, ib + n
            continue
        if start is None:
            start = (ia, ib)
        seen = seen or not ignored
        if op is Op.DELETE:
            ia += n
        else:
            ib += n
    if start is not None and seen:
        yield WordEdit(Span(start[0], ia), Span(start[1], ib))


def take_word(result: DiffResult, edit: WordEdit, to: Side) -> Take:
    """Make one word edit on side ``to`` what the other side has."""
    source = edit.span(to.other)
    new = result.document(to.other).text[source.start : source.end]
    target = edit.span(to)
    return Take(to, (Splice(target.start, target.end, new),))


def take_gaps(result: DiffResult, to: Side) -> Take:
    """The blank lines around and between paragraphs paired in order, as the other side has them.

    With every change taken, what remains is layout; this takes it, so the
    target's text becomes the source's.
    """
    source = to.other
    text_to, text_from = result.document(to).text, result.document(source).text
    segs_to, segs_from = result.segments(to), result.segments(source)
    if not len(segs_to) or not len(segs_from):
        return Take(to, (Splice(0, len(text_to), text_from),))
    splices = [Splice(0, segs_to[0].start, text_from[: segs_from[0].start])]
    chain = [
        (pair.indices(to), pair.indices(source))
        for pair in result.pairs
        if pair.kind is not PairKind.MOVED and pair.a and pair.b
    ]
    for (to_one, from_one), (to_two, from_two) in pairwise(chain):
        if to_one[-1] + 1 == to_two[0] and from_one[-1] + 1 == from_two[0]:
            gap = text_from[segs_from[from_one[-1]].end : segs_from[from_two[0]].start]
            splices.append(Splice(segs_to[to_one[-1]].end, segs_to[to_two[0]].start, gap))
    splices.append(Splice(segs_to[-1].end, len(text_to), text_from[segs_from[-1].end :]))
    return _take(to, [s for s in splices if text_to[s.start : s.end] != s.new])


def undone(take: Take, before: str) -> Take:
    """The take that turns the text ``take`` made from ``before`` back into ``before``."""
    splices, shift = [], 0
    for splice in take.splices:
        start = splice.start + shift
        splices.append(Splice(start, start + len(splice.new), before[splice.start : splice.end]))
        shift += len(splice.new) - (splice.end - splice.start)
    return Take(take.side, tuple(splices))
