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


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_free_pages_inside_the_heap_are_given_back() -> None:
    """Freed blocks with survivors among them stay counted until the heap is trimmed."""
    code = (
        "from twofold.allocator import tune_allocator, give_back_free_memory\n"
        "tune_allocator()\n"
        "def rss():\n"
        "    status = open('/proc/self/status').read()\n"
        "    return int(status.split('VmRSS:')[1].split()[0])\n"
        "freed, kept = [], []\n"
        "for n in range(2_000):\n"
        "    freed.append(bytearray(b'x' * 16_000))\n"
        "    kept.append(bytearray(b'y' * 600))\n"
        "del freed\n"
        "before = rss()\n"
        "print(give_back_free_memory(), before - rss())\n"
    )
    done = run_python(code)
    assert done.returncode == 0, done.stderr
    applied, given_back_kb = done.stdout.split()
    assert applied == "True"
    assert int(given_back_kb) > 15_000  # of the 32 MB freed
