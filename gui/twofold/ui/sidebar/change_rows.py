# SPDX-License-Identifier: GPL-3.0-or-later
"""What the list of changes says of each change: the rows, and the filter by kind.

A list model over ``DiffResult.changes`` (kind, paragraph numbers, similarity,
first words, each under its own role) and a proxy that keeps the kinds chosen.
The list (``changes_sidebar``) shows them; the delegate (``change_delegate``)
draws them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from twofold.engine.result.kinds import PairKind, Side, Unit
from twofold.engine.result.model import DiffResult, Pair
from twofold.engine.result.summary import percent
from twofold.engine.view.invisibles import reveal
from twofold.ui.theme import NAMES

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
INDEX_ROLE = Qt.ItemDataRole.UserRole + 2
WHERE_ROLE = Qt.ItemDataRole.UserRole + 3
SIMILARITY_ROLE = Qt.ItemDataRole.UserRole + 4
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        KIND_ROLE,
        INDEX_ROLE,
        WHERE_ROLE,
        SIMILARITY_ROLE,
    }
)
_REFINED_ROLES = [
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    SIMILARITY_ROLE,
]

#: the filter box's choices: what it says, and the kinds it keeps
FILTERS: tuple[tuple[str, frozenset[PairKind]], ...] = (
    ("All changes", frozenset(PairKind) - {PairKind.EQUAL}),
    ("Changed", frozenset({PairKind.CHANGED})),
    ("Moved", frozenset({PairKind.MOVED})),
    ("Inserted", frozenset({PairKind.INSERTED})),
    ("Deleted", frozenset({PairKind.DELETED})),
)
_WORDS = 12

ModelIndex = QModelIndex | QPersistentModelIndex


def paragraph_label(indices: tuple[int, ...], number: Callable[[int], int] | None = None) -> str:
    """Paragraph numbers for humans: 1-based, a range for a split or merge, a dash for none.

    Args:
        number: the 1-based number of a unit (``DiffResult.number`` of a side);
            by default its index plus one.
    """
    if not indices:
        return "\u2014"
    first, last = (
        (indices[0] + 1, indices[-1] + 1)
        if number is None
        else (
            number(indices[0]),
            number(indices[-1]),
        )
    )
    return str(first) if len(indices) == 1 else f"{first}\u2013{last}"


def first_words(result: DiffResult, pair: Pair) -> str:
    """The opening words of the pair's newer text (the older one for a deletion)."""
    side = Side.A if pair.kind is PairKind.DELETED else Side.B
    span = result.span_of(pair, side)
    if span is None:
        return ""
    # stand-ins for hidden characters: a direction control would reorder the row
    text = reveal(result.document(side).text[span.start : min(span.end, span.start + 400)])
    words = re.sub(r"\s+", " ", text).strip().split(" ")
    return " ".join(words[:_WORDS]) + (" \u2026" if len(words) > _WORDS else "")


class ChangesModel(QAbstractListModel):
    """One row per change of a result, in reading order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result: DiffResult | None = None
        self._changes: tuple[Pair, ...] = ()
        self._words: dict[int, str] = {}

    def set_result(self, result: DiffResult | None) -> None:
        self.beginResetModel()
        self._result = result
        self._changes = result.changes if result is not None else ()
        self._words = {}  # filled as rows are drawn: thousands of changes, a screenful shown
        self.endResetModel()

    def kind_at(self, row: int) -> PairKind:
        return self._changes[row].kind

    def _first_words(self, row: int) -> str:
        words = self._words.get(row)
        if words is None and self._result is not None:
            words = self._words[row] = first_words(self._result, self._changes[row])
        return words or ""

    def refine(self, result: DiffResult) -> None:
        """Same changes, refined numbers: repaint the rows instead of resetting the model."""
        self._result, self._changes = result, result.changes
        if self._changes:
            # Kinds and first words stay; only the numbers (and texts built on them) move.
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._changes) - 1, 0), _REFINED_ROLES
            )

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._changes)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks for a dozen roles per row and paint; most are not ours: answer fast.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        row = index.row()
        pair = self._changes[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._first_words(row)
        if role == KIND_ROLE:
            return pair.kind
        if role == INDEX_ROLE:
            return row
        if role == SIMILARITY_ROLE:
            return pair.similarity
        # Lines are numbered as lines (a log, source code); paragraphs get a pilcrow.
        by_lines = self._result is not None and self._result.unit is Unit.LINES
        mark = "line" if by_lines else "\u00b6"
        result = self._result
        label_a = paragraph_label(
            pair.a, None if result is None else partial(result.number, Side.A)
        )
        label_b = paragraph_label(
            pair.b, None if result is None else partial(result.number, Side.B)
        )
        where = f"{mark} {label_a} \u2192 {label_b}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{NAMES[pair.kind].capitalize()} {where}, {percent(pair.similarity)} similar"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{NAMES[pair.kind]} {where}: {self._first_words(row)}"
        return where  # WHERE_ROLE


class KindFilter(QSortFilterProxyModel):
    """Keeps only the rows whose kind is in the chosen set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kinds = FILTERS[0][1]

    def set_kinds(self, kinds: frozenset[PairKind]) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt < 6.9
            self._kinds = kinds
            self.invalidateFilter()
            return
        self.beginFilterChange()
        self._kinds = kinds
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def kinds(self) -> frozenset[PairKind]:
        return self._kinds

    def filterAcceptsRow(self, row: int, parent: ModelIndex) -> bool:
        # Ask the Python model directly: a Qt index and data() round trip per row
        # stalled the UI thread on a result with thousands of changes.
        source = self.sourceModel()
        if isinstance(source, ChangesModel):
            return source.kind_at(row) in self._kinds
        return source.index(row, 0, parent).data(KIND_ROLE) in self._kinds
