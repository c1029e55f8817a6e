# SPDX-License-Identifier: GPL-3.0-or-later
"""Cut a decoded text into the units the aligner pairs: paragraphs or lines.

A paragraph is a maximal run of non-blank lines (a blank line holds only white
space); its span runs from its first character to the end of its last line,
without the newline. In line mode every line is a unit, blank ones too, so a
source file keeps its shape. Spans never overlap and appear in text order.

Lines end at ``\\n`` only, and a line is blank when ``\\S`` finds nothing in it.
Paragraphs are found from the blank lines alone (a regular expression finds
them), so big files cost a loop over paragraphs rather than over every line.
Most prose needs not even that: when each blank line is empty and alone,
``str.split`` cuts the paragraphs at ``\\n\\n``, and their texts with them.
"""

from __future__ import annotations

import os
import re
from array import array
from itertools import accumulate, repeat
from operator import add
from struct import pack

from twofold.engine.result.kinds import Unit
from twofold.engine.result.spans import Segments

#: A blank line with the newline before it. It starts with a literal newline,
#: which the regular expression engine skips to quickly; the possessive ``*+``
#: never backtracks, so a long run of spaces is read once.
_BLANK_LINE = re.compile(r"\n[^\S\n]*+(?=\n|\Z)")
#: The first line of a text, when it is blank (it has no newline before it).
_BLANK_FIRST_LINE = re.compile(r"[^\S\n]*+(?=\n|\Z)")
_NEWLINE = re.compile("\n")
#: What makes cutting a text at every ``\n\n`` miss its paragraphs: a line of
#: white space only (but for the first, which has no newline before it) or two
#: blank lines in a row. Each branch starts with one character to test, so the
#: engine leaves most lines at their first character; an indented line's spaces
#: are skipped as a literal run, cheaper than testing each against a class.
_NOT_SIMPLE = re.compile(r"(?m)\n(?:[^\S\n] *+[^\S\n]*+$|\n\n)")
#: Characters one C call reads at most when finding the lines of a text.
_PIECE = 1 << 20

#: File endings that mark source code or data: compared line by line.
_CODE_SUFFIXES = frozenset(
    [
        "c",
        "h",
        "cc",
        "cpp",
        "cxx",
        "hpp",
        "hh",
        "cs",
        "java",
        "kt",
        "kts",
        "scala",
        "go",
        "rs",
        "swift",
        "m",
        "mm",
        "py",
        "pyi",
        "pyx",
        "rb",
        "pl",
        "pm",
        "php",
        "js",
        "mjs",
        "cjs",
        "jsx",
        "ts",
        "tsx",
        "vue",
        "svelte",
        "css",
        "scss",
        "less",
        "html",
        "htm",
        "xml",
        "xsl",
        "svg",
        "json",
        "jsonc",
        "yaml",
        "yml",
        "toml",
        "ini",
        "cfg",
        "conf",
        "properties",
        "sh",
        "bash",
        "zsh",
        "fish",
        "ps1",
        "bat",
        "cmd",
        "sql",
        "r",
        "lua",
        "dart",
        "ex",
        "exs",
        "erl",
        "hs",
        "ml",
        "mli",
        "fs",
        "clj",
        "lisp",
        "el",
        "vim",
        "cmake",
        "mk",
        "make",
        "gradle",
        "diff",
        "patch",
        "csv",
        "tsv",
        "lock",
    ]
)
_CODE_NAMES = frozenset({"makefile", "dockerfile", "cmakelists.txt", "gemfile", "rakefile"})


def segment(text: str, unit: Unit) -> Segments:
    """Split ``text`` (newlines already ``\\n``) into paragraph or line spans."""
    if unit is Unit.LINES:
        return _lines(text)
    return _paragraphs(text)


def segment_with_texts(text: str, unit: Unit) -> tuple[Segments, list[str] | None]:
    """``segment(text, unit)``, and the segments' texts when cutting them was free (else None)."""
    if unit is not Unit.LINES:
        simple = _simple_paragraphs(text)
        if simple is not None:
            return simple
    return segment(text, unit), None


def _simple_paragraphs(text: str) -> tuple[Segments, list[str]] | None:
    """The paragraphs and their texts when each blank line is empty and alone, else None.

    Most prose is so: its paragraphs are what ``split("\\n\\n")`` cuts, in C and
    with their texts (the match keys), where ``_paragraphs`` takes a step in
    Python a paragraph and the keys are sliced again after it. Another text (a
    line of spaces, two blank lines in a row) gets ``None``: ``_paragraphs``
    cuts it.
    """
    if _BLANK_FIRST_LINE.match(text) or _NOT_SIMPLE.search(text):
        return None
    pieces = text.split("\n\n")
    last = pieces[-1]
    if not last:  # the text ends with a blank line
        pieces.pop()
    elif last[-1] == "\n":  # the newline ends the paragraph's last line
        pieces[-1] = last[:-1]
    # Each paragraph starts two characters past the end of the one before. The
    # offsets reach the array packed by ``struct``: ``array`` converts each int
    # with a slower argument parser.
    steps = [2] * (2 * len(pieces))
    steps[::2] = map(len, pieces)
    offsets = array("q", pack(f"{len(steps) + 1}q", *accumulate(steps, initial=0)))
    return Segments(offsets[0:-1:2], offsets[1::2], between="\n\n"), pieces


