# SPDX-License-Identifier: GPL-3.0-or-later
"""Syntax tokens of a source text, for colouring a code pair; Qt-free.

The language is picked from the file's name, then from its content (a ``#!``
line, an Emacs or Vim modeline); prose and unknown files get none. Pygments
does the lexing; it is imported only when a code pair is shown.

Why lazily and in pieces: Pygments reads about a megabyte a second, so a
10 MB source would hold the window for seconds. ``SyntaxTokens`` lexes from
the start of the text a piece at a time (``advance``), as far as asked, and
keeps what it found; the pane asks for the first screen before it paints,
then for a piece more each turn. A screen far ahead of what is lexed gets a
guess (``guess``): its lines lexed on their own, right except inside a string
or comment that began above them, and replaced once the lexing gets there.

Tokens are kept as three compact arrays (start, end, kind), only the ones
that get a colour, adjacent ones of a kind merged: a 10 MB source has
millions of tokens, and a Python object each would weigh more than the text.
"""

from __future__ import annotations

import enum
import logging
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import PurePath
from typing import Any

log = logging.getLogger(__name__)

#: how far into a text its modeline or ``#!`` line is looked for
_HEAD = 4_000
_SHEBANG = re.compile(r"#![ \t]*(\S+)(?:[ \t]+(.*))?")
#: an interpreter's version, as in ``python3.12`` or ``perl5``
_VERSION = re.compile(r"[\d.]+$")
#: lexers that colour nothing worth the cost
_PLAIN = frozenset({"text", "output"})


class TokenKind(enum.Enum):
    """What a coloured token is; the panes give each kind a colour per theme."""

    KEYWORD = enum.auto()
    TYPE = enum.auto()
    BUILTIN = enum.auto()
    DEFINITION = enum.auto()
    DECORATOR = enum.auto()
    STRING = enum.auto()
    NUMBER = enum.auto()
    COMMENT = enum.auto()
    PREPROCESSOR = enum.auto()
    TAG = enum.auto()
    ATTRIBUTE = enum.auto()


#: Pygments token types by dotted name, most specific first, and their kind
_KINDS: tuple[tuple[str, TokenKind], ...] = (
    ("Comment.Preproc", TokenKind.PREPROCESSOR),
    ("Comment.PreprocFile", TokenKind.PREPROCESSOR),
    ("Comment", TokenKind.COMMENT),
    ("Keyword.Type", TokenKind.TYPE),
    ("Keyword", TokenKind.KEYWORD),
    ("Operator.Word", TokenKind.KEYWORD),
    ("Name.Builtin", TokenKind.BUILTIN),
    ("Name.Function", TokenKind.DEFINITION),
    ("Name.Class", TokenKind.DEFINITION),
    ("Name.Decorator", TokenKind.DECORATOR),
    ("Name.Tag", TokenKind.TAG),
    ("Name.Attribute", TokenKind.ATTRIBUTE),
    ("Name.Label", TokenKind.ATTRIBUTE),
    ("Literal.String", TokenKind.STRING),
    ("Literal.Number", TokenKind.NUMBER),
)
_ORDER = tuple(TokenKind)


@dataclass(frozen=True, slots=True)
class Language:
    """A language Pygments can lex: its lexer's alias (to make one) and its name."""

    alias: str
    name: str


def language_for(name: str, text: str) -> Language | None:
    """The language of a file named ``name`` holding ``text``, or None (plain text).

    By the name first (``.py``, ``Makefile``), then by the content's ``#!`` line
    or modeline, which is what a script without an extension has.
    """
    from pygments.lexers import find_lexer_class_by_name
    from pygments.util import ClassNotFound

    base = PurePath(name).name
    alias = _alias_by_name(base, text[:_HEAD]) if base else None
    if alias is None:
        alias = _alias_from_content(text[:_HEAD])
    if alias is None or alias in _PLAIN:
        return None
    try:
        lexer = find_lexer_class_by_name(alias)
    except ClassNotFound:
        return None
    if not lexer.aliases or lexer.aliases[0] in _PLAIN:
        return None
    return Language(lexer.aliases[0], lexer.name)


def _alias_by_name(base: str, head: str) -> str | None:
    """The lexer whose file patterns match ``base``; ``head`` decides between several.

    Pygments' own ``get_lexer_for_filename`` does the same, but first looks for
    plugin lexers in every installed package's metadata, which took longer
    than the rest of picking a lexer; Twofold uses the lexers Pygments ships.
    """
    from pygments.lexers import find_lexer_class_by_name, get_all_lexers

    found: list[str] = []
    for _name, aliases, patterns, _mimes in get_all_lexers(plugins=False):
        if aliases and aliases[0] not in _PLAIN and any(_fits(base, p) for p in patterns):
            found.append(aliases[0])
    if len(found) < 2:
        return found[0] if found else None
    # As Pygments does: the lexer that finds the text most like its language.
    scores = [find_lexer_class_by_name(alias).analyse_text(head) for alias in found]
    return found[scores.index(max(scores))]


def _fits(base: str, pattern: str) -> bool:
    """``fnmatchcase(base, pattern)``, without compiling the many plain ``*.ext`` patterns."""
    if pattern.startswith("*") and not any(c in pattern[1:] for c in "*?["):
        return base.endswith(pattern[1:])
    if not any(c in pattern for c in "*?["):
        return base == pattern
    return fnmatchcase(base, pattern)


