"""Named entities: the authority files, name tagging in both languages, `cablegram entities`."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from cablegram.cli import main
from cablegram.entities import NameIndex, load_authority
from cablegram.entities.tagger import decide, tag_document, tag_inlines
from cablegram.model import Document, LineBreak, Name, Party, Sic, Supplied, Text, plain_text
from cablegram.parse import parse_bytes
from conftest import TEI_DIR, seed_paths

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
AUTHORITY = TEI_DIR / "authority"


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex(load_authority(AUTHORITY))


def tagged(index: NameIndex, text: str) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.entry_id) for f in index.find(text)]


# ------------------------------------------------------------------ matching


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("прошу сообщить это тов. Ким Ир Сену.", [("Ким Ир Сену", "kim-il-sung")]),
        ("Товарищу ФИЛИППОВУ", [("ФИЛИППОВУ", "stalin")]),
        ("Тов. Сталину", [("Сталину", "stalin")]),
        ("совещание в порту Гензан и в Гензане", [("Гензан", "wonsan"), ("Гензане", "wonsan")]),
        (
            "пункт на 38 параллели г. Кайдзю?",
            [("38 параллели", "parallel-38"), ("Кайдзю", "kaesong")],
        ),
        (
            "копии Пэн Дэ-хуаю и Ким Ир Сену",
            [("Пэн Дэ-хуаю", "peng-dehuai"), ("Ким Ир Сену", "kim-il-sung")],
        ),
        ("держать связь с тов. Ким Ир Сенгом", [("Ким Ир Сенгом", "kim-il-sung")]),
        ("мао цзе-дун", [("мао цзе-дун", "mao-zedong")]),
        ("Cde. Kim II Sung and Nam II", [("Kim II Sung", "kim-il-sung"), ("Nam II", "nam-il")]),
        ("Comrade PENG DEHUI", [("PENG DEHUI", "peng-dehuai")]),
        ("in the region of Gaeseong", [("Gaeseong", "kaesong")]),
        ("Mao Zedong to Feng Xi", [("Mao Zedong", "mao-zedong"), ("Feng Xi", "stalin")]),
        ("Malik's speech", [("Malik's", "malik")]),
    ],
)
def test_names_are_found_in_every_form(index: NameIndex, text: str, expected) -> None:
    assert tagged(index, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Сталинградская битва и сталинский план",
        "a Maoist, from Kimberley, with joy",
        "возы сена и сену",
        "the Koreanists of Moscowitz",
        "корабли у берега",
    ],
)
def test_no_name_is_tagged_inside_a_word_or_in_ordinary_words(index: NameIndex, text: str) -> None:
    assert tagged(index, text) == []


def test_a_name_already_marked_gets_its_reference_and_is_not_tagged_twice(
    index: NameIndex,
) -> None:
    nodes = tag_inlines((Text("COLONEL "), Name("person", (Text("С.А.Макаров"),))), index)
    assert nodes == (
        Text("COLONEL "),
        Name("person", (Text("С.А.Макаров"),), "authority/persons.xml#makarov"),
    )


def test_tagging_returns_what_names_no_one_as_it_was(index: NameIndex) -> None:
    """Parts without a name come back as the very objects given (nothing is rebuilt);
    parts with one come back tagged."""
    plain = (Text("the weather in the morning "), LineBreak(), Text("was fine"))
    assert tag_inlines(plain, index) is plain
    cable = parse_bytes(
        "cable.txt",
        b"July 12, 1951 Cable No. 21700, Mao Zedong to Feng Xi [Stalin]\n\nSummary:\n\nA test."
        b"\n\nOriginal Language:\n\nEnglish\n\nContents:\n\nTranslation - English\n\n"
        b"The weather was fine and the talks went on for a long while in the morning.\n\n"
        b"Peng Dehuai and Li Kenong have their orders for the talks in the morning.\n",
    )
    tagged = tag_document(cable, index)
    [before], [after] = cable.versions, tagged.versions
    kept, named = before.text.body, after.text.body
    assert named[0] is kept[0]
    assert named[1] is not kept[1]
    assert [n.ref for n in named[1].content if isinstance(n, Name)] == [
        "authority/persons.xml#peng-dehuai",
        "authority/persons.xml#li-kenong",
    ]


def test_a_cable_of_our_own_gets_its_names_tagged(tmp_path: Path) -> None:
    """A document written for this test, with forms the seeds do not have."""
    source = tmp_path / "cable.txt"
    source.write_text(
        "July 12, 1951 Cable No. 21700, Mao Zedong to Feng Xi [Stalin]\n\nCitation:\n\n"
        '"Cable No. 21700, Mao Zedong to Feng Xi [Stalin]", July 12, 1951, Wilson Center '
        "Digital Archive, APRF.\n\nSummary:\n\nA test.\n\nOriginal Language:\n\nRussian\n\n"
        "Contents:\n\nOriginal Scan\nTranslation - English\n\n"
        "ШИФРТЕЛЕГРАММА № 21700\n\nТоварищу ФИЛИППОВУ\n\n"
        "Переговоры в Кэсоне начались. Пэн Дэ-хуаю и Ли Кэ-нуну даны указания.\n\n"
        "МАО ЦЗЕ-ДУН\n\nCABLE No. 21700\n\nTo Comrade FILIPPOV [Stalin]\n\n"
        "The negotiations in Kaesong have begun. Peng Dehuai and Li Kenong have orders.\n\n"
        "MAO ZEDONG\n",
        encoding="utf-8",
    )
    out = tmp_path / "tei"
    (out / "authority").mkdir(parents=True)
    for file in AUTHORITY.glob("*.xml"):
        (out / "authority" / file.name).write_bytes(file.read_bytes())
    from cablegram import pipeline

    [result] = pipeline.convert([source], out)
    root = etree.parse(str(result.output)).getroot()
    names = {
        ("".join(e.itertext()), e.get("ref").split("#")[1])
        for e in root.xpath("//tei:text//*[@ref]", namespaces=NS)
    }
    assert {
        ("ФИЛИППОВУ", "stalin"),
        ("Кэсоне", "kaesong"),
        ("Пэн Дэ-хуаю", "peng-dehuai"),
        ("МАО ЦЗЕ-ДУН", "mao-zedong"),
        ("FILIPPOV", "stalin"),
        ("Stalin", "stalin"),
        ("Kaesong", "kaesong"),
        ("Peng Dehuai", "peng-dehuai"),
        ("Li Kenong", "li-kenong"),
        ("MAO ZEDONG", "mao-zedong"),
    } <= names
    sender = root.xpath("//tei:correspAction[@type='received']/tei:persName", namespaces=NS)[0]
    assert (sender.text, sender.get("ref")) == ("Feng Xi", "authority/persons.xml#stalin")


# ------------------------------------------------------------------ generic forms


def candidates(index: NameIndex, text: str) -> tuple[str | None, set[str]]:
    [found] = index.find(text)
    return found.entry_id, set(found.candidates)


def test_a_generic_form_names_no_entry_by_itself(index: NameIndex) -> None:
    entry, ids = candidates(index, "sent to the Ministry of Foreign Affairs today")
    assert entry is None
    assert {"ussr-mfa", "prc-mfa", "dprk-mfa", "hungary-mfa", "gdr-mfaa"} <= ids
    # the specific forms of each body name it alone
    assert tagged(index, "the Soviet Foreign Ministry and the DPRK MFA") == [
        ("Soviet Foreign Ministry", "ussr-mfa"),
        ("DPRK MFA", "dprk-mfa"),
    ]
    assert tagged(index, "Ministry of Foreign Affairs of the USSR") == [
        ("Ministry of Foreign Affairs of the USSR", "ussr-mfa")
    ]


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        ("Foreign Ministry", ("ussr",), "ussr-mfa"),
        ("Foreign Ministry", ("china", "ussr"), "prc-mfa"),
        ("Foreign Ministry", ("usa", "north-korea"), "dprk-mfa"),  # no US entry: next
        ("Foreign Ministry", ("usa",), None),  # no candidate of the context's country
        ("Foreign Ministry", (), None),
        ("Department of External Affairs", ("ireland",), "ireland-dea"),
        ("Department of External Affairs", ("canada",), None),
        # an embassy: the sending state leaves three, the host country decides
        ("Soviet Embassy", ("ussr",), None),
        ("Soviet Embassy", ("ussr", "china"), "ussr-embassy-china"),
        ("USSR Embassy", ("north-korea", "ussr"), "ussr-embassy-dprk"),
        # homonyms of one country: the country cannot decide
        ("Kovalev", ("ussr",), None),
        ("Stoica", ("romania",), None),
    ],
)
def test_the_context_decides_a_generic_form(
    index: NameIndex, text: str, countries: tuple[str, ...], expected: str | None
) -> None:
    [found] = index.find(text)
    assert found.entry_id is None
    assert decide(index, found, countries) == expected


def test_homonyms_are_separate_entries_told_apart_by_their_full_forms(index: NameIndex) -> None:
    assert tagged(index, "Kovalev E.F. and I. V. Kovalev, Chivu Stoica, Gheorghe Stoica") == [
        ("Kovalev E.F.", "evgeny-kovalev"),
        ("I. V. Kovalev", "ivan-kovalev"),
        ("Chivu Stoica", "chivu-stoica"),
        ("Gheorghe Stoica", "gheorghe-stoica"),
    ]


def _cable(body: bytes, **metadata: object) -> Document:
    cable = parse_bytes(
        "cable.txt",
        b"July 12, 1951 Cable No. 1, Shtykov to Vyshinsky\n\nSummary:\n\nA test.\n\n"
        b"Original Language:\n\nRussian\n\nContents:\n\nTranslation - English\n\n" + body,
    )
    return dataclasses.replace(cable, metadata=dataclasses.replace(cable.metadata, **metadata))


def _body_names(cable: Document) -> list[tuple[str, str | None]]:
    return [
        (plain_text(node.content), node.ref)
        for block in cable.versions[0].text.body
        for node in getattr(block, "content", ())
        if isinstance(node, Name)
    ]


def test_correspondents_are_decided_by_the_sender_and_the_body_by_the_place(
    index: NameIndex,
) -> None:
    """Shtykov, the Soviet ambassador, writes from Pyongyang: his addressee `Ministry of
    Foreign Affairs` is his own country's; the MFA his text reports on is the host's."""
    cable = _cable(
        b"Deputy Chief of the First Department of the MFA Choe Won-sik was present at the "
        b"meeting with Kim Il Sung in the afternoon.\n",
        senders=(Party("Shtykov"),),
        addressees=(Party("Ministry of Foreign Affairs"),),
        origin="Pyongyang",
    )
    tagged_cable = tag_document(cable, index)
    [addressee] = tagged_cable.metadata.addressees
    assert addressee.ref == "authority/orgs.xml#ussr-mfa"
    assert ("MFA", "authority/orgs.xml#dprk-mfa") in _body_names(tagged_cable)
    # without a place, the sender's country decides the text too
    unplaced = tag_document(dataclasses.replace(cable, metadata=dataclasses.replace(
        cable.metadata, origin=None)), index)  # fmt: skip
    assert ("MFA", "authority/orgs.xml#ussr-mfa") in _body_names(unplaced)


def test_a_generic_form_the_context_does_not_decide_is_tagged_without_reference(
    index: NameIndex,
) -> None:
    cable = _cable(
        b"The Ministry of Foreign Affairs has not yet answered our note of the last week.\n",
        senders=(Party("Wolkenstein"),),
        addressees=(Party("Foreign Ministry"),),
        origin=None,
    )
    tagged_cable = tag_document(cable, index)
    assert tagged_cable.metadata.addressees[0].ref is None
    assert _body_names(tagged_cable) == [("Ministry of Foreign Affairs", None)]
    assert [n.kind for b in tagged_cable.versions[0].text.body for n in b.content
            if isinstance(n, Name)] == ["org"]  # fmt: skip


def test_a_generic_sender_is_decided_by_its_own_place(index: NameIndex) -> None:
    cable = _cable(
        b"The Foreign Ministry instructs the embassy to keep calm during these days.\n",
        senders=(Party("Foreign Ministry", place="Beijing"),),
        addressees=(Party("Embassy in Hungary"),),
        origin=None,
    )
    tagged_cable = tag_document(cable, index)
    assert tagged_cable.metadata.senders[0].ref == "authority/orgs.xml#prc-mfa"
    assert tagged_cable.metadata.addressees[0].ref == "authority/orgs.xml#prc-embassy-hungary"


def test_a_name_holds_the_words_the_editors_supplied_in_it(index: NameIndex) -> None:
    """'[Ren] Bishi', 'Liu Han[Sheng]': the name is found with its supplied words, which it
    holds whole; where a name would cut a supplied reading ('[U.S. Commander Matthew]
    Ridgway'), the name around it is found instead."""
    nodes = tag_inlines(
        (Text("Cdes. Liu Shaoqi and "), Supplied("Ren"), Text(" Bishi will")), index
    )
    (name,) = [n for n in nodes if isinstance(n, Name) and n.ref and "ren-bishi" in n.ref]
    assert name.content == (Supplied("Ren"), Text(" Bishi"))
    nodes = tag_inlines((Text("led by Liu Han"), Supplied("Sheng"), Text(", but")), index)
    assert [n.content for n in nodes if isinstance(n, Name)] == [
        (Text("Liu Han"), Supplied("Sheng"))
    ]
    nodes = tag_inlines((Supplied("U.S. Commander Matthew"), Text(" Ridgway keeps contact")), index)
    assert nodes[0] == Supplied("U.S. Commander Matthew")
    assert [plain_text(n.content) for n in nodes if isinstance(n, Name)] == ["Ridgway"]
    assert plain_text(nodes) == "U.S. Commander Matthew Ridgway keeps contact"


# ------------------------------------------------------------------ names on evidence


def evidence(index: NameIndex, text: str) -> list[tuple[str, str | None]]:
    nodes = tag_inlines((Text(text),), index)
    return [(plain_text(n.content), n.ref) for n in nodes if isinstance(n, Name)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I met General Xuantong yesterday.", [("Xuantong", None)]),
        ("Marshal Wolkenstein did not come.", [("Wolkenstein", None)]),
        ("as Cde. N. A. Pupkin said", [("N. A. Pupkin", None)]),
        ("Comrade Wang Xiaoer and Comrade Stalin", [("Wang Xiaoer", None),
            ("Stalin", "authority/persons.xml#stalin")]),
        ("present: comrades Pupkin, Xuantong and Stalin.", [("Pupkin", None), ("Xuantong", None),
            ("Stalin", "authority/persons.xml#stalin")]),
        ("the clique of KRUTIKOV prepared an attack", [("KRUTIKOV", None)]),
        ("PUPKIN. We reviewed the issues.", [("PUPKIN", None)]),
        ("прошу передать тов. Пупкину лично", [("Пупкину", None)]),
        ("визиты тов. тов. Пупкину, Сидоренко и Молотову", [("Пупкину", None),
            ("Сидоренко", None), ("Молотову", "authority/persons.xml#molotov")]),
        ("доложил генералу Крутикову о делах", [("Крутикову", None)]),
        ("сообщите ПУПКИНУ немедленно", [("ПУПКИНУ", None)]),
        # a particle between the words of a name; a capitalised rank
        ("Major Sergio del Valle, Chief of the General Staff, was present.",
            [("Sergio del Valle", None)]),
        # a run of title-case words after a title, one of them no dictionary word (Korean
        # syllables are Russian words too)
        ("командующий береговой обороной тов. Пак Чен Хо просят", [("Пак Чен Хо", None)]),
        # a name on evidence ends where the authority's begins
        ("with Comrade Mikhail Sergeyevich Gorbachev", [("Mikhail Sergeyevich", None),
            ("Gorbachev", "authority/persons.xml#gorbachev")]),
        # an apostrophe either way matches ('Worker's' in the authority, ’ in the page)
        ("at the instruction of the Political Council of the CC of the Korean Worker’s Party",
            [("Political Council of the CC of the Korean Worker’s Party",
              "authority/orgs.xml#wpk-cc-political-council")]),
    ],
)  # fmt: skip
def test_a_name_the_authority_lacks_is_tagged_on_strong_evidence(
    index: NameIndex, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert evidence(index, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "with Comrade Mikhail Sergeyevich Gorbachev",
        "USSR AMBASSADOR IN CUBA (A. ALEKSEEV)",
        "Major Sergio del Valle and Comrade Kim Il Sung",
    ],
)
def test_names_on_evidence_never_overlap_the_authoritys(index: NameIndex, text: str) -> None:
    """A name found on evidence and one the authority found never share words: the text
    comes out as it went in, word for word."""
    assert plain_text(tag_inlines((Text(text),), index)) == text


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday the talks began in the morning.",  # a capital opening a sentence
        "Comrades, we must act at once.",
        "Comrades were present at the meeting.",  # a plural title before a lower-case word
        "The General said nothing.",  # a title alone
        "to stabilize the country in general. Decisions were taken.",  # a sentence's stop
        "General",
        "Генерал сказал, что товарищи согласны.",
        "Товарищи, мы должны действовать.",
        "Mr. Chairman, I thank you.",
        "the General Staff and Comrade Chairman",
        "TOP SECRET MEMORANDUM OF CONVERSATION",  # a line in capitals
        "the USSR and the TASS agency and the CCP",  # acronyms
        "ШИФРТЕЛЕГРАММА СЕКРЕТНО, прошу доложить",
        "a meeting of the First Secretary with THE GREAT LEADER OF THE PEOPLE today",
        "the Governments of the major Powers were bequeathed grave difficulties",  # an adjective
        "USSR AMBASSADOR IN THE DPRK",  # a title in a line in capitals
        "STATEMENT of the Spokesman of the Government of the Republic",  # a kind of document
    ],
)
def test_no_name_is_invented_without_evidence(index: NameIndex, text: str) -> None:
    assert [n for n in evidence(index, text) if n[1] is None] == []


