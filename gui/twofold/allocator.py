# SPDX-License-Identifier: GPL-3.0-or-later
"""Tune glibc's allocator for the window: one arena, big blocks mapped and given back.

The window compares in a worker thread while the UI thread builds the panes.
glibc gives each thread its own arena and keeps freed memory inside it, so the
worker's short-lived lists and strings (hundreds of kilobytes each) stay
counted in the process long after the comparison. One arena, and blocks of
128 KB and more mapped on their own and returned when freed, took the peak of
a 10 MB pair from 294 to 253 MB (``bench/gui_bench.py``) at no measurable cost
in time. Elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes
import sys

# mallopt parameters, from glibc's <malloc.h>
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
_M_ARENA_MAX = -8
#: blocks this big are mapped on their own; free memory above it is trimmed
_BIG_BLOCK = 128 * 1024


def tune_allocator() -> bool:
    """Apply the settings if the C library is glibc; True when they were applied.

    Call it before any thread starts: an arena belongs to the thread that made it.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        # The program's own symbols, libc's among them: ``find_library("c")``
        # would run ``ldconfig -p`` in a child process at every start.
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # musl and others have no mallopt
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    settings = ((_M_ARENA_MAX, 1), (_M_MMAP_THRESHOLD, _BIG_BLOCK), (_M_TRIM_THRESHOLD, _BIG_BLOCK))
    return all(mallopt(param, value) == 1 for param, value in settings)
