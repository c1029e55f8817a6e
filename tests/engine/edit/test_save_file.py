# SPDX-License-Identifier: GPL-3.0-or-later
"""Saving an edited side to disk: same bytes when unchanged, mode kept, changes on disk caught."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from twofold.engine.edit.save_file import needs_new_name, save_text
from twofold.engine.errors import ChangedOnDiskError
from twofold.engine.export.safe_output import OutputError
from twofold.engine.load.decoding import load_document
from twofold.engine.result.kinds import DocFormat


def test_saving_an_edit_keeps_the_mode_and_the_other_bytes(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"first line\r\nsecond \xff line\nthird\r\n")
    path.chmod(0o640)
    doc = load_document(path)
    saved = save_text(doc, doc.text.replace("third", "3rd"))
    assert path.read_bytes() == b"first line\r\nsecond \xff line\n3rd\r\n"
    assert path.stat().st_mode & 0o777 == 0o640
    assert saved.digest is not None
    assert saved.text == doc.text.replace("third", "3rd")
    again = save_text(saved, saved.text)  # the saved side saves again without a change
    assert again.digest == saved.digest
    assert path.read_bytes() == b"first line\r\nsecond \xff line\n3rd\r\n"


def test_a_file_changed_on_disk_is_not_overwritten_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text("one\n")
    doc = load_document(path)
    path.write_text("someone else's\n")
    with pytest.raises(ChangedOnDiskError, match=r"draft\.txt changed on disk"):
        save_text(doc, "mine\n")
    assert path.read_text() == "someone else's\n"
    save_text(doc, "mine\n", overwrite=True)
    assert path.read_text() == "mine\n"


def test_a_document_is_saved_as_new_utf8_text_never_over_itself(tmp_path: Path) -> None:
    source = tmp_path / "report.docx"
    source.write_bytes(b"PK\x03\x04 not really")
    doc = replace(
        load_document(_text(tmp_path)),
        path=str(source),
        format=DocFormat.DOCX,
        label="report.docx",
    )
    assert needs_new_name(doc)
    with pytest.raises(ValueError, match="new name"):
        save_text(doc, "Caf\u00e9\n")
    with pytest.raises(OutputError, match="one of the compared files"):
        save_text(doc, "Caf\u00e9\n", str(source))
    out = tmp_path / "report.txt"
    saved = save_text(doc, "Caf\u00e9\n", str(out))
    assert out.read_bytes() == "Caf\u00e9\n".encode()
    assert saved.format is DocFormat.TEXT
    assert saved.label == "report.txt"
    assert source.read_bytes() == b"PK\x03\x04 not really"


def test_save_as_refuses_the_other_compared_file(tmp_path: Path) -> None:
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text("a\n")
    right.write_text("b\n")
    doc = load_document(left)
    with pytest.raises(OutputError, match="one of the compared files"):
        save_text(doc, "a2\n", str(right), inputs=[str(right)])
    assert right.read_text() == "b\n"
    assert os.path.exists(left)


def _text(tmp_path: Path) -> Path:
    path = tmp_path / "extracted.txt"
    path.write_text("Caf\u00e9\n")
    return path
