# SPDX-License-Identifier: GPL-3.0-or-later
"""The refine helper's own side: read batches of pairs, answer their packed edits.

Kept apart from ``refine_helper`` (the side that starts and feeds it) so that
the helper process imports only this, the diff and the model: every module it
loads is memory it holds for as long as the window is open.

The wire format, both ways, is a length-prefixed pickle: ``(jobs, options)``
in, an ``Answer`` out. A pair's edits travel as one op byte and one
length an edit (``pack``); the other side cuts the texts out of what it holds.

A head start (``head_start``) talks in three other messages: ``Guess`` (both
documents' paragraphs, in UTF-8), then ``NEXT`` for each batch of guessed pairs
to diff (answered by a ``GuessAnswer``, or None once the guesses are done),
then ``FORGET``, which drops the paragraphs.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import sys
from array import array
from typing import IO, TypeAlias

from twofold.engine.chardiff import inline_edits, similarity
from twofold.engine.edit_runs import EditRuns
from twofold.engine.model import CompareOptions
from twofold.engine.parallel.pair_guess import guess_pairs
from twofold.engine.stats import edit_counts

#: The two texts of one pair to diff.
Job: TypeAlias = tuple[str, str]
#: One pair's edits as they cross the process boundary: op codes and run lengths.
Packed: TypeAlias = "tuple[bytes, array[int]]"
#: A batch's answer: each pair's packed edits, similarity and ``EditCounts`` (as a tuple).
Answer: TypeAlias = "tuple[list[Packed], list[float], list[tuple[int, ...]]]"

#: A head start's paragraphs: ``("guess", A's, B's, options, characters a batch)``.
Guess: TypeAlias = "tuple[str, list[bytes], list[bytes], CompareOptions, int]"
#: A head start's batch: the guessed pairs' ``(paragraph of A, paragraph of B)`` and ``Answer``.
GuessAnswer: TypeAlias = "tuple[list[tuple[int, int]], Answer]"
#: The head start's other requests: diff the next batch of guesses; drop the paragraphs.
NEXT, FORGET = ("next",), ("forget",)
#: The argument a frozen build's executable runs the helper on (``twofold.__main__``).
HELPER_ARG = "--twofold-refine-helper"
#: How much lower the helper's priority is than the window's (``os.nice``).
HELPER_NICENESS = 10
#: Length prefix of every message.
HEADER = struct.Struct("<Q")


def answer(jobs: list[Job], options: CompareOptions) -> Answer:
    """What the helper sends back for a batch: each pair's packed edits, similarity, edit counts.

    The similarities and counts are the refinement's last steps; made here, on
    the helper's core, they are not left for the end of the refinement on one.
    Counted pair by pair, since a head start (``head_start``) keeps only the
    pairs the alignment confirms.
    """
    edit_lists = [inline_edits(a, b, options) for a, b in jobs]
    return (
        [pack(edits) for edits in edit_lists],
        [similarity(edits) for edits in edit_lists],
        [tuple(edit_counts([edits])) for edits in edit_lists],
    )


def pack(edits: EditRuns) -> Packed:
    """What crosses the pipe of a pair's edits: ``EditRuns``' codes and lengths, without texts."""
    return edits.codes, edits.lengths


def send(pipe: IO[bytes], message: object) -> None:
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


def serve(requests: IO[bytes] | None = None, answers: IO[bytes] | None = None) -> None:
    """The helper's loop: read ``(jobs, options)``, answer their packed edits, until EOF."""
    requests = requests or sys.stdin.buffer
    answers = answers or sys.stdout.buffer
    _yield_to_the_window()
    guesses: _Guesses | None = None
    while True:
        try:
            message = receive(requests)
        except EOFError:
            return
        if message == NEXT:
            send(answers, guesses.next_batch() if guesses is not None else None)
        elif message == FORGET:
            guesses = None
        elif isinstance(message, tuple) and message[0] == "guess":
            guesses = _Guesses(*message[1:])
        else:
            jobs: list[Job]
            options: CompareOptions
            jobs, options = message  # type: ignore[misc]
            send(answers, answer(jobs, options))


class _Guesses:
    """A head start's paragraphs and guessed pairs, diffed a batch per ``NEXT``."""

    def __init__(
        self,
        paragraphs_a: list[bytes],
        paragraphs_b: list[bytes],
        options: CompareOptions,
        batch_chars: int,
    ) -> None:
        self._a, self._b = paragraphs_a, paragraphs_b
        self._options, self._batch_chars = options, batch_chars
        self._pairs = guess_pairs(paragraphs_a, paragraphs_b)
        self._at = 0

    def next_batch(self) -> GuessAnswer | None:
        """The next guessed pairs (about ``batch_chars``) and their answer; None at the end."""
        pairs: list[tuple[int, int]] = []
        size = 0
        while self._at < len(self._pairs) and size < self._batch_chars:
            i, j = self._pairs[self._at]
            self._at += 1
            pairs.append((i, j))
            size += len(self._a[i]) + len(self._b[j])
        if not pairs:
            return None
        jobs = [(_text(self._a[i]), _text(self._b[j])) for i, j in pairs]
        return pairs, answer(jobs, self._options)


def _text(paragraph: bytes) -> str:
    # surrogatepass: what the sender encoded so, lone surrogates of undecodable input included
    return paragraph.decode("utf-8", "surrogatepass")


def _yield_to_the_window() -> None:
    """Run at a lower priority: the helper should use a core the window leaves idle.

    While the GUI puts a preview on screen its two threads want both cores;
    at equal priority the helper slowed that first screen of a 10 MB pair by
    0.3 s. A niced helper still gets any idle core in full.
    """
    with contextlib.suppress(AttributeError, OSError):  # no nice() here, or not allowed
        os.nice(HELPER_NICENESS)


if __name__ == "__main__":
    serve()
