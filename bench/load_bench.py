# SPDX-License-Identifier: GPL-3.0-or-later
"""Time ``load_document`` on 10 MB files: the cost of reading, decoding and the binary check.

Usage: ``python bench/load_bench.py [--size-mb 10] [--repeat 9]``.

Each file is generated afresh from a fixed seed (the prose of ``bench/run.py``),
in the encodings that take different paths through ``engine/load/decoding.py``: plain
ASCII and UTF-8 (strict UTF-8), Windows-1252 (chardet, then a strict decode),
UTF-16-LE without a BOM (the NUL-pattern sniff) and UTF-8 with one damaged byte
(the replacement path). It prints the median wall and CPU time per load. A
measurement, not a test: it asserts nothing about speed and always exits 0.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import make_original
from twofold.engine.load.decoding import load_document

MB = 1024 * 1024


def _prose(size: int) -> str:
    rng = random.Random(f"load-bench:{size}")
    paragraphs = make_original(rng, size, [])  # the vocabulary only: pure ASCII
    return "\n\n".join(paragraphs) + "\n"


def _accented(text: str) -> str:
    """Some Latin-1 letters and typographic quotes, as real European prose has."""
    return text.replace(" the ", " thé ").replace(" of ", " \u201cof\u201d ")


_CASES: dict[str, Callable[[str], bytes]] = {
    "ascii": lambda text: text.encode("ascii"),
    "utf-8": lambda text: _accented(text).encode("utf-8"),
    "cp1252": lambda text: _accented(text).encode("cp1252"),
    "utf-16-le": lambda text: text.encode("utf-16-le"),
    "utf-8 + 1 bad byte": lambda text: _accented(text).encode("utf-8") + b"\xff\n",
}


def _time_loads(path: Path, repeat: int) -> tuple[float, float, str]:
    walls: list[float] = []
    cpus: list[float] = []
    encoding = ""
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        doc = load_document(path)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        encoding = f"{doc.encoding} {doc.confidence:g}"
    return statistics.median(walls), statistics.median(cpus), encoding


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args(argv)
    text = _prose(int(args.size_mb * MB))
    print(f"| file | MB | median wall ms | median CPU ms | decoded as (n={args.repeat}) |")
    print("|---|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, encode in _CASES.items():
            path = Path(tmp) / "load.txt"
            data = encode(text)
            path.write_bytes(data)
            load_document(path)  # warm: chardet's import and the page cache
            wall, cpu, encoding = _time_loads(path, args.repeat)
            print(
                f"| {name} | {len(data) / MB:.1f} | {wall * 1000:.0f} | {cpu * 1000:.0f} "
                f"| {encoding} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
