# SPDX-License-Identifier: GPL-3.0-or-later
"""The short human summary of ``twofold --stat`` (and the status bar's wording)."""

from __future__ import annotations

from twofold.engine.model import DiffResult, Document, PairKind
from twofold.engine.terminal_text import quote_name

_ORDER = (PairKind.CHANGED, PairKind.MOVED, PairKind.INSERTED, PairKind.DELETED)


def percent(share: float) -> str:
    """``share`` as a whole percentage that never claims 100 % (or 0 %) when it is not.

    A 5 MB paragraph with a few changed words is 99.9 % similar; "100%" beside a
    change would read as "nothing changed".
    """
    value = round(share * 100)
    if value == 100 and share < 1.0:
        value = 99
    elif value == 0 and share > 0.0:
        value = 1
    return f"{value}%"


def replaced_text(count: int) -> str:
    """``2 undecodable sequences``: what a decode with U+FFFD replacements says about itself."""
    return f"{count} undecodable sequence{'' if count == 1 else 's'}"


def kind_counts(result: DiffResult) -> str:
    """e.g. ``"12 changed · 2 moved · 1 inserted"``; empty when nothing differs."""
    counts = result.stats.pairs_by_kind
    return " · ".join(f"{counts[k.value]} {k.value}" for k in _ORDER if counts.get(k.value))


def _encoding(doc: Document) -> str:
    """``utf-8``, or ``utf-8, 2 undecodable sequences replaced`` when the decode was not clean."""
    if not doc.replaced:
        return doc.encoding
    return f"{doc.encoding}, {replaced_text(doc.replaced)} replaced"


def stat_text(result: DiffResult) -> str:
    s = result.stats
    unit = result.unit.value
    # quoted: a label or a file name may carry ESC sequences or a newline (a forged "B:")
    lines = [
        f"{name}: {quote_name(doc.label)} ({count} {unit}, {_encoding(doc)}, {doc.newline.value})"
        for name, doc, count in (("A", result.a, s.paragraphs_a), ("B", result.b, s.paragraphs_b))
    ]
    if not result.changes:
        lines.append("No differences.")
        return "\n".join(lines)
    noun = "change" if s.changes == 1 else "changes"
    lines.append(f"{s.changes} {noun}: {kind_counts(result)}")
    lines.append(
        f"{s.words_deleted} words deleted, {s.words_inserted} words inserted; "
        f"{percent(s.similarity)} similar"
    )
    return "\n".join(lines)
