# SPDX-License-Identifier: GPL-3.0-or-later
"""Taking changes across and saving the edited side: properties over encodings and line ends."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from twofold.engine.edit.encode_back import UnsavableTextError, saved_bytes
from twofold.engine.edit.recompare import edited_document, recompare
from twofold.engine.edit.take import Take, take_change, take_gaps, take_word, undone, word_edits
from twofold.engine.export.export_json import to_json
from twofold.engine.load.text_decoding import decode_bytes
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import PairKind, Side, Unit
from twofold.engine.result.model import CompareOptions, Document

WORDS = ["nation", "liberty", "équal", "brave", "men", "dead", "world", "note", "über", "live"]
word = st.sampled_from(WORDS)
line = st.lists(word, min_size=1, max_size=6).map(" ".join)
paragraph = st.lists(line, min_size=1, max_size=3).map("\n".join)
#: how a file may be stored: encoding, BOM
STORAGE = [
    ("utf-8", b""),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("cp1252", b""),
]
NEWLINES = ["\n", "\r\n", "\r"]


def stored(text: str, encoding: str, bom: bytes, newline: str) -> bytes:
    return bom + text.replace("\n", newline).encode(encoding)


@st.composite
def a_file(draw: st.DrawFn) -> tuple[bytes, list[str], str]:
    """Bytes of a file, its paragraphs, and its line end."""
    paragraphs = draw(st.lists(paragraph, min_size=1, max_size=6))
    encoding, bom = draw(st.sampled_from(STORAGE))
    newline = draw(st.sampled_from(NEWLINES))
    final = draw(st.booleans())
    text = "\n\n".join(paragraphs) + ("\n" if final else "")
    if encoding == "cp1252":
        text = text.replace("nation", "\u201cnation\u201d")  # bytes 0x93/0x94 say cp1252
    return stored(text, encoding, bom, newline), paragraphs, newline


def take_everything(result_a: Document, result_b: Document, options: CompareOptions) -> str:
    """A's text after taking every change from B, one take at a time, then the blank lines."""
    result = compare(result_a, result_b, options)
    for _ in range(4 * (len(result.changes) + 2)):
        if not result.changes:
            break
        take = take_change(result, result.changes[0], Side.A)
        result = recompare(result, take.apply(result.a.text), result.b.text)
    assert not result.changes
    return take_gaps(result, Side.A).apply(result.a.text)


#: a short paragraph inserted before a moved one: put in after the move, it read as
#: deleted and inserted again, and taking every change went round for ever
_BEFORE_A_MOVE = (
    (
        b"brave nation brave\nliberty \xc3\xa9qual nation \xc3\xa9qual nation brave\n"
        b"brave nation brave\n\nnation nation liberty \xc3\xa9qual brave",
        [],
        "\n",
    ),
    (
        b"brave\n\nnation liberty \xc3\xa9qual brave\n\nbrave nation brave\n"
        b"liberty \xc3\xa9qual nation \xc3\xa9qual nation brave\nbrave nation brave",
        [],
        "\n",
    ),
    Unit.PARAGRAPHS,
)


@given(a_file(), a_file(), st.sampled_from([Unit.PARAGRAPHS, Unit.LINES]))
@example(*_BEFORE_A_MOVE)
@settings(max_examples=120, deadline=None)
def test_taking_every_change_from_b_and_saving_gives_b_in_as_storage(
    file_a: tuple[bytes, list[str], str], file_b: tuple[bytes, list[str], str], unit: Unit
) -> None:
    data_a, data_b = file_a[0], file_b[0]
    a, b = decode_bytes(data_a, "a.txt"), decode_bytes(data_b, "b.txt")
    assume(not a.replaced and not b.replaced)  # stray bytes: the next properties
    try:
        b.text.encode(a.encoding)
    except UnicodeEncodeError:
        assume(False)
    text = take_everything(a, b, CompareOptions(unit=unit))
    assert text == b.text
    saved = saved_bytes(a, text, data_a)
    bom = codecs.BOM_UTF8 if a.bom and a.encoding == "utf-8" else b""
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(a.encoding, bom)
    expected = stored(b.text, a.encoding, bom if a.bom else b"", file_a[2])
    if "\n" not in a.text:  # a file without a line end gets LF
        expected = stored(b.text, a.encoding, bom if a.bom else b"", "\n")
    assert saved == expected


@given(a_file(), a_file())
@settings(max_examples=80, deadline=None)
def test_undoing_every_take_gives_as_bytes_back(
    file_a: tuple[bytes, list[str], str], file_b: tuple[bytes, list[str], str]
) -> None:
    data_a = file_a[0]
    a, b = decode_bytes(data_a, "a.txt"), decode_bytes(file_b[0], "b.txt")
    result = compare(a, b)
    undo: list[Take] = []
    text = a.text
    for pair in result.changes:  # each take from the comparison of the text it applies to
        current = recompare(result, text, b.text)
        matching = [p for p in current.changes if p.kind is pair.kind]
        if not matching:
            continue
        take = take_change(current, matching[0], Side.A)
        undo.append(undone(take, text))
        text = take.apply(text)
    for take in reversed(undo):
        text = take.apply(text)
    assert text == a.text
    assert saved_bytes(a, text, data_a) == data_a


