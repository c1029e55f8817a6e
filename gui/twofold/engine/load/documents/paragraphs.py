# SPDX-License-Identifier: GPL-3.0-or-later
"""Paragraphs gathered in reading order, written out as the reader contract says.

Every reader finds paragraphs its own way; this keeps the text they hand back
the same shape: one paragraph a line, a blank line between paragraphs, ``\\n``
only, no empty paragraph (it would read as a paragraph break), and the heading
offsets counted as the text is built rather than searched for afterwards.

Constraints: no Qt, no I/O.
"""

from __future__ import annotations

import re

from twofold.engine.errors import InputError
from twofold.engine.load.documents.extracted import Extracted, ReadLimits, SetApart

__all__ = ["Paragraphs", "set_apart"]

#: line and page breaks inside a paragraph: the contract keeps a paragraph on one line
_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029]+")


def _clean(text: str) -> str:
    return _BREAKS.sub(" ", text).strip()


class Paragraphs:
    """The text of a document being read, paragraph by paragraph."""

    __slots__ = ("_chars", "_headings", "_label", "_limit", "_parts")

    def __init__(self, label: str, limits: ReadLimits) -> None:
        self._label = label
        self._limit = limits.max_text_chars
        self._parts: list[str] = []
        self._headings: list[int] = []
        self._chars = 0

    def __len__(self) -> int:
        return len(self._parts)

    def add(self, text: str, *, heading: bool = False) -> None:
        """Add a paragraph (white space at its ends and breaks in it are dropped).

        Raises:
            InputError: the document holds more text than ``max_text_chars``
                (checked as it grows, so a huge one is not held whole first).
        """
        text = _clean(text)
        if not text:
            return
        if heading:
            self._headings.append(self._chars)
        self._parts.append(text)
        self._chars += len(text) + 2
        if self._chars > self._limit:
            raise InputError(
                f'"{self._label}" holds more text than Twofold compares in one document.'
            )

    def add_read(self, text: str, heading: bool) -> None:
        """``add``, called as a reader's walker calls back: text, then whether a heading."""
        self.add(text, heading=heading)

    def extracted(self, fmt: str, set_apart: tuple[SetApart, ...] = ()) -> Extracted:
        """The text as the contract has it, with the heading offsets into it."""
        text = "\n\n".join(self._parts) + "\n" if self._parts else ""
        return Extracted(
            text, fmt, tuple(kept for kept in set_apart if kept.paragraphs), tuple(self._headings)
        )


def set_apart(kind: str, paragraphs: list[str]) -> SetApart:
    """What was kept out of the comparison, said as ``kind``, its paragraphs cleaned like text."""
    kept = [cleaned for cleaned in map(_clean, paragraphs) if cleaned]
    return SetApart(kind, len(kept), "\n\n".join(kept))
