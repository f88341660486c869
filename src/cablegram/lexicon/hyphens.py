"""A hyphen at a line's end: the word's own ('anti-' | 'aircraft', 'военно-' | 'морской'),
kept, or the typesetter's ('дол-' | 'жен', 'disagree-' | 'ment'), dropped (ENCODING.md:
"decide with a lexicon"). Russian words are looked up in pymorphy3's dictionary; English
ones by the prefixes that form hyphenated compounds."""

from __future__ import annotations

import re

# prefixes whose compounds the archive's translations hyphenate ('anti-aircraft',
# 'non-aggression', 'self-criticism', 'so-called', 'counter-revolutionary')
ENGLISH_PREFIXES = frozenset(
    {"anti", "non", "self", "ex", "semi", "vice", "so", "well", "half", "all", "cross"}
    | {"counter", "pro", "quasi", "pan", "ultra"}
)
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def kept_hyphen(left: str, right: str) -> bool:
    """Whether `left` + '-' + `right` (the word before the hyphen, the word after the line
    end) is a hyphenated word, not one word hyphenated by the line's end."""
    if not left or not right:
        return False
    if CYRILLIC.search(left + right):
        from cablegram.entities.matcher import morph_analyzer  # the dictionary, loaded once

        morph = morph_analyzer()
        joined, compound = (left + right).lower(), f"{left}-{right}".lower()
        return not morph.word_is_known(joined) and morph.word_is_known(compound)
    return left.lower() in ENGLISH_PREFIXES
