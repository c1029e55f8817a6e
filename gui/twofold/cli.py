# SPDX-License-Identifier: GPL-3.0-or-later
"""The ``twofold`` command: one program for the window and the text fronts.

``--json``, ``--stat``, ``--diff`` and ``--report`` never import Qt (an
import-linter contract keeps Qt out of this module), so they run on servers
and in CI without a display.
Exit status follows diff(1): 0 same, 1 different, 2 trouble; trouble is one
line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import NoReturn

from twofold import __version__
from twofold.cli_output import HelpFormatter, stdout_errors, write_comparison_json, write_line
from twofold.cli_output import json_for_terminal as json_for_terminal  # its old home
from twofold.engine.errors import TwofoldError
from twofold.engine.load.decoding import load_document_and_bytes
from twofold.engine.load.documents.extracted import ReadLimits
from twofold.engine.load.standard_input import STDIN, StandardInputFile, load_stream
from twofold.engine.load.text_decoding import content_digest
from twofold.engine.parallel.tuning import COMMAND_LINE_TUNING, ParallelTuning
from twofold.engine.pipeline import compare, refine
from twofold.engine.result.kinds import Granularity, Unit
from twofold.engine.result.model import CompareOptions, DiffResult, Document
from twofold.process_setup import collections_held, end_process, exempt_from_gc

EXIT_SAME, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="twofold",
        formatter_class=HelpFormatter,
        description="Compare two texts paragraph by paragraph, showing which words changed.",
    )
    parser.add_argument("left", nargs="?", help="the older version (A); - for standard input")
    parser.add_argument("right", nargs="?", help="the newer version (B); - for standard input")
    # More files come from a launcher's %F; the window names what it left out.
    parser.add_argument("more", nargs="*", help=argparse.SUPPRESS)
    front = parser.add_mutually_exclusive_group()
    front.add_argument("--json", action="store_true", help="write the comparison as JSON")
    front.add_argument("--stat", action="store_true", help="print a short summary")
    front.add_argument("--diff", action="store_true", help="print a unified diff of the lines")
    front.add_argument("--report", metavar="HTML", help="write a self-contained HTML report")
    front.add_argument("--screenshot", metavar="PNG", help="render the window to a PNG")
    front.add_argument(
        "--text",
        action="store_true",
        help="print the text Twofold compares for one file (what a document reads as)",
    )
    parser.add_argument("--demo", action="store_true", help="compare the bundled demo pair")
    parser.add_argument(
        "--whole-page",
        action="store_true",
        help="compare a web page whole (navigation, footer and all), not only its article",
    )
    parser.add_argument(
        "--as-text",
        action="store_true",
        help="compare every file's own bytes as text: an HTML or RTF file's markup, "
        "not the document it makes",
    )
    parser.add_argument("--unit", choices=[u.value for u in Unit], default=Unit.AUTO.value)
    parser.add_argument(
        "--granularity", choices=[g.value for g in Granularity], default=Granularity.WORD.value
    )
    parser.add_argument("-w", "--ignore-whitespace", action="store_true")
    parser.add_argument("-i", "--ignore-case", action="store_true")
    parser.add_argument(
        "--ignore-typography",
        action="store_true",
        help="treat curly and straight quotes, dash kinds and no-break spaces alike",
    )
    parser.add_argument(
        "--strip-trailing-cr",
        "--ignore-eol",
        action="store_true",
        help="treat CRLF, CR and LF line endings alike",
    )
    parser.add_argument(
        "-B",
        "--ignore-blank-lines",
        action="store_true",
        help="ignore blank lines added or removed (with -w, lines of white space too)",
    )
    parser.add_argument("--no-moves", action="store_true", help="do not detect moved paragraphs")
    parser.add_argument(
        "--label",
        action="append",
        default=[],
        help="display name for A, then B (repeat; for git difftool's temporary files)",
    )
    parser.add_argument("--version", action="version", version=f"twofold {__version__}")
    return parser


def options_from(args: argparse.Namespace) -> CompareOptions:
    return CompareOptions(
        unit=Unit(args.unit),
        granularity=Granularity(args.granularity),
        ignore_whitespace=args.ignore_whitespace,
        ignore_case=args.ignore_case,
        ignore_typography=args.ignore_typography,
        strip_trailing_cr=args.strip_trailing_cr,
        ignore_blank_lines=args.ignore_blank_lines,
        detect_moves=not args.no_moves,
    )


def _options_given(args: argparse.Namespace) -> bool:
    return options_from(args) != CompareOptions()


#: What a text front calls with its exit status once its output is written, while the
#: comparison is still held: ``end_process`` for the ``twofold`` command (``run``).
Finish = Callable[[int], object]


def run() -> NoReturn:
    """The ``twofold`` command and ``python -m twofold``: ``main``, then the process ends.

    A text front ends the process as soon as its output is written, without
    freeing its comparison (see ``process_setup.end_process``); the window, and
    every caller of ``main``, returns as before.
    """
    sys.exit(main(finish=end_process))


def main(
    argv: Sequence[str] | None = None,
    tuning: ParallelTuning = COMMAND_LINE_TUNING,
    *,
    finish: Finish | None = None,
) -> int:
    """Run the command line; ``tuning`` says when a text front's helper process is worth it.

    ``finish``: called with a comparing text front's status once its output is
    written and any helper process has stopped; whatever it returns, ``main``
    then returns that status.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    labels = [*args.label, None, None][:2]
    if args.demo and (args.left or args.right):
        parser.error("--demo compares the bundled pair: give no files with it")
    if args.more and (args.json or args.stat or args.diff or args.report or args.screenshot):
        parser.error(f"give two files to compare, not {2 + len(args.more)}")
    if args.left == STDIN and args.right == STDIN:
        parser.error("only one side can be read from standard input")
    if args.text:
        if not args.left or args.right or args.demo:
            parser.error("--text prints the text of one file: give one file")
        return _run_text(args.left, labels[0], _limits(args))
    if args.json or args.stat or args.diff or args.report:
        if args.demo and not _use_demo_pair(args):
            return EXIT_TROUBLE
        if not (args.left and args.right):
            parser.error("--json, --stat, --diff and --report need two files (or --demo)")
        return _run_text_front(args, labels, tuning, finish)
    return _run_window(args, labels)


