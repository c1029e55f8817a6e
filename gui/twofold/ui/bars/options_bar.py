# SPDX-License-Identifier: GPL-3.0-or-later
"""The comparison options behind the Compare menu and the toolbar: shown, stored, debounced.

Why a controller: the seven options (unit, granularity, ignore white space,
case, typography, line endings and blank lines) are actions in the one table
(``ui/actions.py``), shown twice (menu and toolbar), stored through
``ui/files/settings.py``, and each change must re-compare. A change is stored at once
but re-compares only after a short quiet period (a single-shot ``QTimer``, as
git-cola debounces its diff), so clicking through three toggles costs one
comparison; the worker's token drops whatever was still running.

A re-compare keeps the reader's place by text, not by change number: options
can merge, split or remove changes, and the unit option renumbers paragraphs,
but the characters of the two files stay where they are (``anchor_of`` and
``change_near``).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QComboBox, QToolBar, QWidget

from twofold.engine.result.kinds import Granularity, Side, Unit
from twofold.engine.result.model import CompareOptions, DiffResult
from twofold.ui.files.settings import Settings
from twofold.ui.plain_text import plain_label

log = logging.getLogger(__name__)

#: quiet time after an option change before the re-compare starts
DEBOUNCE_MS = 150

#: the on/off options, by ``CompareOptions`` field (also their action ids)
TOGGLES = (
    "ignore_whitespace",
    "ignore_case",
    "ignore_typography",
    "strip_trailing_cr",
    "ignore_blank_lines",
)

#: the toggles the toolbar shows too: the layout ones are in the Compare menu and named
#: in the view's note when they matter, so the toolbar stays one row down to ~1000 px
TOOLBAR_TOGGLES = TOGGLES[:3]

#: the radio groups of the Compare menu: field name, then (value, short toolbar label)
CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "unit": (
        (Unit.AUTO.value, "Auto"),
        (Unit.PARAGRAPHS.value, "Paragraphs"),
        (Unit.LINES.value, "Lines"),
    ),
    "granularity": ((Granularity.WORD.value, "Words"), (Granularity.CHARACTER.value, "Characters")),
}

#: short toolbar labels for actions whose menu text is long
_ICON_TEXT = {
    "open": "Open",
    "reload": "Reload",
    "export_report": "Report",
    "previous_change": "Previous",
    "next_change": "Next",
    "ignore_whitespace": "Whitespace",
    "ignore_case": "Case",
    "ignore_typography": "Typography",
}

#: where in the text a change is: the side it has a paragraph on and its first character
Anchor = tuple[Side, int]


def anchor_of(result: DiffResult | None, change: int | None) -> Anchor | None:
    """The place of ``result.changes[change]`` in the text, to find it again after a re-compare."""
    if result is None or change is None or not 0 <= change < len(result.changes):
        return None
    pair = result.changes[change]
    side = Side.B if pair.b else Side.A
    span = result.span_of(pair, side)
    return None if span is None else (side, span.start)


def change_near(result: DiffResult, anchor: Anchor) -> int | None:
    """The first change that reaches ``anchor`` on its side (else the last); None if none.

    A change with no paragraph on that side (a deletion seen from B) cannot be
    placed there and is skipped, unless nothing else is left.
    """
    side, offset = anchor
    changes = result.changes
    for index, pair in enumerate(changes):
        span = result.span_of(pair, side)
        if span is not None and span.end > offset:
            return index
    return len(changes) - 1 if changes else None


class OptionsController(QObject):
    """Holds the current ``CompareOptions``, mirrors them on the actions, stores changes.

    Signals:
        options_changed: an option was changed and the quiet period has passed
            (the new ``CompareOptions``); the window re-compares.
    """

    options_changed = Signal(object)

    def __init__(
        self, settings: Settings, actions: dict[str, QAction], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._actions = actions
        self._options = settings.compare_options()
        self.timer = QTimer(self)
        self.timer.setObjectName("optionsDebounce")
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.on_timer_timeout)

    @property
    def options(self) -> CompareOptions:
        return self._options

    def resolve(self, options: CompareOptions | None) -> CompareOptions:
        """The options for a new comparison: the current ones, or ``options`` adopted.

        Options given explicitly (the command line) are shown but not stored: they
        are for this run, while a change made in the window is a preference.
        """
        if options is not None:
            self.timer.stop()  # this comparison supersedes a pending re-compare
            self._options = options
            self.show_options()
        return self._options

    def set_option(self, name: str, value: Any) -> None:
        """Change one option (a ``CompareOptions`` field), store it, re-compare soon."""
        if getattr(self._options, name) == value:
            return  # also what ends the loop when show_options() checks one
        self._options = replace(self._options, **{name: value})
        self._settings.set_compare_option(name, value)
        self.show_options()
        self.timer.start()

    def show_options(self) -> None:
        """Check the actions that match the options (the toolbar combos follow them).

        Not done in ``__init__``: the actions' handlers call back into this controller,
        so the window must hold it first. Not done with signals blocked either: the
        exclusive groups learn which action is checked from those signals.
        """
        options = self._options
        for name in CHOICES:
            self._actions[f"{name}_{getattr(options, name).value}"].setChecked(True)
        for name in TOGGLES:
            self._actions[name].setChecked(getattr(options, name))

    def on_timer_timeout(self) -> None:
        log.debug("options changed: %s", self._options)
        self.options_changed.emit(self._options)


class ChoiceCombo(QComboBox):
    """A toolbar combo over one radio group of actions, so menu and toolbar always agree."""

    def __init__(self, actions: list[tuple[QAction, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._actions = [action for action, _label in actions]
        for row, (action, label) in enumerate(actions):
            self.addItem(label)
            self.setItemData(row, action.statusTip(), Qt.ItemDataRole.ToolTipRole)
            action.toggled.connect(lambda on, r=row: self._follow(on, r))
            if action.isChecked():
                self.setCurrentIndex(row)
        self.activated.connect(self.on_activated)

    def _follow(self, on: bool, row: int) -> None:
        if on:
            self.setCurrentIndex(row)

    def on_activated(self, row: int) -> None:
        self._actions[row].trigger()  # an exclusive group keeps a checked action checked


class FittingToolBar(QToolBar):
    """A toolbar that drops the words beside its icons when it would not fit otherwise.

    Words beside the icons: style arrows are faint on some dark palettes, and words
    need no legend. But in a window under about 1000 pixels they pushed the ignore
    toggles into the overflow menu, out of sight; there the buttons with an icon
    show the icon alone (their words stay in the tooltip), and those without one
    keep their words.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        #: the width the bar needs with words beside the icons (measured while it has them)
        self._wide: int | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Words beside the icons if they fit in the bar's width, icons alone if not."""
        words = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        if self.toolButtonStyle() is words:
            self._wide = self.sizeHint().width()
        wanted = words if self._wide is None or self.width() >= self._wide else _ICONS
        if wanted is not self.toolButtonStyle():
            self.setToolButtonStyle(wanted)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._wide = None  # measured again, with words, at the next fit
            self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)


