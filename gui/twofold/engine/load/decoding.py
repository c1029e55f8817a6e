# SPDX-License-Identifier: GPL-3.0-or-later
"""Turn a file on disk into a :class:`Document`: safe to open, decoded, newlines unified.

Why this is careful: a diff viewer is pointed at whatever a user drops on it, so
opening must never hang (pipes, ``/dev/zero``), never write, and never show
mojibake silently. Decoding tries the unambiguous signals first (a byte order
mark, strict UTF-8, the NUL pattern of UTF-16/32) and only then guesses with
chardet, because a guess is the only step that can be wrong without an error.
Every failure is an :class:`InputError` whose message is one sentence naming the
file. The engine is Qt-free, so this module imports no Qt.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import stat
from collections.abc import Mapping
from dataclasses import replace
from typing import BinaryIO, NamedTuple

from twofold.engine.errors import InputError
from twofold.engine.load.documents.extracted import Progress, ReadLimits
from twofold.engine.load.documents.formats import (
    DEFAULT_LIMITS,
    READERS,
    ReaderRef,
    detect_format,
    document_no_text,
    extracted_document,
    read_document,
    refuse_sealed,
)
from twofold.engine.load.text_evidence import (
    MAX_CONTROL_SHARE,
    ascii_compatible,
    control_share,
    looks_binary,
    reads_as_text_around_replacements,
)
from twofold.engine.result.model import DocFormat, Document, NewlineStyle

__all__ = [
    "DEFAULT_MAX_BYTES",
    "decode_bytes",
    "decode_file",
    "human_size",
    "load_document",
    "load_document_and_bytes",
    "read_bytes",
]

#: the largest file compared by default; diffing beyond this is not interactive
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
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
#: Read size for a file that grew between ``fstat`` and the read.
_GROWTH_CHUNK = 1 << 20

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


# --------------------------------------------------------------------------- files


def load_document(
    path: str | os.PathLike[str],
    label: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: ReadLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    documents: bool = True,
) -> Document:
    """Read and decode the file at ``path`` without ever writing to it.

    The file's type and size are checked with ``stat`` *before* it is opened,
    so a FIFO or a device is refused instead of blocking or reading forever.
    ``label`` names the file in error messages (its base name by default). A
    document (DOCX, PDF, ...) is read by its format's reader, within ``limits``,
    telling ``progress`` how far it got (see :func:`decode_file`); with
    ``documents`` false, a document is refused instead (the launch reads only
    text before the window exists: a long extraction belongs in the worker).
    """
    return load_document_and_bytes(
        path, label, max_bytes=max_bytes, limits=limits, progress=progress, documents=documents
    )[0]


def load_document_and_bytes(
    path: str | os.PathLike[str],
    label: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: ReadLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    documents: bool = True,
) -> tuple[Document, bytes]:
    """``load_document``, and the bytes it decoded: ``--diff`` diffs the bytes as stored.

    The file is read once, so the bytes are the ones the document was checked from.
    """
    fspath = os.fspath(path)
    name = check_path(fspath, label, max_bytes=max_bytes)
    data, mtime_ns = _read(fspath, name, max_bytes)
    found = decode_file(data, name, fspath, limits=limits, progress=progress, documents=documents)
    return replace(found, mtime_ns=mtime_ns), data


def read_bytes(
    path: str | os.PathLike[str],
    label: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> bytes:
    """The file's bytes, undecoded, read as ``load_document`` reads them (checked, never blocking).

    For a file read again later: File ▸ Export diffs the bytes, which the window does not keep.
    """
    fspath = os.fspath(path)
    name = check_path(fspath, label, max_bytes=max_bytes)
    return _read(fspath, name, max_bytes)[0]


def check_path(
    path: str | os.PathLike[str],
    label: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> str:
    """Refuse what ``load_document`` would refuse without reading: type, size, existence.

    The window uses it to turn a bad drop down at once, with the same sentence
    the loader would give. Returns the label used in messages.
    """
    fspath = os.fspath(path)
    name = label if label is not None else (os.path.basename(fspath) or fspath)
    info = _stat(fspath, name)
    _check_regular(info, name)
    _check_size(info.st_size, max_bytes, name)
    return name


def _stat(fspath: str, label: str) -> os.stat_result:
    """``os.stat`` following links, with its failures turned into one-sentence errors."""
    try:
        return os.stat(fspath)
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.lexists(fspath):
            raise InputError(f'"{label}" is a link to a file that does not exist.') from None
        raise _os_error(exc, label) from None


def _os_error(exc: OSError, label: str) -> InputError:
    """The user-facing sentence for an OS error, without errno numbers or paths."""
    quoted = f'"{label}"'
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return InputError(f"{quoted} does not exist.")
    if exc.errno == errno.ELOOP:
        return InputError(f"{quoted} is a symbolic link that leads back to itself.")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError(f"{quoted} cannot be read: you do not have permission to open it.")
    if exc.errno == errno.EISDIR:
        return InputError(f"{quoted} is a folder, not a file.")
    if exc.errno == errno.ENAMETOOLONG:
        return InputError(f"{quoted} cannot be opened: its name is too long.")
    reason = (exc.strerror or "unknown error").rstrip(".").lower()
    return InputError(f"{quoted} cannot be read: {reason}.")


def _check_regular(info: os.stat_result, label: str) -> None:
    """Refuse anything but a regular file: reading those hangs, never ends, or is meaningless."""
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        kind = "is a folder, not a file"
    elif stat.S_ISFIFO(mode):
        kind = "is a pipe, not a regular file"
    elif stat.S_ISSOCK(mode):
        kind = "is a socket, not a regular file"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "is a device, not a regular file"
    else:
        kind = "is not a regular file"
    raise InputError(f'"{label}" {kind}.')


def _check_size(size: int, max_bytes: int, label: str) -> None:
    """Refuse files over the limit before reading them into memory."""
    if size > max_bytes:
        raise InputError(
            f'"{label}" is {human_size(size)}; '
            f"Twofold compares files up to {human_size(max_bytes)}."
        )


def human_size(size: int) -> str:
    """``2.0 GB``, ``256 MB``, ``1.5 KB``, ``12 bytes``: what a user reads at a glance."""
    if size < 1024:
        return f"{size} byte" if size == 1 else f"{size} bytes"
    value = float(size)
    for unit in ("KB", "MB", "GB", "TB"):
        value /= 1024
        if value < 1024 or unit == "TB":
            break
    return f"{value:.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def _read(fspath: str, label: str, max_bytes: int) -> tuple[bytes, int]:
    """Read the whole file read-only; re-check it after opening in case it was swapped.

    Returns the bytes and the modification time from the ``fstat`` taken before
    reading (a write during the read then shows as a later time, never an earlier).
    ``O_NONBLOCK`` guarantees that even a FIFO slipped in after the ``stat``
    cannot block the open; the ``fstat`` then refuses it.
    """
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(fspath, flags)
    except OSError as exc:
        raise _os_error(exc, label) from None
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            _check_regular(info, label)
            data = _read_bounded(handle, min(info.st_size, max_bytes), max_bytes)
    except OSError as exc:
        raise _os_error(exc, label) from None
    _check_size(len(data), max_bytes, label)  # it may have grown since the stat
    return data, info.st_mtime_ns


def _read_bounded(handle: BinaryIO, expected: int, max_bytes: int) -> bytes:
    """Read to the end, but never more than ``max_bytes + 1`` bytes.

    The buffer is sized by what ``fstat`` said (a ``read(max_bytes)`` would reserve
    the whole limit up front); a file that grew since is read on in chunks.
    """
    data = handle.read(expected + 1)
    if len(data) <= expected:
        return data
    parts = [data]
    total = len(data)
    while total <= max_bytes:
        chunk = handle.read(min(_GROWTH_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


# ------------------------------------------------------------------------ decoding


def decode_file(
    data: bytes,
    label: str,
    path: str | None = None,
    *,
    limits: ReadLimits = DEFAULT_LIMITS,
    progress: Progress | None = None,
    documents: bool = True,
    readers: Mapping[DocFormat, ReaderRef] = READERS,
) -> Document:
    """A whole file's bytes as a :class:`Document`: a document's extracted text, or decoded text.

    The format comes from the bytes, then the name (``path``, else ``label``):
    see ``documents.formats``, whose ``READERS`` (or ``readers``) name the reader.
    Plain text, Markdown and source code are decoded, and so is every file when
    ``limits.as_text`` says so (a sealed Office file is still named for what it is).

    Raises:
        InputError: the file cannot be read as its format or decoded as text,
            or it is a document and ``documents`` is false.
        CompareCanceled: ``progress`` raised it (the window's cancel).
    """
    name = path if path is not None else label
    refuse_sealed(data, name, label)
    if limits.as_text:
        try:
            return decode_bytes(data, label, path)
        except InputError as exc:  # a Word file's bytes: say what it is, not only "binary"
            raise document_no_text(data, name, label) or exc from None
    fmt = detect_format(data, name)
    if fmt is DocFormat.TEXT:
        return decode_bytes(data, label, path)
    if not documents:
        raise InputError(f'"{label}" is a document, not a text file.')
    extracted = read_document(data, fmt, label, limits, progress, readers=readers)
    return extracted_document(
        extracted, fmt, label, path, size_bytes=len(data), digest=content_digest(data)
    )


def decode_bytes(data: bytes, label: str, path: str | None = None) -> Document:
    """Decode ``data`` (a whole file) into a :class:`Document` with ``\\n`` newlines.

    The original newline convention, encoding, BOM and size are kept on the
    document so the UI can report them and a save can reproduce them.
    """
    found = _decode(data, label)
    return Document(
        label=label,
        text=_normalise_newlines(found.text),
        path=path,
        encoding=found.encoding,
        confidence=found.confidence,
        replaced=found.replaced,
        bom=found.bom,
        newline=_newline_style(found.text),
        trailing_newline=found.text.endswith(("\n", "\r")),
        size_bytes=len(data),
        digest=content_digest(data),
    )


def content_digest(data: bytes) -> bytes:
    """The hash a ``Document`` carries of its bytes (also used to re-check the file)."""
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


def _normalise_newlines(text: str) -> str:
    """Every CRLF and lone CR becomes ``\\n``: offsets in the model assume it."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
