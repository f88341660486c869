"""The interface language (cablegram.toml [edition] language): one catalogue of messages
(xslt/common/messages.xml) that every stylesheet reads through common/messages.xsl.

The catalogue is checked on its own (every entry in English and Russian, the same
placeholders in both, every key a stylesheet asks for present, none unused); then the
repository's TEI files and the v2 example are rendered, as a site and as the print
edition's HTML, in a Russian interface and in an English one: the Russian pages say every
word of their chrome in Russian (no English message of the catalogue is left in it) while
the documents keep their own language; English is what an edition without the key gets,
and what a language the catalogue does not have falls back to.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from cablegram import pipeline
from cablegram.edition import Edition
from cablegram.edition.config import LANGUAGES, load_edition
from cablegram.edition.resources import stylesheets
from cablegram.render.corpus import CG_NS
from cablegram.render.messages import message
from cablegram.render.print import _label, paged_html
from cablegram.render.print_index import index_source
from cablegram.render.search import pagefind_available
from cablegram.render.xslt import Styles
from conftest import TEI_DIR
from test_web_html import v2_corpus

XSL = "http://www.w3.org/1999/XSL/Transform"
NS = {"xsl": XSL, "tei": "http://www.tei-c.org/ns/1.0"}
XSLT_DIR = stylesheets()
CATALOGUE = XSLT_DIR / "common" / "messages.xml"
PLURAL_FORMS = {"en": {"one", "other"}, "ru": {"one", "few", "many"}}
PLACEHOLDER = re.compile(r"\{[0-9n]\}")
KAIDZIO = "cable-1951-06-30-21340-mao-zedong"  # a Russian scan and its English translation
MEMO = "memorandum-1949-12-16-stalin"  # the v2 example: participants, roles, notes

# Keys the stylesheets make from the data (concat('count.', $type) …): each value they take
TEI_TYPES = [
    "cable",
    "letter",
    "report",
    "memorandum",
    "telcon",
    "minutes",
    "journal",
    "decree",
    "statement",
    "other",
]
DYNAMIC = {
    "count.": TEI_TYPES,
    "number.": [
        "cable",
        "copy",
        "outgoing",
        "incoming",
        "special",
        "issuing",
        "registration",
        "document",
    ],
    "explain.add-": ["above", "below", "top", "bottom", "margin"],
    "entry.all-": ["persons", "places", "orgs"],
    "print.index.": ["persons", "places", "orgs"],  # the print edition's indexes
    # the search page's facets, and the words its script shows (web/search.xsl)
    "search.facet.": ["type", "year", "sender", "addressee", "person", "place", "organisation"],
    "search.": ["short", "none", "count", "searching", "also", "undated"],
    "month.": [f"{month:02}" for month in range(1, 13)],
    "facet.": ["year", "from", "to", "person", "place", "language"],
}
# Keys looked up only when the catalogue has them (msg-or: the data's own word otherwise)
OPTIONAL = ("language.", "role.", "stamp.", "date-type.", "principles.convention.")
PYTHON_KEYS = {"print.volume"}  # render/print.py's volume label

RU_NAVIGATION = [
    "Документы",
    "Хронология",
    "Лица",
    "Места",
    "Организации",
    "Принципы издания",
    "Поиск",
]
EN_NAVIGATION = [
    "Cables",
    "Chronology",
    "Persons",
    "Places",
    "Organisations",
    "Editorial principles",
    "Search",
]


def entries() -> list[etree._Element]:
    return etree.parse(str(CATALOGUE)).getroot().findall("msg")


def texts(entry: etree._Element, lang: str) -> list[str]:
    """An entry's text in a language: its plural forms, or its one text (markup flattened)."""
    element = entry.find(lang)
    assert element is not None, f"{entry.get('key')}: no <{lang}>"
    forms = [form for form in element if form.tag in PLURAL_FORMS[lang]]
    return [form.text or "" for form in forms] if forms else ["".join(element.itertext())]


