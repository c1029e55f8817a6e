# SPDX-License-Identifier: GPL-3.0-or-later
"""The process-wide tweaks: none on import, each applied once by the window's entry point."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from support import run_python
from twofold import process_setup

#: what a fresh interpreter reports of the settings ``process_setup`` owns, as JSON
_REPORT = (
    "import gc, json, sys\n"
    "from twofold import process_setup\n"
    "feature = sys.modules.get('shibokensupport.feature')\n"
    "hook = getattr(feature, '_mod_uses_pyside', None)\n"
    "print(json.dumps({\n"
    "    'switch': sys.getswitchinterval(),\n"
    "    'gc_enabled': gc.isenabled(),\n"
    "    'frozen': gc.get_freeze_count(),\n"
    "    'hook_lightened': bool(getattr(hook, 'reads_bytes', False)),\n"
    "    'applied': sorted(t.name for t in process_setup.applied()),\n"
    "    'tuned': TUNED,\n"
    "}))\n"
)

#: counts the allocator's tuning, whoever asks for it
_COUNT_TUNING = (
    "from twofold import allocator\n"
    "TUNED = 0\n"
    "_tune = allocator.tune_allocator\n"
    "def _counted():\n"
    "    global TUNED\n"
    "    TUNED += 1\n"
    "    return _tune()\n"
    "allocator.tune_allocator = _counted\n"
)


def _report(code: str) -> dict[str, object]:
    done = run_python(_COUNT_TUNING + code + _REPORT)
    assert done.returncode == 0, done.stderr
    report: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return report


def test_importing_every_module_changes_no_process_setting() -> None:
    pytest.importorskip("PySide6")
    report = _report(
        "import importlib, pkgutil, twofold\n"
        "for info in pkgutil.walk_packages(twofold.__path__, 'twofold.'):\n"
        "    if not info.name.endswith('__main__'):\n"
        "        importlib.import_module(info.name)\n"
    )
    assert report == {
        "switch": 0.005,
        "gc_enabled": True,
        "frozen": 0,
        "hook_lightened": False,
        "applied": [],
        "tuned": 0,
    }


def test_the_window_entry_point_applies_each_tweak_once(tmp_path: Path) -> None:
    pytest.importorskip("PySide6")
    shots = [tmp_path / "one.png", tmp_path / "two.png"]
    report = _report(
        "from twofold.cli import main\n"
        + "".join(f"assert main(['--demo', '--screenshot', {str(s)!r}]) == 0\n" for s in shots)
    )
    assert report == {
        "switch": process_setup.SWITCH_INTERVAL,
        "gc_enabled": True,
        "frozen": report["frozen"],  # the worker's results, exempted from GC passes
        "hook_lightened": True,
        "applied": sorted(t.name for t in process_setup.Tweak),
        "tuned": 1,
    }
    assert all(shot.stat().st_size > 10_000 for shot in shots)


def test_preparing_the_window_twice_applies_once() -> None:
    pytest.importorskip("PySide6")
    report = _report(
        "import sys\n"
        "from twofold import process_setup\n"
        "process_setup.prepare_window()\n"
        "sys.setswitchinterval(0.002)\n"
        "process_setup.prepare_window()\n"
    )
    assert report["tuned"] == 1
    assert report["switch"] == 0.002, "a second call set the switch interval again"
    assert report["hook_lightened"] is True


def test_the_text_fronts_apply_no_process_tweak(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("One two three.\n", encoding="utf-8")
    b.write_text("One two tree.\n", encoding="utf-8")
    report = _report(
        "import contextlib, io\n"
        "from twofold.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['--json', {str(a)!r}, {str(b)!r}]) == 1\n"
    )
    assert report["switch"] == 0.005
    assert report["applied"] == []
    assert report["tuned"] == 0
    assert report["hook_lightened"] is False


def test_collections_resume_after_the_last_job_even_on_errors() -> None:
    assert gc.isenabled()
    with process_setup.collections_held():
        assert not gc.isenabled()
        with pytest.raises(RuntimeError), process_setup.collections_held():
            raise RuntimeError("a job failed")
        assert not gc.isenabled(), "another job is still building its result"
    assert gc.isenabled()


def test_exempting_from_gc_freezes_what_exists_now() -> None:
    survivor = [object() for _ in range(10)]
    try:
        process_setup.exempt_from_gc()
        assert gc.get_freeze_count() > 0
        assert not any(obj is survivor for obj in gc.get_objects())
    finally:
        gc.unfreeze()


def test_end_process_flushes_then_ends_with_the_status() -> None:
    run = run_python(
        "import sys\n"
        "from twofold.process_setup import end_process\n"
        "sys.stdout.write('written')\n"
        "sys.stderr.write('said')\n"
        "end_process(3)\n"
        "print('never')\n"
    )
    assert (run.returncode, run.stdout, run.stderr) == (3, "written", "said")
