# SPDX-License-Identifier: GPL-3.0-or-later
"""Layout differences: what lies outside the paragraphs is compared, and never silently equal."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support import doc
from twofold.engine.export.export_unified import newlines_as_lf, unified_diff
from twofold.engine.load.text_decoding import decode_bytes
from twofold.engine.pipeline import compare, refine
from twofold.engine.result.kinds import NewlineStyle, Unit
from twofold.engine.result.layout import MAX_LAYOUT_SHOWN, kept_lines, layout_of
from twofold.engine.result.model import (
    CompareOptions,
    LayoutDifference,
    LayoutKind,
)
from twofold.engine.result.pair_slots import equal_pair
from twofold.engine.result.spans import Segments
from twofold.engine.result.summary import stat_text
from twofold.engine.segment.segmentation import segment

W, B, CR = (
    CompareOptions(ignore_whitespace=True),
    CompareOptions(ignore_blank_lines=True),
    CompareOptions(strip_trailing_cr=True),
)
WB = CompareOptions(ignore_whitespace=True, ignore_blank_lines=True)
BCR = CompareOptions(ignore_blank_lines=True, strip_trailing_cr=True)


def _kinds(a: bytes, b: bytes, options: CompareOptions | None = None) -> list[LayoutKind]:
    result = compare(decode_bytes(a, "a.txt"), decode_bytes(b, "b.txt"), options)
    return [d.kind for d in result.layout.differences]


@pytest.mark.parametrize(
    ("a", "b", "options", "kinds"),
    [
        (b"x\n", b"x\r\n", None, [LayoutKind.LINE_ENDINGS]),
        (b"x\n", b"x\r\n", CR, []),
        (b"x\n", b"x\r\n", W, []),
        (b"x\n", b"x\r\n", B, [LayoutKind.LINE_ENDINGS]),
        (b"x", b"x\r\n", None, [LayoutKind.FINAL_NEWLINE]),  # one line: no style to compare
        (b"x\n", b"x", CR, [LayoutKind.FINAL_NEWLINE]),
        (b"x\n", b"x", B, [LayoutKind.FINAL_NEWLINE]),
        (b"x\n", b"x", W, []),
        (b"", b"\n", None, [LayoutKind.BLANK_LINES]),  # an empty file has no line to end
        (b"x\n\ny\n", b"x\n\n\ny\n", None, [LayoutKind.BLANK_LINES]),
        (b"x\n\ny\n", b"x\n\n\ny\n", W, [LayoutKind.BLANK_LINES]),  # diff -w: a line still counts
        (b"x\n\ny\n", b"x\n\n\ny\n", B, []),
        (b"x\r\n\r\ny\r\n", b"x\r\n\r\n\r\ny\r\n", B, [LayoutKind.BLANK_LINES]),  # as diff -B
        (b"x\r\n\r\ny\r\n", b"x\r\n\r\n\r\ny\r\n", BCR, []),
        (b"x\n\ny\n", b"x\n \ny\n", None, [LayoutKind.BLANK_LINE_WHITESPACE]),
        (b"x\n\ny\n", b"x\n \ny\n", W, []),
        (b"x\n\ny\n", b"x\n \ny\n", B, [LayoutKind.BLANK_LINE_WHITESPACE]),  # as diff -B
        (b"x\n\ny\n", b"x\n \n\ny\n", WB, []),
        (b"x\n", b"\xef\xbb\xbfx\n", WB, [LayoutKind.BOM]),
        (b"x\r\ny\nz\n", b"x\ny\r\nz\n", None, [LayoutKind.BYTES]),  # both mixed
        (b"x\r\ny\nz\n", b"x\ny\r\nz\n", CR, []),
        (b"x\r\ny\n", b"x\ny\n", CR, []),  # no BYTES: line endings explain the bytes
        (b"Plain text \xff here.\n", b"Plain text \xfe here.\n", WB, [LayoutKind.BYTES]),
        (b"x\n\nx\n", b"x\n\nx\n", None, []),
    ],
)
def test_layout_kinds_under_the_options(
    a: bytes, b: bytes, options: CompareOptions | None, kinds: list[LayoutKind]
) -> None:
    assert _kinds(a, b, options) == kinds
    assert _kinds(b, a, options) == kinds


def test_gaps_next_to_a_change_are_the_changes_business() -> None:
    """Blank lines around an inserted paragraph belong to it; gaps paired on both sides count."""
    a = doc("One.\n\nThree.\n\nFour.\n")
    b = doc("One.\n\nTwo.\n\n\nThree.\n\n\nFour.\n")
    result = compare(a, b)
    assert [d.kind for d in result.layout.differences] == [LayoutKind.BLANK_LINES]
    assert (result.layout.differences[0].a_line, result.layout.differences[0].b_line) == (4, 7)


def test_bytes_the_text_does_not_show_are_told() -> None:
    a = decode_bytes(b"Plain text \xff here.\n", "a.txt")
    b = decode_bytes(b"Plain text \xfe here.\n", "b.txt")
    assert a.text == b.text
    result = compare(a, b)
    assert result.differs
    assert not result.identical
    assert stat_text(result).splitlines()[-1] == (
        "Only the bytes differ: the same text from other bytes (mixed line endings "
        "placed otherwise, or other undecodable bytes shown as \ufffd)"
    )


def test_a_refined_result_keeps_the_layout() -> None:
    a, b = doc("One two.\n\nThree.\n"), doc("One three.\n\n\nThree.\n")
    coarse = compare(a, b, inline=False)
    assert refine(coarse).layout == coarse.layout == compare(a, b).layout
    assert coarse.layout.total == 1


def test_blank_lines_are_no_units_by_lines_under_b() -> None:
    text = "a\n\n  \nb\n"
    lines = segment(text, Unit.LINES)
    lf, crlf = doc(text), replace(doc(text), newline=NewlineStyle.CRLF)
    assert len(kept_lines(lf, lines, CompareOptions())) == 4
    assert [text[s.start : s.end] for s in kept_lines(lf, lines, B)] == ["a", "  ", "b"]
    assert [text[s.start : s.end] for s in kept_lines(lf, lines, WB)] == ["a", "b"]
    assert len(kept_lines(crlf, lines, B)) == 4  # diff -B: its empty lines hold a CR
    assert len(kept_lines(crlf, lines, replace(B, strip_trailing_cr=True))) == 3
    assert kept_lines(doc(""), Segments((), ()), WB) == ()


def test_a_difference_has_two_values_and_lines_only_where_they_mean_something() -> None:
    with pytest.raises(ValueError, match="two different values"):
        LayoutDifference(LayoutKind.BOM, True, True)
    with pytest.raises(ValueError, match="blank-line kinds only"):
        LayoutDifference(LayoutKind.BOM, True, False, 1, 1)
    with pytest.raises(ValueError, match="blank-line kinds only"):
        LayoutDifference(LayoutKind.BLANK_LINES, 1, 2)
    assert LayoutDifference(LayoutKind.BLANK_LINES, 1, 2, 3, 4).mirrored() == LayoutDifference(
        LayoutKind.BLANK_LINES, 2, 1, 4, 3
    )


def test_the_listed_differences_are_bounded() -> None:
    paragraphs = [f"P{n}." for n in range(MAX_LAYOUT_SHOWN * 3)]
    a, b = doc("\n\n".join(paragraphs)), doc("\n\n\n".join(paragraphs))
    layout = compare(a, b).layout
    assert len(layout.differences) == MAX_LAYOUT_SHOWN
    assert layout.total == len(paragraphs) - 1
    last = layout.differences[-1]  # after paragraph 99: line 2 * 99 + 2 in A, 3 * 99 + 2 in B
    assert (last.a_line, last.b_line) == (2 * MAX_LAYOUT_SHOWN, 3 * MAX_LAYOUT_SHOWN - 1)


# ------------------------------------------------------------------------ properties

#: characters that make layout: newlines of all kinds, white space of all kinds, a word
LAYOUT_CHARS = st.sampled_from(
    ["\n", "\n", "\r\n", "\r", " ", "\t", "\f", "\u00a0", "\u2028", "w", "v"]
)
layout_text = st.lists(LAYOUT_CHARS, max_size=24).map("".join)
units = st.sampled_from([Unit.PARAGRAPHS, Unit.LINES])


@given(layout_text, layout_text, units)
def test_texts_that_differ_anywhere_are_never_called_the_same(
    one: str, other: str, unit: Unit
) -> None:
    data_a, data_b = one.encode(), other.encode()
    a, b = decode_bytes(data_a, "a.txt"), decode_bytes(data_b, "b.txt")
    result = compare(a, b, CompareOptions(unit=unit))
    assert result.differs == (data_a != data_b)
    assert ("No differences." in stat_text(result)) == (data_a == data_b)


paragraph_text = st.lists(st.sampled_from(["Word", "two", "x"]), min_size=1, max_size=3).map(
    " ".join
)
blank_line = st.sampled_from(["", "", " ", "\t", "\f", "\u00a0"])
gap = st.lists(blank_line, max_size=3)


@st.composite
def same_paragraphs(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """Two files with the same paragraphs and their own blank lines, endings and final newline."""
    paragraphs = draw(st.lists(paragraph_text, max_size=5, unique=True))

    def layout() -> bytes:
        newline = draw(st.sampled_from(["\n", "\r\n"]))
        lines = [*draw(gap)]
        for n, paragraph in enumerate(paragraphs):
            lines.append(paragraph)
            lines.extend(draw(gap) if n == len(paragraphs) - 1 else ["", *draw(gap)])
        text = newline.join(lines)
        return (text + newline if lines and draw(st.booleans()) else text).encode()

    return layout(), layout()


@given(same_paragraphs(), st.sampled_from([CompareOptions(), W, B, CR, WB]))
def test_swapping_sides_mirrors_the_layout(
    files: tuple[bytes, bytes], options: CompareOptions
) -> None:
    a, b = decode_bytes(files[0], "a.txt"), decode_bytes(files[1], "b.txt")
    forward = compare(a, b, options).layout
    backward = compare(b, a, options).layout
    assert backward.total == forward.total
    assert backward.differences == tuple(d.mirrored() for d in forward.differences)


@given(same_paragraphs())
def test_same_paragraphs_differ_only_in_layout(files: tuple[bytes, bytes]) -> None:
    a, b = decode_bytes(files[0], "a.txt"), decode_bytes(files[1], "b.txt")
    result = compare(a, b)
    assert not result.changes
    assert result.differs == (files[0] != files[1])
    kinds = {d.kind for d in result.layout.differences}
    assert (LayoutKind.LINE_ENDINGS in kinds) == (
        a.newline is not b.newline and NewlineStyle.NONE not in (a.newline, b.newline)
    )
    assert not compare(a, b, CompareOptions(ignore_whitespace=True, ignore_blank_lines=True)).layout


@st.composite
def diff_text(draw: st.DrawFn) -> str:
    """A text of one newline style, LF or CRLF: ``--diff`` cuts lines at LF only, as
    patch does (a CR-only file is one line there), and which lines of a mixed file
    end in CRLF the comparison's ``-B`` cannot tell."""
    chars = draw(
        st.lists(st.sampled_from(["\n", "\n", " ", "\t", "\f", "\u00a0", "w", "v"]), max_size=24)
    )
    return "".join(chars).replace("\n", draw(st.sampled_from(["\n", "\r\n"])))


