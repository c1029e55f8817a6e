# SPDX-License-Identifier: GPL-3.0-or-later
"""The enums of the result model: sides, pair kinds, edit ops, units, formats, newlines.

Why apart: every stage and window part names these, while few need the model's
records; an enum here is a tag with no behaviour beyond its name. No I/O, no Qt.
"""

from __future__ import annotations

from enum import Enum, IntEnum, StrEnum


class Side(Enum):
    """Which of the two compared documents."""

    A = "a"
    B = "b"

    # Hashed by identity, in C: ``Enum.__hash__`` is Python code (it hashes the name),
    # and sides and kinds are dict keys in loops over every pair and block (a
    # log has a block a line: ``bench/gui_bench.py --only log``). Members
    # are singletons and compare by identity, so the two agree.
    __hash__ = object.__hash__

    @property
    def other(self) -> Side:
        return Side.B if self is Side.A else Side.A


class PairKind(Enum):
    """How a group of paragraphs on one side relates to its counterpart."""

    EQUAL = "equal"
    CHANGED = "changed"
    INSERTED = "inserted"
    DELETED = "deleted"
    MOVED = "moved"

    __hash__ = object.__hash__  # by identity, in C: see ``Side``


class Op(IntEnum):
    """Edit operations, numbered as diff-match-patch numbers them."""

    DELETE = -1
    EQUAL = 0
    INSERT = 1


class Unit(Enum):
    """What a comparison aligns: blank-line separated paragraphs or single lines."""

    PARAGRAPHS = "paragraphs"
    LINES = "lines"
    AUTO = "auto"


class Granularity(Enum):
    """How finely the inline edits of a changed pair are reported."""

    CHARACTER = "character"
    WORD = "word"


class DocFormat(StrEnum):
    """What a file was read as: text, or a document whose text a reader extracted.

    A ``StrEnum``, so a member equals its short name: the JSON's ``format`` and a
    reader's ``Extracted.format`` ("docx") are the same value.
    """

    TEXT = "text"
    DOCX = "docx"
    ODT = "odt"
    RTF = "rtf"
    PDF = "pdf"
    EPUB = "epub"
    HTML = "html"

    @property
    def display_name(self) -> str:
        """The format as a user names it: "Word document", "PDF", "web page"."""
        return _FORMAT_TITLES[self]


_FORMAT_TITLES = {
    DocFormat.TEXT: "text",
    DocFormat.DOCX: "Word document",
    DocFormat.ODT: "OpenDocument text",
    DocFormat.RTF: "RTF document",
    DocFormat.PDF: "PDF",
    DocFormat.EPUB: "EPUB book",
    DocFormat.HTML: "web page",
}


class NewlineStyle(Enum):
    LF = "LF"
    CRLF = "CRLF"
    CR = "CR"
    MIXED = "mixed"
    NONE = "none"
