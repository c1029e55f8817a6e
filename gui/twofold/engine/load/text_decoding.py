# SPDX-License-Identifier: GPL-3.0-or-later
"""Decode a text file's bytes into a :class:`Document`: encoding found, newlines unified.

Why this order: the unambiguous signals come first (a byte order mark, strict
UTF-8, the NUL pattern of UTF-16/32) and only then a guess with chardet, because a
guess is the only step that can be wrong without an error; mojibake is never shown
silently. A refusal is an :class:`InputError` whose message is one sentence naming
the file. The engine is Qt-free, so this module imports no Qt.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

from twofold.engine.errors import InputError
from twofold.engine.load.text_evidence import (
    MAX_CONTROL_SHARE,
    ascii_compatible,
    control_share,
    looks_binary,
    reads_as_text_around_replacements,
)
from twofold.engine.result.kinds import NewlineStyle
from twofold.engine.result.model import Document

__all__ = ["content_digest", "decode_bytes"]

#: how much of the start of a file the UTF-16/32 sniffer looks at
_SNIFF_BYTES = 8 * 1024
#: how much chardet sees: enough to decide, bounded so big files stay fast
_CHARDET_SAMPLE = 64 * 1024
#: a guessed encoding must give nearly control-free text (real text has none)
_MAX_GUESSED_CONTROL_SHARE = 0.01
#: below this chardet is guessing; Windows-1252 is the likelier answer then
_MIN_CONFIDENCE = 0.1
#: this many undecodable sequences in otherwise clean text are damage, not a legacy encoding
_MAX_STRAY_SEQUENCES = 3
#: damaged UTF-16/32 is believed when at most this share of its characters were replaced
#: (random bytes after a BOM give about 3 % lone surrogates)
_MAX_REPLACED_SHARE = 0.01
#: the highest confidence of a decoding that replaced something: it must read below 1
#: even rounded to the JSON's three places
_MAX_DAMAGED_CONFIDENCE = 0.99

#: longest first: the UTF-32 LE mark starts with the UTF-16 LE one
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class _Decoded(NamedTuple):
    """What a decoding step found, before newlines are normalised."""

    text: str
    encoding: str
    confidence: float
    bom: bool = False
    #: undecodable byte sequences shown as U+FFFD
    replaced: int = 0


def decode_bytes(
    data: bytes, label: str, path: str | None = None, *, digest: bool = True
) -> Document:
    """Decode ``data`` (a whole file) into a :class:`Document` with ``\\n`` newlines.

    The original newline convention, encoding, BOM and size are kept on the
    document so the UI can report them and a save can reproduce them.

    Args:
        digest: hash the bytes (``Document.digest``); the window needs it to tell
            later whether the file changed, the command line only when both
            texts come out the same (it hashes them itself then).
    """
    found = _decode(data, label)
    has_cr = _has_cr(data, found)
    return Document(
        label=label,
        text=_normalise_newlines(found.text) if has_cr else found.text,
        path=path,
        encoding=found.encoding,
        confidence=found.confidence,
        replaced=found.replaced,
        bom=found.bom,
        newline=_newline_style(found.text) if has_cr else _lf_style(found.text),
        trailing_newline=found.text.endswith(("\n", "\r")),
        size_bytes=len(data),
        digest=content_digest(data) if digest else None,
    )


def _has_cr(data: bytes, found: _Decoded) -> bool:
    """Whether the decoded text holds a CR; most files hold none.

    In an ASCII-compatible encoding a CR byte is a CR and no other byte is,
    so the bytes tell it at ``memchr`` speed; the text may take four bytes a
    character (one emoji is enough), and is searched only for other encodings.
    """
    return b"\r" in data if ascii_compatible(found.encoding) else "\r" in found.text


def content_digest(data: bytes) -> bytes:
    """The hash a ``Document`` carries of its bytes (also used to re-check the file)."""
    import hashlib  # the command line hashes only texts that come out the same

    return hashlib.blake2b(data, digest_size=16).digest()


def _decode(data: bytes, label: str) -> _Decoded:
    """Run the decoding steps from the most to the least certain.

    The binary verdict covers the whole file, wherever its binary part starts.
    NULs are judged only after the UTF-16/32 steps (whose NUL bytes are halves of
    characters) and before UTF-8 (which would accept them): text files do not
    contain NULs. For a file in an ASCII-compatible encoding the verdict is taken
    on its bytes before any decoding, so a binary file is never guessed at; text
    from a BOM or the UTF-16/32 sniff is judged as the characters it decoded to.
    """
    if not data:
        return _Decoded("", "utf-8", 1.0)
    found = _from_bom(data) or _from_wide(data)
    if found is None:
        if looks_binary(data):
            raise _binary(label)
        found = _from_utf8(data) or _from_legacy(data)
        if found is None:
            if control_share(data[:_SNIFF_BYTES].decode("latin-1")) > MAX_CONTROL_SHARE:
                raise _binary(label)
            raise InputError(f'"{label}" is not valid text in any encoding Twofold recognises.')
        if ascii_compatible(found.encoding):
            return found  # its bytes were judged above
    if looks_binary(found.text.encode("utf-8", "surrogatepass")):
        raise _binary(label)
    return found


def _binary(label: str) -> InputError:
    return InputError(f'"{label}" looks like a binary file, not text.')


def _strict(data: bytes, encoding: str) -> str | None:
    """Decode without replacing anything: a failure means the guess was wrong."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _from_bom(data: bytes) -> _Decoded | None:
    """A byte order mark is the file's own statement of its encoding.

    If no marked encoding decodes cleanly, the file is still taken at its word
    when only a few sequences are bad (:func:`_from_damaged_unicode`).
    """
    marked = [(len(bom), encoding) for bom, encoding in _BOMS if data.startswith(bom)]
    for skip, encoding in marked:
        text = _strict(data[skip:], encoding)
        if text is not None:
            return _Decoded(text, encoding, 1.0, bom=True)
    for skip, encoding in marked:
        found = _from_damaged_unicode(data[skip:], encoding, 1.0, bom=True)
        if found is not None:
            return found
    return None


