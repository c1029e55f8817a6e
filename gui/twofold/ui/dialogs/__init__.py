# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's dialogs: About, the shortcuts sheet, the font choice, unexpected errors."""
