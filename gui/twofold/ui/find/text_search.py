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
from dataclasses import dataclass
from itertools import islice

#: Characters folded and searched at a time, in a text that folds longer.
CHUNK = 1 << 20


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


def find_all(haystack: Folded, needle: str, limit: int) -> list[tuple[int, int]]:
    """The first ``limit`` matches of ``needle`` in ``haystack.text``, ignoring case.

    Matches do not overlap and are found left to right, as ``re.finditer`` finds
    them; offsets count code points of the text.
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
        stop = min(len(text), pos + CHUNK)  # a match found here starts before ``stop``
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
