# SPDX-License-Identifier: GPL-3.0-or-later
"""Coverage-guided fuzzing of the engine with atheris (``make fuzz``).

Each input is split in two at its first ``0xFE 0xFE`` pair (or in the middle);
both halves go through ``decode_bytes`` → ``compare`` → ``to_json`` and
``stored_diff``, and every invariant of ``tests/fuzz_contract.py`` is checked:
only documented errors, both texts rebuild from the edits, every paragraph once,
and the unified diff applied to A gives B. A failed check is a crash that
atheris reports with the input.

Started without seeds, libFuzzer grows inputs a few bytes at a time (86 bytes
after 39,000 runs): so the corpus is seeded with real files from
``tests/data`` (the prose pair, and every encoding-corpus file against an
edited copy of itself), written into ``bench/out/fuzz-corpus`` where libFuzzer
also keeps what it finds, and inputs may reach ``-max_len`` (100 KB unless
given). Runs for ``-max_total_time`` seconds (``FUZZ_SECONDS``, default 60);
other libFuzzer options pass through.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported for real under atheris' instrumentation, in main
    from twofold.engine.result.model import CompareOptions

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CORPUS = ROOT / "bench" / "out" / "fuzz-corpus"
SEPARATOR = b"\xfe\xfe"
#: the longest input (libFuzzer cuts longer corpus files to it)
MAX_LEN = 100 * 1024
#: libFuzzer options unless given on the command line; ``-len_control=0`` lets
#: mutations use the whole length at once instead of growing it slowly
DEFAULTS = {
    "-max_total_time": "60",
    "-max_len": str(MAX_LEN),
    "-len_control": "0",
    "-print_final_stats": "1",
}

#: ``check(raw_a, raw_b, options)``: ``tests/fuzz_contract.check_roundtrip``
Check = Callable[[bytes, bytes, "CompareOptions"], object]


def make_target(check: Check) -> Callable[[bytes], None]:
    """The function libFuzzer calls with each input: split it and ``check`` the two halves.

    The options cycle with the input's length; the longest input so far is
    reported on stderr as it grows, so a run shows how far inputs reached.
    """
    from twofold.engine.result.kinds import Granularity, Unit
    from twofold.engine.result.model import CompareOptions

    options = [
        CompareOptions(),
        CompareOptions(unit=Unit.LINES, granularity=Granularity.CHARACTER),
        CompareOptions(ignore_whitespace=True, ignore_case=True, ignore_typography=True),
    ]
    longest = [0]

    def one_input(data: bytes) -> None:
        if len(data) > longest[0] + 1024:  # a line per KB of growth at most
            longest[0] = len(data)
            print(f"fuzz_engine: longest input so far {len(data):,} bytes", file=sys.stderr)
        cut = data.find(SEPARATOR)
        cut = len(data) // 2 if cut < 0 else cut
        check(data[:cut], data[cut + 2 :], options[len(data) % len(options)])

    return one_input


def edited(data: bytes) -> bytes:
    """``data`` with its middle line moved to the end and a word changed: a small real edit."""
    lines = data.split(b"\n")
    if len(lines) > 2:
        lines.append(lines.pop(len(lines) // 2))
    return b"\n".join(lines).replace(b"the", b"a", 3)


def seeds() -> dict[str, bytes]:
    """Seed inputs by name: the prose pairs and each encoding-corpus file against an edit.

    A file is cut to half of :data:`MAX_LEN` (the 200 KB PNG) so that a pair fits.
    """
    found = {}
    for pair in sorted((DATA / "pairs").iterdir()):
        a, b = (pair / "a.txt").read_bytes(), (pair / "b.txt").read_bytes()
        found[f"seed-pair-{pair.name}"] = a + SEPARATOR + b
    for path in sorted((DATA / "encodings").glob("*.bin")):
        data = path.read_bytes()[: MAX_LEN // 2 - 1]
        found[f"seed-{path.stem}"] = data + SEPARATOR + edited(data)
    return found


def write_seeds(folder: Path) -> int:
    """Write :func:`seeds` into ``folder`` (made if missing); returns how many."""
    folder.mkdir(parents=True, exist_ok=True)
    found = seeds()
    for name, data in found.items():
        (folder / name).write_bytes(data)
    return len(found)


def libfuzzer_args(argv: list[str]) -> list[str]:
    """``argv`` with the defaults for options it does not set, and the corpus folder."""
    given = {arg.split("=", 1)[0] for arg in argv[1:] if arg.startswith("-")}
    extra = [f"{key}={value}" for key, value in DEFAULTS.items() if key not in given]
    folders = [arg for arg in argv[1:] if not arg.startswith("-")]
    return [*argv, *extra, *([] if folders else [str(CORPUS)])]


def main() -> None:
    import atheris  # only here: the tests use the rest of this module without it

    sys.path[:0] = [str(ROOT / "gui"), str(ROOT / "tests")]
    with atheris.instrument_imports():
        from fuzz_contract import check_roundtrip
    args = libfuzzer_args(sys.argv)
    if str(CORPUS) in args:
        print(f"fuzz_engine: {write_seeds(CORPUS)} seeds in {CORPUS}", file=sys.stderr)
    atheris.Setup(args, make_target(check_roundtrip))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
