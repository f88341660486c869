"""The variants of tests/variants/: every fact of the manifest is found in the TEI.

The variants are exports written for these tests in every layout the archive produces
(Markdown, plain text, pdftotext, partial pages), covering each phenomenon of the
encoding guide; `manifest.toml` states, for each, what a correct converter must find.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree

from cablegram.read import normalise_residue
from conftest import manifest

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MANIFEST = manifest()
VERSION_DIV = "/tei:TEI/tei:text/tei:body/tei:div"


def text_of(element: etree._Element, brackets: bool = False) -> str:
    """Normalised text; with `brackets`, identifications come back as ``[X]``."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        local = etree.QName(node).localname
        if local == "lb":
            parts.append("" if node.get("break") == "no" else " ")
        elif local == "note" and node.get("type") == "identification" and brackets:
            parts.append(f"[{''.join(node.itertext())}]")
        else:
            parts.append(node.text or "")
            for child in node:
                walk(child)
                parts.append(child.tail or "")
            return
        parts.append("")

    parts.append(element.text or "")
    for child in element:
        walk(child)
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


@pytest.fixture(scope="module")
def documents(converted) -> dict[str, etree._Element]:
    return {name: etree.parse(str(converted[f"{name}.txt"].output)).getroot() for name in MANIFEST}


def xp(root: etree._Element, path: str) -> list:
    return root.xpath(path, namespaces=NS)


def texts(root: etree._Element, path: str) -> list[str]:
    return [text_of(e) for e in xp(root, path)]


CASES = sorted(MANIFEST)


@pytest.mark.parametrize("name", CASES)
def test_title_date_and_number(name: str, documents) -> None:
    root, facts = documents[name], MANIFEST[name]
    title = xp(root, "//tei:titleStmt/tei:title")[0]
    assert text_of(title, brackets=True) == facts["title"]
    sent = xp(root, "//tei:correspAction[@type='sent']")[0]
    assert xp(sent, "tei:date/@when") == [facts["date"]]
    numbers = xp(sent, "tei:idno[@type='cable']/text()")
    assert numbers == ([facts["cable_number"]] if facts["cable_number"] else [])


@pytest.mark.parametrize("name", CASES)
def test_correspondents(name: str, documents) -> None:
    root, facts = documents[name], MANIFEST[name]
    assert texts(root, "//tei:correspAction[@type='sent']/tei:persName")[:1] == [facts["sender"]]
    assert texts(root, "//tei:correspAction[@type='received']/tei:persName")[:1] == [
        facts["addressee"]
    ]
    via = texts(root, "//tei:correspAction[@type='transmitted']/tei:persName")
    assert [v.casefold() for v in via] == [v.casefold() for v in facts["intermediaries"]]


@pytest.mark.parametrize("name", CASES)
def test_source_description(name: str, documents) -> None:
    root, facts = documents[name], MANIFEST[name]
    assert texts(root, "//tei:respStmt[@xml:id='translator']/tei:persName") == (
        [facts["translator"]] if facts["translator"] else []
    ) or facts["translator"] in " and ".join(
        texts(root, "//tei:respStmt[@xml:id='translator']/tei:persName")
    )
    assert texts(root, "//tei:sourceDesc/tei:bibl/tei:idno[@type='URL']") == (
        [facts["url"]] if facts["url"] else []
    )
    repositories = texts(
        root, "//tei:msIdentifier/tei:repository | //tei:altIdentifier/tei:repository"
    )
    assert repositories == facts["repositories"]
    assert texts(root, "//tei:abstract/tei:p") == ([facts["summary"]] if facts["summary"] else [])
    assert texts(root, "//tei:titleStmt/tei:funder") == (
        [facts["credits"]] if facts["credits"] else []
    )
    assert texts(root, "//tei:sourceDesc/tei:bibl/tei:textLang") == (
        [facts["original_language"]] if facts["original_language"] else []
    )


