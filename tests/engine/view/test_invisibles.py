# SPDX-License-Identifier: GPL-3.0-or-later
"""Hidden characters: which are shown, stand-ins keep every offset, the engine sees them."""

from __future__ import annotations

import unicodedata
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support import doc
from twofold.engine.export.export_html import render_html
from twofold.engine.pipeline import compare
from twofold.engine.result.kinds import Granularity, PairKind, Side
from twofold.engine.result.model import CompareOptions
from twofold.engine.result.spans import Segments, Span
from twofold.engine.view.highlights import inline_spans
from twofold.engine.view.invisibles import (
    Kind,
    badge,
    describe,
    draws_nothing,
    find,
    hideable,
    kind,
    reveal,
    spell_out,
    stand_in,
    widen_unseen,
)
from twofold.engine.view.view_geometry import pane_spans

RLO, ZWSP, ZWJ, ZWNJ, VS16 = "\u202e", "\u200b", "\u200d", "\u200c", "\ufe0f"
#: the bidirectional controls of Trojan Source (CVE-2021-42574), and the Arabic letter mark
DIRECTION = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: format characters (Cf) that draw a visible sign, so they are left as they are
VISIBLE_FORMAT = {
    *range(0x600, 0x606),
    0x6DD,
    0x70F,
    0x890,
    0x891,
    0x8E2,
    0x110BD,
    0x110CD,
    *range(0x13430, 0x13440),
}
#: "I want to go home", and the zero-width non-joiner that belongs after its first two letters
PERSIAN = ("\u0645\u06cc", "\u062e\u0648\u0627\u0647\u0645 \u0628\u0647 \u062e\u0627\u0646\u0647\n")
SCOTLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize(
    ("text", "shown", "revealed"),
    [
        ("plain ascii", [], "plain ascii"),
        (f"to{RLO}tal", [2], "to\u21c6tal"),
        (f"to{ZWSP}tal", [2], "to\u2b1atal"),
        ("a\x07b\x1b[0m\tc\n", [1, 3], "a\u2407b\u241b[0m\tc\n"),
        ("del\x7f nel\x85", [3, 8], "del\u2421 nel\u2b1a"),
        ("\ufeffbom inside", [0], "\u2b1abom inside"),
        ("soft\xadhyphen", [4], "soft\u2b1ahyphen"),
        # a joiner between letters of a script that needs it is kept; between ASCII it shows
        (f"\u0645\u06cc{ZWNJ}\u062e\u0648\u0627\u0647\u0645", [], None),
        (f"pay{ZWJ}pal", [3], "pay\u2b1apal"),
        (f"{ZWJ}\u0645", [0], "\u2b1a\u0645"),
        # emoji: one selector after a visible character, joiners between emoji, flags
        (f"\u2764{VS16}{ZWJ}\U0001f525", [], None),
        (f"1{VS16}\u20e3", [], None),
        (f"a{VS16}{VS16}", [2], f"a{VS16}\u2b1a"),
        (f" {VS16}", [1], " \u2b1a"),
        (f"{SCOTLAND} flag", [], None),
        # tags smuggling text show what they mirror
        ("hi\U000e0068\U000e0069", [2, 3], "hi\u2b1ah\u2b1ai"),
        ("x\U000e0001\U000e0100", [1, 2], "x\u2b1a\u2b1a\u2b1a\u2b1a"),
        # Arabic number sign: a format character that draws a visible sign
        ("\u0600\u0661", [], None),
    ],
)
def test_what_is_shown_and_how(text: str, shown: list[int], revealed: str | None) -> None:
    assert find(text) == shown
    assert reveal(text) == (text if revealed is None else revealed)
    assert _utf16(reveal(text)) == _utf16(text)


@pytest.mark.parametrize(
    "filler",
    [
        "plain ascii ",
        "prose \u2014 with a dash ",
        "\u0421\u044a\u0435\u0448\u044c ",
        "emoji \U0001f600 ",
    ],
    ids=["ascii", "mostly-ascii", "cyrillic", "astral"],
)
@pytest.mark.parametrize(
    "hidden", ["\x1b", ZWSP, RLO, "\U000e0041"], ids=["esc", "zwsp", "rlo", "tag"]
)
def test_one_hidden_character_deep_in_a_long_text_is_found(filler: str, hidden: str) -> None:
    """Each shortcut for texts with nothing to show (ASCII, mostly ASCII, dense) still sees one."""
    text = filler * 20_000
    middle = len(text) // 2
    text = text[:middle] + hidden + text[middle:]
    assert find(text) == [middle]
    assert find(text.replace(hidden, "")) == []


def test_every_direction_control_is_shown_and_named() -> None:
    for char in DIRECTION:
        assert find(f"\u05d0{char}\u05d1") == [1], describe(char)
        assert kind(char) is Kind.DIRECTION
        assert stand_in(char) == "\u21c6"
        assert describe(char).startswith(f"U+{ord(char):04X} {unicodedata.name(char)}")
    assert badge(RLO) == "\u27e8U+202E\u27e9"
    assert describe("\x1b") == "U+001B ESCAPE: a control character"


def test_names_spell_hidden_characters_out() -> None:
    assert spell_out(f"invoice{RLO}fdp.exe") == "invoice\u27e8U+202E\u27e9fdp.exe"
    assert spell_out(f"a{ZWSP}b{ZWJ}c") == "a\u27e8U+200B\u27e9b\u27e8U+200D\u27e9c"
    assert spell_out("r\u00e9sum\u00e9 \u2013 \u00fc.txt") == "r\u00e9sum\u00e9 \u2013 \u00fc.txt"


