# SPDX-License-Identifier: GPL-3.0-or-later
"""What the command line writes on stdout: a line of text, JSON safe for a terminal, help.

Why apart from ``cli``: the command line parses and runs; this writes, and a
10 MB comparison's JSON is millions of characters, so how it reaches stdout
(copied, encoded once or twice) is part of the command's time, as is what
writing help imports.
"""

from __future__ import annotations

import argparse
import codecs
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from twofold.engine.result.model import DiffResult

__all__ = [
    "HelpFormatter",
    "json_for_terminal",
    "stdout_errors",
    "terminal_utf8",
    "write_comparison_json",
    "write_json",
    "write_line",
]

#: what ``json.dumps(ensure_ascii=False)`` leaves raw but a terminal must not get; compiled
#: (by ``re``, once) only for a text that holds some: most never do, and the range of
#: surrogates makes compiling it a noticeable part of a start-up
_JSON_RAW = "[\x7f-\x9f\ud800-\udfff]"
#: the C1 controls (U+0080 to U+009F) in UTF-8
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")


@contextmanager
def stdout_errors() -> Iterator[None]:
    """A write to stdout that fails (a full disk, a closed descriptor) as one sentence.

    Raised as an ``OutputError``, which the command line says like any other
    trouble (exit 2), not as an internal error. A reader that went away
    (``BrokenPipeError``, ``... | head``) passes unchanged: nothing is wrong to tell.
    """
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        from twofold.engine.export.safe_output import OutputError, write_failure

        raise OutputError(f"the output cannot be written: {write_failure(exc)}.") from exc


def write_line(text: str) -> None:
    """``text`` and a newline on stdout, flushed; two writes: ``text + "\\n"`` copied it."""
    sys.stdout.write(text)
    sys.stdout.write("\n")
    sys.stdout.flush()


def write_json(text: str) -> None:
    """``text`` (JSON) and a newline on stdout, made safe for a terminal (``json_for_terminal``).

    Checking a text that is not ASCII encodes it in UTF-8; when stdout writes
    UTF-8 anyway, those bytes are written as they are rather than encoded again
    (``bench/corpus_speed.py`` times ``--json``).
    """
    data = None if text.isascii() or not _writes_utf8(sys.stdout) else _utf8_if_raw_free(text)
    if data is None:
        write_line(json_for_terminal(text))
        return
    _write_bytes_line(data)


def write_comparison_json(result: DiffResult) -> None:
    """``write_json(to_json(result))``, made as the bytes to write when stdout writes UTF-8.

    Then the text is never one ``str`` encoded whole: ``to_json_utf8`` encodes
    the few pieces that may not be ASCII (``terminal_utf8``) and writes the rest
    as bytes (``bench/corpus_speed.py`` times ``--json``).
    """
    from twofold.engine.export.export_json import to_json, to_json_utf8  # imported when used

    if not _writes_utf8(sys.stdout):
        write_json(to_json(result))
        return
    all_ascii = True

    def encode(text: str) -> bytes:
        nonlocal all_ascii
        all_ascii = all_ascii and text.isascii()
        return terminal_utf8(text)

    data = to_json_utf8(result, encode)
    if not all_ascii and b"\x7f" in data:  # a DEL in a piece of ASCII, left raw by it
        data = data.replace(b"\x7f", b"\\u007f")
    _write_bytes_line(data)


def _write_bytes_line(data: bytes) -> None:
    """``data`` (UTF-8) and a newline on stdout's buffer, after what its text layer holds."""
    sys.stdout.flush()  # what was written through the text layer goes first
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.write(b"\n")
    sys.stdout.buffer.flush()


def _writes_utf8(stream: object) -> bool:
    """Whether text written to ``stream`` reaches its ``buffer`` as UTF-8 with ``\\n`` kept."""
    encoding = getattr(stream, "encoding", None)
    if not isinstance(encoding, str) or not hasattr(stream, "buffer") or os.linesep != "\n":
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _utf8_if_raw_free(text: str) -> bytes | None:
    """``text`` in UTF-8, or None when it holds what ``json_for_terminal`` escapes.

    In C: one encoding and a few searches of its bytes, cheaper than a pass of
    the expression over the text. The expression reads bytes one by one, so it
    starts at the first C2 byte, found by ``memchr``: many texts have none.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if b"\x7f" in data:
        return None
    first_c2 = data.find(b"\xc2")
    if first_c2 >= 0 and _C1_UTF8.search(data, first_c2) is not None:
        return None
    return data


def json_for_terminal(text: str) -> str:
    """``text`` (JSON) with DEL, C1 controls and lone surrogates as ``\\uXXXX`` escapes.

    ``json.dumps`` escapes C0 controls but writes these raw: U+009B is a CSI to
    some terminals, and a lone surrogate (an undecodable byte of a file name) is
    not UTF-8 at all. Inside JSON strings, where alone they can occur, the escape
    is the same value, so a parser reads exactly what it read before. Cost: none
    for ASCII; otherwise the text is encoded and its bytes searched, all in C, and
    only a text that holds one of them is rewritten (``bench/run.py`` times ``--json``).
    """
    if text.isascii() or _utf8_if_raw_free(text) is not None:
        return text
    return re.sub(_JSON_RAW, lambda m: f"\\u{ord(m.group()):04x}", text)


def terminal_utf8(text: str) -> bytes:
    """``json_for_terminal(text)`` in UTF-8, encoded once when it needs no escape.

    It escapes character by character, so the pieces of a JSON text give the
    whole text's bytes (``to_json_utf8``), but for DEL: a text all ASCII keeps
    its DEL raw, so the whole text's escapes it only when some piece is not.
    """
    data = _utf8_if_raw_free(text)
    return data if data is not None else json_for_terminal(text).encode("utf-8")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's own, told the terminal's width without importing ``shutil`` for it.

    argparse makes a formatter for each ``add_argument`` (to check the argument),
    and its default asks ``shutil.get_terminal_size``: ``shutil``, and the
    compression modules it imports, were part of every start-up. The width is
    the one ``shutil`` gives (``COLUMNS``, else the terminal's, else 80), less 2.
    """

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, as ``shutil`` finds it."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    stream = sys.__stdout__
    if columns <= 0 and stream is not None:
        try:
            columns = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):  # not a terminal, or no descriptor
            columns = 0
    return columns or 80
