"""Language identification of a version's text, by script and then by py3langid.

The script decides first (Cyrillic, Latin, Han, Hangul …); py3langid, restricted to the
languages of that script, decides between languages sharing a script (English, German,
French …). Short texts get only their script.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import numpy.typing as npt

from cablegram.lexicon.languages import FUNCTION_WORDS
from cablegram.parse.langmodel import identifier

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


# Each code point's script, looked up in one table (built from the patterns above, so it
# says exactly what they say): the letters of a text are counted in one pass, not six.
# None of the patterns reaches beyond the Basic Multilingual Plane (a test checks it), so a
# text's UTF-16 code units are enough: a surrogate, half of a character beyond, is of no script.
_SCRIPTS = tuple(SCRIPT_RANGES)


def _script_table() -> npt.NDArray[np.uint8]:
    table = np.zeros(0x10000, dtype=np.uint8)
    every = "".join(map(chr, range(0x10000)))
    for number, pattern in enumerate(SCRIPT_RANGES.values(), 1):
        found = np.array([match.start() for match in pattern.finditer(every)], dtype=np.intp)
        if table[found].any():
            raise AssertionError("script ranges overlap")
        table[found] = number
    return table


_SCRIPT_OF = _script_table()
# ASCII letters belong to one script (Latin; unpacking fails at import if not to exactly
# one): an ASCII text is counted by deleting the rest of it.
(_ASCII_SCRIPT,) = {_SCRIPTS[n - 1] for n in _SCRIPT_OF[:128].tolist() if n}
_ASCII_OTHER = bytes(b for b in range(128) if not _SCRIPT_OF[b])


def script_counts(text: str) -> Counter[str]:
    """Letters per script (the scripts these archives use), counted by Unicode block.

    Scripts come in the order of `SCRIPT_RANGES` (`most_common` breaks ties by it)."""
    counts: Counter[str] = Counter()
    if text.isascii():
        found = len(text.encode("ascii").translate(None, _ASCII_OTHER))
        if found:
            counts[_ASCII_SCRIPT] = found
        return counts
    units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    per_script = np.bincount(_SCRIPT_OF[units], minlength=len(_SCRIPTS) + 1).tolist()
    for script, found in zip(_SCRIPTS, per_script[1:], strict=True):
        if found:
            counts[script] = found
    return counts


def detect_language(text: str, counts: Counter[str] | None = None) -> tuple[str | None, int]:
    """Return (language code or None, number of letters) for a text; `counts`: its
    `script_counts`, when the caller has them already."""
    if counts is None:
        counts = script_counts(text)
    if not counts:
        return None, 0
    script, letters = counts.most_common(1)[0]
    # OCR'd Russian is sometimes taken for a neighbour; Cyrillic here is Russian unless
    # the text is long enough for the identifier to be sure.
    if script == "Cyrl" and (letters < MIN_LETTERS_FOR_OTHER_CYRILLIC or _russian_letters(text)):
        return "ru", letters
    if script in SCRIPT_LANGUAGES and letters >= MIN_LETTERS_FOR_LANGID:
        lang, _ = identifier(tuple(SCRIPT_LANGUAGES[script])).classify(text[:LANGID_SAMPLE])
        return lang, letters
    return SCRIPT_DEFAULT.get(script), letters


# Of the Cyrillic languages the identifier knows, only Russian writes ы and э (Belarusian
# writes them too, with і and ў); the others have letters Russian does not.
RUSSIAN_LETTERS = re.compile("[ыэЫЭ]")
OTHER_CYRILLIC_LETTERS = re.compile("[іїєґўђјљњћџѓќѕІЇЄҐЎЂЈЉЊЋЏЃЌЅ]")


def _russian_letters(text: str) -> bool:
    """A Cyrillic text with Russian's own letters and none of its neighbours' is Russian,
    without asking the identifier (a version of some thousand letters costs it a
    millisecond)."""
    return bool(RUSSIAN_LETTERS.search(text)) and not OTHER_CYRILLIC_LETTERS.search(text)


def script_language(text: str, counts: Counter[str] | None = None) -> tuple[str | None, int]:
    """A cheap label for short texts: the default language of the main script; `counts`:
    the text's `script_counts`, when the caller has them already."""
    if counts is None:
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


def uses_its_small_words(text: str, lang: str) -> bool:
    """Whether a text identified as `lang`, a language of the Latin alphabet, uses that
    language's function words more than English's (a list of names does not)."""
    if lang not in FUNCTION_WORDS or lang == "en":
        return True
    used, words = _small_words(text)
    return _uses(used, words, lang)


def identified_language(text: str, counts: Counter[str] | None = None) -> str | None:
    """`detect_language`'s language where the text bears it out: a language of the Latin
    alphabet other than English must use its own small words (`uses_its_small_words`), else
    the text tells only its script (None). A text whose small words leave no other language
    of its alphabet standing is English without asking py3langid (most of a translation's
    paragraphs: the identifier is the larger part of reading a version's languages)."""
    if counts is None:
        counts = script_counts(text)
    main = counts.most_common(1)[0] if counts else None
    if main and main[0] == "Latn" and main[1] >= MIN_LETTERS_FOR_LANGID:
        used, words = _small_words(text)
        others = (lang for lang in SCRIPT_LANGUAGES["Latn"] if lang != "en")
        if used["en"] >= 2 and not any(_uses(used, words, lang) for lang in others):
            return "en"
    lang, _ = detect_language(text, counts)
    return lang if lang and uses_its_small_words(text, lang) else None


# each small word, the languages it is a small word of
_SMALL_WORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _word in _words:
        _SMALL_WORD_LANGUAGES[_word] = (*_SMALL_WORD_LANGUAGES.get(_word, ()), _lang)
SMALL_WORD = re.compile(r"[^\W\d_]+(?![.\w])")  # initials ('A.A.') are no words


def _small_words(text: str) -> tuple[Counter[str], int]:
    """How many small words of each language a text uses, and how many words it has."""
    words = SMALL_WORD.findall(text.lower())
    used: Counter[str] = Counter()
    for word, times in Counter(words).items():  # (each word once: a version repeats them)
        for lang in _SMALL_WORD_LANGUAGES.get(word, ()):
            used[lang] += times
    return used, len(words)


def _uses(used: Counter[str], words: int, lang: str) -> bool:
    return used[lang] >= max(2, words // 33) and used[lang] > used["en"]
