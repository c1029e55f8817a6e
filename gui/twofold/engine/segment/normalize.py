# SPDX-License-Identifier: GPL-3.0-or-later
"""Keys that make ignorable differences vanish, for matching but never for display.

The case and typography folds keep every string's length, character for
character, so an offset found in a folded string is an offset in the original:
that is what lets ``chardiff`` diff folded text and still report the real text.
White space cannot be folded that way, so it is handled on the edits instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from twofold.engine.result.model import CompareOptions
from twofold.engine.result.spans import Span, span_bounds

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",  # left single quote
        "\u2019": "'",  # right single quote / apostrophe
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",  # prime
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",  # thin space
        "\u200a": " ",
        "\u2026": ".",  # ellipsis: one character, so it folds to one dot
    }
)
_WHITESPACE_RUN = re.compile(r"\s+")


def fold_same_length(text: str, options: CompareOptions) -> str:
    """Apply the length-preserving folds (case, typography) the options ask for."""
    if options.ignore_typography:
        text = text.translate(_TYPOGRAPHY)
    if options.ignore_case:
        lowered = text.lower()
        # A few characters (e.g. U+0130) grow when lowered; keep those as they are.
        text = (
            lowered
            if len(lowered) == len(text)
            else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        )
    return text


def match_key(text: str, options: CompareOptions) -> str:
    """The key two paragraphs must share to count as equal under the options."""
    text = fold_same_length(text, options)
    if options.ignore_whitespace:
        text = _WHITESPACE_RUN.sub(" ", text).strip()
    return text


def match_keys(
    text: str, spans: Iterable[Span], options: CompareOptions, texts: list[str] | None = None
) -> list[str]:
    """``match_key`` of each span of ``text``: the spans' texts when ``keys_are_texts``.

    Args:
        texts: the spans' texts, when the segmenter cut them already
            (``segment_with_texts``): taken, not copied, rather than sliced again.
    """
    if texts is not None:
        return texts if keys_are_texts(options) else [match_key(t, options) for t in texts]
    if keys_are_texts(options):
        return [text[start:end] for start, end in span_bounds(spans)]
    return [match_key(text[start:end], options) for start, end in span_bounds(spans)]


def keys_are_texts(options: CompareOptions) -> bool:
    """True when the options change nothing: every match key is the text itself."""
    return not (folds_anything(options) or options.ignore_whitespace)


def folds_anything(options: CompareOptions) -> bool:
    return options.ignore_case or options.ignore_typography