def _lines(text: str) -> Segments:
    if not text:
        return Segments((), (), array("q"))
    # Every step in C (a log has 250,000 lines): the newlines' offsets end the
    # lines, and each line starts one past the end of the one before.
    newlines = break_offsets(text)
    ends = array("q", newlines)  # a copy: the newlines go with the segments, unchanged
    size = len(text)
    if text.endswith("\n"):  # the last newline ends the text, not a line
        ends.pop()
        size -= 1
    starts = array("q", [0])
    starts.extend(map(add, ends, repeat(1)))
    ends.append(size)
    return Segments(starts, ends, newlines, between="\n")


def _paragraphs(text: str) -> Segments:
    starts = array("q")
    ends = array("q")
    first = _BLANK_FIRST_LINE.match(text)
    # Start of the line after the last blank line seen: where a paragraph may begin.
    start = 0 if first is None else first.end() + 1
    for blank in _BLANK_LINE.finditer(text):
        newline = blank.start()  # ends the line before the blank one
        if newline >= start:
            starts.append(start)
            ends.append(newline)
        start = blank.end() + 1
    if start <= len(text):  # the last line is not blank (or it would have matched)
        starts.append(start)
        ends.append(len(text))
    return Segments(starts, ends)


def break_offsets(text: str, breaks: re.Pattern[str] = _NEWLINE) -> array[int]:
    """Where ``breaks`` matches in ``text`` (newlines by default), in order.

    Read in C a piece at a time: no Python step per line (a log has 250,000),
    and no single call long enough to hold the GIL, and the window, for long.
    ``breaks`` must match single characters, so that none spans two pieces.
    """
    out = array("q")
    for piece in range(0, len(text), _PIECE):
        out.extend(map(re.Match.start, breaks.finditer(text, piece, piece + _PIECE)))
    return out


def resolve_unit(unit: Unit, *documents: tuple[str, str]) -> Unit:
    """Pick lines for source code and paragraphs for prose when ``unit`` is AUTO.

    Args:
        unit: the user's choice; anything but AUTO is returned unchanged.
        documents: ``(name, text)`` of each side; a code-like name or body on
            either side means lines, because pairing "paragraphs" of code
            (functions between blank lines) hides which lines changed.
    """
    if unit is not Unit.AUTO:
        return unit
    for name, text in documents:
        if _is_code_name(name) or _looks_like_code(text) or _looks_like_records(text):
            return Unit.LINES
    return Unit.PARAGRAPHS


def _is_code_name(name: str) -> bool:
    """By the file's name or suffix, read as ``PurePath`` reads them (no ``pathlib`` import)."""
    base = os.path.basename(os.path.normpath(name)).lower() if name else ""
    if base in _CODE_NAMES:
        return True
    dot = base.rfind(".")
    return 0 < dot < len(base) - 1 and base[dot + 1 :] in _CODE_SUFFIXES


#: Non-blank lines a paragraph has on average, past which the text is records, not prose.
RECORD_LINES = 40


def _looks_like_records(text: str, sample_lines: int = 2000) -> bool:
    """Judge by shape: logs, lists and data have many lines and few blank ones.

    Prose has paragraphs of one long line or a few wrapped ones; a log of 250,000
    lines with no blank line is one "paragraph", which pairs as one change.
    """
    lines = text[:200_000].split("\n", sample_lines)[:sample_lines]
    filled = paragraphs = 0
    after_blank = True
    for line in lines:
        if line.strip():
            filled += 1
            paragraphs += after_blank
            after_blank = False
        else:
            after_blank = True
    return filled > RECORD_LINES and filled > RECORD_LINES * paragraphs


def _looks_like_code(text: str, sample_lines: int = 400) -> bool:
    """Judge by shape: code has short, indented lines ending in brackets or semicolons."""
    lines = [ln for ln in text[:200_000].split("\n", sample_lines)[:sample_lines] if ln.strip()]
    if len(lines) < 8:
        return False
    codeish = sum(
        1
        for ln in lines
        if ln.rstrip().endswith(("{", "}", ";", ")", ":", "];", "},", ");"))
        or ln.startswith(("    ", "\t"))
    )
    mean_length = sum(len(ln) for ln in lines) / len(lines)
    return codeish / len(lines) > 0.5 and mean_length < 100
