# SPDX-License-Identifier: GPL-3.0-or-later
"""The status bar's widgets: where the reader is, progress with Cancel, statistics, formats.

Why apart from the window: the window only says what happened (a result,
progress, busy or not); how that is laid out and worded in the bar is here,
and the words themselves come from ``ui/bars/status.py``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QProgressBar, QStatusBar, QToolButton

from twofold.engine.result.model import DiffResult
from twofold.ui.bars.status import formats_text, position_text, summary_text
from twofold.ui.plain_text import plain_label


class StatusLine:
    """The parts the window puts in its status bar; ``cancel_button.clicked`` cancels."""

    def __init__(self, bar: QStatusBar) -> None:
        self.position_label = plain_label()  # nothing to say before a comparison
        self.position_label.setObjectName("positionLabel")
        self.formats_label = plain_label()
        self.formats_label.setObjectName("formatsLabel")
        self.stats_label = plain_label()
        self.stats_label.setObjectName("statsLabel")
        self.progress = QProgressBar()
        self.progress.setObjectName("compareProgress")
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Cancel the comparison (Esc)")
        self.cancel_button.setAutoRaise(True)
        for label in (self.position_label, self.stats_label, self.formats_label):
            label.setContentsMargins(8, 0, 8, 0)
        bar.addWidget(self.position_label)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        bar.addPermanentWidget(self.stats_label)
        # shown with the first result: alone under the empty window it divided nothing
        self.divider = QFrame(frameShape=QFrame.Shape.VLine)
        self.divider.setObjectName("statusDivider")
        self.divider.hide()
        bar.addPermanentWidget(self.divider)
        bar.addPermanentWidget(self.formats_label)
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        """Progress and Cancel while comparing; a busy bar until the first progress comes."""
        if busy:
            self.progress.setRange(0, 0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    def set_progress(self, value: float) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(round(value * 100))

    def show_result(self, result: DiffResult) -> None:
        self.stats_label.setText(summary_text(result))
        self.formats_label.setText(formats_text(result))
        self.divider.show()

    def show_stats(self, result: DiffResult) -> None:
        """The statistics alone: a refinement changes them, never the formats."""
        self.stats_label.setText(summary_text(result))

    def show_position(self, current: int | None, count: int) -> None:
        self.position_label.setText(position_text(current, count))
