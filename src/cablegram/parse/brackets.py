"""What an editorial bracket's words say it is (ENCODING.md, "Editorial phenomena"): a
later hand, an expansion, the original's wording, an explanation, words missing, an
alternative reading. `cablegram.parse.inline` asks these in turn for each bracket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cablegram.model import MARKERS, AddPlace

# '[handwritten above the form: …]', '[Handwritten across the upper left-hand corner: …]',
# '[handwritten in the left 23. Yes.]', '[handwritten by Stalin: …]', '[Handwritten]' (a
# label: the words after it are the hand's)
HANDWRITTEN = re.compile(  # (its place may come first: '[In the margin, handwritten …')
    r"^\s*(?:(?:in|on|at|across)\s+the\s+[\w-]+(?:\s+[\w-]+)?,?\s+)?"
    r"(?:handwritten|hand-written|in handwriting)\b",
    re.IGNORECASE,
)
SEAM = re.compile("[\ue000-\ue003]")
# the quotation marks the editors put round a hand's words are theirs, not the hand's
# (the words may begin on the line after the label: the line break stays theirs)
DELIMITED = re.compile(
    r'^(?P<lead>[\s\ue000-\ue003]*)["“«„](?P<words>[^"“”«»„]*)["”»“][\s\ue000-\ue003]*$'
)
PLACE_WORDS = re.compile(
    r"^(?:\s*(?:note|notes|in|on|at|across|above|below|over|under|the|a|upper|lower"
    r"|left-hand|right-hand|left|right|top|bottom|margin|corner|side|form|text|page|heading"
    r"|of)(?![\w-]))*",
    re.IGNORECASE,
)
BY = re.compile(r"\bby\s+(?P<by>[^:]+?)\s*$", re.IGNORECASE)
PLACES: tuple[tuple[str, AddPlace], ...] = (
    (r"\babove\b|\bover\b", "above"),
    (r"\bbelow\b|\bunder\b|\bbeneath\b", "below"),
    (r"\bcorner\b|\btop\b|\bupper\b|\bheading\b", "top"),
    (r"\bbottom\b|\bfoot\b", "bottom"),
    (r"\bmargin\b|\bleft\b|\bright\b|\bside\b", "margin"),
    (r"\binline\b|\bbetween the lines\b|\binterlinear\b", "inline"),
)
# 'VTsSPS', 'CC CPC', 'VKP/b/', 'MPR', 'KChZhD': an abbreviation the editors spell out
ABBREVIATION = re.compile(r"(?:[A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё/()]*[A-ZА-ЯЁ/)]\s?)+$")
UPPER = re.compile(r"[A-ZА-ЯЁ]")
# '[oblast']', '[kontaktirovat']', '[pristupit k obiednineniiu]', '[uyezdnyy]': a Russian
# word or phrase in the Latin alphabet (the soft sign ', the digraphs, the endings)
TRANSLITERATED = re.compile(r"^[a-z][a-z' -]*\.?$")
RUSSIAN_FEATURES = re.compile(
    r"'|(?:zh|kh|shch|yy|yi|ii)(?:\b|[a-z])|ts(?=[aeiouy])|(?:ovat|irovat|nost|stvo|skii|skaia|nyi|naia"
    r"|niia|nie|ogo|ykh|ikh|iya|kami|ami)\b"
    r"|^(?:s|v|k|na|po|pod|iz|ot|do)(?:\s|\.?$)"  # a Russian preposition ('s mest', 'pod.')
)
ENGLISH_WORDS = frozenset({
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "with",
    "be", "by", "on", "not", "this", "are", "or", "from", "at", "an",
})  # fmt: skip
# '[literally, "…"]', '[i.e. …]', '[that is, …]', '[nicknames, evidently …]'
EXPLANATION = re.compile(
    r"^(?:literally|lit\.|i\.\s?e\.|that is|meaning|namely|evidently|apparently|presumably"
    r"|in the original|the original (?:has|reads|says)|in russian|in chinese|in korean"
    r"|as in the original|so in the original|the text (?:has|reads))\b"
    r"|,\s*(?:evidently|apparently|presumably|i\.\s?e\.|that is)\b",
    re.IGNORECASE,
)
# '[one word missing]', '[two lines missing]', '[one or two words unclear]'
MISSING = re.compile(
    r"^(?P<count>(?:one|two|three|four|five|several|a few|some|\d+)(?:\s+or\s+\w+)?)\s+"
    r"(?:words?|lines?|letters?|characters?|sentences?)\s+(?P<what>missing|omitted|unclear|"
    r"cut off|lost|torn|damaged|illegible)$",
    re.IGNORECASE,
)
ALTERNATIVE_DISTANCE = 2
# what the rest of a document lost, as the editors say it ('the remainder of the document
# is missing', 'the end of the text is cut off')
REST_MISSING = re.compile(
    r"^(?:the\s+)?(?:remainder|rest|end)\s+of\s+the\s+(?:document|text|page|letter)\s+"
    r"(?:is\s+)?(?:missing|lost|cut off|not available)\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Hand:
    """A later hand's addition read from its bracket."""

    place: AddPlace | None
    hand: str  # "handwritten", "handwritten by Stalin"
    text: str | None  # None: the bracket is a label, the words after it are the hand's


