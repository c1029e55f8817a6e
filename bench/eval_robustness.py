# SPDX-License-Identifier: GPL-3.0-or-later
"""Score the pairing on cases it has never seen: fresh structure scripted over real rewordings.

Usage: ``python bench/eval_robustness.py [CORPUS_DIR] [--seeds N] [--first-seed K]
[--cases] [--keep DIR]`` (default ``../shared/corpus``, seeds 0-2; ``make eval-robust``).

Why: the development set (``aligned/``) is 14 cases, and the measure that
counts is taken on a separate set of the same nature. A method that only
works for the places and amounts of edits in those 14 cases would look good
on them and fail there. So this script keeps what is real in them (the
wording: two independent translations, paragraph for paragraph, and which
paragraph renders which) and throws away what was scripted (where the
deletions, moves, merges... are): ``derive_cases.py`` scripts new structure
on windows of each case, eleven kinds of edit with seeds, the truth following
every step. The result is printed per family of the source case and per kind
of edit, with the columns of ``eval_pairing.py``. Read it as a test of the
method, never as something to fit: the seeds are not to be chosen.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from derive_cases import KINDS, build, read_source
from eval_pairing import Tally, score_texts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", default="../shared/corpus", type=Path)
    parser.add_argument("--seeds", type=int, default=3, help="seeds per case and edit")
    parser.add_argument("--first-seed", type=int, default=0, help="the first seed")
    parser.add_argument("--cases", action="store_true", help="a row per derived case")
    parser.add_argument("--keep", type=Path, help="write the derived cases here")
    args = parser.parse_args(argv)
    root, per_case, keep = args.corpus, args.cases, args.keep
    seeds = range(args.first_seed, args.first_seed + args.seeds)
    if not (root / "aligned").is_dir():
        print(f"eval-robust: no corpus at {root}; skipped")
        return 0
    sources = [read_source(c) for c in sorted((root / "aligned").iterdir()) if c.is_dir()]
    bases = [s for s in sources if len(s.units) >= 20]
    families: dict[str, Tally] = {}
    kinds: dict[str, Tally] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = keep or Path(tmp)
        for src in bases:
            for kind in KINDS:
                for seed in seeds:
                    text_a, text_b, links, moves = build(src, sources, kind, seed)
                    case = out / f"{src.name}.{kind}.{seed}"
                    case.mkdir(parents=True, exist_ok=True)
                    (case / "a.txt").write_text(text_a, encoding="utf-8")
                    (case / "b.txt").write_text(text_b, encoding="utf-8")
                    truth = {"links": sorted(links), "moves": sorted(moves)}
                    (case / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
                    tally = score_texts(case / "a.txt", case / "b.txt", links, moves)
                    if per_case:
                        print(tally.row(case.name), flush=True)
                    families.setdefault(src.family, Tally()).add(tally)
                    kinds.setdefault(kind, Tally()).add(tally)
    for table, name in ((families, "family"), (kinds, "edit")):
        print()
        print(
            f"| {name} | cases | true links | false links | precision | recall | F1 "
            "| moves found | false moves | s |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        total = Tally()
        for key, tally in table.items():
            print(tally.row(key))
            total.add(tally)
        print(total.row("**all**"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
