# SPDX-License-Identifier: GPL-3.0-or-later
"""Errors the engine raises on purpose; anything else is a bug.

Every message is one sentence a user can act on, shown as-is in a dialog, a
banner or on stderr, so it names the file and says what is wrong with it.
"""


class TwofoldError(Exception):
    """Base of the documented errors."""


class InputError(TwofoldError):
    """A file cannot be compared: missing, unreadable, a directory, binary, too big, undecodable."""


class CompareCanceled(TwofoldError):  # noqa: N818 - a stop signal, not a failure
    """The caller's ``should_cancel`` said stop; no partial result is returned."""
