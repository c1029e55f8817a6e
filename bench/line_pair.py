# SPDX-License-Identifier: GPL-3.0-or-later
"""The line pairs of the bench: 98 KB where every line differs, and a long server log.

Each file is 49,000 lines of one letter from eight (``a`` to ``h``), drawn from a
seeded generator, and line *n* of B is never line *n* of A. So the files share
only a few distinct lines, each some 6,000 times: no line is rare enough to
anchor a histogram diff, and a minimal diff changes some 30,000 lines, which is
where Myers' time (growing with the square of the changes) ran into its timeouts
(issue 16: 11.3 s for ``--diff``, 3.0 s for ``--stat``). Same seed, same bytes.

The log pair (:func:`write_log_pair`) is ``bench/gui_bench.py``'s and the
``--diff`` row's: short lines, 1 % of them edited and a block of 100 gone, where
a histogram diff splits into as many regions as changes.

Run alone to write the pair: ``python bench/line_pair.py DIR [--seed N]``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

#: lines a side: two bytes each, so 98,000 bytes a file
LINES = 49_000
LETTERS = "abcdefgh"


def make_line_pair(seed: int, lines: int = LINES) -> tuple[bytes, bytes]:
    """A and B as bytes: one letter a line, B's letter always another than A's."""
    rng = random.Random(f"line-pair:{seed}")
    a = [rng.choice(LETTERS) for _ in range(lines)]
    b = [rng.choice(LETTERS.replace(letter, "")) for letter in a]
    return "".join(f"{x}\n" for x in a).encode(), "".join(f"{x}\n" for x in b).encode()


def write_line_pair(directory: Path, seed: int) -> tuple[Path, Path]:
    """Write ``lines-98KB-a.txt`` and ``lines-98KB-b.txt`` into ``directory``."""
    a, b = make_line_pair(seed)
    path_a, path_b = directory / "lines-98KB-a.txt", directory / "lines-98KB-b.txt"
    path_a.write_bytes(a)
    path_b.write_bytes(b)
    return path_a, path_b


def write_log_pair(directory: Path, seed: int, lines: int) -> tuple[Path, Path]:
    """A server log and a later copy: 1 % of its lines edited, a block of 100 gone.

    Many short lines and no blank one: compared by lines, a pair per line.
    """
    rng = random.Random(f"{seed}:log")
    rows = [
        f"2026-11-30 {n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d}.{n % 1000:03d} INFO "
        f"worker-{rng.randrange(64)} request {rng.randrange(10**9)} took {rng.randrange(1000)} ms"
        for n in range(lines)
    ]
    a, b = directory / "server-a.log", directory / "server-b.log"
    a.write_text("\n".join(rows) + "\n", encoding="utf-8")
    for n in range(0, lines, 97):
        rows[n] = rows[n].replace(" INFO ", " WARN ")
    del rows[lines // 2 : lines // 2 + 100]
    b.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return a, b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=1863)
    args = parser.parse_args(argv)
    for path in write_line_pair(args.directory, args.seed):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
