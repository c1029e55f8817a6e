# SPDX-License-Identifier: GPL-3.0-or-later
"""The list of every change beside the panes."""
