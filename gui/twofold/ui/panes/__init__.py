# SPDX-License-Identifier: GPL-3.0-or-later
"""The side-by-side area: the two panes, their gutters, the link band and the overview."""
