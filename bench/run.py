# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark ``twofold --json`` against ``git diff --word-diff`` on synthetic prose.

Run with ``make bench`` (or ``.venv/bin/python bench/run.py [--quick] [--repeat N]``).
A second table times ``--diff`` and ``--stat`` on the 98 KB pair where every line
differs, and ``--diff`` on a 250,000-line log (``line_pair.py``), wall and CPU,
beside git doing the same job.

This is a measurement, not a test: it never asserts on timings, it always exits 0,
and it reports a failing command as a row note instead of stopping. The pairs are
generated afresh in a temporary directory from a fixed seed, so two runs on the
same machine diff byte-identical inputs and can be compared directly.

The baseline is git's character-level word diff (``--word-diff-regex=.``): it is
the closest widely installed tool to what Twofold does (intra-line diff of long
reworded lines), so the ratio column says how far we are from a C implementation
doing comparable work.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import line_pair

REPO = Path(__file__).resolve().parent.parent
OUT_FILE = REPO / "bench" / "out" / "results.md"
DEMO_DIR = REPO / "resources" / "demo"

KB = 1024
MB = 1024 * 1024

# A few hundred common English words. Real words (not random letters) matter:
# prose diffs are dominated by short repeated tokens ("the", "of", "that"), and
# a diff algorithm's behaviour on that distribution is what we want to measure.
_VOCABULARY_TEXT = """
the of and to a in that is was he for it with as his on be at by had not are but
from or have an they which one you were her all she there would their we him been
has when who will more no if out so said what up its about into than them can only
other new some could time these two may then do first any my now such like our over
man me even most made after also did many before must through back years where much
your way well down should because each just those people how too little state good
very make world still own see men work long get here between both life being under
never day same another know while last might great old year off come since against
go came right used take three states himself few house use during without again
place around however home small found thought went say part once general high upon
school every does got united left number course war until always away something fact
though water less public put think almost hand enough far took head yet government
system better set told nothing night end why called didn't eyes find going look asked
later knew point next program city business give group toward young days let room
president side social present given several order national possible rather second
face per among form important often things looking early white case john become large
big need four within felt along children saw best church ever least power development
light thing seemed family interest want members mind country area others done turned
although open god service certain kind problem began different door thus help sense
means whole matter perhaps itself york times law human line above name example action
company hands local show whether five history gave today either act feet across taken
past quite anyone having seen death body experience half really week words field car
already information tell together college shall money period held keep sure free real
probably seems political cannot behind miss question air office making brought whose
special major heard federal became study ago moment known result street economic boy
position reason change south board individual job society areas west close turn love
community true court force full seem wife future age wanted department voice center
woman control common policy necessary following front sometimes six girl clear further
land run students provide feel party able mother music education university child
effect level stood military town short morning total outside rate figure class art
century washington north usually plan leave therefore evidence too million sound black
strong hard various believe type value play surface soon mean near table lines peace
modern tax road red book personal process situation minutes increase schools idea
english alone women gone nor living months america started longer dark variation
"""
VOCABULARY = _VOCABULARY_TEXT.split()

# Connectives give the sentences clause structure, so the clause swaps in
# `reword` have something to move around.
CONNECTIVES = ["and", "but", "while", "because", "although", "so that", "as", "yet"]


@dataclass(frozen=True)
class PairSpec:
    """One benchmark pair: its label, the target size of A, and how much of it is reworded."""

    name: str
    target_bytes: int
    reworded_fraction: float
    repeat: int


@dataclass
class RunStats:
    """Timings of one command on one pair; `error` is set when the command failed."""

    seconds: list[float] = field(default_factory=list)
    peak_rss_kb: int = 0
    error: str | None = None
    #: user + system time per timed run (``wait4``: the command and the children it reaped)
    cpu: list[float] = field(default_factory=list)

    @property
    def median(self) -> float | None:
        """Median wall time, or None when nothing was timed."""
        return statistics.median(self.seconds) if self.seconds else None

    @property
    def median_cpu(self) -> float | None:
        """Median CPU time, or None when nothing was timed."""
        return statistics.median(self.cpu) if self.cpu else None