def _from_wide(data: bytes) -> _Decoded | None:
    """Recognise UTF-16/32 without a BOM by where the NUL bytes fall.

    Mostly-Latin text in UTF-16 has a NUL in every other byte; that data is
    also valid UTF-8, so this must run before the UTF-8 step. A lone surrogate
    does not make such a file binary: it is decoded with a replacement.
    """
    sample = data[:_SNIFF_BYTES]
    if b"\0" not in sample:
        return None
    candidates = _wide_candidates(sample)
    for encoding in candidates:
        text = _strict(data, encoding)
        if text is not None:
            return _Decoded(text, encoding, 0.9)
    for encoding in candidates:
        found = _from_damaged_unicode(data, encoding, 0.9)
        if found is not None:
            return found
    return None


def _from_damaged_unicode(
    data: bytes, encoding: str, confidence: float, *, bom: bool = False
) -> _Decoded | None:
    """A file in a declared or recognised Unicode form with a few bad sequences.

    A lone surrogate in UTF-16, a truncated last character, a stray byte after
    a UTF-8 BOM: shown as U+FFFD and counted, so the window and the JSON can
    say the decode was not clean. Random bytes after a BOM are told apart by
    their many replacements and by what lies around them (unassigned and
    private-use characters that text does not have).
    """
    text, replaced = _with_replacements(data, encoding)
    if replaced > max(_MAX_STRAY_SEQUENCES, _MAX_REPLACED_SHARE * len(text)):
        return None
    if not reads_as_text_around_replacements(text):
        return None
    return _Decoded(text, encoding, _damaged_confidence(confidence, replaced, text), bom, replaced)


def _with_replacements(data: bytes, encoding: str) -> tuple[str, int]:
    """``data`` decoded with U+FFFD for each undecodable sequence, and how many there were.

    The count leaves out the U+FFFD characters the file itself holds.
    """
    text = data.decode(encoding, errors="replace")
    genuine = data.decode(encoding, errors="ignore").count("\ufffd")
    return text, text.count("\ufffd") - genuine


def _damaged_confidence(ceiling: float, replaced: int, text: str) -> float:
    """The share of characters decoded cleanly, kept below 1 (and above 0) however big the file."""
    clean = round(1.0 - replaced / len(text), 2)
    return max(0.01, min(ceiling, _MAX_DAMAGED_CONFIDENCE, clean))


def _wide_candidates(sample: bytes) -> list[str]:
    """The UTF-16/32 byte orders whose NUL pattern ``sample`` shows."""
    found: list[str] = []
    if len(sample) >= 4:
        z = [_nul_share(sample[i::4]) for i in range(4)]
        if z[2] > 0.9 and z[3] > 0.9 and z[0] < 0.1:
            found.append("utf-32-le")
        if z[0] > 0.9 and z[1] > 0.9 and z[3] < 0.1:
            found.append("utf-32-be")
    even, odd = _nul_share(sample[0::2]), _nul_share(sample[1::2])
    if odd >= 0.3 and even <= 0.05:
        found.append("utf-16-le")
    if even >= 0.3 and odd <= 0.05:
        found.append("utf-16-be")
    return found


