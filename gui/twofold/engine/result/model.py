# SPDX-License-Identifier: GPL-3.0-or-later
"""The frozen result model every stage hands to the next.

Constraints: value objects only (frozen, slotted dataclasses and enums), no I/O,
no Qt. Offsets are half-open ``[start, end)`` into a document's *decoded* text,
whose newlines are normalised to ``\\n``; the UI and the exporters rely on that.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from itertools import compress, pairwise, repeat
from operator import attrgetter, is_not

from twofold.engine.result.kinds import (
    DocFormat,
    Granularity,
    NewlineStyle,
    Op,
    PairKind,
    Side,
    Unit,
)
from twofold.engine.result.spans import Segments, Span, span_bounds


@dataclass(frozen=True, slots=True)
class SetApart:
    """Text a reader kept out of the comparison, and why (shown one click away)."""

    #: what it is, as a reader would say it: "site navigation", "page footer", ...
    kind: str
    #: how many paragraphs of it there were
    paragraphs: int
    #: the paragraphs themselves, separated by blank lines
    text: str


@dataclass(frozen=True, slots=True)
class Edit:
    """One run of text: only in A (DELETE), in both (EQUAL) or only in B (INSERT).

    ``ignored`` marks a DELETE/INSERT that the comparison options declare
    insignificant (white space, case, typography): it is still reported so the
    edits rebuild both texts exactly, but it is not highlighted or counted.
    """

    op: Op
    text: str
    ignored: bool = False


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """Every knob of a comparison; limits live here, not in the stages."""

    unit: Unit = Unit.AUTO
    granularity: Granularity = Granularity.WORD
    ignore_whitespace: bool = False
    ignore_case: bool = False
    ignore_typography: bool = False
    #: CRLF, CR and LF line endings count as the same (diff's ``--strip-trailing-cr``)
    strip_trailing_cr: bool = False
    #: blank lines added or removed do not count (diff's ``-B``); with
    #: ``ignore_whitespace``, lines of white space only count as blank too
    ignore_blank_lines: bool = False
    detect_moves: bool = True
    #: seconds diff-match-patch may spend on one pair before it settles for a coarser diff
    diff_timeout: float = 2.0
    #: pairs whose similarity is below this stay deleted + inserted, unless their place
    #: supports them (a one-for-one stretch between pairs: 2/3 of it will do there)
    pair_threshold: float = 0.3
    #: a leftover paragraph and its clearly best partner elsewhere (long enough) this
    #: similar become a move
    move_threshold: float = 0.3


@dataclass(frozen=True, slots=True)
class Document:
    """A loaded, decoded file: its text with ``\\n`` newlines and how it was stored."""

    label: str
    text: str
    path: str | None = None
    encoding: str = "utf-8"
    confidence: float = 1.0
    #: byte sequences that did not decode and show as U+FFFD (0 for a clean decode)
    replaced: int = 0
    bom: bool = False
    newline: NewlineStyle = NewlineStyle.LF
    trailing_newline: bool = True
    size_bytes: int = 0
    #: BLAKE2b (16 bytes) of the bytes read: lets the window tell later whether the
    #: file still holds them without reading it again on the UI thread
    digest: bytes | None = None
    #: the file's modification time (ns) when it was opened: with the size and the
    #: digest, what the window compares the file on disk with later (``None``: not read from a file)
    mtime_ns: int | None = None
    #: what the file was read as; for a document, ``text`` is what its reader extracted
    format: DocFormat = DocFormat.TEXT
    #: what the reader kept out of ``text`` (site chrome, running headers)
    set_apart: tuple[SetApart, ...] = ()
    #: offsets in ``text`` of the paragraphs that are headings, ascending
    headings: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Pair:
    """Paragraphs of A matched with paragraphs of B.

    ``a``/``b`` are contiguous, ascending paragraph indices (several on one side
    for a split or a merge; none for an insertion or a deletion). For CHANGED and
    MOVED pairs ``edits`` rebuild exactly ``text[a-span]`` and ``text[b-span]``.
    """

    kind: PairKind
    a: tuple[int, ...]
    b: tuple[int, ...]
    #: the pairing score, in ``[0, 1]``: how much of the two sides' content the pair
    #: shares, as the alignment measured it when it paired them (the weighted Dice
    #: of their stem sets, ``align.similarity.Profiles``; docs/pairing.md). 1.0 for
    #: equal text and for a paragraph moved unchanged, 0.0 for a deletion or an
    #: insertion. The same in a coarse result and once refined.
    similarity: float
    #: an ``edit_runs.EditRuns`` as the engine makes them; any sequence of edits will do
    edits: Sequence[Edit] = ()

    def __post_init__(self) -> None:
        if not 0.0 <= self.similarity <= 1.0:
            raise ValueError(f"similarity out of range: {self.similarity}")
        for side in (self.a, self.b):
            # Most pairs name one paragraph a side (a 250,000-line log makes one per
            # line): only longer runs need the check.
            if len(side) > 1 and any(j != i + 1 for i, j in pairwise(side)):
                raise ValueError(f"paragraph indices not contiguous: {side}")
        if self.kind is PairKind.INSERTED and (self.a or not self.b):
            raise ValueError("an insertion has paragraphs in B only")
        if self.kind is PairKind.DELETED and (self.b or not self.a):
            raise ValueError("a deletion has paragraphs in A only")

    def indices(self, side: Side) -> tuple[int, ...]:
        return self.a if side is Side.A else self.b

    @property
    def is_change(self) -> bool:
        """True for everything a reader steps through (all but EQUAL)."""
        return self.kind is not PairKind.EQUAL


_kind_of = attrgetter("kind")


@dataclass(frozen=True, slots=True)
class Stats:
    """What the status bar and ``--stat`` report."""

    #: pairs of each kind present, in the order of each kind's first pair
    pairs_by_kind: dict[PairKind, int] = field(default_factory=dict)
    paragraphs_a: int = 0
    paragraphs_b: int = 0
    words_deleted: int = 0
    words_inserted: int = 0
    chars_deleted: int = 0
    chars_inserted: int = 0
    #: 1.0 for identical texts, 0.0 for nothing in common (characters kept / characters total)
    similarity: float = 1.0

    def __post_init__(self) -> None:
        # A handful of keys: checked because a string key would count as no kind at all.
        if not all(isinstance(kind, PairKind) for kind in self.pairs_by_kind):
            raise TypeError("pairs_by_kind is keyed by PairKind, not by its value")

    @property
    def changes(self) -> int:
        return sum(n for kind, n in self.pairs_by_kind.items() if kind is not PairKind.EQUAL)


class LayoutKind(Enum):
    """What a layout difference is about: the parts of a file that lie outside its paragraphs."""

    ENCODING = "encoding"
    BOM = "bom"
    LINE_ENDINGS = "line_endings"
    FINAL_NEWLINE = "final_newline"
    #: how many blank lines stand at one place (between, before or after paragraphs)
    BLANK_LINES = "blank_lines"
    #: what a blank line holds: nothing, spaces, a tab, a form feed, a no-break space...
    BLANK_LINE_WHITESPACE = "blank_line_whitespace"
    #: the texts and all the above agree, yet the bytes do not (mixed line endings
    #: placed differently, invalid bytes both shown as U+FFFD)
    BYTES = "bytes"

    __hash__ = object.__hash__  # by identity, in C: see ``Side``


#: A layout value: an encoding or a blank line's text (str), a count (int), a flag
#: (BOM, final newline), a newline style; None where a side has no such line.
LayoutValue = str | int | bool | NewlineStyle | None


@dataclass(frozen=True, slots=True)
class LayoutDifference:
    """One way the files differ outside their paragraphs' text.

    ``a``/``b`` are each side's value for ``kind`` (see ``LayoutValue``).
    ``a_line``/``b_line`` say where, for the blank-line kinds: the 1-based line
    where the blank lines begin (or, with none, the line that follows the place).
    """

    kind: LayoutKind
    a: LayoutValue
    b: LayoutValue
    a_line: int | None = None
    b_line: int | None = None

    def __post_init__(self) -> None:
        if self.a == self.b and type(self.a) is type(self.b):
            raise ValueError(f"a {self.kind.value} difference needs two different values")
        located = self.kind in (LayoutKind.BLANK_LINES, LayoutKind.BLANK_LINE_WHITESPACE)
        if (self.a_line is not None, self.b_line is not None) != (located, located):
            raise ValueError(f"{self.kind.value}: lines are given for blank-line kinds only")

    def mirrored(self) -> LayoutDifference:
        """The same difference seen with the sides swapped."""
        return LayoutDifference(self.kind, self.b, self.a, self.b_line, self.a_line)


@dataclass(frozen=True, slots=True)
class Layout:
    """The layout differences of a comparison, the first ``MAX_LAYOUT_SHOWN`` of them.

    Bounded: two files whose every gap differs (a thousand paragraphs, one blank
    line more each) must not make a report of a thousand lines.
    """

    differences: tuple[LayoutDifference, ...] = ()
    #: how many there are in all (``differences`` holds the first of them)
    total: int = 0

    def __post_init__(self) -> None:
        if self.total < len(self.differences):
            raise ValueError("fewer differences in all than listed")

    def __bool__(self) -> bool:
        return self.total > 0


@dataclass(frozen=True, slots=True)
class DiffResult:
    """The whole comparison: both documents, their segments and the pairs in reading order.

    Pairs are ordered by position in B, with deletions placed where they stood
    in A; a MOVED pair stands at its B position.
    """

    a: Document
    b: Document
    a_segments: Sequence[Span]
    b_segments: Sequence[Span]
    pairs: tuple[Pair, ...]
    stats: Stats
    options: CompareOptions = CompareOptions()
    unit: Unit = Unit.PARAGRAPHS
    #: False for a coarse result (``compare(..., inline=False)``): changed pairs have no edits yet
    refined: bool = True
    #: what differs outside the paragraphs (line endings, blank lines...), options applied
    layout: Layout = Layout()
    _changes: tuple[Pair, ...] = field(init=False, repr=False, compare=False, default=())
    #: per side, the file line of each unit, when they are not simply 1, 2, 3... (``number``)
    _lines: dict[Side, array[int]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def document(self, side: Side) -> Document:
        return self.a if side is Side.A else self.b

    def segments(self, side: Side) -> Sequence[Span]:
        return self.a_segments if side is Side.A else self.b_segments

    def span_of(self, pair: Pair, side: Side) -> Span | None:
        """The text range a pair covers on one side, or None where it has no paragraph."""
        idx = pair.indices(side)
        if not idx:
            return None
        segs = self.segments(side)
        if isinstance(segs, Segments):  # one Span made, not three: refining asks this per pair
            return Span(segs.starts[idx[0]], segs.ends[idx[-1]])
        return Span(segs[idx[0]].start, segs[idx[-1]].end)

    def number(self, side: Side, index: int) -> int:
        """The number a reader knows unit ``index`` of ``side`` by: 1-based.

        A paragraph's number, or a line's line number in its file: by lines under
        ``ignore_blank_lines`` blank lines are no units, so unit 4 may be line 6.
        """
        if self.unit is not Unit.LINES or not self.options.ignore_blank_lines:
            return index + 1
        lines = self._lines.get(side)
        if lines is None:  # once a side: the changes list asks for each row it paints
            lines = self._lines[side] = _line_of_each(self.document(side).text, self.segments(side))
        return lines[index]

    @property
    def changes(self) -> tuple[Pair, ...]:
        """Every non-equal pair, in reading order (computed once: views ask often)."""
        return self._changes

    def __post_init__(self) -> None:
        # Picked in C: a file of lines has a pair a line.
        changed = map(is_not, map(_kind_of, self.pairs), repeat(PairKind.EQUAL))
        object.__setattr__(self, "_changes", tuple(compress(self.pairs, changed)))

    @property
    def identical(self) -> bool:
        """The same text and layout: nothing differs, whatever the options."""
        return self.a.text == self.b.text and not self.layout and self.a.digest == self.b.digest

    @property
    def differs(self) -> bool:
        """Whether the files differ under the options: the one verdict every front gives.

        A change or a layout difference (line endings, final newline, blank lines,
        encoding, BOM) makes the files differ, as in diff(1) and git; only the
        options the user chose make a difference not count.
        """
        return bool(self.changes) or bool(self.layout)


def _line_of_each(text: str, segments: Sequence[Span]) -> array[int]:
    """The 1-based line each segment starts on, counting newlines once from start to end."""
    lines = array("q")
    line, at = 1, 0
    for start, _end in span_bounds(segments):
        line += text.count("\n", at, start)
        lines.append(line)
        at = start
    return lines
