# SPDX-License-Identifier: GPL-3.0-or-later
"""Cutting a text into the units the aligner pairs, and the keys they are matched by."""