@given(diff_text(), diff_text(), st.sampled_from([CompareOptions(), B, CR, BCR]))
def test_diff_and_the_comparison_agree_by_lines(
    one: str, other: str, options: CompareOptions
) -> None:
    """``--diff`` (what it prints) and ``--stat`` (``differs``) give the same exit status."""
    options = replace(options, unit=Unit.LINES)
    data_a, data_b = one.encode(), other.encode()
    result = compare(decode_bytes(data_a, "a.txt"), decode_bytes(data_b, "b.txt"), options)
    if options.strip_trailing_cr:
        data_a, data_b = newlines_as_lf(data_a, "utf-8"), newlines_as_lf(data_b, "utf-8")
    patch = unified_diff(data_a, data_b, "a", "b", ignore_blank_lines=options.ignore_blank_lines)
    assert result.differs == bool(patch)


#: the blank lines of one gap between two paragraphs
gap_lines = st.lists(st.sampled_from(["", "", " ", "\t"]), min_size=1, max_size=3)


@st.composite
def gapped_paragraphs(draw: st.DrawFn) -> tuple[list[list[str]], list[list[str]]]:
    """The gaps of two files with the same paragraphs: on each side one gap for most,
    another for a few, so that whole runs of gaps are alike and some are not."""
    count = draw(st.integers(min_value=2, max_value=14))

    def side() -> list[list[str]]:
        usual = draw(gap_lines)
        odd = draw(st.dictionaries(st.integers(0, count - 2), gap_lines, max_size=3))
        return [odd.get(k, usual) for k in range(count - 1)]

    return side(), side()


