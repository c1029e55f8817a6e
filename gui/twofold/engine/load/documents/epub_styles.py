# SPDX-License-Identifier: GPL-3.0-or-later
"""Which of a book's style classes make a paragraph look like a heading.

Why: LibreOffice's EPUB export (libepubgen) writes every paragraph as
``<p class="paraN"><span class="spanM">``, headings included, and says what
they look like only in its stylesheet (``.span0 { font-size: 18pt;
font-weight: bold }``); the heading level is gone. So a heading is recognised
as a reader sees it: text set in bold and larger than body text. A class is
a heading class when one rule for it alone (``.name`` or ``p.name``) says
both; a paragraph is a heading when all its text is inside such classes
(``xhtml_text``). Other books mark headings with ``h1``-``h6``, which stay
headings whatever their classes say.

Constraints: no Qt, no I/O; only the simple selectors LibreOffice writes are
read, the rest of a stylesheet is skipped.
"""

from __future__ import annotations

import re

__all__ = ["heading_classes"]

#: a rule: its selectors, then its declarations (comments are removed first)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
#: a selector naming one class, maybe on an element: ``.span0``, ``p.para1``
_CLASS = re.compile(r"^[A-Za-z0-9]*\.(-?[_A-Za-z][-_A-Za-z0-9]*)$")
_WEIGHT = re.compile(r"font-weight\s*:\s*([A-Za-z0-9]+)", re.IGNORECASE)
_SIZE = re.compile(r"font-size\s*:\s*([0-9.]+)\s*(pt|px|em|rem|%)", re.IGNORECASE)
_SIZE_WORD = re.compile(r"font-size\s*:\s*(large|x-large|xx-large|xxx-large|larger)\b", re.I)
#: body text's size in each unit: 12pt is a word processor's default, 16px a browser's
_BODY_SIZE = {"pt": 12.0, "px": 16.0, "em": 1.0, "rem": 1.0, "%": 100.0}
_BOLD = frozenset(["bold", "bolder", "600", "700", "800", "900"])


def heading_classes(css: str) -> frozenset[str]:
    """The class names ``css`` sets in bold and larger than body text."""
    found: set[str] = set()
    for selectors, declarations in _RULE.findall(_COMMENT.sub("", css)):
        if not _looks_like_heading(declarations):
            continue
        for selector in selectors.split(","):
            named = _CLASS.match(selector.strip())
            if named:
                found.add(named.group(1))
    return frozenset(found)


def _looks_like_heading(declarations: str) -> bool:
    weight = _WEIGHT.search(declarations)
    if weight is None or weight.group(1).lower() not in _BOLD:
        return False
    if _SIZE_WORD.search(declarations):
        return True
    size = _SIZE.search(declarations)
    if size is None:
        return False
    try:
        value = float(size.group(1))
    except ValueError:  # "1.2.3pt"
        return False
    return value > _BODY_SIZE[size.group(2).lower()]
