# SPDX-License-Identifier: GPL-3.0-or-later
"""Fuzz the engine from raw bytes to JSON: only documented errors, invariants always hold.

The invariants (``tests/fuzz_contract.py``): only documented errors, both texts
rebuild from the edits, every paragraph is in exactly one pair, and the unified
diff turns A into B (checked with ``tests/unified_patch.py``, a strict applier
written against the format). The coverage-guided counterpart (atheris) is
``bench/fuzz_engine.py``, run by ``make fuzz`` with the same checks; these
hypothesis tests keep the contract in every test run.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fuzz_contract import check_roundtrip
from twofold.engine.result.kinds import Granularity, Unit
from twofold.engine.result.model import CompareOptions
from unified_patch import PatchError, apply_unified

options = st.builds(
    CompareOptions,
    unit=st.sampled_from(list(Unit)),
    granularity=st.sampled_from(list(Granularity)),
    ignore_whitespace=st.booleans(),
    ignore_case=st.booleans(),
    ignore_typography=st.booleans(),
    detect_moves=st.booleans(),
)

# Bytes that look like text often enough to reach the aligner: words, newlines,
# UTF-8 multibyte sequences, a BOM now and then, and raw noise.
chunks = st.one_of(
    st.sampled_from([b"the ", b"nation ", b"liberty", b".", b"\n", b"\n\n", b"\r\n", b"\r"]),
    st.sampled_from(["\u201c", "\u2014", "\u00e9", "\u4e2d", "\U0001f600"]).map(str.encode),
    st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\x80", b"\xc3"]),
    st.binary(max_size=8),
)
documents = st.lists(chunks, max_size=60).map(b"".join)


@given(documents, documents, options)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_text_like_bytes_end_in_a_result_or_a_documented_error(
    raw_a: bytes, raw_b: bytes, opts: CompareOptions
) -> None:
    check_roundtrip(raw_a, raw_b, opts)


@given(st.binary(max_size=512), st.binary(max_size=512), options)
@settings(max_examples=200, deadline=None)
def test_random_bytes_never_raise_anything_else(
    raw_a: bytes, raw_b: bytes, opts: CompareOptions
) -> None:
    check_roundtrip(raw_a, raw_b, opts)


@given(documents, st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=12)), max_size=8))
@settings(max_examples=200, deadline=None)
def test_random_edit_scripts_keep_the_invariants(
    raw: bytes, script: list[tuple[int, bytes]]
) -> None:
    edited = bytearray(raw)
    for position, replacement in script:
        at = position % (len(edited) + 1)
        edited[at : at + len(replacement) // 2] = replacement
    check_roundtrip(raw, bytes(edited), CompareOptions())


# Line-shaped files: few distinct lines, so that diffs have many hunks, with every
# kind of line end and with or without a last newline.
lines = st.lists(
    st.tuples(
        st.sampled_from(["alpha", "beta", "gamma", "", "  ", "delta \u00e9"]),
        st.sampled_from(["\n", "\r\n", "\r"]),
    ),
    max_size=40,
)


def _join(rows: list[tuple[str, str]], final: bool) -> bytes:
    data = "".join(text + end for text, end in rows).encode()
    return data if final else data.rstrip(b"\r\n")


@given(lines, lines, st.booleans(), st.booleans(), st.sampled_from([b"", b"\xef\xbb\xbf"]))
@settings(max_examples=300, deadline=None)
@example([("alpha", "\n")], [("alpha", "\n"), ("beta", "\n")], True, False, b"")
@example([("alpha", "\r\n")] * 3, [("alpha", "\n")] * 3, True, True, b"")
def test_the_unified_diff_turns_a_into_b(
    a: list[tuple[str, str]], b: list[tuple[str, str]], final_a: bool, final_b: bool, bom: bytes
) -> None:
    raw_a, raw_b = _join(a, final_a), bom + _join(b, final_b)
    assert check_roundtrip(raw_a, raw_b, CompareOptions()) is not None


def test_a_patch_that_does_not_fit_is_refused() -> None:
    patch = b"--- a\n+++ b\n@@ -2 +2 @@\n-two\n+TWO\n"
    assert apply_unified(patch, b"one\ntwo\n") == b"one\nTWO\n"
    with pytest.raises(PatchError):
        apply_unified(patch, b"one\nthree\n")
    with pytest.raises(PatchError):
        apply_unified(patch.replace(b"-2 ", b"-1 "), b"one\ntwo\n")


_GNU_DIFF = shutil.which("diff")


@pytest.mark.skipif(_GNU_DIFF is None, reason="diff(1) is not installed")
@given(lines, lines, st.booleans(), st.booleans())
@settings(max_examples=60, deadline=None)
def test_the_applier_applies_what_gnu_diff_writes(
    tmp_path_factory: pytest.TempPathFactory,
    a: list[tuple[str, str]],
    b: list[tuple[str, str]],
    final_a: bool,
    final_b: bool,
) -> None:
    """The checker is checked against the format's reference writer, not against ours."""
    folder = tmp_path_factory.mktemp("gnu")
    path_a, path_b = folder / "a", folder / "b"
    path_a.write_bytes(_join(a, final_a))
    path_b.write_bytes(_join(b, final_b))
    patch = _gnu_diff(path_a, path_b)
    assert apply_unified(patch, path_a.read_bytes()) == path_b.read_bytes()


def _gnu_diff(a: Path, b: Path) -> bytes:
    assert _GNU_DIFF is not None
    run = subprocess.run([_GNU_DIFF, "-u", str(a), str(b)], capture_output=True, check=False)
    assert run.returncode in (0, 1), run.stderr
    return run.stdout


# ------------------------------------------------------------- the atheris harness


def _harness() -> ModuleType:
    """``bench/fuzz_engine.py``, loaded without atheris (only its ``main`` needs it)."""
    path = Path(__file__).resolve().parents[2] / "bench" / "fuzz_engine.py"
    spec = importlib.util.spec_from_file_location("fuzz_engine", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_fuzzer_starts_from_real_files_and_may_reach_100_kb(tmp_path: Path) -> None:
    """Unseeded, libFuzzer grew no input past 86 bytes in 39,000 runs."""
    harness = _harness()
    args = harness.libfuzzer_args(["fuzz_engine.py", "-max_total_time=5"])
    assert "-max_len=102400" in args
    assert "-max_total_time=5" in args
    assert "-max_total_time=60" not in args
    assert args[-1] == str(harness.CORPUS)
    assert harness.libfuzzer_args(["f", "-max_len=10", "here"])[-1] != str(harness.CORPUS)
    assert harness.write_seeds(tmp_path) == len(list(tmp_path.iterdir())) >= 20
    sizes = sorted(len(data) for data in harness.seeds().values())
    assert 80_000 < sizes[-1] <= 100 * 1024


def test_every_seed_keeps_the_contract() -> None:
    """The seeds are real files (every encoding of the corpus, the prose pair): all must pass."""
    one_input = _harness().make_target(check_roundtrip)
    for data in _harness().seeds().values():
        one_input(data)