def _gapped_text(gaps: list[list[str]]) -> str:
    lines = ["Paragraph 0."]
    for k, gap in enumerate(gaps, 1):
        lines += [*gap, f"Paragraph {k}."]
    return "\n".join(lines) + "\n"


def _gap_line(gaps: list[list[str]], k: int) -> int:
    """The line of gap ``k``'s first blank line in ``_gapped_text(gaps)``."""
    return 2 + k + sum(map(len, gaps[:k]))


@given(gapped_paragraphs(), st.sampled_from([CompareOptions(), W, B]))
def test_each_gap_that_differs_between_equal_paragraphs_is_told(
    gaps: tuple[list[list[str]], list[list[str]]], options: CompareOptions
) -> None:
    gaps_a, gaps_b = gaps
    result = compare(doc(_gapped_text(gaps_a)), doc(_gapped_text(gaps_b)), options)
    assert not result.changes
    both = list(enumerate(zip(gaps_a, gaps_b, strict=True)))
    if options.ignore_whitespace:  # every blank line is an empty one: the counts tell
        differing = [k for k, (a, b) in both if len(a) != len(b)]
    elif options.ignore_blank_lines:  # the empty lines do not count
        differing = [k for k, (a, b) in both if [n for n in a if n] != [n for n in b if n]]
    else:
        differing = [k for k, (a, b) in both if a != b]
    assert result.layout.total == len(differing)
    for k, told in zip(differing, result.layout.differences, strict=True):
        assert told.a_line is not None
        assert told.b_line is not None
        first_a, first_b = _gap_line(gaps_a, k), _gap_line(gaps_b, k)
        assert first_a <= told.a_line <= first_a + len(gaps_a[k])
        assert first_b <= told.b_line <= first_b + len(gaps_b[k])


