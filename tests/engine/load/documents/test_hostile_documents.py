# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile and broken documents end in one sentence: no hang, no memory blow-up, no trace."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

import hostile_documents
from twofold.engine.errors import InputError
from twofold.engine.load.decoding import load_document
from twofold.engine.load.documents.extracted import ReadLimits


def assert_one_sentence(message: str, label: str) -> None:
    """What every InputError promises: one plain sentence that names the file."""
    assert message.startswith(f'"{label}" ')
    assert message.endswith(".")
    assert "\n" not in message
    for noise in ("Errno", "Traceback", "Error:", "\\x", "line 1, column"):
        assert noise not in message


@pytest.mark.parametrize("case", hostile_documents.CASES)
def test_a_hostile_document_is_one_sentence(case: str, tmp_path: Path) -> None:
    build, words = hostile_documents.CASES[case]
    path = build(tmp_path)
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert words in str(caught.value)
    assert_one_sentence(str(caught.value), path.name)


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    """The ratio in the zip's directory gives it away: nothing near its size is held."""
    path = hostile_documents.ratio_bomb(tmp_path)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="zip bomb"):
            load_document(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < hostile_documents.BOMB_BYTES // 4


def test_a_member_is_not_inflated_past_what_is_left_of_the_budget(tmp_path: Path) -> None:
    """Honest members that add up past the limit stop as they are read, not after."""
    path = hostile_documents.huge_epub(tmp_path)
    limits = ReadLimits(max_unpacked_bytes=400_000)
    with pytest.raises(InputError, match="zip bomb"):
        load_document(path, limits=limits)


def test_a_huge_book_stops_at_the_text_limit_without_reading_the_rest(tmp_path: Path) -> None:
    path = hostile_documents.huge_epub(tmp_path)
    seen: list[tuple[int, int]] = []
    with pytest.raises(InputError) as caught:
        load_document(
            path,
            limits=ReadLimits(max_text_chars=100_000),
            progress=lambda done, total: seen.append((done, total)),
        )
    assert str(caught.value) == (
        '"huge.epub" holds more text than Twofold compares in one document.'
    )
    assert seen
    assert seen[-1][0] < seen[-1][1]


def test_an_xml_part_larger_than_a_written_document_is_refused(tmp_path: Path) -> None:
    path = hostile_documents.huge_epub(tmp_path)
    with pytest.raises(InputError, match="part far larger"):
        load_document(path, limits=ReadLimits(max_part_bytes=5_000))


def test_the_external_entity_is_never_read(tmp_path: Path) -> None:
    path = hostile_documents.external_entity(tmp_path)
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert "root:" not in str(caught.value)
