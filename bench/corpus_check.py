# SPDX-License-Identifier: GPL-3.0-or-later
"""Score the aligner against the reference corpus's exact paragraph truth.

Usage: ``python bench/corpus_check.py [CORPUS_DIR]`` (default ``../shared/corpus``).
For every ``synthetic/*/truth.json`` it compares the links Twofold makes
(paragraph i of A shown against paragraph j of B) with the true links and
prints precision and recall per pair, plus move and kind agreement. It is a
development check, not a test: the corpus lives outside the repository.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))

from twofold.engine.load.decoding import load_document
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import PairKind, Unit
from twofold.engine.result.model import CompareOptions


def links_of_truth(truth: dict[str, object]) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    rows = truth["aligned"]
    assert isinstance(rows, list)
    links = {(a, b) for a, b, _kind in rows}
    moves = {(a, b) for a, b, kind in rows if kind == "moved"}
    return links, moves


def score(case: Path) -> str:
    truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
    a = load_document(case / "a.txt")
    b = load_document(case / "b.txt")
    started = time.perf_counter()
    result = compare(a, b, CompareOptions(unit=Unit.PARAGRAPHS))
    seconds = time.perf_counter() - started
    ours = {(i, j) for p in result.pairs for i in p.a for j in p.b}
    our_moves = {(i, j) for p in result.pairs if p.kind is PairKind.MOVED for i in p.a for j in p.b}
    true_links, true_moves = links_of_truth(truth)
    hit = len(ours & true_links)
    precision = hit / len(ours) if ours else 1.0
    recall = hit / len(true_links) if true_links else 1.0
    move_hit = len(our_moves & true_moves)
    return (
        f"| {case.name} | {len(result.a_segments)}/{len(result.b_segments)} | {precision:.3f} | "
        f"{recall:.3f} | {move_hit}/{len(true_moves)} (+{len(our_moves - true_moves)} false) | "
        f"{seconds:.2f} |"
    )


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
    print("| case | paragraphs A/B | link precision | link recall | moves found | seconds |")
    print("|---|---|---|---|---|---|")
    for case in sorted((root / "synthetic").iterdir()):
        if (case / "truth.json").exists():
            print(score(case), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