@given(gapped_paragraphs(), units, st.sampled_from([CompareOptions(), W, B, CR]))
def test_gaps_the_cutting_made_alike_are_what_reading_them_finds(
    gaps: tuple[list[list[str]], list[list[str]]], unit: Unit, options: CompareOptions
) -> None:
    """Segments that know what lies between them (``Segments.between``) are not read
    gap by gap: the layout is what reading every gap finds."""
    options = replace(options, unit=unit)
    result = compare(doc(_gapped_text(gaps[0])), doc(_gapped_text(gaps[1])), options)
    unknown = Segments.of(result.a_segments), Segments.of(result.b_segments)
    assert layout_of(result.a, result.b, *unknown, result.pairs, options) == result.layout


@pytest.mark.parametrize(
    ("text_b", "kinds"),
    [
        ("a\n\nb\n\nc\n", []),
        ("a\n\nb\n c\n", [LayoutKind.BLANK_LINE_WHITESPACE]),  # a gap of a space, not a newline
        ("a\n b\n c\n", [LayoutKind.BLANK_LINE_WHITESPACE] * 2),
    ],
)
def test_gaps_of_one_character_are_read_whatever_the_segments(
    text_b: str, kinds: list[LayoutKind]
) -> None:
    """``layout_of`` takes any segments: a gap of one character need not be a newline."""
    segments = Segments((0, 3, 6), (1, 4, 7))
    pairs = [equal_pair((k,), (k,)) for k in range(3)]
    a, b = doc("a\n\nb\n\nc\n"), doc(text_b)
    layout = layout_of(a, b, segments, segments, pairs, CompareOptions())
    assert [d.kind for d in layout.differences] == kinds
