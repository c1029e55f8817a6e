# SPDX-License-Identifier: GPL-3.0-or-later
"""The line-based unified diff of ``twofold --diff`` and File ▸ Export (what ``diff -u`` prints).

Why bytes: the output is meant for GNU ``patch`` and ``git apply``, which read
both the patch and the file as bytes and cut lines after each ``\\n`` byte. So
the diff is made the same way, from the files' bytes as stored: every line keeps
its own ending (LF, CRLF, or a lone CR left inside the line, as patch sees it),
a BOM stays part of the first line, a last line without ``\\n`` gets the ``\\ No
newline at end of file`` marker, and the text is never decoded or re-encoded.
That is exact for any encoding by construction, also when A and B differ in
encoding or BOM (the changed lines then differ in their bytes, and the patch
still turns A into B). The price is paid only by encodings that are not ASCII
supersets: a UTF-16 file's ``\\n`` byte need not end a character, so its lines
are cut where patch cuts them, not where a reader would (as ``diff -a`` does).

Hunks are grouped and numbered exactly as :func:`difflib.unified_diff` does;
the lines are matched by :mod:`twofold.engine.align.line_diff` (git's histogram diff).
Labels cannot break the header: control characters become spaces.

Constraints: pure, no I/O, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterator

from twofold.engine.align.line_diff import LineRun, line_runs
from twofold.engine.result.kinds import DocFormat, NewlineStyle
from twofold.engine.result.model import CompareOptions, Document

__all__ = [
    "NO_NEWLINE_MARKER",
    "newlines_as_lf",
    "split_lines",
    "stored_diff",
    "text_as_utf8",
    "unified_diff",
]

#: what diff(1) prints after a line that ends a file without a newline
NO_NEWLINE_MARKER = b"\\ No newline at end of file"

#: control characters (newlines, tabs, ...) would split or confuse the header
_HEADER_UNSAFE = {c: " " for c in (*range(0x20), 0x7F, 0x85, 0x2028, 0x2029)}
#: the line ending a text without bytes is written with (a mixed one gets LF)
_NEWLINES = {NewlineStyle.CRLF: "\r\n", NewlineStyle.CR: "\r"}
_DEFAULTS = CompareOptions()


def unified_diff(
    a: bytes,
    b: bytes,
    label_a: str,
    label_b: str,
    context: int = 3,
    *,
    ignore_blank_lines: bool = False,
) -> bytes:
    """The unified diff of the bytes ``a`` and ``b`` by lines; empty when they are equal.

    Args:
        a: file A as stored.
        b: file B as stored.
        label_a: A's name in the ``---`` line.
        label_b: B's name in the ``+++`` line.
        context: unchanged lines shown around each change (diff's ``-U``).
        ignore_blank_lines: diff's ``-B``: a hunk whose changes only add or remove
            empty lines is left out (an empty line near a real change is shown in
            its hunk); empty when all are.
    """
    if context < 0:
        raise ValueError(f"context must not be negative: {context}")
    if a == b:
        return b""
    lines_a, lines_b = split_lines(a), split_lines(b)
    hunks = _hunks(line_runs(lines_a, lines_b), context)
    if ignore_blank_lines:
        hunks = (hunk for hunk in hunks if not _blank_only(hunk, lines_a, lines_b))
    out = [b"--- " + _header_name(label_a) + b"\n", b"+++ " + _header_name(label_b) + b"\n"]
    for hunk in hunks:
        first, last = hunk[0], hunk[-1]
        out.append(
            b"@@ -%s +%s @@\n"
            % (_range(first.a_start, last.a_stop), _range(first.b_start, last.b_stop))
        )
        for run in hunk:
            if run.equal:
                out.extend(_lines(b" ", lines_a[run.a_start : run.a_stop]))
            else:
                out.extend(_lines(b"-", lines_a[run.a_start : run.a_stop]))
                out.extend(_lines(b"+", lines_b[run.b_start : run.b_stop]))
    return b"".join(out) if len(out) > 2 else b""


def newlines_as_lf(data: bytes, encoding: str) -> bytes:
    """``data`` with each CRLF and lone CR made LF: ``--strip-trailing-cr`` for ``--diff``.

    GNU diff strips the CR before each LF; a lone CR ends a line for Twofold
    (and for the other fronts' ``--strip-trailing-cr``), so it becomes LF too.
    Bytes of an ASCII-compatible encoding are replaced as bytes (a damaged byte
    stays as it is); UTF-16/32, whose CR and LF are not single bytes, through
    their codec, or not at all if they do not decode.
    """
    if not encoding.lower().startswith(("utf-16", "utf-32")):
        return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    try:
        text = data.decode(encoding, "surrogatepass")
    except UnicodeDecodeError:
        return data
    return text.replace("\r\n", "\n").replace("\r", "\n").encode(encoding, "surrogatepass")


def stored_diff(
    a: Document,
    data_a: bytes | None,
    b: Document,
    data_b: bytes | None,
    options: CompareOptions = _DEFAULTS,
) -> bytes:
    """What ``twofold --diff`` prints for two documents and the bytes they were decoded from.

    The one definition for the command line and File ▸ Export, so the window's
    export is the same file byte for byte: ``options`` add ``--strip-trailing-cr``
    and ``-B`` as the window's Compare menu sets them. A side whose bytes are None
    has no file (pasted text): its text stands in, as :func:`text_as_utf8` writes it;
    so does a document's (DOCX, PDF...), whose bytes are not its text.
    """
    sides = []
    for doc, data in ((a, data_a), (b, data_b)):
        # A document's bytes are a zip or a PDF: its extracted text is what was compared.
        stored = data if doc.format is DocFormat.TEXT else None
        encoding = doc.encoding if stored is not None else "utf-8"
        raw = stored if stored is not None else text_as_utf8(doc)
        sides.append(newlines_as_lf(raw, encoding) if options.strip_trailing_cr else raw)
    return unified_diff(
        sides[0], sides[1], a.label, b.label, ignore_blank_lines=options.ignore_blank_lines
    )


def text_as_utf8(doc: Document) -> bytes:
    """A document's text as it would be stored in UTF-8, with its file's BOM and newline style.

    What stands in for bytes that are not there (a side without a file); a
    mixed-newline document gets LF, so only a UTF-8 one-style text is exact.
    """
    text = doc.text
    newline = _NEWLINES.get(doc.newline)
    if newline is not None:
        text = text.replace("\n", newline)
    if doc.bom:
        text = "\ufeff" + text
    return text.encode("utf-8", "surrogatepass")


def split_lines(data: bytes) -> list[bytes]:
    """``data`` cut after each ``\\n`` byte; the last line keeps no newline if it had none."""
    lines = data.split(b"\n")
    last = lines.pop()  # the piece after the final "\n": empty when the data ends in one
    lines = [line + b"\n" for line in lines]
    if last:
        lines.append(last)
    return lines


def _hunks(runs: list[LineRun], n: int) -> Iterator[list[LineRun]]:
    """Runs grouped into hunks with ``n`` lines of context: difflib's grouping."""
    hunk: list[LineRun] = []
    last = len(runs) - 1
    for k, run in enumerate(runs):
        if not run.equal:
            hunk.append(run)
            continue
        i1, i2, j1, j2 = run.a_start, run.a_stop, run.b_start, run.b_stop
        if k == 0:  # leading context only
            i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
        if k == last:  # trailing context only
            i2, j2 = min(i2, i1 + n), min(j2, j1 + n)
        if k not in (0, last) and i2 - i1 > 2 * n:
            hunk.append(LineRun(i1, i1 + n, j1, j1 + n, equal=True))
            if any(not r.equal for r in hunk):
                yield hunk
            hunk = []
            i1, j1 = i2 - n, j2 - n
        hunk.append(LineRun(i1, i2, j1, j2, equal=True))
    if any(not r.equal for r in hunk):
        yield hunk


def _blank_only(hunk: list[LineRun], lines_a: list[bytes], lines_b: list[bytes]) -> bool:
    """True when every change of ``hunk`` adds or removes empty lines only (diff -B)."""
    lines = (
        line
        for run in hunk
        if not run.equal
        for line in (*lines_a[run.a_start : run.a_stop], *lines_b[run.b_start : run.b_stop])
    )
    # Only "\n": a CRLF file's empty line holds a CR, as diff -B sees it
    # (--strip-trailing-cr has made it "\n" by now).
    return all(line == b"\n" for line in lines)


def _range(start: int, stop: int) -> bytes:
    """A hunk header range as diff(1) writes it (see ``difflib._format_range_unified``)."""
    length = stop - start
    if length == 1:
        return b"%d" % (start + 1)
    return b"%d,%d" % (start + 1 if length else start, length)


def _lines(sign: bytes, lines: list[bytes]) -> Iterator[bytes]:
    for line in lines:
        if line.endswith(b"\n"):
            yield sign + line
        else:
            # the "\n" before the marker belongs to the patch, not to the file
            yield sign + line + b"\n" + NO_NEWLINE_MARKER + b"\n"


def _header_name(label: str) -> bytes:
    """The label as bytes; a name the command line got as undecodable bytes gets them back."""
    name = label.translate(_HEADER_UNSAFE) or "-"
    try:
        return name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that no file name decoded to
        return name.encode("utf-8", "backslashreplace")
