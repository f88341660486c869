"""Property tests: whatever bytes a source holds, parsing fails only with `SourceError`,
and whatever parses encodes into well-formed TEI with no editorial bracket left as text."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from cablegram.encode.tei import encode_document, serialise
from cablegram.errors import SourceError
from cablegram.model import Document
from cablegram.parse import parse_bytes
from conftest import seed_paths

SETTINGS = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# An editorial bracket left as literal text in the TEI (it should have become markup).
# Only closed brackets count: an unmatched `[sic` is not a bracket and stays as text.
LEFTOVER_BRACKET = re.compile(
    r"\[\s*(?:sic\b[^\[\]]*|\?|\.\.\.|…|signature|stamp\s*:[^\[\]]*)\]", re.I
)

HEADER = [
    "## **June 30, 1951**",
    "June 30, 1951",
    "July 3, 1951",
    "### **Cable No. 21340, Mao Zedong to Filippov [Stalin]**",
    "Ciphered Telegram No. 21336, Mao Zedong to Filippov [Stalin]",
    "#### **Citation:**",
    "Citation:",
    '"Cable No. 21340", June 30, 1951, Wilson Center Digital Archive, APRF, f. 45, op. 1, '
    "d. 339, ll. 31-32. Translated by Gary Goldberg.",
    "<https://digitalarchive.wilsoncenter.org/document/119390>",
    "Summary:",
    "#### **Summary:**",
    "Credits:",
    "Original Language:",
    "Original Languages: Russian, Chinese",
    "Russian",
    "Contents:",
    "Original Scan",
    "- Translation - English",
    "Transcript - Russian",
]
BODY = [
    "ШИФРОВАННАЯ ТЕЛЕГРАММА № 21340",
    "CIPHERED TELEGRAM No. 21340",
    "Экз. № 1 тов. Сталину",
    "Copy No. 1 to Stalin",
    "СОВ. СЕКРЕТНО",
    "TOP SECRET",
    "ПЕКИН—ТОВ. КРАСОВСКОМУ",
    "To Comrade Filippov,",
    "1. I have received your telegram.",
    "2) The negotiations",
    "- a bullet",
    "Лист 2",
    "см. на об. листа",
    "[signature]",
    "[stamp: illegible]",
    "[sic]",
    "[sic; possibly Kaesong]",
    "Kae[song]",
    "[?]",
    "[...]",
    "[illegible]",
    "[1] A footnote.",
    "[Translator's note: a note]",
    "[Ed. note: a note]",
    "MAO ZEDONG",
    "ФИЛИППОВ",
    "No. 137, I 218",
    "30.VI.51",
    "Received 1 July 1951",
    "Digital Archive  International History Declassified",
    "digitalarchive.wilsoncenter.org",
]
FRAGMENTS = [
    *HEADER,
    *BODY,
    "[",
    "]",
    "[sic",
    "[?",
    "[[",
    "]]",
    "«",
    "»",
    '"',
    "“",
    "”",
    "'",
    "\t",
    "\f",
    "  ",
    "      ",
    "\r",
    "\r\n",
    "\ufeff",
    "\\*",
    "**",
    "__",
    "#",
    "---",
    "Ком-",
    "muni-",
    "cation",
    "Гоминьдан",
    "переговоры о прекращении",
    "<tag>",
    "&amp;",
    "&",
    "]]>",
    "\x01",
    "\ue000",
    "\u00a0",
    "№",
    "—",
    "38th",
    "июня 1951",
    "(?)",
]
WORDS = st.sampled_from(FRAGMENTS) | st.text(max_size=8)
# Words without control characters (too many of them make a file binary).
TEXT_WORDS = st.sampled_from([f for f in FRAGMENTS if f != "\x01"]) | st.text(
    st.characters(exclude_categories=["Cc", "Cs"]), max_size=8
)
SEPARATORS = st.sampled_from(["\n", "\n\n", " ", "", "-\n", "\n\f", "\t"])


@st.composite
def realistic_texts(draw: st.DrawFn, words: st.SearchStrategy[str] = WORDS) -> str:
    """Text built from the fragments of real exports, in a random order and layout."""
    pieces = draw(st.lists(st.tuples(words, SEPARATORS), max_size=40))
    return "".join(word + sep for word, sep in pieces)


@st.composite
def headed_texts(draw: st.DrawFn) -> str:
    """A recognisable header (so parsing usually succeeds) followed by a random body."""
    header = draw(st.lists(st.sampled_from(HEADER), min_size=1, max_size=10))
    body = draw(realistic_texts(TEXT_WORDS))
    return "\n\n".join(["June 30, 1951", *header, body])


@st.composite
def mutated_seeds(draw: st.DrawFn) -> bytes:
    """A real seed with a few slices deleted, duplicated or replaced by fragments."""
    data = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 400)))
        action = draw(st.sampled_from(["delete", "duplicate", "replace"]))
        if action == "delete":
            data = data[:start] + data[end:]
        elif action == "duplicate":
            data = data[:end] + data[start:end] + data[end:]
        else:
            data = data[:start] + draw(realistic_texts()) + data[end:]
    return data.encode("utf-8")


SEED_TEXTS = [path.read_text(encoding="utf-8") for path in seed_paths()]


def parse_or_none(data: bytes) -> Document | None:
    """Parse; `SourceError` is the one acceptable failure (anything else propagates)."""
    try:
        return parse_bytes("random.txt", data)
    except SourceError as exc:
        assert str(exc).startswith("random.txt: "), str(exc)
        assert exc.problem and "\n" not in str(exc)
        return None


def check_encodes(cable: Document) -> None:
    """The TEI of a parsed cable is well-formed and has no literal editorial bracket."""
    data = serialise(encode_document(cable, "cable-test"))
    root = etree.fromstring(data)  # raises XMLSyntaxError when not well-formed
    assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"
    text_element = root.find("{http://www.tei-c.org/ns/1.0}text")
    assert text_element is not None
    for node in text_element.xpath(".//text()"):
        assert not LEFTOVER_BRACKET.search(node), f"editorial bracket left as text: {node!r}"


# ----------------------------------------------------------------- (a) + (b) text


@SETTINGS
@given(st.text())
@example("")
@example(" \n\t")
@example("June 30, 1951")
@example("Citation:")
@example("Summary:\n\n[sic")
def test_random_text_fails_only_with_source_error(text: str) -> None:
    cable = parse_or_none(text.encode("utf-8"))
    if cable is not None:
        check_encodes(cable)


@SETTINGS
@given(realistic_texts())
def test_realistic_fragments_fail_only_with_source_error(text: str) -> None:
    cable = parse_or_none(text.encode("utf-8"))
    if cable is not None:
        check_encodes(cable)


@SETTINGS
@given(headed_texts())
def test_headed_texts_parse_and_encode(text: str) -> None:
    cable = parse_or_none(text.encode("utf-8"))
    # A date line and fields are recognisable metadata: this must not be refused.
    assert cable is not None
    check_encodes(cable)


@settings(SETTINGS, max_examples=100)
@given(mutated_seeds())
def test_mutated_seeds_fail_only_with_source_error(data: bytes) -> None:
    cable = parse_or_none(data)
    if cable is not None:
        check_encodes(cable)


# ----------------------------------------------------------------- (c) bytes


@SETTINGS
@given(st.binary(max_size=2000))
@example(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
@example(b"\xff\xfe")
@example(b"\xef\xbb\xbf")
@example("30 июня 1951".encode("cp1251"))
def test_random_bytes_fail_only_with_source_error(data: bytes) -> None:
    cable = parse_or_none(data)
    if cable is not None:
        check_encodes(cable)


@SETTINGS
@given(st.sampled_from(SEED_TEXTS), st.binary(min_size=1, max_size=50), st.data())
def test_seed_with_inserted_bytes_fails_only_with_source_error(
    text: str, junk: bytes, data: st.DataObject
) -> None:
    raw = text.encode("utf-8")
    at = data.draw(st.integers(0, len(raw)))
    cable = parse_or_none(raw[:at] + junk + raw[at:])
    if cable is not None:
        check_encodes(cable)


def test_the_bracket_check_can_fail() -> None:
    """The leftover-bracket pattern does catch the archive's editorial brackets."""
    for bracket in ["[sic]", "[sic; Kaesong]", "[?]", "[...]", "[signature]", "[stamp: x]"]:
        assert LEFTOVER_BRACKET.search(f"a {bracket} b"), bracket
    for ordinary in ["[Stalin]", "[1]", "a [b] c", "Kae[song]", "[sic", "[stamp: x"]:
        assert not LEFTOVER_BRACKET.search(ordinary), ordinary
