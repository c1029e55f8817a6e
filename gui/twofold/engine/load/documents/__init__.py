# SPDX-License-Identifier: GPL-3.0-or-later
"""Readers for the formats prose lives in (DOCX, ODT, RTF, PDF, EPUB, HTML).

Each reader turns a document's bytes into an :class:`~.extracted.Extracted`: the
text Twofold compares, and what it set apart. Each imports its library only when
such a file is opened, so the empty window and ``--stat`` on text pay nothing.
"""
