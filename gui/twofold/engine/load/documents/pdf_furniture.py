# SPDX-License-Identifier: GPL-3.0-or-later
"""Find a PDF's page furniture: running headers, running footers and page numbers.

A line is furniture when the same text, or the same text but for its numbers,
sits at the same height near the top or the foot of several pages. Those lines
are kept out of the compared text (a changed page count must not show as dozens
of edits, nor a header split a paragraph that crosses a page break) and are
reported as set apart instead.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import defaultdict
from collections.abc import Sequence
from enum import Enum

from twofold.engine.load.documents.pdf_geometry import Page, PageLine

__all__ = ["Furniture", "find_furniture"]


class Furniture(Enum):
    """What a line repeated across pages is; the values are the words a reader sees."""

    HEADER = "running header"
    FOOTER = "running footer"
    PAGE_NUMBER = "page number"


#: lines looked at from each edge of a page
_EDGE_LINES = 2
#: how far from its edge (a share of the page's height) a furniture line may sit
_EDGE_SHARE = 0.25
#: the space (a share of the font size) between furniture and the text below or above it
_CLEARANCE = 0.5
#: how far apart (points) the same furniture may sit on two pages
_TOLERANCE = 3.0
#: pages a line must recur on (or every page of a shorter document)
_MIN_PAGES = 3
_DIGITS = re.compile(r"\d+")
_ROMAN = re.compile(r"[ivxlcdm]+", re.IGNORECASE)
#: a page number alone, as pages print it: "7", "- 7 -", "(7)", "Page 7 of 9", "7/9"
_PAGE_NUMBER = re.compile(
    r"[-\u2013\u2014(\[]?\s*(page\s*)?#(\s*(of|/)\s*#)?\s*[-\u2013\u2014)\]]?", re.IGNORECASE
)


def find_furniture(pages: Sequence[Page]) -> list[dict[int, Furniture]]:
    """For each page, the indices of its lines that are furniture, and what each is."""
    found: list[dict[int, Furniture]] = [{} for _ in pages]
    needed = min(_MIN_PAGES, len(pages))
    if needed < 2:
        return found
    groups: defaultdict[tuple[str, bool], list[tuple[int, int, float]]] = defaultdict(list)
    for page_no, page in enumerate(pages):
        for line_no, at_top in _edge_lines(page):
            line = page.lines[line_no]
            groups[(_shape(line.text), at_top)].append((page_no, line_no, _middle(line)))
    for (shape, at_top), members in groups.items():
        centre = statistics.median(middle for _, _, middle in members)
        near = [(p, i) for p, i, middle in members if abs(middle - centre) <= _TOLERANCE]
        if len({p for p, _ in near}) < needed:
            continue
        kind = _kind(shape, at_top)
        for page_no, line_no in near:
            found[page_no][line_no] = kind
    return found


def _edge_lines(page: Page) -> list[tuple[int, bool]]:
    """The indices of the few lines nearest the page's top and foot, flagged ``at_top``.

    Only lines set off from the text by a clear space (or above one that is: a
    header of two lines) count: a page's first line of text, recurring by chance,
    sits a line step from the next.
    """
    by_height = sorted(range(len(page.lines)), key=lambda i: -_middle(page.lines[i]))
    edge = page.height * _EDGE_SHARE
    top = [
        (i, True) for i in _set_off(page, by_height) if _middle(page.lines[i]) >= page.height - edge
    ]
    taken = {i for i, _ in top}
    foot = [
        (i, False)
        for i in _set_off(page, by_height[::-1])
        if _middle(page.lines[i]) <= edge and i not in taken
    ]
    return top + foot


def _set_off(page: Page, outward_in: list[int]) -> list[int]:
    """Of the first lines of ``outward_in``, those a clear space separates from the rest."""
    lines = [page.lines[i] for i in outward_in[: _EDGE_LINES + 1]]
    clear = [
        abs(_middle(a) - _middle(b)) - (a.top - a.bottom + b.top - b.bottom) / 2
        >= _CLEARANCE * max(a.size, b.size)
        for a, b in itertools.pairwise(lines)
    ]
    if len(lines) == 1:
        clear = [True]
    kept: list[int] = []
    for depth in range(min(_EDGE_LINES, len(lines))):
        if any(clear[depth:_EDGE_LINES]):
            kept.append(outward_in[depth])
    return kept


def _middle(line: PageLine) -> float:
    return (line.top + line.bottom) / 2


def _shape(text: str) -> str:
    """The text with its numbers (and a bare roman numeral) as ``#``: what recurs."""
    text = " ".join(text.lower().split())
    if _ROMAN.fullmatch(text):
        return "#"
    return _DIGITS.sub("#", text)


def _kind(shape: str, at_top: bool) -> Furniture:
    if _PAGE_NUMBER.fullmatch(shape):
        return Furniture.PAGE_NUMBER
    return Furniture.HEADER if at_top else Furniture.FOOTER