def test_a_name_wrapped_over_two_lines_is_one_name(index: NameIndex) -> None:
    nodes = tag_inlines(
        (Text("a talk with Cde. Zhu"), LineBreak(edition="export"), Text("De, and with Petrov")),
        index,
    )
    assert nodes[1] == Name(
        "person",
        (Text("Zhu"), LineBreak(edition="export"), Text("De")),
        "authority/persons.xml#zhu-de",
    )
    assert nodes[0] == Text("a talk with Cde. ")


def test_forms_keep_their_punctuation_and_acronyms_their_capitals(index: NameIndex) -> None:
    assert tagged(index, "R. Kennedy, the VKP(b) CC and the US") == [
        ("R. Kennedy", "robert-kennedy"),
        ("VKP(b) CC", "vkpb-cc"),
        ("US", "usa"),
    ]
    assert tagged(index, "Let us go, Us and us") == []
    assert tagged(index, "the USSR's policy") == [("USSR's", "ussr")]
    assert tagged(index, "Cde. N. A. Bulganin") == [("N. A. Bulganin", "bulganin")]
    assert tagged(index, "Mr. Aiken") == [("Aiken", "aiken")]  # a title is no initial


# ------------------------------------------------------------------ the seeds, by hand

# Every name an editor would index, per seed and language: (entry id, form as written).
EXPECTED = {
    "000": {
        "ru": [("stalin", "Сталину"), ("stalin", "ФИЛИПОВУ"), ("ridgway", "Риджуэй"),
               ("wonsan", "Гензан"), ("kim-il-sung", "Ким Ир Сену"),
               ("kim-il-sung", "Ким Ир Сен"), ("kim-il-sung", "Ким Ир Сенгом"),
               ("north-korea", "Северной Кореи"), ("parallel-38", "38 параллели"),
               ("kaesong", "Кайдзю"), ("beijing", "ПЕКИНА"), ("mao-zedong", "МАО ЦВЕ-ДУН"),
               ("yelezov", "Елезов"), ("kornyushina", "Корнушина"), ("makarov", "Макаров"),
               ("second-main-directorate", "ВТОРОЕ ГЛАВНОЕ УПРАВЛЕНИЕ ГЕНШТАБА СОВЕТСКОЙ АРМИИ")],
        "en": [("stalin", "Stalin"), ("stalin", "FILIPPOV"), ("ridgway", "Ridgway"),
               ("wonsan", "Wonsan"), ("kim-il-sung", "Kim Il Sung"),
               ("north-korea", "North Korea"), ("parallel-38", "38th parallel"),
               ("mao-zedong", "MAO ZEDONG"), ("beijing", "Peking"), ("yelezov", "Yelezov"),
               ("kornyushina", "Konyushina"), ("makarov", "Makarov")],
    },
    "001": {
        "ru": [("kim-il-sung", "Ким Ир Сена"), ("kim-il-sung", "Ким Ир Сен"),
               ("mao-zedong", "Мао Изе-дун"), ("mao-zedong", "мао цзе-дун"),
               ("malik", "Малика"), ("korea", "Корее"), ("united-press", "Онайтед пресс"),
               ("washington", "Вашингтона"), ("ridgway", "Риджуэй"),
               ("un-command", "штабом войск ООН"), ("yelezov", "Елезов"),
               ("kornyushina", "Корнюшина")],
        "en": [("stalin", "Stalin"), ("stalin", "FILIPPOV"), ("beijing", "BEIJING"),
               ("kim-il-sung", "Kim II Sung"), ("mao-zedong", "Mao Zedong"),
               ("malik", "Malik's"), ("korea", "Korea"), ("united-press", "United Press"),
               ("washington", "Washington"), ("ridgway", "Ridgway"), ("un-command", "UN troops")],
    },
    "002": {
        "en": [("beijing", "BEIJING"), ("krasovsky", "KRASOVSKY"), ("mao-zedong", "MAO ZEDONG"),
               ("ridgway", "Ridgway"), ("ridgway", "RIDGWAY"), ("kpa", "Korean People's Army"),
               ("cpv", "Chinese volunteer units"), ("kim-il-sung", "KIM IL SUNG"),
               ("peng-dehuai", "PENG DEHUI"), ("wonsan", "Wonsan"),
               ("parallel-38", "38th parallel"), ("kaesong", "Gaeseong"),
               ("kaesong", "Kaesong"), ("kaesong", "Gaesong"), ("moscow", "Moscow"),
               ("stalin", "FILIPPOV"), ("stalin", "Stalin")],
    },
    "003": {
        "ru": [("stalin", "Сталину"), ("stalin", "ФИЛИППОВУ"), ("beijing", "ПЕКИНА"),
               ("kim-il-sung", "КИМ ИР СЕНА"), ("kim-il-sung", "КИМ ИР СЕН"),
               ("mao-zedong", "МАО ЦЗЕ-ДУН"), ("mao-zedong", "МАО ЦЗЭДУН"),
               ("nam-il", "НАМ ИР"), ("nam-il", "НАМ ИРА"), ("pak-don-cho", "ПАК ДОН ЧО"),
               ("north-korea", "Северной Кореи"), ("parallel-38", "38 параллели"),
               ("vaganov", "Ваганов"), ("kornyushina", "Корнишина"), ("makarov", "Макаров"),
               ("makarov", "С.А.Макаров")],
        "en": [("stalin", "Stalin"), ("stalin", "FILIPPOV"), ("beijing", "BEIJING"),
               ("kim-il-sung", "KIM IL SUNG"), ("mao-zedong", "MAO ZEDONG"),
               ("nam-il", "NAM IL"), ("pak-don-cho", "PAK DON CHO"),
               ("pyongyang", "Pyongyang"), ("north-korea", "North Korea"),
               ("parallel-38", "38th parallel"), ("syngman-rhee", "Rhee Syngmann")],
    },
    "004": {
        "en": [("stalin", "Stalin"), ("stalin", "FILIPPOV"), ("stalin", "Filippov"),
               ("li-kenong", "LI KENONG"), ("li-kenong", "Li Kenong"),
               ("mao-zedong", "MAO ZEDONG"), ("mao-zedong", "Mao Zedong"),
               ("kim-il-sung", "KIM IL SUNG"), ("kim-il-sung", "Kim Il Sung"),
               ("kim-il-sung", "Kim II Sung"), ("peng-dehuai", "PENG DEHUAI"),
               ("peng-dehuai", "Peng Dehuai"), ("kaesong", "Kaesong"), ("nam-il", "Nam II"),
               ("deng-hua", "Deng Hua"), ("korea", "Korea"), ("parallel-38", "38th parallel"),
               ("icrc", "International Red Cross"), ("joy", "Joy"), ("vaganov", "Vaganov"),
               ("chesnokova", "Chesnokova"), ("rudakov", "RUDAKOV")],
    },
}  # fmt: skip


