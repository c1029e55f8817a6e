# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that a change left the command line's output byte for byte as it was.

Usage: ``python bench/same_output.py --against OLD/gui [--corpus DIR] [--quick]``.
Runs ``--json``, ``--stat`` and ``--diff`` on every text pair of the reference corpus
(each folder holding two text files; ``documents/`` left out) under eleven option sets,
both ways round, with this checkout's ``gui/`` and with ``OLD/gui`` (main before the
change), and compares stdout, stderr and the exit status. Prints each run that
differs and exits 1 if any did. ``--quick`` leaves out pairs over 2 MB and keeps
three option sets, for the loop of a change; the whole set before landing it.

Why a bench and not a test: it needs the corpus beside the checkout and a second
checkout, and a speed change is measured by it (every speed pass of issue 18 kept
it at "0 differ") rather than by examples that only cover what their author
thought of.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: The option sets every pair runs under: the defaults, each option alone, and a mix.
OPTION_SETS: tuple[tuple[str, ...], ...] = (
    (),
    ("-w",),
    ("-i",),
    ("--ignore-typography",),
    ("--strip-trailing-cr",),
    ("-B",),
    ("--no-moves",),
    ("--unit", "lines"),
    ("--unit", "paragraphs"),
    ("--granularity", "word"),
    ("-w", "-B", "-i"),
)
FRONTS = (("--json",), ("--stat",), ("--diff",))
#: Pairs bigger than this are left out by ``--quick``.
QUICK_BYTES = 2_000_000
_SKIPPED_NAMES = frozenset({"truth.json", "README.md", "SOURCE.md"})


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--against", required=True, help="the gui/ folder of the checkout before")
    parser.add_argument("--corpus", default=str(REPO.parent / "shared" / "corpus"))
    parser.add_argument("--quick", action="store_true", help="small pairs, three option sets")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds a run may take")
    return parser.parse_args(argv)


def text_pairs(corpus: Path) -> Iterator[tuple[Path, Path]]:
    """Each folder of the corpus that holds exactly two text files, in name order."""
    for folder in sorted(p for p in corpus.rglob("*") if p.is_dir()):
        if "documents" in folder.relative_to(corpus).parts:
            continue
        files = sorted(
            f
            for f in folder.iterdir()
            if f.is_file() and f.suffix in (".txt", ".md", "") and f.name not in _SKIPPED_NAMES
        )
        if len(files) == 2:
            yield files[0], files[1]


def runs(corpus: Path, quick: bool) -> list[list[str]]:
    """The argument lists to run, each pair both ways round."""
    option_sets = OPTION_SETS[:3] if quick else OPTION_SETS
    out: list[list[str]] = []
    for a, b in text_pairs(corpus):
        if quick and a.stat().st_size + b.stat().st_size > QUICK_BYTES:
            continue
        for options in option_sets:
            for front in FRONTS:
                for first, second in ((a, b), (b, a)):
                    out.append([*front, *options, str(first), str(second)])
    return out


def fingerprint(gui: str, argv: list[str], timeout: float) -> str:
    """A digest of what ``twofold argv`` wrote and its status, with ``gui`` on the path."""
    env = dict(os.environ, PYTHONPATH=gui, PYTHONHASHSEED="0")
    done = subprocess.run(
        [sys.executable, "-m", "twofold", *argv],
        capture_output=True,
        env=env,
        timeout=timeout,
        check=False,
    )
    digest = hashlib.sha256(done.stdout)
    digest.update(b"\0" + done.stderr + b"\0" + str(done.returncode).encode())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    """Run both checkouts on every argument list; 1 if any output differs."""
    args = parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    ours, theirs = str(REPO / "gui"), str(Path(args.against).resolve())
    todo = runs(corpus, args.quick)

    def both(argv_: list[str]) -> tuple[list[str], bool]:
        same = fingerprint(ours, argv_, args.timeout) == fingerprint(theirs, argv_, args.timeout)
        return argv_, same

    differ = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for argv_, same in pool.map(both, todo):
            if not same:
                differ += 1
                print("differs: twofold " + " ".join(argv_))
    print(f"{len(todo)} runs, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
