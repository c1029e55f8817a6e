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


class ChangedOnDiskError(TwofoldError):
    """A file no longer holds the bytes it was compared from (an export read it again)."""

    def __init__(self, label: str) -> None:
        super().__init__(f"{label} changed on disk since it was compared.")
        #: the file's name as the comparison shows it
        self.label = label
