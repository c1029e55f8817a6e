# SPDX-License-Identifier: GPL-3.0-or-later
"""Join a PDF's lines back into the paragraphs the layout wrapped them from.

A PDF keeps only lines. A new paragraph shows in how they are set: more space
above a line than between the lines of a paragraph, a first line indented, a
change of font size, a list marker, or a line that ends short, where the next
line's first word would have fitted (that test, rather than "ends before the
margin", keeps ragged-right text whole). A page break shows none of these, so
a paragraph running onto the next page stays one paragraph. The document's own
measures (its body font size, line step and column edges) set the thresholds,
so the same rules read an 11 pt report and a 9 pt two-column paper.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from twofold.engine.load.documents.pdf_furniture import Furniture
from twofold.engine.load.documents.pdf_geometry import Page, PageLine
from twofold.engine.load.documents.pdf_words import Vocabulary, join_hyphenated

__all__ = ["Paragraph", "rebuild"]

#: font sizes (points) apart that make two lines different text (a heading and its body)
_SIZE_STEP = 0.6
#: points above the body size from which a paragraph is a heading
_HEADING_STEP = 1.0
#: a line step this much larger than the body's (plus a point) is a paragraph's space
_GAP_RATIO = 1.3
#: a line step a word processor uses (a share of the font size), when a document is too
#: short to measure its own from fewer than ``_FEW_STEPS`` pairs of lines
_LEADING = 1.25
_FEW_STEPS = 3
#: a step seen this share as often as the most common one is common
_COMMON_STEP = 0.25
#: a space's width (a share of the font size: Helvetica's and Times' are 0.25-0.28)
_SPACE_EMS = 0.25
#: points a word must clear the column's edge by to have fitted (edges are estimates)
_FIT_SLACK = 2.0
#: an indent of this share of the font size is a paragraph's first line
_INDENT_EMS = 0.8
#: the width of the bins column edges are gathered in, and how many either side count
_EDGE_BIN = 12.0
_EDGE_REACH = 3
#: the share of a column's line ends its edge is taken at (a stray long line is ignored)
_EDGE_QUANTILE = 0.95
#: fewer lines than this in a column do not show where its right margin is
_FEW_LINES = 20
#: bold paragraphs up to this long, of one or two lines, are headings
_BOLD_HEADING_CHARS = 150
#: list bullets: •, ◦, ▪, ‣, ●, ○, ■, □, ➢, ►, and an en dash
_BULLET = re.compile("[\u2022\u25e6\u25aa\u2023\u25cf\u25cb\u25a0\u25a1\u27a2\u25ba\u2013]\\s")
_NUMBERED = re.compile(r"(\(?\d{1,3}|\(?[a-z]|[ivx]{1,4})[.)]\s", re.IGNORECASE)
_ENDS_CLAUSE = re.compile(r"[.:;!?)]\W*$")
_HYPHENATED_END = re.compile(r"[^\W\d_]-$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph's text on one line, and whether it is a heading."""

    text: str
    heading: bool


