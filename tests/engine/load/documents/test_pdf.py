# SPDX-License-Identifier: GPL-3.0-or-later
"""A PDF opened as a user opens it: its paragraphs whole, its page furniture set apart.

The PDFs are laid out here (``pdf_maker``) as a word processor lays out pages:
wrapped lines, paragraph spacing or first-line indents, running headers,
footers and page numbers, paragraphs crossing page breaks. The reader must give
back exactly the paragraphs the layout started from.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import lxml.html
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pdf_maker import (
    LEFT,
    LOREM,
    PAGE_WIDTH,
    Block,
    Line,
    layout,
    pdf_bytes,
    prose,
    text_width,
    wrap,
)
from support import DATA
from twofold.engine.load.decoding import decode_file, load_document
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import DocFormat, Unit
from twofold.engine.result.model import CompareOptions, SetApart

#: short words and long ones, so lines end at many distances from the margin
WORDS = ["the", "of", "and", "to", "in", "that", "was", "with", "as", "his", "on", "by"]
WORDS += ["government", "people", "between", "something", "political", "development"]
WORDS += ["water", "mother", "country", "children", "information", "whether", "however"]
COLUMN = PAGE_WIDTH - 2 * LEFT


def read(pages: list[list[Line]], name: str = "draft.pdf") -> tuple[str, tuple[SetApart, ...]]:
    document = decode_file(pdf_bytes(pages), name)
    assert document.format is DocFormat.PDF
    return document.text, document.set_apart


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs (the contract: a blank line between, a newline at the end)."""
    assert text.endswith("\n")
    return text.removesuffix("\n").split("\n\n")


def test_wrapped_lines_become_the_paragraphs_they_were() -> None:
    texts = [LOREM, LOREM.replace("Prose", "Verse") * 2, "A short one."]
    text, set_apart = read(layout([Block(t) for t in texts]))
    assert paragraphs(text) == texts
    assert set_apart == ()


def test_a_paragraph_across_a_page_break_stays_whole() -> None:
    long = " ".join([LOREM] * 6)
    pages = layout([Block(LOREM), Block(long), Block("After the break.")], lines_per_page=8)
    assert len(pages) >= 2
    text, _ = read(pages)
    assert paragraphs(text) == [LOREM, long, "After the break."]


def test_indented_first_lines_start_paragraphs_without_spacing() -> None:
    texts = [LOREM, LOREM.upper(), LOREM[::-1]]
    text, _ = read(layout([Block(t) for t in texts], indent_first=True))
    assert paragraphs(text) == texts


def test_running_header_footer_and_page_numbers_are_set_apart() -> None:
    body = [Block(prose(seed)) for seed in range(8)]
    pages = layout(
        body,
        header="Twofold: A Field Guide",
        footer="Draft {n} of the guide",
        page_numbers=True,
        lines_per_page=12,
    )
    assert len(pages) >= 3
    text, set_apart = read(pages)
    assert paragraphs(text) == [block.text for block in body]
    kinds = {part.kind: part for part in set_apart}
    assert set(kinds) == {"running header", "running footer", "page number"}
    assert kinds["running header"].paragraphs == len(pages)
    assert kinds["running header"].text == "\n\n".join(["Twofold: A Field Guide"] * len(pages))
    assert kinds["running footer"].text.split("\n\n")[:2] == [
        "Draft 1 of the guide",
        "Draft 2 of the guide",
    ]
    assert kinds["page number"].text == "\n\n".join(str(n) for n in range(1, len(pages) + 1))


def test_a_line_repeated_on_two_of_ten_pages_is_text() -> None:
    pages = layout([Block(prose(seed)) for seed in range(10)], lines_per_page=12)
    pages[2].append(Line(72, 805, "Late addition", 9))
    pages[5].append(Line(72, 805, "Late addition", 9))
    text, set_apart = read(pages)
    assert set_apart == ()
    assert text.count("Late addition") == 2


def test_two_columns_read_down_each_column_and_keep_a_paragraph_across_them() -> None:
    """A paper's two columns: a paragraph running from one column's foot to the next's top."""
    texts = [prose(seed, sentences=2) for seed in range(8)]
    pages: list[list[Line]] = [[]]
    column, y = 0, 770.0
    for text in texts:
        y -= 8
        for cut in wrap(text, 230, 10):
            if y < 80:
                column, y = column + 1, 770.0
                if column == 2:
                    pages.append([])
                    column = 0
            pages[-1].append(Line(50 + column * 265, y, cut, 10))
            y -= 12.5
    assert any(line.x > 300 for line in pages[0])  # the second column is used
    text, _ = read(pages)
    assert paragraphs(text) == texts


