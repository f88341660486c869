"""No word of the source is lost, and no literal editorial bracket is left in the TEI."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from cablegram.read.lines import PDF_PAGE_HEADER, normalise_residue
from conftest import sample_paths, seed_paths, variant_paths

TEI = "{http://www.tei-c.org/ns/1.0}"
# Elements whose borders are not word borders (a word may run through them).
JOINING = {"supplied", "unclear", "choice", "persName", "placeName", "orgName",
           "date", "time", "idno", "hi", "stamp", "ref", "title", "publisher"}  # fmt: skip
WORD = re.compile(r"\w+")
HYPHENATED = re.compile(r"(\w+)-(\w+)")
PDF_PAGE_NUMBER = re.compile(r"^ {20,}\d{1,3}\s*$")  # a PDF page's number at its foot

# The labels of the archive's editorial brackets and of the export's fields, which become
# markup: the only source words the TEI does not repeat as text.
LABELS = [
    (re.compile(r"\[\s*sic\s*\]", re.I), " "),
    (
        re.compile(
            r"\[\s*sic\s*[;,:]\s*(?:[^\[\]]*?(?:possibly|probably|perhaps|should be|read|in fact"
            r"|actually)\s+)?",
            re.I,
        ),
        "[",
    ),
    (re.compile(r"\[\s*signature\s*\]", re.I), " "),
    (re.compile(r"\[\s*stamp\s*:", re.I), "["),
    (
        re.compile(
            r"\[\s*(?:Ed\.|Editor['’]?s|Editorial|Translator['’]?s|Trans\.|Tr\.)\s*note\s*:", re.I
        ),
        "[",
    ),
    (re.compile(r"\[\d{1,3}\]"), " "),
    # a footnote's number glued to its word ('comprador1'): the anchor, note/@n in the TEI
    (re.compile(r"(?<=[^\W\d_])(?=\d{1,2}(?:[\s.,;:!?)”\"»]|$))"), " "),
    (re.compile(r"\[\s*page\s+break\s*\]", re.I), " "),
    # a later hand's label: '[Handwritten across the upper left-hand corner: …]', '[Handwritten]'
    # (its place may come first: '[In the margin, handwritten by Stalin: …]')
    (
        re.compile(
            r"\[\s*(?:(?:in|on|at|across)\s+the\s+[\w-]+(?:\s+[\w-]+)?,?\s+)?"
            r"(?:handwritten|hand-written)\b[^:\]\[]*(?::|\](?=\s*\S))",
            re.I,
        ),
        "[",
    ),
    # … or its place alone: '[handwritten in the left 6. Perhaps! …]' (@place says it)
    (
        re.compile(
            r"\[\s*handwritten(?:\s+(?:in|on|at|the|upper|lower|left|right|margin|corner|top"
            r"|bottom|side))+(?=\s)",
            re.I,
        ),
        "[",
    ),
    (
        re.compile(
            r"(?:^|(?<=\s))(?:[#*\s]*)(?:Citation|Summary|Credits|Original Languages?|Contents)"
            r"\s*:\**",
            re.I | re.M,
        ),
        " ",
    ),
]


def source_words(path: Path) -> Counter[str]:
    text = path.read_text(encoding="utf-8").replace("\f", "\n")
    text = "\n".join(
        line
        for line in text.split("\n")
        if not PDF_PAGE_HEADER.match(line) and not PDF_PAGE_NUMBER.match(line)
    )
    text = normalise_residue(text)
    for pattern, replacement in LABELS:
        text = pattern.sub(replacement, text)
    # Letters supplied inside a word (c[omrade], G[roup?]) complete that word.
    text = re.sub(r"(?<=\w)\[(?!illegible|sic|\?)(\w[^\[\]]*?)\??\]", r"\1", text)
    # A word hyphenated at a line end is one word (a capital after the hyphen: a real one).
    text = re.sub(r"(\w)-[ \t]*\n[ \t]*(?=[^\W\d_A-ZА-ЯЁ])", r"\1", text)
    return Counter(WORD.findall(text))


def tei_text(element: etree._Element) -> str:
    """The text of a TEI element, element borders read as word borders where they are.

    What the markup holds of the source's words is read back as printed: a point's label
    (`item/@n`), a footnote's marker (`note/@n`, at its anchor and before its text), an end
    mark's words (`milestone/@rend`), a letter-spaced word's letters
    (`hi[@rend='letterspaced']`, 'SHTYKOV' for 'S H T Y K O V').
    """
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        name = etree.QName(node).localname if isinstance(node.tag, str) else ""
        joins = name in JOINING or (name == "lb" and node.get("break") == "no")
        if name == "note" and node.get("type") == "authorial" and node.get("n"):
            parts.append(" " + node.get("n", ""))  # the anchor ('comprador1', 'us.3', 'x/')
        if not joins:
            parts.append(" ")
        if name in {"item", "note"} and node.get("n"):
            parts.append(node.get("n", "") + " ")
        if name == "milestone":
            parts.append(node.get("rend", ""))  # '-- End of Conversation --'
        if name == "hi" and node.get("rend") == "letterspaced" and node.text:
            parts.append(" ".join(node.text))
        elif node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if not joins:
            parts.append(" ")

    walk(element)
    return "".join(parts)


def tei_words(path: Path) -> Counter[str]:
    """The TEI's words; a hyphenated word also counts joined, as the source's check reads a
    hyphen at a line's end ('anti-' | 'aircraft', a real hyphen the TEI keeps)."""
    text = tei_text(etree.parse(str(path)).getroot())
    joined = ["".join(pair) for pair in HYPHENATED.findall(text)]
    return Counter(WORD.findall(text)) + Counter(joined)


SOURCES = seed_paths() + variant_paths() + sample_paths()


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_every_source_word_is_in_the_tei(source: Path, converted) -> None:
    missing = source_words(source) - tei_words(converted[source.name].output)
    assert not missing, f"words of {source.name} missing from its TEI: {dict(missing)}"


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_no_literal_editorial_bracket_in_the_tei(source: Path, converted) -> None:
    root = etree.parse(str(converted[source.name].output)).getroot()
    texts = [t for t in root.xpath("//text()") if "[" in t or "]" in t]
    assert not texts, f"literal brackets in {source.name}: {texts}"


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_no_private_use_character_in_the_tei(source: Path, converted) -> None:
    """The parser marks line and page breaks with private-use characters; none may reach
    the TEI as text (a bracket spanning two lines once carried its mark into <supplied>)."""
    text = converted[source.name].output.read_text(encoding="utf-8")
    assert not re.search("[\ue000-\uf8ff]", text)


def test_the_check_sees_a_lost_word(tmp_path: Path) -> None:
    """The comparison itself fails when a word is dropped (so the tests above can fail)."""
    source = tmp_path / "s.txt"
    source.write_text("Cable No. 1\n\nKaidzio [sic; possibly Kaesong][?] дол-\nжен\n")
    tei = tmp_path / "t.xml"
    tei.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>No. 1 <choice><sic>Kaidzio</sic>'
        '<corr>Kaesong</corr></choice> дол<lb break="no"/>жен</p></TEI>'
    )
    assert source_words(source) - tei_words(tei) == Counter({"Cable": 1})
