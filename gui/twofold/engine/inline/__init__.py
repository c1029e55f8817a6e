# SPDX-License-Identifier: GPL-3.0-or-later
"""The edits inside one matched pair: diff-match-patch, cut at anchors when huge."""
