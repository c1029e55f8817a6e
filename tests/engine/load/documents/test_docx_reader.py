# SPDX-License-Identifier: GPL-3.0-or-later
"""The Word reader: what a reviewer reads in a draft, in the order they read it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from office_files import docx_bytes, p
from twofold.engine.load.decoding import load_document
from twofold.engine.load.documents.docx import read_docx
from twofold.engine.load.documents.extracted import Extracted, ReadLimits
from twofold.engine.result.kinds import DocFormat

LIMITS = ReadLimits()


def paragraphs(found: Extracted) -> list[str]:
    return found.text.split("\n\n") if found.text else []


def headings(found: Extracted) -> list[str]:
    return [found.text[at : found.text.index("\n", at)] for at in found.headings]


def read(data: bytes) -> Extracted:
    return read_docx(data, "draft.docx", LIMITS)


def test_a_document_written_by_python_docx_reads_in_order(tmp_path: Path) -> None:
    """Headings, list items and table cells as Word's own writer lays them out."""
    document = docx.Document()
    document.add_heading("Findings", level=1)
    document.add_paragraph("The survey ran for two weeks.")
    document.add_paragraph("First point", style="List Bullet")
    document.add_paragraph("Second point", style="List Number")
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate((("Town", "Count"), ("Leeds", "14"))):
        for col, text in enumerate(cells):
            table.cell(row, col).text = text
    document.add_heading("Method", level=2)
    document.add_paragraph("Door to door.")
    path = tmp_path / "report.docx"
    document.save(str(path))

    loaded = load_document(path)

    assert loaded.format is DocFormat.DOCX
    assert loaded.text == (
        "Findings\n\nThe survey ran for two weeks.\n\n• First point\n\n1. Second point\n\n"
        "Town\n\nCount\n\nLeeds\n\n14\n\nMethod\n\nDoor to door.\n"
    )
    assert [loaded.text[at : loaded.text.index("\n", at)] for at in loaded.headings] == [
        "Findings",
        "Method",
    ]


def test_footnotes_and_endnotes_come_after_the_body_without_separators() -> None:
    body = (
        '<w:p><w:r><w:t>Claim</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
        '<w:r><w:t xml:space="preserve"> stands.</w:t></w:r></w:p>' + p("Closing.")
    )
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1">' + p("Source: the archive.") + "</w:footnote>"
    )
    endnotes = '<w:endnote w:id="1">' + p("Printed 1901.") + "</w:endnote>"
    found = read(docx_bytes(body, footnotes=footnotes, endnotes=endnotes))
    assert paragraphs(found) == [
        "Claim stands.",
        "Closing.",
        "Source: the archive.",
        "Printed 1901.\n",
    ]


def test_tracked_changes_read_as_the_current_text() -> None:
    """Insertions and moves kept, deletions dropped, a deleted paragraph mark joins two."""
    body = (
        '<w:p><w:r><w:t xml:space="preserve">The </w:t></w:r>'
        '<w:del w:id="1" w:author="A"><w:r><w:delText>old</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t>new</w:t></w:r></w:ins>'
        '<w:r><w:t xml:space="preserve"> plan.</w:t></w:r></w:p>'
        '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="A"/></w:rPr></w:pPr>'
        '<w:r><w:t xml:space="preserve">Joined </w:t></w:r></w:p>'
        "<w:p><w:r><w:t>here.</w:t></w:r></w:p>"
        '<w:p><w:moveFrom w:id="4" w:author="A"><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom>'
        "</w:p>"
        '<w:p><w:moveTo w:id="5" w:author="A"><w:r><w:t>Moved here.</w:t></w:r></w:moveTo></w:p>'
    )
    assert paragraphs(read(docx_bytes(body))) == [
        "The new plan.",
        "Joined here.",
        "Moved here.\n",
    ]


def test_field_codes_are_dropped_and_their_results_kept() -> None:
    body = (
        '<w:p><w:r><w:t xml:space="preserve">See page </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        "<w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" DATE "><w:r><w:t xml:space="preserve">, today</w:t></w:r>'
        "</w:fldSimple></w:p>"
    )
    assert read(docx_bytes(body)).text == "See page 4, today\n"


def test_a_text_box_is_read_once_after_its_paragraph() -> None:
    """Word writes a text box twice (a choice and a VML fallback): it is one paragraph."""
    box = f"<w:txbxContent>{p('In the box.')}</w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>Anchor.</w:t></w:r><w:r><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wrap>{box}</wrap></w:drawing></mc:Choice>'
        f"<mc:Fallback><w:pict><wrap>{box}</wrap></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>" + p("After.")
    )
    assert paragraphs(read(docx_bytes(body))) == ["Anchor.", "In the box.", "After.\n"]


def test_tabs_breaks_and_hyphens_stay_inside_one_paragraph() -> None:
    body = (
        "<w:p><w:r><w:t>Name</w:t><w:tab/><w:t>Value</w:t><w:br/><w:t>next</w:t>"
        "<w:softHyphen/><w:t>line</w:t><w:noBreakHyphen/><w:t>end</w:t></w:r></w:p>"
    )
    assert read(docx_bytes(body)).text == "Name\tValue nextline-end\n"


def test_headings_come_from_styles_their_ancestry_and_outline_levels() -> None:
    styles = (
        '<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Chapter"><w:name w:val="Chapter"/>'
        '<w:basedOn w:val="Titre1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Plain"><w:name w:val="Plain"/></w:style>'
    )
    outlined = '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Level 3</w:t></w:r></w:p>'
    body = p("Résumé", "Titre1") + p("One", "Chapter") + p("Body.", "Plain") + outlined
    found = read(docx_bytes(body, styles=styles))
    assert headings(found) == ["Résumé", "One", "Level 3"]


def test_headers_footers_and_comments_are_set_apart_not_compared() -> None:
    found = read(
        docx_bytes(
            p("The text."),
            header=p("Draft — not for circulation"),
            footer=p("Page 1"),
            comments='<w:comment w:id="0" w:author="Ann">' + p("Cite this?") + "</w:comment>",
        )
    )
    assert found.text == "The text.\n"
    apart = {kept.kind: (kept.paragraphs, kept.text) for kept in found.set_apart}
    assert apart == {
        "page headers and footers": (2, "Draft — not for circulation\n\nPage 1"),
        "comments": (1, "Cite this?"),
    }


def test_empty_paragraphs_are_not_paragraphs() -> None:
    body = p("One.") + "<w:p/>" + p("   ") + p("Two.")
    assert read(docx_bytes(body)).text == "One.\n\nTwo.\n"


def test_an_empty_document_is_empty_text() -> None:
    assert read(docx_bytes("")).text == ""


def test_progress_is_told_to_the_end() -> None:
    seen: list[tuple[int, int]] = []
    read_docx(docx_bytes(p("One.") * 600), "long.docx", LIMITS, lambda *a: seen.append(a))
    assert seen[-1][0] == seen[-1][1]
    assert len(seen) > 1


@pytest.mark.parametrize("text", ["x" * 50, "Ünïcödé ✓ \U0001d518"])
def test_text_comes_back_as_written(text: str) -> None:
    assert read(docx_bytes(p(text))).text == text + "\n"
