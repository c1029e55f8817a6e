# SPDX-License-Identifier: GPL-3.0-or-later
"""The refine helper's own side: read batches of pairs, answer their packed edits.

Kept apart from ``refine_helper`` (the side that starts and feeds it) so that
the helper process imports only this, the diff and the model: every module it
loads is memory it holds for as long as the window is open.

The wire format, both ways, is a length-prefixed pickle of one typed message
(frozen dataclasses; ``serve`` dispatches on their class): a ``DiffBatch`` in,
an ``Answer`` out. A pair's edits travel as one op byte and one length an
edit (``pack``); the other side cuts the texts out of what it holds.

A head start (``head_start``) talks in three other messages: ``Guess`` (both
documents' paragraphs, in UTF-8), then ``NextGuesses`` for each batch of
guessed pairs to diff (answered by a ``GuessAnswer``, or ``GuessesDone``),
then ``Forget``, which drops the paragraphs. A message of no known kind ends
the helper: the other side then refines alone.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import sys
from array import array
from dataclasses import dataclass
from typing import IO, TypeAlias, TypeVar, overload

from twofold.engine.inline.chardiff import inline_edits
from twofold.engine.parallel.pair_guess import guess_pairs
from twofold.engine.refiner import Job
from twofold.engine.result.edit_runs import EditRuns
from twofold.engine.result.model import CompareOptions
from twofold.engine.result.stats import edit_counts

#: One pair's edits as they cross the process boundary: op codes and run lengths.
Packed: TypeAlias = "tuple[bytes, array[int]]"


@dataclass(frozen=True, slots=True)
class DiffBatch:
    """Diff these pairs; answered by an ``Answer``."""

    jobs: list[Job]
    options: CompareOptions


@dataclass(frozen=True, slots=True)
class Answer:
    """A batch's answer: each pair's packed edits and ``EditCounts`` (as a tuple)."""

    packed: list[Packed]
    counts: list[tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class Guess:
    """A head start's paragraphs (UTF-8): guess their pairs, diff them on ``NextGuesses``."""

    paragraphs_a: list[bytes]
    paragraphs_b: list[bytes]
    options: CompareOptions
    #: characters (both sides) of guessed pairs in one ``GuessAnswer``
    batch_chars: int


@dataclass(frozen=True, slots=True)
class NextGuesses:
    """Diff the next batch of guessed pairs; answered by a ``GuessAnswer`` or ``GuessesDone``."""


@dataclass(frozen=True, slots=True)
class Forget:
    """Drop the head start's paragraphs and guesses; not answered."""


@dataclass(frozen=True, slots=True)
class GuessAnswer:
    """A batch of guessed pairs, ``(paragraph of A, paragraph of B)``, and their ``Answer``."""

    pairs: list[tuple[int, int]]
    answer: Answer


@dataclass(frozen=True, slots=True)
class GuessesDone:
    """Every guessed pair has been answered (or there is no ``Guess``)."""


#: What the helper is asked.
Request: TypeAlias = DiffBatch | Guess | NextGuesses | Forget
_REQUESTS = (DiffBatch, Guess, NextGuesses, Forget)
_A = TypeVar("_A")
_B = TypeVar("_B")
#: The argument a frozen build's executable runs the helper on (``twofold.__main__``).
HELPER_ARG = "--twofold-refine-helper"
#: How much lower the helper's priority is than the window's (``os.nice``).
HELPER_NICENESS = 10
#: Length prefix of every message.
HEADER = struct.Struct("<Q")
#: What a helper that died or answered nonsense raises on the other side (``refine_helper``).
FAILURES = (OSError, EOFError, ValueError, TypeError, IndexError, pickle.UnpicklingError)


def answer(jobs: list[Job], options: CompareOptions) -> Answer:
    """What the helper sends back for a batch: each pair's packed edits and edit counts.

    The counts are the refinement's last step; made here, on
    the helper's core, they are not left for the end of the refinement on one.
    Counted pair by pair, since a head start (``head_start``) keeps only the
    pairs the alignment confirms.
    """
    edit_lists = [inline_edits(a, b, options) for a, b in jobs]
    return Answer(
        [pack(edits) for edits in edit_lists],
        [tuple(edit_counts([edits])) for edits in edit_lists],
    )