@dataclass
class RowResult:
    """Everything one table row needs."""

    spec: PairSpec
    size_a: int
    size_b: int
    twofold: RunStats
    git: RunStats


# --------------------------------------------------------------------------- text generation


def demo_sentences() -> list[str]:
    """Real sentences from the bundled demo texts, so some of the prose is not synthetic.

    Returns an empty list if the demo files are missing; the vocabulary alone is enough.
    """
    sentences: list[str] = []
    for path in sorted(DEMO_DIR.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 2)[-1]
        for part in re.split(r"(?<=[.;])\s+", body.replace("\n", " ")):
            if len(part.split()) >= 6:
                sentences.append(part.strip())
    return sentences


def make_sentence(rng: random.Random) -> str:
    """A 2-4 clause sentence of vocabulary words, capitalised and terminated."""
    clauses = []
    for _ in range(rng.randint(2, 4)):
        words = rng.choices(VOCABULARY, k=rng.randint(4, 9))
        clauses.append(" ".join(words))
    text = clauses[0]
    for clause in clauses[1:]:
        joiner = ", " if rng.random() < 0.6 else f", {rng.choice(CONNECTIVES)} "
        text += joiner + clause
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "?", ";"])


def make_paragraph(rng: random.Random, real: list[str]) -> str:
    """One paragraph of 300-700 characters on a single line, like a reworded draft."""
    target = rng.randint(300, 700)
    parts: list[str] = []
    length = 0
    while length < target:
        use_real = bool(real) and rng.random() < 0.1
        sentence = rng.choice(real) if use_real else make_sentence(rng)
        if length + len(sentence) > 700 and length >= 300:
            break
        parts.append(sentence)
        length += len(sentence) + 1
    text = " ".join(parts)
    return text if len(text) <= 700 else text[:700].rsplit(" ", 1)[0]


def swap_clauses(rng: random.Random, paragraph: str) -> str:
    """Swap two neighbouring comma-separated clauses in one sentence of the paragraph."""
    sentences = paragraph.split(". ")
    index = rng.randrange(len(sentences))
    clauses = sentences[index].split(", ")
    if len(clauses) >= 2:
        i = rng.randrange(len(clauses) - 1)
        clauses[i], clauses[i + 1] = clauses[i + 1], clauses[i]
        sentences[index] = ", ".join(clauses)
    return ". ".join(sentences)


def reword(rng: random.Random, paragraph: str, rate: float = 0.15) -> str:
    """Replace, insert or delete about `rate` of the words, then swap a few clauses.

    This imitates an editor's pass over a paragraph: mostly substitutions, some
    insertions and cuts, and a clause or two moved. The paragraph stays one line.
    """
    out: list[str] = []
    for word in paragraph.split(" "):
        if rng.random() >= rate:
            out.append(word)
            continue
        op = rng.random()
        if op < 0.6:
            tail = word[-1] if word and word[-1] in ",.;?" else ""
            out.append(rng.choice(VOCABULARY) + tail)
        elif op < 0.8:
            out.extend([word, rng.choice(VOCABULARY)])
        # else: the word is deleted
    result = " ".join(out) or paragraph
    for _ in range(rng.randint(1, 3)):
        result = swap_clauses(rng, result)
    return result


def make_original(rng: random.Random, target_bytes: int, real: list[str]) -> list[str]:
    """Paragraphs for file A, stopping once the file would reach `target_bytes`."""
    paragraphs: list[str] = []
    size = 0
    while size < target_bytes:
        paragraph = make_paragraph(rng, real)
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return paragraphs


