# SPDX-License-Identifier: GPL-3.0-or-later
"""Apply a unified diff to bytes, strictly, as a check that ``--diff`` output is a real patch.

Written against the format (``diff -u``, POSIX and GNU patch), not against
Twofold's writer, so it keeps checking whatever the writer becomes: lines are
cut after each ``\\n`` byte and keep their own endings (a CRLF line is
``-text\\r\\n``), ``\\ No newline at end of file`` takes the newline off the line
before it, and a hunk ``-s,0`` inserts after line ``s``. Unlike ``patch`` it
allows no offset and no fuzz: every context and removed line must be at the
place its hunk header says, so a wrong header or a wrong line is an error, not
a near miss. Used by the hypothesis tests and by ``bench/fuzz_engine.py``.
"""

from __future__ import annotations

import re

__all__ = ["PatchError", "apply_unified"]

_HUNK = re.compile(rb"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_NO_NEWLINE = b"\\ No newline at end of file"


class PatchError(ValueError):
    """The patch does not apply, or is not a well-formed unified diff."""


def apply_unified(patch: bytes, original: bytes) -> bytes:
    """``original`` with ``patch`` applied; an empty patch leaves it as it is.

    Raises:
        PatchError: a malformed patch, or a line that is not where the patch says.
    """
    if not patch:
        return original
    lines = _split(patch)
    if len(lines) < 2 or not lines[0].startswith(b"--- ") or not lines[1].startswith(b"+++ "):
        raise PatchError("the patch does not start with the --- and +++ header lines")
    source, out = _split(original), []
    done = 0  # lines of the original already copied or consumed
    at = 2
    while at < len(lines):
        header = _HUNK.match(lines[at])
        if header is None:
            raise PatchError(f"line {at + 1} is not a hunk header: {lines[at]!r}")
        start, length = int(header[1]), _count(header[2])
        new_length = _count(header[4])
        first = start - 1 if length else start  # "-s,0": insert after line s
        if first < done or first > len(source):
            raise PatchError(f"hunk at line {at + 1} starts at {start}, out of order or range")
        out.extend(source[done:first])
        body, at = _body(lines, at + 1)
        old = [line for sign, line in body if sign != b"+"]
        new = [line for sign, line in body if sign != b"-"]
        if (len(old), len(new)) != (length, new_length):
            counts = f"{len(old)}/{len(new)} lines, the header {length}/{new_length}"
            raise PatchError(f"hunk at {start} has {counts}")
        if source[first : first + length] != old:
            raise PatchError(f"hunk at {start} does not match the original")
        out.extend(new)
        done = first + length
    out.extend(source[done:])
    return b"".join(out)


def _split(data: bytes) -> list[bytes]:
    """``data`` cut after each ``\\n``, endings kept (a lone CR stays inside its line)."""
    pieces = data.split(b"\n")
    last = pieces.pop()
    lines = [piece + b"\n" for piece in pieces]
    if last:
        lines.append(last)
    return lines


def _count(text: bytes | None) -> int:
    return 1 if text is None else int(text)


def _body(lines: list[bytes], at: int) -> tuple[list[tuple[bytes, bytes]], int]:
    """The ``(sign, line)`` pairs of one hunk from ``lines[at]`` on, and where it ends."""
    body: list[tuple[bytes, bytes]] = []
    while at < len(lines) and not lines[at].startswith(b"@@"):
        line = lines[at]
        if line.rstrip(b"\n") == _NO_NEWLINE:
            if not body or not body[-1][1].endswith(b"\n"):
                raise PatchError(f"line {at + 1}: a no-newline marker after nothing to mark")
            sign, marked = body.pop()
            body.append((sign, marked[:-1]))  # that "\n" belonged to the patch
        elif line[:1] in (b" ", b"-", b"+"):
            body.append((line[:1], line[1:]))
        else:
            raise PatchError(f"line {at + 1} is not part of a hunk: {line!r}")
        at += 1
    return body, at
