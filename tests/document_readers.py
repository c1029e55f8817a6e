# SPDX-License-Identifier: GPL-3.0-or-later
"""Stand-in document readers for the dispatch's tests: one that works, one that breaks."""

from __future__ import annotations

from twofold.engine.load.documents.extracted import Extracted, Progress, ReadLimits, SetApart


def echo(
    data: bytes, label: str, limits: ReadLimits, progress: Progress | None = None
) -> Extracted:
    """The bytes as UTF-8 text, two steps of progress, one paragraph set apart."""
    if progress is not None:
        progress(1, 2)
        progress(2, 2)
    text = data.decode("utf-8", "replace")
    return Extracted(text, "docx", (SetApart("page footer", 1, "Page 1"),), (0,))


def broken(
    data: bytes, label: str, limits: ReadLimits, progress: Progress | None = None
) -> Extracted:
    """A reader meeting a file its library chokes on."""
    raise KeyError("word/document.xml")