def make_revision(
    rng: random.Random, original: list[str], fraction: float, real: list[str]
) -> list[str]:
    """File B: reword `fraction` of A's paragraphs, then delete, insert and move a few.

    The structural edits are what make a paragraph aligner earn its keep: without
    them every paragraph pairs with its neighbour by position.
    """
    revised = list(original)
    count = round(len(revised) * fraction)
    for index in rng.sample(range(len(revised)), count):
        revised[index] = reword(rng, revised[index])
    edits = max(3, len(revised) // 1000)
    for _ in range(edits):
        del revised[rng.randrange(len(revised))]
    for _ in range(edits):
        revised.insert(rng.randrange(len(revised) + 1), make_paragraph(rng, real))
    for _ in range(edits):
        moved = revised.pop(rng.randrange(len(revised)))
        revised.insert(rng.randrange(len(revised) + 1), moved)
    return revised


def write_paragraphs(path: Path, paragraphs: list[str]) -> int:
    """Write paragraphs separated by blank lines; return the file size in bytes."""
    data = ("\n\n".join(paragraphs) + "\n").encode("utf-8")
    path.write_bytes(data)
    return len(data)


def generate_pair(spec: PairSpec, directory: Path, seed: int) -> tuple[Path, Path, int, int]:
    """Write the A/B files for `spec`; same seed and spec give byte-identical files."""
    rng = random.Random(f"{seed}:{spec.name}")
    real = demo_sentences()
    original = make_original(rng, spec.target_bytes, real)
    revised = make_revision(rng, original, spec.reworded_fraction, real)
    path_a = directory / f"{spec.name}-a.txt"
    path_b = directory / f"{spec.name}-b.txt"
    return (
        path_a,
        path_b,
        write_paragraphs(path_a, original),
        write_paragraphs(path_b, revised),
    )


# --------------------------------------------------------------------------- running commands


@dataclass
class Outcome:
    """One finished child process: wall time, peak RSS, exit code and its stderr text."""

    seconds: float
    peak_rss_kb: int
    exit_code: int
    stderr: str
    timed_out: bool
    #: the largest sum of the tree's proportional set sizes seen (sampled), 0 if unknown
    peak_pss_kb: int = 0
    #: user + system seconds of the process itself (its children not counted)
    cpu_seconds: float = 0.0


class _TreePeak(threading.Thread):
    """Peak RSS of a process and its descendants together (Twofold's refine helper).

    ``wait4`` gives the largest single process of the tree, not their sum.
    Every ``INTERVAL`` seconds this reads each live descendant's own peak
    (``VmHWM``, which the kernel keeps); the sum of the last readings is at
    least the tree's true peak, give or take the growth of a child in its last
    interval before it ends.
    """

    #: Why not every few milliseconds: the reads (a ``children`` file per thread of
    #: a Qt process) are work on a 2-core machine; every 5 ms they made the 1 MB
    #: pair's launch->PNG 0.1 s slower (2.17 against 2.06 s, medians of 4), for
    #: the same peaks (Twofold's helper lives until its window closes).
    INTERVAL = 0.05

    def __init__(self, pid: int, sample_pss: bool = False) -> None:
        super().__init__(daemon=True)
        self._root = pid
        self._sample_pss = sample_pss
        self._peaks: dict[int, int] = {}
        self._done = threading.Event()
        #: the largest summed PSS of one sample: pages the processes share (the
        #: Python and Qt libraries) counted once between them, not once in each.
        #: Only when asked: reading ``smaps_rollup`` takes ~2 ms of a core and the
        #: process's memory-map lock, and sampled with every run it made the 1 MB
        #: reworded pair complete 1.74 s after the request instead of 1.56.
        self.peak_pss_kb = 0

    def run(self) -> None:
        while not self._done.wait(self.INTERVAL):
            descendants = self._descendants()
            for pid in descendants:
                # The latest reading, not the largest: between fork and exec a child
                # shows its parent's pages; exec starts its count afresh.
                self._peaks[pid] = _vm_hwm_kb(pid) or self._peaks.get(pid, 0)
            if self._sample_pss:
                pss = sum(_pss_kb(pid) for pid in [self._root, *descendants])
                self.peak_pss_kb = max(self.peak_pss_kb, pss)

    def stop(self, root_peak_kb: int) -> int:
        """The tree's peak in KB, given the root's own peak from ``wait4``."""
        self._done.set()
        self.join()
        return root_peak_kb + sum(self._peaks.values())

    def _descendants(self) -> list[int]:
        found, todo = [], [self._root]
        while todo:
            pid = todo.pop()
            try:
                tasks = os.listdir(f"/proc/{pid}/task")
                kids = [
                    int(k)
                    for t in tasks
                    for k in Path(f"/proc/{pid}/task/{t}/children").read_text().split()
                ]
            except OSError:  # gone, or no /proc here (then only wait4's figure counts)
                continue
            found += kids
            todo += kids
        return found


def _pss_kb(pid: int) -> int:
    return _proc_kb(f"/proc/{pid}/smaps_rollup", "Pss:")


def _vm_hwm_kb(pid: int) -> int:
    return _proc_kb(f"/proc/{pid}/status", "VmHWM:")


def _proc_kb(path: str, field: str) -> int:
    """A ``field:  N kB`` line of a ``/proc`` file, 0 if the process is gone."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run_child(
    argv: list[str],
    stdout_path: str,
    env: dict[str, str],
    timeout: float,
    sample_pss: bool = False,
) -> Outcome:
    """Run `argv` once with stdout to `stdout_path` and measure it with ``os.wait4``.

    ``wait4`` returns the rusage of exactly this child, so the peak RSS is the
    command's own, not the sum of all earlier children that
    ``getrusage(RUSAGE_CHILDREN)`` would report; the peaks of the processes
    the command starts itself are added (``_TreePeak``).
    """
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=REPO)
        except OSError as exc:  # missing or non-executable command: a row note, not a crash
            return Outcome(0.0, 0, 127, f"cannot start {argv[0]}: {exc}", timed_out=False)
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            proc.kill()

        killer = threading.Timer(timeout, kill)
        killer.start()
        tree = _TreePeak(proc.pid, sample_pss)
        tree.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        seconds = time.perf_counter() - start
        peak_kb = tree.stop(int(usage.ru_maxrss))
        proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: tell Popen
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return Outcome(
        seconds,
        peak_kb,
        proc.returncode,
        stderr,
        killed.is_set(),
        peak_pss_kb=tree.peak_pss_kb,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
    )


def failure_message(outcome: Outcome, ok_codes: tuple[int, ...]) -> str | None:
    """Why this run counts as a failure, or None if it succeeded.

    Exit 1 alone is fine (diff tools use it for "files differ"), but Python also
    exits 1 on an uncaught exception, so a traceback on stderr is a failure too.
    """
    if outcome.timed_out:
        return f"timed out after {outcome.seconds:.0f} s"
    lines = [line for line in outcome.stderr.splitlines() if line.strip()]
    last = lines[-1].strip()[:160] if lines else "(no stderr)"
    if "Traceback (most recent call last)" in outcome.stderr:
        return f"traceback (exit {outcome.exit_code}): {last}"
    if outcome.exit_code not in ok_codes:
        return f"exit status {outcome.exit_code}: {last}"
    return None


def check_json(path: str) -> str | None:
    """Confirm the check run printed one JSON document; return an error message if not."""
    try:
        with open(path, encoding="utf-8") as handle:
            json.load(handle)
    except (ValueError, UnicodeDecodeError) as exc:
        return f"stdout is not valid JSON: {exc}"[:200]
    return None


def time_command(
    argv: list[str],
    repeat: int,
    env: dict[str, str],
    timeout: float,
    validate_json: bool,
) -> RunStats:
    """Run `argv` once untimed as a check (and warm-up), then `repeat` timed runs.

    The check run writes stdout to a temporary file so it can be validated; timed
    runs write to /dev/null, as the shell command ``... > /dev/null`` would. A
    failure stops the row early: repeating a crash only wastes time.
    """
    stats = RunStats()
    with tempfile.NamedTemporaryFile(suffix=".out", delete=False) as handle:
        check_path = handle.name
    try:
        outcome = run_child(argv, check_path, env, timeout)
        stats.error = failure_message(outcome, (0, 1))
        if stats.error is None and validate_json:
            stats.error = check_json(check_path)
    finally:
        os.unlink(check_path)
    if stats.error is not None:
        return stats
    for _ in range(repeat):
        outcome = run_child(argv, os.devnull, env, timeout)
        stats.error = failure_message(outcome, (0, 1))
        if stats.error is not None:
            break
        stats.seconds.append(outcome.seconds)
        stats.cpu.append(outcome.cpu_seconds)
        stats.peak_rss_kb = max(stats.peak_rss_kb, outcome.peak_rss_kb)
    return stats


def twofold_command() -> tuple[list[str], dict[str, str]]:
    """The installed entry point if there is one, else ``python -m twofold`` on gui/."""
    env = dict(os.environ)
    script = REPO / ".venv" / "bin" / "twofold"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)], env
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "gui"), env.get("PYTHONPATH")]))
    return [sys.executable, "-m", "twofold"], env


def git_env() -> dict[str, str]:
    """Environment that keeps the user's git config (pagers, external diff) out of the baseline."""
    env = dict(os.environ)
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, GIT_PAGER="cat")
    return env


