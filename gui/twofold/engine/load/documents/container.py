# SPDX-License-Identifier: GPL-3.0-or-later
"""The zip a DOCX, an ODT or an EPUB is, opened so that a hostile one costs nothing.

Why a wrapper: ``zipfile`` inflates whatever a member's header declares, and a
zip bomb declares little and inflates to gigabytes, or declares gigabytes. So
the declared sizes are added up and each member's ratio checked *before*
anything is inflated, and every read is counted against what is left of
:attr:`ReadLimits.max_unpacked_bytes` *while* inflating, in chunks; a member that
gives more than it declared is refused as it happens. A password-protected or
damaged zip is one sentence naming the file.

Constraints: no Qt; reads only the bytes it is given.
"""

from __future__ import annotations

import io
import zipfile

from twofold.engine.errors import InputError
from twofold.engine.load.documents.extracted import ReadLimits

__all__ = ["Container"]

#: members below this are not judged by their ratio (a short run of spaces packs 1:1000)
_RATIO_FLOOR = 1024 * 1024
#: how much of a member is inflated at a time
_CHUNK = 1024 * 1024


class Container:
    """A document's zip, checked for bombs, read member by member within limits."""

    __slots__ = ("_archive", "_label", "_left", "_limits", "_names", "_what")

    def __init__(self, data: bytes, label: str, what: str, limits: ReadLimits) -> None:
        """Open ``data`` as a zip and refuse it at once if its directory promises too much.

        Args:
            data: the whole file.
            label: the file's name in messages.
            what: the format before "file" in a sentence ("Word", "EPUB").
            limits: the unpacked size and ratio a member may have.

        Raises:
            InputError: not a zip, damaged, encrypted, or a bomb by its directory.
        """
        self._label, self._what, self._limits = label, what, limits
        try:
            self._archive = zipfile.ZipFile(io.BytesIO(data))
            infos = self._archive.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
            raise self._damaged() from None
        self._names = {info.filename: info for info in infos}
        declared = sum(info.file_size for info in infos)
        if declared > limits.max_unpacked_bytes:
            raise self._bomb()
        for info in infos:
            packed = max(info.compress_size, 1)
            if info.file_size > _RATIO_FLOOR and info.file_size / packed > limits.max_ratio:
                raise self._bomb()
        self._left = limits.max_unpacked_bytes

    def __contains__(self, name: object) -> bool:
        return name in self._names

    @property
    def label(self) -> str:
        """The file's name, as messages say it."""
        return self._label

    @property
    def names(self) -> tuple[str, ...]:
        """The members' names, in the zip's order."""
        return tuple(self._names)

    def read(self, name: str) -> bytes:
        """A member's bytes, inflated in chunks and counted against the limits.

        Raises:
            InputError: no such member, it is encrypted or damaged, or it inflates
                to more than it declared or than is left of the budget.
        """
        info = self._names.get(name)
        if info is None:
            raise InputError(f'"{self._label}" is damaged: it has no {name} in it.')
        if info.file_size > self._limits.max_part_bytes:
            raise InputError(
                f'"{self._label}" has a part far larger than a written document has; '
                "Twofold does not open it."
            )
        if info.flag_bits & 0x1:
            raise InputError(f'"{self._label}" is password-protected; Twofold cannot open it.')
        parts: list[bytes] = []
        total = 0
        try:
            with self._archive.open(info) as member:
                while chunk := member.read(_CHUNK):
                    total += len(chunk)
                    if total > min(info.file_size, self._limits.max_part_bytes, self._left):
                        raise self._bomb()
                    parts.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
            raise self._damaged() from None
        except RuntimeError:  # zipfile's word for an encrypted member
            raise InputError(
                f'"{self._label}" is password-protected; Twofold cannot open it.'
            ) from None
        self._left -= total
        return b"".join(parts)

    def close(self) -> None:
        self._archive.close()

    def __enter__(self) -> Container:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _damaged(self) -> InputError:
        return InputError(f'"{self._label}" is damaged: it is not a readable {self._what} file.')

    def _bomb(self) -> InputError:
        return InputError(
            f'"{self._label}" unpacks to far more than its size; '
            "Twofold does not open such files (a zip bomb)."
        )
