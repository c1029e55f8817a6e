# SPDX-License-Identifier: GPL-3.0-or-later
"""Any two forms of one revision pair align as its text pair does.

``tests/data/documents/NAME`` holds a pair of ``pairs/NAME`` from the shared
corpus as text and as LibreOffice wrote it in each format. What a reader
extracts must be the same paragraphs whatever the form, so a DOCX draft
compared with its ODT revision pairs paragraphs exactly as the two texts do.
"""

from __future__ import annotations

from itertools import product

import pytest

from support import DATA
from twofold.engine.load.decoding import load_document
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import Unit
from twofold.engine.result.model import CompareOptions, DiffResult, Document

PAIRS = ("pep0008_strunk_white", "gpl2_vs_gpl3")
#: the office and book forms: each reads to the same text
FORMS = ("docx", "odt", "rtf", "epub")
#: a PDF's text is not the office forms' word for word (its wrapped lines are joined
#: back by judgement), so its pair is checked against the text pair on its own
ON_ITS_OWN = ("pdf",)
CASES = [
    *product(PAIRS, product(FORMS, FORMS)),
    *product(PAIRS, [(form, form) for form in ON_ITS_OWN]),
]
PARAGRAPHS = CompareOptions(unit=Unit.PARAGRAPHS)


def _load(pair: str, side: str, form: str) -> Document:
    return load_document(DATA / "documents" / pair / f"{side}.{form}")


def _shape(result: DiffResult) -> list[tuple[str, int, int]]:
    """Each pair's kind and how many paragraphs it takes on each side, in order."""
    return [(found.kind.value, len(found.a), len(found.b)) for found in result.pairs]


@pytest.mark.parametrize(("pair", "forms"), CASES)
def test_two_forms_align_as_the_text_pair(pair: str, forms: tuple[str, str]) -> None:
    text = compare(_load(pair, "a", "txt"), _load(pair, "b", "txt"), PARAGRAPHS)
    documents = compare(_load(pair, "a", forms[0]), _load(pair, "b", forms[1]), PARAGRAPHS)
    assert _shape(documents) == _shape(text)


@pytest.mark.parametrize("pair", PAIRS)
def test_every_form_reads_to_the_same_paragraphs(pair: str) -> None:
    texts = {form: _load(pair, "a", form).text for form in FORMS}
    assert len(set(texts.values())) == 1, sorted(texts)
    plain = (DATA / "documents" / pair / "a.txt").read_text(encoding="utf-8")
    assert texts["docx"].count("\n\n") == len([p for p in plain.split("\n\n") if p.strip()]) - 1


@pytest.mark.parametrize("form", ["docx", "odt", "rtf"])
def test_headings_are_found_in_each_office_form(form: str) -> None:
    """LibreOffice's EPUB writes headings as styled paragraphs, so it has none to find."""
    doc = _load("gpl2_vs_gpl3", "a", form)
    assert [doc.text[at : doc.text.index("\n", at)] for at in doc.headings] == [
        "GNU GENERAL PUBLIC LICENSE Version 2, June 1991",
        "Preamble",
        "NO WARRANTY",
        "END OF TERMS AND CONDITIONS",
        "How to Apply These Terms to Your New Programs",
    ]
