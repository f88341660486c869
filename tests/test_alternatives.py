"""Alternations led by their first letters find what the plain alternation finds."""

from __future__ import annotations

import re

import pytest

from cablegram.lexicon import furniture as F
from cablegram.lexicon import languages
from cablegram.lexicon.alternatives import led, words
from cablegram.parse import citation, inline
from cablegram.read import read_export
from conftest import sample_paths, seed_paths, variant_paths

LEAD = re.compile(r"\(\?=\[(?:[^\]\\]|\\.)*\]\)")  # the lookahead `led` writes


def _texts() -> list[str]:
    texts = []
    for path in [*seed_paths(), *sample_paths(), *variant_paths()]:
        blocks = read_export(path).blocks
        texts += [line.text for block in blocks for line in block.lines]
        texts += [block.text for block in blocks]
    return texts


@pytest.mark.parametrize(
    "pattern",
    [
        F.SIGNATORY_ROLE,
        F.SIGNATORY_OFFICE,
        F.ROLE_LINE,
        languages.ENGLISH_ORIGIN,
        languages.AMERICAN_ORIGIN,
        inline.TOKEN,
    ],
    ids=lambda p: p.pattern[:30],
)
def test_a_led_pattern_finds_what_it_finds_unled_on_the_archive(pattern: re.Pattern[str]) -> None:
    unled = re.compile(LEAD.sub("", pattern.pattern), pattern.flags)
    assert unled.pattern != pattern.pattern
    for text in _texts():
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in unled.finditer(text)
        ], text[:80]


def test_the_archive_name_begins_where_a_run_of_its_characters_does() -> None:
    """The archive's name found from the start of its run only is the name a search from
    every position finds."""
    everywhere = re.compile(r"[\w ,.&'-]*?Digital Archive", re.I)
    made = [
        '"Cable", 1951, Wilson Center Digital Archive, APRF, f. 45.',
        "Digital Archive",
        "(Wilson Center) Digital Archive and another Digital Archive",
        "x\nWilson Center Digital Archive",
    ]
    for text in [*_texts(), *made]:
        a, b = citation.ARCHIVE_NAME.search(text), everywhere.search(text)
        assert (a and a.span()) == (b and b.span()), text[:80]


def test_led_takes_the_first_characters_of_its_alternatives() -> None:
    pattern = re.compile(led(["Ambassador", "Charg[ée]", r"\.\.\.", "Посол"]), re.I)
    assert pattern.pattern.startswith("(?=[")
    assert [m.group() for m in pattern.finditer("the ambassador, the chargé... посол")] == [
        "ambassador",
        "chargé",
        "...",
        "посол",
    ]
    assert re.fullmatch(words(["U.S.", "Dep."]), "U.S.")
    assert not re.fullmatch(words(["U.S."]), "UXSX")


@pytest.mark.parametrize("alternative", ["(?:American|US) Embassy", "[AB]c", r"\w+", "|x", ".*"])
def test_led_refuses_an_alternative_that_begins_with_no_one_character(alternative: str) -> None:
    with pytest.raises(ValueError, match="begins"):
        led(["Ambassador", alternative])