#: icons alone: a button whose action has no icon shows its words all the same
_ICONS = Qt.ToolButtonStyle.ToolButtonIconOnly


def build_toolbar(actions: dict[str, QAction], parent: QWidget | None = None) -> QToolBar:
    """The main toolbar: open, reload, report; stepping; then every comparison option."""
    bar = FittingToolBar("Comparison", parent)
    bar.setObjectName("optionsToolBar")
    bar.setMovable(False)
    bar.setFloatable(False)
    for action_id, text in _ICON_TEXT.items():
        actions[action_id].setIconText(text)
    for button in ("open", "reload", "export_report", None, "previous_change", "next_change"):
        if button is None:
            bar.addSeparator()
        else:
            bar.addAction(actions[button])
    bar.addSeparator()
    for name, label, tip in (("unit", "Unit", "Unit"), ("granularity", "Highlight", "Highlight")):
        caption = plain_label(f"{label} ")
        combo = ChoiceCombo([(actions[f"{name}_{v}"], text) for v, text in CHOICES[name]])
        combo.setObjectName(f"{name}Combo")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setAccessibleName(tip)
        combo.setToolTip(f"{tip}: the same choices as the Compare menu")
        caption.setBuddy(combo)
        caption.setContentsMargins(6, 0, 0, 0)
        bar.addWidget(caption)
        bar.addWidget(combo)
    bar.addSeparator()
    caption = plain_label("Ignore ")
    caption.setContentsMargins(6, 0, 0, 0)
    bar.addWidget(caption)
    for name in TOOLBAR_TOGGLES:
        bar.addAction(actions[name])
    return bar
