"""Language identification of a version's text, by script and then by py3langid.

The script decides first (Cyrillic, Latin, Han, Hangul …); py3langid, restricted to the
languages of that script, decides between languages sharing a script (English, German,
French …). Short texts get only their script.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from cablegram.lexicon.languages import FUNCTION_WORDS

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


@dataclass(frozen=True, slots=True)
class _Automaton:
    """py3langid's byte automaton as numpy arrays, and its depth (see `_VectorIdentifier`)."""

    nextmove: npt.NDArray[np.unsignedinteger]  # state → next, at `rowbase[state] + byte`
    rowbase: npt.NDArray[np.intp]
    output: npt.NDArray[np.intp]  # state → feature, or -1
    depth: int

    @classmethod
    def of(cls, identifier: LanguageIdentifier) -> _Automaton:
        nextmove = np.frombuffer(
            identifier.tk_nextmove, dtype=f"u{identifier.tk_nextmove.itemsize}"
        )
        rows = np.frombuffer(identifier.tk_row, dtype=f"u{identifier.tk_row.itemsize}")
        rowbase = rows.astype(np.intp) << 8
        output = np.asarray(identifier.tk_output, dtype=np.intp)
        return cls(nextmove, rowbase, output, _depth(nextmove, rows))

    def visits(self, data: bytes) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
        """The features met walking over `data` and how often, in order of first occurrence:
        the items of py3langid's `visit_counts`, without a Python step per byte."""
        codes = np.frombuffer(data, dtype=np.uint8)
        n = len(codes)
        states = np.zeros(n, dtype=np.intp)
        # Step j moves the walk ending at byte i over byte i - depth + 1 + j; a walk that
        # would start before the text starts at its first byte, in the start state.
        for j in range(self.depth):
            first = self.depth - 1 - j
            if first < n:
                states[first:] = self.nextmove[self.rowbase[states[first:]] + codes[: n - first]]
        features = self.output[states]
        at = np.flatnonzero(features >= 0)
        if not at.size:
            return at, at
        # One sort of (feature, position) keys groups each feature's occurrences, its first
        # one leading (faster than np.unique with return_index, a stable sort).
        shift = max(1, n.bit_length())
        keys = np.sort((features[at] << shift) | at)
        sorted_features = keys >> shift
        new = np.empty(len(keys), dtype=bool)
        new[0] = True
        np.not_equal(sorted_features[1:], sorted_features[:-1], out=new[1:])
        starts = np.flatnonzero(new)
        counts = np.empty(len(starts), dtype=np.intp)
        counts[:-1] = starts[1:] - starts[:-1]
        counts[-1] = len(keys) - starts[-1]
        order = np.argsort(keys[starts] & ((1 << shift) - 1))
        return sorted_features[starts][order], counts[order]


def _depth(nextmove: npt.NDArray[np.unsignedinteger], rows: npt.NDArray[np.unsignedinteger]) -> int:
    """The automaton's depth: the most bytes from the start state to any state (breadth
    first; a transition row shared by several states is expanded once)."""
    by_row = nextmove.reshape(-1, 256)
    seen = np.zeros(len(rows), dtype=bool)
    row_seen = np.zeros(len(by_row), dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.intp)
    depth = 0
    while True:
        new_rows = np.unique(rows[frontier])
        new_rows = new_rows[~row_seen[new_rows]]
        row_seen[new_rows] = True
        reached = by_row[new_rows].ravel()
        frontier = np.unique(reached[~seen[reached]])
        if not frontier.size:
            return depth
        seen[frontier] = True
        depth += 1


class _VectorIdentifier(LanguageIdentifier):
    """py3langid's identifier, its byte walk done in a few numpy steps instead of a Python
    step per byte; the scores are the same, bit for bit.

    Why the walk is exact: py3langid's automaton is an Aho–Corasick automaton over its
    features (byte n-grams). Each state stands for a prefix of some feature, and the state
    after a text is the one of the longest suffix of the text that is such a prefix. So it
    depends on the text's last `depth` bytes only, `depth` being the length of the longest
    prefix; and since the shortest path to a state spells its prefix, `depth` is the
    greatest breadth-first distance from the start state (`_depth`, computed from the
    model, 6 for py3langid 0.4's). The state after byte i is therefore the state reached
    from the start state over bytes i - depth + 1 … i (over bytes 0 … i near the start:
    the true walk), and all positions take their `depth` steps together, one numpy gather
    per step. The features are counted in order of first occurrence, as in `visit_counts`'
    `Counter`, so the scores add them up in the same order as py3langid's `_sparse_score`
    and come out bit for bit the same. tests/test_language_speed_equivalence.py checks the
    premise on the model itself (from every state, `depth` bytes lead where they lead from
    the start state) and the scores against py3langid's own.
    """

    __slots__ = ("_automaton",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._automaton = _Automaton.of(self)

    def _raw_score(self, text: bytes) -> npt.NDArray[np.float32]:
        features, counts = self._automaton.visits(text)
        if not features.size:  # py3langid's own score of featureless input
            return super()._raw_score(b"")
        # `_sparse_score`'s sum, on the arrays it builds from the `Counter` (features as
        # intp, counts as float32, both in order of first occurrence), without the `Counter`.
        return np.log1p(counts.astype(np.float32)) @ self.nb_ptc[features] + self.nb_pc


@cache
def _model() -> _VectorIdentifier:
    return _VectorIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@cache
def _identifier(script: str) -> _VectorIdentifier:
    """The model restricted to the languages of a script (one model read for all scripts:
    the restriction keeps the full model and only swaps the arrays it scores with)."""
    identifier = copy.copy(_model())
    identifier.set_languages(SCRIPT_LANGUAGES[script])
    # set_languages keeps a view of the full model's columns: each feature's scores then
    # lie scattered over its whole row (97 languages). A copy of the few columns kept makes
    # the scoring's gather read a fraction of the memory; the values are the same.
    identifier.nb_ptc = np.ascontiguousarray(identifier.nb_ptc)
    return identifier


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
    if script == "Cyrl" and letters < MIN_LETTERS_FOR_OTHER_CYRILLIC:
        return "ru", letters
    if script in SCRIPT_LANGUAGES and letters >= MIN_LETTERS_FOR_LANGID:
        lang, _ = _identifier(script).classify(text[:LANGID_SAMPLE])
        return lang, letters
    return SCRIPT_DEFAULT.get(script), letters


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
    own = FUNCTION_WORDS.get(lang)
    if own is None or lang == "en":
        return True
    words = re.findall(r"[^\W\d_]+(?![.\w])", text.lower())  # initials ('A.A.') are no words
    used = sum(word in own for word in words)
    english = sum(word in FUNCTION_WORDS["en"] for word in words)
    return used >= max(2, len(words) // 33) and used > english
