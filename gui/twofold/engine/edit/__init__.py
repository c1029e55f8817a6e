# SPDX-License-Identifier: GPL-3.0-or-later
"""Acting on a comparison: taking changes across, re-comparing, saving the bytes back."""
