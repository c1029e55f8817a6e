#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Wheel smoke check (`make smoke`, part of `make test`): build the wheel, install it in a
# fresh venv and run it from outside the checkout, so that it can only find its resources
# in the wheel (hatch force-include maps resources/ to twofold/resources).
# Why: the suite runs from the checkout, where a resource missing from the wheel goes unnoticed.
# Usage: smoke-wheel.sh [PYTHON]   (default .venv/bin/python; its pip installs into the new venv)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd -P)"
python="${1:-$root/.venv/bin/python}"
python="$(cd "$(dirname "$python")" && pwd -P)/$(basename "$python")"  # we cd away later
wheels="$root/build/wheel"
venv="$root/build/smoke-venv"
unset PYTHONPATH
start=$SECONDS

rm -rf "$wheels" "$venv"
"$python" -m pip wheel -q --no-deps -w "$wheels" "$root"
wheel="$(ls "$wheels"/twofold-*.whl)"
# No pip in the new venv: the outer pip installs into it (--python), which saves seconds.
"$python" -m venv --without-pip "$venv"
"$python" -m pip --python "$venv/bin/python" install -q "$wheel"

outside="$(mktemp -d)"
trap 'rm -rf "$outside"' EXIT
cd "$outside"
fail() { echo "smoke: $*" >&2; exit 1; }

version="$("$venv/bin/twofold" --version)"
[[ "$version" == "twofold "* ]] || fail "unexpected --version output: $version"

found="$("$venv/bin/python" -c 'from twofold import resource_paths as r; print(r.resources_dir())')"
[[ "$found" == "$venv/"* ]] || fail "resources found at $found, not in the installed wheel"
for f in demo/gettysburg-nicolay.txt demo/gettysburg-bliss.txt icons/twofold.svg \
         desktop/io.github.twofold.Twofold.desktop desktop/io.github.twofold.Twofold.metainfo.xml; do
  [ -s "$found/$f" ] || fail "the wheel lacks resources/$f"
done

# The text fronts find the demo pair in the wheel too (without Qt): exit 1, they differ.
rc=0
"$venv/bin/twofold" --stat --demo >"$outside/stat" 2>"$outside/err" || rc=$?
[ "$rc" -eq 1 ] || fail "--stat --demo exited $rc: $(cat "$outside/err")"
grep -q "gettysburg-bliss.txt" "$outside/stat" || fail "--stat --demo did not name the demo pair"

# Documents open through their readers, which are imported by name (formats.READERS):
# a reader or its library missing from the wheel's dependencies shows only here.
docs="$root/tests/data/documents/pep0008_strunk_white"
"$venv/bin/twofold" --text "$docs/a.docx" >"$outside/docx" 2>"$outside/err" \
  || fail "--text a.docx failed: $(cat "$outside/err")"
grep -q "Style Guide for Python Code" "$outside/docx" || fail "--text a.docx printed no text"
rc=0
"$venv/bin/twofold" --stat "$docs/a.docx" "$docs/b.odt" >"$outside/stat" 2>"$outside/err" || rc=$?
[ "$rc" -eq 1 ] || fail "--stat a.docx b.odt exited $rc: $(cat "$outside/err")"
if "$venv/bin/python" -c "import twofold.engine.load.documents.pdf" 2>/dev/null; then
  "$venv/bin/twofold" --text "$docs/a.pdf" >"$outside/pdf" 2>"$outside/err" \
    || fail "--text a.pdf failed: $(cat "$outside/err")"
  # (the corpus PDF's first page is blank: its title paragraph is not in the PDF)
  grep -q "A Foolish Consistency is the Hobgoblin" "$outside/pdf" \
    || fail "--text a.pdf printed no text"
fi
if "$venv/bin/python" -c "import twofold.engine.load.documents.html" 2>/dev/null; then
  "$venv/bin/twofold" --text "$docs/a.html" >"$outside/html" 2>"$outside/err" \
    || fail "--text a.html failed: $(cat "$outside/err")"
  grep -q "Style Guide for Python Code" "$outside/html" || fail "--text a.html printed no text"
fi

# A home of its own: the user's settings and recent list are none of this check's business.
home="$outside/home"
mkdir -p "$home"
png="$outside/demo.png"
HOME="$home" XDG_CONFIG_HOME="$home/.config" QT_QPA_PLATFORM=offscreen \
  "$venv/bin/twofold" --screenshot "$png" --demo 2>"$outside/err" \
  || fail "--screenshot --demo failed: $(cat "$outside/err")"
[ ! -s "$outside/err" ] || fail "--screenshot --demo wrote on stderr: $(cat "$outside/err")"
[ -z "$(ls -A "$home")" ] || fail "--screenshot wrote into its home: $(cd "$home" && find . -type f)"
[ -s "$png" ] || fail "--screenshot wrote no PNG"
[ "$(head -c 4 "$png" | tail -c 3)" = PNG ] || fail "--screenshot wrote something that is not a PNG"

echo "smoke: $(basename "$wheel") installs, starts ($version), reads a DOCX, renders the demo" \
     "($(wc -c <"$png") byte PNG) in $((SECONDS - start)) s"
