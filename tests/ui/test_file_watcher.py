# SPDX-License-Identifier: GPL-3.0-or-later
"""Files that change or vanish while shown: noticed, offered for reload, never written.

The watcher is tested alone (debounce, touches, rename-over saves, a file that
comes back) and in the window (banner, Reload, stepping after a delete), plus
the hostile inputs of issue #5 as the window sees them: a banner, never a hang.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

import hostile
from qt_helpers import compare_and_wait, drop_files
from support import DATA
from twofold.engine.load.decoding import load_document
from twofold.ui.compare_request import load_and_compare
from twofold.ui.files.file_watcher import FileStatus, FileWatcher, Loaded
from twofold.ui.files.settings import Settings as WindowSettings
from twofold.ui.main_window import MainWindow
from twofold.ui.worker import CompareRunner

A_TEXT = "The first paragraph stays.\n\nThe second paragraph is here.\n\nThe third one too.\n"
B_TEXT = "The first paragraph stays.\n\nThe second paragraph is there.\n\nThe third one, too.\n"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "docs"  # apart from the settings file the window writes
    folder.mkdir()
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(A_TEXT, "utf-8")
    b.write_text(B_TEXT, "utf-8")
    return a, b


@pytest.fixture
def watcher(qtbot: QtBot, pair: tuple[Path, Path]) -> tuple[FileWatcher, list[tuple[str, object]]]:
    """A watcher on ``b.txt`` with a short debounce, and the list of what it reported."""
    watch = FileWatcher(debounce_ms=50)
    seen: list[tuple[str, object]] = []
    watch.status_changed.connect(lambda path, status: seen.append((path, status)))
    path = str(pair[1])
    watch.watch({path: Loaded.of(load_document(path))})
    yield watch, seen
    watch.clear()
    watch.deleteLater()


def _stamp(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def _open_window_on(qtbot: QtBot, win: MainWindow, a: Path | str, b: Path | str) -> None:
    compare_and_wait(qtbot, win, a, b)
    win.file_banner.watcher.debounce_ms = 50


# ------------------------------------------------------------------------- watcher


def test_an_edit_in_place_is_reported_once_per_burst(
    qtbot: QtBot, watcher: tuple[FileWatcher, list[tuple[str, object]]], pair: tuple[Path, Path]
) -> None:
    watch, seen = watcher
    with pair[1].open("a", encoding="utf-8") as out:  # a save in three writes
        for word in ("one ", "two ", "three\n"):
            out.write(word)
            out.flush()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    qtbot.waitUntil(lambda: not watch.pending)
    watch.check_now()  # had the report come mid-burst, this look would find the file moved
    assert seen == [(str(pair[1]), FileStatus.CHANGED)]


def test_a_touch_that_changes_nothing_is_ignored(
    qtbot: QtBot, watcher: tuple[FileWatcher, list[tuple[str, object]]], pair: tuple[Path, Path]
) -> None:
    watch, seen = watcher
    later = pair[1].stat().st_mtime_ns + 5_000_000_000
    os.utime(pair[1], ns=(later, later))
    pair[1].write_text(B_TEXT, "utf-8")  # the same bytes saved again
    watch.check_now()
    qtbot.waitUntil(lambda: not watch.pending)  # the look the touch's own events start, too
    assert seen == []
    assert watch.status(str(pair[1])) is FileStatus.UNCHANGED


def test_same_size_new_content_is_a_change(
    watcher: tuple[FileWatcher, list[tuple[str, object]]], pair: tuple[Path, Path]
) -> None:
    watch, seen = watcher
    pair[1].write_text(B_TEXT.replace("there", "THERE"), "utf-8")
    watch.check_now()
    assert seen == [(str(pair[1]), FileStatus.CHANGED)]


def test_a_save_by_rename_is_followed(
    qtbot: QtBot, watcher: tuple[FileWatcher, list[tuple[str, object]]], pair: tuple[Path, Path]
) -> None:
    """Editors write a temporary file and rename it over the original: watch the new one."""
    _watch, seen = watcher
    temp = pair[1].with_name(".b.txt.swp")
    temp.write_text("Replaced by rename.\n", "utf-8")
    os.replace(temp, pair[1])
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[-1] == (str(pair[1]), FileStatus.CHANGED)
    seen.clear()
    pair[1].write_text("Edited again, in place.\n", "utf-8")
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[-1] == (str(pair[1]), FileStatus.CHANGED)


def test_a_deleted_file_is_missing_then_restored(
    qtbot: QtBot, watcher: tuple[FileWatcher, list[tuple[str, object]]], pair: tuple[Path, Path]
) -> None:
    _watch, seen = watcher
    pair[1].unlink()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[-1] == (str(pair[1]), FileStatus.MISSING)
    pair[1].write_text(B_TEXT, "utf-8")  # the same content comes back (git checkout)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen[-1] == (str(pair[1]), FileStatus.UNCHANGED)


def test_a_change_between_loading_and_watching_is_reported(
    qtbot: QtBot, pair: tuple[Path, Path]
) -> None:
    watch = FileWatcher(debounce_ms=50)
    with qtbot.waitSignal(watch.status_changed) as signal:
        watch.watch({str(pair[0]): Loaded(3)})  # the engine read 3 bytes; the file has more now
    assert signal.args == [str(pair[0]), FileStatus.CHANGED]
    watch.clear()


# -------------------------------------------------------------------------- window


def test_a_changed_file_shows_the_banner_and_reload_shows_the_new_text(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    _open_window_on(qtbot, window, *pair)
    assert not window.file_banner.isVisible()
    pair[1].write_text(B_TEXT + "\nA new closing paragraph.\n", "utf-8")
    qtbot.waitUntil(window.file_banner.isVisible, timeout=5000)
    assert window.file_banner.text() == "b.txt changed on disk."
    assert window.file_banner.reload_button.isVisible()
    assert window.result is not None
    assert "closing" not in window.result.b.text  # nothing reloads behind the user's back
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.file_banner.reload_button.click()
    assert "A new closing paragraph." in window.result.b.text
    assert not window.file_banner.isVisible()


def test_f5_reloads_and_dismiss_hides(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    _open_window_on(qtbot, window, *pair)
    pair[0].write_text(A_TEXT.replace("first", "opening"), "utf-8")
    qtbot.waitUntil(window.file_banner.isVisible, timeout=5000)
    assert window.file_banner.text() == "a.txt changed on disk."
    window.file_banner.dismiss_button.click()
    assert not window.file_banner.isVisible()
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.actions_by_id["reload"].trigger()
    assert window.result is not None
    assert "opening paragraph" in window.result.a.text


def test_a_deleted_file_keeps_the_comparison_usable(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    _open_window_on(qtbot, window, *pair)
    shown = window.result
    assert shown is not None
    assert len(shown.changes) >= 2
    pair[1].unlink()
    qtbot.waitUntil(window.file_banner.isVisible, timeout=5000)
    assert window.file_banner.text() == (
        "b.txt was deleted or moved; the comparison shown is kept."
    )
    assert not window.file_banner.reload_button.isVisible()
    window.actions_by_id["first_change"].trigger()
    window.actions_by_id["next_change"].trigger()
    assert window.current_change == 1
    assert window.status_line.position_label.text() == f"Change 2 of {len(shown.changes)}"
    assert window.result is shown


def test_comparing_and_watching_never_write_the_files(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    before = [_stamp(p) for p in pair]
    modes = [stat.S_IMODE(p.stat().st_mode) for p in pair]
    _open_window_on(qtbot, window, *pair)
    window.file_banner.watcher.check_now()
    with qtbot.waitSignal(window.comparison_finished, timeout=30_000):
        window.reload()
    window.close()
    assert [_stamp(p) for p in pair] == before
    assert [stat.S_IMODE(p.stat().st_mode) for p in pair] == modes
    assert sorted(p.name for p in pair[0].parent.iterdir()) == ["a.txt", "b.txt"]


# ------------------------------------------------------------- hostile inputs in the GUI


GUI_BAD_INPUTS = [
    (
        "sparse-2gb",
        hostile.sparse_2gb,
        '"huge.log" is 2.0 GB; Twofold compares files up to 256 MB.',
    ),
    ("fifo", hostile.fifo, '"pipe" is a pipe, not a regular file.'),
    ("dev-zero", hostile.dev_zero, '"zero" is a device, not a regular file.'),
    (
        "symlink-loop",
        hostile.symlink_loop,
        '"loop-a" is a symbolic link that leads back to itself.',
    ),
]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
@pytest.mark.parametrize(
    ("make", "message"),
    [case[1:] for case in GUI_BAD_INPUTS],
    ids=[case[0] for case in GUI_BAD_INPUTS],
)
def test_opening_a_hostile_file_shows_the_engine_sentence(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path], tmp_path: Path, make, message: str
) -> None:
    """What File > Open does (it calls compare_files): the worker refuses, no hang."""
    _open_window_on(qtbot, window, *pair)
    shown = window.result
    bad = make(tmp_path)
    with qtbot.waitSignal(window.comparison_failed, timeout=10_000) as failed:
        window.compare_files(str(pair[0]), str(bad))
    assert failed.args == [message]
    assert window.banner.text() == message
    assert window.result is shown
    window.actions_by_id["next_change"].trigger()  # still usable
    assert window.current_change == 1


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
def test_dropping_a_sparse_2gb_file_refuses_with_its_size(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path], tmp_path: Path
) -> None:
    _open_window_on(qtbot, window, *pair)
    huge = hostile.sparse_2gb(tmp_path)
    shown = window.result
    drop_files(window, [huge])  # refused at the drop, before any reading
    assert window.banner.text() == '"huge.log" is 2.0 GB; Twofold compares files up to 256 MB.'
    assert not window.runner.busy
    assert window.result is shown


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
@pytest.mark.parametrize("make", [hostile.fifo, hostile.dev_zero], ids=["fifo", "dev-zero"])
def test_dropping_a_special_file_is_refused_at_once(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path], tmp_path: Path, make
) -> None:
    _open_window_on(qtbot, window, *pair)
    bad = make(tmp_path)
    drop_files(window, [bad])
    kind = "a pipe" if bad.name == "pipe" else "a device"
    assert window.banner.text() == f'"{bad.name}" is {kind}, not a regular file.'
    assert not window.runner.busy


AWKWARD_TEXT = [
    ("empty", "UTF-8 \u00b7 none", "No changes"),
    ("whitespace_only", "UTF-8 \u00b7 LF", "No changes"),
    ("invalid_utf8_mid", "UTF-8 (5 undecodable sequences shown as \ufffd) \u00b7 LF", "No changes"),
    ("utf16le_nobom_en", "UTF-16-LE \u00b7 LF", "No changes"),
    ("mixed_eol_es", "UTF-8 \u00b7 mixed", "No changes"),
]


@pytest.mark.parametrize(
    ("name", "formats", "position"), AWKWARD_TEXT, ids=[case[0] for case in AWKWARD_TEXT]
)
def test_awkward_text_opens_in_the_window(
    qtbot: QtBot, window: MainWindow, name: str, formats: str, position: str
) -> None:
    """Text that is valid but unusual shows as text, with its encoding and newlines named."""
    path = DATA / "encodings" / f"{name}.bin"
    _open_window_on(qtbot, window, path, path)
    assert window.status_line.formats_label.text() == formats
    assert window.status_line.position_label.text() == position
    assert window.banner.text() == "The two documents are identical."
    expected = (DATA / "encodings" / f"{name}.expected.txt").read_text("utf-8")
    assert window.result is not None
    assert window.result.a.text == ("" if expected == "EMPTY" else expected)


def test_a_non_ascii_path_opens_in_the_window(
    qtbot: QtBot, window: MainWindow, pair: tuple[Path, Path]
) -> None:
    named = pair[1].with_name("Entwurf \u2013 \u00fc, v2.txt")
    try:
        named.write_text(B_TEXT, "utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("the file system cannot store this name")
    _open_window_on(qtbot, window, pair[0], named)
    assert window.windowTitle() == "a.txt \u2194 Entwurf \u2013 \u00fc, v2.txt \u2014 Twofold"


def test_the_engines_digest_spares_reading_the_file_again(
    qtbot: QtBot, pair: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window watches with the hash of the bytes it compared; a same-size edit still shows."""
    path, reads = pair[1], []
    past = path.stat().st_mtime_ns - 60_000_000_000  # a file saved a minute ago: not racy
    os.utime(path, ns=(past, past))
    loaded = load_document(str(path))
    assert loaded.mtime_ns == past
    real_open = os.open

    def counted_open(opened: str, *args: Any, **kwargs: Any) -> int:
        if os.fspath(opened) == str(path):
            reads.append(opened)
        return real_open(opened, *args, **kwargs)

    monkeypatch.setattr(os, "open", counted_open)  # hashing reads the file: it opens it
    watch = FileWatcher(debounce_ms=50)
    seen: list[tuple[str, object]] = []
    watch.status_changed.connect(lambda p, status: seen.append((p, status)))
    watch.watch({str(path): Loaded.of(loaded)})
    assert reads == [], "the file was hashed again on the UI thread"
    path.write_text(B_TEXT.replace("there", "thorn"), "utf-8")  # same size, new words
    qtbot.waitUntil(lambda: seen == [(str(path), FileStatus.CHANGED)], timeout=5000)
    assert reads, "a same-size edit is told by its hash: the file was read then"
    watch.clear()