def _nul_share(chunk: bytes) -> float:
    return chunk.count(0) / len(chunk) if chunk else 0.0


def _from_utf8(data: bytes) -> _Decoded | None:
    """Strict UTF-8 (ASCII included): by far the most common case, and never a false match."""
    text = _strict(data, "utf-8")
    return None if text is None else _Decoded(text, "utf-8", 1.0)


def _from_legacy(data: bytes) -> _Decoded | None:
    """Data that is not UTF-8: damaged UTF-8, then chardet's guesses, then Windows/Latin-1."""
    steps = (_from_damaged_utf8, _from_chardet, _from_fallbacks)
    for step in steps:
        found = step(data)
        if found is not None:
            return found
    return None


def _from_damaged_utf8(data: bytes) -> _Decoded | None:
    """UTF-8 with a few invalid bytes is still UTF-8: show it with U+FFFD, not as mojibake.

    Either the invalid sequences are strays (at most :data:`_MAX_STRAY_SEQUENCES`:
    an ASCII file with one bad byte), or the valid multi-byte characters clearly
    outnumber them (a legacy 8-bit or CJK file rarely forms valid multi-byte
    UTF-8 sequences). A handful of high bytes cannot tell Latin-1 from damage,
    and a guess would show the damage as plausible letters ("˙ţ" for FF FE);
    U+FFFD shows it for what it is. Like a guess, the result must be nearly
    free of control characters.
    """
    text, invalid = _with_replacements(data, "utf-8")
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - text.count("\ufffd")
    strays = invalid <= _MAX_STRAY_SEQUENCES
    outnumbered = valid >= 4 and valid >= 3 * invalid
    if not (strays or outnumbered) or control_share(text) > _MAX_GUESSED_CONTROL_SHARE:
        return None
    return _Decoded(text, "utf-8", _damaged_confidence(1.0, invalid, text), replaced=invalid)


def _from_chardet(data: bytes) -> _Decoded | None:
    """Try chardet's confident candidates, best first; keep the first that decodes cleanly.

    chardet sees a bounded sample so big files stay fast; the whole file is then
    decoded strictly, so a guess that only fits the sample is dropped.
    """
    import chardet  # slow to import, and most files never get here (UTF-8 decodes first)

    sample = data[:_CHARDET_SAMPLE]
    for result in chardet.detect_all(sample, max_bytes=_CHARDET_SAMPLE):
        name, confidence = result.get("encoding"), float(result.get("confidence") or 0.0)
        if not isinstance(name, str) or confidence < _MIN_CONFIDENCE:
            continue
        found = _guess(data, _codec_name(name), confidence)
        if found is not None:
            return found
    return None


def _guess(data: bytes, encoding: str | None, confidence: float) -> _Decoded | None:
    """``data`` decoded with a guessed codec, if it decodes strictly into plausible text."""
    text = None if encoding is None else _strict(data, encoding)
    if encoding is None or text is None or control_share(text) > _MAX_GUESSED_CONTROL_SHARE:
        return None
    return _Decoded(text, encoding, confidence)


def _codec_name(name: str) -> str | None:
    """Python's canonical name for a codec (``Windows-1252`` → ``cp1252``), or None."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _from_fallbacks(data: bytes) -> _Decoded | None:
    """Windows-1252, the usual unlabelled Western file; Latin-1 only if it reads like text."""
    return _guess(data, "cp1252", 0.1) or _guess(data, "iso8859-1", 0.05)


# ------------------------------------------------------------------------ newlines


def _newline_style(text: str) -> NewlineStyle:
    """Which line ending the file uses, counting CRLF, lone CR and lone LF apart."""
    crlf = text.count("\r\n")
    counts = (
        (NewlineStyle.LF, text.count("\n") - crlf),
        (NewlineStyle.CRLF, crlf),
        (NewlineStyle.CR, text.count("\r") - crlf),
    )
    used = [style for style, count in counts if count]
    if not used:
        return NewlineStyle.NONE
    return used[0] if len(used) == 1 else NewlineStyle.MIXED


def _lf_style(text: str) -> NewlineStyle:
    """``_newline_style`` of a text without a CR: one search instead of three counts."""
    return NewlineStyle.LF if "\n" in text else NewlineStyle.NONE


def _normalise_newlines(text: str) -> str:
    """Every CRLF and lone CR becomes ``\\n``: offsets in the model assume it."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