def pack(edits: EditRuns) -> Packed:
    """What crosses the pipe of a pair's edits: ``EditRuns``' codes and lengths, without texts."""
    return edits.codes, edits.lengths


def send(pipe: IO[bytes], message: Request | Answer | GuessAnswer | GuessesDone) -> None:
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(HEADER.pack(len(body)))
    pipe.write(body)
    pipe.flush()


def receive(pipe: IO[bytes]) -> object:
    """One message; EOFError when the other side has closed its end."""
    header = pipe.read(HEADER.size)
    if len(header) < HEADER.size:
        raise EOFError("pipe closed")
    (size,) = HEADER.unpack(header)
    body = pipe.read(size)
    if len(body) < size:
        raise EOFError("pipe closed mid-message")
    return pickle.loads(body)


@overload
def receive_as(pipe: IO[bytes], kind: type[_A]) -> _A: ...
@overload
def receive_as(pipe: IO[bytes], kind: type[_A], other: type[_B]) -> _A | _B: ...
def receive_as(pipe: IO[bytes], kind: type[object], other: type[object] | None = None) -> object:
    """One message of ``kind`` (or ``other``).

    Raises:
        EOFError: the other side has closed its end.
        ValueError: a message of another kind came.
    """
    message = receive(pipe)
    if not isinstance(message, (kind,) if other is None else (kind, other)):
        raise ValueError(f"{type(message).__name__} where {kind.__name__} belongs")
    return message


def receive_request(pipe: IO[bytes]) -> Request:
    """One request for the helper.

    Raises:
        EOFError: the other side has closed its end.
        ValueError: a message of no request's kind came.
    """
    message = receive(pipe)
    if not isinstance(message, _REQUESTS):
        raise ValueError(f"{type(message).__name__} is no request")
    return message


def serve(requests: IO[bytes] | None = None, answers: IO[bytes] | None = None) -> None:
    """The helper's loop: answer each request, until EOF or a message of no known kind."""
    requests = requests or sys.stdin.buffer
    answers = answers or sys.stdout.buffer
    _yield_to_the_window()
    guesses: _Guesses | None = None
    while True:
        try:
            message = receive_request(requests)
        except (EOFError, ValueError):
            return  # the other side is gone, or talks nonsense: it refines alone
        match message:
            case DiffBatch(jobs, options):
                send(answers, answer(jobs, options))
            case Guess():
                guesses = _Guesses(message)
            case NextGuesses():
                send(answers, guesses.next_batch() if guesses is not None else GuessesDone())
            case Forget():
                guesses = None


class _Guesses:
    """A head start's paragraphs and guessed pairs, diffed a batch per ``NEXT``."""

    def __init__(self, guess: Guess) -> None:
        self._a, self._b = guess.paragraphs_a, guess.paragraphs_b
        self._options, self._batch_chars = guess.options, guess.batch_chars
        self._pairs = guess_pairs(self._a, self._b)
        self._at = 0

    def next_batch(self) -> GuessAnswer | GuessesDone:
        """The next guessed pairs (about ``batch_chars``) and their answer, until done."""
        pairs: list[tuple[int, int]] = []
        size = 0
        while self._at < len(self._pairs) and size < self._batch_chars:
            i, j = self._pairs[self._at]
            self._at += 1
            pairs.append((i, j))
            size += len(self._a[i]) + len(self._b[j])
        if not pairs:
            return GuessesDone()
        jobs = [(_text(self._a[i]), _text(self._b[j])) for i, j in pairs]
        return GuessAnswer(pairs, answer(jobs, self._options))


def _text(paragraph: bytes) -> str:
    # surrogatepass: what the sender encoded so, lone surrogates of undecodable input included
    return paragraph.decode("utf-8", "surrogatepass")


def _yield_to_the_window() -> None:
    """Run at a lower priority: the helper should use a core the window leaves idle.

    While the GUI puts a preview on screen its two threads want both cores;
    at equal priority the helper slowed that first screen of a big pair
    (``bench/gui_bench.py`` times it). A niced helper still gets any idle core
    in full.
    """
    with contextlib.suppress(AttributeError, OSError):  # no nice() here, or not allowed
        os.nice(HELPER_NICENESS)


if __name__ == "__main__":
    serve()