GIT_ARGV = ["git", "diff", "--no-index", "--word-diff=porcelain", "--word-diff-regex=."]


# --------------------------------------------------------------------------- reporting


def fmt_size(size: int) -> str:
    """Human-readable size with binary units (KB = 1024 bytes)."""
    return f"{size / MB:.2f} MB" if size >= MB else f"{size / KB:.1f} KB"


def fmt_seconds(stats: RunStats) -> str:
    """Median seconds, or a pointer to the row note when the command failed."""
    if stats.error is not None:
        return "FAILED (see notes)"
    median = stats.median
    return "—" if median is None else f"{median:.3f}"


def fmt_ratio(twofold: RunStats, git: RunStats) -> str:
    """twofold / git median, when both exist."""
    a, b = twofold.median, git.median
    if twofold.error or git.error or a is None or b is None or b == 0:
        return "—"
    return f"{a / b:.1f}x"


def _cpu_ratio(twofold: RunStats, git: RunStats) -> str:
    """twofold / git median CPU (user + system, with the children each reaped)."""
    a, b = twofold.median_cpu, git.median_cpu
    if twofold.error or git.error or a is None or b is None or b == 0:
        return "—"
    return f"{a / b:.1f}x"


def table_row(row: RowResult) -> str:
    """One Markdown table row."""
    peak = (
        "—"
        if row.twofold.error or not row.twofold.peak_rss_kb
        else (f"{row.twofold.peak_rss_kb / 1024:.0f}")
    )
    cells = [
        row.spec.name,
        f"{fmt_size(row.size_a)} → {fmt_size(row.size_b)}",
        *_wall_and_cpu(row.twofold),
        *_wall_and_cpu(row.git),
        fmt_ratio(row.twofold, row.git),
        _cpu_ratio(row.twofold, row.git),
        peak,
    ]
    return "| " + " | ".join(cells) + " |"


