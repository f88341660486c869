"""The fast language identification gives py3langid's own results, bit for bit.

`cablegram.parse.language` walks py3langid's byte automaton in a few numpy steps instead of a
Python step per byte, and counts a text's scripts in one pass instead of six regular
expressions; these tests hold both to the slow originals, on the seeds' text and on made-up
text.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from py3langid.langid import MODEL_FILE, LanguageIdentifier, visit_counts

from cablegram.parse import langmodel
from cablegram.parse.langmodel import _Automaton, full_model, identifier
from cablegram.parse.language import (
    LANGID_SAMPLE,
    SCRIPT_LANGUAGES,
    SCRIPT_RANGES,
    detect_language,
    identified_language,
    script_counts,
    script_language,
    uses_its_small_words,
)
from cablegram.read import read_export
from conftest import sample_paths, seed_paths, variant_paths

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SCRIPTS = [None, *SCRIPT_LANGUAGES]  # None: the whole model, all its languages


def _seed_texts() -> list[str]:
    texts = []
    for path in seed_paths():
        blocks = [block.text for block in read_export(path).blocks]
        texts.extend(blocks)
        texts.append(" ".join(blocks))
    return texts


SEED_TEXTS = _seed_texts()

# Letters of the scripts these archives use, upper and lower case, and what lies between.
LETTERS = (
    "abcdefghijklmnopqrstuvwxyzäöüßéèàçñłśżčřő"
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєўђјљњћџ"
    "αβγδεζηθ中华人民共和国한국어ひらがなカタカナあいうかがこしたてとなのはまりるれをん。、"
)
MIXED = st.text(
    alphabet=st.sampled_from(LETTERS + LETTERS.upper() + " ,.;:-–—'\"()[]0123456789\n\t"),
    max_size=3000,
)
ANY_TEXT = st.one_of(
    MIXED,
    MIXED.map(str.upper),
    st.text(alphabet=st.characters(exclude_categories=()), max_size=500),  # surrogates too
    st.text(alphabet=st.characters(codec="ascii"), max_size=2000),
)


def _py3langid(script: str | None) -> LanguageIdentifier:
    """py3langid's own identifier, read from its own model file: py3langid's code only."""
    plain = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    if script is not None:
        plain.set_languages(SCRIPT_LANGUAGES[script])
    return plain


@pytest.fixture(scope="module")
def identifiers() -> dict[str | None, tuple[LanguageIdentifier, LanguageIdentifier]]:
    """Per script: (ours, py3langid's)."""
    out: dict[str | None, tuple[LanguageIdentifier, LanguageIdentifier]] = {}
    for script in SCRIPTS:
        ours = full_model() if script is None else identifier(tuple(SCRIPT_LANGUAGES[script]))
        out[script] = (ours, _py3langid(script))
    return out


def _same_classification(
    identifiers: dict[str | None, tuple[LanguageIdentifier, LanguageIdentifier]],
    text: str | bytes,
) -> None:
    for script, (ours, theirs) in identifiers.items():
        mine, expected = ours._decide(text), theirs._decide(text)
        assert mine.dtype == expected.dtype, script
        assert mine.tobytes() == expected.tobytes(), (script, text[:80])
        lang, confidence = ours.classify(text)
        expected_lang, expected_confidence = theirs.classify(text)
        assert (lang, confidence.hex()) == (expected_lang, expected_confidence.hex())


def _visits_as_items(automaton: _Automaton, data: bytes) -> list[tuple[int, int]]:
    features, counts = automaton.visits(data)
    assert len(features) == len(counts)
    return list(zip(features.tolist(), counts.tolist(), strict=True))


def _py3langid_visits(identifier: LanguageIdentifier, data: bytes) -> list[tuple[int, int]]:
    found = visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, data)
    return list((found or Counter()).items())