def test_headings_set_larger_are_reported() -> None:
    blocks = [Block("Chapter One", 18), Block(LOREM), Block("A Section", 14), Block(LOREM)]
    document = decode_file(pdf_bytes(layout(blocks)), "book.pdf")
    assert paragraphs(document.text) == [b.text for b in blocks]
    starts = [document.text.index(heading) for heading in ("Chapter One", "A Section")]
    assert document.headings == tuple(starts)


def test_hyphens_at_line_ends_are_undone_and_compounds_kept() -> None:
    cut = (
        "The layout of this para-",
        "graph cut two words, hyphen-",
        "ated by the typesetter, and one well-",
        "known compound that stays as it is.",
    )
    other = "A well known fact and a paragraph are both plain words here."
    text, _ = read(layout([Block(" ".join(cut), lines=cut), Block(other)]))
    assert paragraphs(text) == [
        "The layout of this paragraph cut two words, hyphenated by the typesetter, "
        "and one well-known compound that stays as it is.",
        other,
    ]


def test_a_compound_the_document_uses_keeps_its_hyphen() -> None:
    cut = ("We met a long-", "standing friend.")
    other = "Our long-standing habit is to compare drafts."
    text, _ = read(layout([Block(" ".join(cut), lines=cut), Block(other)]))
    assert paragraphs(text)[0] == "We met a long-standing friend."


@given(
    st.lists(
        st.lists(st.sampled_from(WORDS), min_size=12, max_size=90).map(" ".join),
        min_size=1,
        max_size=6,
    ),
    st.booleans(),
    st.booleans(),
    st.integers(min_value=4, max_value=30),
)
def test_any_layout_reads_back_as_its_paragraphs(
    texts: list[str], indent: bool, furniture: bool, lines_per_page: int
) -> None:
    pages = layout(
        [Block(t) for t in texts],
        indent_first=indent,
        lines_per_page=lines_per_page,
        header="Running Title" if furniture else None,
        page_numbers=furniture,
    )
    assume(not furniture or len(pages) >= 2)
    # Indented first lines and nothing at the margin: no line shows where the margin is.
    assume(not indent or any(len(wrap(t, COLUMN, indent=18)) > 1 for t in texts))
    # A paragraph's end shows at a page break only by its last line's room for the
    # next word (a full last line there is a coin toss for a human reader too).
    for before, after in itertools.pairwise(texts):
        cut = wrap(before, COLUMN, indent=18 if indent else 0)
        start = 18 if indent and len(cut) == 1 else 0
        assume(start + text_width(f"{cut[-1]} {after.split()[0]}", 11) + 11 < COLUMN)
    text, _ = read(pages)
    assert paragraphs(text) == texts


def _article(path: Path) -> list[str]:
    """The paragraphs of the corpus page's article, as LibreOffice wrote them into the PDF."""
    tree = lxml.html.fromstring(path.read_bytes())
    return [" ".join(el.text_content().split()) for el in tree.xpath("//article/*")][1:]


def test_the_corpus_pdfs_give_the_paragraphs_of_their_web_page() -> None:
    folder = DATA / "documents" / "gpl2_vs_gpl3"
    for side in "ab":
        document = load_document(folder / f"{side}.pdf")
        got = [re.sub(r"\s+", " ", p) for p in paragraphs(document.text)]
        assert got == _article(folder / f"{side}.html")
        assert len(document.headings) == 5


def _shape(pair: str, forms: tuple[str, str]) -> list[tuple[str, int, int]]:
    """Each pair's kind and how many paragraphs it takes on each side, in order."""
    folder = DATA / "documents" / pair
    result = compare(
        load_document(folder / f"a.{forms[0]}"),
        load_document(folder / f"b.{forms[1]}"),
        CompareOptions(unit=Unit.PARAGRAPHS),
    )
    return [(found.kind.value, len(found.a), len(found.b)) for found in result.pairs]


@pytest.mark.parametrize(
    ("pair", "forms"),
    [
        ("pep0008_strunk_white", ("pdf", "pdf")),
        ("gpl2_vs_gpl3", ("pdf", "pdf")),
        ("gpl2_vs_gpl3", ("pdf", "docx")),
        ("gpl2_vs_gpl3", ("odt", "pdf")),
    ],
)
def test_a_pdf_pair_aligns_as_the_text_pair(pair: str, forms: tuple[str, str]) -> None:
    """The PEP 8 PDFs against another form differ in their first paragraph: the PDFs'
    first page is blank, its start lost, in the corpus file itself."""
    assert _shape(pair, forms) == _shape(pair, ("txt", "txt"))
