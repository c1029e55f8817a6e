# SPDX-License-Identifier: GPL-3.0-or-later
"""The OpenDocument reader: headings, lists, tables, notes and tracked changes in ODF's terms."""

from __future__ import annotations

from office_files import odt_bytes
from twofold.engine.load.documents.extracted import Extracted, ReadLimits
from twofold.engine.load.documents.odt import read_odt

LIMITS = ReadLimits()


def read(body: str, **parts: str) -> Extracted:
    return read_odt(odt_bytes(body, **parts), "draft.odt", LIMITS)


def headings(found: Extracted) -> list[str]:
    return [found.text[at : found.text.index("\n", at)] for at in found.headings]


def test_headings_lists_and_table_cells_in_reading_order() -> None:
    found = read(
        '<text:h text:outline-level="1">Findings</text:h>'
        "<text:p>The survey ran.</text:p>"
        "<text:list><text:list-item><text:p>First</text:p></text:list-item>"
        "<text:list-item><text:p>Second</text:p><text:list><text:list-item>"
        "<text:p>Nested</text:p></text:list-item></text:list></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Town</text:p></table:table-cell>"
        "<table:table-cell><text:p>Count</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>Leeds</text:p></table:table-cell>"
        "<table:covered-table-cell/></table:table-row></table:table>"
        '<text:section><text:h text:outline-level="2">Method</text:h></text:section>'
    )
    assert found.text == (
        "Findings\n\nThe survey ran.\n\nFirst\n\nSecond\n\nNested\n\nTown\n\nCount\n\n"
        "Leeds\n\nMethod\n"
    )
    assert headings(found) == ["Findings", "Method"]


def test_spaces_tabs_and_breaks_are_elements_in_mixed_content() -> None:
    found = read(
        '<text:p>Two<text:s text:c="3"/>spaced<text:tab/>tabbed<text:line-break/>'
        "broken <text:span>styled</text:span> tail"
        '<text:a xlink:href="x" xmlns:xlink="http://www.w3.org/1999/xlink">link</text:a>'
        "<text:soft-page-break/>.</text:p>"
    )
    assert found.text == "Two   spaced\ttabbed broken styled taillink.\n"


def test_footnotes_then_endnotes_come_after_the_body() -> None:
    found = read(
        "<text:p>Claim"
        '<text:note text:note-class="endnote"><text:note-citation>i</text:note-citation>'
        "<text:note-body><text:p>Printed 1901.</text:p></text:note-body></text:note>"
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>Source: the archive.</text:p></text:note-body></text:note>"
        " stands.</text:p><text:p>Closing.</text:p>"
    )
    assert found.text == "Claim stands.\n\nClosing.\n\nSource: the archive.\n\nPrinted 1901.\n"


def test_tracked_deletions_are_not_read_and_insertions_are() -> None:
    """ODF keeps what was deleted in text:tracked-changes; the body holds the current text."""
    found = read(
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        "<office:change-info/><text:p>old wording</text:p></text:deletion>"
        "</text:changed-region></text:tracked-changes>"
        '<text:p>The <text:change text:change-id="c1"/><text:change-start text:change-id="c2"/>'
        'new<text:change-end text:change-id="c2"/> plan.</text:p>'
    )
    assert found.text == "The new plan.\n"


def test_comments_indexes_and_page_margins_are_set_apart() -> None:
    found = read(
        "<text:table-of-content><text:index-body><text:p>Findings 1</text:p>"
        "</text:index-body></text:table-of-content>"
        "<text:p>Text<office:annotation><dc:creator>Ann</dc:creator>"
        "<text:p>Cite this?</text:p></office:annotation> here.</text:p>",
        master_pages='<style:master-page style:name="Standard"><style:header>'
        "<text:p>Draft</text:p></style:header><style:footer><text:p>Page</text:p>"
        "</style:footer></style:master-page>",
    )
    assert found.text == "Text here.\n"
    apart = {kept.kind: (kept.paragraphs, kept.text) for kept in found.set_apart}
    assert apart == {
        "page headers and footers": (2, "Draft\n\nPage"),
        "comments": (1, "Cite this?"),
        "table of contents and indexes": (1, "Findings 1"),
    }


def test_a_text_box_follows_the_paragraph_that_anchors_it() -> None:
    found = read(
        "<text:p>Anchor.<draw:frame><draw:text-box><text:p>In the box.</text:p>"
        "</draw:text-box></draw:frame></text:p><text:p>After.</text:p>"
    )
    assert found.text == "Anchor.\n\nIn the box.\n\nAfter.\n"
