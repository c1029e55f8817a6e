# SPDX-License-Identifier: GPL-3.0-or-later
"""The parallel runtime's tuning: when a helper process is worth it, and how work is cut for it.

Why one frozen value, passed in: these thresholds were module constants that
tests patched, and ``from … import`` had copied ``MIN_PARALLEL_CHARS`` into a
second module, so a test had to patch both. A ``ParallelTuning`` is made once
(``RefineHelper`` holds it; the head start and the shared refinement take the
helper's unless given another) and a test builds its own instead of patching.

Constraints: the defaults are the measured ones (benches named below); the tuning
changes only the speed and memory of a comparison, never its result.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ParallelTuning:
    """Thresholds and timings of the helper process, the head start and the launch."""

    #: Characters (both sides) in one batch: a short stretch of diffing, long enough that
    #: a round trip to the helper is noise and short enough that the two sides meet
    #: within one batch of each other.
    batch_chars: int = 48_000
    #: Below this many characters to diff the helper's start-up and round trips cost
    #: more than it saves: a pair with a tenth reworded and half this many to diff was
    #: no faster with it and peaked higher (``bench/run.py``). The head start needs
    #: this many changed characters too.
    min_parallel_chars: int = 400_000
    #: ... and this many to start a helper that is not running (the head start starts it
    #: for a pair with many changes, the window keeps it for the next comparison); None:
    #: ``min_parallel_chars`` (see ``COMMAND_LINE_TUNING`` and ``starting_chars``).
    min_starting_chars: int | None = None
    #: Files this big (bytes, both together) are worth starting the helper for (``cli``).
    helper_worth_bytes: int = 400_000
    #: How often (seconds) a wait for the helper looks at the cancel flag.
    poll_seconds: float = 0.05
    #: Longest wait (seconds) for the helper's next answer once this side has nothing
    #: left to diff; a helper that hangs is killed and its batches are diffed here.
    patience_seconds: float = 10.0
    #: Seconds a started helper may sit unused before it ends and its memory
    #: goes back; a comparison within that time (an option toggled, a file reloaded)
    #: finds it started, a later one starts another.
    idle_seconds: float = 60.0
    #: Characters of each document at most that a head start sends the helper (its first
    #: paragraphs): about what it diffs while a big pair is aligned; more would only be
    #: memory it holds.
    head_start_chars: int = 1_250_000
    #: Together the two files named on the command line are at least this big, or nothing
    #: is done at launch (``launch_start``): the head start needs ``min_parallel_chars``
    #: changed characters, so smaller pairs never get one.
    min_launch_bytes: int = 400_000
    #: ... and at most this big (2.4 times ``head_start_chars``: 1.5 MB a side). Loading at
    #: launch is not free for a pair that then gets no head start: the window's worker
    #: would have loaded it while the window painted. With a higher limit, the
    #: single-line pair launched slower and the minified pair peaked higher
    #: (``bench/gui_bench.py``); pairs under the limit lose nothing measurable.
    max_launch_bytes: int = 3_000_000
    #: Cores to count on; None asks the process's affinity each time (``usable_cpus``).
    #: With fewer than two a helper would only take turns with this process, at a memory cost.
    cores: int | None = None

    @property
    def starting_chars(self) -> int:
        """Characters to diff that are worth starting a helper for after the alignment."""
        if self.min_starting_chars is None:
            return self.min_parallel_chars
        return max(self.min_starting_chars, self.min_parallel_chars)

    def spare_core(self) -> bool:
        """Whether a helper would run beside this process rather than take turns with it."""
        return (self.cores if self.cores is not None else usable_cpus()) >= 2


def usable_cpus() -> int:
    """Cores this process may run on (its affinity, which ``taskset`` or a container narrows)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


#: The measured tuning, for every caller that is given no other.
DEFAULT_TUNING = ParallelTuning()

#: The command line's: it pays for a helper in CPU time beside the wall time the helper
#: saves. Starting one after the alignment (an interpreter, the engine's imports, the
#: texts sent) costs about what diffing a million characters does, and it takes at most
#: half the diffing off the wall time: at this many characters to diff it costs about
#: as much CPU as it saves time, below it more (``bench/corpus_speed.py``: the 10 MB
#: corpus pair, 1.3 million to diff, used 13 % more CPU with it). A head start, which overlaps the
#: alignment, still starts one as in the window, where the wall time is what counts.
COMMAND_LINE_TUNING = ParallelTuning(min_starting_chars=1_500_000)
