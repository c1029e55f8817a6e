# SPDX-License-Identifier: GPL-3.0-or-later
"""Score Twofold's paragraph pairing against corpora with exact truth, per family.

Usage: ``python bench/eval_pairing.py [CORPUS_DIR] [--cases]`` (default
``../shared/corpus``; ``make eval``). Reads ``aligned/*/truth.json`` (links,
moves, a family each) and ``synthetic/*/truth.json`` (aligned rows, family
``synthetic``), runs ``compare`` on each pair in paragraph mode and prints
micro-averaged precision, recall and F1 of the links, moves found and false
moves per family, as ``aligned/README.md`` defines them. ``--cases`` adds a
row per case. Skips with a note when the corpus is absent (CI has none).

It is a development measure, not a test: the corpus lives outside the repository.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))

from twofold.engine.load.decoding import load_document
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import PairKind, Unit
from twofold.engine.result.model import CompareOptions

Link = tuple[int, int]


@dataclass(slots=True)
class Tally:
    """Counts summed over cases before dividing (micro-average)."""

    cases: int = 0
    ours: int = 0
    hit: int = 0
    truth: int = 0
    moves: int = 0
    moves_found: int = 0
    false_moves: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.cases += other.cases
        self.ours += other.ours
        self.hit += other.hit
        self.truth += other.truth
        self.moves += other.moves
        self.moves_found += other.moves_found
        self.false_moves += other.false_moves
        self.seconds += other.seconds

    def row(self, name: str) -> str:
        p = self.hit / self.ours if self.ours else 1.0
        r = self.hit / self.truth if self.truth else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"| {name} | {self.cases} | {self.truth} | {self.ours - self.hit} | {p:.3f} | "
            f"{r:.3f} | {f1:.3f} | "
            f"{self.moves_found}/{self.moves} | {self.false_moves} | {self.seconds:.2f} |"
        )


def truth_of(case: Path) -> tuple[str, set[Link], set[Link]]:
    """The family, the true links and the true moves of a case."""
    truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
    if "links" in truth:
        links = {(a, b) for a, b in truth["links"]}
        return truth["family"], links, {(a, b) for a, b in truth["moves"]}
    rows = truth["aligned"]
    return (
        "synthetic",
        {(a, b) for a, b, _kind in rows},
        {(a, b) for a, b, kind in rows if kind == "moved"},
    )


def score(case: Path) -> tuple[str, Tally]:
    family, true_links, true_moves = truth_of(case)
    return family, score_texts(case / "a.txt", case / "b.txt", true_links, true_moves)


def score_texts(a_path: Path, b_path: Path, true_links: set[Link], true_moves: set[Link]) -> Tally:
    """Compare two files in paragraph mode and count the links against the truth."""
    a = load_document(a_path)
    b = load_document(b_path)
    started = time.perf_counter()
    result = compare(a, b, CompareOptions(unit=Unit.PARAGRAPHS), inline=False)
    seconds = time.perf_counter() - started
    ours = {(i, j) for p in result.pairs for i in p.a for j in p.b}
    moved = [p for p in result.pairs if p.kind is PairKind.MOVED]
    our_moves = {(i, j) for p in moved for i in p.a for j in p.b}
    false_moves = sum(1 for p in moved if not {(i, j) for i in p.a for j in p.b} & true_moves)
    return Tally(
        cases=1,
        ours=len(ours),
        hit=len(ours & true_links),
        truth=len(true_links),
        moves=len(true_moves),
        moves_found=len(our_moves & true_moves),
        false_moves=false_moves,
        seconds=seconds,
    )


def cases(root: Path) -> Iterator[Path]:
    for part in ("aligned", "synthetic"):
        folder = root / part
        if folder.is_dir():
            yield from (c for c in sorted(folder.iterdir()) if (c / "truth.json").exists())


def main(argv: list[str]) -> int:
    per_case = "--cases" in argv
    args = [a for a in argv if a != "--cases"]
    root = Path(args[0] if args else "../shared/corpus")
    if not (root / "aligned").is_dir() and not (root / "synthetic").is_dir():
        print(f"eval: no corpus at {root}; skipped")
        return 0
    header = (
        "| {} | cases | true links | false links | precision | recall | F1 | moves found "
        "| false moves | s |"
    )
    rule = "|---|---|---|---|---|---|---|---|---|---|"
    families: dict[str, Tally] = {}
    if per_case:
        print(header.format("case"))
        print(rule)
    for case in cases(root):
        family, tally = score(case)
        families.setdefault(family, Tally()).add(tally)
        if per_case:
            print(tally.row(case.name), flush=True)
    if per_case:
        print()
    print(header.format("family"))
    print(rule)
    aligned = Tally()
    for name, tally in families.items():
        print(tally.row(name))
        if name != "synthetic":
            aligned.add(tally)
    print(aligned.row("**aligned, all**"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