@dataclass(frozen=True, slots=True)
class _Measures:
    """The document's own measures that set the thresholds."""

    #: the font size most of the text is set in
    body_size: float
    #: the usual distance between the baselines of a paragraph's lines
    step: float
    #: the right edge of the column a line starting in each x bin belongs to
    edges: Mapping[int, float]
    #: the left edge of that column (where its lines start unless indented)
    lefts: Mapping[int, float]
    #: most of the text is bold, so bold says nothing about headings
    body_bold: bool

    def edge(self, line: PageLine) -> float:
        return self.edges.get(int(line.x0 // _EDGE_BIN), line.x1)

    def left(self, line: PageLine) -> float:
        return self.lefts.get(int(line.x0 // _EDGE_BIN), line.x0)


def rebuild(pages: Sequence[Page], furniture: Sequence[Mapping[int, Furniture]]) -> list[Paragraph]:
    """The paragraphs of ``pages`` in order, without the furniture lines."""
    body: list[tuple[int, PageLine]] = [
        (page_no, line)
        for page_no, page in enumerate(pages)
        for line_no, line in enumerate(page.lines)
        if line_no not in furniture[page_no]
    ]
    if not body:
        return []
    lines = [line for _, line in body]
    measures = _measure(body, max(page.width for page in pages))
    # The vocabulary costs a pass over every word: only hyphenated line ends need it.
    cut = any(line.hyphen or _HYPHENATED_END.search(line.text) for line in lines)
    words = Vocabulary.of(_unbroken_words(lines) if cut else ())
    paragraphs: list[Paragraph] = []
    current: list[PageLine] = []
    last_page = -1
    for page_no, line in body:
        if current and _breaks(current, line, page_no == last_page, measures):
            paragraphs.append(_paragraph(current, measures, words))
            current = []
        current.append(line)
        last_page = page_no
    paragraphs.append(_paragraph(current, measures, words))
    return paragraphs


def _measure(body: Sequence[tuple[int, PageLine]], page_width: float) -> _Measures:
    sizes: Counter[float] = Counter()
    bold = 0
    for _, line in body:
        sizes[round(line.size * 2) / 2] += len(line.text)
        bold += len(line.text) if line.bold else 0
    body_size = sizes.most_common(1)[0][0]
    steps: Counter[float] = Counter()
    for (page_a, a), (page_b, b) in itertools.pairwise(body):
        gap = a.bottom - b.bottom
        both_body = _same_size(a.size, body_size) and _same_size(b.size, body_size)
        if page_a == page_b and both_body and 0 < gap < 3 * body_size:
            steps[round(gap * 2) / 2] += 1
    step = _line_step(steps, body_size)
    spans: defaultdict[int, list[tuple[float, float]]] = defaultdict(list)
    for _, line in body:
        if _same_size(line.size, body_size):
            spans[int(line.x0 // _EDGE_BIN)].append((line.x0, line.x1))
    edges, lefts = {}, {}
    for key in spans:
        near = [
            s for k in range(key - _EDGE_REACH, key + _EDGE_REACH + 1) for s in spans.get(k, ())
        ]
        ends = sorted(x1 for _, x1 in near)
        edges[key] = ends[min(len(ends) - 1, int(len(ends) * _EDGE_QUANTILE))]
        starts = sorted(x0 for x0, _ in near)
        lefts[key] = starts[int(len(starts) * (1 - _EDGE_QUANTILE))]
        if len(near) < _FEW_LINES:  # too few lines to show the margin: assume it mirrors the left
            edges[key] = max(edges[key], page_width - min(x0 for x0, _ in near))
    body_bold = bold * 2 > sizes.total()
    return _Measures(body_size=body_size, step=step, edges=edges, lefts=lefts, body_bold=body_bold)


def _line_step(steps: Counter[float], body_size: float) -> float:
    """The distance between a paragraph's lines: the smallest common one.

    Not the most common: in a document of short paragraphs the space between
    paragraphs is as common as the step between lines. Gaps under a line's height
    (a superscript, overprinting) are no line step.
    """
    if steps.total() < _FEW_STEPS:  # too few lines to tell a line's step from a paragraph's
        return min([_LEADING * body_size, *steps])
    common = max(steps.values()) * _COMMON_STEP
    candidates = [gap for gap, n in steps.items() if n >= common and gap >= 0.9 * body_size]
    return min(candidates) if candidates else _LEADING * body_size


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= _SIZE_STEP


def _breaks(current: Sequence[PageLine], line: PageLine, same_page: bool, m: _Measures) -> bool:
    """Whether ``line`` starts a new paragraph after the lines of ``current``."""
    last = current[-1]
    if not _same_size(last.size, line.size):
        return True
    below = last.bottom - line.bottom
    if same_page and below > 0 and below > m.step * _GAP_RATIO + 1:
        return True
    if last.hyphen or (_HYPHENATED_END.search(last.text) and line.text[:1].islower()):
        return False
    if _BULLET.match(line.text):
        return True
    indent = line.size * _INDENT_EMS
    if not (same_page and below > 0):  # a new page or column: its margin is the measure
        if line.x0 - m.left(line) > indent:
            return True  # an indented first line at the top of the column
    elif len(current) > 1 and abs(line.x0 - last.x0) > indent:
        return True  # indented first line, or back out of an indented block
    if _NUMBERED.match(line.text) and _ENDS_CLAUSE.search(last.text):
        return True
    return last.x1 + _SPACE_EMS * line.size + line.lead < m.edge(last) - _FIT_SLACK


def _paragraph(lines: Sequence[PageLine], m: _Measures, words: Vocabulary) -> Paragraph:
    text = lines[0].text.strip()
    for before, line in itertools.pairwise(lines):
        after = line.text.strip()
        if before.hyphen:
            text = join_hyphenated(text, after, words)
        elif _HYPHENATED_END.search(text) and after[:1].isalpha():
            text = join_hyphenated(text[:-1], after, words)
        elif text.endswith(("—", "/")):
            text += after
        else:
            text = f"{text} {after}"
    heading = max(line.size for line in lines) >= m.body_size + _HEADING_STEP or (
        not m.body_bold
        and all(line.bold for line in lines)
        and len(lines) <= 2
        and len(text) <= _BOLD_HEADING_CHARS
    )
    return Paragraph(text=text, heading=heading)


def _unbroken_words(lines: Sequence[PageLine]) -> Iterable[str]:
    """Each line's text without the pieces of a word the layout cut at a line's end."""
    cut_before = False
    for line in lines:
        words = line.text.split()
        cut_here = line.hyphen or bool(_HYPHENATED_END.search(line.text))
        start = 1 if cut_before else 0
        end = len(words) - 1 if cut_here else len(words)
        yield " ".join(words[start:end])
        cut_before = cut_here
