# SPDX-License-Identifier: GPL-3.0-or-later
"""Derive cases with fresh, seeded structure from the aligned cases' real rewordings.

What ``eval_robustness.py`` scores. From a case, the true links are read as
units in order (a unit: the paragraphs linked together, 1:1 or k:m); a window
of them is cut with a seeded generator and one kind of edit is scripted on it,
the truth following every step:

- ``plain``: the window alone, reworded in order;
- ``indel``: deletions and insertions in runs of 1-4, inserted paragraphs
  from outside the window (same book, same translation) or from another case;
- ``boiler``: site boilerplate (navigation, licences; written here, not the
  development set's) at the top, bottom and middle, different on each side;
- ``move``: blocks of 1-5 units moved far or near (reworded moves);
- ``merge`` / ``split``: 2 or 3 neighbouring units run together on B / on A;
- ``sentsplit``: a paragraph cut in two at a sentence end;
- ``wrap``: both sides hard-wrapped at widths drawn from 50-90, a few indels;
- ``replace``: runs of 1-5 B paragraphs replaced in place by others of the same
  book (the reader sees them replaced, a positional pairing pairs them);
- ``negative``: two disjoint windows, no link at all;
- ``mixed``: all of it at once, in smaller amounts.

Inserted and replacing paragraphs never share 40 % or more of their word
bigrams with a paragraph of A (the development set's own rule against
doublets and refrains). Moves are the links off the chain of units that stays
in order (the corpus README's rule); a moved block is displaced by more than
twice its length, so that chain is never in doubt. Pure: the same case, kind
and seed give the same texts.
"""

from __future__ import annotations

import json
import random
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

#: A link: paragraph ``a`` of A renders paragraph ``b`` of B.
Link = tuple[int, int]

KINDS = (
    "plain",
    "indel",
    "boiler",
    "move",
    "merge",
    "split",
    "sentsplit",
    "wrap",
    "replace",
    "negative",
    "mixed",
)

BOILERPLATE = (
    "Skip to main content",
    "Home | Library | Search | About us | Contact",
    "Share this page: Facebook, Twitter, Email, Print",
    "This text is in the public domain. You may copy and share it freely.",
    "Previous chapter | Table of contents | Next chapter",
    "Subscribe to our newsletter to get a new reading in your inbox every morning.",
    "Report a typo or an error in this text by writing to the editors.",
    "Copyright 2009-2024 The Reading Room. All rights reserved. Terms of use.",
    "Advertisement",
    "Was this page helpful? Yes / No",
    "Read the whole book online, or download it as PDF, EPUB or plain text.",
    "Posted by admin in Daily readings. 12 comments.",
    "Related passages: see the concordance and the cross references below.",
    "Listen to this chapter (audio, 14 minutes)",
)

_SENTENCE_END = re.compile(r"(?<=[.;:?!])\s+(?=[A-Z\"'(])")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Unit:
    """Paragraphs that render one another, and which of them are linked (local indices)."""

    a: tuple[str, ...]
    b: tuple[str, ...]
    links: tuple[Link, ...]
    moved: bool = False


@dataclass(frozen=True, slots=True)
class Source:
    """A development case read as units in A order, and paragraphs with no counterpart."""

    name: str
    family: str
    units: tuple[Unit, ...]
    spare_a: tuple[str, ...]
    spare_b: tuple[str, ...]


