# SPDX-License-Identifier: GPL-3.0-or-later
"""What ships: the icon, the desktop files, the wheel's contents, finding resources/.

``packaging/smoke-wheel.sh`` (``make smoke``) also installs the wheel in a fresh venv
and starts it; these tests check the files and the lookup quickly, in-process.
"""

from __future__ import annotations

import configparser
import email.message
import email.parser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

import twofold
from support import installed_copy, run_python
from twofold import resource_paths as resources
from twofold.engine.load.documents.formats import READERS

ROOT = Path(__file__).resolve().parents[1]
RES = ROOT / "resources"
APP_ID = "io.github.twofold.Twofold"
#: the project's home, and where its files are served raw (README's image on a package index)
HOME = "https://github.com/twofold/twofold"
RAW = "https://raw.githubusercontent.com/twofold/twofold/main"
DESKTOP = RES / "desktop" / f"{APP_ID}.desktop"
METAINFO = RES / "desktop" / f"{APP_ID}.metainfo.xml"
ICON = RES / "icons" / "twofold.svg"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
#: resources/ files the wheel leaves out: nothing reads them at run time
NOT_SHIPPED = ["screenshot.png"]
SHIPPED = [
    "demo/gettysburg-nicolay.txt",
    "demo/gettysburg-bliss.txt",
    "icons/twofold.svg",
    *(f"icons/{name}.svg" for name in ("open", "reload", "report", "previous", "next")),
    f"desktop/{APP_ID}.desktop",
    f"desktop/{APP_ID}.metainfo.xml",
]


def test_icon_is_square_svg() -> None:
    root = ET.parse(ICON).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"


@pytest.mark.gui
def test_icon_renders() -> None:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICON))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == renderer.defaultSize().height() == 256


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keep the key case
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_keys() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Twofold"
    assert entry["Exec"] == "twofold %F"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "twofold"
    assert {"Development", "Utility", "TextTools"} <= set(entry["Categories"].split(";"))


def test_desktop_entry_offers_the_document_types_but_no_plain_text() -> None:
    """ "Open With" lists Twofold for the documents it reads (issue 20), never for plain text.

    ``MimeType=text/plain`` made Twofold a handler of every text file, so a
    double-click on notes.txt could open a diff window asking for a second file;
    a document's own application (a word processor, a reader, a browser) stays
    its default, and Twofold is offered beside it. Text is still opened with
    "Open With Other Application", which runs ``twofold %F``.
    """
    types = set(_desktop_entry()["MimeType"].strip(";").split(";"))
    assert types == {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
        "application/rtf",
        "application/pdf",
        "application/epub+zip",
        "text/html",
    }


def test_metainfo_names_id_license_and_release() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    assert root.findtext("launchable") == DESKTOP.name
    release = root.find("releases/release")
    assert release is not None
    assert release.get("version") == twofold.__version__
    screenshot = root.findtext("screenshots/screenshot/image") or ""
    assert screenshot.endswith("resources/screenshot.png")
    assert (RES / "screenshot.png").is_file()


def test_metainfo_names_the_developer_for_old_and_new_appstream() -> None:
    """``<developer>`` is AppStream 1.0's; 0.16 (Debian 12) reads only ``<developer_name>``."""
    root = ET.parse(METAINFO).getroot()
    author = PYPROJECT["authors"][0]["name"]
    assert root.findtext("developer_name") == author
    developer = root.find("developer")
    assert developer is not None
    assert developer.get("id") == "io.github.twofold"
    assert developer.findtext("name") == author


def test_metainfo_and_package_point_to_the_same_project() -> None:
    """The software centre's links and the package index's are one set of real addresses."""
    root = ET.parse(METAINFO).getroot()
    urls = {url.get("type"): url.text for url in root.findall("url")}
    project = PYPROJECT["urls"]
    assert urls["homepage"] == project["Homepage"] == HOME
    assert urls["bugtracker"] == project["Issues"] == f"{HOME}/issues"
    assert urls["vcs-browser"] == project["Source"] == HOME
    assert urls["help"] == f"{HOME}#readme"
    # the reverse-DNS id is the project's GitHub owner: io.github.<owner>
    assert APP_ID.startswith("io.github." + HOME.split("/")[3] + ".")
    screenshot = root.findtext("screenshots/screenshot/image") or ""
    assert screenshot == f"{RAW}/resources/screenshot.png"


