# SPDX-License-Identifier: GPL-3.0-or-later
"""Time reading a document of each format against reading the same text as a ``.txt``.

Usage: ``python bench/documents_bench.py [--size-mb 1] [--repeat 5] [--pair DIR] [--only FMT]``.

The documents are LibreOffice's files of one corpus pair's side B (``DIR/b.*``,
by default the copy of ``pep0008_strunk_white`` in ``tests/data/documents``), their
body repeated until they hold
``--size-mb`` of text: a DOCX's ``w:body``, an ODT's ``office:text``, each EPUB
chapter's ``body``, an RTF's paragraphs, a web page's ``article``, and a PDF's
pages (with pypdf: the 10-page PDF repeated is a 300-page one). The baseline is
``DIR/b.txt`` repeated as often, read in the same run: the ratio column
is the figure to compare across machines.

Each read is ``load_document`` in a fresh interpreter (the reader's library is
imported as a user's first open imports it), timed inside it, wall and CPU; its
peak resident size (the child's own ``VmHWM``, Linux) is reported above the same interpreter's peak
after importing the loader alone. Medians of ``--repeat`` runs. A measurement,
not a test: it asserts nothing and always exits 0; a format whose reader fails
is a row note.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAIR = REPO / "tests" / "data" / "documents" / "pep0008_strunk_white"
OUT_FILE = REPO / "bench" / "out" / "documents.md"
MB = 1024 * 1024

#: what a child runs: read one file, print the time it took, the text's size and the
#: child's own peak (VmHWM: ``wait4``'s peak keeps the forking bench's size, on Linux)
_CHILD = """
import json, re, sys, time
from twofold.engine.load.decoding import load_document
report = {}
if sys.argv[1] != "-":
    wall, cpu = time.perf_counter(), time.process_time()
    doc = load_document(sys.argv[1])
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    report = {"wall": wall, "cpu": cpu, "bytes": len(doc.text.encode())}
with open("/proc/self/status") as status:
    report["peak_kb"] = int(re.search(r"VmHWM:\\s*(\\d+)", status.read()).group(1))
print(json.dumps(report))
"""


@dataclass
class Row:
    """One format's runs."""

    name: str
    path: Path | None = None
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peaks_kb: list[int] = field(default_factory=list)
    text_bytes: int = 0
    note: str = ""


# ------------------------------------------------------------------ building documents


def _repeat_between(data: str, start: re.Pattern[str], end: re.Pattern[str], times: int) -> str:
    """``data`` with what lies between the first ``start`` and the last ``end`` repeated."""
    opened = start.search(data)
    closes = list(end.finditer(data))
    if opened is None or not closes:
        raise ValueError(f"no {start.pattern} ... {end.pattern} to repeat")
    head, tail = opened.end(), closes[-1].start()
    return data[:head] + data[head:tail] * times + data[tail:]


def _rezip(source: Path, members: dict[str, Callable[[str], str]]) -> bytes:
    """``source``'s zip with the named members rewritten; ``mimetype`` stays first and stored."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            for name, change in members.items():
                if re.fullmatch(name, info.filename):
                    data = change(data.decode("utf-8")).encode("utf-8")
            kind = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            new.writestr(info.filename, data, compress_type=kind)
    return out.getvalue()


def _docx(source: Path, times: int) -> bytes:
    body = (re.compile(r"<w:body>"), re.compile(r"<w:sectPr"))
    return _rezip(source, {"word/document.xml": lambda xml: _repeat_between(xml, *body, times)})


def _odt(source: Path, times: int) -> bytes:
    text = (re.compile(r"</text:sequence-decls>|<office:text[^>]*>"), re.compile("</office:text>"))
    return _rezip(source, {"content.xml": lambda xml: _repeat_between(xml, *text, times)})


def _epub(source: Path, times: int) -> bytes:
    body = (re.compile(r"<body[^>]*>"), re.compile("</body>"))
    chapter = r"OEBPS/sections/.*\.xhtml"
    return _rezip(source, {chapter: lambda xml: _repeat_between(xml, *body, times)})


def _rtf(source: Path, times: int) -> bytes:
    text = source.read_bytes().decode("latin-1")
    paragraphs = (re.compile(r"\\sectd\s*"), re.compile(r"\\par\s*\}\s*$"))
    return _repeat_between(text, *paragraphs, times).encode("latin-1")


def _html(source: Path, times: int) -> bytes:
    article = (re.compile(r"<article>"), re.compile("</article>"))
    return _repeat_between(source.read_text("utf-8"), *article, times).encode("utf-8")


def _pdf(source: Path, times: int) -> bytes:
    import pypdf  # a test dependency: ``make bench`` installs the test extras

    writer = pypdf.PdfWriter()
    for _ in range(times):
        writer.append(pypdf.PdfReader(source))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _txt(source: Path, times: int) -> bytes:
    return source.read_bytes() * times


BUILDERS: dict[str, Callable[[Path, int], bytes]] = {
    "txt": _txt,
    "docx": _docx,
    "odt": _odt,
    "rtf": _rtf,
    "pdf": _pdf,
    "epub": _epub,
    "html": _html,
}


# ------------------------------------------------------------------ measuring


def _run_child(path: str) -> tuple[dict[str, float | int], str]:
    """One fresh interpreter reading ``path`` (``-``: nothing): its report, or its error."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "gui")}
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, path], capture_output=True, env=env, check=False
    )
    if run.returncode != 0:
        last = run.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["failed"]
        return {}, last[0]
    report: dict[str, float | int] = json.loads(run.stdout)
    return report, ""


