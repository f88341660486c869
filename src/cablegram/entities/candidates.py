"""Names the authority files do not cover yet: what `cablegram entities` lists.

In the versions of TEI documents it lists the names tagged without a reference that no
form of the authority covers (tagged on evidence: `Comrade Xuantong`, a surname in
capitals; a generic form the context did not decide is covered, and not listed), and,
outside the tagged names, runs of capitalised words and words in capitals. A Russian word
counts when pymorphy3 reads it as a name, surname, patronymic, toponym or organisation, or
does not know it; a capitalised English word counts unless it is a common word (a short
list) or opens a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from cablegram.entities.matcher import NameIndex, morph_analyzer
from cablegram.safexml import parse_xml

TEI_NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SKIP = {"persName", "placeName", "orgName", "idno", "date", "time", "ref", "fw", "sic", "corr"}
RUN = re.compile(r"(?<!\w)[A-ZА-ЯЁ][\w'’.-]*(?:[ \t]+[A-ZА-ЯЁ][\w'’-]*)*")
# names tagged on evidence (or generic forms the context did not decide), not nested in
# another name
NAMES_WITHOUT_REF = (
    ".//*[self::tei:persName or self::tei:placeName or self::tei:orgName][not(@ref)]"
    "[not(ancestor::tei:persName or ancestor::tei:placeName or ancestor::tei:orgName)]"
)
NAME_GRAMMEMES = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}
COMMON_WORDS = """
a an and as at but by for from he her his i if in is it its mr no not of on or our she so
that the their then there these they this to we what when which who with you your my me us
them him please all among copy copies cable cabli ciphered telegram series main directorate
administration general staff soviet army secret top comrade cde cdes chief section colonel
major captain verified deciphered sent printed typed received incoming subject return unit
special date ussr un commander commanding committee central ministry foreign affairs
january february march april may june july august september october november december
american americans korean chinese danish pow pows cc iv vi тов т
"""
COMMON = frozenset(COMMON_WORDS.split())


@dataclass
class Uncovered:
    term: str
    lang: str
    locations: list[str] = field(default_factory=list)


def uncovered_names(paths: Iterable[Path], index: NameIndex) -> list[Uncovered]:
    """Name-like words of the documents that no authority entry covers, most frequent first."""
    found: dict[tuple[str, str], Uncovered] = {}
    for path in paths:
        tree = parse_xml(path)
        for div in tree.getroot().xpath("//tei:text/tei:body/tei:div", namespaces=TEI_NS):
            lang = div.get(XML_LANG, "")
            for name in div.xpath(NAMES_WITHOUT_REF, namespaces=TEI_NS):
                term = " ".join("".join(name.itertext()).split())
                if term and not index.resolve(term):
                    entry = found.setdefault((term, lang), Uncovered(term, lang))
                    entry.locations.append(f"{path}:{name.sourceline or 0}")
            for text, line in _free_text(div):
                for term in _terms(text):
                    if index.resolve(term):
                        continue
                    entry = found.setdefault((term, lang), Uncovered(term, lang))
                    entry.locations.append(f"{path}:{line}")
    return sorted(found.values(), key=lambda u: (-len(u.locations), u.term))


def _free_text(div: etree._Element) -> Iterable[tuple[str, int]]:
    """Text nodes outside tagged names and data, with the line of their element."""
    for element in div.iter():
        if not isinstance(element.tag, str):
            continue
        inside = {etree.QName(a).localname for a in element.iterancestors()} | {
            etree.QName(element).localname
        }
        if not inside & SKIP and element.text:
            yield element.text, element.sourceline or 0
        parent_inside = {etree.QName(a).localname for a in element.iterancestors()}
        if element.tail and not parent_inside & SKIP:
            yield element.tail, element.sourceline or 0


def _terms(text: str) -> Iterable[str]:
    for match in RUN.finditer(text):
        words = [w.strip(".'’") for w in match.group().split()]
        words = [w for w in words if w and not common_word(w)]
        if not words:
            continue
        if len(words) == 1 and _opens_sentence(text, match.start()) and not words[0].isupper():
            continue
        yield " ".join(words)


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(' "“«(')
    return not before or before[-1] in ".!?:;"


def common_word(word: str) -> bool:
    """Whether a capitalised word is an ordinary word rather than (part of) a name."""
    if len(word) < 2 or any(c.isdigit() for c in word):
        return True
    lower = word.lower()
    if re.search(r"[а-яё]", lower):
        parses = morph_analyzer().parse(lower)
        known = any(p.is_known for p in parses)
        named = any(NAME_GRAMMEMES & set(p.tag.grammemes) for p in parses)
        return known and not named
    return lower in COMMON
