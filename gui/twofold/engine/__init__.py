# SPDX-License-Identifier: GPL-3.0-or-later
"""The Qt-free comparison engine: load, segment, align, diff inline, export.

Nothing under this package may import Qt (an import-linter contract checks it),
so the command line and the tests run it without a display.
"""
