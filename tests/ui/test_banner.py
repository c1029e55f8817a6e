# SPDX-License-Identifier: GPL-3.0-or-later
"""The message strip above the panes: several messages share it, none hides another.

Issue #16: the settings-reset warning vanished as soon as the window showed two
differing files (the result cleared the one banner), and any later message
replaced it. Each message now has its own row; a new one replaces only an older
one about the same thing, and the settings warning stays until dismissed.
"""

from __future__ import annotations

from pathlib import Path

import hypothesis
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from qt_helpers import compare_and_wait, drop_files
from twofold.app import open_files
from twofold.ui.bars.banner import MAX_PROBLEMS, Banner, BannerRow, Topic
from twofold.ui.files.settings import Settings
from twofold.ui.main_window import MainWindow

DAMAGED = "The settings file was damaged and has been reset to defaults"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings whose INI file was garbage: the window (conftest's) starts with the warning."""
    ini = tmp_path / "twofold.ini"
    ini.write_bytes(b'\x00\x00\x00[preferences\nzoom="abc\n')
    return Settings(QSettings(str(ini), QSettings.Format.IniFormat))


def _texts(win: MainWindow) -> list[str]:
    return win.banner.text().splitlines()


def test_the_settings_warning_stays_when_the_window_opens_on_two_differing_files(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path]
) -> None:
    with qtbot.waitSignal(window.comparison_finished, timeout=60_000):
        open_files(window, str(demo[0]), str(demo[1]))
    qtbot.waitUntil(lambda: not window.view.filling, timeout=30_000)
    assert window.result is not None
    assert window.result.changes
    [warning] = _texts(window)
    assert warning.startswith(DAMAGED)
    row = window.banner.row(Topic.SETTINGS)
    assert row is not None
    assert row.isVisible()
    assert row.visibleRegion().boundingRect().height() == row.height()  # not squeezed away


def test_other_messages_stack_under_the_warning_and_go_without_it(
    qtbot: QtBot, window: MainWindow, demo: tuple[Path, Path], tmp_path: Path
) -> None:
    compare_and_wait(qtbot, window, *demo)
    drop_files(window, [tmp_path])  # a folder: refused, in red
    texts = _texts(window)
    assert len(texts) == 2
    assert texts[0].startswith(DAMAGED)
    assert texts[1] == f'"{tmp_path.name}" is a folder, not a file.'
    compare_and_wait(qtbot, window, demo[0], demo[0])  # a new comparison: the error is old news
    texts = _texts(window)
    assert texts[0].startswith(DAMAGED)
    assert texts[1:] == ["The two documents are identical."]
    compare_and_wait(qtbot, window, *demo)
    assert len(_texts(window)) == 1
    row = window.banner.row(Topic.SETTINGS)
    assert row is not None
    row.close_button.click()  # only the user puts it away
    assert window.banner.text() == ""
    assert not window.banner.isVisible()
    compare_and_wait(qtbot, window, demo[0], demo[0])
    assert _texts(window) == ["The two documents are identical."]


def test_a_second_settings_warning_joins_the_first(qtbot: QtBot) -> None:
    """Both stay until dismissed: the second must not hide the first (where its copy is)."""
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message("The settings were reset.", Topic.SETTINGS)
    banner.show_message("Settings are not saved.", Topic.SETTINGS)
    banner.show_message("Settings are not saved.", Topic.SETTINGS)
    assert banner.text() == "The settings were reset. Settings are not saved."


def test_a_message_replaces_only_one_about_the_same_thing(qtbot: QtBot) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message("The settings were reset.", Topic.SETTINGS)
    banner.show_message('"a.txt" does not exist.', Topic.PROBLEM)
    banner.show_message("Now drop the right-hand file.", Topic.PROMPT)
    banner.show_message('"b.txt" does not exist.', Topic.PROBLEM)
    assert banner.text().splitlines() == [
        "The settings were reset.",
        '"a.txt" does not exist.',
        "Now drop the right-hand file.",
        '"b.txt" does not exist.',
    ]
    banner.show_message("Now drop the left-hand file.", Topic.PROMPT)
    banner.dismiss(Topic.PROBLEM)
    assert banner.text().splitlines() == [
        "The settings were reset.",
        "Now drop the left-hand file.",
    ]


#: a step: show a message (topic, text), dismiss what a new comparison makes stale,
#: or click the close button of the n-th row
_STEPS = st.one_of(
    st.tuples(st.just("show"), st.sampled_from(list(Topic)), st.sampled_from("abcde")),
    st.tuples(st.just("stale"), st.none(), st.none()),
    st.tuples(st.just("close"), st.none(), st.integers(0, 5)),
)


@hypothesis.settings(max_examples=100)
@given(steps=st.lists(_STEPS, max_size=25))
def test_no_message_hides_another(qapp: object, steps: list[tuple[str, object, object]]) -> None:
    """Whatever comes in whatever order: the settings warnings stay until their own close,
    the newest message is on screen until something removes it, and nothing piles up."""
    banner = Banner()
    warning_shown = newest = None
    for what, topic, arg in steps:
        if what == "show":
            assert isinstance(topic, Topic)
            text = f"{topic.value} {arg}"
            banner.show_message(text, topic)
            newest = (topic, text)
            warning_shown = warning_shown or topic is Topic.SETTINGS
        elif what == "stale":
            banner.dismiss_stale()
            newest = newest if newest and newest[0] is Topic.SETTINGS else None
        else:
            live = banner.findChildren(BannerRow)
            if live:
                row = live[int(arg) % len(live)]  # type: ignore[call-overload]
                if row.topic is Topic.SETTINGS:
                    warning_shown = False
                if newest and newest[1] in row.text():  # a settings row may hold two
                    newest = None
                row.close_button.click()
        rows = banner.findChildren(BannerRow)  # the rows on show (one gone leaves at once)
        topics = [row.topic for row in rows]
        assert (Topic.SETTINGS in topics) == bool(warning_shown)
        if newest is not None:
            shown = [row.text() for row in rows if row.topic is newest[0]]
            # a settings warning joins the one shown (both stay until dismissed)
            assert (
                any(newest[1] in text for text in shown)
                if newest[0] is Topic.SETTINGS
                else (newest[1] in shown)
            )
        for topic in Topic:
            limit = MAX_PROBLEMS if topic is Topic.PROBLEM else 1
            assert topics.count(topic) <= limit
        texts = [row.text() for row in rows]
        assert len(texts) == len(set(texts))
        assert banner.isHidden() == (not rows)
    banner.deleteLater()
