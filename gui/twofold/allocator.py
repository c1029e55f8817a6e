# SPDX-License-Identifier: GPL-3.0-or-later
"""Tune glibc's allocator for the window: one arena, big blocks mapped and given back.

``give_back_free_memory`` returns the pages a finished step left free inside
the heap; see there.

The window compares in a worker thread while the UI thread builds the panes.
glibc gives each thread its own arena and keeps freed memory inside it, so the
worker's short-lived lists and strings (hundreds of kilobytes each) stay
counted in the process long after the comparison. One arena, and blocks of
128 KB and more mapped on their own and returned when freed, lowered a big
pair's peak (``bench/gui_bench.py`` reports the peaks) at no
measurable cost in time. Elsewhere than glibc this does nothing.
"""

from __future__ import annotations

import ctypes
import functools
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
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:  # musl and others have no mallopt
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    settings = ((_M_ARENA_MAX, 1), (_M_MMAP_THRESHOLD, _BIG_BLOCK), (_M_TRIM_THRESHOLD, _BIG_BLOCK))
    return all(mallopt(param, value) == 1 for param, value in settings)


def give_back_free_memory() -> bool:
    """Hand the free pages inside the heap back to the system (glibc's ``malloc_trim``).

    Why: the alignment frees the word sets of a reworded pair, most of its
    peak, but the small objects that outlive it (pairs, spans) sit among them,
    so glibc keeps those pages and the process stays that much bigger for the
    rest of its life; the trim itself is quick (``bench/gui_bench.py --only
    100%`` reports the peaks). Call it after a step that freed much. True when glibc did it.
    """
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is None:
        return False
    trim.argtypes = (ctypes.c_size_t,)
    trim.restype = ctypes.c_int
    trim(0)
    return True


@functools.cache
def _libc() -> ctypes.CDLL | None:
    """The C library's symbols, or None off Linux.

    The program's own symbols hold libc's: ``find_library("c")`` would run
    ``ldconfig -p`` in a child process at every start.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None