def stylesheet_files() -> list[Path]:
    """The stylesheets that ask for messages (messages.xsl only passes keys on)."""
    return sorted(p for p in XSLT_DIR.rglob("*.xsl") if p.name != "messages.xsl")


def keys_used() -> tuple[set[str], set[str]]:
    """The message keys the stylesheets ask for: those written out (a key parameter's text,
    in every branch of a choice, or a quoted select) and the prefixes of those made from
    the data (concat('count.', …))."""
    literal: set[str] = set()
    prefixes: set[str] = set()
    for path in stylesheet_files():
        tree = etree.parse(str(path))
        for param in tree.xpath(
            "//xsl:call-template[starts-with(@name, 'msg')]/xsl:with-param[@name = 'key']",
            namespaces=NS,
        ):
            select = param.get("select")
            if select is None:
                words = [t.strip() for t in param.xpath(".//text()") if t.strip()]
                assert words, f"{path.name}: a msg call without a key"
                literal.update(words)
            elif match := re.fullmatch(r"'([^']+)'", select):
                literal.add(match[1])
            else:
                found = re.findall(r"concat\('([a-z.-]+)'", select)
                assert found, f"{path.name}: a key neither written out nor made: {select}"
                prefixes.update(found)
    return literal, prefixes


# ---------------------------------------------------------------------------- the catalogue


def test_the_configuration_knows_the_catalogues_languages() -> None:
    assert {"en", "ru"} <= set(LANGUAGES)
    for entry in entries():
        assert {child.tag for child in entry} == set(LANGUAGES), entry.get("key")


def test_every_message_has_english_and_russian_and_no_empty_one() -> None:
    keys = [entry.get("key") for entry in entries()]
    assert len(keys) == len(set(keys)), "a key twice"
    assert len(keys) > 200
    for entry in entries():
        key = entry.get("key")
        for lang in ("en", "ru"):
            values = texts(entry, lang)
            assert all(value.strip() for value in values), f"{key}: an empty <{lang}>"
            forms = {form.tag for form in entry.find(lang)} & PLURAL_FORMS[lang]
            if forms or any(form.tag in PLURAL_FORMS["en"] for form in entry.find("en")):
                assert forms == PLURAL_FORMS[lang], f"{key}: <{lang}> forms {forms}"
        # what the stylesheet puts in appears in every language
        placeholders = {
            lang: set(PLACEHOLDER.findall(" ".join(texts(entry, lang)))) for lang in LANGUAGES
        }
        assert placeholders["en"] == placeholders["ru"], f"{key}: {placeholders}"


def test_the_russian_is_russian() -> None:
    """Every Russian message that is words (not a code such as Wikidata:) is in Cyrillic."""
    for entry in entries():
        for value in texts(entry, "ru"):
            words = PLACEHOLDER.sub("", value)
            if entry.get("key") in ("entry.wikidata", "principles.convention.notes"):
                continue
            if re.search(r"[A-Za-z]{3,}", words) and not re.search(r"[а-яё]", words):
                pytest.fail(f"{entry.get('key')}: not Russian: {value!r}")


def test_every_key_the_stylesheets_use_is_in_the_catalogue_and_every_entry_is_used() -> None:
    catalogue = {entry.get("key") for entry in entries()}
    literal, prefixes = keys_used()
    assert literal - catalogue == set(), "keys missing from messages.xml"
    rows = etree.parse(str(XSLT_DIR / "web" / "principles.xsl")).xpath("//row/@key")
    dynamic = {**DYNAMIC, "principles.meaning.": rows}
    for prefix in prefixes:
        if prefix.startswith(OPTIONAL):
            continue
        assert prefix in dynamic, f"a key made from the data, values unknown to the test: {prefix}"
        missing = {prefix + value for value in dynamic[prefix]} - catalogue
        assert not missing, missing
    made = {prefix + value for prefix, values in dynamic.items() for value in values}
    unused = {
        key for key in catalogue - literal - made - PYTHON_KEYS if not key.startswith(OPTIONAL)
    }
    assert not unused, f"entries no stylesheet asks for: {sorted(unused)}"


