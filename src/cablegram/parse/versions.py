"""Splitting the document's text into its versions: scan, transcript, translation.

Each block gets a language label; the text is cut where the language changes, choosing
the cut points that best agree with the labels (so a short block of the wrong script
does not start a new version). The page's `Contents:` list and `Original Language:`
then say which part is the original and which the translation; an omission line
``[...]`` inside the original separates the scan from a clean transcript.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from cablegram.model import Diagnostic
from cablegram.parse.dates import NUMERIC
from cablegram.parse.inline import GAP_CONTENT
from cablegram.parse.language import (
    identified_language,
    language_code,
    script_counts,
    script_language,
)
from cablegram.read import Block

MIN_GAIN_LETTERS = 30
# Below this many letters a block only tells its script: language identification of a
# short line (a copy list, a signature) is unreliable. Above it a language other than
# English must also use its own small words (`uses_its_small_words`), so a list of names
# is never German; a German paragraph of one sentence (some sixty letters) is.
MIN_BLOCK_LETTERS = 60
IDEOGRAPH_WEIGHT = 4  # letters an ideograph weighs (an English word: about five letters)


@dataclass(frozen=True)
class VersionBlocks:
    kind: str  # "original" | "translation"
    subtype: str | None  # "scan" | "transcript" | None
    lang: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class _Label:
    lang: str | None  # None: too short to tell more than the script
    script_lang: str | None  # default language of the block's script
    weight: int


def is_gap_line(block: Block) -> bool:
    """A line that is only an omission: '[...]', '[…]', or the dots alone (D9: a
    paragraph that is only '...' marks what the editors left out)."""
    text = block.text.strip()
    if BARE_OMISSION.match(text):
        return True
    return text.startswith("[") and text.endswith("]") and bool(GAP_CONTENT.match(text[1:-1]))


BARE_OMISSION = re.compile(r"^(?:\.\s*){3,}$|^…$")


def split_versions(
    blocks: tuple[Block, ...],
    contents: tuple[str, ...],
    original_language: str | None,
    english_origin: bool = False,
) -> tuple[list[VersionBlocks], list[Diagnostic]]:
    """The versions of the text, by language; which is the original says the page (its
    contents list, its original language) or, where it is silent, the text: a version in
    another language than English is the original, an English one its translation (the
    archive translates into English) unless the document comes from an English-speaking
    office (`english_origin`)."""
    diagnostics: list[Diagnostic] = []
    if not blocks:
        return [], diagnostics
    labels = [_label(block.text) for block in blocks]
    bounds = _signed_off(blocks, _segments(labels))
    segments = [(blocks[a:b], _language_of(blocks[a:b], labels[a:b])) for a, b in bounds]
    wanted = [c.lower() for c in contents]
    # 'Original Scan', 'Original' (a scan); 'Original Transcript - English' is a transcript
    has_scan = any(
        "scan" in c or (c.startswith("original") and "transcript" not in c) for c in wanted
    )
    has_transcript = any("transcript" in c for c in wanted)
    has_translation = any("translation" in c for c in wanted)
    original = language_code(original_language)
    versions: list[VersionBlocks] = []
    for index, (seg_blocks, lang) in enumerate(segments):
        lang = lang or original or "und"
        if original:
            is_original = lang == original
        elif has_scan or has_transcript:
            is_original = index == 0
        else:
            is_original = lang != "en" or english_origin
        if not is_original:
            versions.append(VersionBlocks("translation", None, lang, seg_blocks))
            continue
        versions.extend(_original(seg_blocks, lang, has_scan, has_transcript))
    found = {v.kind for v in versions}
    line = blocks[0].no
    if has_translation and "translation" not in found:
        diagnostics.append(Diagnostic(line, "warning", "Contents lists a translation; none found"))
    if (has_scan or has_transcript) and "original" not in found:
        diagnostics.append(Diagnostic(line, "warning", "Contents lists an original; none found"))
    return versions, diagnostics


# a signature in brackets or slashes on its own line ('(Osterheld)', '/Stalin/'): it tells
# no language, and it closes the text before it
ENCLOSED_SIGNATURE = re.compile(r"^(?:\([^()]{2,40}\)|/[^/]{2,40}/)$")


def _signed_off(blocks: tuple[Block, ...], bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The versions' bounds with a bracketed signature at the head of a version given to
    the version before it, as its closer's."""
    out = list(bounds)
    for k in range(1, len(out)):
        start, end = out[k]
        while start < end - 1 and ENCLOSED_SIGNATURE.match(blocks[start].text.strip()):
            start += 1
        out[k - 1], out[k] = (out[k - 1][0], start), (start, end)
    return out


