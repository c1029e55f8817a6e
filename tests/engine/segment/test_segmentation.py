# SPDX-License-Identifier: GPL-3.0-or-later
"""Paragraph and line segmenting, and the automatic choice between them."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from twofold.engine.result.kinds import Unit
from twofold.engine.result.spans import Span
from twofold.engine.segment.segmentation import (
    _NOT_SIMPLE,
    resolve_unit,
    segment,
    segment_with_texts,
)
from twofold.engine.view.display_blocks import hard_breaks

GETTYSBURG = (
    "Four score and seven years ago our fathers brought forth on this continent, a new nation.\n"
    "\n"
    "Now we are engaged in a great civil war,\n"
    "testing whether that nation, or any nation so conceived, can long endure.\n"
    "  \n"
    "\n"
    "But, in a larger sense, we can not dedicate -- we can not consecrate.\n"
)


def texts(text: str, spans: tuple[Span, ...]) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def test_paragraphs_are_runs_of_non_blank_lines() -> None:
    got = texts(GETTYSBURG, segment(GETTYSBURG, Unit.PARAGRAPHS))
    assert got == [
        "Four score and seven years ago our fathers brought forth on this continent, a new nation.",
        "Now we are engaged in a great civil war,\n"
        "testing whether that nation, or any nation so conceived, can long endure.",
        "But, in a larger sense, we can not dedicate -- we can not consecrate.",
    ]


def test_lines_keep_blank_lines() -> None:
    got = texts("a\n\nb\n", segment("a\n\nb\n", Unit.LINES))
    assert got == ["a", "", "b"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", 0), ("\n\n", 0), ("one", 1), ("one\n", 1), ("a\n\n\n\nb", 2), ("  \n a \n", 1)],
)
def test_paragraph_counts(text: str, expected: int) -> None:
    assert len(segment(text, Unit.PARAGRAPHS)) == expected


@pytest.mark.parametrize(
    ("name", "text", "unit"),
    [
        ("main.py", "print('x')\n", Unit.LINES),
        ("Makefile", "all:\n", Unit.LINES),
        ("essay.txt", GETTYSBURG, Unit.PARAGRAPHS),
        ("notes", "int main() {\n    return 0;\n}\n" * 5, Unit.LINES),
        # a log: many lines and no blank one would be a single "paragraph"
        (
            "server.log",
            "".join(f"12:00:{n:02d} INFO request {n} done\n" for n in range(60)),
            Unit.LINES,
        ),
        ("list.txt", "".join(f"item {n}\n" for n in range(50)), Unit.LINES),
        # prose wrapped at 72 columns, paragraphs of a few lines: still paragraphs
        (
            "wrapped.txt",
            ("A line of wrapped prose, one of five.\n" * 5 + "\n") * 30,
            Unit.PARAGRAPHS,
        ),
        ("short.txt", "one line\nanother\nthird\n", Unit.PARAGRAPHS),
    ],
)
def test_auto_unit(name: str, text: str, unit: Unit) -> None:
    assert resolve_unit(Unit.AUTO, (name, text), ("other.txt", "")) is unit


def test_explicit_unit_wins() -> None:
    assert resolve_unit(Unit.PARAGRAPHS, ("main.py", "x = 1\n")) is Unit.PARAGRAPHS


@given(st.text(alphabet="ab \n\t", max_size=200))
def test_spans_ordered_disjoint_and_non_blank(text: str) -> None:
    for unit in (Unit.PARAGRAPHS, Unit.LINES):
        spans = segment(text, unit)
        for s, t in itertools.pairwise(spans):
            assert s.end < t.start
        assert all(s.end <= len(text) for s in spans)
    for s in segment(text, Unit.PARAGRAPHS):
        chunk = text[s.start : s.end]
        assert chunk.strip()
        assert chunk == chunk.strip("\n")
    # Every non-blank character falls inside some paragraph.
    covered = {k for s in segment(text, Unit.PARAGRAPHS) for k in range(s.start, s.end)}
    assert all(k in covered for k, c in enumerate(text) if not c.isspace())


def _paragraphs_line_by_line(text: str) -> list[tuple[int, int]]:
    """The definition: maximal runs of lines in which ``\\S`` finds something."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    end = pos = 0
    for line in text.split("\n"):
        if re.search(r"\S", line):
            start = pos if start is None else start
            end = pos + len(line)
        elif start is not None:
            spans.append((start, end))
            start = None
        pos += len(line) + 1
    if start is not None:
        spans.append((start, end))
    return spans


@given(st.text(alphabet="ab \n\t\r\x0b\x0c\x1c\x85\u2028\u3000\xa0\u200b", max_size=200))
def test_paragraphs_follow_the_line_by_line_definition(text: str) -> None:
    got = [(s.start, s.end) for s in segment(text, Unit.PARAGRAPHS)]
    assert got == _paragraphs_line_by_line(text)


