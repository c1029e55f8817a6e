# SPDX-License-Identifier: GPL-3.0-or-later
"""What the command line writes: JSON on stdout byte for byte, help at the terminal's width."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from support import GUI
from twofold.cli_output import json_for_terminal, write_comparison_json, write_json
from twofold.engine.export.export_json import to_json
from twofold.engine.pipeline import compare
from twofold.engine.result.model import Document

#: JSON values holding what a terminal must not get raw, and what it may
_VALUES = st.text(alphabet='ab é\x7f\x80\x9b\x9f\xa0\u0100\u20ac\ud800\udcff\U0001f600\\"')


def _written(text: str, encoding: str, errors: str = "strict") -> bytes:
    """What ``write_json(text)`` sends to a stdout that encodes text as ``encoding``."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline="\n")
    stream.write("before ")  # text written earlier must come first
    with contextlib.redirect_stdout(stream):
        write_json(text)
    return raw.getvalue()


@given(_VALUES)
def test_json_reaches_a_utf8_stdout_as_the_text_layer_writes_it(value: str) -> None:
    text = json.dumps({"label": value}, ensure_ascii=False)
    expected = ("before " + json_for_terminal(text) + "\n").encode("utf-8")
    assert _written(text, "utf-8") == expected
    assert _written(text, "UTF8") == expected


@given(_VALUES)
def test_json_reaches_another_encoding_through_the_text_layer(value: str) -> None:
    text = json.dumps({"label": value}, ensure_ascii=False)
    expected = ("before " + json_for_terminal(text) + "\n").encode("utf-16-le")
    assert _written(text, "utf-16-le", "surrogatepass") == expected


def test_json_reaches_a_stdout_without_bytes() -> None:
    text = json.dumps({"label": "é\x9b"}, ensure_ascii=False)
    stream = io.StringIO()
    with contextlib.redirect_stdout(stream):
        write_json(text)
    assert stream.getvalue() == json_for_terminal(text) + "\n"


#: Words of texts to compare: raw characters a terminal must not get, ``%`` (which the
#: bytes are formatted with), quotes and controls the encoder escapes.
_WORDS = ["word", "é", "\x7f", "\x9b", "50%", "%d", "\U0001f600", 'say "so"', "tab\t"]
_TEXTS = st.lists(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(" ".join), max_size=8
).map("\n\n".join)
#: labels as an undecodable file name gives them, with lone surrogates
_LABELS = st.text(alphabet="ab é\x7f\x9b\ud800\udcff", max_size=6)


def _comparison_written(a: str, b: str, labels: tuple[str, str], encoding: str) -> bytes:
    """What ``write_comparison_json`` sends for these texts to a stdout encoding as ``encoding``."""
    result = compare(Document(label=labels[0], text=a), Document(label=labels[1], text=b))
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, errors="surrogatepass", newline="\n")
    stream.write("before ")
    with contextlib.redirect_stdout(stream):
        write_comparison_json(result)
    return raw.getvalue()


@settings(max_examples=150, deadline=None)
@given(a=_TEXTS, b=_TEXTS, labels=st.tuples(_LABELS, _LABELS))
@example(a="one \x7f", b="two \x7f", labels=("a", "b"))  # all ASCII: DEL stays raw
@example(a="one \x7f", b="two \x7f", labels=("é", "b"))  # not: DEL escaped everywhere
@example(a="", b="", labels=("\x7f", "\x9b"))  # nor when its only other character is escaped
def test_a_comparison_is_written_as_its_json_text(a: str, b: str, labels: tuple[str, str]) -> None:
    """Made as bytes piece by piece, the same bytes as ``write_json(to_json(result))``."""
    text = to_json(compare(Document(label=labels[0], text=a), Document(label=labels[1], text=b)))
    for encoding in ("utf-8", "utf-16-le"):
        assert _comparison_written(a, b, labels, encoding) == _written(
            text, encoding, "surrogatepass"
        )


#: prints the command's help, then argparse's own formatter's, for the same parser
_BOTH_HELPS = (
    "import argparse\n"
    "from twofold.cli import build_parser\n"
    "parser = build_parser()\n"
    "print(parser.format_help())\n"
    "print('----')\n"
    "parser.formatter_class = argparse.HelpFormatter\n"
    "print(parser.format_help())\n"
)


@pytest.mark.parametrize("columns", [None, "50", "100", "0", "wide"])
def test_help_is_wrapped_as_argparse_wraps_it(columns: str | None) -> None:
    """The width found without ``shutil`` is argparse's: ``COLUMNS``, else 80."""
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    run = subprocess.run(
        [sys.executable, "-c", _BOTH_HELPS],
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(GUI)},
        timeout=120,
        check=True,
    )
    ours, argparse_own = run.stdout.split("----\n")
    assert ours == argparse_own
    assert "--ignore-typography" in ours
