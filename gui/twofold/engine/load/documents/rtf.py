# SPDX-License-Identifier: GPL-3.0-or-later
"""Read an RTF document: its paragraphs, headings, table cells, then its footnotes.

Why a tokenizer of its own and not striprtf: striprtf turns RTF into one run of
text by regular expressions, with no notion of which paragraph is a heading,
where a footnote belongs or which text a tracked change deleted, and those are
what a comparison of drafts needs. RTF itself is a flat stream of groups
(``{...}``), control words (``\\par``, ``\\u8217``) and text, read here in one
pass with an explicit stack: no recursion, so a hostile nesting depth costs a
sentence, not a crash, and ``\\bin`` data is stepped over, never decoded.

What is read: paragraphs (``\\par``; a table cell ends one too), headings (by
a style the stylesheet names "heading N" or "title", or an outline level),
Unicode (``\\uN`` with its ``\\ucN`` fallbacks skipped) and code-page bytes
(``\\'hh`` in the ``\\ansicpg`` code page), field results without their codes,
then footnotes and endnotes. Text marked ``\\deleted`` (a tracked deletion) is
dropped. Page headers and footers are set apart; fonts, colours, pictures and
the other destinations are skipped.

Constraints: no Qt, standard library only.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from enum import Enum

from twofold.engine.errors import InputError
from twofold.engine.load.documents.extracted import Extracted, Progress, ReadLimits
from twofold.engine.load.documents.paragraphs import Paragraphs, set_apart

__all__ = ["read_rtf"]

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])|[\r\n]+|([^\\{}\r\n]+)",
    re.DOTALL,
)
#: groups nested deeper than this are damage or an attack, not a document
_MAX_DEPTH = 1000
#: how many bytes between two progress reports
_PROGRESS_EVERY = 256 * 1024
_HEADING_NAME = re.compile(r"\s*(?:heading\s*\d|title)\s*;?\s*", re.IGNORECASE)

#: control words that stand for a character
_SYMBOLS = {
    "tab": "\t",
    "line": " ",
    "page": " ",
    "column": " ",
    "emdash": "\u2014",
    "endash": "\u2013",
    "emspace": "\u2003",
    "enspace": "\u2002",
    "qmspace": "\u2005",
    "bullet": "\u2022",
    "lquote": "\u2018",
    "rquote": "\u2019",
    "ldblquote": "\u201c",
    "rdblquote": "\u201d",
    "zwj": "\u200d",
    "zwnj": "\u200c",
}
#: control symbols (``\\~``) that stand for a character; ``\\-`` (optional hyphen) for none
_CONTROL_SYMBOLS = {"~": "\u00a0", "_": "\u2011", "-": "", "\\": "\\", "{": "{", "}": "}"}
#: destinations whose text is not the document's
_SKIPPED = frozenset(
    [
        "fonttbl",
        "colortbl",
        "info",
        "pict",
        "object",
        "fldinst",
        "themedata",
        "colorschememapping",
        "latentstyles",
        "datastore",
        "xmlnstbl",
        "rsidtbl",
        "listtable",
        "listoverridetable",
        "revtbl",
        "filetbl",
        "listtext",
        "pntext",
        "pntxta",
        "pntxtb",
        "shp",
        "shpinst",
        "nonshppict",
        "bkmkstart",
        "bkmkend",
        "ftnsep",
        "ftnsepc",
        "aftnsep",
        "aftnsepc",
        "generator",
        "pgdsctbl",
        "userprops",
        "mmathPr",
    ]
)
_MARGINS = frozenset(
    ["header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf"]
)


class _Dest(Enum):
    """Where the text of a group goes."""

    BODY = "body"
    NOTE = "note"
    MARGIN = "margin"
    STYLE = "style"
    SKIP = "skip"


@dataclass(frozen=True, slots=True)
class _Group:
    """The state a group inherits from its parent and restores at its end."""

    dest: _Dest = _Dest.BODY
    #: how many fallback characters follow a ``\\uN``
    uc: int = 1
    #: inside a tracked deletion
    deleted: bool = False


def read_rtf(
    data: bytes, label: str, limits: ReadLimits, progress: Progress | None = None
) -> Extracted:
    """The text of the RTF document ``data``; see the module docstring for what is read."""
    reader = _Reader(label, limits)
    reader.run(data, progress)
    return reader.text.extracted(
        "rtf", (set_apart("page headers and footers", list(dict.fromkeys(reader.margins))),)
    )


class _Reader:
    """One pass over the tokens, with the group stack and a paragraph per destination."""

    def __init__(self, label: str, limits: ReadLimits) -> None:
        self.label = label
        self.text = Paragraphs(label, limits)
        self.margins: list[str] = []
        self.notes: list[str] = []
        self._codec = codecs.lookup("cp1252")
        self._stack: list[_Group] = []
        self._group = _Group()
        self._pieces: dict[_Dest, list[str]] = {dest: [] for dest in _Dest}
        self._bytes = bytearray()  # \'hh bytes waiting to be decoded together (DBCS)
        self._skip_chars = 0  # fallback characters still to drop after a \uN
        self._heading_styles: set[int] = set()
        self._style = 0
        self._outline = 9
        self._defining_style = 0

    def run(self, data: bytes, progress: Progress | None) -> None:
        if not data.startswith(b"{\\rtf"):
            raise InputError(f'"{self.label}" is damaged: it does not start as RTF does.')
        pos, size, reported = 0, len(data), 0
        while pos < size:
            match = _TOKEN.match(data, pos)
            if match is None:  # a lone backslash at the very end
                break
            pos = match.end()
            if match.group(1) is not None:
                pos = self._word(match.group(1).decode("ascii"), match.group(2), data, pos)
            else:
                self._other(match)
            if progress is not None and pos - reported >= _PROGRESS_EVERY:
                reported = pos
                progress(pos, size)
        self._flush_bytes()
        self._end_paragraph(_Dest.BODY)
        for note in self.notes:
            self.text.add(note)
        if progress is not None:
            progress(size, size)

    def _other(self, match: re.Match[bytes]) -> None:
        hexbyte, symbol, brace, run = match.group(3), match.group(4), match.group(5), match.group(6)
        if hexbyte is not None:
            if not self._skipping_fallback():
                self._bytes.append(int(hexbyte, 16))
        elif symbol is not None:
            self._symbol(symbol.decode("latin-1"))
        elif brace == b"{":
            self._open()
        elif brace == b"}":
            self._close()
        elif run is not None:
            self._run(run)

    def _open(self) -> None:
        if len(self._stack) >= _MAX_DEPTH:
            raise InputError(f'"{self.label}" nests its groups too deeply to be a document.')
        self._flush_bytes()
        self._stack.append(self._group)
        if self._group.dest is _Dest.STYLE:
            self._defining_style = 0
            self._pieces[_Dest.STYLE].clear()

    def _close(self) -> None:
        self._flush_bytes()
        if not self._stack:
            return  # the document's last brace, or a stray one
        ended, self._group = self._group, self._stack.pop()
        if ended.dest is not self._group.dest and ended.dest in (_Dest.NOTE, _Dest.MARGIN):
            self._end_paragraph(ended.dest)

    def _run(self, run: bytes) -> None:
        self._flush_bytes()
        skip = min(self._skip_chars, len(run))
        self._skip_chars -= skip
        self._emit(run[skip:].decode(self._codec.name, "replace"))

    def _symbol(self, symbol: str) -> None:
        if symbol == "*":
            self._group = replace(self._group, dest=_Dest.SKIP)
        elif symbol in "\r\n":  # a backslash ending a line is a \par
            self._flush_bytes()
            self._end_paragraph(self._group.dest)
        elif symbol in _CONTROL_SYMBOLS:
            self._flush_bytes()
            self._emit(_CONTROL_SYMBOLS[symbol])

    def _word(self, word: str, arg: bytes | None, data: bytes, pos: int) -> int:
        """Act on a control word; returns where reading goes on (``\\bin`` skips its data)."""
        number = int(arg) if arg is not None else None
        if word == "bin":
            return pos + max(number or 0, 0)
        self._flush_bytes()
        if word == "u" and number is not None:
            self._emit(chr(number % 0x10000))
            self._skip_chars = self._group.uc
        elif word == "uc" and number is not None:
            self._group = replace(self._group, uc=max(number, 0))
        elif word in _SYMBOLS:
            self._emit(_SYMBOLS[word])
        elif word in ("par", "cell", "row", "nestcell", "nestrow", "sect"):
            self._end_paragraph(self._group.dest)
        else:
            self._state(word, number)
        return pos

    def _state(self, word: str, number: int | None) -> None:
        """Destinations, paragraph properties, code page and tracked deletions."""
        group = self._group
        if word in _SKIPPED:
            self._group = replace(group, dest=_Dest.SKIP)
        elif word in _MARGINS and group.dest is not _Dest.SKIP:
            self._group = replace(group, dest=_Dest.MARGIN)
        elif word == "footnote" and group.dest is not _Dest.SKIP:
            self._end_paragraph(_Dest.NOTE)
            self._group = replace(group, dest=_Dest.NOTE)
        elif word == "stylesheet":
            self._group = replace(group, dest=_Dest.STYLE)
        elif word == "ansicpg" and number is not None:
            self._code_page(number)
        elif word == "deleted":
            self._group = replace(group, deleted=number != 0)
        elif word == "plain":
            self._group = replace(group, deleted=False)
        elif word == "pard":
            self._style, self._outline = 0, 9
        elif word == "s" and number is not None:
            self._style = number
            self._defining_style = number
        elif word == "outlinelevel" and number is not None:
            self._outline = number

    def _code_page(self, number: int) -> None:
        try:
            self._codec = codecs.lookup(f"cp{number}")
        except LookupError:
            self._codec = codecs.lookup("cp1252")

    def _skipping_fallback(self) -> bool:
        if self._skip_chars:
            self._skip_chars -= 1
            return True
        return False

    def _flush_bytes(self) -> None:
        if self._bytes:
            text = bytes(self._bytes).decode(self._codec.name, "replace")
            self._bytes.clear()
            self._emit(text)

    def _emit(self, text: str) -> None:
        group = self._group
        if not text or group.dest is _Dest.SKIP or group.deleted:
            return
        self._pieces[group.dest].append(text)
        if group.dest is _Dest.STYLE and ";" in text:
            self._style_named("".join(self._pieces[_Dest.STYLE]).split(";", 1)[0])

    def _style_named(self, name: str) -> None:
        """A style's name ended (at its ";"): note it if it is a heading's."""
        self._pieces[_Dest.STYLE].clear()
        if _HEADING_NAME.fullmatch(name):
            self._heading_styles.add(self._defining_style)

    def _end_paragraph(self, dest: _Dest) -> None:
        pieces = self._pieces[dest]
        if not pieces:
            return
        text = _utf16("".join(pieces))
        pieces.clear()
        if dest is _Dest.BODY:
            heading = self._style in self._heading_styles or self._outline < 9
            self.text.add(text, heading=heading)
        elif dest is _Dest.NOTE:
            self.notes.append(text)
        elif dest is _Dest.MARGIN:
            self.margins.append(text)


def _utf16(text: str) -> str:
    """Join the surrogate halves ``\\uN`` gives for characters beyond the BMP."""
    if not any("\ud800" <= char <= "\udfff" for char in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