def test_an_unknown_key_stops_the_transformation(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.xsl"
    sheet.write_text(
        f'<xsl:stylesheet version="1.0" xmlns:xsl="{XSL}">'
        f'<xsl:import href="{(XSLT_DIR / "common" / "messages.xsl").as_uri()}"/>'
        '<xsl:template match="/"><p><xsl:call-template name="msg">'
        '<xsl:with-param name="key">no.such.key</xsl:with-param>'
        "</xsl:call-template></p></xsl:template></xsl:stylesheet>"
    )
    access = etree.XSLTAccessControl(read_file=True, read_network=False)
    transform = etree.XSLT(etree.parse(str(sheet)), access_control=access)
    with pytest.raises(etree.XSLTApplyError):
        transform(etree.fromstring("<x/>"))
    assert "no.such.key" in str(transform.error_log)


def test_messages_for_the_code_and_the_volume_label() -> None:
    assert message("nav.search", "ru") == "Поиск"
    assert message("nav.search", "xx") == "Search"  # a language the catalogue lacks
    assert _label(2, 5, 101, 200, 480) == "Volume 2 of 5: documents 101–200 of 480"
    assert _label(2, 5, 1001, 2000, 4800, "ru") == (
        "Том 2 из 5: документы 1\u00a0001–2\u00a0000 из 4\u00a0800"
    )
    assert _label(1, 1, 1, 80, 80, "ru") == ""


# ---------------------------------------------------------------------------- the pages


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's TEI files (seeds: Russian scans, English translations) and the v2
    example (a record of conversation with its participants)."""
    return v2_corpus(tmp_path_factory.mktemp("i18n") / "tei", TEI_DIR)


def edition_in(folder: Path, language: str | None) -> Edition:
    folder.mkdir(parents=True, exist_ok=True)
    key = f'language = "{language}"\n' if language else ""
    (folder / "cablegram.toml").write_text(
        f'[edition]\ntitle = "Cables"\neditors = ["Ann Smith"]\npublisher = "P"\n'
        f'licence = "CC-BY-4.0"\n{key}',
        encoding="utf-8",
    )
    return load_edition(folder)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> dict[str, Path]:
    """The site in each interface: ru, en (said), default (no key), xx (unknown)."""
    made = {}
    root = tmp_path_factory.mktemp("sites")
    for name, language in (("ru", "ru"), ("en", "en"), ("default", None)):
        edition = edition_in(root / name, language)
        pipeline.web([corpus], root / name / "site", search=False, jobs=1, edition=edition)
        made[name] = root / name / "site"
    # not a language the configuration accepts: what the stylesheets do with it
    unknown = replace(edition_in(root / "xx", None), language="xx")
    pipeline.web([corpus], root / "xx" / "site", search=False, jobs=1, edition=unknown)
    made["xx"] = root / "xx" / "site"
    return made


def parse(site: Path, name: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / name).read_bytes())


def words(node: lxml.html.HtmlElement) -> str:
    return re.sub(r"\s+", " ", node.text_content()).strip()


def english_messages() -> list[str]:
    """The words of every English message that Russian says otherwise, cut at their
    placeholders, four letters or more (the pieces a page could show)."""
    found = set()
    for entry in entries():
        # a month's name: the sources' dates are written in English too (the principles
        # quote some: «July 1951»)
        if texts(entry, "en") == texts(entry, "ru") or entry.get("key", "").startswith("month."):
            continue
        for value in texts(entry, "en"):
            for piece in PLACEHOLDER.split(value):
                piece = re.sub(r"\s+", " ", piece).strip(" .,:;()[]“”")
                if len(re.sub(r"[^A-Za-z]", "", piece)) >= 4:
                    found.add(piece)
    return sorted(found, key=len, reverse=True)


def chrome(page: lxml.html.HtmlElement) -> str:
    """What the edition itself says on a page: the page without the documents' texts and
    the data of the panel (titles, names, dates, summaries, the citation, the archive's
    brackets), with the words of its labels (aria-label, title, placeholder)."""
    page = lxml.html.fromstring(lxml.html.tostring(page))
    # inside the documents' texts: the explanations and the edition's labels
    inside = page.xpath(
        "//span[@class='popup'] | //span[contains(@class, 'stamp-type')]"
        " | //div[@class='quote-label'] | //aside/h3 | //span[contains(@class, 'pb')]"
    )
    said = " ".join(words(node) for node in inside)
    drop = (
        "//section[@data-version]/*[not(self::h2) and not(self::aside)]"
        " | //aside//li | //dd | //h1 | //p[@id='citation'] | //title | //p[@class='summary']"
        " | //*[contains(concat(' ', @class, ' '), ' ed ')]"
        " | //*[contains(concat(' ', @class, ' '), ' name ')]"
        " | //p[@class='edition'] | //table[@id='cables']/tbody | //ul[@class='mentions']"
        " | //p[@class='imprint'] | //section[@class='entry']/h2[@id] | //p[@class='forms']/span"
        " | //td[@class='example'] | //td/code | //p[@class='role']"
        " | //nav[@class='neighbours']//span[@class='date' or @class='title']"
        " | //p[@class='note'] | //ul[@class='mentions']/li/time"
    )
    for node in page.xpath(drop):
        if node.getparent() is not None:
            node.getparent().remove(node)
    labels = " ".join(page.xpath("//@aria-label | //@title | //@placeholder"))
    return f"{words(page)} {said} {labels}"


def test_every_page_is_in_the_interface_language(sites: dict[str, Path]) -> None:
    for name, lang in (("ru", "ru"), ("en", "en"), ("default", "en"), ("xx", "en")):
        pages = sorted(sites[name].glob("*.html"))
        assert len(pages) > 10
        assert {parse(sites[name], p.name).get("lang") for p in pages} == {lang}, name


def test_the_navigation_and_headings_in_russian(sites: dict[str, Path]) -> None:
    site = sites["ru"]
    for name in ("index.html", f"{KAIDZIO}.html", "persons.html", "search.html"):
        page = parse(site, name)
        assert [words(a) for a in page.xpath("//header//nav//a")] == RU_NAVIGATION, name
        assert words(page.xpath("//a[@class='skip']")[0]) == "Перейти к содержанию"
    assert words(parse(site, "persons.html").xpath("//h1")[0]) == "Лица"
    assert words(parse(site, "principles.html").xpath("//h1")[0]) == "Принципы издания"
    assert words(parse(site, "search.html").xpath("//h1")[0]) == "Поиск"
    index = parse(site, "index.html")
    assert [words(th) for th in index.xpath("//thead//th")] == [
        "Дата",
        "Вид",
        "№",
        "Участники",
        "Содержание",
        "Языки",
    ]
    documents = len(list((site / "tei").glob("*.xml")))  # each page's TEI, beside it
    intro = words(index.xpath("//p[@class='intro']")[0])
    assert intro.startswith(f"{documents} {ru_form(documents, 'документ')} ("), intro
    assert intro.endswith(", в хронологическом порядке."), intro
    assert "записей беседы" in intro or "запись беседы" in intro
    assert index.xpath("//p[@class='filter-count']/@data-template") == ["показано {1} из {2}"]


def ru_form(n: int, word: str) -> str:
    """документ, документа, документов: the Russian form after a number."""
    if n % 10 == 1 and n % 100 != 11:
        return word
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return word + "а"
    return word + "ов"


def test_the_cable_page_in_russian(sites: dict[str, Path]) -> None:
    page = parse(sites["ru"], f"{KAIDZIO}.html")
    assert words(page.xpath("//h2[@id='metadata-h']")[0]) == "О документе"
    labels = [words(dt) for dt in page.xpath("//section[@class='metadata']//dt")]
    assert labels[:3] == ["Вид документа", "Дата", "Номер"]
    assert {"Отправитель", "Адресат", "Архивные шифры", "Документ в архиве", "Языки"} <= set(labels)
    assert words(page.xpath("//dd[@class='doctype']")[0]) == "Шифртелеграмма"
    languages = words(page.xpath("//dt[. = 'Языки']/following-sibling::dd[1]")[0])
    assert languages == "русский, английский (оригинал: русский)"
    # the versions keep their own language, their headings are the interface's
    versions = page.xpath("//section[@data-version]")
    assert [v.get("lang") for v in versions] == ["ru", "en"]
    headings = [v.xpath("h2")[0] for v in versions]
    assert [h.get("lang") for h in headings] == ["ru", "ru"]
    assert [words(h) for h in headings] == [
        "Оригинал (транскрипция скана) · русский",
        "Перевод · английский",
    ]
    # the explanations of the interventions: Russian, marked so inside the English version
    popups = page.xpath("//section[@lang='en']//span[@class='popup']")
    assert popups and {p.get("lang") for p in popups} == {"ru"}
    assert "Восстановлено редакторами архива; в источнике отсутствует." in {
        words(p) for p in popups
    }
    # … while the archive's brackets stay as the archive writes them
    assert page.xpath("//span[contains(@class, 'ed') and contains(., '[sic; possibly')]")
    assert words(page.xpath("//h2[@id='cite-h']")[0]) == "Процитировать документ"
    assert words(page.xpath("//a[@class='download']")[0]) == "Скачать файл TEI"
    # the document's citation, and a passage's
    assert page.xpath("//button[@data-copy]/@data-copied") == ["Скопировано", "Скопировано"]
    legend = [words(x) for x in page.xpath("//div[@class='controls']//label")]
    assert legend[:2] == ["Для чтения", "Дипломатический"]


def test_the_record_of_conversation_in_russian(sites: dict[str, Path]) -> None:
    page = parse(sites["ru"], f"{MEMO}.html")
    assert words(page.xpath("//dd[@class='doctype']")[0]) == "Запись беседы"
    roles = {words(r) for r in page.xpath("//ul[@class='participants']//span[@class='role']")}
    assert roles and roles <= {
        "(принимающая сторона)",
        "(собеседник)",
        "(переводчик)",
        "(записал)",
    }


@pytest.mark.parametrize(
    "name",
    [
        "index.html",
        f"{KAIDZIO}.html",
        f"{MEMO}.html",
        "persons.html",
        "search.html",
        "principles.html",
        "person-stalin.html",
    ],
)
def test_no_english_message_in_the_russian_chrome(sites: dict[str, Path], name: str) -> None:
    shown = chrome(parse(sites["ru"], name))
    english = [m for m in english_messages() if re.search(rf"\b{re.escape(m)}\b", shown)]
    assert not english, f"{name}: {english}"
    # the check sees the English it looks for
    shown = chrome(parse(sites["en"], name))
    assert [m for m in english_messages() if re.search(rf"\b{re.escape(m)}\b", shown)]


def test_english_is_the_default_and_the_fallback(sites: dict[str, Path]) -> None:
    """An edition without the key, one that says en and one with a language the catalogue
    does not have make the same pages, in English."""
    pages = sorted(p.name for p in sites["default"].glob("*.html"))
    for name in pages:
        data = (sites["default"] / name).read_bytes()
        assert (sites["en"] / name).read_bytes() == data, name
        assert (sites["xx"] / name).read_bytes() == data, name
    page = parse(sites["en"], f"{KAIDZIO}.html")
    assert [words(a) for a in page.xpath("//header//nav//a")] == EN_NAVIGATION
    assert words(page.xpath("//dd[@class='doctype']")[0]) == "Ciphered telegram"


def test_the_print_edition_in_russian(corpus: Path, tmp_path: Path) -> None:
    edition = edition_in(tmp_path / "ru", "ru")
    trees = [etree.parse(str(path)) for path in sorted(corpus.glob("*.xml"))]
    html = paged_html(trees, corpus / "authority", False, styles=Styles.of(edition))
    page = lxml.html.fromstring(html)
    assert page.get("lang") == "ru"
    assert [words(h) for h in page.xpath("//h1[@class='matter']")] == [
        "Содержание",
        "Принципы издания",
    ]
    # the indexes, laid out after the volume (render/print_index.py), in the contents
    headings = page.xpath("//nav[@id='contents']//td[@class='heading']/a")
    assert [words(a) for a in headings][-3:] == [
        "Указатель имён",
        "Указатель географических названий",
        "Указатель организаций",
    ]
    pages = {"stalin": [etree.Element(f"{{{CG_NS}}}range", first="3", last="5")]}
    source = index_source(corpus / "authority", pages)
    index = lxml.html.fromstring(str(Styles.of(edition).transform("print/index.xsl", source)))
    assert index.get("lang") == "ru"
    assert [words(h) for h in index.xpath("//h1")] == ["Указатель имён"]
    assert words(index.xpath("//p[@class='entry']")[0]) == "Stalin, Joseph (Иосиф Сталин) 3–5"
    assert words(page.xpath("//p[@class='editors']")[0]) == "Под редакцией Ann Smith"
    count = len(trees)
    assert words(page.xpath("//p[@class='count']")[0]).startswith(f"{count} документ")
    kaidzio = page.xpath(f"//section[@id='{KAIDZIO}']")[0]
    versions = kaidzio.xpath("section[contains(@class, 'version')]")
    assert [v.get("lang") for v in versions] == ["ru", "en"]
    assert [words(v.xpath("h2")[0]) for v in versions] == [
        "Оригинал (транскрипция скана)",
        "Перевод",
    ]
    assert words(kaidzio.xpath(".//p[@class='doctype']")[0]).startswith("Шифртелеграмма")
    notes = {words(n) for n in kaidzio.xpath(".//span[@class='footnote']")}
    assert any(n.endswith("] восстановлено редакторами архива") for n in notes), notes
    english = [m for m in english_messages() if re.search(rf"\b{re.escape(m)}\b", words(page))]
    # what is left in English is the documents' and the archive's own words
    assert not [m for m in english if m in ("Contents", "Editorial principles", "Translation")]


@pytest.mark.skipif(not pagefind_available(), reason="Pagefind is not installed")
def test_the_search_speaks_the_interface_language(corpus: Path, tmp_path: Path) -> None:
    """The search page's words (its fields, and those its script shows) are the
    interface's, and its facets are labelled with the entries' names in that language;
    the texts are indexed in their own languages whatever the interface's."""
    edition = edition_in(tmp_path / "ru", "ru")
    out = tmp_path / "site"
    pipeline.web([corpus], out, search=True, jobs=1, edition=edition)
    page = parse(out, "search.html")
    assert page.get("lang") == "ru"
    [form] = page.xpath("//form[@id='search']")
    assert form.get("data-msg-none") == "Ничего не найдено."
    assert form.get("data-msg-count") == "Найдено текстов: {1}"
    labels = [" ".join(label.text_content().split()) for label in form.iter("label")]
    assert "Упомянутое лицо" in labels and "Язык текста" in labels
    manifest = json.loads((out / "search.json").read_text(encoding="utf-8"))
    assert {"ru", "en"} <= {language["code"] for language in manifest["languages"]}
    assert "Ким Ир Сен" in {name["label"] for name in manifest["names"]}
    shutil.rmtree(out)