# ------------------------------------------- a save between loading and watching (#16)


def _window_that_saves_b_after_loading(
    qtbot: QtBot, settings: WindowSettings, b: Path, saved: str
) -> MainWindow:
    """A window whose worker writes ``saved`` into B once it has read both files, once.

    So the save lands after the engine read B and before the window starts
    watching it, every time: the race a user hits by saving while Twofold loads.
    A later load (a reload) reads the file as it is then.
    """
    saves = [saved]

    def load_then_save(request, should_cancel, progress, head_start=None):  # type: ignore[no-untyped-def]
        result = load_and_compare(request, should_cancel, progress, head_start)
        if saves:
            b.write_text(saves.pop(), "utf-8")
        return result

    win = MainWindow(runner=CompareRunner(load_then_save), settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _after_an_unrelated_event(qtbot: QtBot, win: MainWindow, folder: Path) -> None:
    """Create another file in the folder and wait for the watcher to look at B again."""
    other = folder / f"notes-{len(list(folder.iterdir()))}.txt"
    with qtbot.waitSignal(win.file_banner.watcher.looked, timeout=5000):
        other.write_text("An unrelated file.\n", "utf-8")


SAVES = {
    "longer": B_TEXT + "\nA paragraph saved while loading.\n",
    "same-size": B_TEXT.replace("there", "where"),
}


@pytest.mark.parametrize("saved", SAVES.values(), ids=SAVES.keys())
def test_a_save_while_loading_stays_reported_until_reload(
    qtbot: QtBot, settings: WindowSettings, pair: tuple[Path, Path], saved: str
) -> None:
    win = _window_that_saves_b_after_loading(qtbot, settings, pair[1], saved)
    _open_window_on(qtbot, win, *pair)
    assert win.result is not None
    assert win.result.b.text == B_TEXT  # the window shows what was read, not the save
    qtbot.waitUntil(win.file_banner.isVisible, timeout=5000)
    assert win.file_banner.text() == "b.txt changed on disk."
    for _ in range(2):  # an event elsewhere in the folder changes nothing about B
        _after_an_unrelated_event(qtbot, win, pair[0].parent)
        assert win.file_banner.text() == "b.txt changed on disk."
    win.file_banner.watcher.check_now()
    assert win.file_banner.text() == "b.txt changed on disk."
    pair[1].write_text(B_TEXT, "utf-8")  # the content shown comes back (an undo, a checkout)
    qtbot.waitUntil(lambda: not win.file_banner.isVisible(), timeout=5000)


def test_a_save_while_loading_goes_on_reload(
    qtbot: QtBot, settings: WindowSettings, pair: tuple[Path, Path]
) -> None:
    win = _window_that_saves_b_after_loading(qtbot, settings, pair[1], SAVES["longer"])
    _open_window_on(qtbot, win, *pair)
    qtbot.waitUntil(win.file_banner.isVisible, timeout=5000)
    with qtbot.waitSignal(win.comparison_finished, timeout=30_000):
        win.file_banner.reload_button.click()
    assert win.result is not None
    assert win.result.b.text == SAVES["longer"]
    _after_an_unrelated_event(qtbot, win, pair[0].parent)
    assert not win.file_banner.isVisible()


def test_the_document_carries_the_time_it_was_read_at(pair: tuple[Path, Path]) -> None:
    doc = load_document(str(pair[1]))
    assert doc.mtime_ns == pair[1].stat().st_mtime_ns
    assert Loaded.of(doc) == Loaded(len(B_TEXT), doc.mtime_ns, doc.digest)


#: what may happen to B while it is shown: new bytes written in place or by
#: rename, the loaded bytes written back, a touch, a delete
_EVENTS = st.one_of(
    st.tuples(st.sampled_from(["write", "rename"]), st.sampled_from([b"", b"x", b"y", b"xy"])),
    st.tuples(st.sampled_from(["restore", "touch", "delete"]), st.just(b"")),
)


@settings(max_examples=40)
@given(events=st.lists(_EVENTS, min_size=1, max_size=6))
def test_the_status_always_says_whether_disk_holds_what_was_loaded(
    qapp: object, events: list[tuple[str, bytes]]
) -> None:
    """Whatever happens in whatever order (and within one clock tick), the status is the truth.

    Writes follow each other faster than file times tick, so a same-size save can
    keep size and time: the hash must catch it.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.txt"
        path.write_bytes(b"xx")
        watch = FileWatcher()
        watch.watch({str(path): Loaded.of(load_document(str(path)))})
        for what, data in events:
            if what == "write":
                path.write_bytes(b"x" + data)
            elif what == "rename":
                (path.parent / "tmp").write_bytes(b"x" + data)
                os.replace(path.parent / "tmp", path)
            elif what == "restore":
                path.write_bytes(b"xx")
            elif what == "touch" and path.exists():
                os.utime(path)
            elif what == "delete" and path.exists():
                path.unlink()
            watch.check_now()
            if not path.exists():
                expected = FileStatus.MISSING
            elif path.read_bytes() == b"xx":
                expected = FileStatus.UNCHANGED
            else:
                expected = FileStatus.CHANGED
            assert watch.status(str(path)) is expected, (what, data)
        watch.clear()
        watch.deleteLater()


def test_a_same_size_save_in_the_same_clock_tick_is_a_change(pair: tuple[Path, Path]) -> None:
    """A save right after the load can keep size and file time (coarse clocks): hash then."""
    path = pair[1]
    loaded = load_document(str(path))
    path.write_text(B_TEXT.replace("there", "where"), "utf-8")
    os.utime(path, ns=(loaded.mtime_ns, loaded.mtime_ns))  # type: ignore[arg-type]
    watch = FileWatcher()
    watch.watch({str(path): Loaded.of(loaded)})
    assert watch.status(str(path)) is FileStatus.CHANGED
    watch.clear()
