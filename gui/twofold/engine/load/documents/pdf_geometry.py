# SPDX-License-Identifier: GPL-3.0-or-later
"""A PDF page as the paragraph rebuilding sees it: lines of text and where they sit.

The PDF library is only asked for these few numbers per line (its left and right
edges, its baseline band, its font size), so the rebuilding of paragraphs, the
running headers and the headings are pure functions of plain values, tested
without a PDF at all.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Page", "PageLine"]


@dataclass(frozen=True, slots=True)
class PageLine:
    """One line of text as laid out on its page, in points from the page's bottom left."""

    #: the line's characters, without the line break
    text: str
    #: left edge of its first character
    x0: float
    #: right edge of its last character
    x1: float
    #: bottom of its characters' font box (below the baseline by the descent)
    bottom: float
    #: top of its characters' font box
    top: float
    #: font size of its first character, in points
    size: float
    #: how wide its first word is: had it fitted on the line before, it would be there
    lead: float = 0.0
    #: the line's font is bold (a heading set in the body's size)
    bold: bool = False
    #: the layout cut a word here with a hyphen, which the text leaves out
    hyphen: bool = False

    def __post_init__(self) -> None:
        if self.x1 < self.x0 or self.top < self.bottom:
            raise ValueError(f"a line's box is inverted: {self}")


@dataclass(frozen=True, slots=True)
class Page:
    """A page's lines in the order the PDF gives them (its reading order)."""

    #: the page's width in points
    width: float
    #: the page's height in points
    height: float
    lines: tuple[PageLine, ...]
