# SPDX-License-Identifier: GPL-3.0-or-later
"""Starting the GUI: the QApplication, the window, the demo and the screenshot mode.

``twofold.cli`` parses the command line and calls ``run_gui``; this module
imports Qt only inside functions so that ``--stat``/``--json`` never pay for it
and never need a display.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from twofold.engine.parallel.launch_start import Launch
    from twofold.engine.result.model import CompareOptions

log = logging.getLogger(__name__)

#: the window size ``--screenshot`` renders at, so README images are reproducible
SCREENSHOT_SIZE = (1400, 900)
#: how long ``--screenshot`` waits for the comparison before giving up
SCREENSHOT_TIMEOUT_MS = 60_000
#: Qt's image quality for the screenshot; for PNG, 80 is zlib level 2: a window of
#: text encodes in about half the default's time and is no bigger
#: (``bench/gui_bench.py`` times launch to PNG)
SCREENSHOT_QUALITY = 80
#: at most this long is given to what follows a result (slices, layout, overview marks)
SETTLE_LIMIT_S = 5.0
#: the window counts as settled after this many event passes in a row with nothing to do
QUIET_PASSES = 3

NO_DISPLAY = (
    "twofold: no display found (DISPLAY/WAYLAND_DISPLAY unset); "
    "use --stat or --json for text output, or --screenshot OUT.png"
)


def has_display() -> bool:
    """False on a Linux box with no X/Wayland and no explicit Qt platform."""
    if not sys.platform.startswith("linux"):
        return True
    env = os.environ
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def run_gui(
    left: str | None,
    right: str | None,
    *,
    demo: bool = False,
    screenshot: str | None = None,
    labels: tuple[str | None, str | None] = (None, None),
    options: CompareOptions | None = None,
    left_out: Sequence[str] = (),
    as_text: bool = False,
    whole_page: bool = False,
) -> int:
    """Open the main window (empty, on two files, or on the demo pair); return the exit code.

    Args:
        left: the older file, or None for an empty window.
        right: the newer file.
        demo: compare the bundled demo pair instead.
        screenshot: render the window offscreen to this PNG and exit.
        labels: names to show instead of the file names.
        options: comparison options from the command line (the saved ones when None).
        left_out: files named after the first two (a launcher's ``%F``), not opened.
        as_text: compare the files' own bytes as text, documents too (``--as-text``).
        whole_page: compare web pages whole, site chrome too (``--whole-page``).
    """
    from twofold import process_setup

    process_setup.prepare_window()  # before Qt or the launch starts any thread
    if screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    if demo:
        from twofold.resource_paths import demo_pair

        pair = demo_pair()
        if pair is None:
            print("twofold: the demo files are not installed", file=sys.stderr)
            return 2
        left, right = str(pair[0]), str(pair[1])
    if screenshot and (left is None) != (right is None):
        print("twofold: give two files to compare (or none)", file=sys.stderr)
        return 2
    if screenshot and not _screenshot_allowed(screenshot, (left, right)):
        return 2
    launch = None
    if left is not None and right is not None:
        launch = _begin_at_launch(left, right, labels, options)
    app = _application()
    from twofold.ui.files.settings import Settings
    from twofold.ui.main_window import MainWindow

    # A screenshot reads the user's settings but leaves them as they were: no recent
    # entry, no window geometry of an offscreen 1400x900 window.
    # The settings file given as a file to compare is read but not written either.
    window = MainWindow(settings=Settings(persist=not screenshot, inputs=(left, right)))
    if screenshot:
        files = (left, right)
        reading = {"as_text": as_text, "whole_page": whole_page}
        return _screenshot(app, window, files, labels, options, screenshot, launch, reading)
    from twofold.ui.dialogs.error_dialog import install_error_dialog

    # an exception in a slot or a worker: a dialog, not a dead app
    reporter = install_error_dialog(window, window.crashed)
    window.show()
    if left_out:  # on stderr for a terminal; in the window for a launcher, whose stderr is unseen
        from twofold.engine.export.terminal_text import escape_controls

        print(f"twofold: {escape_controls(left_out_sentence(left_out))}", file=sys.stderr)
        _say_once_shown(window, f"{left_out_sentence(left_out)} {_DROP_HINT[len(left_out) > 1]}")
    open_files(window, left, right, labels, options, launch, as_text=as_text, whole_page=whole_page)
    try:
        return int(app.exec())
    finally:
        reporter.uninstall()


#: what to do with a file left out, by whether there are several
_DROP_HINT = (
    "Drop it on a pane to compare it instead.",
    "Drop one on a pane to compare it instead.",
)


def left_out_sentence(paths: Sequence[str]) -> str:
    """``"c.txt" was not opened; Twofold compares two files at a time.`` for extra files."""
    names = [f'"{os.path.basename(path) or path}"' for path in paths]
    if len(names) > 3:
        names = [names[0], f"{len(names) - 1} more files"]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    verb = "was" if len(paths) == 1 else "were"
    return f"{listed} {verb} not opened; Twofold compares two files at a time."


def _say_once_shown(window, message: str) -> None:  # type: ignore[no-untyped-def]
    """Put ``message`` in the banner once the launch's comparison is shown (or has failed).

    Shown earlier, the result would clear it: a new comparison dismisses the
    banner's old news.
    """
    from twofold.ui.bars.banner import Topic

    def show(*_args: object) -> None:
        window.comparison_finished.disconnect(show)
        window.comparison_failed.disconnect(show)
        window.banner.show_message(message, Topic.PROMPT)

    window.comparison_finished.connect(show)
    window.comparison_failed.connect(show)


def _screenshot_allowed(out: str, inputs: tuple[str | None, str | None]) -> bool:
    """Refuse, before Qt starts, a screenshot path that is an input or not a regular file.

    ``--screenshot b.txt a.txt b.txt`` used to truncate ``b.txt``; a FIFO blocked.
    """
    from twofold.engine.export.safe_output import OutputError, check_output
    from twofold.engine.export.terminal_text import escape_controls

    try:
        check_output(out, inputs)
    except OutputError as exc:
        print(f"twofold: {escape_controls(str(exc))}", file=sys.stderr)
        return False
    return True


def _begin_at_launch(
    left: str, right: str, labels: tuple[str | None, str | None], options: CompareOptions | None
) -> Launch | None:
    """Start a big pair's head start now (``engine.parallel.launch_start``), for the window.

    What it made is handed to the window with the files (``open_files``). It only
    saves time: whatever goes wrong here, the window still opens and its worker
    loads and compares the files (and reports what is wrong with them).
    """
    from twofold.engine.parallel import launch_start

    try:
        return launch_start.begin(left, right, labels, options)
    except Exception:  # a bug in a shortcut must not cost the comparison
        log.warning("the launch head start failed; the window compares on its own", exc_info=True)
        return None


def open_files(  # type: ignore[no-untyped-def]
    window,
    left: str | None,
    right: str | None,
    labels: tuple[str | None, str | None] = (None, None),
    options: CompareOptions | None = None,
    launch: Launch | None = None,
    *,
    as_text: bool = False,
    whole_page: bool = False,
) -> None:
    """Start comparing what the command line named: two files, one, or none.

    Args:
        launch: what ``launch_start`` made for the two files before the window existed.
        as_text: read the two files' own bytes as text (``--as-text``).
        whole_page: read web pages whole, site chrome too (``--whole-page``).
    """
    reading = {"as_text": as_text, "whole_page": whole_page}
    if left is not None and right is not None:
        window.compare_files(left, right, labels, options, launch=launch, **reading)
    elif left is not None or right is not None:
        # One file (e.g. "Open with" from a file manager): it becomes A, B is asked for,
        # and the pair is read as the command line said once B comes.
        window.opener.open_one(left or right or "", **reading)


def _application() -> QApplication:
    from PySide6.QtWidgets import QApplication  # its hook is lightened (``run_gui``)

    filter_qt_messages()

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Twofold")
    app.setOrganizationName("twofold")
    app.setApplicationDisplayName("Twofold")
    app.setDesktopFileName("io.github.twofold.Twofold")  # Wayland matches the .desktop file
    _set_icon(app)
    return app


#: Qt messages dropped word for word: QPlatformWindow's default answer, which the
#: offscreen plugin (``--screenshot``, CI) gives on every shown window; nothing to act on
DROPPED_QT_MESSAGES = frozenset({"This plugin does not support propagateSizeHints()"})


@functools.cache  # once per process: a second handler would only wrap the first
def filter_qt_messages() -> None:
    """Drop ``DROPPED_QT_MESSAGES``; every other Qt message goes where it went before.

    Before: to the handler installed earlier (pytest-qt's, in the tests), else
    to stderr as Qt's default handler formats it (``QT_MESSAGE_PATTERN`` applies).
    A logging-rule filter cannot do this: the message has no category of its own.
    """
    from PySide6.QtCore import qFormatLogMessage, qInstallMessageHandler

    def handler(mode, context, message):  # type: ignore[no-untyped-def]
        if message in DROPPED_QT_MESSAGES:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(qFormatLogMessage(mode, context, message) + "\n")

    previous = qInstallMessageHandler(handler)


def _set_icon(app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QIcon

    from twofold.resource_paths import icon_path

    icon = icon_path()
    if icon is not None:
        app.setWindowIcon(QIcon(str(icon)))


def settle(app, window) -> None:  # type: ignore[no-untyped-def]
    """Process events until the window has nothing left to do for its result.

    Why not a fixed wait: what follows a result (the rest of a big text, the
    delayed geometry rebuild, the overview's marks) takes from nothing to a
    second; the fixed wait this replaced was pure waiting for a small pair
    and, on a busy machine, could end before the delayed rebuild had run.
    ``window.grab`` paints what is there. Public: the tests settle a window with it too.
    """
    deadline = time.monotonic() + SETTLE_LIMIT_S
    quiet = 0
    while quiet < QUIET_PASSES and time.monotonic() < deadline:
        app.processEvents()
        if window.view.settled:
            quiet += 1
        else:
            quiet = 0
            time.sleep(0.001)  # a layout timer (LAYOUT_DELAY_MS) is still to fire: do not spin hot


def _screenshot(app, window, files, labels, options, out, launch, reading) -> int:  # type: ignore[no-untyped-def]
    """Compare, wait for the result and one paint, save ``window.grab()``."""
    from PySide6.QtCore import QEventLoop, QTimer

    from twofold.ui.dialogs.error_dialog import log_crash

    window.crashed.connect(log_crash)  # no dialog in a screenshot: the traceback to the log
    left, right = files
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    errors: list[str] = []
    if left is not None and right is not None:
        loop = QEventLoop()
        window.comparison_finished.connect(loop.quit)

        def on_failed(message: str) -> None:
            errors.append(message)
            loop.quit()

        window.comparison_failed.connect(on_failed)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, loop.quit)
        window.compare_files(left, right, labels, options, launch=launch, **reading)
        loop.exec()
        if window.result is None and not errors:
            errors.append("the comparison did not finish in time")
    if errors:
        from twofold.engine.export.terminal_text import escape_controls

        print(f"twofold: {escape_controls(errors[0])}", file=sys.stderr)  # names, for a terminal
        window.close()
        return 2
    settle(app, window)
    pixmap = window.grab()
    window.close()
    return _save_image(pixmap, out, files)


def _save_image(pixmap, out: str, inputs) -> int:  # type: ignore[no-untyped-def]
    """Encode in memory, then write with ``safe_output``: never a truncated file, never an input.

    The format follows the name's suffix when Qt can write it (``.jpg``,
    ``.webp``), else PNG, which is what ``--screenshot`` promises.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImageWriter

    from twofold.engine.export.safe_output import OutputError, write_atomic
    from twofold.engine.export.terminal_text import escape_controls

    suffix = Path(out).suffix.lstrip(".").lower().encode()
    writable = {bytes(fmt.data()).lower() for fmt in QImageWriter.supportedImageFormats()}
    fmt = suffix.decode() if suffix in writable else "PNG"
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, fmt, SCREENSHOT_QUALITY):
        print(f'twofold: "{escape_controls(out)}" cannot be encoded as {fmt}.', file=sys.stderr)
        return 2
    buffer.close()
    try:
        write_atomic(out, bytes(data.data()), inputs=inputs)
    except OutputError as exc:
        print(f"twofold: {escape_controls(str(exc))}", file=sys.stderr)
        return 2
    return 0