def handwritten(content: str) -> Hand | None:
    """A bracket that says its words were added by hand: its place, the hand, the words."""
    found = HANDWRITTEN.match(content)
    if not found:
        return None
    rest = SEAM.sub(" ", content[found.end() :])  # a label may run over a line end
    outside = rest.split("[", 1)[0]  # a colon inside a bracket of its own is not the label's
    before_colon = outside.partition(":")[0]
    words = PLACE_WORDS.match(before_colon)
    if ":" in outside and (BY.search(before_colon) or (words and words.end() == len(before_colon))):
        label, _, text = rest.partition(":")
        text = content[len(content) - len(text) :].strip()
    else:  # '[handwritten in the left 23. Yes.]': the place's words end the label
        words = PLACE_WORDS.match(rest)
        end = words.end() if words else 0
        label, text = rest[:end], content[found.end() + end :].strip()
    by = BY.search(label)
    label = content[: found.end()] + label  # '[In the margin, handwritten …': its place too
    place = next((p for pattern, p in PLACES if re.search(pattern, label, re.IGNORECASE)), None)
    if text and (delimited := DELIMITED.match(text)):
        text = "".join(SEAM.findall(delimited["lead"])) + delimited["words"].strip()
    elif text and text.endswith('"') and text.count('"') % 2:  # its opening mark lost: '5. Yes!"'
        text = text[:-1].rstrip()
    hand = f"handwritten by {by['by'].strip()}" if by else "handwritten"
    return Hand(place, hand, text or None)


def expands(abbreviation: str, content: str) -> bool:
    """Whether a bracket spells out the abbreviation before it ('MPR [Mongolian People's
    Republic]'): two words or more, after a word of two capitals or more."""
    words = content.split()
    if len(words) < 2 or not ABBREVIATION.fullmatch(abbreviation.strip()):
        return False
    return len(UPPER.findall(abbreviation)) >= 2 and (content[:1].isupper() or words[0] == "the")


def original_wording(content: str) -> bool:
    """A Russian word or phrase in the Latin alphabet, as the original has it."""
    text = content.strip().strip('"“”')
    if not TRANSLITERATED.match(text) or not RUSSIAN_FEATURES.search(text):
        return False
    return not any(word in ENGLISH_WORDS for word in text.split())


PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo"
    r"|ui|ue|er|a|o|e|i|u|ü|v)"
)
ENGLISH_ENDING = re.compile(r"\w{3}(?:ing|ed|tion|ly|ness|ment)$")  # 'deducing'
PINYIN_WORD = re.compile(rf"(?:{PINYIN_SYLLABLE})+")
PINYIN_SYLLABLES = re.compile(PINYIN_SYLLABLE)


def pinyin(content: str) -> bool:
    """Chinese in pinyin, as the original has it ('[buli]', '[neng chuwai]'): lower-case
    words made of pinyin's syllables, two at least (a one-syllable English word, 'he',
    'can', would pass), no English small word."""
    words = content.strip().split()
    if not words or not all(PINYIN_WORD.fullmatch(w) for w in words):
        return False
    if any(w in ENGLISH_WORDS or ENGLISH_ENDING.search(w) for w in words):
        return False
    return sum(len(PINYIN_SYLLABLES.findall(w)) for w in words) >= 2


def explanation(content: str) -> bool:
    return bool(EXPLANATION.search(content.strip()))


def missing(content: str) -> tuple[str, str] | None:
    """'[one word missing]' → ('missing', the words); '[one word unclear]' → illegible."""
    if REST_MISSING.match(content.strip()):
        return "missing", content.strip()
    found = MISSING.match(content.strip())
    if not found:
        return None
    kind = "illegible" if found["what"].lower() in {"unclear", "illegible"} else "missing"
    return kind, content.strip()


def alternative(word: str, content: str) -> bool:
    """'Tan [Tang]', 'Zhong [Zheng?]': one word read another way, a letter or two apart."""
    reading = content.strip().rstrip("?").strip()
    if " " in reading or " " in word or not reading or not word[:1].isupper():
        return False
    if reading.lower() == word.lower() or not reading[:1].isupper():
        return False
    distance = _distance(word.lower(), reading.lower())
    same_start = word[:1].lower() == reading[:1].lower()  # 'Gaeseong [Kaesong]' names, not reads
    doubtful = content.strip().endswith("?")  # 'Beiping [Beijing]' is another name, not a reading
    return distance == 1 or (
        doubtful and same_start and distance <= ALTERNATIVE_DISTANCE and len(word) <= 8
    )


def _distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


# what a [sic] bracket may add: a correction after a word that says it is one ('[sic;
# possibly Kaesong]', '[sic; ed. note— perhaps Taiyuan]', '[sic, in fact Hunan]'), a
# correction alone ('[sic, Xibaipo]'), or a remark ('[SIC, plural]')
CORRECTION_WORD = re.compile(
    r"(?:^|(?<=[\s—–-" + MARKERS + r"]))"  # (after a line's end too: 'note—' | 'perhaps')
    r"(?P<word>possibly|probably|perhaps|should be|i\.\s?e\.|read|in fact"
    r"|actually)(?:\s+|(?=[" + MARKERS + r"])|$)",  # a line may end right after 'possibly'
    re.IGNORECASE,
)
DOUBTING = {"possibly", "probably", "perhaps"}
SHORT_NAME = re.compile(r"^[A-ZА-ЯЁ][\w'’.-]*(?:\s+[A-ZА-ЯЁ][\w'’.-]*){0,2}\??$")


@dataclass(frozen=True)
class SicReading:
    """What a [sic] bracket says beyond 'sic'."""

    correction: str | None = None
    doubtful: bool = False
    remark: str | None = None


def sic_reading(rest: str | None) -> SicReading:
    """The correction (doubtful after 'possibly', 'perhaps' …) or the remark after 'sic'."""
    rest = (rest or "").strip()
    if not rest:
        return SicReading()
    said = list(CORRECTION_WORD.finditer(rest))
    if said:
        found = said[-1]
        correction = rest[found.end() :].strip()
        doubtful = found["word"].lower() in DOUBTING
        return SicReading(correction or None, doubtful)
    if SHORT_NAME.match(rest):
        return SicReading(rest)
    return SicReading(remark=rest)
