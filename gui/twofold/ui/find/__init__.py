# SPDX-License-Identifier: GPL-3.0-or-later
"""Find in both panes: the bar, the search, and the matches painted under the text."""
