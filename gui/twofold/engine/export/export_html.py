# SPDX-License-Identifier: GPL-3.0-or-later
"""The self-contained HTML report written by ``twofold --report``.

One file that opens anywhere and prints well: inline CSS, no scripts, no
external resources. A header names both documents and summarises the
statistics; a side-by-side table follows the reading order of the pairs, with
deletions in ``<del>`` and insertions in ``<ins>`` (the ranges come from
:mod:`twofold.engine.view.highlights`, as in the window). Colour is never the only
cue: a sign column marks each kind, ``<del>`` is struck through and ``<ins>``
underlined. Long runs of unchanged paragraphs collapse into one row.

Constraints: pure, no I/O, no Qt. Every piece of document text, label included,
passes through :func:`html.escape`, since the compared files are untrusted, and
through :mod:`twofold.engine.view.invisibles`: a hidden character (a direction
control, a zero-width space, a tag) is written as a badge such as
``⟨U+202E⟩`` naming it in a tooltip, never raw, so the browser neither obeys it
nor draws it as nothing, and a change made only of it shows. The page is built
as a list of strings joined once, so 10 MB inputs stay linear.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from twofold import __version__
from twofold.engine.result.kinds import DocFormat, PairKind, Side, Unit
from twofold.engine.result.model import DiffResult, Document, Pair
from twofold.engine.result.summary import (
    STAT_LAYOUT_LINES,
    kind_counts,
    layout_headline,
    layout_lines,
    percent,
    words_changed,
)
from twofold.engine.result.wording import counted
from twofold.engine.view import invisibles
from twofold.engine.view.highlights import inline_spans

__all__ = ["render_html"]

#: the sign column: a shape for every kind, so colour is not the only cue
_SIGNS: dict[PairKind, str] = {
    PairKind.EQUAL: "",
    PairKind.CHANGED: "~",
    PairKind.INSERTED: "+",
    PairKind.DELETED: "\u2212",
    PairKind.MOVED: "\u21c5",
}


_CSS = """
:root { color-scheme: light dark;
  --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --rule: #d1d9e0; --head: #f6f8fa;
  --changed: #fff8e1; --inserted: #e6ffec; --deleted: #ffebe9; --moved: #eef1ff;
  --del: #ffc1bd; --ins: #aceebb; --skip: #f0f3f6; --hidden: #b00076; --hidden-bg: #fde3f3; }
@media (prefers-color-scheme: dark) { :root {
  --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --rule: #3d444d; --head: #151b23;
  --changed: #2d2711; --inserted: #12261b; --deleted: #2d1517; --moved: #1b1f3a;
  --del: #6e2a2c; --ins: #1f5a33; --skip: #161b22; --hidden: #ff78d2; --hidden-bg: #3d1230; } }
* { box-sizing: border-box; }
body { margin: 1.5rem; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.3rem; margin: 0 0 .75rem; }
.docs { border-collapse: collapse; margin-bottom: .5rem; }
.docs th, .docs td { text-align: left; padding: .1rem 1rem .1rem 0; vertical-align: top; }
.docs .name { font-weight: 600; overflow-wrap: anywhere; }
.summary { margin: .25rem 0; }
.legend { color: var(--muted); font-size: .9em; margin: .25rem 0 1rem; }
.legend > span { margin-right: 1rem; }
table.diff { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.diff th { background: var(--head); text-align: left; padding: .3rem .5rem;
  border-bottom: 2px solid var(--rule); overflow-wrap: anywhere; }
table.diff td { padding: .3rem .5rem; vertical-align: top; border-bottom: 1px solid var(--rule); }
col.num { width: 3.5em; } col.sign { width: 2em; }
td.num { color: var(--muted); text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
td.sign { text-align: center; font-weight: 700; }
td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
tr.changed td { background: var(--changed); }
tr.inserted td { background: var(--inserted); }
tr.deleted td { background: var(--deleted); }
tr.moved td { background: var(--moved); }
tr.skip td { background: var(--skip); color: var(--muted); text-align: center;
  font-style: italic; }
.hidden { color: var(--hidden); background: var(--hidden-bg); border: 1px solid;
  border-radius: 3px; padding: 0 .15em; font: .8em/1 ui-monospace, monospace;
  white-space: nowrap; }
del, .del { background: var(--del); text-decoration: line-through; color: inherit; }
ins, .ins { background: var(--ins); text-decoration: underline; color: inherit; }
.note { display: block; color: var(--muted); font-size: .85em; font-style: italic;
  white-space: normal; }
footer { margin-top: 1rem; color: var(--muted); font-size: .85em; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { margin: 0; font-size: 10pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
}
"""


def render_html(result: DiffResult, context: int | None = 2) -> str:
    """The whole report as one HTML document.

    Args:
        result: the comparison to show.
        context: unchanged pairs kept around each change; longer runs collapse
            into one row. None shows every pair.
    """
    if context is not None and context < 0:
        raise ValueError(f"context must not be negative: {context}")
    parts: list[str] = []
    parts.extend(_head(result))
    parts.extend(_summary(result))
    parts.extend(_table(result, context))
    parts.append(f"<footer>Made by Twofold {_esc(__version__)}.</footer>\n</body>\n</html>\n")
    return "".join(parts)


def _esc(text: str, start: int = 0, end: int | None = None, markup: bool = True) -> str:
    """``text[start:end]`` as HTML text: escaped, and each hidden character a badge.

    Args:
        text: the whole text, which hidden characters are judged in (a joiner
            between two letters of a script that needs it is kept).
        start: where the piece starts.
        end: where it ends (the end of ``text`` if None).
        markup: False where no element may go (``<title>``): the badge as text.
    """
    stop = len(text) if end is None else end
    parts: list[str] = []
    pos = start
    for at in invisibles.find(text, start, stop):
        parts.append(html.escape(text[pos:at], quote=True))
        parts.append(_badge(text[at], markup))
        pos = at + 1
    parts.append(html.escape(text[pos:stop], quote=True))
    return "".join(parts)


def _badge(char: str, markup: bool) -> str:
    """A hidden character as the report shows it, its name in a tooltip.

    C0 controls and DEL keep their control pictures (␛), short and well known;
    the others get ``⟨U+202E⟩``.
    """
    code = ord(char)
    shown = invisibles.stand_in(char) if code < 0x20 or code == 0x7F else invisibles.badge(char)
    if not markup:
        return shown
    title = html.escape(invisibles.describe(char), quote=True)
    return f'<span class="hidden" title="{title}">{shown}</span>'


def _noun(unit: Unit, count: int) -> str:
    word = "line" if unit is Unit.LINES else "paragraph"
    return word if count == 1 else word + "s"


def _head(result: DiffResult) -> Iterator[str]:
    title = f"Twofold: {result.a.label} \u2192 {result.b.label}"
    yield (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f"<title>{_esc(title, markup=False)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
    )


def _summary(result: DiffResult) -> Iterator[str]:
    s = result.stats
    yield '<header>\n<h1>Comparison report</h1>\n<table class="docs">\n'
    for name, doc, count in (("A", result.a, s.paragraphs_a), ("B", result.b, s.paragraphs_b)):
        yield _doc_row(name, doc, count, result.unit)
    yield "</table>\n"
    if not result.differs:
        yield '<p class="summary">No differences.</p>\n'
    elif result.changes:
        yield (
            f'<p class="summary"><strong>{counted(s.changes, "change")}:</strong> '
            f"{_esc(kind_counts(result))}<br>{words_changed(s)}; "
            f"{percent(s.similarity)} similar</p>\n"
        )
    if result.layout:  # what differs outside the paragraphs, as --stat says it
        lines = [layout_headline(result)]
        if result.changes or result.layout.total > 1:
            lines.extend(layout_lines(result.layout, STAT_LAYOUT_LINES))
        shown = "<br>".join(_esc(line) for line in lines)
        yield f'<p class="summary">{shown}</p>\n'
    yield (
        '<p class="legend"><span><b>\u2212</b> deleted</span><span><b>+</b> inserted</span>'
        "<span><b>~</b> changed</span><span><b>\u21c5</b> moved</span>"
        '<span><span class="del">struck</span> only in A</span>'
        '<span><span class="ins">underlined</span> only in B</span>'
        "</p>\n</header>\n"
    )


def _doc_row(name: str, doc: Document, count: int, unit: Unit) -> str:
    details = f"{doc.encoding}{' with BOM' if doc.bom else ''}, {doc.newline.value} newlines"
    if doc.format is not DocFormat.TEXT:  # not decoded: its reader wrote the text
        details = doc.format.display_name
        if doc.set_apart:
            kept = sum(part.paragraphs for part in doc.set_apart)
            kinds = ", ".join(part.kind for part in doc.set_apart)
            details += f"; {counted(kept, 'paragraph')} not compared ({kinds})"
    return (
        f'<tr><th scope="row">{name}</th><td class="name">{_esc(doc.label)}</td>'
        f"<td>{count} {_noun(unit, count)}</td><td>{_esc(details)}</td></tr>\n"
    )


def _table(result: DiffResult, context: int | None) -> Iterator[str]:
    yield (
        '<table class="diff">\n<colgroup><col class="num"><col class="text"><col class="sign">'
        '<col class="num"><col class="text"></colgroup>\n<thead><tr>'
        f'<th scope="col">#</th><th scope="col">A: {_esc(result.a.label)}</th>'
        '<th scope="col"><span title="kind of change">\u00b1</span></th>'
        f'<th scope="col">#</th><th scope="col">B: {_esc(result.b.label)}</th>'
        "</tr></thead>\n<tbody>\n"
    )
    shown = _shown(result.pairs, context)
    hidden = 0
    change_no = 0
    for pair, show in zip(result.pairs, shown, strict=True):
        if not show:
            hidden += 1
            continue
        if hidden:
            yield _skip_row(hidden, result.unit)
            hidden = 0
        if pair.is_change:
            change_no += 1
        yield _pair_row(result, pair, change_no if pair.is_change else 0)
    if hidden:
        yield _skip_row(hidden, result.unit)
    yield "</tbody>\n</table>\n"


def _shown(pairs: tuple[Pair, ...], context: int | None) -> list[bool]:
    """Which pairs get a row: changes, their context, and lone unchanged pairs.

    A run of one hidden pair is shown anyway: its "unchanged" row would take
    as much room as the paragraph itself.
    """
    if context is None:
        return [True] * len(pairs)
    near = [False] * len(pairs)
    for i, pair in enumerate(pairs):
        if pair.is_change:
            for j in range(max(0, i - context), min(len(pairs), i + context + 1)):
                near[j] = True
    last = len(near) - 1
    return [
        show or ((i == 0 or near[i - 1]) and (i == last or near[i + 1]))
        for i, show in enumerate(near)
    ]


def _skip_row(count: int, unit: Unit) -> str:
    label = f"\u2026 {count} unchanged {_noun(unit, count)} \u2026"
    return f'<tr class="skip"><td colspan="5">{label}</td></tr>\n'


def _pair_row(result: DiffResult, pair: Pair, change_no: int) -> str:
    kind = pair.kind.value
    anchor = f' id="change-{change_no}"' if change_no else ""
    sign = _SIGNS[pair.kind]
    note = ""
    title = kind
    if pair.kind in (PairKind.CHANGED, PairKind.MOVED):
        # The pairing score, as the sidebar shows it: how sure the pairing is.
        similar = f"{percent(pair.similarity)} similar"
        title = f"{kind}, {similar}"
        if pair.kind is PairKind.MOVED:
            where = "line " if result.unit is Unit.LINES else "\u00b6"
            numbers = _numbers(result, pair, Side.A)
            note = f'<span class="note">moved from {where}{numbers}, {similar}</span>'
    return (
        f'<tr class="{kind}"{anchor}>'
        f'<td class="num">{_numbers(result, pair, Side.A)}</td>'
        f'<td class="text">{_cell(result, pair, Side.A)}</td>'
        f'<td class="sign" title="{title}">{sign}</td>'
        f'<td class="num">{_numbers(result, pair, Side.B)}</td>'
        f'<td class="text">{note}{_cell(result, pair, Side.B)}</td></tr>\n'
    )


def _numbers(result: DiffResult, pair: Pair, side: Side) -> str:
    """1-based paragraph (or line) numbers: ``12`` or ``12\u201314`` for a split or merge."""
    indices = pair.indices(side)
    if not indices:
        return ""
    first, last = result.number(side, indices[0]), result.number(side, indices[-1])
    return str(first) if first == last else f"{first}\u2013{last}"


def _cell(result: DiffResult, pair: Pair, side: Side) -> str:
    """The pair's text on one side, its changed ranges wrapped in ``<del>``/``<ins>``."""
    whole = result.span_of(pair, side)
    if whole is None:
        return ""
    text = result.document(side).text
    tag = "del" if side is Side.A else "ins"
    out: list[str] = []
    pos = whole.start
    for span in inline_spans(result, pair, side):
        out.append(_esc(text, pos, span.start))
        if invisibles.draws_nothing(text, span.start, span.end):  # a kept joiner or selector
            marked = "".join(_badge(char, True) for char in text[span.start : span.end])
        else:
            marked = _esc(text, span.start, span.end)
        out.append(f"<{tag}>{marked}</{tag}>")
        pos = span.end
    out.append(_esc(text, pos, whole.end))
    return "".join(out)
