# SPDX-License-Identifier: GPL-3.0-or-later
"""The line-based unified diff printed by ``twofold --diff`` (what ``diff -u`` prints).

Why lines and not paragraphs: the output is meant for ``patch`` and ``git apply``,
which know only lines. Lines are cut at ``\\n`` only (``str.splitlines`` would
also cut at form feeds and U+2028, which ``patch`` does not), a last line without
a newline gets the ``\\ No newline at end of file`` marker, and labels cannot
break the header. Hunks are grouped and numbered exactly as
:func:`difflib.unified_diff` does, but the line matching is Myers' (through
diff-match-patch, each distinct line encoded as one character, as in
:mod:`twofold.engine.chardiff`): difflib's matcher goes quadratic on files with
many repeated lines, minutes for 10 MB where Myers takes a fraction of a second.

Constraints: pure, no I/O, no Qt. The texts are the decoded, ``\\n``-normalised
ones; when both files used CRLF the lines end in CRLF again so the patch applies
to the files as stored.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from twofold.engine.chardiff import encode_tokens, raw_diff
from twofold.engine.model import DiffResult, Document, NewlineStyle, Op

__all__ = ["NO_NEWLINE_MARKER", "render_unified", "split_lines"]

#: what diff(1) prints after a line that ends a file without a newline
NO_NEWLINE_MARKER = "\\ No newline at end of file"

#: control characters (newlines, tabs, ...) would split or confuse the header
_HEADER_UNSAFE = {c: " " for c in (*range(0x20), 0x7F, 0x85, 0x2028, 0x2029)}

#: seconds Myers may search before settling for a coarser (still exact) diff
_TIMEOUT = 10.0
#: distinct lines that can be encoded as characters (code points minus surrogates)
_MAX_DISTINCT = 0x10FFFF - 0x800 - 1

#: ``(i1, i2, j1, j2, equal)``: lines ``a[i1:i2]`` became ``b[j1:j2]``
_Block = tuple[int, int, int, int, bool]


def render_unified(result: DiffResult, context: int = 3) -> str:
    """The unified diff of A and B by lines; the empty string when the texts are equal.

    Args:
        result: the comparison; only its two documents are used.
        context: unchanged lines shown around each change (diff's ``-U``).
    """
    if context < 0:
        raise ValueError(f"context must not be negative: {context}")
    if result.a.text == result.b.text:
        return ""
    a, b = split_lines(result.a.text), split_lines(result.b.text)
    eol = _line_end(result.a, result.b)
    out = [f"--- {_header_name(result.a)}\n", f"+++ {_header_name(result.b)}\n"]
    for hunk in _hunks(_blocks(a, b), context):
        i1, i2, j1, j2 = hunk[0][0], hunk[-1][1], hunk[0][2], hunk[-1][3]
        out.append(f"@@ -{_range(i1, i2)} +{_range(j1, j2)} @@\n")
        for k1, k2, l1, l2, equal in hunk:
            if equal:
                out.extend(_lines(" ", a[k1:k2], eol))
            else:
                out.extend(_lines("-", a[k1:k2], eol))
                out.extend(_lines("+", b[l1:l2], eol))
    return "".join(out)


def split_lines(text: str) -> list[str]:
    """``text`` cut after each ``\\n``; the last line keeps no newline if it had none."""
    lines = [line + "\n" for line in text.split("\n")]
    last = lines.pop()  # the piece after the final "\n": empty when the text ends in one
    if last != "\n":
        lines.append(last[:-1])
    return lines


def _blocks(a: list[str], b: list[str]) -> list[_Block]:
    """Alternating equal and changed runs covering both line lists, in order."""
    if len(set(a).union(b)) > _MAX_DISTINCT:  # cannot be encoded: fall back to difflib
        ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        steps = [(tag == "equal", i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops]
    else:
        enc_a, enc_b = encode_tokens([a, b])
        steps = [
            (
                op is Op.EQUAL,
                0 if op is Op.INSERT else len(chunk),
                0 if op is Op.DELETE else len(chunk),
            )
            for op, chunk in raw_diff(enc_a, enc_b, _TIMEOUT, semantic=False)
        ]
    blocks: list[_Block] = []
    i = j = 0
    for equal, n_a, n_b in steps:
        if blocks and not equal and not blocks[-1][4]:  # delete + insert: one change
            i1, _, j1, _, _ = blocks.pop()
            blocks.append((i1, i + n_a, j1, j + n_b, False))
        else:
            blocks.append((i, i + n_a, j, j + n_b, equal))
        i, j = i + n_a, j + n_b
    return blocks


def _hunks(blocks: list[_Block], n: int) -> Iterator[list[_Block]]:
    """Blocks grouped into hunks with ``n`` lines of context: difflib's grouping."""
    hunk: list[_Block] = []
    last = len(blocks) - 1
    for k, (i1, i2, j1, j2, equal) in enumerate(blocks):
        if not equal:
            hunk.append((i1, i2, j1, j2, equal))
            continue
        if k == 0:  # leading context only
            i1, j1 = max(i1, i2 - n), max(j1, j2 - n)
        if k == last:  # trailing context only
            i2, j2 = min(i2, i1 + n), min(j2, j1 + n)
        if k not in (0, last) and i2 - i1 > 2 * n:
            hunk.append((i1, i1 + n, j1, j1 + n, True))
            if any(not block[4] for block in hunk):
                yield hunk
            hunk = []
            i1, j1 = i2 - n, j2 - n
        hunk.append((i1, i2, j1, j2, True))
    if any(not block[4] for block in hunk):
        yield hunk


def _range(start: int, stop: int) -> str:
    """A hunk header range as diff(1) writes it (see ``difflib._format_range_unified``)."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def _lines(sign: str, lines: list[str], eol: str) -> Iterator[str]:
    for line in lines:
        if line.endswith("\n"):
            yield sign + line[:-1] + eol
        else:
            # the "\n" before the marker belongs to the patch, not to the file
            yield sign + line + "\n" + NO_NEWLINE_MARKER + "\n"


def _line_end(a: Document, b: Document) -> str:
    """CRLF only when both files used it: the patch must match the bytes on disk."""
    if a.newline is NewlineStyle.CRLF and b.newline is NewlineStyle.CRLF:
        return "\r\n"
    return "\n"


def _header_name(doc: Document) -> str:
    return doc.label.translate(_HEADER_UNSAFE) or "-"
