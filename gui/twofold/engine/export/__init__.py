# SPDX-License-Identifier: GPL-3.0-or-later
"""What leaves the program: JSON, the HTML report, the unified diff, safe writes."""