def cpu_count() -> int:
    """What ``nproc`` prints: CPUs this process may run on, not all CPUs installed."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def git_version() -> str:
    """``git --version`` without the prefix, or a note if git is missing."""
    try:
        done = subprocess.run(["git", "--version"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "not found"
    return done.stdout.strip().removeprefix("git version ")


def header(twofold_argv: list[str]) -> str:
    """Machine line that makes results from different machines comparable."""
    return (
        f"nproc {cpu_count()} · Python {platform.python_version()} · git {git_version()}"
        f" · {platform.system()} {platform.machine()} · {time.strftime('%Y-%m-%d %H:%M')}\n\n"
        f"twofold: `{' '.join(twofold_argv)} --json A B > /dev/null`; "
        f"git: `{' '.join(GIT_ARGV)} A B > /dev/null` (medians of timed runs, after one "
        "untimed check run)"
    )


def render(rows: list[RowResult], twofold_argv: list[str]) -> str:
    """The whole report: header, table and one note per failed command."""
    lines = [
        "# Twofold benchmark",
        "",
        header(twofold_argv),
        "",
        "| pair | size | twofold wall s | twofold CPU s | git wall s | git CPU s "
        "| wall ratio | CPU ratio | twofold peak MB |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *(table_row(row) for row in rows),
    ]
    notes = [
        f"- {row.spec.name}, {tool}: {stats.error}"
        for row in rows
        for tool, stats in (("twofold", row.twofold), ("git", row.git))
        if stats.error
    ]
    if notes:
        lines += ["", "Notes:", *notes]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- main


def pair_specs(quick: bool, repeat: int | None) -> list[PairSpec]:
    """The pairs to run: four by default, the two smallest with ``--quick``."""
    specs = [
        PairSpec("100KB-10%", 100 * KB, 0.10, repeat or 5),
        PairSpec("1MB-10%", 1 * MB, 0.10, repeat or 5),
        PairSpec("1MB-100%", 1 * MB, 1.00, repeat or 5),
        PairSpec("10MB-10%", 10 * MB, 0.10, repeat or 3),
    ]
    return specs[:2] if quick else specs


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        description="Time twofold --json against git's character-level word diff."
    )
    parser.add_argument("--quick", action="store_true", help="only the 100 KB and 1 MB-10%% pairs")
    parser.add_argument(
        "--repeat", type=int, help="timed runs per command (default 5; 3 for 10 MB)"
    )
    parser.add_argument("--seed", type=int, default=1863, help="generator seed (default 1863)")
    parser.add_argument(
        "--timeout", type=float, default=600.0, help="seconds before one run is killed"
    )
    args = parser.parse_args(argv)
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def bench_pair(
    spec: PairSpec,
    directory: Path,
    args: argparse.Namespace,
    twofold: list[str],
    env: dict[str, str],
) -> RowResult:
    """Generate one pair and time both commands on it."""
    print(f"… {spec.name}: generating", file=sys.stderr, flush=True)
    path_a, path_b, size_a, size_b = generate_pair(spec, directory, args.seed)
    files = [str(path_a), str(path_b)]
    print(f"… {spec.name}: timing twofold x{spec.repeat}", file=sys.stderr, flush=True)
    twofold_stats = time_command(
        [*twofold, "--json", *files], spec.repeat, env, args.timeout, validate_json=True
    )
    print(f"… {spec.name}: timing git x{spec.repeat}", file=sys.stderr, flush=True)
    git_stats = time_command(
        [*GIT_ARGV, *files], spec.repeat, git_env(), args.timeout, validate_json=False
    )
    return RowResult(spec, size_a, size_b, twofold_stats, git_stats)


@dataclass(frozen=True)
class LineRow:
    """One text front on a line pair, beside the C tool doing the same job in the same run."""

    pair: str
    front: str
    twofold: RunStats
    baseline_argv: list[str]
    baseline: RunStats


#: each front timed on the line pair, with git doing the same job as its baseline
LINE_FRONTS = (
    ("--diff", ["git", "diff", "--no-index", "--histogram"]),
    ("--stat", ["git", "diff", "--no-index", "--stat"]),
)
#: lines a side of the log pair (``gui_bench.py``'s), where ``--diff`` was once quadratic
LOG_LINES = 250_000


def line_pair_rows(
    directory: Path, args: argparse.Namespace, twofold: list[str], env: dict[str, str]
) -> list[LineRow]:
    """Time ``--diff`` and ``--stat`` on the 98 KB pair where every line differs (issue 16),
    and ``--diff`` on the long log, where a histogram diff meets a region per change."""
    repeat = args.repeat or 5
    pairs = [
        ("98 KB, every line differs", line_pair.write_line_pair(directory, args.seed), LINE_FRONTS),
        (
            f"log, {LOG_LINES:,} lines",
            line_pair.write_log_pair(directory, args.seed, LOG_LINES),
            LINE_FRONTS[:1],
        ),
    ]
    rows = []
    for pair, paths, fronts in pairs:
        files = [str(p) for p in paths]
        for front, baseline in fronts:
            print(f"… {pair}: timing {front} and git x{repeat}", file=sys.stderr, flush=True)
            ours = time_command([*twofold, front, *files], repeat, env, args.timeout, False)
            theirs = time_command([*baseline, *files], repeat, git_env(), args.timeout, False)
            rows.append(LineRow(pair, front, ours, baseline, theirs))
    return rows


def _wall_and_cpu(stats: RunStats) -> list[str]:
    if stats.error is not None:
        return ["FAILED (see notes)", "—"]
    cpu = stats.median_cpu
    return [fmt_seconds(stats), "—" if cpu is None else f"{cpu:.3f}"]


def render_line_rows(rows: list[LineRow]) -> str:
    """The table of the line pair's rows, with a note per failed command."""
    lines = [
        "",
        "## `--diff` and `--stat` on the line pairs",
        "",
        f"`bench/line_pair.py`: {line_pair.LINES:,} one-letter lines a side, B's never A's"
        f" line; a {LOG_LINES:,}-line server log, 1 % of its lines edited and 100 gone;"
        " medians of the timed runs; CPU is user + system time of the command and the"
        " children it reaped.",
        "",
        "| pair | twofold | wall s | CPU s | baseline | wall s | CPU s | wall ratio | CPU ratio |",
        "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        cells = [
            row.pair,
            f"`{row.front}`",
            *_wall_and_cpu(row.twofold),
            f"`{' '.join(row.baseline_argv)}`",
            *_wall_and_cpu(row.baseline),
            fmt_ratio(row.twofold, row.baseline),
            _cpu_ratio(row.twofold, row.baseline),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    notes = [
        f"- {row.pair}, {name}: {stats.error}"
        for row in rows
        for name, stats in ((row.front, row.twofold), (row.baseline_argv[-1], row.baseline))
        if stats.error
    ]
    if notes:
        lines += ["", "Notes:", *notes]
    return "\n".join(lines) + "\n"


def compile_sources() -> None:
    """Write the bytecode of Twofold's sources, as installing it does, before timing launches.

    Why: where ``PYTHONDONTWRITEBYTECODE`` is set (some shells and containers set
    it) a checkout compiles its ~60 modules at every launch, 0.1-0.2 s that an
    installed Twofold (a wheel is compiled when installed) never spends.
    """
    compileall.compile_dir(str(REPO / "gui"), quiet=1)


def publish(report: str, out_file: Path) -> None:
    """Print a bench's table and keep a copy in bench/out/, the one place each bench writes."""
    print(report, end="")
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(report, encoding="utf-8")
    print(f"(saved to {out_file})", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run every pair, print the report and save it to bench/out/results.md."""
    args = parse_args(argv)
    compile_sources()
    twofold, env = twofold_command()
    if shutil.which("git") is None:
        print("warning: git not found; the baseline column will fail", file=sys.stderr)
    rows: list[RowResult] = []
    with tempfile.TemporaryDirectory(prefix="twofold-bench-") as tmp:
        for spec in pair_specs(args.quick, args.repeat):
            rows.append(bench_pair(spec, Path(tmp), args, twofold, env))
            for path in Path(tmp).iterdir():  # the 10 MB pair is big; keep /tmp lean
                path.unlink()
        line_rows = line_pair_rows(Path(tmp), args, twofold, env)
    report = render(rows, twofold) + render_line_rows(line_rows)
    publish(report, OUT_FILE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