def _apart(automaton: _Automaton, steps: int) -> list[int]:
    """How many pairs of states (the state reached from any state, the state reached from
    the start state, over the same bytes) still differ after 0, 1 … `steps` bytes.
    States sharing a transition row step alike, so pairs are counted as pairs of rows."""
    rows = automaton.rowbase >> 8
    by_row = automaton.nextmove.reshape(-1, 256)
    n_rows = len(by_row)
    pairs = np.unique(rows * n_rows + rows[0])
    sizes = [len(pairs)]
    for _ in range(steps):
        found = [pairs[:0]]
        for chunk in np.array_split(pairs, max(1, len(pairs) // 4096)):
            left = by_row[chunk // n_rows].ravel()
            right = by_row[chunk % n_rows].ravel()
            apart = left != right
            found.append(np.unique(rows[left[apart]] * n_rows + rows[right[apart]]))
        pairs = np.unique(np.concatenate(found))
        sizes.append(len(pairs))
    return sizes


def _state_strings(automaton: _Automaton) -> list[bytes]:
    """Each state's string (the bytes of a shortest path to it from the start state),
    deepest first."""
    rows = automaton.rowbase >> 8
    by_row = automaton.nextmove.reshape(-1, 256)
    strings: dict[int, bytes] = {0: b""}
    seen = np.zeros(len(rows), dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.intp)
    while frontier.size:
        reached = []
        for chunk in np.array_split(frontier, max(1, len(frontier) // 4096)):
            targets = by_row[rows[chunk]].ravel()
            # The first way to each state not met yet: from the (k >> 8)-th state of the
            # chunk over byte k & 255.
            at = np.flatnonzero(~seen[targets])
            new, first = np.unique(targets[at], return_index=True)
            seen[new] = True
            for target, k in zip(new.tolist(), at[first].tolist(), strict=True):
                strings[target] = strings[int(chunk[k >> 8])] + bytes([k & 255])
            reached.append(new)
        frontier = np.concatenate(reached)
    return sorted(strings.values(), key=len, reverse=True)


# ------------------------------------------------------------------ the automaton


def test_the_automaton_forgets_all_but_its_last_depth_bytes() -> None:
    # The premise of the vectorised walk, checked on the model itself: from every state,
    # any `depth` bytes lead to the state they lead to from the start state (and fewer do not
    # always, so `depth` is also the least such number).
    automaton = full_model()._automaton
    assert automaton.depth >= 1
    apart = _apart(automaton, automaton.depth)
    assert apart[-1] == 0
    assert apart[-2] > 0


def test_the_walk_counts_what_py3langid_counts_over_every_state() -> None:
    # Seeds and made-up text seldom reach the deepest states (two Japanese or Cantonese
    # characters): each state's string, deepest first, so that a walk one step short fails.
    model = full_model()
    strings = _state_strings(model._automaton)
    assert len(strings[0]) == model._automaton.depth
    deepest = [s for s in strings if len(s) == model._automaton.depth]
    for data in (b"".join(deepest), b"".join(strings), b" ".join(strings)):
        assert _visits_as_items(model._automaton, data) == _py3langid_visits(model, data)


def test_the_walk_counts_what_py3langid_counts_on_the_seeds() -> None:
    model = full_model()
    for text in SEED_TEXTS:
        for data in (model._encode(text[:LANGID_SAMPLE]), model._encode(text)):
            assert _visits_as_items(model._automaton, data) == _py3langid_visits(model, data)


@SETTINGS
@given(
    data=st.one_of(
        st.binary(max_size=3000), ANY_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))
    )
)
def test_the_walk_counts_what_py3langid_counts_on_any_bytes(data: bytes) -> None:
    model = full_model()
    assert _visits_as_items(model._automaton, data) == _py3langid_visits(model, data)


# ------------------------------------------------------------------ the scores


def test_scores_are_py3langid_s_on_the_seeds(
    identifiers: dict[str | None, tuple[LanguageIdentifier, LanguageIdentifier]],
) -> None:
    for text in SEED_TEXTS:
        _same_classification(identifiers, text[:LANGID_SAMPLE])


@SETTINGS
@given(text=st.one_of(ANY_TEXT, st.binary(max_size=2000)))
def test_scores_are_py3langid_s_on_any_text(
    identifiers: dict[str | None, tuple[LanguageIdentifier, LanguageIdentifier]],
    text: str | bytes,
) -> None:
    _same_classification(identifiers, text)


def test_scores_of_text_without_features_and_of_no_text(
    identifiers: dict[str | None, tuple[LanguageIdentifier, LanguageIdentifier]],
) -> None:
    for text in ("", "a", "A", "\x00", b"\xff\xfe", "Ж"):
        _same_classification(identifiers, text)


# ------------------------------------------------------------------ the scripts


def _script_counts_by_regex(text: str) -> list[tuple[str, int]]:
    """The counting the table replaced: one regular expression per script."""
    return [
        (script, len(pattern.findall(text)))
        for script, pattern in SCRIPT_RANGES.items()
        if pattern.search(text)
    ]


def test_no_script_reaches_beyond_the_basic_multilingual_plane() -> None:
    beyond = "".join(map(chr, range(0x10000, 0x110000)))
    assert not [script for script, p in SCRIPT_RANGES.items() if p.search(beyond)]


def test_script_counts_are_the_regular_expressions_counts_on_the_seeds() -> None:
    for text in SEED_TEXTS:
        assert list(script_counts(text).items()) == _script_counts_by_regex(text)


@SETTINGS
@given(text=ANY_TEXT)
def test_script_counts_are_the_regular_expressions_counts_on_any_text(text: str) -> None:
    assert list(script_counts(text).items()) == _script_counts_by_regex(text)


@SETTINGS
@given(text=st.one_of(ANY_TEXT, st.sampled_from(SEED_TEXTS)))
def test_counts_given_or_not_give_the_same_language(text: str) -> None:
    counts = script_counts(text)
    assert detect_language(text, counts) == detect_language(text)
    assert script_language(text, counts) == script_language(text)


def test_every_code_point_of_the_basic_plane_is_counted_as_its_pattern_says() -> None:
    every = "".join(map(chr, range(0x10000)))
    for script, pattern in SCRIPT_RANGES.items():
        letters = "".join(pattern.findall(every))
        assert list(script_counts(letters).items()) == [(script, len(letters))]
    assert re.sub("|".join(p.pattern for p in SCRIPT_RANGES.values()), "", every) == "".join(
        c for c in every if not script_counts(c)
    )


# ------------------------------------------------------------------ the model's cache


def _fresh(monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
    """A process of its own, as far as the model goes: nothing read yet, `cache` its cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    identifier.cache_clear()


def test_the_model_is_kept_in_the_cache_and_read_from_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    latin = tuple(SCRIPT_LANGUAGES["Latn"])
    theirs = _py3langid("Latn")
    text = "Die Delegation hat heute die Verhandlungen in Kaesong begonnen."
    try:
        _fresh(monkeypatch, tmp_path)
        built = identifier(latin)  # read from py3langid's file, then kept
        (kept,) = (tmp_path / "cablegram").iterdir()
        assert sorted(p.name for p in kept.iterdir()) == sorted(
            f"{name}.npy" for name in langmodel._NAMES
        )
        _fresh(monkeypatch, tmp_path)
        mapped = identifier(latin)  # read from the cache
        assert isinstance(mapped.nb_ptc.base, np.memmap)
        for ours in (built, mapped):
            assert ours._decide(text).tobytes() == theirs._decide(text).tobytes()
            assert ours.classify(text)[0] == "de"
    finally:
        identifier.cache_clear()


def test_a_damaged_or_unwritable_cache_is_done_without(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    latin = tuple(SCRIPT_LANGUAGES["Latn"])
    text = "The delegation of the People's Republic began the negotiations in Kaesong."
    try:
        _fresh(monkeypatch, tmp_path)
        identifier(latin)
        (kept,) = (tmp_path / "cablegram").iterdir()
        (kept / "ptc.npy").write_bytes(b"not an array")  # a cache cut short
        _fresh(monkeypatch, tmp_path)
        assert identifier(latin).classify(text)[0] == "en"
        assert not isinstance(identifier(latin).nb_ptc.base, np.memmap)  # py3langid's read
        _fresh(monkeypatch, tmp_path)
        assert isinstance(identifier(latin).nb_ptc.base, np.memmap)  # the cache made again
        blocked = tmp_path / "a-file"
        blocked.write_text("")
        _fresh(monkeypatch, blocked)  # a cache folder that cannot be made
        assert identifier(latin).classify(text)[0] == "en"
    finally:
        identifier.cache_clear()


# ------------------------------------------------------------------ identified languages


def test_a_language_is_kept_where_its_small_words_bear_it_out() -> None:
    german = "Die Delegation der Volksrepublik hat heute in Kaesong die Verhandlungen begonnen."
    english = "The delegation of the People's Republic began the negotiations in Kaesong today."
    names = "Stalin, Molotov, Beria, Malenkov, Bulganin, Kaganovich, Mikoyan, Khrushchev"
    assert identified_language(german) == "de"
    assert identified_language(english) == "en"
    assert identified_language(names) is None  # a list of names: its script only
    assert identified_language("Командующий войсками противника сделал заявление") == "ru"


def test_english_by_its_small_words_is_what_the_identifier_says_on_the_archive() -> None:
    """The short way to English (small words that leave no other language standing) gives
    what py3langid and the small words give, or English where they give nothing, on every
    paragraph of the samples and variants."""
    checked = 0
    for path in [*sample_paths(), *variant_paths()]:
        for block in read_export(path).blocks:
            text = block.text
            lang, letters = detect_language(text)
            if letters < 60:
                continue
            slow = lang if lang and uses_its_small_words(text, lang) else None
            fast = identified_language(text)
            assert fast == slow or (slow is None and fast == "en"), (path.name, text[:80])
            checked += 1
    assert checked > 500


def test_russian_by_its_letters_is_what_the_identifier_says_on_the_archive() -> None:
    """The short way to Russian (ы or э, and none of the neighbours' letters) gives what
    py3langid gives, on every long Cyrillic paragraph and version of the seeds, samples
    and variants; a text with a neighbour's letters is still the identifier's to read."""
    cyrillic = tuple(SCRIPT_LANGUAGES["Cyrl"])
    checked = 0
    for path in [*seed_paths(), *sample_paths(), *variant_paths()]:
        blocks = read_export(path).blocks
        for text in [block.text for block in blocks] + [" ".join(b.text for b in blocks)]:
            counts = script_counts(text)
            if not counts or counts.most_common(1)[0] != ("Cyrl", counts["Cyrl"]):
                continue
            if counts["Cyrl"] < 400:
                continue
            slow, _ = identifier(cyrillic).classify(text[:LANGID_SAMPLE])
            assert detect_language(text)[0] == slow == "ru", (path.name, text[:80])
            checked += 1
    assert checked >= 5
    ukrainian = "Делегація Української РСР їздила до Києва, щоб обговорити питання. " * 8
    bulgarian = "Българската делегация пристигна в София, където започнаха преговорите. " * 8
    assert detect_language(ukrainian)[0] == "uk"
    assert detect_language(bulgarian)[0] == "bg"
