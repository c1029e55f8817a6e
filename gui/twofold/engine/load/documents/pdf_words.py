# SPDX-License-Identifier: GPL-3.0-or-later
"""Undo the hyphens a layout put at line ends, and keep the ones that are spelling.

"para-" at a line's end and "graph" on the next are one word, "paragraph";
"well-" and "known" are "well-known". With no dictionary at hand the document
itself decides: a joined form or a hyphenated form it uses elsewhere wins; two
pieces that are each words of the document make a compound; anything else was
cut by the layout and is joined.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Vocabulary", "join_hyphenated"]

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_TAIL = re.compile(r"[^\W\d_]+$")
_HEAD = re.compile(r"^[^\W\d_]+")
#: letters a piece needs before it counts as a word of its own in a compound
_COMPOUND_PIECE = 3


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words a document uses whole (not cut at a line's end), lower-cased."""

    #: words without hyphens
    words: frozenset[str]
    #: hyphenated compounds ("well-known")
    compounds: frozenset[str]

    @classmethod
    def of(cls, texts: Iterable[str]) -> Vocabulary:
        words: set[str] = set()
        compounds: set[str] = set()
        for text in texts:
            for match in _WORD.finditer(text.lower()):
                token = match.group()
                if "-" in token:
                    compounds.add(token)
                    words.update(token.split("-"))
                else:
                    words.add(token)
        return cls(words=frozenset(words), compounds=frozenset(compounds))

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """Whether ``left-right``, cut after the hyphen by a line end, is a compound."""
        low_left, low_right = left.lower(), right.lower()
        joined, hyphenated = low_left + low_right, f"{low_left}-{low_right}"
        if hyphenated in self.compounds:
            return joined not in self.words
        if joined in self.words:
            return False
        if right[:1].isupper():
            return True  # "non-English", "Franco-Prussian"
        return (
            len(low_left) >= _COMPOUND_PIECE
            and len(low_right) >= _COMPOUND_PIECE
            and low_left in self.words
            and low_right in self.words
        )


def join_hyphenated(before: str, after: str, words: Vocabulary) -> str:
    """``before`` (its hyphen taken off) and the next line ``after``, as one word or a compound."""
    tail = _TAIL.search(before)
    head = _HEAD.match(after)
    if tail is None or head is None:
        return f"{before}-{after}"
    if words.keeps_hyphen(tail.group(), head.group()):
        return f"{before}-{after}"
    return before + after
