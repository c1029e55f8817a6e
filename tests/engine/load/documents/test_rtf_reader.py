# SPDX-License-Identifier: GPL-3.0-or-later
"""The RTF reader: groups, control words and code pages as Word and LibreOffice write them."""

from __future__ import annotations

import pytest

from twofold.engine.errors import InputError
from twofold.engine.load.documents.extracted import Extracted, ReadLimits
from twofold.engine.load.documents.rtf import read_rtf

LIMITS = ReadLimits()
HEADER = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}"
    r"{\colortbl;\red0\green0\blue0;}"
    r"{\stylesheet{\s0 Normal;}{\s1\sbasedon0 heading 1;}{\*\cs10 Default Paragraph Font;}}"
    r"{\info{\title Not the text}{\author Ann}}"
)


def read(body: str) -> Extracted:
    return read_rtf((HEADER + body + "}").encode("latin-1"), "draft.rtf", LIMITS)


def test_paragraphs_and_headings_by_style_or_outline_level() -> None:
    found = read(
        r"\pard\s1 Findings\par"
        r"\pard\s0 The survey \b ran\b0 .\par"
        r"\pard\outlinelevel1 Method\par"
        r"\pard Door to door.\par"
    )
    assert found.text == "Findings\n\nThe survey ran.\n\nMethod\n\nDoor to door.\n"
    assert [found.text[at : found.text.index("\n", at)] for at in found.headings] == [
        "Findings",
        "Method",
    ]


def test_unicode_code_pages_and_symbols() -> None:
    found = read(
        r"\pard caf\'e9 \u8220\'93quoted\u8221\'94 {\uc2\u8212\'97\'97} "
        r"na\u239?ve\~space\_hyphen\-soft\tab tab\emdash\lquote x\rquote\par"
        r"\pard \u-10179?\u-8704? astral\par"
    )
    assert found.text == (
        "café “quoted” — naïve\u00a0space\u2011hyphensoft\ttab—\u2018x\u2019\n\n\U0001f600 astral\n"
    )


def test_a_code_page_other_than_windows_1252() -> None:
    data = rb"{\rtf1\ansi\ansicpg1251 \pard \'cf\'f0\'e8\'e2\'e5\'f2\par}"
    assert read_rtf(data, "ru.rtf", LIMITS).text == "Привет\n"


def test_fields_keep_their_result_and_drop_their_code() -> None:
    found = read(r"\pard See {\field{\*\fldinst PAGEREF x}{\fldrslt 4}} now.\par")
    assert found.text == "See 4 now.\n"


def test_table_cells_are_paragraphs_in_reading_order() -> None:
    found = read(
        r"\trowd\cellx1000\cellx2000\pard\intbl Town\cell Count\cell\row"
        r"\trowd\cellx1000\cellx2000\pard\intbl Leeds\cell 14\cell\row"
    )
    assert found.text == "Town\n\nCount\n\nLeeds\n\n14\n"


def test_footnotes_come_after_the_body_and_margins_are_set_apart() -> None:
    found = read(
        r"{\header\pard Draft\par}{\footer\pard Page\par}"
        r"\pard Claim{\super\chftn}{\footnote\pard\plain{\super\chftn} Source.\par} stands.\par"
        r"\pard Closing.\par"
    )
    assert found.text == "Claim stands.\n\nClosing.\n\nSource.\n"
    assert [(kept.kind, kept.text) for kept in found.set_apart] == [
        ("page headers and footers", "Draft\n\nPage")
    ]


def test_tracked_deletions_are_dropped() -> None:
    found = read(r"\pard The {\deleted old }{\revised new} plan.\par")
    assert found.text == "The new plan.\n"


def test_binary_data_is_stepped_over() -> None:
    blob = "{\\pict\\bin6 " + "}{\\x\\" + "}}after\\par"  # the data holds braces
    data = (HEADER + "\\pard before " + blob + "}").encode("latin-1")
    assert read_rtf(data, "pic.rtf", LIMITS).text == "before after\n"


def test_a_hostile_nesting_depth_is_one_sentence() -> None:
    data = b"{\\rtf1 " + b"{" * 100_000 + b"deep" + b"}" * 100_000 + b"}"
    with pytest.raises(InputError, match="nests its groups too deeply"):
        read_rtf(data, "deep.rtf", LIMITS)


def test_what_is_not_rtf_is_refused() -> None:
    with pytest.raises(InputError, match="does not start as RTF"):
        read_rtf(b"plain text", "fake.rtf", LIMITS)
