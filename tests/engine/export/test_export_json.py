# SPDX-License-Identifier: GPL-3.0-or-later
"""``to_json`` writes its text straight from the result: the same text as dumping ``to_dict``."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from support import doc
from twofold.engine.export.export_json import to_dict, to_json
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import Unit
from twofold.engine.result.model import CompareOptions

# Words in several scripts, quotes, backslashes and controls: what the encoder escapes.
_WORDS = [
    "nation",
    "liberty",
    "équité",
    "свобода",
    "自由",
    'say "so"',
    "back\\slash",
    "tab\t",
    "\x7f",
]
_paragraphs = st.lists(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join), max_size=12
)
_separators = st.sampled_from(["\n\n", "\n\n\n", "\n \n", "\r\n\r\n"])


@settings(max_examples=150, deadline=None)
@given(
    a=_paragraphs,
    b=_paragraphs,
    sep_a=_separators,
    sep_b=_separators,
    unit=st.sampled_from(list(Unit)),
    inline=st.booleans(),
)
def test_the_same_text_as_dumping_the_dict(
    a: list[str], b: list[str], sep_a: str, sep_b: str, unit: Unit, inline: bool
) -> None:
    result = compare(
        doc(sep_a.join(a), "a.txt"),
        doc(sep_b.join(b), "b.txt"),
        CompareOptions(unit=unit),
        inline=inline,
    )
    assert to_json(result) == json.dumps(to_dict(result), ensure_ascii=False)
    assert to_json(result, indent=2) == json.dumps(to_dict(result), ensure_ascii=False, indent=2)