def test_every_format_character_is_shown_but_the_visible_signs() -> None:
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) == "Cf":
            assert hideable(char) is (code not in VISIBLE_FORMAT), f"U+{code:04X}"


def test_stand_ins_are_visible_and_never_hidden_themselves() -> None:
    samples = [*DIRECTION, ZWSP, ZWJ, VS16, "\x00", "\x1f", "\x7f", "\x85", "\U000e0041"]
    for char in samples:
        shown = stand_in(char)
        assert _utf16(shown) == _utf16(char)
        assert not any(hideable(c) or c.isspace() for c in shown)
        assert unicodedata.category(shown[0]) == "So", f"U+{ord(char):04X}"


#: text mixing hidden characters with the contexts that keep some of them
_PIECES = st.sampled_from(
    [
        "a",
        " ",
        "\n",
        "\t",
        "\u0645",
        "\U0001f525",
        "\U0001f3f4",
        "\u2b1a",
        "\u21c6",
        *DIRECTION,
        ZWSP,
        ZWJ,
        ZWNJ,
        VS16,
        "\x1b",
        "\x85",
        "\xad",
        "\U000e0067",
        "\U000e007f",
        "\U000e0100",
        SCOTLAND,
    ]
)
_TEXTS = st.lists(_PIECES, max_size=40).map("".join)


@given(_TEXTS)
def test_reveal_keeps_every_offset_and_hides_nothing(text: str) -> None:
    hits = set(find(text))
    shown = reveal(text)
    # character by character: a stand-in where find says, the character itself elsewhere
    expected = "".join(stand_in(c) if i in hits else c for i, c in enumerate(text))
    assert shown == expected
    assert _utf16(shown) == _utf16(text)
    assert find(shown) == [], "a revealed text has nothing left to show"
    assert not any(c in shown for c in DIRECTION), "no direction control survives"


@given(_TEXTS, st.integers(0, 60), st.integers(0, 60))
def test_a_window_finds_what_the_whole_text_finds_there(text: str, start: int, end: int) -> None:
    assert find(text, start, end) == [i for i in find(text) if start <= i < end]


@pytest.mark.parametrize("granularity", list(Granularity))
@pytest.mark.parametrize(
    "options",
    [
        {},
        {"ignore_whitespace": True},
        {"ignore_case": True},
        {"ignore_typography": True},
        {"ignore_whitespace": True, "ignore_case": True, "ignore_typography": True},
    ],
    ids=["none", "w", "i", "typography", "all"],
)
@pytest.mark.parametrize("hidden", [ZWSP, RLO], ids=["zwsp", "rlo"])
def test_a_pair_differing_only_by_a_hidden_character_is_a_highlighted_change(
    hidden: str, options: dict[str, bool], granularity: Granularity
) -> None:
    a, b = "The total is ready now.\n", f"The to{hidden}tal is ready now.\n"
    result = compare(
        doc(a, "a.txt"), doc(b, "b.txt"), CompareOptions(granularity=granularity, **options)
    )
    (change,) = result.changes
    assert change.kind is PairKind.CHANGED
    spans = inline_spans(result, change, Side.B)
    assert any(s.start <= 6 < s.end for s in spans), "the highlight covers the hidden character"
    if granularity is Granularity.CHARACTER:
        assert [(s.start, s.end) for s in spans] == [(6, 7)]


@pytest.mark.parametrize(
    ("a", "b", "widened", "badge_html"),
    [
        # an emoji's variation selector removed: the highlight had been over nothing
        ("Hearts \u2764\ufe0f for all.\n", "Hearts \u2764 for all.\n", "\u2764\ufe0f", "FE0F"),
        # a Persian zero-width non-joiner removed between two letters
        (f"{PERSIAN[0]}{ZWNJ}{PERSIAN[1]}", "".join(PERSIAN), f"\u06cc{ZWNJ}", "200C"),
    ],
    ids=["selector", "non-joiner"],
)
@pytest.mark.parametrize("granularity", list(Granularity))
def test_a_change_of_a_kept_character_is_highlighted_visibly(
    a: str, b: str, widened: str, badge_html: str, granularity: Granularity
) -> None:
    """Kept characters get no stand-in: the pane widens their highlight, the report badges them."""
    result = compare(doc(a, "a.txt"), doc(b, "b.txt"), CompareOptions(granularity=granularity))
    (change,) = result.changes
    assert change.kind is PairKind.CHANGED
    shown = [a[s.start : s.end] for s in pane_spans(result, change, Side.A)]
    assert any(widened in piece for piece in shown)
    assert not any(draws_nothing(a, s.start, s.end) for s in pane_spans(result, change, Side.A))
    if granularity is Granularity.CHARACTER:  # the engine's range is the lone character
        assert any(draws_nothing(a, s.start, s.end) for s in inline_spans(result, change, Side.A))
        assert f'<del><span class="hidden" title="U+{badge_html} ' in render_html(result)


@given(_TEXTS, st.data())
def test_widened_spans_stay_sorted_apart_and_cover_what_they_did(
    text: str, data: st.DataObject
) -> None:
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=12))))
    spans = Segments.of(Span(s, e) for s, e in zip(cuts[::2], cuts[1::2], strict=False) if s < e)
    wide = list(widen_unseen(text, spans))
    assert all(w.start < w.end for w in wide)
    assert all(x.end < y.start for x, y in pairwise(wide))
    assert all(any(w.start <= s.start and s.end <= w.end for w in wide) for s in spans)
    assert not any(draws_nothing(text, w.start, w.end) for w in wide if w.start > 0)