@pytest.mark.parametrize("name", CASES)
def test_versions(name: str, documents) -> None:
    root, facts = documents[name], MANIFEST[name]
    found = [
        [div.get("type"), div.get("subtype") or "", div.get(XML_LANG)]
        for div in xp(root, VERSION_DIV)
    ]
    assert found == facts["versions"]


def _as_set(values: list[str]) -> set[str]:
    return {" ".join(v.split()) for v in values}


@pytest.mark.parametrize("name", CASES)
def test_editorial_brackets(name: str, documents) -> None:
    root, facts = documents[name], MANIFEST[name]
    assert _as_set(texts(root, "//tei:sic")) == _as_set(facts["sic"])
    assert _as_set(texts(root, "//tei:corr")) == _as_set(facts["corr"])
    assert _as_set(texts(root, "//tei:unclear | //tei:supplied[@cert='low']")) == _as_set(
        facts["unclear"]
    )
    assert _as_set(texts(root, "//tei:supplied[not(@cert)]")) == _as_set(facts["supplied"])
    assert _as_set(texts(root, "//tei:note[@type='identification']")) == _as_set(
        facts["identifications"]
    )
    notes = texts(root, "//tei:note[@type='editorial' or @type='translator' or @type='authorial']")
    assert _as_set(notes) == _as_set(facts["editorial_notes"])
    gaps = xp(
        root,
        "//tei:text//tei:gap[@reason='editorial']"
        "[not(parent::tei:opener/parent::tei:div or parent::tei:closer/parent::tei:div)]",
    )
    assert len(gaps) == facts["gaps"]
    assert len(xp(root, "//tei:gap[@reason='signature']")) == facts["signatures"]


@pytest.mark.parametrize("name", CASES)
def test_stamps_and_clerks_notes(name: str, documents) -> None:
    root, facts = documents[name], MANIFEST[name]
    stamps = texts(root, "//tei:stamp")
    for expected in facts["stamps"]:
        expected = " ".join(normalise_residue(expected).split())
        assert any(s.startswith(expected) for s in stamps), (expected, stamps)
    assert len(stamps) == len(facts["stamps"]), stamps
    # A verification note goes on into the signature that follows it (rank, signature).
    notes = [
        " ".join(
            [
                text_of(n),
                *map(text_of, n.xpath("following-sibling::*[1][self::tei:signed]", namespaces=NS)),
            ]
        )
        if text_of(n).startswith(("Verified", "Проверил"))
        else text_of(n)
        for n in xp(root, "//tei:note[@type='clerk']")
    ]
    for expected in facts["clerk_notes"]:
        assert any(n.startswith(" ".join(expected.split())) for n in notes), (expected, notes)
    assert len(notes) == len(facts["clerk_notes"]), notes


@pytest.mark.parametrize("name", CASES)
def test_structure(name: str, documents) -> None:
    root, facts = documents[name], MANIFEST[name]
    assert len(xp(root, "//tei:text//tei:pb[not(@ed)]")) == facts["page_turns"]
    assert len(xp(root, "//tei:lb[@break='no']")) == len(facts["hyphenated"])
    joined = " ".join(text_of(div) for div in xp(root, VERSION_DIV))
    for word in facts["hyphenated"]:
        assert word in joined
    assert len(xp(root, "//tei:list[@type='ordered']/tei:item")) == facts["numbered_points"]
    # a quoted letter ('I am transmitting the letter …: "Dear Comrade …') is typed so in v2
    telegrams = xp(root, "//tei:floatingText[@type='telegram' or @type='letter']")
    assert len(telegrams) == facts["embedded_telegrams"]
    assert bool(xp(root, "//tei:list[@type='distribution']")) == facts["distribution"]


@pytest.mark.parametrize("name", CASES)
def test_residue_and_truncation(name: str, documents) -> None:
    root, facts = documents[name], MANIFEST[name]
    body = " ".join(root.xpath("//text()"))
    assert not re.search(r"\$\^|\^\{|\\rm|\*\*|<https?:", body)
    if facts["latex_residue"]:
        assert "Nº" in body
    assert bool(xp(root, "//tei:gap[@reason='truncated']")) == facts["partial"]