def measure(row: Row, repeat: int) -> None:
    assert row.path is not None
    for _ in range(repeat):
        report, error = _run_child(str(row.path))
        if error:
            row.note = error
            return
        row.walls.append(float(report["wall"]))
        row.cpus.append(float(report["cpu"]))
        row.peaks_kb.append(int(report["peak_kb"]))
        row.text_bytes = int(report["bytes"])


def baseline_peak_kb(repeat: int) -> int:
    """The peak of an interpreter that imported the loader and read nothing."""
    return int(statistics.median(int(_run_child("-")[0]["peak_kb"]) for _ in range(repeat)))


# ------------------------------------------------------------------ report


def table(rows: list[Row], base_kb: int) -> str:
    text = next((row for row in rows if row.name == "txt" and row.walls), None)
    lines = [
        "| format | file MB | text MB | median s | CPU s | CPU s per MB of text "
        "| ratio to txt (wall) | ratio to txt (CPU) | peak MB above start |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        size = row.path.stat().st_size / MB if row.path is not None else 0.0
        if not row.walls:
            lines.append(f"| {row.name} | {size:.2f} | | | | | | | {row.note} |")
            continue
        wall, cpu = statistics.median(row.walls), statistics.median(row.cpus)
        text_mb = row.text_bytes / MB
        ratio = cpu_ratio = ""
        if text is not None:
            ratio = f"{wall / statistics.median(text.walls):.0f}x"
            cpu_ratio = f"{cpu / max(statistics.median(text.cpus), 1e-3):.0f}x"
        peak = (statistics.median(row.peaks_kb) - base_kb) / 1024
        lines.append(
            f"| {row.name} | {size:.2f} | {text_mb:.2f} | {wall:.3f} | {cpu:.3f} "
            f"| {cpu / text_mb:.3f} | {ratio} | {cpu_ratio} | {peak:.0f} |"
        )
    return "\n".join(lines)


def _pages(path: Path) -> int | str:
    """How many pages the built PDF has ("?" when it was not built)."""
    if not path.exists():
        return "?"
    import pypdf

    return len(pypdf.PdfReader(path).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0, help="text per document")
    parser.add_argument("--repeat", type=int, default=5, help="runs per format (median)")
    parser.add_argument("--pair", type=Path, default=PAIR, help="folder of b.txt, b.docx, ...")
    parser.add_argument("--only", action="append", help="formats to run (default: all)")
    args = parser.parse_args()
    folder = args.pair
    text_size = (folder / "b.txt").stat().st_size
    times = max(1, round(args.size_mb * MB / text_size))
    rows = [Row(name) for name in BUILDERS if not args.only or name in args.only]
    with tempfile.TemporaryDirectory(prefix="twofold-docbench-") as tmp:
        for row in rows:
            source = folder / f"b.{row.name}"
            try:
                row.path = Path(tmp) / f"b.{row.name}"
                row.path.write_bytes(BUILDERS[row.name](source, times))
            except (OSError, ValueError, ImportError) as exc:
                row.note = f"not built: {exc}"
                continue
            measure(row, args.repeat)
        base = baseline_peak_kb(args.repeat)
        report = table(rows, base)
        pages = _pages(Path(tmp) / "b.pdf")
    heading = (
        f"{folder.name} side B repeated {times}x (~{args.size_mb:g} MB of text; "
        f"the PDF {pages} pages), "
        f"median of {args.repeat} fresh runs; peak above an interpreter that imported "
        f"the loader ({base / 1024:.0f} MB)"
    )
    print(heading)
    print(report)
    OUT_FILE.parent.mkdir(parents=True, exist_ok=True)
    OUT_FILE.write_text(f"{heading}\n\n{report}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
