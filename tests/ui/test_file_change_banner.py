# SPDX-License-Identifier: GPL-3.0-or-later
"""The file-change banner stands alone: any parent, wired by whoever places it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from twofold.engine.load.decoding import load_document
from twofold.engine.pipeline import compare
from twofold.ui.files.file_watcher import FileChangeBanner


def test_the_banner_works_in_any_parent_and_asks_for_a_reload(qtbot: QtBot, tmp_path: Path) -> None:
    """Placed in a plain widget, told a result, it reports an edit and emits its request."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("one\n", "utf-8")
    b.write_text("two\n", "utf-8")
    host = QWidget()
    qtbot.addWidget(host)
    banner = FileChangeBanner(host)
    QVBoxLayout(host).addWidget(banner)
    host.show()
    banner.watcher.debounce_ms = 50
    banner.watch_result(compare(load_document(str(a)), load_document(str(b))))
    assert not banner.isVisible()
    b.write_text("two, edited\n", "utf-8")
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    assert banner.text() == "b.txt changed on disk."
    with qtbot.waitSignal(banner.reload_requested, timeout=1000):
        banner.reload_button.click()
    assert not banner.isVisible()
