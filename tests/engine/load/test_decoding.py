# SPDX-License-Identifier: GPL-3.0-or-later
"""Loading and decoding files: the encoding corpus, hostile inputs, and properties.

The corpus in ``tests/data/encodings`` is a copy of the shared one: each
``NAME.bin`` must decode to ``NAME.expected.txt`` (stored as UTF-8 with ``\\n``
newlines), except where that file holds the sentinel ``BINARY`` (the load must
fail as binary) or ``EMPTY`` (the text is empty).
"""

from __future__ import annotations

import codecs
import csv
import errno
import io
import os
import random
import stat
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import hostile
from twofold.engine.errors import InputError
from twofold.engine.load import safe_read
from twofold.engine.load.decoding import load_document
from twofold.engine.load.text_decoding import decode_bytes
from twofold.engine.result.kinds import NewlineStyle
from twofold.engine.result.model import Document

CORPUS = Path(__file__).resolve().parents[2] / "data" / "encodings"


def _manifest() -> list[dict[str, str]]:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


MANIFEST = _manifest()

_EOL = {"LF": NewlineStyle.LF, "CRLF": NewlineStyle.CRLF, "CR": NewlineStyle.CR}


def _expected_newline(eol: str) -> NewlineStyle:
    if eol.startswith("mixed"):
        return NewlineStyle.MIXED
    return _EOL.get(eol, NewlineStyle.NONE)


def _assert_one_sentence(message: str, label: str) -> None:
    """What every InputError promises: one plain sentence that names the file."""
    assert message.startswith(f'"{label}" ')
    assert message.endswith(".")
    assert "\n" not in message
    assert ". " not in message
    for noise in ("Errno", "Traceback", "Error:", "[", "\\x"):
        assert noise not in message


def _load_quickly(path: Path) -> Document | InputError:
    """Load in a thread so a blocking open (a FIFO, a device) fails the test, not hangs it."""
    outcome: list[Document | BaseException] = []

    def run() -> None:
        try:
            outcome.append(load_document(path))
        except BaseException as exc:  # reported below, whatever it is
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), f"load_document({path}) did not return"
    result = outcome[0]
    if isinstance(result, InputError | Document):
        return result
    raise result


# --------------------------------------------------------------------------- corpus


def test_corpus_copy_is_complete() -> None:
    names = {row["name"] for row in MANIFEST}
    assert len(names) == len(MANIFEST) == 25
    for name in names:
        assert (CORPUS / f"{name}.bin").is_file()
        assert (CORPUS / f"{name}.expected.txt").is_file()


@pytest.mark.parametrize("row", MANIFEST, ids=[row["name"] for row in MANIFEST])
def test_corpus_case(row: dict[str, str]) -> None:
    name = row["name"]
    source = CORPUS / f"{name}.bin"
    expected = (CORPUS / f"{name}.expected.txt").read_bytes().decode("utf-8")
    assert source.stat().st_size == int(row["bytes"])

    if expected == "BINARY":
        with pytest.raises(InputError) as caught:
            load_document(source)
        assert str(caught.value) == f'"{name}.bin" looks like a binary file, not text.'
        return

    doc = load_document(source)
    assert doc.text == ("" if expected == "EMPTY" else expected)
    assert doc.label == f"{name}.bin"
    assert doc.path == str(source)
    assert doc.size_bytes == int(row["bytes"])
    assert doc.newline is _expected_newline(row["eol"])
    assert doc.trailing_newline is doc.text.endswith("\n")
    assert "\r" not in doc.text
    assert not doc.text.startswith("\ufeff")
    assert 0.0 < doc.confidence <= 1.0
    assert doc.encoding == codecs.lookup(doc.encoding).name
    has_bom = "BOM" in row["true_encoding"] and "no BOM" not in row["true_encoding"]
    assert doc.bom is has_bom


@pytest.mark.parametrize(
    ("name", "encoding", "confidence"),
    [
        ("utf8_bom_pt", "utf-8", 1.0),
        ("utf16le_bom_ko", "utf-16-le", 1.0),
        ("utf16be_bom_uk", "utf-16-be", 1.0),
        ("crlf_en", "utf-8", 1.0),
        ("whitespace_only", "utf-8", 1.0),
        ("empty", "utf-8", 1.0),
        ("utf16le_nobom_en", "utf-16-le", None),
        ("invalid_utf8_mid", "utf-8", None),
    ],
)
def test_unicode_cases_report_their_encoding(
    name: str, encoding: str, confidence: float | None
) -> None:
    doc = load_document(CORPUS / f"{name}.bin")
    assert doc.encoding == encoding
    if confidence is not None:
        assert doc.confidence == confidence
    else:
        assert doc.confidence < 1.0


