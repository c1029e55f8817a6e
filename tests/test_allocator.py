# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's allocator settings apply on glibc and are harmless elsewhere."""

from __future__ import annotations

import platform

import pytest

from support import run_python


def test_tune_allocator_applies_on_glibc() -> None:
    expected = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    done = run_python("from twofold.allocator import tune_allocator; print(tune_allocator())")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(expected)


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_the_tuned_allocator_still_serves_big_and_small_blocks() -> None:
    code = (
        "from twofold.allocator import tune_allocator; tune_allocator()\n"
        "import threading\n"
        "blocks = []\n"
        "def work():\n"
        "    for n in range(2000):\n"
        "        blocks.append(bytearray(200_000 if n % 10 == 0 else 300))\n"
        "threads = [threading.Thread(target=work) for _ in range(2)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(len(blocks), sum(map(len, blocks)))\n"
    )
    done = run_python(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["4000", str(2 * (200 * 200_000 + 1800 * 300))]
