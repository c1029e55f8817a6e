# SPDX-License-Identifier: GPL-3.0-or-later
"""A web page's bytes as text, in the encoding it says it is in.

The order a browser uses: a byte order mark, then the page's own ``<meta
charset>`` (or ``http-equiv`` Content-Type, or an XML declaration) within its
first bytes, then UTF-8 if the bytes are valid UTF-8, then chardet's guess. As
browsers do, a page labelled Latin-1 or ASCII is read as windows-1252 (its
superset), and one labelled UTF-16 without a byte order mark as UTF-8 (the label
cannot be true of bytes an ASCII-based meta tag was read from).

Constraints: no Qt, no I/O.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["decode_html"]

#: how far into a page its encoding declaration is looked for (HTML says 1024 bytes;
#: pages with long head comments put it later)
_PRESCAN = 4096
_DECLARED = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: labels browsers read as another encoding (WHATWG Encoding Standard)
_AS_BROWSERS_READ = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-16": "utf-8",
}


def decode_html(data: bytes) -> str:
    """The page's text, undecodable bytes shown as U+FFFD."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace")
    declared = _declared(data[:_PRESCAN])
    if declared is not None:
        return data.decode(declared, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    import chardet  # slow to import, and most pages say their encoding or are UTF-8

    guess = chardet.detect(data).get("encoding")
    return data.decode(_known(guess) or "cp1252", "replace")


def _declared(head: bytes) -> str | None:
    match = _DECLARED.search(head)
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii")
    return _known(label)


def _known(label: str | None) -> str | None:
    """Python's name for an encoding label, as a browser would read it; None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _AS_BROWSERS_READ.get(name, name)
