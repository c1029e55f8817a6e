# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in reader module whose library is not installed (the dispatch names it)."""

import nonesuch_document_library  # type: ignore[import-not-found]  # noqa: F401
