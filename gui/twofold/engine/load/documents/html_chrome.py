# SPDX-License-Identifier: GPL-3.0-or-later
"""Say what a piece of a web page outside its article is: navigation, a footer, a cookie notice.

The article extraction says only "not the article"; a reader deciding whether
to look wants to know what was left out. Pages say it themselves, in their
landmark elements (``nav``, ``header``, ``footer``, ``aside``, ``form``), ARIA
roles, and the class and id names their designers gave the boxes ("cookie-banner",
"share-buttons", "related-posts"). The nearest such mark above a block names it.

Constraints: no Qt, no I/O; the tree is lxml's.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

__all__ = ["Chrome", "chrome_kind", "marked", "outside_article"]


class Chrome(Enum):
    """What a part of a page around its article is; the values are the words a reader sees."""

    NAVIGATION = "site navigation"
    HEADER = "site header"
    COOKIES = "cookie notice"
    SHARING = "share buttons"
    RELATED = "related links"
    COMMENTS = "comments and comment forms"
    PROMOTION = "advertising and sign-up boxes"
    FOOTER = "site footer"
    OTHER = "other page text"


#: class and id words, tried in this order on each element from the block up
_NAMED = (
    (re.compile(r"cookie|consent|gdpr|privacy-banner", re.IGNORECASE), Chrome.COOKIES),
    (re.compile(r"share|sharing|social", re.IGNORECASE), Chrome.SHARING),
    (re.compile(r"comment|reply|respond|discussion", re.IGNORECASE), Chrome.COMMENTS),
    (
        re.compile(
            r"related|more-?(stories|texts|articles)|recommend|read-?next|promo|sidebar",
            re.IGNORECASE,
        ),
        Chrome.RELATED,
    ),
    (
        re.compile(r"advert|\bads?\b|sponsor|newsletter|subscribe|signup|paywall", re.IGNORECASE),
        Chrome.PROMOTION,
    ),
    (re.compile(r"breadcrumb|\bnav|menu|toolbar|skip-?link", re.IGNORECASE), Chrome.NAVIGATION),
    (re.compile(r"footer|colophon|copyright", re.IGNORECASE), Chrome.FOOTER),
    (re.compile(r"masthead|site-?header|banner|top-?bar", re.IGNORECASE), Chrome.HEADER),
)
_TAGS = {
    "nav": Chrome.NAVIGATION,
    "footer": Chrome.FOOTER,
    "header": Chrome.HEADER,
    "aside": Chrome.RELATED,
    "form": Chrome.COMMENTS,
    "menu": Chrome.NAVIGATION,
}
_ROLES = {
    "navigation": Chrome.NAVIGATION,
    "banner": Chrome.HEADER,
    "contentinfo": Chrome.FOOTER,
    "complementary": Chrome.RELATED,
    "search": Chrome.NAVIGATION,
    "alertdialog": Chrome.COOKIES,
    "dialog": Chrome.COOKIES,
}


def chrome_kind(element: Any) -> Chrome:
    """What the part of the page holding ``element`` is, from the nearest mark above it."""
    while element is not None and isinstance(element.tag, str):
        found = _mark(element)
        if found is not None:
            return found
        element = element.getparent()
    return Chrome.OTHER


def _mark(element: Any) -> Chrome | None:
    names = f"{element.get('class', '')} {element.get('id', '')}"
    if names.strip():
        for pattern, kind in _NAMED:
            if pattern.search(names):
                return kind
    role = _ROLES.get((element.get("role") or "").strip().lower())
    if role is not None:
        return role
    return _TAGS.get(element.tag)


def marked(element: Any) -> bool:
    """Whether ``element`` is a page landmark or named like site chrome (not an article)."""
    return _mark(element) is not None


def outside_article(element: Any, article: Any) -> bool:
    """Whether ``element`` sits in chrome within ``article`` (share buttons, a comment form).

    An article's own ``header`` holds its title and byline, so it is no chrome here.
    """
    while element is not None and element is not article:
        if _mark(element) not in (None, Chrome.HEADER):
            return True
        element = element.getparent()
    return False