@pytest.mark.parametrize("seed", seed_paths(), ids=[p.stem[:3] for p in seed_paths()])
def test_every_indexable_name_of_the_seeds_is_tagged(seed: Path, converted) -> None:
    root = etree.parse(str(converted[seed.name].output)).getroot()
    for lang, names in EXPECTED[seed.stem[:3]].items():
        found = {
            (e.get("ref").split("#")[1], "".join(e.itertext()))
            for div in root.xpath(f"//tei:text/tei:body/tei:div[@xml:lang='{lang}']", namespaces=NS)
            for e in div.xpath(".//*[@ref][contains(@ref, 'authority/')]", namespaces=NS)
        }
        missing = set(names) - found
        assert not missing, f"{seed.name} [{lang}]: not tagged: {sorted(missing)}"


def test_correspondents_point_at_their_entries(converted) -> None:
    root = etree.parse(str(converted[seed_paths()[0].name].output)).getroot()
    sent = root.xpath("//tei:correspAction[@type='sent']/tei:persName/@ref", namespaces=NS)
    received = root.xpath("//tei:correspAction[@type='received']/tei:persName/@ref", namespaces=NS)
    assert sent == ["authority/persons.xml#mao-zedong"]
    assert received == ["authority/persons.xml#stalin"]  # Filippov, a code name for Stalin


