# SPDX-License-Identifier: GPL-3.0-or-later
"""The strips around the panes: the options toolbar, the banners and the status bar."""