def _run_window(args: argparse.Namespace, labels: list[str | None]) -> int:
    """Open the window; a side given as ``-`` is read from standard input first."""
    try:
        from twofold.app import run_gui  # Qt is imported only on this path
    except ImportError as exc:
        say(f"cannot start the window ({exc}); try --stat or --json.")
        return EXIT_TROUBLE
    with StandardInputFile() as stdin_file:
        if STDIN in (args.left, args.right):
            try:
                labels = stdin_file.take(args, labels)
            except TwofoldError as exc:
                say(str(exc))
                return EXIT_TROUBLE
        return run_gui(
            args.left,
            args.right,
            demo=args.demo,
            screenshot=args.screenshot,
            labels=(labels[0], labels[1]),
            left_out=tuple(args.more),
            # No option on the command line: the window uses the user's saved options.
            options=options_from(args) if _options_given(args) else None,
            as_text=args.as_text,
            whole_page=args.whole_page,
        )


def _use_demo_pair(args: argparse.Namespace) -> bool:
    """Put the bundled demo pair in ``args``; False, said on stderr, when it is not installed."""
    from twofold.resource_paths import demo_pair  # imported when used

    pair = demo_pair()
    if pair is None:
        say("the demo files are not installed.")
        return False
    args.left, args.right = str(pair[0]), str(pair[1])
    return True


def say(sentence: str) -> None:
    """One line of trouble on stderr; the names in it cannot act on the terminal.

    Sentences carry file names and labels, which may hold ESC sequences or
    newlines: ``escape_controls`` prints those as C escapes, as git does.
    """
    from twofold.engine.export.terminal_text import escape_controls  # only trouble is said

    print(f"twofold: {escape_controls(sentence)}", file=sys.stderr)


def _limits(args: argparse.Namespace) -> ReadLimits:
    """What the command line asks of a document's reader."""
    return ReadLimits(whole_page=args.whole_page, as_text=args.as_text)


def _run_text(path: str, label: str | None, limits: ReadLimits) -> int:
    """``--text``: the text compared for ``path`` in UTF-8 with ``\n``; JSON offsets index it."""
    try:
        doc = _load(path, label, limits, digest=False)[0]
        with stdout_errors():
            sys.stdout.flush()
            sys.stdout.buffer.write(doc.text.encode("utf-8", "surrogateescape"))
            sys.stdout.buffer.flush()
    except TwofoldError as exc:
        say(str(exc))
        return EXIT_TROUBLE
    except BrokenPipeError:
        return EXIT_TROUBLE
    return EXIT_SAME


def _load(
    path: str, label: str | None, limits: ReadLimits, *, digest: bool = True
) -> tuple[Document, bytes]:
    """A side's document and bytes: the file at ``path``, or standard input for ``-``.

    ``digest``: hash a file's bytes (see ``_load_pair``); standard input's always are.
    """
    if path == STDIN:
        return load_stream(sys.stdin.buffer, label, limits=limits)
    return load_document_and_bytes(path, label, limits=limits, digest=digest)


