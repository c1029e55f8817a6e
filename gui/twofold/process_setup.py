# SPDX-License-Identifier: GPL-3.0-or-later
"""The process-wide tweaks, each applied from here and nowhere else.

Importing a Twofold module changes no setting of the process: the entry
point applies what its front needs, once (``app.run_gui`` calls
``prepare_window``). The text fronts need none at start; what they share with
the window is the scoped garbage-collector handling below, which the worker
and ``cli`` call around a result instead of setting it as a side effect.

Qt-free at import: the PySide hook is looked up only when the window asks.
"""

from __future__ import annotations

import functools
import gc
import linecache
import os
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from types import ModuleType
from typing import NoReturn

#: GIL switch interval for the window's process (seconds; CPython's default is 0.005).
SWITCH_INTERVAL = 0.001


class Tweak(Enum):
    """A setting of the whole process that ``prepare_window`` applies."""

    ALLOCATOR = "allocator"
    FEATURE_HOOK = "feature hook"
    SWITCH_INTERVAL = "switch interval"


_applied: set[Tweak] = set()


def applied() -> frozenset[Tweak]:
    """The tweaks this process has had applied (none until an entry point asks)."""
    return frozenset(_applied)


def prepare_window() -> None:
    """Apply the window's tweaks, in the order they need; a second call does nothing.

    Call it first thing on the window path: the allocator's arenas belong to
    the threads that make them, and the PySide hook must be lightened before
    the Qt modules and the window's own are imported.
    """
    if Tweak.ALLOCATOR not in _applied:
        _applied.add(Tweak.ALLOCATOR)
        from twofold import allocator  # ctypes: the text fronts need none of it

        allocator.tune_allocator()  # before Qt or the launch starts any thread
    if Tweak.FEATURE_HOOK not in _applied:
        _applied.add(Tweak.FEATURE_HOOK)
        import PySide6  # noqa: F401 - installs the import hook lightened here

        lighten_feature_hook()
    if Tweak.SWITCH_INTERVAL not in _applied:
        _applied.add(Tweak.SWITCH_INTERVAL)
        share_the_gil_finely()


def share_the_gil_finely() -> None:
    """Make the UI thread wait less for the GIL while a comparison runs.

    The worker is CPU-bound Python; a UI slot that calls into Qt gives the GIL
    up and takes it back many times, waiting up to one switch interval each
    time. At CPython's default interval a slot with a dozen Qt calls was a
    visible stall (``bench/gui_bench.py`` reports the longest); at ``SWITCH_INTERVAL`` the
    worker loses little and the window stays responsive. The window always has a worker, so
    the setting is the window process's, not the worker's.
    """
    sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))


_FEATURE_MARK = b"PySide6"


def lighten_feature_hook() -> Callable[[ModuleType], bool] | None:
    """Keep PySide's import hook from caching the source of every module imported.

    PySide6 asks of each module imported after it whether the module's source
    mentions "PySide6" (for its ``from __feature__ import ...`` switches). It
    asks through ``inspect.getsource``, which keeps every such file in
    ``linecache``, tokenized line by line: 55,000 lines of the window's heap
    that nothing ever reads again, and part of its start (``bench/gui_bench.py``).
    Reading the file's bytes answers the same question and keeps nothing. PySide
    6.11 names the question ``shibokensupport.feature._mod_uses_pyside``; where
    it is missing or named otherwise, nothing is changed and only the memory is
    lost. Call it after ``import PySide6``.

    Returns:
        The question PySide now asks (lightened, PySide's own as its
        ``__wrapped__``), the same one on every call; None where PySide has none.
    """
    feature = sys.modules.get("shibokensupport.feature")
    asked: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if asked is None or getattr(asked, "reads_bytes", False):
        return asked

    @functools.wraps(asked)
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return asked(module)  # packages of extensions, zip imports: PySide's own way
        try:
            with open(path, "rb") as source:
                return _FEATURE_MARK in source.read()
        except OSError:
            return asked(module)

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    linecache.clearcache()  # what PySide read while it was imported
    return uses_pyside


def exempt_from_gc(*, collect_young_first: bool = True) -> None:
    """Exempt what exists now (a result's hundreds of thousands of objects) from GC passes.

    A full collection walks every tracked object: with a 10 MB result alive it
    was a visible stall, in whichever thread allocated last, often the UI
    thread in the middle of showing that result (``bench/gui_bench.py``). The
    model is acyclic, so a result dropped later is still freed (by reference
    counting); young cycles are collected first unless the caller is about to
    exit anyway (``cli``'s report), and six comparisons in a row end at the same
    memory with or without.
    """
    if collect_young_first:
        gc.collect(1)
    gc.freeze()


def end_process(status: int) -> NoReturn:
    """End a one-shot command with ``status`` at once, once its output is flushed.

    What the process holds then (a 10 MB comparison is hundreds of thousands of
    objects, then the modules) would be freed object by object only for the
    system to take the memory back whole a moment later (``bench/corpus_speed.py``
    times ``--json``; mypy ends the same way). Nothing else is left to do: no
    ``atexit`` work is registered, and the caller has stopped any helper process.
    Only a command's own entry point calls this, never the window's.
    """
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a reader that went away, a closed stream
        status = 2  # trouble, as diff(1) says it
    os._exit(status)


_pause_lock = threading.Lock()
_pauses = 0


@contextmanager
def collections_held() -> Iterator[None]:
    """No automatic GC pass while a job builds its result; nested jobs count.

    The engine allocates hundreds of thousands of containers; each full pass
    they trigger walked them all with the GIL held, time in which the window
    could not paint. The result is exempted (``exempt_from_gc``) before
    collections resume; they resume when the last job holding them ends.
    """
    global _pauses
    with _pause_lock:
        _pauses += 1
        gc.disable()
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0:
                gc.enable()
