# SPDX-License-Identifier: GPL-3.0-or-later
"""Parse a document's XML parts with entity expansion and external entities off.

Why defusedxml: the standard library's parsers expand entities a document
declares (a "billion laughs" part of a few hundred bytes expands to gigabytes)
and, depending on the expat build, may fetch external ones. Office and
OpenDocument parts never declare entities, so defusedxml refusing every entity
declaration and every external reference costs a real document nothing, and a
hostile one is one sentence. It parses with the same C expat underneath.

Constraints: no Qt; defusedxml is imported on the first document read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from twofold.engine.errors import InputError

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

__all__ = ["parse_part"]


def parse_part(data: bytes, label: str, part: str) -> Element:
    """The root element of ``part`` of the document ``label``, parsed safely.

    Raises:
        InputError: the part declares entities or refers outside the file, or is
            not well-formed XML.
    """
    from xml.etree.ElementTree import ParseError

    import defusedxml
    import defusedxml.ElementTree

    try:
        root: Element = defusedxml.ElementTree.fromstring(data)
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        raise InputError(
            f'"{label}" declares XML entities in {part}, which Twofold does not expand.'
        ) from None
    except (defusedxml.DTDForbidden, defusedxml.NotSupportedError):
        raise InputError(f'"{label}" holds XML that Twofold does not read in {part}.') from None
    except (ParseError, ValueError):
        raise InputError(f'"{label}" is damaged: its {part} is not well-formed XML.') from None
    return root