@pytest.mark.parametrize(
    ("tool", "args", "path"),
    [
        ("desktop-file-validate", [], DESKTOP),
        ("appstreamcli", ["validate", "--no-net"], METAINFO),
    ],
)
def test_validators_accept_the_desktop_files(tool: str, args: list[str], path: Path) -> None:
    """Only where the distribution's validator is installed (not a project dependency)."""
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    run = subprocess.run(
        [tool, *args, str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_pyinstaller_spec_bundles_resources_where_they_are_looked_up() -> None:
    spec = (ROOT / "packaging" / "twofold.spec").read_text("utf-8")
    compile(spec, "twofold.spec", "exec")
    assert '"twofold/resources"' in spec


def test_pyinstaller_spec_carries_every_document_reader() -> None:
    """The readers are imported by name (``formats.READERS``): the analysis is told of each."""
    spec = (ROOT / "packaging" / "twofold.spec").read_text("utf-8")
    block = spec.split("_READERS_DIR = ", 1)[1].split("a = Analysis(", 1)[0]
    found: dict[str, object] = {"os": os, "ROOT": str(ROOT)}
    exec(compile("_READERS_DIR = " + block, "twofold.spec", "exec"), found)
    readers = {ref.module for ref in READERS.values()}
    assert {"twofold.engine.load.documents.docx", "twofold.engine.load.documents.epub"} <= readers
    present = {name for name in readers if importlib.util.find_spec(name) is not None}
    assert present <= set(found["DOCUMENT_READERS"])  # type: ignore[arg-type]
    assert 'hiddenimports=["PySide6.QtSvg", *DOCUMENT_READERS]' in spec


def test_pyinstaller_spec_keeps_the_qt_modules_twofold_imports() -> None:
    spec = (ROOT / "packaging" / "twofold.spec").read_text("utf-8")
    excluded = set(re.findall(r"\bQt\w+", spec.split("UNUSED_QT = [", 1)[1].split("]", 1)[0]))
    sources = "".join(p.read_text("utf-8") for p in (ROOT / "gui").rglob("*.py"))
    used = set(re.findall(r"PySide6\.(Qt\w+)", sources))
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    assert not used & excluded
    assert "QtNetwork" in excluded


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    (built,) = out.glob("twofold-*.whl")
    return built


def test_wheel_ships_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in SHIPPED:
        assert f"twofold/resources/{name}" in names
    assert "twofold/resource_paths.py" in names
    assert not any(name.startswith("resources/") for name in names)


def test_wheel_ships_every_resource_but_the_screenshot(wheel: Path) -> None:
    """The 265 KB README screenshot stayed in the wheel although nothing reads it."""
    names = {n for n in zipfile.ZipFile(wheel).namelist() if n.startswith("twofold/resources/")}
    in_checkout = {
        f"twofold/resources/{p.relative_to(RES).as_posix()}" for p in RES.rglob("*") if p.is_file()
    }
    left_out = {f"twofold/resources/{name}" for name in NOT_SHIPPED}
    assert names == in_checkout - left_out
    # The code grows; the screenshot alone would add 265 KB to it.
    assert wheel.stat().st_size < 550_000


def _metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as whl:
        (name,) = [n for n in whl.namelist() if n.endswith(".dist-info/METADATA")]
        return email.parser.Parser().parsestr(whl.read(name).decode("utf-8"))


def test_wheel_metadata_names_project_urls_author_and_classifiers(wheel: Path) -> None:
    meta = _metadata(wheel)
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert urls["Homepage"] == HOME
    assert urls["Issues"] == f"{HOME}/issues"
    assert urls["Changelog"] == f"{HOME}/blob/main/CHANGELOG.md"
    assert "The Twofold developers" in (meta["Author"] or "")
    classifiers = set(meta.get_all("Classifier") or [])
    assert "Environment :: X11 Applications :: Qt" in classifiers
    assert "Intended Audience :: End Users/Desktop" in classifiers
    assert "Programming Language :: Python :: 3 :: Only" in classifiers
    assert "diff" in (meta["Keywords"] or "")


def test_long_description_links_work_on_a_package_index(wheel: Path) -> None:
    """README.md is the package's description: on PyPI a relative link or image leads nowhere."""
    assert PYPROJECT["readme"] == "README.md"
    description = _metadata(wheel).get_payload()
    assert isinstance(description, str)
    targets = re.findall(r"\]\(([^)\s]+)", description)
    assert f"{RAW}/resources/screenshot.png" in targets
    relative = [t for t in targets if not t.startswith(("https://", "http://", "#", "mailto:"))]
    assert relative == []


def test_installed_layout_finds_resources(wheel: Path, tmp_path: Path) -> None:
    """The unpacked wheel, imported from elsewhere, finds its own copy of resources/."""
    site = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "from twofold import resource_paths as r; print(r.resources_dir()); print(r.demo_pair())"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    found = run.stdout.splitlines()
    assert found[0] == str((site / "twofold" / "resources").resolve())
    assert "gettysburg-nicolay.txt" in found[1]


def test_checkout_layout() -> None:
    assert resources.resources_dir() == RES
    assert resources.demo_pair() == (
        RES / "demo" / "gettysburg-nicolay.txt",
        RES / "demo" / "gettysburg-bliss.txt",
    )
    assert resources.icon_path() == ICON


def _fake_resources(root: Path) -> Path:
    for name in SHIPPED:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", "utf-8")
    return root


#: what an interpreter finds through ``resource_paths``, one a line
_FOUND = (
    "from twofold import resource_paths as r\n"
    "print(r.resources_dir()); print(r.icon_path()); print(r.demo_pair())\n"
)


def _found_from(site: Path) -> list[str]:
    run = run_python(_FOUND, site)
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


def test_wheel_layout_wins_over_checkout(tmp_path: Path) -> None:
    site = tmp_path / "lib" / "site-packages"
    installed = _fake_resources(installed_copy(site) / "resources")
    _fake_resources(site.parent / "resources")  # where a checkout keeps them
    found = _found_from(site)
    assert found[:2] == [str(installed), str(installed / "icons" / "twofold.svg")]


def test_frozen_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = _fake_resources(tmp_path / "_internal" / "twofold" / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert resources.resources_dir() == bundled
    pair = resources.demo_pair()
    assert pair is not None
    assert pair[0] == bundled / "demo" / "gettysburg-nicolay.txt"


def test_missing_resources(tmp_path: Path) -> None:
    site = tmp_path / "a" / "b"  # neither beside the package nor two folders up
    installed_copy(site)
    assert _found_from(site) == ["None", "None", "None"]
