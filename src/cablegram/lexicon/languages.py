"""The commonest function words of the languages written in the Latin alphabet that the
archive's documents are in: a text is in one of them only if it uses its small words (a
list of Romanian or Czech names is no Romanian or Czech text)."""

from __future__ import annotations

import re

from cablegram.lexicon.alternatives import led

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the of and to in is that for it was on with as by at which this from be",
        "de": "der die das und ist nicht den dem mit von zu sich auf für des ein eine im auch",
        "fr": "le la les et des du une est que dans pour qui pas sur au avec ce il ne",
        "it": "il di che la le e non per una del della un sono con si da nel",
        "es": "el la de que y en los las del se por un una con para es no al",
        "pt": "de que o a e do da em um para com não uma os no se na por",
        "pl": "i w na z że się nie do to jest jak przez od o za po",
        "cs": "a je se na že v to s z do jak ale jsou by o k",
        "ro": "și în de la cu pe care că este nu o un din pentru ca sa",
        "hu": "a az és hogy nem is egy van meg de csak ha el már",
        "nl": "de het een en van is dat op te in niet met die voor",
        "sv": "och att det som en på är av för med till den inte",
        "la": "et in est non ad cum quod sed ut ex de",
    }.items()
}

# Offices and archives of the English-speaking states: a document from one of them, in
# English, is an original even where the page lists no contents and no original language.
MISSION = r" (?:Embassy|Legation|Mission|Delegation)"
ENGLISH_ORIGIN = re.compile(
    r"\b"
    + led(
        ["Department of State", "State Department", "White House", "National Security Council"]
        + ["Foreign Office", "Commonwealth (?:Relations )?Office", "Cabinet Office"]
        + ["Department of External Affairs", "Ministry of External Affairs"]
        + ["Prime Minister's (?:Office|Secretariat)", "Central Intelligence Agency"]
        + ["Joint Chiefs of Staff"]
        + [country + MISSION for country in ("American", "US", r"U\.S\.", "British", "Irish")]
        + [country + MISSION for country in ("Indian", "Canadian", "Australian")]
        + ["National Archives (?:of Ireland|and Records Administration)", "NARA"]
        + ["Nehru Memorial", "National Archives of India", "The National Archives"]
        + ["Public Record Office", "Library of Congress", "Presidential Library"]
        + ["Foreign Relations of the United States", "FRUS"]
    )
    + r"\b",
    re.IGNORECASE,
)

# … of which the American offices write a numeric date month first ('10/9/50': 9 October)
AMERICAN_ORIGIN = re.compile(
    r"\b"
    + led(
        ["Department of State", "State Department", "White House", "National Security Council"]
        + ["Central Intelligence Agency", "Joint Chiefs of Staff"]
        + [country + MISSION for country in ("American", "US", r"U\.S\.")]
        + ["National Archives and Records Administration", "NARA", "Presidential Library"]
        + ["Library of Congress", "Foreign Relations of the United States", "FRUS"]
    )
    + r"\b",
    re.IGNORECASE,
)
