# SPDX-License-Identifier: GPL-3.0-or-later
"""A document's segments (paragraphs or lines) kept as two arrays of offsets.

Why not a tuple of ``Span``: each span is an object and two ints, about 110
bytes, held for as long as the result is open. A pair of 28,000-line source
files had 6.3 MB of them, a tenth of what the window added for the pair; a
10 MB log file would have ten times that. Two arrays hold the same offsets in
16 bytes a segment, and a ``Span`` is made only when one is read.

Loops over every segment read ``bounds`` (plain ``(start, end)`` tuples):
making a ``Span`` costs a microsecond, 60 ms for the 57,000 lines of that pair.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from twofold.engine.model import Span


class Segments(Sequence[Span]):
    """Spans in text order, equal to the tuple of the same spans."""

    __slots__ = ("ends", "starts")

    def __init__(self, starts: Iterable[int], ends: Iterable[int]) -> None:
        """Raises ValueError when the two disagree in length or a span ends before it starts."""
        self.starts = array("q", starts)
        self.ends = array("q", ends)
        if len(self.starts) != len(self.ends):
            raise ValueError("as many starts as ends are needed")
        if any(end < start for start, end in zip(self.starts, self.ends, strict=True)):
            raise ValueError("a span ends before it starts")
        if self.starts and self.starts[0] < 0:
            raise ValueError("offsets start at 0")

    @classmethod
    def of(cls, spans: Iterable[Span]) -> Segments:
        """The segments of ``spans`` (a tuple of them, as tests and old callers make)."""
        listed = list(spans)
        return cls((s.start for s in listed), (s.end for s in listed))

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


def span_covering(spans: Sequence[Span], first: int, last: int) -> Span:
    """The span from segment ``first``'s start to segment ``last``'s end.

    One ``Span`` made instead of three: refining asks this of every changed pair.
    """
    if isinstance(spans, Segments):
        return Span(spans.starts[first], spans.ends[last])
    return Span(spans[first].start, spans[last].end)


def span_bounds(spans: Iterable[Span]) -> Iterable[tuple[int, int]]:
    """``(start, end)`` of each span, quickly when ``spans`` are ``Segments``."""
    if isinstance(spans, Segments):
        return spans.bounds()
    return [(s.start, s.end) for s in spans]