def _original(
    blocks: tuple[Block, ...], lang: str, has_scan: bool, has_transcript: bool
) -> list[VersionBlocks]:
    if has_transcript and has_scan:
        for i, block in enumerate(blocks):
            if i > 0 and is_gap_line(block) and i + 1 < len(blocks):
                return [
                    VersionBlocks("original", "scan", lang, blocks[:i]),
                    VersionBlocks("original", "transcript", lang, blocks[i:]),
                ]
    subtype = "scan" if has_scan else "transcript"
    return [VersionBlocks("original", subtype, lang, blocks)]


@functools.lru_cache(maxsize=8192)  # (an archive's documents share furniture lines)
def _label(text: str) -> _Label:
    if NUMERIC.fullmatch(text.strip()):  # '1.VII.51': the month's letters are no English
        return _Label(None, None, 0)
    counts = script_counts(text)  # once, for both labels
    short_lang, letters = script_language(text, counts)
    if letters == 0:
        return _Label(None, None, 0)
    # (a list of names tells its script only)
    lang = identified_language(text, counts) if letters >= MIN_BLOCK_LETTERS else None
    # A Chinese or Japanese character carries about a word: weighed as letters, a Chinese
    # translation after an English one was too light to make a version of its own.
    weight = letters * IDEOGRAPH_WEIGHT if short_lang in {"zh", "ja"} else letters
    return _Label(lang, short_lang, weight)


def _language_of(blocks: tuple[Block, ...], labels: list[_Label]) -> str | None:
    """A segment's language, identified on its whole text within its main script."""
    fallback = _segment_language(labels)
    text = " ".join(block.text for block in blocks)
    lang = identified_language(text) or fallback
    if lang is None or fallback is None or _script_default(lang) != _script_default(fallback):
        return fallback
    return lang


def _agrees(label: _Label, lang: str) -> bool:
    if label.weight == 0:
        return False
    if label.lang is not None:
        return label.lang == lang
    return label.script_lang == _script_default(lang)


def _script_default(lang: str) -> str:
    return {"uk": "ru", "be": "ru", "bg": "ru", "sr": "ru", "mk": "ru"}.get(
        lang, "en" if lang not in {"ru", "zh", "ko", "ja"} else lang
    )


def _segment_language(labels: list[_Label]) -> str | None:
    weights: dict[str, int] = {}
    for label in labels:
        if label.lang:
            weights[label.lang] = weights.get(label.lang, 0) + label.weight
    if not weights:
        for label in labels:
            if label.script_lang:
                weights[label.script_lang] = weights.get(label.script_lang, 0) + label.weight
    return max(weights, key=lambda k: (weights[k], k)) if weights else None


def _score(labels: list[_Label], bounds: list[tuple[int, int]]) -> tuple[int, list[str | None]]:
    total = 0
    langs = []
    for a, b in bounds:
        lang = _segment_language(labels[a:b])
        langs.append(lang)
        if lang:
            total += sum(label.weight for label in labels[a:b] if _agrees(label, lang))
    return total, langs


def _segments(labels: list[_Label]) -> list[tuple[int, int]]:
    """Cut points (1 to 3 segments) that best agree with the block labels."""
    n = len(labels)
    letters = sum(label.weight for label in labels)
    best_bounds = [(0, n)]
    best_score, _ = _score(labels, best_bounds)
    changes = _change_points(labels)
    for k in (2, 3):
        candidate: tuple[int, list[tuple[int, int]]] | None = None
        for cuts in itertools.combinations(changes, k - 1):
            edges = [0, *cuts, n]
            bounds = list(itertools.pairwise(edges))
            score, langs = _score(labels, bounds)
            if any(a == b for a, b in itertools.pairwise(langs)) or None in langs:
                continue
            if candidate is None or score >= candidate[0]:
                candidate = (score, bounds)
        if candidate and candidate[0] - best_score >= max(MIN_GAIN_LETTERS, letters // 33):
            best_score, best_bounds = candidate
        else:
            break
    return best_bounds


def _change_points(labels: list[_Label]) -> list[int]:
    """Indices where a block's language differs from the last block that had one."""
    points = []
    previous: str | None = None
    for i, label in enumerate(labels):
        key = label.lang or label.script_lang
        if key is None:
            continue
        if previous is not None and key != previous and i > 0:
            points.append(i)
        previous = key
    return points