def test_empty_and_whitespace_only_differ() -> None:
    empty = load_document(CORPUS / "empty.bin")
    blank = load_document(CORPUS / "whitespace_only.bin")
    assert empty.text == ""
    assert (empty.newline, empty.trailing_newline) == (NewlineStyle.NONE, False)
    assert blank.text != empty.text
    assert blank.text.strip() == ""


# ----------------------------------------------------------------------- bad inputs


def _missing(tmp: Path) -> Path:
    return tmp / "notes.txt"


def _directory(tmp: Path) -> Path:
    (tmp / "folder").mkdir()
    return tmp / "folder"


def _below_a_file(tmp: Path) -> Path:
    (tmp / "plain.txt").write_text("x")
    return tmp / "plain.txt" / "inner.txt"


def _binary(tmp: Path) -> Path:
    (tmp / "blob.dat").write_bytes(bytes(range(256)) * 8)
    return tmp / "blob.dat"


BAD_INPUTS: list[tuple[str, Callable[[Path], Path], str]] = [
    ("missing", _missing, "does not exist."),
    ("directory", _directory, "is a folder, not a file."),
    ("below-a-file", _below_a_file, "does not exist."),
    ("fifo", hostile.fifo, "is a pipe, not a regular file."),
    ("dev-zero", hostile.dev_zero, "is a device, not a regular file."),
    ("symlink-loop", hostile.symlink_loop, "is a symbolic link that leads back to itself."),
    ("dangling-link", hostile.dangling_link, "is a link to a file that does not exist."),
    ("binary", _binary, "looks like a binary file, not text."),
    ("missing-non-ascii", hostile.missing_non_ascii, "does not exist."),
]


@pytest.mark.parametrize(
    ("make", "tail"), [case[1:] for case in BAD_INPUTS], ids=[case[0] for case in BAD_INPUTS]
)
def test_bad_input_is_refused_quickly(
    tmp_path: Path, make: Callable[[Path], Path], tail: str
) -> None:
    path = make(tmp_path)
    result = _load_quickly(path)
    assert isinstance(result, InputError)
    assert str(result) == f'"{path.name}" {tail}'
    _assert_one_sentence(str(result), path.name)
    assert str(tmp_path) not in str(result)


def test_explicit_label_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r'^"Left side" does not exist\.$'):
        load_document(tmp_path / "nope.txt", "Left side")
    doc = load_document(CORPUS / "crlf_en.bin", "Left side")
    assert doc.label == "Left side"


def test_too_big_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(InputError) as caught:
        load_document(path, max_bytes=1000)
    assert str(caught.value) == '"big.txt" is 2.0 KB; Twofold compares files up to 1000 bytes.'
    assert load_document(path, max_bytes=2048).text == "x" * 2048


def test_default_limit_message_uses_human_sizes(tmp_path: Path) -> None:
    path = tmp_path / "huge.log"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: costs no disk, never read
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert str(caught.value) == '"huge.log" is 2.0 GB; Twofold compares files up to 256 MB.'


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden\n")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read anything (root)")
        with pytest.raises(InputError) as caught:
            load_document(path)
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert str(caught.value) == (
        '"secret.txt" cannot be read: you do not have permission to open it.'
    )


