# SPDX-License-Identifier: GPL-3.0-or-later
"""Pairing the units of A with those of B, and git's line diff for --diff."""