def paragraphs(path: Path) -> list[str]:
    """The paragraphs of a corpus text, hard-wrapped lines joined."""
    text = path.read_text(encoding="utf-8")
    return [" ".join(p.split("\n")) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def read_source(case: Path) -> Source:
    truth = json.loads((case / "truth.json").read_text(encoding="utf-8"))
    pa, pb = paragraphs(case / "a.txt"), paragraphs(case / "b.txt")
    parent = {("a", i): ("a", i) for i in range(len(pa))}
    parent.update({("b", j): ("b", j) for j in range(len(pb))})

    def root(x: tuple[str, int]) -> tuple[str, int]:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, j in truth["links"]:
        parent[root(("a", i))] = root(("b", j))
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for i, j in truth["links"]:
        a_idx, b_idx = groups.setdefault(root(("a", i)), ([], []))
        a_idx.append(i)
        b_idx.append(j)
    units = []
    for a_idx, b_idx in sorted(groups.values(), key=lambda g: min(g[0])):
        sa, sb = sorted(set(a_idx)), sorted(set(b_idx))
        links = tuple((sa.index(i), sb.index(j)) for i, j in zip(a_idx, b_idx, strict=True))
        units.append(Unit(tuple(pa[i] for i in sa), tuple(pb[j] for j in sb), links))
    a_labels, b_labels = truth["a_labels"], truth["b_labels"]
    spare_a = tuple(pa[i] for i in truth["deleted"] if "boilerplate" not in a_labels[i])
    spare_b = tuple(pb[j] for j in truth["inserted"] if "boilerplate" not in b_labels[j])
    return Source(case.name, truth["family"], tuple(units), spare_a, spare_b)


@dataclass(slots=True)
class Draft:
    """A case being scripted: units in A order, each with its place on B."""

    units: list[Unit]
    b_place: list[float]
    pool_a: list[str]
    pool_b: list[str]
    wrap: tuple[int, int] = (0, 0)


def _bigrams(text: str) -> set[tuple[str, str]]:
    w = _WORD.findall(text.lower())
    return set(pairwise(w))


def _unrelated(text: str, a_bigrams: list[set[tuple[str, str]]]) -> bool:
    own = _bigrams(text)
    return not own or all(len(own & other) < 0.4 * len(own) for other in a_bigrams)


def _pools(src: Source, others: list[Source], lo: int, hi: int, rng: random.Random) -> Draft:
    """The window, and what insertions draw from: A from before it, B from after it.

    The pools come from disjoint parts (and another case of the family), so an
    inserted A paragraph never has its own rendering inserted on B.
    """
    window = list(src.units[lo:hi])
    kin = [o for o in others if o.family == src.family and o.name != src.name] or others
    other = rng.choice(kin)
    half = len(other.units) // 2
    pool_a = [p for u in src.units[:lo] for p in u.a] + list(src.spare_a)
    pool_a += [p for u in other.units[:half] for p in u.a]
    pool_b = [p for u in src.units[hi:] for p in u.b] + list(src.spare_b)
    pool_b += [p for u in other.units[half:] for p in u.b]
    a_bigrams = [_bigrams(p) for p in [*(p for u in window for p in u.a), *pool_a]]
    pool_b = [p for p in pool_b if _unrelated(p, a_bigrams)]
    rng.shuffle(pool_a)
    rng.shuffle(pool_b)
    return Draft(window, [float(n) for n in range(len(window))], pool_a, pool_b)


def _positions(rng: random.Random, size: int, count: int) -> list[int]:
    return sorted(rng.sample(range(size), min(count, size)), reverse=True)


def indel(d: Draft, rng: random.Random, ops: int) -> None:
    """Delete runs of B (A left alone) and insert runs from the pools, on either side."""
    for at in _positions(rng, len(d.units), ops):
        run = rng.choice((1, 1, 2, 3, 4))
        what = rng.choice(("del", "ins_b", "ins_b", "ins_a"))
        if what == "del":
            for k in range(at, min(at + run, len(d.units))):
                if not d.units[k].moved:
                    d.units[k] = Unit(d.units[k].a, (), ())
            continue
        pool = d.pool_b if what == "ins_b" else d.pool_a
        new = [
            Unit((), (pool.pop(),), ()) if what == "ins_b" else Unit((pool.pop(),), (), ())
            for _ in range(min(run, len(pool)))
        ]
        place = d.b_place[at] - 0.5
        d.units[at:at] = new
        d.b_place[at:at] = [place + k * 0.01 for k in range(len(new))]


def boiler(d: Draft, rng: random.Random) -> None:
    """Site boilerplate on both sides, each side its own, at the top, bottom and middle."""
    texts = list(BOILERPLATE)
    rng.shuffle(texts)
    half = len(texts) // 2
    for side, mine in (("a", texts[:half]), ("b", texts[half:])):
        top, bottom = rng.randint(1, 3), rng.randint(1, 3)
        middle = rng.randint(0, 2)
        spots = [(-1.0, mine[:top]), (len(d.units) + 1.0, mine[top : top + bottom])]
        if middle:
            spots.append((rng.randrange(len(d.units)) + 0.5, mine[top + bottom :][:middle]))
        for place, paras in spots:
            for k, text in enumerate(paras):
                unit = Unit((text,), (), ()) if side == "a" else Unit((), (text,), ())
                _insert_at(d, place + k * 0.01, unit)


def _insert_at(d: Draft, place: float, unit: Unit) -> None:
    """Insert ``unit`` where its B place puts it (A order follows B for one-sided units)."""
    at = next((n for n, p in enumerate(d.b_place) if p > place), len(d.units))
    d.units.insert(at, unit)
    d.b_place.insert(at, place)


def move(d: Draft, rng: random.Random, blocks: int) -> None:
    """Move blocks of 1-5 units on B, each displaced by more than twice its length."""
    for _ in range(blocks):
        size = rng.choice((1, 1, 2, 3, 4, 5))
        n = len(d.units)
        for _attempt in range(20):
            at = rng.randrange(n - size)
            to = rng.randrange(n)
            block = range(at, at + size)
            far = min(abs(to - at), abs(to - (at + size))) > 2 * size + 1
            if far and all(d.units[k].links and not d.units[k].moved for k in block):
                break
        else:
            continue
        for off, k in enumerate(block):
            d.units[k] = replace(d.units[k], moved=True)
            d.b_place[k] = d.b_place[to] - 0.5 + 0.001 * (off + 1)


def join(d: Draft, rng: random.Random, count: int, side: str) -> None:
    """Run 2 or 3 neighbouring 1:1 units together into one paragraph on ``side``."""
    for at in _positions(rng, len(d.units) - 2, count):
        k = rng.choice((2, 2, 3))
        parts = d.units[at : at + k]
        one_to_one = all(len(u.a) == len(u.b) == 1 and not u.moved for u in parts)
        if len(parts) < k or not one_to_one:
            continue
        if side == "b":
            unit = Unit(
                tuple(u.a[0] for u in parts),
                (" ".join(u.b[0] for u in parts),),
                tuple((n, 0) for n in range(k)),
            )
        else:
            unit = Unit(
                (" ".join(u.a[0] for u in parts),),
                tuple(u.b[0] for u in parts),
                tuple((0, n) for n in range(k)),
            )
        d.units[at : at + k] = [unit]
        d.b_place[at : at + k] = [d.b_place[at]]


def sentsplit(d: Draft, rng: random.Random, count: int) -> None:
    """Cut a B paragraph in two at a sentence end (both halves render the A paragraph)."""
    for at in _positions(rng, len(d.units), count):
        u = d.units[at]
        if len(u.a) != 1 or len(u.b) != 1:
            continue
        cuts = [m.start() for m in _SENTENCE_END.finditer(u.b[0])]
        if not cuts:
            continue
        cut = rng.choice(cuts)
        halves = (u.b[0][:cut].strip(), u.b[0][cut:].strip())
        d.units[at] = Unit(u.a, halves, ((0, 0), (0, 1)), u.moved)


def replace_b(d: Draft, rng: random.Random, runs: int) -> None:
    """Replace runs of 1-5 B paragraphs in place by unrelated ones of the same book."""
    for at in _positions(rng, len(d.units), runs):
        run = range(at, min(at + rng.randint(1, 5), len(d.units)))
        taken = [k for k in run if len(d.units[k].a) == len(d.units[k].b) == 1]
        taken = [k for k in taken if not d.units[k].moved][: len(d.pool_b)]
        for k in reversed(taken):
            d.units[k] = Unit(d.units[k].a, (), ())
            d.units.insert(k + 1, Unit((), (d.pool_b.pop(),), ()))
            d.b_place.insert(k + 1, d.b_place[k] + 0.001)


def build(
    src: Source, others: list[Source], kind: str, seed: int
) -> tuple[str, str, set[Link], set[Link]]:
    """The texts of A and B, the true links and the true moves of one derived case."""
    rng = random.Random(f"{src.name}/{kind}/{seed}")
    n = len(src.units)
    if kind == "negative":
        half = n // 2
        a_units = src.units[: half - 2]
        b_units = src.units[half + 2 :]
        a_bigrams = [_bigrams(p) for u in src.units for p in u.a]
        pa = [p for u in a_units for p in u.a]
        pb = [p for u in b_units for p in u.b if _unrelated(p, a_bigrams)]
        return _text(pa, 0), _text(pb, 0), set(), set()
    size = max(min(n, 20), int(n * rng.uniform(0.55, 0.8)))
    lo = rng.randint(0, n - size)
    d = _pools(src, others, lo, lo + size, rng)
    scale = max(1, size // 25)
    steps: dict[str, Callable[[], None]] = {
        "plain": lambda: None,
        "indel": lambda: indel(d, rng, 3 * scale),
        "boiler": lambda: boiler(d, rng),
        "move": lambda: move(d, rng, rng.randint(1, 3)),
        "merge": lambda: join(d, rng, 3 * scale, "b"),
        "split": lambda: join(d, rng, 3 * scale, "a"),
        "sentsplit": lambda: sentsplit(d, rng, 3 * scale),
        "wrap": lambda: (indel(d, rng, 2), _set_wrap(d, rng)),
        "replace": lambda: replace_b(d, rng, 1 + scale),
        "mixed": lambda: _mixed(d, rng, scale),
    }
    steps[kind]()
    return _render(d)


def _set_wrap(d: Draft, rng: random.Random) -> None:
    d.wrap = (rng.randint(50, 90), rng.randint(50, 90))


def _mixed(d: Draft, rng: random.Random, scale: int) -> None:
    join(d, rng, scale, "b")
    join(d, rng, scale, "a")
    sentsplit(d, rng, scale)
    move(d, rng, rng.randint(1, 2))
    replace_b(d, rng, 1)
    indel(d, rng, 2 * scale)
    boiler(d, rng)
    if rng.random() < 0.5:
        _set_wrap(d, rng)


def _render(d: Draft) -> tuple[str, str, set[Link], set[Link]]:
    a_at: list[int] = []
    pa: list[str] = []
    for u in d.units:
        a_at.append(len(pa))
        pa.extend(u.a)
    order = sorted(range(len(d.units)), key=lambda k: (d.b_place[k], k))
    b_at = [0] * len(d.units)
    pb: list[str] = []
    for k in order:
        b_at[k] = len(pb)
        pb.extend(d.units[k].b)
    links = {(a_at[k] + i, b_at[k] + j) for k, u in enumerate(d.units) for i, j in u.links}
    stay = _in_order([(k, a_at[k], b_at[k], u) for k, u in enumerate(d.units) if u.links])
    moves = {
        (a_at[k] + i, b_at[k] + j)
        for k, u in enumerate(d.units)
        if u.links and k not in stay
        for i, j in u.links
    }
    return _text(pa, d.wrap[0]), _text(pb, d.wrap[1]), links, moves


def _in_order(units: list[tuple[int, int, int, Unit]]) -> set[int]:
    """Which linked units ``(number, first A, first B, unit)`` stay: the chain with the most links.

    The corpus's rule for moves, on units; on a tie the units not scripted as
    moved stay. Quadratic, which the few hundred units of a case allow.
    """
    weight = [len(u.links) + (0.0 if u.moved else 1e-3) for *_, u in units]
    best = weight[:]
    back = [-1] * len(units)
    for k, (_n, a, b, _u) in enumerate(units):
        for m in range(k):
            if units[m][1] < a and units[m][2] < b and best[m] + weight[k] > best[k]:
                best[k], back[k] = best[m] + weight[k], m
    k = max(range(len(units)), key=best.__getitem__, default=-1)
    keep = set()
    while k != -1:
        keep.add(k)
        k = back[k]
    return {units[k][0] for k in keep}


def _text(paras: list[str], width: int) -> str:
    if width:
        paras = [textwrap.fill(p, width, break_long_words=False) for p in paras]
    return "\n\n".join(paras) + "\n"
