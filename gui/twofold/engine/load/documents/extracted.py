# SPDX-License-Identifier: GPL-3.0-or-later
"""What a document reader hands back: the compared text and what was set apart.

One value for every format, so the loader, the command line (``--text``, the
JSON's ``format``) and the window treat a PDF and a DOCX alike. The text is the
contract: each paragraph on one line, paragraphs separated by one blank line,
``\\n`` newlines only, so the paragraph segmenter finds exactly the document's
paragraphs and the JSON's offsets index what ``twofold --text`` prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

# Defined with the Document that carries it; readers import it from here.
from twofold.engine.result.model import SetApart

__all__ = ["Extracted", "Progress", "ReadLimits", "Reader", "SetApart"]

#: told ``(done, total)`` in a reader's own units (pages, chapters, members) as it
#: goes; it may raise (the worker's cancel does) to stop a long extraction
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Extracted:
    """A document's text as Twofold compares it."""

    #: one paragraph a line, a blank line between paragraphs, ``\\n`` newlines
    text: str
    #: the format's short name: "docx", "odt", "rtf", "pdf", "epub", "html"
    format: str
    #: what was left out of ``text`` (site chrome, running headers, page numbers)
    set_apart: tuple[SetApart, ...] = ()
    #: offsets in ``text`` of the paragraphs that are headings, ascending
    headings: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Bounds that keep a hostile document from costing a hang or the machine's memory.

    A zip bomb is refused by its declared and actual unpacked size and by its
    ratio; text beyond ``max_text_chars`` is refused rather than cut silently.
    It also carries what the caller chose to read of a document (``whole_page``),
    so the one value the dispatch passes every reader is all a reader is told,
    and whether to read documents at all (``as_text``: the dispatch's choice).
    """

    #: the most bytes all a container's members may unpack to
    max_unpacked_bytes: int = 512 * 1024 * 1024
    #: the largest unpacked/packed ratio of one member before it is a bomb
    max_ratio: int = 200
    #: the largest one XML part may unpack to: a parsed tree takes several times its
    #: size, and a written document's text part is a few megabytes
    max_part_bytes: int = 128 * 1024 * 1024
    #: the most characters of text a document may give
    max_text_chars: int = 64 * 1024 * 1024
    #: the most pages of a PDF read
    max_pages: int = 20_000
    #: compare a web page whole (navigation, footers and all), not only its article
    whole_page: bool = False
    #: read every file's own bytes as text, whatever its format (an HTML template's
    #: markup, an RTF's control words): no reader runs
    as_text: bool = False


class Reader(Protocol):
    """One format's reader: the document's bytes in, its text out.

    ``label`` names the file in the one-sentence :class:`~twofold.engine.errors.InputError`
    a reader raises for a document it cannot read (encrypted, corrupt, a bomb, no text).
    """

    def __call__(
        self, data: bytes, label: str, limits: ReadLimits, progress: Progress | None = None
    ) -> Extracted: ...