def _load_pair(
    left: str, right: str, labels: list[str | None], limits: ReadLimits
) -> tuple[Document, Document]:
    """Both sides to compare, hashed only when their texts are the same.

    A comparison reads the digests only then (``layout_of``: bytes that differ
    behind the same text); the window keeps them to watch the files, this
    command does not.
    """
    (a, raw_a), (b, raw_b) = (
        _load(left, labels[0], limits, digest=False),
        _load(right, labels[1], limits, digest=False),
    )
    if a.text == b.text:
        a, b = _hashed(a, raw_a), _hashed(b, raw_b)
    return a, b


def _hashed(doc: Document, data: bytes) -> Document:
    return doc if doc.digest is not None else replace(doc, digest=content_digest(data))


def _run_text_front(
    args: argparse.Namespace,
    labels: list[str | None],
    tuning: ParallelTuning,
    finish: Finish | None = None,
) -> int:
    inputs = (args.left, args.right)
    try:
        if args.report:  # before reading anything: a refused output costs nothing
            from twofold.engine.export.safe_output import check_output  # imported when used

            check_output(args.report, inputs)
        if args.diff:
            return _print_diff(args.left, args.right, labels, options_from(args), _limits(args))
        # As in the window's worker: no GC pass walks the result while it grows (the
        # engine makes no cycles; ``bench/corpus_speed.py`` times the CPU it saves),
        # nor once it is made: the first pass after collections resume would walk all
        # of it, so it is exempted before they do, with no pass of its own.
        with collections_held():
            result = _load_and_compare(
                args.left, args.right, labels, options_from(args), tuning, _limits(args)
            )
            exempt_from_gc(collect_young_first=False)
        if args.report:
            from twofold.engine.export.export_html import render_html  # imported when used
            from twofold.engine.export.safe_output import write_atomic

            write_atomic(args.report, render_html(result).encode("utf-8"), inputs=inputs)
        else:
            _emit(result, as_json=args.json)
    except TwofoldError as exc:
        say(str(exc))
        return EXIT_TROUBLE
    except BrokenPipeError:
        return EXIT_TROUBLE
    except Exception as exc:  # a bug: still one line, never a traceback
        say(f"internal error: {type(exc).__name__}: {exc}")
        return EXIT_TROUBLE
    status = EXIT_DIFFERENT if result.differs else EXIT_SAME
    if finish is not None:
        finish(status)  # while ``result`` is held: it need not be freed first
    return status


def _print_diff(
    left: str,
    right: str,
    labels: list[str | None],
    options: CompareOptions,
    limits: ReadLimits,
) -> int:
    """``--diff``: the files' own bytes diffed by lines, written as bytes, for ``patch``.

    No comparison is made: the status follows the printed lines, which only
    ``--strip-trailing-cr`` and ``-B`` change, as in diff(1). Each file is still
    decoded, so a binary or undecodable one is refused as on the other fronts.
    """
    from twofold.engine.export.export_unified import stored_diff  # imported when used

    doc_a, raw_a = _load(left, labels[0], limits, digest=False)  # a patch needs no digest
    doc_b, raw_b = _load(right, labels[1], limits, digest=False)
    patch = stored_diff(doc_a, raw_a, doc_b, raw_b, options)  # the window exports the same
    with stdout_errors():
        sys.stdout.flush()
        sys.stdout.buffer.write(patch)
        sys.stdout.buffer.flush()
    return EXIT_DIFFERENT if patch else EXIT_SAME


def _load_and_compare(
    left: str,
    right: str,
    labels: list[str | None],
    options: CompareOptions,
    tuning: ParallelTuning,
    limits: ReadLimits,
) -> DiffResult:
    """The comparison, with a helper process refining beside this one for big files.

    The result is the same with or without the helper.
    """
    if _total_size(left, right) < tuning.helper_worth_bytes:
        return compare(*_load_pair(left, right, labels, limits), options)
    # Imported for big files only: the helper's modules are a good part of a start-up.
    from twofold.allocator import give_back_free_memory
    from twofold.engine.parallel.refine_helper import RefineHelper
    from twofold.engine.parallel.shared_refiner import SharedRefiner

    helper = RefineHelper(tuning)  # started by the head start or the refinement, if worth it
    refiner = SharedRefiner(helper)  # the helper diffs likely pairs while this aligns
    try:
        a, b = _load_pair(left, right, labels, limits)
        coarse = compare(a, b, options, inline=False, refiner=refiner)
        give_back_free_memory()  # what the alignment's word sets held
        return refine(coarse, refiner=refiner)
    finally:
        refiner.stop_guessing()
        helper.stop()


def _total_size(*paths: str) -> int:
    try:
        return sum(os.path.getsize(p) for p in paths)
    except OSError:  # the loader says what is wrong with them
        return 0


def _emit(result: DiffResult, *, as_json: bool) -> None:
    if as_json:
        with stdout_errors():
            write_comparison_json(result)  # imports its writer, as each front does
        return
    from twofold.engine.result.summary import stat_text

    with stdout_errors():
        write_line(stat_text(result))
