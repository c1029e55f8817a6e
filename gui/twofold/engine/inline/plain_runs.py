# SPDX-License-Identifier: GPL-3.0-or-later
"""A word diff's runs tidied and packed in one pass: the plain path's last step.

Why apart from ``chardiff._tidy``: most changed pairs take the plain path
(nothing folded or ignored), where every run is significant. There the tidy
rules (deletions before insertions in each change, like neighbours merged,
empty runs dropped, and for a mirrored pair the runs flipped and deletions put
first again) are applied over lists, not through a chain of generators of
``(op, length, ignored)`` tuples, and the codes are those ``EditRuns`` keeps.
The edits are the ones the general stages give. No Qt.
"""

from __future__ import annotations

from array import array

from twofold.engine.result.kinds import Op

__all__ = ["plain_runs"]

#: ``EditRuns``' code of each op, for runs not ignored.
_EQUAL, _DELETE, _INSERT = 0, 1, 2
_CODE = {Op.EQUAL: _EQUAL, Op.DELETE: _DELETE, Op.INSERT: _INSERT}


def plain_runs(raw: list[tuple[Op, int]], *, mirrored: bool) -> tuple[bytes, array[int]]:
    """``EditRuns`` codes and lengths of ``_tidy`` over ``raw`` (none ignored), then
    ``_mirrored`` when ``mirrored``.
    """
    codes: list[int] = []
    lengths: list[int] = []
    held = 0  # characters inserted since the last equal run, put after its deletions
    for op, n in raw:
        if op is Op.INSERT:
            held += n
            continue
        code = _CODE[op]
        if held and code == _EQUAL:
            _add(codes, lengths, _INSERT, held)
            held = 0
        _add(codes, lengths, code, n)
    _add(codes, lengths, _INSERT, held)
    if mirrored:
        codes, lengths = _flipped(codes, lengths)
    return bytes(codes), array("q", lengths)


def _add(codes: list[int], lengths: list[int], code: int, n: int) -> None:
    """Append a run, merged into the last one if it has the same code; empty runs dropped."""
    if not n:
        return
    if codes and codes[-1] == code:
        lengths[-1] += n
    else:
        codes.append(code)
        lengths.append(n)


def _flipped(codes: list[int], lengths: list[int]) -> tuple[list[int], list[int]]:
    """Deletions and insertions swapped, then each change's deletions first (nothing merged)."""
    out_codes: list[int] = []
    out_lengths: list[int] = []
    held: list[int] = []  # lengths of the insertions waiting for the next equal run
    for code, n in zip(codes, lengths, strict=True):
        if code == _DELETE:  # an insertion once flipped
            held.append(n)
            continue
        if code == _EQUAL and held:
            out_codes += [_INSERT] * len(held)
            out_lengths += held
            held = []
        out_codes.append(_DELETE if code == _INSERT else code)
        out_lengths.append(n)
    out_codes += [_INSERT] * len(held)
    out_lengths += held
    return out_codes, out_lengths
