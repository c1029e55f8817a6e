# SPDX-License-Identifier: GPL-3.0-or-later
"""A pane's line estimate (``engine.view.overview_estimate``) kept for the width it is laid out at.

The overview and scroll sync ask for every block's estimated line count many
times; it is made once per text and width, a slice at a time, and made again
only when the characters a line holds changed. While a width change waits to be
laid out (``width_relayout``) the text keeps its old line breaks, and so does its
estimate: a dragged window edge would otherwise restart it at every step.
"""

from __future__ import annotations

from collections.abc import Sequence

from twofold.engine.view.overview_estimate import LineEstimate


class WidthEstimate:
    """The estimate of one text's blocks at the characters per line it was made for."""

    __slots__ = ("_cpl", "_estimate", "_lengths")

    def __init__(self, block_lengths: Sequence[int]) -> None:
        self._lengths = block_lengths
        self._cpl = -1
        self._estimate: LineEstimate | None = None

    def restart(self, block_lengths: Sequence[int]) -> None:
        """A new text: estimate its blocks (``BlockTable.block_lengths``) when first asked."""
        self._lengths = block_lengths
        self._cpl, self._estimate = -1, None

    def lines(self, width: tuple[int, bool]) -> Sequence[int]:
        """``engine.overview_estimate.estimated_lines`` at this width (see ``advance``).

        Kept as the array it comes as: a list would hold an int object per block
        (``bench/gui_bench.py --only source`` reports the peak) for a few reads per
        change.
        """
        return self._at(width).lines()

    def advance(self, width: tuple[int, bool], blocks: int) -> bool:
        """Estimate ``blocks`` more blocks; True while some remain.

        For callers that can wait (the overview): a turn each slice keeps a long
        log's estimate from stalling the window.

        Args:
            width: the characters a line holds now (0: no wrapping), and whether a
                width change waits to be laid out (then the last estimate holds).
            blocks: how many blocks a slice has (``GeometryTuning.estimate_slice_blocks``).
        """
        return not self._at(width).advance(blocks)

    def _at(self, width: tuple[int, bool]) -> LineEstimate:
        chars_per_line, held = width
        estimate = self._estimate
        if estimate is None or (self._cpl != chars_per_line and not held):
            estimate = LineEstimate(self._lengths, chars_per_line)
            self._cpl, self._estimate = chars_per_line, estimate
        return estimate
