# SPDX-License-Identifier: GPL-3.0-or-later
"""Case-insensitive literal search over big texts, fast enough to run as the user types.

Why not ``re.IGNORECASE`` alone: on a literal it reads every character through
the case-insensitive matcher, per pane and per keystroke. The text is
case-folded once, while the find bar is open, and each keystroke looks for the
folded needle with ``str.find``, many times faster (``bench/gui_actions.py``'s
find rows). The caller keeps the ``Folded`` copy (the find controller, while
its bar is open) and hands it to ``find_all``. ``casefold``, not ``lower``: it
folds the letters the regex takes as one (final sigma, long s), so the
matches are the regex's. Where folding changes the length of the text (ß
folds to ss, dotted capital I to two characters), it is folded and searched a
chunk at a time, and a chunk that folds longer is read with the regex, so
offsets always point into the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import islice

from twofold.ui.tuning import DEFAULT_VIEW_TUNING


@dataclass(frozen=True, slots=True)
class Folded:
    """A text to search and its case-folded copy, made once per text.

    Folding is much slower than searching the folded copy, so it is done once.
    """

    text: str
    #: ``text.casefold()``, or None where folding changes the length (offsets would move)
    folded: str | None


def fold(text: str) -> Folded:
    """``text`` ready for ``find_all``: do it before the first keystroke needs it.

    Folding is one C call over the whole text: done by the first keystroke it
    was about half of the time that typing a letter over a reworded pair froze
    the window for (``bench/gui_actions.py``'s find rows).
    """
    return Folded(text, _folded_alike(text))


def find_all(
    haystack: Folded, needle: str, limit: int, chunk: int = DEFAULT_VIEW_TUNING.search_chunk_chars
) -> list[tuple[int, int]]:
    """The first ``limit`` matches of ``needle`` in ``haystack.text``, ignoring case.

    Matches do not overlap and are found left to right, as ``re.finditer`` finds
    them; offsets count code points of the text. A text that cannot be folded
    whole is folded ``chunk`` characters at a time.
    """
    text = haystack.text
    size = len(needle)
    if not size or limit <= 0:
        return []
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    folded = needle.casefold()
    if len(folded) != size:
        return list(islice(((m.start(), m.end()) for m in pattern.finditer(text)), limit))
    whole = haystack.folded
    if whole is not None:
        return list(islice(_finds(whole, folded), limit))
    out: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text) and len(out) < limit:
        stop = min(len(text), pos + chunk)  # a match found here starts before ``stop``
        window = text[pos : stop + size - 1]
        lowered = window.casefold()
        found: Iterator[tuple[int, int]]
        if len(lowered) == len(window):
            found = _finds(lowered, folded)
        else:
            found = ((m.start(), m.end()) for m in pattern.finditer(window))
        resume = stop
        for start, end in found:
            if pos + start >= stop or len(out) >= limit:
                break
            out.append((pos + start, pos + end))
            resume = max(resume, pos + end)  # a match across ``stop``: go on after it
        pos = resume
    return out


def _folded_alike(text: str) -> str | None:
    """``text`` case-folded, or None if folding changed its length (offsets would move)."""
    folded = text.casefold()
    return folded if len(folded) == len(text) else None


def _finds(haystack: str, needle: str) -> Iterator[tuple[int, int]]:
    at = haystack.find(needle)
    while at >= 0:
        yield at, at + len(needle)
        at = haystack.find(needle, at + len(needle))


# ----- find with options: case, whole words, regular expressions ---------------------------

#: how far past its piece a regular expression may look to finish a match that began
#: in it: a longer match across a piece's end is cut there
OVERLAP = 4_096


#: inline flags that apply to a whole regular expression, which must come first in it
_GLOBAL_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))+")


@dataclass(frozen=True, slots=True)
class Query:
    """What find looks for, and how: the find bar's text and its three toggles."""

    text: str
    #: upper and lower case differ
    case: bool = False
    #: only whole words: no letter, digit or underscore just before or after
    words: bool = False
    #: ``text`` is a regular expression (Python's syntax)
    regex: bool = False


class QueryError(ValueError):
    """A query that cannot be searched for (an invalid regular expression); one sentence."""


def compile_query(query: Query) -> re.Pattern[str] | None:
    """The regular expression ``query`` needs, None for a literal; ``QueryError`` if invalid.

    Whole words of a literal are not a regular expression: the literal is found
    with ``str.find`` and its neighbours checked, many times faster than ``\\b``.
    """
    if not query.regex:
        return None
    flags = re.MULTILINE | (0 if query.case else re.IGNORECASE)
    try:
        pattern = re.compile(query.text, flags)  # errors at positions of what was typed
        if query.words:  # leading global flags, as in ``(?x)...``, must stay first
            lead = _GLOBAL_FLAGS.match(query.text)
            head = lead.group() if lead else ""
            pattern = re.compile(rf"{head}(?<!\w)(?:{query.text[len(head) :]})(?!\w)", flags)
        return pattern
    except re.error as error:
        where = f" at position {error.pos + 1}" if error.pos is not None else ""
        raise QueryError(f"Not a regular expression: {error.msg}{where}.") from None
    except (RecursionError, OverflowError, ValueError):
        raise QueryError("Not a regular expression Twofold can search for.") from None


class Search:
    """The matches of a query in one text, found a piece at a time (``step``).

    Why in pieces: a regular expression or whole-word search of a big text
    takes longer than a keystroke may hold the window; the find controller runs
    steps in later turns until ``done``. Matches do not overlap, are found left
    to right, and empty ones are skipped (there is nothing to show).
    """

    def __init__(
        self,
        haystack: Folded,
        query: Query,
        limit: int,
        piece: int = DEFAULT_VIEW_TUNING.search_piece_chars,
    ) -> None:
        """``piece``: characters a ``step`` reads (``ViewTuning.search_piece_chars``)."""
        self.matches: list[tuple[int, int]] = []
        self._haystack = haystack
        self._query = query
        self._pattern = compile_query(query)  # raises QueryError
        self._limit = limit
        self._piece_chars = piece
        self._at = 0
        self._needle = query.text if query.case else query.text.casefold()
        self.done = not query.text or limit <= 0
        alike = haystack.folded is not None and len(self._needle) == len(query.text)
        if self._pattern is None and not query.case and not alike:
            # Folding would move the offsets: the regex engine reads the case instead.
            if not query.words:
                self.matches = [] if self.done else find_all(haystack, query.text, limit)
                self.done = True
            self._pattern = compile_query(replace(query, text=re.escape(query.text), regex=True))

    def step(self) -> bool:
        """Search the next piece; True while some of the text remains."""
        if self.done:
            return False
        text = self._haystack.text
        start, stop = self._at, min(len(text), self._at + self._piece_chars)
        self._at = stop
        for found in self._piece(start, stop):
            if len(self.matches) >= self._limit:
                break
            self.matches.append(found)
            self._at = max(self._at, found[1])  # a match across ``stop``: go on after it
        self.done = self._at >= len(text) or len(self.matches) >= self._limit
        return not self.done

    def _piece(self, start: int, stop: int) -> Iterator[tuple[int, int]]:
        """The matches that begin in ``[start, stop)``."""
        text = self._haystack.text
        if self._pattern is not None:
            end = min(len(text), stop + OVERLAP)
            for match in self._pattern.finditer(text, start, end):
                if match.start() >= stop:
                    break
                if match.end() > match.start():
                    yield match.start(), match.end()
            return
        query = self._query
        searched = text if query.case else self._haystack.folded
        assert searched is not None  # folded alike, or the whole search was ``find_all``
        for first, last in _finds_within(searched, self._needle, start, stop):
            if not query.words or (_edge(text, first - 1) and _edge(text, last)):
                yield first, last


def _finds_within(haystack: str, needle: str, start: int, stop: int) -> Iterator[tuple[int, int]]:
    """The non-overlapping finds of ``needle`` that begin in ``[start, stop)``."""
    size = len(needle)
    at = haystack.find(needle, start, stop + size - 1)
    while at >= 0:
        yield at, at + size
        at = haystack.find(needle, at + size, stop + size - 1)


def _edge(text: str, at: int) -> bool:
    """True if ``text[at]`` is no word character (or lies outside the text), as ``\\w`` reads."""
    return not (0 <= at < len(text)) or not (text[at].isalnum() or text[at] == "_")