@given(st.text(alphabet="ab\n\u2029", max_size=60))
def test_lines_are_the_texts_lines_and_carry_their_newlines(text: str) -> None:
    """Every line but an empty last one; the display's hard breaks reuse the newlines."""
    body = text[:-1] if text.endswith("\n") else text
    expected, pos = [], 0
    for line in body.split("\n") if text else []:
        expected.append((pos, pos + len(line)))
        pos += len(line) + 1
    lines = segment(text, Unit.LINES)
    assert [(s.start, s.end) for s in lines] == expected
    newlines = [k for k, c in enumerate(text) if c == "\n"]
    assert lines.newlines is not None
    assert list(lines.newlines) == newlines, "the ends are a copy: the newlines stay whole"
    assert list(hard_breaks(text, lines.newlines)) == [
        k for k, c in enumerate(text) if c in "\n\u2029"
    ]
    assert list(hard_breaks(text)) == [k for k, c in enumerate(text) if c in "\n\u2029"]
    assert segment(text, Unit.PARAGRAPHS).newlines is None, "paragraphs find no newlines"


@given(st.text(alphabet="ab\n \u2029", max_size=60))
def test_segments_sum_what_they_cover_once(text: str) -> None:
    for unit in (Unit.LINES, Unit.PARAGRAPHS):
        for segments in (segment(text, unit), segment_with_texts(text, unit)[0]):
            assert segments.covered == sum(s.end - s.start for s in segments)
            assert segments.covered == segments.covered


@given(st.text(alphabet="ab\n \u2029", max_size=60))
@example("a\n\nb\n\nc\n")
def test_what_segments_say_lies_between_them_does(text: str) -> None:
    """``between``, when the cutting knew it, is the text between every two segments."""
    for unit in (Unit.LINES, Unit.PARAGRAPHS):
        for segments in (segment(text, unit), segment_with_texts(text, unit)[0]):
            ends, starts = segments.ends[:-1], segments.starts[1:]
            between = {text[end:start] for end, start in zip(ends, starts, strict=True)}
            if segments.between is not None:
                assert between <= {segments.between}


def test_long_runs_of_spaces_do_not_backtrack() -> None:
    # Quadratic in the run's length if the blank-line pattern backtracked.
    spaces = " " * 200_000
    text = ("x\n" + spaces + "\n") * 5 + (spaces + "y\n") * 5
    got = texts(text, segment(text, Unit.PARAGRAPHS))
    assert got == ["x"] * 5 + ["\n".join([spaces + "y"] * 5)]


#: Lines of prose and the blank lines around them: empty ones most, but also
#: white space only, Unicode's included (U+2028 is white space, not a newline).
_SPACE = " \t\r\x0b\x0c\x1c\x85\xa0\u2028\u3000"
_PROSE = st.sampled_from(["", "", "", "a", "b c", " a", "a ", "\u200b", "\xa0a\u3000"])
_LINE = st.one_of(
    _PROSE,
    st.text(alphabet="ab" + _SPACE, min_size=1, max_size=4),
    st.text(alphabet=_SPACE, min_size=1, max_size=2),
)


@given(st.one_of(st.lists(_PROSE, max_size=12), st.lists(_LINE, max_size=12)).map("\n".join))
@example("a\n\n")
@example("a\n")
@settings(max_examples=300)
def test_texts_cut_with_the_paragraphs_are_the_general_paths(text: str) -> None:
    """The split at ``\\n\\n`` answers only for texts it cuts as the blank-line search does."""
    segments, cut = segment_with_texts(text, Unit.PARAGRAPHS)
    event("texts cut" if cut is not None else "sliced after")
    expected = segment(text, Unit.PARAGRAPHS)
    assert segments == expected
    assert cut is None or cut == [text[start:end] for start, end in expected.bounds()]
    assert segment_with_texts(text, Unit.LINES) == (segment(text, Unit.LINES), None)


@pytest.mark.parametrize(
    "text",
    ["a", "a\n", "a\n\n", "a\nb\n\nc d\ne\n", " a\n\n b \n\n\u3000c", "a\n \tb\n\nc"],
)
def test_prose_with_single_empty_blank_lines_gets_its_texts(text: str) -> None:
    segments, cut = segment_with_texts(text, Unit.PARAGRAPHS)
    assert segments == segment(text, Unit.PARAGRAPHS)
    assert cut == [text[start:end] for start, end in segments.bounds()]


@pytest.mark.parametrize("text", ["", "\na", "a\n\n\nb", "a\n \nb", "a\n\u3000", "a\n\n\n"])
def test_other_texts_are_sliced_after(text: str) -> None:
    assert segment_with_texts(text, Unit.PARAGRAPHS)[1] is None


#: The pattern as it was before an indentation's spaces were read as a literal
#: run: the split at ``\n\n`` must be taken for exactly the texts it was taken for.
_NOT_SIMPLE_BEFORE = re.compile(r"(?m)\n(?:[^\S\n][^\S\n]*+$|\n\n)")
#: Every character Python calls white space (``\n`` among them), and an emoji
#: so that some texts take four bytes a character.
_EVERY_SPACE = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
_ANY_LINE = st.text(alphabet="ab\U0001f600" + _EVERY_SPACE, max_size=6)
_INDENTED = st.tuples(st.text(alphabet=" \t\u3000", max_size=5), _ANY_LINE).map("".join)


@given(st.lists(st.one_of(_ANY_LINE, _INDENTED, st.just("")), max_size=12).map("\n".join))
@example("a\n  ")
@example("a\n \t \n")
@example("a\n\t  b\n")
@settings(max_examples=500)
def test_what_rules_out_the_split_is_what_it_was(text: str) -> None:
    """Same matches, at the same places, as the pattern before."""
    assert [m.span() for m in _NOT_SIMPLE.finditer(text)] == [
        m.span() for m in _NOT_SIMPLE_BEFORE.finditer(text)
    ]
