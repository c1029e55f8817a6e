# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading a file into a Document: refusals, binary evidence, decoding, the bytes again."""
