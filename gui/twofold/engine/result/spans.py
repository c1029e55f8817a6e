# SPDX-License-Identifier: GPL-3.0-or-later
"""Ranges of a document's text: one :class:`Span`, and a document's :class:`Segments`.

Why apart: offsets are the model's common currency (half-open ``[start, end)`` into a
document's *decoded* text, whose newlines are normalised to ``\\n``), and a document's
segments are held compactly as arrays. No I/O, no Qt.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from operator import lt
from typing import overload


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start


class Segments(Sequence[Span]):
    """A document's segments (paragraphs or lines) in text order, as two arrays of offsets.

    Equal to the tuple of the same spans. Why not that tuple: each span is an
    object and two ints, about 110 bytes, held for as long as the result is
    open, and source files have one a line (``bench/gui_bench.py --only source``
    reports the peak). The arrays hold
    the offsets in 16 bytes a segment, and a ``Span`` is made only when one is
    read. Loops over every segment read ``bounds`` (plain ``(start, end)``
    tuples): making a ``Span`` costs a microsecond.
    """

    __slots__ = ("_covered", "between", "ends", "newlines", "starts")

    def __init__(
        self,
        starts: Iterable[int],
        ends: Iterable[int],
        newlines: array[int] | None = None,
        *,
        between: str | None = None,
    ) -> None:
        """Raises ValueError when the two disagree in length or a span ends before it starts.

        Arrays of 64-bit offsets are taken as they are, not copied: the caller
        hands them over.

        Args:
            starts: where each segment starts.
            ends: where each segment ends.
            newlines: the offsets of every newline of the text, when the segments
                were cut at them (lines): the display blocks start from them too
                (``linemap.block_table``), and finding them again in a log was
                a long stall (``bench/gui_bench.py --only log``).
            between: the text between every segment and the next, when the
                cutting made it the same everywhere (``"\\n"`` between lines,
                ``"\\n\\n"`` between paragraphs of simple prose); None when not
                known. Then what lies between them is known without reading it
                at every segment (``layout_of``, ``covered``).
        """
        self.newlines = newlines
        self.between = between
        self._covered = -1
        self.starts = (
            starts if isinstance(starts, array) and starts.typecode == "q" else array("q", starts)
        )
        self.ends = ends if isinstance(ends, array) and ends.typecode == "q" else array("q", ends)
        if len(self.starts) != len(self.ends):
            raise ValueError("as many starts as ends are needed")
        if any(map(lt, self.ends, self.starts)):  # in C: a file of lines has millions
            raise ValueError("a span ends before it starts")
        if self.starts and self.starts[0] < 0:
            raise ValueError("offsets start at 0")

    @classmethod
    def of(cls, spans: Iterable[Span]) -> Segments:
        """The segments of ``spans`` (a tuple of them, as tests and old callers make)."""
        listed = list(spans)
        return cls((s.start for s in listed), (s.end for s in listed))

    @property
    def covered(self) -> int:
        """Characters in all the segments: worked out once, then kept with them.

        A log has a segment a line: each sum held the GIL long enough to stall the
        window (``bench/gui_bench.py --only log``), and the stats of a coarse
        result and of its refinement ask it of the same segments. When what lies
        between them is known, it is all from the first to the last but that.
        """
        if self._covered < 0:
            if self.between is not None and self.starts:
                spread = self.ends[-1] - self.starts[0]
                self._covered = spread - len(self.between) * (len(self.starts) - 1)
            else:
                self._covered = sum(self.ends) - sum(self.starts)
        return self._covered

    def bounds(self) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of each segment, without making a ``Span`` for each."""
        return zip(self.starts, self.ends, strict=True)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Span: ...

    @overload
    def __getitem__(self, index: slice) -> Segments: ...

    def __getitem__(self, index: int | slice) -> Span | Segments:
        if isinstance(index, slice):
            return Segments(self.starts[index], self.ends[index])
        return Span(self.starts[index], self.ends[index])

    def __iter__(self) -> Iterator[Span]:
        return map(Span, self.starts, self.ends)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Segments):
            return self.starts == other.starts and self.ends == other.ends
        if isinstance(other, tuple):
            return tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))  # as the equal tuple hashes

    def __repr__(self) -> str:
        return f"Segments({len(self)} spans)"


def span_bounds(spans: Iterable[Span]) -> Iterable[tuple[int, int]]:
    """``(start, end)`` of each span, quickly when ``spans`` are ``Segments``."""
    if isinstance(spans, Segments):
        return spans.bounds()
    return [(s.start, s.end) for s in spans]
