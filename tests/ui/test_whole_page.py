# SPDX-License-Identifier: GPL-3.0-or-later
"""Compare ▸ Compare Web Pages Whole: the pair on screen re-read with its site chrome."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from office_files import docx_bytes, p
from qt_helpers import compare_and_wait, drop_files
from twofold.app import open_files
from twofold.cli import main
from twofold.engine.result.kinds import DocFormat, Side
from twofold.ui.main_window import MainWindow

ARTICLE = (
    "Harbour notes\n\n"
    "The ferry to the island now leaves from the north pier every morning.\n\n"
    "Tickets are sold on board and at the kiosk by the harbour master's office.\n"
)


def page(*menu: str) -> str:
    """A news page: the same article under a site menu of ``menu``."""
    items = "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in menu)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Notes</title></head><body>
<header class="site-header"><a class="logo" href="/">The Daily Planet</a>
<nav class="main-nav"><ul>{items}</ul></nav></header>
<article class="story"><h1>Harbour notes</h1>
<p>The ferry to the island now leaves from the north pier every morning.</p>
<p>Tickets are sold on board and at the kiosk by the harbour master's office.</p>
</article>
<footer id="footer"><p>&copy; 2026 The Daily Planet. All rights reserved.</p></footer>
</body></html>
"""


@pytest.fixture
def pages(tmp_path: Path) -> tuple[Path, Path]:
    """Two pages whose articles are the same and whose site menus are not."""
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    a.write_text(page("World", "Sport"), encoding="utf-8")
    b.write_text(page("World", "Sport", "Weather"), encoding="utf-8")
    return a, b


def trigger_and_wait(qtbot: QtBot, window: MainWindow, action: str) -> None:
    with qtbot.waitSignal(window.comparison_finished, timeout=60_000):
        window.actions_by_id[action].trigger()


def test_the_menu_item_re_reads_the_pair_whole_and_a_new_pair_as_its_article(
    qtbot: QtBot, window: MainWindow, pages: tuple[Path, Path], tmp_path: Path
) -> None:
    toggle = window.actions_by_id["whole_page"]
    compare_and_wait(qtbot, window, *pages)
    assert window.result is not None
    assert window.result.a.text == ARTICLE
    assert not window.result.differs  # the articles are the same
    assert not toggle.isChecked()

    trigger_and_wait(qtbot, window, "whole_page")
    assert toggle.isChecked()
    assert window.result.a.format is DocFormat.HTML
    assert window.result.b.text.startswith("The Daily Planet\n\nWorld\n\nSport\n\nWeather\n\n")
    assert window.result.differs  # the menus are not
    assert window.result.a.set_apart == ()

    trigger_and_wait(qtbot, window, "reload")  # F5 and option changes keep the choice
    assert "Weather" in window.result.b.text
    trigger_and_wait(qtbot, window, "swap")
    assert ("Weather" in window.result.a.text, toggle.isChecked()) == (True, True)
    trigger_and_wait(qtbot, window, "read_as_text")  # the other choice leaves this one
    assert (window.result.a.format, toggle.isChecked()) == (DocFormat.TEXT, True)
    trigger_and_wait(qtbot, window, "read_as_text")
    assert window.result.a.text.startswith("The Daily Planet\n\n")

    other = tmp_path / "c.html"
    other.write_text(page("World"), encoding="utf-8")
    compare_and_wait(qtbot, window, pages[0], other)  # another pair: its articles again
    assert window.result.a.text == ARTICLE
    assert not toggle.isChecked()

    trigger_and_wait(qtbot, window, "whole_page")
    trigger_and_wait(qtbot, window, "whole_page")  # and back
    assert window.result.a.text == ARTICLE
    assert not toggle.isChecked()


def test_the_set_apart_line_offers_to_compare_the_pages_whole(
    qtbot: QtBot, window: MainWindow, pages: tuple[Path, Path]
) -> None:
    compare_and_wait(qtbot, window, *pages)
    note = window.view.headers[Side.A].set_apart
    assert note.text().startswith("4 paragraphs of site navigation")
    assert note.whole_button.isVisible()
    with qtbot.waitSignal(window.comparison_finished, timeout=60_000):
        qtbot.mouseClick(note.whole_button, Qt.MouseButton.LeftButton)
    assert window.actions_by_id["whole_page"].isChecked()
    assert window.result is not None
    assert window.result.a.text.startswith("The Daily Planet\n\nWorld\n\n")
    assert not note.isVisible()  # nothing is set apart any more


def test_the_menu_item_waits_for_a_comparison(window: MainWindow) -> None:
    assert not window.actions_by_id["whole_page"].isEnabled()


def test_whole_page_from_the_command_line_opens_the_window_on_the_whole_pages(
    qtbot: QtBot, window: MainWindow, pages: tuple[Path, Path]
) -> None:
    with qtbot.waitSignal(window.comparison_finished, timeout=60_000):
        open_files(window, str(pages[0]), str(pages[1]), whole_page=True)
    assert window.result is not None
    assert window.result.b.text.startswith("The Daily Planet\n\nWorld\n\nSport\n\nWeather")
    assert window.actions_by_id["whole_page"].isChecked()


@pytest.mark.parametrize("flag", ["as_text", "whole_page"])
def test_one_file_from_the_command_line_keeps_its_flag_for_the_dropped_partner(
    qtbot: QtBot, window: MainWindow, pages: tuple[Path, Path], flag: str
) -> None:
    """``twofold --as-text one.html``: the window asks for the other file, then reads both so."""
    open_files(window, str(pages[0]), None, **{flag: True})
    assert "right-hand file" in window.banner.text()
    with qtbot.waitSignal(window.comparison_finished, timeout=60_000):
        assert drop_files(window.drop_zone.targets[Side.B], [pages[1]])
    assert window.result is not None
    assert window.result.b.text.startswith("<!DOCTYPE html>" if flag == "as_text" else "The Daily")
    assert window.actions_by_id[flag.replace("as_text", "read_as_text")].isChecked()


def test_a_screenshot_whole_shows_what_the_article_alone_does_not(
    qapp: QApplication, tmp_path: Path, pages: tuple[Path, Path]
) -> None:
    shots = [tmp_path / f"{name}.png" for name in ("article", "again", "whole")]
    assert main(["--screenshot", str(shots[0]), *map(str, pages)]) == 0
    assert main(["--screenshot", str(shots[1]), *map(str, pages)]) == 0
    assert main(["--screenshot", str(shots[2]), "--whole-page", *map(str, pages)]) == 0
    article, again, whole = (QImage(str(shot)) for shot in shots)
    assert article == again  # the same pair renders the same
    assert whole != article  # the site's menus are on screen, and differ


def test_a_word_documents_set_apart_line_offers_no_compare_whole(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Only a web page's reader has the choice: a Word file's page headers stay apart."""
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_bytes(p("Some words."), header=p("Running head")))
    compare_and_wait(qtbot, window, draft, draft)
    note = window.view.headers[Side.A].set_apart
    assert note.isVisible()
    assert note.show_button.isVisible()
    assert not note.whole_button.isVisible()
