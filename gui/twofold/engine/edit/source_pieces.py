# SPDX-License-Identifier: GPL-3.0-or-later
"""A file's bytes cut into pieces that each hold a known stretch of its decoded text.

Why: a document's text has ``\\n`` newlines and U+FFFD where bytes did not
decode, so encoding the text again cannot give back a file of mixed line ends
or one with a stray byte. Saving an edit keeps the bytes of every stretch the
user did not touch by copying them from these pieces (``encode_back``).

A piece is a run of text without newlines (its bytes are its encoding, and a
part of it encodes to the matching part of its bytes in a stateless codec),
one newline (its bytes are the file's ``\\r\\n``, ``\\r`` or ``\\n``), or one
undecodable sequence (its bytes are the sequence, its text U+FFFD).

Constraints: pure, no Qt, no I/O.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from twofold.engine.result.model import Document

__all__ = ["BOMS", "Piece", "SourcePieces", "source_pieces"]

#: the byte order mark each encoding a BOM was read for writes back
BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}
_NEWLINE = re.compile("\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of the file: its decoded text (``\\n`` newlines) and its bytes."""

    text: str
    data: bytes
    #: whether any part of ``text`` encodes to the matching part of ``data``
    #: (False for a newline, an undecodable sequence, or a stateful codec's run)
    divisible: bool


@dataclass(frozen=True, slots=True)
class SourcePieces:
    """The pieces of one file in order, and where each starts in the decoded text."""

    bom: bytes
    pieces: tuple[Piece, ...]
    starts: tuple[int, ...]
    encoding: str
    #: the line end that new lines get: the file's most frequent one
    newline: str

    def bytes_of(self, start: int, end: int) -> bytes:
        """The file's own bytes for decoded text ``[start, end)``.

        Raises:
            ValueError: a bound falls inside an indivisible piece (the caller
                widens its edits to ``bounds`` first).
        """
        if start >= end:
            return b""
        out: list[bytes] = []
        k = bisect_right(self.starts, start) - 1
        while k < len(self.pieces) and self.starts[k] < end:
            piece, at = self.pieces[k], self.starts[k]
            lo, hi = max(start, at) - at, min(end, at + len(piece.text)) - at
            if lo == 0 and hi == len(piece.text):
                out.append(piece.data)
            elif piece.divisible:
                out.append(piece.text[lo:hi].encode(self.encoding))
            else:
                raise ValueError("a bound inside an indivisible piece")
            k += 1
        return b"".join(out)

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` grown to whole pieces where it cuts an indivisible one."""
        k = bisect_right(self.starts, start) - 1
        if 0 <= k < len(self.pieces) and not self.pieces[k].divisible and start > self.starts[k]:
            start = self.starts[k]
        k = bisect_right(self.starts, end) - 1
        if 0 <= k < len(self.pieces) and not self.pieces[k].divisible and end > self.starts[k]:
            end = self.starts[k] + len(self.pieces[k].text)
        return start, end


def source_pieces(doc: Document, data: bytes) -> SourcePieces | None:
    """The pieces of ``data``, the bytes ``doc`` was decoded from; None if they do not add up.

    None means the bytes do not decode to ``doc.text`` in ``doc.encoding`` (a
    file changed since, or a decoding this module cannot retrace); the caller
    then encodes the whole text.
    """
    bom = BOMS.get(doc.encoding, b"") if doc.bom else b""
    if not data.startswith(bom):
        return None
    body = memoryview(data)[len(bom) :]
    pieces: list[Piece] = []
    pos = 0
    while pos < len(body):
        try:
            text = str(body[pos:], doc.encoding)
        except UnicodeDecodeError as exc:
            if exc.start > 0:
                _add_text(pieces, str(body[pos : pos + exc.start], doc.encoding), doc.encoding)
            pieces.append(Piece("\ufffd", bytes(body[pos + exc.start : pos + exc.end]), False))
            pos += exc.end
            continue
        except LookupError:
            return None
        _add_text(pieces, text, doc.encoding)
        break
    starts = tuple(accumulate((len(p.text) for p in pieces), initial=0))[:-1]
    if "".join(p.text for p in pieces) != doc.text or b"".join(p.data for p in pieces) != body:
        return None
    return SourcePieces(bom, tuple(pieces), starts, doc.encoding, _most_frequent(pieces, doc))


def _add_text(pieces: list[Piece], text: str, encoding: str) -> None:
    """Cut a cleanly decoded stretch at its newlines into pieces."""
    pos = 0
    for found in _NEWLINE.finditer(text):
        if found.start() > pos:
            pieces.append(_run(text[pos : found.start()], encoding))
        pieces.append(Piece("\n", found.group().encode(encoding), False))
        pos = found.end()
    if pos < len(text):
        pieces.append(_run(text[pos:], encoding))


def _run(text: str, encoding: str) -> Piece:
    """A run without newlines; divisible when its characters encode one by one as a whole.

    Stateful codecs (ISO-2022, UTF-7, HZ) encode a character by what came
    before; their runs are kept whole.
    """
    data = text.encode(encoding)
    divisible = codecs.lookup(encoding).name not in _STATEFUL
    return Piece(text, data, divisible)


_STATEFUL = frozenset(
    codecs.lookup(name).name
    for name in (
        "utf-7",
        "hz",
        "iso2022_jp",
        "iso2022_jp_1",
        "iso2022_jp_2",
        "iso2022_jp_2004",
        "iso2022_jp_3",
        "iso2022_jp_ext",
        "iso2022_kr",
        "utf-16",
        "utf-32",
    )
)


def _most_frequent(pieces: list[Piece], doc: Document) -> str:
    """The line end used most in the file (``\\n`` for a file without one)."""
    counts: dict[bytes, int] = {}
    for piece in pieces:
        if piece.text == "\n" and not piece.divisible and piece.data:
            counts[piece.data] = counts.get(piece.data, 0) + 1
    if not counts:
        return "\n"
    best = max(counts.items(), key=lambda item: item[1])[0]
    return best.decode(doc.encoding)
