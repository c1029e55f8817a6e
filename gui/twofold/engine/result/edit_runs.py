# SPDX-License-Identifier: GPL-3.0-or-later
"""A pair's edits kept as op codes and run lengths over texts held elsewhere.

Why: a pair with every paragraph reworded has tens of thousands of edits. As
``Edit`` objects, each with its own copy of its text, they took several times
the memory of the text they describe and building them was a good part of the
refinement (``bench/gui_bench.py --only 100%`` reports peak and time).
``EditRuns`` keeps one byte and one integer an edit and cuts a run's text out
of the document only when someone reads it; the runs' lengths
alone serve the highlights, the similarity and the helper process's answers.

It is a ``Sequence[Edit]`` equal to the tuple of the same edits, so what
reads edits one by one (exports, tests) does not need to know.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from twofold.engine.result.kinds import Op
from twofold.engine.result.model import Edit

#: An edit without its text: ``(op, length, ignored)``.
Run = tuple[Op, int, bool]
#: An edit with its text, without an ``Edit`` object: ``(op, text, ignored)``.
TextRun = tuple[Op, str, bool]

#: One byte an edit: ``_CODE[op]``, plus 3 when the edit is ignored.
_CODE = {Op.EQUAL: 0, Op.DELETE: 1, Op.INSERT: 2}
#: Op and ``ignored`` of each code.
_UNCODE: tuple[tuple[Op, bool], ...] = (
    (Op.EQUAL, False),
    (Op.DELETE, False),
    (Op.INSERT, False),
    (Op.EQUAL, True),
    (Op.DELETE, True),
    (Op.INSERT, True),
)
#: Codes of the edits that change something a reader sees (not equal, not ignored).
_SIGNIFICANT_DELETE, _SIGNIFICANT_INSERT = bytes([_CODE[Op.DELETE]]), bytes([_CODE[Op.INSERT]])
_DELETED, _INSERTED = _CODE[Op.DELETE], _CODE[Op.INSERT]
#: The codes of a replacement's middles (``EditRuns.replacement``), and of a kept end.
_REPLACED, _KEPT = bytes([_DELETED, _INSERTED]), bytes([_CODE[Op.EQUAL]])
#: Whether each code's run covers text of A, and of B.
_ON_A = tuple(int(op is not Op.INSERT) for op, _ignored in _UNCODE)
_ON_B = tuple(int(op is not Op.DELETE) for op, _ignored in _UNCODE)


class EditRuns(Sequence[Edit]):
    """Edits turning ``a[a_at:]`` into ``b[b_at:]``, run by run, for as long as the runs go.

    ``codes`` and ``lengths`` are what the refine helper sends and what this
    keeps; ``rebased`` points the same runs at other copies of the texts (the
    whole documents instead of a pair's paragraphs cut out of them).
    """

    __slots__ = ("_a", "_a_at", "_b", "_b_at", "codes", "lengths")

    def __init__(
        self, codes: bytes, lengths: array[int], a: str, b: str, a_at: int = 0, b_at: int = 0
    ) -> None:
        self.codes = codes
        self.lengths = lengths
        self._a, self._a_at, self._b, self._b_at = a, a_at, b, b_at

    @classmethod
    def pack(cls, runs: Iterable[Run], a: str, b: str) -> EditRuns:
        """The runs (which must cover ``a`` and ``b`` exactly) over these texts.

        Runs that come one at a time are packed as they come: a huge pair's
        runs as a list of tuples take about eight times their packed size.
        """
        if isinstance(runs, list):
            codes = bytes([_CODE[op] + 3 * ignored for op, _n, ignored in runs])
            return cls(codes, array("q", [n for _op, n, _ignored in runs]), a, b)
        packed, lengths = bytearray(), array("q")
        add_code, add_length = packed.append, lengths.append
        for op, n, ignored in runs:
            add_code(_CODE[op] + 3 * ignored)
            add_length(n)
        return cls(bytes(packed), lengths, a, b)

    @classmethod
    def replacement(cls, a: str, b: str, head: int, tail: int) -> EditRuns:
        """``head`` characters kept, the rest of ``a`` but its last ``tail`` deleted, that of
        ``b`` inserted, ``tail`` kept: a pair whose middles differ whole (both non-empty).
        """
        codes, lengths = _REPLACED, array("q", (len(a) - head - tail, len(b) - head - tail))
        if head:
            codes, lengths = _KEPT + codes, array("q", (head, *lengths))
        if tail:
            codes = codes + _KEPT
            lengths.append(tail)
        return cls(codes, lengths, a, b)

    @classmethod
    def checked(
        cls,
        codes: bytes,
        lengths: array[int],
        a: str,
        b: str,
        a_span: tuple[int, int] | None = None,
        b_span: tuple[int, int] | None = None,
    ) -> EditRuns:
        """Runs from elsewhere (the helper process), once seen to cover both texts exactly.

        Args:
            a_span, b_span: ``(start, end)`` of the text the runs cover in ``a`` and
                ``b``, when not the whole of it.

        Raises:
            ValueError: a code is unknown, or the runs do not cover the texts exactly.
        """
        a_at, a_end = a_span if a_span is not None else (0, len(a))
        b_at, b_end = b_span if b_span is not None else (0, len(b))
        if len(codes) != len(lengths):
            raise ValueError("as many codes as lengths are needed")
        if min(lengths, default=0) < 0:
            raise ValueError("a run cannot be shorter than nothing")
        taken = _taken(codes, lengths)  # IndexError for an unknown code
        equal, deleted, inserted = (taken[k] + taken[k + 3] for k in range(3))
        if equal + deleted != a_end - a_at or equal + inserted != b_end - b_at:
            raise ValueError("the runs do not cover both texts")
        return cls(codes, lengths, a, b, a_at, b_at)

    def rebased(self, a: str, a_at: int, b: str, b_at: int) -> EditRuns:
        """The same runs over texts that hold this one's at ``a_at`` and ``b_at``."""
        return EditRuns(self.codes, self.lengths, a, b, a_at, b_at)

    def runs(self) -> Iterator[Run]:
        """``(op, length, ignored)`` of every edit, without cutting out any text."""
        uncode = _UNCODE
        for code, n in zip(self.codes, self.lengths, strict=True):
            op, ignored = uncode[code]
            yield op, n, ignored

    def text_runs(self) -> Iterator[TextRun]:
        """``(op, text, ignored)`` of every edit: the edits without ``Edit`` objects."""
        a, b, ia, ib = self._a, self._b, self._a_at, self._b_at
        uncode = _UNCODE
        for code, n in zip(self.codes, self.lengths, strict=True):
            op, ignored = uncode[code]
            if op is Op.INSERT:
                yield op, b[ib : ib + n], ignored
                ib += n
            else:
                yield op, a[ia : ia + n], ignored
                ia += n
                if op is Op.EQUAL:
                    ib += n

    def changed_texts(self) -> tuple[list[str], list[str]]:
        """What the runs delete and what they insert, ignored runs left out.

        What statistics count: only those texts are cut out, not the equal
        text around them (most of a changed pair).
        """
        a, b, ia, ib = self._a, self._b, self._a_at, self._b_at
        deleted: list[str] = []
        inserted: list[str] = []
        on_a, on_b = _ON_A, _ON_B
        for code, n in zip(self.codes, self.lengths, strict=True):
            if code == _DELETED:
                deleted.append(a[ia : ia + n])
            elif code == _INSERTED:
                inserted.append(b[ib : ib + n])
            ia += on_a[code] * n
            ib += on_b[code] * n
        return deleted, inserted

    def sizes(self) -> tuple[int, int, int]:
        """Characters the runs keep (equal ones, both sides), change, and change ignored."""
        taken = _taken(self.codes, self.lengths)
        return (
            2 * (taken[0] + taken[3]),
            taken[_DELETED] + taken[_INSERTED],
            taken[_DELETED + 3] + taken[_INSERTED + 3],
        )

    def significant(self) -> bool:
        """Whether any edit deletes or inserts something not ignored."""
        return _SIGNIFICANT_DELETE in self.codes or _SIGNIFICANT_INSERT in self.codes

    def __len__(self) -> int:
        return len(self.codes)

    def __iter__(self) -> Iterator[Edit]:
        for op, text, ignored in self.text_runs():
            yield Edit(op, text, ignored)

    @overload
    def __getitem__(self, index: int) -> Edit: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Edit, ...]: ...
    def __getitem__(self, index: int | slice) -> Edit | tuple[Edit, ...]:
        return tuple(self)[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EditRuns):
            return (
                self.codes == other.codes
                and self.lengths == other.lengths
                and self._side_texts() == other._side_texts()
            )
        if isinstance(other, (tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))  # as the tuple of the same edits, which compares equal

    def __repr__(self) -> str:
        return f"EditRuns({tuple(self)!r})"

    def _side_texts(self) -> tuple[str, str]:
        """The two texts the runs cover."""
        kept = deleted = inserted = 0
        for op, n, _ignored in self.runs():
            if op is Op.EQUAL:
                kept += n
            elif op is Op.DELETE:
                deleted += n
            else:
                inserted += n
        a_end, b_end = self._a_at + kept + deleted, self._b_at + kept + inserted
        return self._a[self._a_at : a_end], self._b[self._b_at : b_end]


def _taken(codes: bytes, lengths: array[int]) -> list[int]:
    """Characters the runs of each code cover."""
    taken = [0, 0, 0, 0, 0, 0]
    for code, n in zip(codes, lengths, strict=True):
        taken[code] += n
    return taken


def runs_of(edits: Sequence[Edit]) -> Iterator[Run]:
    """``(op, length, ignored)`` of each edit, whichever form the edits are in."""
    if isinstance(edits, EditRuns):
        return edits.runs()
    return ((e.op, len(e.text), e.ignored) for e in edits)


def text_runs_of(edits: Sequence[Edit]) -> Iterator[TextRun]:
    """``(op, text, ignored)`` of each edit, whichever form the edits are in."""
    if isinstance(edits, EditRuns):
        return edits.text_runs()
    return ((e.op, e.text, e.ignored) for e in edits)


def is_significant(edits: Sequence[Edit]) -> bool:
    """Whether any of the edits deletes or inserts something not ignored."""
    if isinstance(edits, EditRuns):
        return edits.significant()
    return any(e.op is not Op.EQUAL and not e.ignored for e in edits)
