# SPDX-License-Identifier: GPL-3.0-or-later
"""The panes' geometry and paint ranges, computed without Qt so a worker can build them."""
