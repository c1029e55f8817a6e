# SPDX-License-Identifier: GPL-3.0-or-later
"""The words of the status bar: position, encodings, statistics.

Plain functions from the result model to strings, so the wording is tested
without widgets and reused by the window title and tooltips.
"""

from __future__ import annotations

from twofold.engine.result.kinds import DocFormat, PairKind
from twofold.engine.result.model import DiffResult, Document, Stats
from twofold.engine.result.summary import layout_headline, layout_lines, percent, replaced_text

#: layout differences the note in the view names; its tooltip lists up to ``_NOTE_TIP_LINES``
_NOTE_LINES, _NOTE_TIP_LINES = 3, 20
#: how to make them not count, at the end of the note's tooltip
_HINT = (
    "Compare \u25b8 Ignore Line Endings (Alt+L), Ignore Blank Lines (Alt+B) or "
    "Ignore Whitespace (Alt+W) make such differences not count; a BOM or encoding always counts."
)

_ORDER = (PairKind.CHANGED, PairKind.MOVED, PairKind.INSERTED, PairKind.DELETED)


def position_text(current: int | None, count: int) -> str:
    """``Change 3 of 27``; ``No changes`` or ``27 changes`` when none is current."""
    if count == 0:
        return "No changes"
    if current is None:
        return f"{count} change{'s' if count != 1 else ''}"
    return f"Change {current + 1} of {count}"


def stats_text(stats: Stats) -> str:
    """``12 changed · 2 moved · 1 inserted · 3 deleted · 94% similar``."""
    parts = [
        f"{stats.pairs_by_kind[kind]} {kind.value}"
        for kind in _ORDER
        if stats.pairs_by_kind.get(kind, 0)
    ]
    parts.append(f"{percent(stats.similarity)} similar")
    return " \u00b7 ".join(parts)


def summary_text(result: DiffResult) -> str:
    """The status bar's statistics, which say when only the layout differs, or it too.

    ``100% similar`` alone would read as "nothing differs" for CRLF against LF.
    """
    layout = result.layout
    if not layout:
        return stats_text(result.stats)
    if result.changes:
        return f"{stats_text(result.stats)} \u00b7 layout differs too"
    if layout.total == 1:
        return layout_headline(result)
    return f"Only the layout differs ({layout.total} differences)"


def layout_note(result: DiffResult) -> tuple[str, tuple[str, ...]]:
    """The quiet note the view shows above the panes, and its tooltip's lines; empty if none.

    ``Only line endings differ: CRLF → LF``, or the first few differences in a row.
    """
    if not result.layout:
        return "", ()
    headline = layout_headline(result)
    tip = (headline, *layout_lines(result.layout, _NOTE_TIP_LINES), _HINT)
    if not result.changes and result.layout.total == 1:
        return headline, tip
    shown = " \u00b7 ".join(layout_lines(result.layout, _NOTE_LINES))
    return f"{headline} {shown}", tip


def document_format(doc: Document) -> str:
    """``UTF-8 · CRLF`` (BOM noted, and bytes that did not decode), for one side.

    A document was not decoded: its format says how it was read ("Word document").
    """
    if doc.format is not DocFormat.TEXT:
        return doc.format.display_name
    enc = doc.encoding.upper().replace("_", "-")
    if doc.bom:
        enc += " BOM"
    if doc.replaced:
        enc += f" ({replaced_text(doc.replaced)} shown as \ufffd)"
    return f"{enc} \u00b7 {doc.newline.value}"


def formats_text(result: DiffResult) -> str:
    """Both sides' encodings and newline styles, collapsed when they agree."""
    left, right = document_format(result.a), document_format(result.b)
    return left if left == right else f"{left} | {right}"
