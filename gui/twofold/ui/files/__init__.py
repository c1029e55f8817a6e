# SPDX-License-Identifier: GPL-3.0-or-later
"""Which files are compared and where output goes: drops, recents, watching, export, settings."""
