# SPDX-License-Identifier: GPL-3.0-or-later
"""Documents are read in the window's worker: progress as they are read, and cancel."""

from __future__ import annotations

import pytest

from support import DATA
from twofold.engine.errors import CompareCanceled
from twofold.engine.result.kinds import DocFormat
from twofold.ui.compare_request import DOCUMENT_SHARE, CompareRequest, load_and_compare

PAIR = DATA / "documents" / "pep0008_strunk_white"


def test_a_document_pair_is_read_then_compared_with_the_bar_moving_on() -> None:
    seen: list[float] = []
    request = CompareRequest(str(PAIR / "a.docx"), str(PAIR / "b.odt"))
    result = load_and_compare(request, lambda: False, seen.append)
    assert (result.a.format, result.b.format) == (DocFormat.DOCX, DocFormat.ODT)
    assert seen == sorted(seen)
    assert [value for value in seen if value <= DOCUMENT_SHARE] == [
        DOCUMENT_SHARE / 2,
        DOCUMENT_SHARE,
    ]
    assert seen[-1] == pytest.approx(1.0)


def test_cancel_stops_a_document_being_read() -> None:
    asked: list[int] = []

    def should_cancel() -> bool:
        asked.append(1)
        return True

    request = CompareRequest(str(PAIR / "a.docx"), str(PAIR / "b.docx"))
    with pytest.raises(CompareCanceled):
        load_and_compare(request, should_cancel, lambda value: None)
    assert len(asked) == 1  # the reader's first report asked, and nothing went on
