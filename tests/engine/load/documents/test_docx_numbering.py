# SPDX-License-Identifier: GPL-3.0-or-later
"""A Word list reads with the numbers and bullets its reader sees, so renumbering shows."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from office_files import docx_bytes, p
from twofold.cli import main
from twofold.engine.load.documents.docx import read_docx
from twofold.engine.load.documents.docx_numbering import format_number
from twofold.engine.load.documents.extracted import ReadLimits

LIMITS = ReadLimits()


def paragraphs(data: bytes) -> list[str]:
    return read_docx(data, "list.docx", LIMITS).text.rstrip("\n").split("\n\n")


def python_docx(items: list[tuple[str, str | None]]) -> bytes:
    """A document python-docx writes: each item's text in its style (None: Normal)."""
    document = docx.Document()
    for text, style in items:
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_numbered_and_bulleted_items_read_as_word_shows_them() -> None:
    data = python_docx(
        [
            ("Steps:", None),
            ("Mix.", "List Number"),
            ("Bake.", "List Number"),
            ("Flour", "List Bullet"),
            ("Sugar", "List Bullet"),
            ("Serve.", "List Number"),
        ]
    )
    assert paragraphs(data) == ["Steps:", "1. Mix.", "2. Bake.", "• Flour", "• Sugar", "3. Serve."]


def test_an_item_inserted_renumbers_the_items_after_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.docx"
    new = tmp_path / "new.docx"
    old.write_bytes(python_docx([(t, "List Number") for t in ("Mix.", "Bake.", "Serve.")]))
    new.write_bytes(python_docx([(t, "List Number") for t in ("Mix.", "Rest.", "Bake.", "Serve.")]))

    assert main(["--json", str(old), str(new)]) == 1
    report = json.loads(capsys.readouterr().out)
    equal_in_b = [b for pair in report["pairs"] if pair["kind"] == "equal" for b in pair["b"]]
    # Bake and Serve moved down a number: a reader sees them renumbered, so does the diff.
    assert equal_in_b == [0]
    assert report["b"]["paragraphs"][3] == [29, 38]  # "4. Serve." in what --text prints


def lvl(level: int, fmt: str, text: str, start: int = 1, suff: str | None = None) -> str:
    suffix = f'<w:suff w:val="{suff}"/>' if suff else ""
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'{suffix}<w:lvlText w:val="{text}"/></w:lvl>'
    )


def item(text: str, num_id: int, level: int = 0) -> str:
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        f"</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
    )


OUTLINE = (
    '<w:abstractNum w:abstractNumId="0">'
    + lvl(0, "upperRoman", "%1.")
    + lvl(1, "decimal", "%1.%2")
    + lvl(2, "lowerLetter", "(%3)")
    + lvl(3, "bullet", "\uf0b7")
    + "</w:abstractNum>"
    + '<w:abstractNum w:abstractNumId="1">'
    + lvl(0, "decimalZero", "%1", suff="nothing")
    + lvl(1, "upperLetter", "%2)", start=3)
    + "</w:abstractNum>"
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    + '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
    + '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
    + '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    + '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
)


def test_levels_count_apart_and_deeper_levels_restart() -> None:
    body = (
        item("Intro", 1)
        + item("Scope", 1, 1)
        + item("Terms", 1, 1)
        + item("first", 1, 2)
        + item("second", 1, 2)
        + item("dot", 1, 3)
        + item("Method", 1)
        + item("Design", 1, 1)
        + item("again", 1, 2)
    )
    assert paragraphs(docx_bytes(body, numbering=OUTLINE)) == [
        "I. Intro",
        "I.1 Scope",
        "I.2 Terms",
        "(a) first",
        "(b) second",
        "• dot",
        "II. Method",
        "II.1 Design",
        "(a) again",
    ]


def test_two_lists_of_one_abstract_list_continue_unless_one_restarts() -> None:
    body = item("One", 1) + p("Between.") + item("Two", 2) + item("Anew", 3) + item("More", 3)
    assert paragraphs(docx_bytes(body, numbering=OUTLINE)) == [
        "I. One",
        "Between.",
        "II. Two",
        "I. Anew",
        "II. More",
    ]


def test_start_values_formats_and_suffixes_are_the_levels_own() -> None:
    body = item("Zero", 4) + item("lettered", 4, 1) + item("next", 4, 1) + item("Won", 4)
    assert paragraphs(docx_bytes(body, numbering=OUTLINE)) == [
        "01Zero",
        "C) lettered",
        "D) next",
        "02Won",
    ]


def test_a_style_makes_items_and_numid_zero_takes_one_out() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="Steps"><w:pPr><w:numPr>'
        '<w:numId w:val="4"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="SubSteps"><w:basedOn w:val="Steps"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    unnumbered = (
        '<w:p><w:pPr><w:pStyle w:val="Steps"/><w:numPr><w:numId w:val="0"/></w:numPr>'
        "</w:pPr><w:r><w:t>Plain</w:t></w:r></w:p>"
    )
    body = p("Open", "Steps") + p("Inner", "SubSteps") + unnumbered + p("Close", "Steps")
    assert paragraphs(docx_bytes(body, styles=styles, numbering=OUTLINE)) == [
        "01Open",
        "C) Inner",
        "Plain",
        "02Close",
    ]


def test_a_list_that_numbering_does_not_define_reads_as_its_text() -> None:
    assert paragraphs(docx_bytes(item("Lost", 9), numbering=OUTLINE)) == ["Lost"]
    assert paragraphs(docx_bytes(item("No part", 1))) == ["No part"]


@pytest.mark.parametrize(
    ("value", "fmt", "written"),
    [
        (4, "lowerRoman", "iv"),
        (1994, "upperRoman", "MCMXCIV"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (7, "decimalZero", "07"),
        (12, "decimalZero", "12"),
        (3, "ordinalText", "3"),
        (5, "bullet", "\u2022"),
        (5, "none", ""),
    ],
)
def test_number_formats(value: int, fmt: str, written: str) -> None:
    assert format_number(value, fmt) == written


@given(
    st.sampled_from(["decimal", "lowerRoman", "upperRoman", "lowerLetter", "upperLetter"]),
    st.integers(1, 5000),
    st.integers(1, 5000),
)
def test_different_numbers_are_written_differently(fmt: str, one: int, other: int) -> None:
    """A list renumbered is a list changed: no two numbers share a label."""
    assert (format_number(one, fmt) == format_number(other, fmt)) == (one == other)
