# SPDX-License-Identifier: GPL-3.0-or-later
"""The HTML report: well formed, every change highlighted and listed, hostile text inert."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from support import DEMO, doc, read_pair
from twofold.cli import main
from twofold.engine.export.export_html import render_html
from twofold.engine.load.decoding import load_document
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import PairKind, Side
from twofold.engine.result.model import DiffResult
from twofold.engine.result.summary import percent
from twofold.engine.view.highlights import inline_spans

DEMO_A, DEMO_B = DEMO / "gettysburg-nicolay.txt", DEMO / "gettysburg-bliss.txt"
HOSTILE = "<script>alert(1)</script> \"&'"

#: elements HTML closes implicitly or never; everything else must be closed
_VOID = {"meta", "col", "br", "link", "img", "hr", "input"}


class ReportParser(HTMLParser):
    """Counts tags, checks nesting, and collects what the report shows."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: Counter[str] = Counter()
        self.closed: Counter[str] = Counter()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.rows: list[dict[str, str]] = []  # one per <tr>: class, id, sign, cell texts
        self.marked: dict[str, list[str]] = {"del": [], "ins": []}
        self.text: list[str] = []
        self.attributes: set[str] = set()
        self.style = ""
        self._cell: str | None = None
        self._cells: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.opened[tag] += 1
        self.attributes.update(name for name, _ in attrs)
        if tag in _VOID:
            return
        self.stack.append(tag)
        attr = {k: v or "" for k, v in attrs}
        if tag == "tr":
            self.rows.append({"class": attr.get("class", ""), "id": attr.get("id", "")})
            self._cells = []
        elif tag in ("td", "th"):
            self._cell = ""
        elif tag in self.marked:
            self.marked[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        self.closed[tag] += 1
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()
        if tag in ("td", "th") and self._cell is not None:
            self._cells.append(self._cell)
            self._cell = None
        elif tag == "tr" and self.rows:
            self.rows[-1].update({f"cell{n}": c for n, c in enumerate(self._cells)})

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.style += data
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell += data
        for tag, runs in self.marked.items():
            if tag in self.stack:
                runs[-1] += data


def parse(page: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(page)
    parser.close()
    assert not parser.errors, parser.errors[:5]
    assert not parser.stack, parser.stack
    for tag in ("html", "table", "tbody", "tr", "td", "th", "del", "ins"):
        assert parser.opened[tag] == parser.closed[tag], tag
    return parser


def _expected_marks(result: DiffResult, side: Side) -> list[str]:
    text = result.document(side).text
    return [
        text[span.start : span.end]
        for pair in result.pairs
        for span in inline_spans(result, pair, side)
    ]


def _pep1() -> DiffResult:
    a, b = read_pair("pep1_mixed")
    return compare(doc(a, "pep-0001 (old).txt"), doc(b, "pep-0001 (new).txt"))


def _demo() -> DiffResult:
    return compare(load_document(DEMO_A), load_document(DEMO_B))


def _diff_rows(parser: ReportParser) -> list[dict[str, str]]:
    return [row for row in parser.rows if row["class"] in {k.value for k in PairKind}]


# ------------------------------------------------------------------ structure


@pytest.mark.parametrize("make", [_pep1, _demo], ids=["pep1_mixed", "demo"])
def test_every_change_is_highlighted_and_listed(make: Callable[[], DiffResult]) -> None:
    result = make()
    parser = parse(render_html(result))
    # every changed range, in reading order, is exactly one <del> or <ins>
    assert parser.marked["del"] == _expected_marks(result, Side.A)
    assert parser.marked["ins"] == _expected_marks(result, Side.B)
    changes = [row for row in _diff_rows(parser) if row["class"] != "equal"]
    assert [row["class"] for row in changes] == [p.kind.value for p in result.changes]
    assert [row["id"] for row in changes] == [f"change-{n + 1}" for n in range(len(changes))]
    signs = {"changed": "~", "inserted": "+", "deleted": "\u2212", "moved": "\u21c5"}
    assert all(row["cell2"] == signs[row["class"]] for row in changes)


def test_cells_hold_the_paragraphs_with_1_based_numbers() -> None:
    result = _demo()
    rows = _diff_rows(parse(render_html(result, context=None)))
    assert len(rows) == len(result.pairs)
    for row, pair in zip(rows, result.pairs, strict=True):
        for side, num, cell in ((Side.A, "cell0", "cell1"), (Side.B, "cell3", "cell4")):
            span = result.span_of(pair, side)
            assert span is not None
            assert row[cell] == result.document(side).text[span.start : span.end]
            first, last = pair.indices(side)[0] + 1, pair.indices(side)[-1] + 1
            assert row[num] == (str(first) if first == last else f"{first}\u2013{last}")


def test_header_names_documents_and_summarises() -> None:
    result = _pep1()
    page = render_html(result)
    text = "".join(parse(page).text)
    for document in (result.a, result.b):
        assert document.label in text
        assert document.encoding in text
    assert f"{result.stats.changes} changes:" in text
    assert f"{result.stats.words_deleted} words deleted" in text
    assert "prefers-color-scheme: dark" in page
    assert "print-color-adjust: exact" in page
    assert "white-space: pre-wrap" in page


def test_self_contained() -> None:
    parser = parse(render_html(_pep1()))  # the text itself holds URLs: look at markup only
    assert not {"script", "link", "img", "iframe", "object"} & set(parser.opened)
    assert not {"src", "href", "srcset", "style"} & parser.attributes
    assert not [name for name in parser.attributes if name.startswith("on")]
    assert "url(" not in parser.style
    assert "@import" not in parser.style


def test_moved_pairs_say_where_from() -> None:
    result = _pep1()
    moved = [p for p in result.pairs if p.kind is PairKind.MOVED]
    assert moved, "the fixture has moves"
    text = "".join(parse(render_html(result)).text)
    for pair in moved:
        assert f"moved from \u00b6{pair.a[0] + 1}, {percent(pair.similarity)} similar" in text


def test_changed_pairs_show_their_pairing_score() -> None:
    """The similarity the sidebar shows for a change, the report shows on its sign."""
    result = _pep1()
    page = render_html(result, context=None)
    titles = re.findall(r'<td class="sign" title="([^"]*)">', page)
    expected = [
        f"{p.kind.value}, {percent(p.similarity)} similar"
        if p.kind in (PairKind.CHANGED, PairKind.MOVED)
        else p.kind.value
        for p in result.pairs
    ]
    assert titles == expected
    assert any(p.kind is PairKind.CHANGED for p in result.pairs)


# ----------------------------------------------------------------- collapsing


def _long(changes_at: tuple[int, ...], n: int = 41) -> DiffResult:
    a = "\n\n".join(f"Paragraph number {k} stays." for k in range(n))
    b = "\n\n".join(
        f"Paragraph number {k} {'moves on' if k in changes_at else 'stays'}." for k in range(n)
    )
    return compare(doc(a), doc(b))


def _skips(parser: ReportParser) -> list[int]:
    rows = [row for row in parser.rows if row["class"] == "skip"]
    return [int(re.findall(r"\d+", row["cell0"])[0]) for row in rows]


@pytest.mark.parametrize(
    ("context", "shown", "skips"),
    [(2, [18, 19, 20, 21, 22], [18, 18]), (0, [20], [20, 20]), (None, list(range(41)), [])],
)
def test_equal_runs_collapse(context: int | None, shown: list[int], skips: list[int]) -> None:
    parser = parse(render_html(_long((20,)), context=context))
    assert [int(row["cell0"]) - 1 for row in _diff_rows(parser)] == shown
    assert _skips(parser) == skips
    assert sum(skips) + len(shown) == 41


def test_collapsed_counts_add_up_on_real_prose() -> None:
    result = _pep1()
    parser = parse(render_html(result))
    equal_rows = sum(1 for row in _diff_rows(parser) if row["class"] == "equal")
    equal_pairs = sum(1 for p in result.pairs if p.kind is PairKind.EQUAL)
    assert _skips(parser), "pep1 has long unchanged runs"
    assert equal_rows + sum(_skips(parser)) == equal_pairs
    assert "unchanged paragraphs \u2026" in "".join(parser.text)


def test_a_lone_unchanged_pair_is_shown_not_collapsed() -> None:
    parser = parse(render_html(_long((10, 14)), context=1))
    assert [int(row["cell0"]) - 1 for row in _diff_rows(parser)] == list(range(9, 16))


def test_identical_texts() -> None:
    result = _long(())
    parser = parse(render_html(result))
    assert "No differences." in "".join(parser.text)
    assert _skips(parser) == [41]
    with pytest.raises(ValueError, match="negative"):
        render_html(result, context=-1)


# ------------------------------------------------------------------- escaping


def test_hostile_text_and_labels_are_escaped() -> None:
    a = f"Intro.\n\nSay {HOSTILE} now.\n\nCtrl\x0bchar\x1b end.\n"
    b = f"Intro.\n\nSay {HOSTILE} later.\n\nNew {HOSTILE}\n"
    result = compare(doc(a, f"{HOSTILE}.txt"), doc(b, f"b{HOSTILE}"))
    page = render_html(result)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#x27;" in page
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", page), "controls are shown as pictures"
    parser = parse(page)
    assert parser.opened["script"] == 0
    text = "".join(parser.text)
    assert f"A: {HOSTILE}.txt" in text
    assert f"B: b{HOSTILE}" in text
    assert f"Say {HOSTILE} " in text
    assert "Ctrl\u240bchar\u241b end." in text
    assert f"New {HOSTILE}" in parser.marked["ins"]


def test_hidden_characters_are_badges_named_in_a_tooltip(tmp_path: Path) -> None:
    """Trojan Source: a change made only of a direction control or a zero-width space shows.

    Written raw, a browser obeyed the override and drew the zero-width space as
    nothing: both lines read the same on both sides.
    """
    rlo, zwsp = "\u202e", "\u200b"
    a, b, out = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "report.html"
    a.write_text("The total is ready.\n\nAccess is granted.\n", "utf-8")
    b.write_text(f"The to{rlo}tal is ready.\n\nAccess is gran{zwsp}ted.\n", "utf-8")
    label = f"invoice{rlo}fdp.exe"
    args = ["--report", str(out), "--granularity", "character", "--label", "a.txt", "--label"]
    assert main([*args, label, str(a), str(b)]) == 1
    page = out.read_text("utf-8")
    assert not re.search("[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]", page)
    parser = parse(page)
    assert not parser.errors
    assert parser.marked["ins"] == ["\u27e8U+202E\u27e9", "\u27e8U+200B\u27e9"]
    assert [row["class"] for row in parser.rows if row["class"]] == ["changed", "changed"]
    assert '<span class="hidden" title="U+202E RIGHT-TO-LEFT OVERRIDE: ' in page
    assert '<span class="hidden" title="U+200B ZERO WIDTH SPACE: ' in page
    assert "B: invoice\u27e8U+202E\u27e9fdp.exe" in "".join(parser.text)
    assert "<title>Twofold: a.txt \u2192 invoice\u27e8U+202E\u27e9fdp.exe</title>" in page


# ------------------------------------------------------------------------- CLI


def test_cli_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.html"
    before = DEMO_A.read_bytes(), DEMO_B.read_bytes()
    assert main(["--report", str(out), str(DEMO_A), str(DEMO_B)]) == 1
    assert capsys.readouterr() == ("", "")
    assert out.read_text("utf-8") == render_html(_demo())
    assert (DEMO_A.read_bytes(), DEMO_B.read_bytes()) == before


def test_cli_report_of_identical_files(tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    assert main(["--report", str(out), str(DEMO_A), str(DEMO_A)]) == 0
    assert "No differences." in out.read_text("utf-8")


@pytest.mark.parametrize("target", ["left", "right", "link"])
def test_cli_refuses_to_overwrite_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text("one\n", "utf-8")
    right.write_text("two\n", "utf-8")
    (tmp_path / "link.html").symlink_to(right)
    out = {"left": left, "right": right, "link": tmp_path / "link.html"}[target]
    assert main(["--report", str(out), str(left), str(right)]) == 2
    err = capsys.readouterr()
    assert err.out == ""
    assert len(err.err.strip().splitlines()) == 1
    assert "is one of the compared files" in err.err
    assert (left.read_text("utf-8"), right.read_text("utf-8")) == ("one\n", "two\n")


def test_cli_unwritable_report_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing-folder" / "out.html"
    assert main(["--report", str(out), str(DEMO_A), str(DEMO_B)]) == 2
    err = capsys.readouterr().err
    assert err == f'twofold: "{out}" cannot be written: its folder does not exist.\n'
