# SPDX-License-Identifier: GPL-3.0-or-later
"""Twofold: a side-by-side diff viewer that pairs reworded paragraphs."""

__version__ = "0.1.0"
