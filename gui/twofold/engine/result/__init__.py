# SPDX-License-Identifier: GPL-3.0-or-later
"""The frozen result every stage hands on, its layout differences, counts and wording."""