def test_permission_error_on_open_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also checked as root, where chmod 000 does not stop a read."""
    path = tmp_path / "secret.txt"
    path.write_text("hidden\n")

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert str(caught.value) == (
        '"secret.txt" cannot be read: you do not have permission to open it.'
    )


def test_non_ascii_path(tmp_path: Path) -> None:
    path = tmp_path / "résumé \u2013 ü.txt"
    try:
        path.write_bytes("première ligne\r\nzweite Zeile \u2013 ü\r\n".encode())
    except (UnicodeEncodeError, OSError):
        pytest.skip("the file system cannot store this name")
    doc = load_document(path)
    assert doc.label == "résumé \u2013 ü.txt"
    assert doc.path == str(path)
    assert doc.text == "première ligne\nzweite Zeile \u2013 ü\n"
    assert doc.newline is NewlineStyle.CRLF
    assert load_document(str(path)).text == doc.text


def test_load_never_modifies_the_file(tmp_path: Path) -> None:
    path = tmp_path / "keep.txt"
    original = "\ufeffline one\r\nline two\r".encode()
    path.write_bytes(original)
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = path.stat()
    doc = load_document(path)
    after = path.stat()
    assert doc.text == "line one\nline two\n"
    assert path.read_bytes() == original
    assert after.st_mtime_ns == before.st_mtime_ns
    assert after.st_size == before.st_size
    assert stat.S_IMODE(after.st_mode) == stat.S_IMODE(before.st_mode)


# -------------------------------------------------------------------- decode_bytes


@pytest.mark.parametrize(
    ("data", "newline", "trailing"),
    [
        (b"", NewlineStyle.NONE, False),
        (b"one line", NewlineStyle.NONE, False),
        (b"a\nb\n", NewlineStyle.LF, True),
        (b"a\r\nb", NewlineStyle.CRLF, False),
        (b"a\rb\r", NewlineStyle.CR, True),
        (b"a\r\nb\n", NewlineStyle.MIXED, True),
        (b"a\rb\n", NewlineStyle.MIXED, True),
        (b"\r\n\r\n", NewlineStyle.CRLF, True),
    ],
)
def test_newline_style(data: bytes, newline: NewlineStyle, trailing: bool) -> None:
    doc = decode_bytes(data, "t.txt")
    assert doc.newline is newline
    assert doc.trailing_newline is trailing
    assert doc.text == data.decode().replace("\r\n", "\n").replace("\r", "\n")
    assert doc.size_bytes == len(data)
    assert doc.path is None


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (codecs.BOM_UTF32_LE + "Grüße\n".encode("utf-32-le"), "utf-32-le", True),
        (codecs.BOM_UTF32_BE + "Grüße\n".encode("utf-32-be"), "utf-32-be", True),
        (codecs.BOM_UTF16_BE + "Grüße\n".encode("utf-16-be"), "utf-16-be", True),
        ("Grüße\n".encode("utf-32-le"), "utf-32-le", False),
        ("Grüße\n".encode("utf-32-be"), "utf-32-be", False),
        ("Grüße\n".encode("utf-16-be"), "utf-16-be", False),
        ("Grüße\n".encode("utf-16-le"), "utf-16-le", False),
        ("Grüße \u2013 \u201cso\u201d\n".encode("cp1252"), "cp1252", False),
    ],
)
def test_other_unicode_forms(data: bytes, encoding: str, bom: bool) -> None:
    doc = decode_bytes(data, "t.txt")
    assert doc.text.startswith("Grüße")
    assert doc.text.endswith("\n")
    assert (doc.encoding, doc.bom) == (encoding, bom)


@pytest.mark.parametrize(
    ("data", "tail"),
    [
        (b"text\x00more text", "looks like a binary file, not text."),
        (bytes(range(1, 32)) * 20, "looks like a binary file, not text."),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "looks like a binary file, not text."),
        (
            b"plain ascii words, and then some " * 4 + b"\x01\x02\xff",
            "is not valid text in any encoding Twofold recognises.",
        ),
    ],
)
def test_undecodable_bytes(data: bytes, tail: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "in.dat")
    assert str(caught.value) == f'"in.dat" {tail}'


# ------------------------------------------------------- binary beyond the first 8 KB

#: 20 KB of plain prose: the old sniff saw only its first 8 KB
_PROSE = b"Plain prose, line after line, as a text file holds it.\n" * 370


def _dense_controls(size: int) -> bytes:
    """``size`` bytes of which a quarter are control bytes, none a NUL."""
    return (b"\x01\x02\x03\x04" + b"abcdefghijkl") * (size // 16)


@pytest.mark.parametrize(
    "data",
    [
        _PROSE[:9000] + b"\0" + _PROSE[9000:],
        _PROSE + b"\0",
        _PROSE + bytes(range(256)) * 800,
        _PROSE + _dense_controls(2048),
        _PROSE[:7168] + _dense_controls(2048) + _PROSE[7168:],  # half in each 8 KB block
        _PROSE.decode().replace("Plain", "Pl\u00e4in").encode() + b"\x00\x01\x02" * 100,
    ],
    ids=["nul-after-8k", "nul-last", "bytes-tail", "controls-tail", "controls-across", "utf8"],
)
def test_binary_anywhere_in_the_file_is_binary(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "mixed.dat")
    assert str(caught.value) == '"mixed.dat" looks like a binary file, not text.'


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (_PROSE.decode().encode("utf-16-le"), "utf-16-le"),
        (_PROSE.decode().encode("utf-16-be"), "utf-16-be"),
        (_PROSE.decode().encode("utf-32-le"), "utf-32-le"),
        (codecs.BOM_UTF16_LE + _PROSE.decode().encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF32_BE + _PROSE.decode().encode("utf-32-be"), "utf-32-be"),
        (_PROSE.replace(b"line", b"\x1b[1mline\x1b[0m\x0c"), "utf-8"),
        (_PROSE.replace(b"prose", b"pros\x01"), "utf-8"),  # under 5 % in every window
    ],
    ids=["utf16le", "utf16be", "utf32le", "utf16le-bom", "utf32be-bom", "esc-ff", "sparse-soh"],
)
def test_long_text_with_nul_bytes_or_few_controls_is_text(data: bytes, encoding: str) -> None:
    doc = decode_bytes(data, "long.txt")
    assert doc.encoding == encoding
    assert len(doc.text) >= len(_PROSE)


@given(st.integers(min_value=0, max_value=len(_PROSE)), st.sampled_from([b"\0", b"\0\0\0"]))
def test_a_nul_anywhere_makes_the_file_binary(at: int, nul: bytes) -> None:
    with pytest.raises(InputError, match="looks like a binary file"):
        decode_bytes(_PROSE[:at] + nul + _PROSE[at:], "p.txt")


# ------------------------------------------------------------ damaged text is shown

_SURROGATE_LE = b"\x00\xd8"  # a high surrogate with no low one after it


@pytest.mark.parametrize(
    ("data", "encoding", "bom", "replaced", "shown"),
    [
        (b"hello world\n\xff\xfe more\n", "utf-8", False, 2, "hello world\n\ufffd\ufffd more\n"),
        (_PROSE + b"caf\xe9\n", "utf-8", False, 1, "caf\ufffd\n"),
        (_PROSE * 30 + b"\xff", "utf-8", False, 1, "\n\ufffd"),  # 0.99996 clean: still < 1
        (codecs.BOM_UTF8 + b"ok \xc3 ok\n", "utf-8", True, 1, "ok \ufffd ok\n"),
        (
            "Grüße\n".encode("utf-16-le") * 9 + _SURROGATE_LE + "welt\n".encode("utf-16-le"),
            "utf-16-le",
            False,
            1,
            "Grüße\n\ufffdwelt\n",
        ),
        (
            codecs.BOM_UTF16_LE + "한국어\n".encode("utf-16-le") + _SURROGATE_LE + b"!\x00",
            "utf-16-le",
            True,
            1,
            "한국어\n\ufffd!",
        ),
        ("truncated\n".encode("utf-16-be") + b"\x00", "utf-16-be", False, 1, "truncated\n\ufffd"),
    ],
    ids=[
        "ascii-ff-fe",
        "one-latin1-byte",
        "big-file",
        "utf8-bom",
        "utf16-lone",
        "utf16-bom",
        "odd",
    ],
)
def test_damaged_text_is_decoded_with_visible_replacements(
    data: bytes, encoding: str, bom: bool, replaced: int, shown: str
) -> None:
    """Not mojibake, not "binary": the bad bytes become U+FFFD and the document says so."""
    doc = decode_bytes(data, "d.txt")
    assert (doc.encoding, doc.bom, doc.replaced) == (encoding, bom, replaced)
    assert doc.text.endswith(shown)
    assert 0.0 < doc.confidence < 1.0
    assert round(doc.confidence, 3) < 1.0  # as the JSON shows it


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + random.Random(4).randbytes(4096),
        codecs.BOM_UTF16_BE + random.Random(5).randbytes(600).replace(b"\0", b"\1"),
    ],
    ids=["random-after-bom", "short-random-after-bom"],
)
def test_random_bytes_after_a_bom_are_not_damaged_text(data: bytes) -> None:
    """Lone surrogates in random data are many, and what lies between them is not text."""
    with pytest.raises(InputError):
        decode_bytes(data, "r.bin")


def test_clean_text_has_nothing_replaced() -> None:
    genuine = "a real U+FFFD: \ufffd\n".encode()
    doc = decode_bytes(genuine, "g.txt")
    assert (doc.replaced, doc.confidence) == (0, 1.0)


@given(
    _TEXT_SAFE := st.text(
        st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from("\n\t")
    ).filter(lambda t: not t.startswith("\ufeff")),
    _TEXT_SAFE,
    st.sampled_from([b"\xff", b"\xc0\xaf", b"\xc3", b"\xe2\x82", b"\x80"]),
)
def test_one_bad_sequence_in_utf8_is_shown_not_guessed(before: str, after: str, bad: bytes) -> None:
    data = before.encode() + bad + after.encode()
    doc = decode_bytes(data, "p.txt")
    assert doc.encoding == "utf-8"
    assert doc.text == data.decode("utf-8", errors="replace")
    assert doc.replaced == doc.text.count("\ufffd") - (before + after).count("\ufffd") >= 1
    assert 0.0 < doc.confidence < 1.0


# ---------------------------------------------------------------------- properties

#: text a file can hold: no control characters but tab and line breaks (those
#: are what the binary check looks for)
_TEXT = st.text(
    st.one_of(
        st.characters(exclude_categories=("Cc", "Cs")),
        st.sampled_from("\n\r\t"),
    )
)


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@given(_TEXT.filter(lambda t: not t.startswith("\ufeff")))
@example("")
@example("a\r\nb\rc\n")
@example("Grüße, 世界 🌍")
def test_utf8_round_trip(text: str) -> None:
    doc = decode_bytes(text.encode("utf-8"), "p.txt")
    assert doc.text == _normalised(text)
    assert (doc.encoding, doc.confidence, doc.bom) == ("utf-8", 1.0, False)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-32-le", codecs.BOM_UTF32_LE),
    ],
)
@given(text=_TEXT)
def test_bom_round_trip(encoding: str, bom: bytes, text: str) -> None:
    data = bom + text.encode(encoding)
    doc = decode_bytes(data, "p.txt")
    assert doc.text == _normalised(text)
    assert (doc.encoding, doc.bom) == (encoding, True)


@given(
    st.one_of(
        st.binary(),
        st.builds(
            bytes.__add__,
            st.sampled_from(
                [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]
            ),
            st.binary(),
        ),
    )
)
@example(b"\xff\xfe\x00")
@example(b"\x00")
@example(b"\xef\xbb")
def test_any_bytes_decode_or_raise_input_error(data: bytes) -> None:
    try:
        doc = decode_bytes(data, "r.bin")
    except InputError as exc:
        _assert_one_sentence(str(exc), "r.bin")
        return
    assert "\r" not in doc.text
    assert doc.size_bytes == len(data)
    assert 0.0 < doc.confidence <= 1.0


@pytest.mark.parametrize(
    ("size", "expected", "limit", "read"),
    [
        (100, 100, 1000, 100),  # the usual case: fstat told the truth
        (3_000_000, 10, 5_000_000, 3_000_000),  # grew after fstat: read on, in chunks
        (3_000_000, 10, 2_000_000, 2_000_001),  # grew past the limit: one byte over says so
    ],
)
def test_read_bounded_follows_a_file_that_grew(
    size: int, expected: int, limit: int, read: int
) -> None:
    handle = io.BytesIO(b"x" * size)
    assert len(safe_read.read_bounded(handle, expected, limit)) == read


def _style_by_counting(text: str) -> NewlineStyle:
    """The definition: which of CRLF, lone CR and lone LF the text holds, one or several."""
    crlf = text.count("\r\n")
    counts = {
        NewlineStyle.LF: text.count("\n") - crlf,
        NewlineStyle.CRLF: crlf,
        NewlineStyle.CR: text.count("\r") - crlf,
    }
    used = [style for style, n in counts.items() if n]
    return NewlineStyle.NONE if not used else used[0] if len(used) == 1 else NewlineStyle.MIXED


@given(st.text(alphabet="ab é\r\n\u2028", max_size=60))
def test_newlines_are_unified_and_their_style_kept(text: str) -> None:
    doc = decode_bytes(text.encode("utf-8"), "x.txt")
    assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n")
    assert doc.newline is _style_by_counting(text)
    assert doc.trailing_newline is text.endswith(("\n", "\r"))


@given(
    st.text(alphabet="ab é\r\n\u010d\u2028\U0001f600", max_size=60),  # U+010D: 0D 01
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]),
)
def test_carriage_returns_are_found_in_every_encoding(text: str, encoding: str) -> None:
    """Searched in the bytes of an ASCII-compatible encoding, in the text of the others."""
    doc = decode_bytes(text.encode(encoding), "x.txt")
    assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n")
    assert doc.newline is _style_by_counting(text)


@given(st.text(alphabet="ab é\r\n", max_size=60))
def test_a_document_decoded_without_its_digest_is_the_same_but_for_it(text: str) -> None:
    """The command line skips the hash (it hashes only texts that come out the same)."""
    data = text.encode("utf-8")
    hashed, bare = decode_bytes(data, "x.txt"), decode_bytes(data, "x.txt", digest=False)
    assert bare.digest is None
    assert hashed.digest is not None
    assert bare == Document(**{**_fields(hashed), "digest": None})


def _fields(doc: Document) -> dict[str, object]:
    return {name: getattr(doc, name) for name in Document.__slots__}
