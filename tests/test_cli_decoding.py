# SPDX-License-Identifier: GPL-3.0-or-later
"""Binary and damaged files on the command line, as a user meets them (issue 16, items 3-4).

A binary file is refused wherever its binary part starts, not only when it
starts in the first 8 KB; damaged text is shown, with its damage named.
"""

from __future__ import annotations

import codecs
import json
import random
from pathlib import Path

import pytest

from twofold import cli

#: prose long enough that the first 8 KB (where the old sniff looked) is clean text
PROSE = b"A line of plain prose, the kind a diff viewer is made for.\n" * 320


def _random_bytes(size: int, *, alphabet: bytes = bytes(range(256))) -> bytes:
    rng = random.Random(16)
    return bytes(rng.choice(alphabet) for _ in range(size))


def _binary_tails() -> list[tuple[str, bytes]]:
    return [
        ("nul-after-8k", PROSE[:9000] + b"\0" + PROSE[9000:]),
        ("18k-text-then-200k-random", PROSE[: 18 * 1024] + _random_bytes(200 * 1024)),
        ("random-without-nul", PROSE + _random_bytes(16 * 1024, alphabet=bytes(range(1, 256)))),
    ]


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_bytes(PROSE)
    return path


BINARY_TAILS = _binary_tails()


@pytest.mark.parametrize(
    "data", [case[1] for case in BINARY_TAILS], ids=[case[0] for case in BINARY_TAILS]
)
@pytest.mark.parametrize("front", ["--diff", "--stat", "--json"])
def test_a_binary_part_after_8_kb_is_refused(
    tmp_path: Path,
    text_file: Path,
    data: bytes,
    front: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blob = tmp_path / "b.bin"
    blob.write_bytes(data)
    code = cli.main([front, str(text_file), str(blob)])
    out = capsys.readouterr()
    assert (code, out.out) == (2, "")
    assert out.err == 'twofold: "b.bin" looks like a binary file, not text.\n'


def test_a_long_utf16_file_is_text_whatever_its_nuls(
    tmp_path: Path, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Half its bytes are NULs, all through the file: the UTF-16 pattern explains them."""
    wide = tmp_path / "b.txt"
    text = PROSE.decode()
    wide.write_bytes((text + "One more line, in UTF-16.\n").encode("utf-16-le"))
    assert cli.main(["--json", str(text_file), str(wide)]) == 1
    found = json.loads(capsys.readouterr().out)
    assert (found["b"]["encoding"], found["stats"]["changes"]) == ("utf-16-le", 1)


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """ASCII prose with one invalid UTF-8 sequence (FF FE, a stray UTF-16 mark)."""
    path = tmp_path / "b.txt"
    path.write_bytes(PROSE + b"One more line \xff\xfe with a bad sequence.\n")
    return path


def test_ascii_with_a_bad_sequence_is_utf8_with_replacements(
    text_file: Path, damaged: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """Not a legacy guess ("˙ţ" in cp1250): UTF-8, the damage visible and counted.

    ``--diff`` carries the file's own bytes, so that the patch still applies.
    """
    assert cli.main(["--json", str(text_file), str(damaged)]) == 1
    side = json.loads(capsysbinary.readouterr().out)["b"]
    assert (side["encoding"], side["replaced"]) == ("utf-8", 2)
    assert 0 < side["confidence"] < 1
    assert cli.main(["--stat", str(text_file), str(damaged)]) == 1
    assert b"B: b.txt (321 lines, utf-8, 2 undecodable sequences replaced, LF)" in (
        capsysbinary.readouterr().out
    )
    assert cli.main(["--diff", str(text_file), str(damaged)]) == 1
    assert b"+One more line \xff\xfe with a bad sequence.\n" in capsysbinary.readouterr().out


def test_utf16_with_a_lone_surrogate_is_text_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    body = "Grüße aus dem Süden.\n" * 40
    a.write_bytes(codecs.BOM_UTF16_LE + body.encode("utf-16-le"))
    b.write_bytes(
        codecs.BOM_UTF16_LE + (body + "Ende \ud83d.\n").encode("utf-16-le", "surrogatepass")
    )
    assert cli.main(["--json", str(a), str(b)]) == 1
    found = json.loads(capsys.readouterr().out)
    assert (found["b"]["encoding"], found["b"]["bom"], found["b"]["replaced"]) == (
        "utf-16-le",
        True,
        1,
    )
    assert found["a"]["replaced"] == 0
    assert found["b"]["confidence"] < 1 == found["a"]["confidence"]
