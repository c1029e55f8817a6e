# SPDX-License-Identifier: GPL-3.0-or-later
"""An edited side's text turned back into the bytes of its file.

What a save must keep (issue 21): the file's encoding, its byte order mark, its
line ends and whether it ends with one, so that saving without a change gives
the same bytes and every byte the user did not edit stays as it was. A text
with ``\\n`` newlines encoded again gives that for most files; for a file of
mixed line ends or with bytes that did not decode, the unedited stretches are
copied from the file's own bytes instead (``source_pieces``), and only what
the user changed is encoded, with the file's most frequent line end.

Where the edits are: lines compared with git's histogram diff, then the
characters of the changed lines with diff-match-patch, so two edits far apart
do not make everything between them "edited".

Constraints: pure, no Qt, no I/O; the caller reads the bytes again
(``compared_bytes.read_compared``) and writes with ``safe_output.write_atomic``.
"""

from __future__ import annotations

import re

from twofold.engine.align.line_diff import line_runs
from twofold.engine.edit.source_pieces import BOMS, SourcePieces, source_pieces
from twofold.engine.errors import TwofoldError
from twofold.engine.inline.raw_diff import raw_diff_counts
from twofold.engine.result.kinds import DocFormat, NewlineStyle, Op
from twofold.engine.result.model import Document

__all__ = ["UnsavableTextError", "saved_bytes"]

_NEWLINES = {NewlineStyle.LF: "\n", NewlineStyle.CRLF: "\r\n", NewlineStyle.CR: "\r"}
_LINE = re.compile("[^\n]*\n|[^\n]+")
#: seconds the character diff of one changed stretch may take (a coarser diff is still exact)
_DIFF_TIMEOUT = 1.0

#: an edited region: ``[a_start, a_end)`` of the old text becomes ``[b_start, b_end)`` of the new
_Region = tuple[int, int, int, int]


class UnsavableTextError(TwofoldError):
    """The text holds a character the file's encoding cannot store; one sentence says which."""


def saved_bytes(doc: Document, text: str, original: bytes | None) -> bytes:
    """The bytes that store ``text`` as ``doc``'s file stores ``doc.text``.

    Args:
        doc: the side as it was loaded (encoding, BOM, newline style).
        text: the side's text now, with ``\\n`` newlines.
        original: the bytes ``doc`` was decoded from (None for a side that has
            no file: it is encoded whole).

    Raises:
        UnsavableTextError: ``text`` has a character ``doc.encoding`` has no bytes for.
    """
    if doc.format is not DocFormat.TEXT:
        raise ValueError("a document's extracted text is saved as new text (save_file)")
    if original is not None and text == doc.text:
        return original
    if original is None:
        return _plain(doc, text)
    if _plain_or_none(doc, doc.text) == original:  # the usual file: encoding again is exact
        return _plain(doc, text)
    pieces = source_pieces(doc, original)
    if pieces is None:
        return _plain(doc, text)
    return _spliced(doc, pieces, text)


def _newline(doc: Document) -> str:
    return _NEWLINES.get(doc.newline, "\n")


def _plain(doc: Document, text: str) -> bytes:
    bom = BOMS.get(doc.encoding, b"") if doc.bom else b""
    return bom + _encode(doc, text, _newline(doc), text, 0)


def _plain_or_none(doc: Document, text: str) -> bytes | None:
    try:
        return _plain(doc, text)
    except UnsavableTextError:
        return None


def _encode(doc: Document, part: str, newline: str, whole: str, at: int) -> bytes:
    """``part`` (which stands at ``at`` in ``whole``) in the file's encoding and line end."""
    try:
        return part.replace("\n", newline).encode(doc.encoding)
    except UnicodeEncodeError as exc:
        # Offsets of the error count in the text with its line ends replaced.
        shown = part.replace("\n", newline)
        char = shown[exc.start]
        offset = at + len(shown[: exc.start].replace(newline, "\n"))
        line = whole.count("\n", 0, offset) + 1
        raise UnsavableTextError(
            f'"{doc.label}" is stored as {doc.encoding}, which has no "{char}" '
            f"(U+{ord(char):04X}, line {line}); save it under another name as UTF-8, "
            "or remove the character."
        ) from None


def _spliced(doc: Document, pieces: SourcePieces, text: str) -> bytes:
    """The file's bytes with only the edited regions encoded anew."""
    old = doc.text
    out = [pieces.bom]
    pos = 0
    for a_start, a_end, b_start, b_end in _widened(pieces, _regions(old, text)):
        out.append(pieces.bytes_of(pos, a_start))
        out.append(_encode(doc, text[b_start:b_end], pieces.newline, text, b_start))
        pos = a_end
    out.append(pieces.bytes_of(pos, len(old)))
    return b"".join(out)


def _regions(old: str, new: str) -> list[_Region]:
    """Where ``new`` differs from ``old``, as few, small regions, in order."""
    lines_old, lines_new = _LINE.findall(old), _LINE.findall(new)
    at_old, at_new = _offsets(lines_old), _offsets(lines_new)
    regions: list[_Region] = []
    for run in line_runs(lines_old, lines_new):
        if run.equal:
            continue
        a0, a1 = at_old[run.a_start], at_old[run.a_stop]
        b0, b1 = at_new[run.b_start], at_new[run.b_stop]
        regions.extend(_char_regions(old[a0:a1], new[b0:b1], a0, b0))
    return regions


def _offsets(lines: list[str]) -> list[int]:
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets


def _char_regions(a: str, b: str, a_at: int, b_at: int) -> list[_Region]:
    """The changed regions of one changed stretch of lines, by characters."""
    regions: list[_Region] = []
    ia, ib = a_at, b_at
    open_at: tuple[int, int] | None = None
    for op, n in raw_diff_counts(a, b, _DIFF_TIMEOUT, semantic=False):
        if op is Op.EQUAL:
            if open_at is not None:
                regions.append((open_at[0], ia, open_at[1], ib))
                open_at = None
            ia, ib = ia + n, ib + n
            continue
        if open_at is None:
            open_at = (ia, ib)
        if op is Op.DELETE:
            ia += n
        else:
            ib += n
    if open_at is not None:
        regions.append((open_at[0], ia, open_at[1], ib))
    return regions


def _widened(pieces: SourcePieces, regions: list[_Region]) -> list[_Region]:
    """Regions grown to whole indivisible pieces (a line end, a stray byte), then merged.

    What a region grows by is unedited text, the same on both sides.
    """
    merged: list[_Region] = []
    for a0, a1, b0, b1 in regions:
        w0, w1 = pieces.widen(a0, a1)
        region = (w0, w1, b0 - (a0 - w0), b1 + (w1 - a1))
        if merged and region[0] <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], region[1]), last[2], max(last[3], region[3]))
        else:
            merged.append(region)
    return merged
