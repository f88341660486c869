"""Language identification of a version's text, by script and then by py3langid.

The script decides first (Cyrillic, Latin, Han, Hangul …); py3langid, restricted to the
languages of that script, decides between languages sharing a script (English, German,
French …). Short texts get only their script.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SCRIPT_LANGUAGES = {
    "Cyrl": ["ru", "uk", "be", "bg", "sr", "mk"],
    "Latn": ["en", "de", "fr", "it", "es", "pl", "cs", "nl", "sv", "hu", "ro", "pt", "la"],
}
SCRIPT_DEFAULT = {"Cyrl": "ru", "Latn": "en", "Hani": "zh", "Hang": "ko", "Kana": "ja"}
LANGUAGE_NAMES = {
    "russian": "ru", "english": "en", "german": "de", "french": "fr", "chinese": "zh",
    "korean": "ko", "japanese": "ja", "ukrainian": "uk", "polish": "pl", "czech": "cs",
    "italian": "it", "spanish": "es", "hungarian": "hu", "romanian": "ro", "bulgarian": "bg",
    "mongolian": "mn", "vietnamese": "vi",
}  # fmt: skip
MIN_LETTERS_FOR_LANGID = 40
MIN_LETTERS_FOR_OTHER_CYRILLIC = 400
# py3langid's cost grows with the text; a version's first few thousand characters tell its
# language as well as the whole of it does.
LANGID_SAMPLE = 3000


SCRIPT_RANGES = {
    "Cyrl": re.compile(r"[\u0400-\u04ff\u0500-\u052f]"),
    "Latn": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "Hani": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]"),
    "Hang": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "Kana": re.compile(r"[\u3040-\u30ff]"),
    "Grek": re.compile(r"[\u0370-\u03ff]"),
}


def script_counts(text: str) -> Counter[str]:
    """Letters per script (the scripts these archives use), counted by Unicode block."""
    counts: Counter[str] = Counter()
    for script, pattern in SCRIPT_RANGES.items():
        found = len(pattern.findall(text))
        if found:
            counts[script] = found
    return counts


@cache
def _model() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@cache
def _identifier(script: str) -> LanguageIdentifier:
    """The model restricted to the languages of a script (one model read for all scripts:
    the restriction keeps the full model and only swaps the arrays it scores with)."""
    identifier = copy.copy(_model())
    identifier.set_languages(SCRIPT_LANGUAGES[script])
    return identifier


def detect_language(text: str) -> tuple[str | None, int]:
    """Return (language code or None, number of letters) for a text."""
    counts = script_counts(text)
    if not counts:
        return None, 0
    script, letters = counts.most_common(1)[0]
    # OCR'd Russian is sometimes taken for a neighbour; Cyrillic here is Russian unless
    # the text is long enough for the identifier to be sure.
    if script == "Cyrl" and letters < MIN_LETTERS_FOR_OTHER_CYRILLIC:
        return "ru", letters
    if script in SCRIPT_LANGUAGES and letters >= MIN_LETTERS_FOR_LANGID:
        lang, _ = _identifier(script).classify(text[:LANGID_SAMPLE])
        return lang, letters
    return SCRIPT_DEFAULT.get(script), letters


def script_language(text: str) -> tuple[str | None, int]:
    """A cheap label for short texts: the default language of the main script."""
    counts = script_counts(text)
    if not counts:
        return None, 0
    script, letters = counts.most_common(1)[0]
    return SCRIPT_DEFAULT.get(script, script), letters


def language_code(name: str | None) -> str | None:
    """``Russian`` → ``ru``; None when the name is unknown."""
    if not name:
        return None
    first = name.strip().split()[0].strip(",;").lower() if name.strip() else ""
    return LANGUAGE_NAMES.get(first)