def _alias_from_content(head: str) -> str | None:
    """The interpreter of a ``#!`` line (``env`` looked through), or a modeline's file type."""
    from pygments.modeline import get_filetype_from_buffer

    first = head.split("\n", 1)[0]
    shebang = _SHEBANG.match(first)
    if shebang:
        program = PurePath(shebang.group(1)).name
        if program == "env":
            words = [w for w in (shebang.group(2) or "").split() if not w.startswith("-")]
            program = words[0] if words else ""
        program = _VERSION.sub("", program)
        if program:
            return program
    filetype: str | None = get_filetype_from_buffer(head)
    return filetype


#: the code of a token that gets no colour, in ``SyntaxTokens``' kind memo
_NONE = 255


def _code_of(ttype: Any, memo: dict[Any, int]) -> int:
    """The index in ``_ORDER`` of a Pygments token type's kind, or ``_NONE`` (memoised)."""
    code = memo.get(ttype)
    if code is None:
        from pygments.token import string_to_tokentype

        kind = next((k for dotted, k in _KINDS if ttype in string_to_tokentype(dotted)), None)
        code = memo[ttype] = _NONE if kind is None else _ORDER.index(kind)
    return code


class SyntaxTokens:
    """The coloured tokens of one text, lexed from its start as far as asked.

    ``advance`` lexes a piece more; ``spans`` answers for a range once it is
    lexed; ``guess`` lexes a range on its own (a screen far ahead) without
    keeping anything.
    """

    __slots__ = (
        "_ends",
        "_kinds",
        "_lexed",
        "_lexer",
        "_memo",
        "_starts",
        "_stream",
        "language",
        "text",
    )

    def __init__(self, text: str, language: Language) -> None:
        from pygments.lexers import get_lexer_by_name

        self.text = text
        self.language = language
        self._lexer = get_lexer_by_name(language.alias)
        self._memo: dict[Any, int] = {}  # token type to kind code: the types are few
        self._starts = array("I")
        self._ends = array("I")
        self._kinds = array("B")
        self._lexed = 0
        self._stream: Iterator[tuple[int, Any, str]] | None = self._tokens(text)

    @property
    def lexed(self) -> int:
        """The offset up to which the tokens are known (the whole text once ``done``)."""
        return self._lexed

    @property
    def done(self) -> bool:
        return self._stream is None or self._lexed >= len(self.text)

    def _tokens(self, text: str) -> Iterator[tuple[int, Any, str]]:
        # The unprocessed stream keeps offsets into ``text`` as given (``get_tokens``
        # would strip and expand tabs first); a lexer that fails ends the colouring.
        try:
            yield from self._lexer.get_tokens_unprocessed(text)
        except Exception:
            log.warning("the %s lexer failed; the rest is left plain", self._lexer.name)

    def advance(self, chars: int) -> bool:
        """Lex at least ``chars`` characters more (or to the end); True while some remain."""
        stream = self._stream
        if stream is None or self.done:
            return False
        goal = self._lexed + max(1, chars)
        starts, ends, kinds, memo = self._starts, self._ends, self._kinds, self._memo
        for start, ttype, value in stream:
            end = start + len(value)
            code = _code_of(ttype, memo)
            if code != _NONE and value.strip():
                if ends and ends[-1] == start and kinds[-1] == code:
                    ends[-1] = end  # the same kind goes on: one token
                else:
                    starts.append(start)
                    ends.append(end)
                    kinds.append(code)
            if end >= goal:
                self._lexed = end
                return True
        self._lexed = len(self.text)
        self._stream = None
        return False

    def lex_to(self, offset: int) -> None:
        """Lex until ``offset`` is known (or the text ends)."""
        while self._lexed < offset and self.advance(offset - self._lexed):
            pass

    def spans(self, start: int, end: int) -> list[tuple[int, int, TokenKind]] | None:
        """The coloured tokens in ``[start, end)``, clipped to it; None if not lexed that far."""
        if end > self._lexed and not self.done:
            return None
        ends = self._ends
        i = bisect_right(ends, start)
        out: list[tuple[int, int, TokenKind]] = []
        if start >= end:
            return out
        starts, kinds = self._starts, self._kinds
        while i < len(ends) and starts[i] < end:
            out.append((max(starts[i], start), min(ends[i], end), _ORDER[kinds[i]]))
            i += 1
        return out

    def guess(self, start: int, end: int) -> list[tuple[int, int, TokenKind]]:
        """The coloured tokens of ``[start, end)`` lexed on their own (not kept).

        Starts the lexer afresh at ``start`` (a line's start): right for most
        code, wrong inside a string or comment that began before ``start``.
        """
        out: list[tuple[int, int, TokenKind]] = []
        try:
            stream = self._lexer.get_tokens_unprocessed(self.text[start:end])
            for at, ttype, value in stream:
                code = _code_of(ttype, self._memo)
                if code != _NONE and value.strip():
                    out.append((start + at, start + at + len(value), _ORDER[code]))
        except Exception:
            log.warning("the %s lexer failed on a guess", self._lexer.name)
        return out