MIXED = st.lists(
    st.tuples(line, st.sampled_from(["\n", "\r\n", "\r", "\xff\n", "\x93\xfe\r\n"])),
    min_size=1,
    max_size=8,
)


@given(MIXED, st.data())
@settings(max_examples=150, deadline=None)
def test_bytes_outside_an_edited_line_stay_as_they_were(
    lines: list[tuple[str, str]], data: st.DataObject
) -> None:
    """Mixed line ends and stray bytes (no single encoding gives them back) survive an edit."""
    raw = [(text.encode("utf-8"), end.encode("latin-1")) for text, end in lines]
    original = b"".join(body + end for body, end in raw)
    doc = decode_bytes(original, "mixed.txt")
    assume(doc.encoding == "utf-8")
    k = data.draw(st.integers(0, len(lines) - 1))
    new_words = data.draw(line)
    texts = doc.text.split("\n")
    kept = texts[k][len(lines[k][0]) :]  # the U+FFFD of a stray byte stays on the line
    texts[k] = new_words + kept
    saved = saved_bytes(doc, "\n".join(texts), original)
    raw[k] = (new_words.encode("utf-8"), raw[k][1])
    assert saved == b"".join(body + end for body, end in raw)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (b"one\r\ntwo\r\n", "utf-8"),
        (codecs.BOM_UTF8 + b"one\ntwo", "utf-8"),
        ("one\ntwo\n".encode("utf-16"), "utf-16-le"),
        (b"caf\xe9 \x93quoted\x94 na\xefve\r\n", "cp1252"),
        (b"no final line end", "utf-8"),
        (b"", "utf-8"),
    ],
)
def test_saving_without_a_change_gives_the_same_bytes(data: bytes, encoding: str) -> None:
    doc = decode_bytes(data, "f.txt")
    assert doc.encoding == encoding
    assert saved_bytes(doc, doc.text, data) == data
    assert saved_bytes(doc, doc.text + "", None) == data


def test_a_character_the_encoding_lacks_is_refused_with_its_line() -> None:
    data = b"caf\xe9 \x93quoted\x94 na\xefve\r\nsecond\r\n"
    doc = decode_bytes(data, "menu.txt")
    refused = r'"menu\.txt" is stored as cp1252.*U\+2192, line 2'
    with pytest.raises(UnsavableTextError, match=refused):
        saved_bytes(doc, doc.text.replace("second", "a \u2192 b"), data)


def test_taking_one_word_changes_only_that_word() -> None:
    a = Document("a.txt", "The brave men, living and dead, who struggled here.\n")
    b = Document("b.txt", "The brave women, living and dead, who fought here.\n")
    result = compare(a, b)
    edits = word_edits(result, result.changes[0])
    assert [b.text[e.b.start : e.b.end] for e in edits] == ["women", "fought"]
    taken = take_word(result, edits[1], Side.A).apply(a.text)
    assert taken == "The brave men, living and dead, who fought here.\n"
    rejected = take_word(result, edits[0], Side.B).apply(b.text)
    assert rejected == "The brave men, living and dead, who fought here.\n"


def test_a_moved_paragraph_goes_where_the_other_side_has_it() -> None:
    first = "Four score and seven years ago our fathers brought forth a new nation."
    second = "Now we are engaged in a great civil war, testing whether that nation endures."
    third = "We are met on a great battlefield of that war, to dedicate a portion of it."
    a = Document("a.txt", f"{first}\n\n{second}\n\n{third}\n")
    b = Document("b.txt", f"{second}\n\n{third}\n\n{first}\n")
    result = compare(a, b)
    moved = [p for p in result.changes if p.kind is PairKind.MOVED]
    assert moved
    assert take_change(result, moved[0], Side.A).apply(a.text) == b.text


@given(st.lists(paragraph, min_size=1, max_size=8), st.data())
@settings(max_examples=100, deadline=None)
def test_a_recompare_after_an_edit_is_a_fresh_comparison(
    paragraphs: list[str], data: st.DataObject
) -> None:
    a = Document("a.txt", "\n\n".join(paragraphs) + "\n")
    b_paragraphs = list(paragraphs)
    k = data.draw(st.integers(0, len(b_paragraphs) - 1))
    b_paragraphs[k] = data.draw(paragraph)
    b = Document("b.txt", "\n\n".join(b_paragraphs) + "\n")
    options = CompareOptions(unit=data.draw(st.sampled_from([Unit.PARAGRAPHS, Unit.LINES])))
    before = compare(a, b, options)
    edited = list(b_paragraphs)
    j = data.draw(st.integers(0, len(edited) - 1))
    edited[j] = data.draw(paragraph)
    text_b = "\n\n".join(edited) + "\n"
    again = recompare(before, a.text, text_b)
    fresh = compare(a, edited_document(b, text_b), options)
    assert to_json(again) == to_json(fresh)


def test_a_recompare_with_other_options_reuses_nothing_and_is_a_fresh_comparison() -> None:
    a = Document("a.txt", "The  brave men,\nliving and dead.\n")
    b = Document("b.txt", "The brave Men, living and dead.\n")
    before = compare(a, b)
    options = CompareOptions(ignore_whitespace=True, ignore_case=True)
    again = recompare(before, a.text, b.text, options=options)
    assert to_json(again) == to_json(compare(a, b, options))
    assert not again.changes
