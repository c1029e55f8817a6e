# SPDX-License-Identifier: GPL-3.0-or-later
"""``bench/eval_robustness.py``: derived cases whose truth follows every scripted edit.

The script is a development measure (``make eval-robust``), but its numbers are
only worth reading if the truth it writes is the truth of the texts it writes:
every link names paragraphs that exist and render each other, and the moves
are exactly the links off the chain that stays in order.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, ModuleType]:
    """``derive_cases`` and ``eval_robustness``, imported from ``bench/``."""
    monkeypatch.syspath_prepend(str(BENCH))
    for name in ("derive_cases", "eval_robustness", "eval_pairing"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    import derive_cases
    import eval_robustness

    return derive_cases, eval_robustness


def _paragraph(case: int, k: int, side: str) -> str:
    """A paragraph whose every sentence carries marks no paragraph of another unit has."""
    first, second = (" ".join(f"w{case}x{k}x{n}" for n in part) for part in (range(3), range(3, 6)))
    verb = "renders" if side == "a" else "translates"
    return f"Paragraph {k} of case {case} {verb} {first}. Then it {verb} {second} too."


def _corpus(root: Path, cases: int = 2, units: int = 30) -> Path:
    """An ``aligned/`` folder of cases where paragraph k of A renders paragraph k of B."""
    for case in range(cases):
        folder = root / "aligned" / f"bible_case{case}"
        folder.mkdir(parents=True)
        for side in ("a", "b"):
            text = "\n\n".join(_paragraph(case, k, side) for k in range(units)) + "\n"
            (folder / f"{side}.txt").write_text(text, encoding="utf-8")
        truth = {
            "family": "bible",
            "links": [[k, k] for k in range(units)],
            "moves": [],
            "deleted": [],
            "inserted": [],
            "a_labels": [f"A {k}" for k in range(units)],
            "b_labels": [f"B {k}" for k in range(units)],
        }
        (folder / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def _renders(a: str, b: str) -> bool:
    """Whether two paragraphs of ``_corpus`` (or runs of them) share a unit."""
    marks = re.compile(r"w\d+x\d+x\d+")
    return bool(set(marks.findall(a)) & set(marks.findall(b)))


def _cross(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return (one[0] - other[0]) * (one[1] - other[1]) < 0


@pytest.mark.parametrize("seed", [0, 1])
def test_every_kind_writes_the_truth_of_its_texts(
    bench: tuple[ModuleType, ModuleType], tmp_path: Path, seed: int
) -> None:
    derive, _ = bench
    root = _corpus(tmp_path)
    sources = [derive.read_source(c) for c in sorted((root / "aligned").iterdir())]
    for kind in derive.KINDS:
        text_a, text_b, links, moves = derive.build(sources[0], sources, kind, seed)
        pa = [" ".join(p.split()) for p in text_a.strip().split("\n\n")]
        pb = [" ".join(p.split()) for p in text_b.strip().split("\n\n")]
        for i, j in links:
            assert _renders(pa[i], pb[j]), (kind, i, j)
        for i, a in enumerate(pa):
            for j, b in enumerate(pb):
                if (i, j) not in links:
                    assert not _renders(a, b), (kind, i, j)
        assert moves <= links
        stay = links - moves
        assert not any(_cross(one, other) for one in stay for other in stay), kind
        assert all(any(_cross(move, other) for other in stay) for move in moves), kind
        if kind == "negative":
            assert not links
        if kind in ("plain", "wrap"):
            assert not moves


def test_moves_are_scripted_and_stand_off_the_chain(
    bench: tuple[ModuleType, ModuleType], tmp_path: Path
) -> None:
    derive, _ = bench
    root = _corpus(tmp_path, units=60)
    sources = [derive.read_source(c) for c in sorted((root / "aligned").iterdir())]
    _a, _b, links, moves = derive.build(sources[0], sources, "move", 0)
    assert moves
    assert len(moves) < len(links - moves)


def test_the_tables_have_a_row_per_family_and_per_edit(
    bench: tuple[ModuleType, ModuleType], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    derive, robustness = bench
    root = _corpus(tmp_path)
    assert robustness.main([str(root), "--seeds", "1"]) == 0
    out = capsys.readouterr().out
    assert "| bible | 22 |" in out
    for kind in derive.KINDS:
        assert f"| {kind} | 2 |" in out
    assert out.count("| **all** | 22 |") == 2


def test_no_corpus_is_a_note_not_a_failure(
    bench: tuple[ModuleType, ModuleType], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, robustness = bench
    assert robustness.main([str(tmp_path)]) == 0
    assert "skipped" in capsys.readouterr().out