def test_every_reference_of_the_corpus_resolves() -> None:
    ids = {
        f"authority/{f.name}#{i}"
        for f in AUTHORITY.glob("*.xml")
        for i in etree.parse(str(f)).getroot().xpath("//tei:text//@xml:id", namespaces=NS)
    }
    for tei in TEI_DIR.glob("*.xml"):
        refs = etree.parse(str(tei)).getroot().xpath("//@ref", namespaces=NS)
        assert refs and set(refs) <= ids, tei.name


# ------------------------------------------------------------------ cablegram entities


def test_entities_lists_names_no_entry_covers(tmp_path: Path, index: NameIndex) -> None:
    cable = parse_bytes(
        "x.txt",
        b"July 12, 1951 Cable No. 1, Mao Zedong to Filippov [Stalin]\n\nCitation:\n\n"
        b'"Cable No. 1", July 12, 1951, Wilson Center Digital Archive, APRF.\n\n'
        b"Contents:\n\nTranslation - English\n\nCABLE No. 1\n\nTo Comrade FILIPPOV [Stalin]\n\n"
        b"I met General Xuantong and the envoy Wolkenstein in Kaesong yesterday.\n\n"
        b"The Department of External Affairs was told of it.\n\n"
        b"MAO ZEDONG\n",
    )
    from cablegram.encode.tei import encode_document, serialise

    (tmp_path / "authority").mkdir()
    for file in AUTHORITY.glob("*.xml"):
        (tmp_path / "authority" / file.name).write_bytes(file.read_bytes())
    target = tmp_path / "cable.xml"
    target.write_bytes(serialise(encode_document(tag_document(cable, index))))
    result = CliRunner().invoke(main, ["entities", str(target), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    terms = {row["term"]: row for row in rows}
    assert "Xuantong" in terms and "Wolkenstein" in terms
    assert "Kaesong" not in terms and "FILIPPOV" not in terms
    # tagged on evidence (a title), without a reference: listed where it stands
    xuantong = root_names(target, "Xuantong")
    assert xuantong == [None]
    assert terms["Xuantong"]["locations"].startswith(f"{target}:")
    # a generic form the context did not decide is known to the authority: not listed
    assert root_names(target, "Department of External Affairs") == [None]
    assert "Department of External Affairs" not in terms
    assert terms["Wolkenstein"]["locations"].startswith(f"{target}:")
    text = CliRunner().invoke(main, ["entities", str(target)])
    assert text.exit_code == 0 and "Wolkenstein\t[en]\t1\t" in text.output


def root_names(path: Path, text: str) -> list[str | None]:
    """The references of the names of a TEI file's text that read `text`."""
    root = etree.parse(str(path)).getroot()
    return [
        e.get("ref")
        for e in root.xpath("//tei:text//*[self::tei:persName or self::tei:orgName]", namespaces=NS)
        if "".join(e.itertext()) == text
    ]


def test_entities_without_authority_files_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'/>")
    result = CliRunner().invoke(main, ["entities", str(tmp_path)])
    assert result.exit_code == 2
    assert "no authority files" in result.output


def test_a_correction_that_names_gets_the_names_entry(index: NameIndex) -> None:
    """'Kaidzio [sic, possibly Kaesong]': the correction is the place (ENCODING v2, named
    entities: places are tagged); a correction that names no one keeps no reference."""
    (sic,) = tag_inlines((Sic("Kaidzio", "Kaesong", "low"),), index)
    assert isinstance(sic, Sic) and sic.kind == "place" and sic.ref
    assert sic.ref.endswith("#kaesong")
    (plain,) = tag_inlines((Sic("ahed", "ahead"),), index)
    assert plain == Sic("ahed", "ahead")
