"""Unit tests of the parser's stages, on small inputs written for each behaviour."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from cablegram.encode.tei import document_id, encode_document, serialise
from cablegram.model import (
    LB,
    LB_JOINED,
    Added,
    CopyNumber,
    Distribution,
    Expansion,
    Furniture,
    Gap,
    Gapped,
    Identification,
    LineBreak,
    Note,
    NoteBlock,
    PageBreak,
    Paragraph,
    PointList,
    QuotedText,
    SheetTurn,
    Sic,
    Stamp,
    Supplied,
    Text,
    Unclear,
    plain_text,
)
from cablegram.parse import parse_bytes
from cablegram.parse.citation import parse_copies, parse_references
from cablegram.parse.dates import find_date, parse_date_line
from cablegram.parse.doctypes import kind_from_summary
from cablegram.parse.inline import InlineContext, parse_inline
from cablegram.parse.language import detect_language
from cablegram.parse.title import read_title
from cablegram.read import decode_export, normalise_residue
from cablegram.read.lines import detect_layout
from cablegram.validate import validate_files
from conftest import without_passage_ids

# ------------------------------------------------------------------ inline brackets


def test_sic_with_a_doubtful_correction() -> None:
    nodes = parse_inline("perhaps Kaidzio [sic; possibly Kaesong][?].")
    assert nodes == (Text("perhaps "), Sic("Kaidzio", "Kaesong", "low"), Text("."))


def test_bare_sic_and_unclear_take_the_word_before() -> None:
    assert parse_inline("the Yalou [sic] river") == (
        Text("the "),
        Sic("Yalou"),
        Text(" river"),
    )
    assert parse_inline("near Chengwen [?] today") == (
        Text("near "),
        Unclear("Chengwen"),
        Text(" today"),
    )


def test_supplied_letters_and_doubtful_readings() -> None:
    assert parse_inline("G[roup?] and c[omrade]") == (
        Text("G"),
        Supplied("roup", "low"),
        Text(" and c"),
        Supplied("omrade"),
    )
    assert parse_inline("Cde. [Zheng?] said") == (
        Text("Cde. "),
        Supplied("Zheng", "low"),
        Text(" said"),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Filippov [Stalin]", Identification("Stalin")),
        ("region of Gaeseong [Kaesong].", Identification("Kaesong")),
        ("negotiations [between] representatives", Supplied("between")),
        ("from [BEIJING] received", Supplied("BEIJING")),
        ("day. [U.S. Commander Matthew] Ridgway", Supplied("U.S. Commander Matthew")),
        ("of Comrade [Yakov] Malik", Supplied("Yakov")),
        ("Five copies printed. Nº [208]", Supplied("208")),  # a figure names no one
        ("the island of Formosa [Taiwan]. Our", Identification("Taiwan")),  # no nationality
        ("the Seoul [South Korean] government", Supplied("South Korean")),
        ("about their [Mao’s] differences", Identification("Mao’s")),  # who the pronoun is
        ("[Mao’s] house was made of clay", Supplied("Mao’s")),
        ("he studied the Shanghai [dialect].", Supplied("dialect")),  # an English word
        ("spoke with a Beijing dialect [sic, in fact Hunan], and", Sic("Beijing", "Hunan")),
        (f"at the time Taiyuqin [sic; ed. note—{LB}perhaps Taiyuan] was",
         Sic("Taiyuqin", "Taiyuan", "low")),  # the doubt after a line's end
        ("Zhu De (Taibi /?/) [sic], [and] Ren Bishi", Sic("Taibi", None)),  # not the marks
        ("is “chairman” the same as “president” [?] What", Supplied("?")),  # the question's
        ("What should our policy be in this question [?] Of course", Supplied("?")),
        (f"war. Liu [Shaoqi] Gao{LB}[Gang] Wang [Jiaxiang]", Supplied("Jiaxiang")),  # alike
        ("Kremlin. We [Liu Shaoqi, Gao Gang, and Wang Jiaxiang] and", Identification(
            "Liu Shaoqi, Gao Gang, and Wang Jiaxiang")),  # who 'we' are
        ("They [the Soviets] could help", Identification("the Soviets")),
        ("united with the Northeast [Bureau's]. While", Supplied("Bureau's")),  # completes it
        (f"the US Secretary of Defense [James]{LB}Forrestal", Supplied("James")),
        # a name hyphenated over a line's end, its hyphen the name's or the line's
        (f"talks between Chiang Kai-{LB}shek [Jiang Jieshi] and", Identification("Jiang Jieshi")),
        (f"talks between Chiang Kai{LB_JOINED}shek [Jiang Jieshi] and",
         Identification("Jiang Jieshi")),
    ],
)  # fmt: skip
def test_identification_or_supplied_words(text: str, expected: object) -> None:
    assert expected in parse_inline(text)


def test_gaps_signatures_stamps_and_notes() -> None:
    nodes = parse_inline(
        "a [...] b […] COLONEL [signature] [illegible signature] "
        "[stamp: Incoming N° 2212/sh] [Ed. note: see below] [Translator's note: i.e. Stalin]"
    )
    assert nodes.count(Gap("editorial")) == 2
    assert Gap("signature") in nodes and Gap("signature", "illegible signature") in nodes
    assert Stamp((Text("Incoming N° 2212/sh"),)) in nodes
    assert Note("editorial", (Text("see below"),), label="Ed. note") in nodes
    assert Note("translator", (Text("i.e. Stalin"),), label="Translator's note") in nodes
    assert not any("[" in n.text for n in nodes if isinstance(n, Text))
    # a web page's typographic apostrophe
    (note,) = parse_inline("[Translator’s note: The spelling cannot be verified.]")
    assert note == Note(
        "translator", (Text("The spelling cannot be verified."),), label="Translator’s note"
    )


def test_footnote_anchor_takes_the_footnote_text() -> None:
    ctx = InlineContext(footnotes={"1": "The city is now Kaesong."})
    nodes = parse_inline("met at Kaidzio.[1] Then", ctx)
    assert Note("authorial", (Text("The city is now Kaesong."),), n="1") in nodes
    assert ctx.used_footnotes == {"1"}


def test_line_seams_become_line_breaks() -> None:
    assert parse_inline(f"дол{LB_JOINED}жен{LB}выразить") == (
        Text("дол"),
        LineBreak(hyphenated=True),
        Text("жен"),
        LineBreak(),
        Text("выразить"),
    )


# ------------------------------------------------------------------ metadata


def test_archival_references_in_the_archive_styles() -> None:
    copies = parse_copies(
        '"X", June 30, 1951, Wilson Center Digital Archive, APRF, f. 45, op. 1, d. 339, l. 92; '
        "AVP RF, f. 059a, op. 5a, d. 4, p. 11, l. 11; and RGASPI, f. 558, op. 11, d. 339, "
        "ll. 0092. https://example.org/document/1"
    )
    assert [(c.repository, c.fond, c.opis, c.delo, c.papka, c.locus) for c in copies] == [
        ("APRF", "45", "1", "339", None, "l. 92"),
        ("AVP RF", "059a", "5a", "4", "11", "l. 11"),
        ("RGASPI", "558", "11", "339", None, "ll. 0092"),
    ]
    long_form = parse_copies(
        "“X,” June 30, 1951, History and Public Policy Program Digital Archive, APRF, Fond 45, "
        "Opis 1, Delo 339, Listy 95-96 and AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 14-15"
    )
    assert [(c.repository, c.fond, c.papka, c.locus) for c in long_form] == [
        ("APRF", "45", None, "Listy 95-96"),
        ("AVPRF", "059a", "11", "Listy 14-15"),
    ]
    colon = parse_copies(
        '"X", July 16, 1951, Wilson Center Digital Archive, APRF: F. 39, Op. 1, D. 31, Ll. 49-52.'
    )
    assert [(c.repository, c.fond, c.opis, c.delo, c.locus) for c in colon] == [
        ("APRF", "39", "1", "31", "Ll. 49-52")
    ]


def test_titles_give_type_number_parties_and_intermediaries() -> None:
    facts = read_title(
        "Ciphered Telegram No. 21336 from Beijing, Mao Zedong to Cde. Filippov [Stalin]"
    )
    assert (facts.kind, facts.type_words, facts.number, facts.origin) == (
        "cable",
        "Ciphered Telegram",
        "21336",
        "Beijing",
    )
    assert [(p.name, p.identification) for p in facts.senders] == [("Mao Zedong", None)]
    assert [(p.name, p.identification) for p in facts.addressees] == [("Filippov", "Stalin")]
    facts = read_title("Cable from Filippov (Stalin) to Mao Zedong via Krasovsky")
    senders, via = facts.senders, facts.intermediaries
    assert [p.name for p in senders] == ["Filippov"] and [p.name for p in via] == ["Krasovsky"]


def test_dates_and_layouts() -> None:
    found = find_date("## **June 30, 1951**")
    assert found and found[0] == "June 30, 1951" and found[1].when == "1951-06-30"
    assert find_date("February 30, 1951") is None
    assert detect_layout("## **June 30, 1951**\n") == "markdown"
    assert detect_layout("June 30, 1951 Cable\n\nCitation:\n") == "plain"
    assert detect_layout("   Digital Archive   digitalarchive.wilsoncenter.org\nx\f") == "pdftotext"


@pytest.mark.parametrize("written", ["30.XII.194‸", "30.XII.194[illegible]"])
def test_a_year_with_an_illegible_last_digit_is_a_decade(written: str) -> None:
    """The archive marks a digit it could not read by '‸' or an [illegible] bracket: the
    date is known within bounds (certain ones: no @cert), the figures read in `date`."""
    cable = _cable(
        f"To Comrade KIM IL SUNG\n\nI ask you to keep them.\n\nN. LEBEDEV\n\n{written}\n"
    )
    xml = serialise(encode_document(cable, "x")).decode()
    assert '<date notBefore="1940-12-30" notAfter="1949-12-30">30.XII.194' in xml
    assert "cert=" not in xml.split("<dateline>")[-1].split("</dateline>")[0]


@pytest.mark.parametrize(
    ("date_line", "in_id"),
    [
        ("July 9, 1951", "cable-1951-07-09-21617-mao-zedong"),
        ("July 14-15, 1951", "cable-1951-07-21617-mao-zedong"),  # bounds: what both share
        ("16 February through 24 March 1951", "cable-1951-21617-mao-zedong"),
    ],
)
def test_an_id_names_the_date_both_bounds_share(date_line: str, in_id: str) -> None:
    header = HEADER.replace("July 9, 1951 Cable", f"{date_line} Cable").replace(
        '", July 9, 1951,', f'", {date_line},'
    )
    cable = parse_bytes("t.txt", (header + "Text of the cable.\n").encode())
    assert document_id(cable) == in_id


@pytest.mark.parametrize(
    ("summary", "kind"),
    [
        ("A Russian translation of a Chinese report on groups joining the committee.", "report"),
        ("This is a record of the talks in Kaesong.", "memorandum"),
        ("An unsigned letter to the Central Committee. It asks for aid.", "letter"),
        ("Stalin replies to a letter of Mao Zedong.", None),  # another document's kind
        ("Mao asks Stalin for aid.", None),
    ],
)
def test_the_summary_names_a_kind_the_title_does_not(summary: str, kind: str | None) -> None:
    assert kind_from_summary((summary,)) == kind


def test_language_detection_tells_german_from_english() -> None:
    german = "Die Delegation der Volksrepublik hat heute in Kaesong die Verhandlungen begonnen."
    english = "The delegation of the People's Republic began the negotiations in Kaesong today."
    assert detect_language(german)[0] == "de"
    assert detect_language(english)[0] == "en"
    assert detect_language("Командующий войсками противника Риджуэй сделал заявление")[0] == "ru"


def test_short_paragraphs_of_a_german_original_stay_in_it() -> None:
    """Paragraphs of a hundred-odd letters are identified by language too: a German
    original of short paragraphs is not cut into its English translation after the first,
    and its signature in brackets, which tells no language, closes it."""
    german = [
        "Der sowjetische Botschafter übergab dem Herrn Bundeskanzler heute ein Schreiben, das "
        "er sorgfältig prüfen werde, wie er sagte.",
        "Botschafter Smirnow erwiderte, die Sowjetunion wolle keine Krise. Die Frist sei kein "
        "Ultimatum.",
        "Der Herr Bundeskanzler bat den Botschafter, dies in Moskau zu sagen, und dankte ihm.",
    ]
    english = [
        "The Soviet Ambassador handed the Federal Chancellor a letter today, which he said he "
        "would examine carefully.",
        "Ambassador Smirnov replied that the Soviet Union wanted no crisis. The time limit was "
        "not an ultimatum.",
        "The Federal Chancellor asked the Ambassador to say so in Moscow, and thanked him.",
    ]
    header = HEADER.replace("Russian\n", "German\n").replace("Original Scan", "Transcript - German")
    texts = [*german, "(Osterheld)", *english, "(Osterheld)"]  # each signed in brackets
    cable = parse_bytes("t.txt", (header + "\n\n".join(texts) + "\n").encode())
    assert [(v.kind, v.lang, len(v.text.body)) for v in cable.versions] == [
        ("original", "de", 3),
        ("translation", "en", 3),
    ]
    for version in cable.versions:  # the signature closes its own version
        assert [plain_text(part.content) for part in version.text.closer] == ["(Osterheld)"]


# ------------------------------------------------------------------ body structure

HEADER = """July 9, 1951 Cable No. 21617, Mao Zedong to Filippov [Stalin]

Citation:

"Cable No. 21617, Mao Zedong to Filippov [Stalin]", July 9, 1951,
Wilson Center Digital Archive, APRF, f. 45, op. 1, d. 340, l. 5.

Summary:

A test.

Original Language:

Russian

Contents:

Original Scan
Translation - English

"""


def _cable(body: str):
    return parse_bytes("t.txt", (HEADER + body).encode())


def test_tab_separated_copy_table_is_read_column_by_column() -> None:
    cable = _cable(
        "ШИФРТЕЛЕГРАММА № 21617\n\nЭкз. № 1\tТов. Сталину\tЭкз. № 4\n№ 2\t\t№ 5\n№ 3\t\t\n\n"
        "Товарищу ФИЛИППОВУ\n\nСообщаю Вам о переговорах в Кэсоне и о составе делегации.\n"
    )
    lists = [p for p in cable.versions[0].text.opener if isinstance(p, Distribution)]
    assert [item.n for item in lists[0].items] == ["1", "2", "3", "4", "5"]
    # the number heading an item is its copy's (ENCODING v2: num[@type='copy'])
    assert lists[0].items[0].content == (CopyNumber("Экз. № 1"), Text(" Тов. Сталину"))


def test_a_point_cut_by_a_sheet_turn_is_rejoined() -> None:
    cable = _cable(
        "ШИФРТЕЛЕГРАММА № 21617\n\nТоварищу ФИЛИППОВУ\n\n"
        "Предлагаем следующие пункты переговоров о прекращении огня:\n\n"
        "1. Обе стороны должны прекратить огонь и отвести\n\n/см. сл. лист/\n\n"
        "Продолжение шифртелеграммы № 21617\n\nЛист 2\n\nвойска от 38 параллели.\n\n"
        "2. Обменяться пленными.\n\nМАО ЦЗЕ-ДУН\n"
    )
    body = cable.versions[0].text.body
    lists = [p for p in body if isinstance(p, PointList)]
    assert len(lists) == 1 and [i.n for i in lists[0].items] == ["1", "2"]
    first = lists[0].items[0].content
    assert PageBreak("2") in first and first[-1] == Text("войска от 38 параллели.")
    assert not any(isinstance(p, SheetTurn) for p in body)


def test_quoted_telegram_keeps_its_lead_and_its_own_closer() -> None:
    cable = _cable(
        "CABLE No. 21617\n\nTo Comrade FILIPPOV [Stalin]\n\n"
        'I am sending the telegram of Comrade Kim Il Sung. "Comrade Mao Zedong!\n\n'
        "The enemy proposed a meeting in Kaesong on the 10th of July at ten o'clock.\n\n"
        'Kim Il Sung 8.7.51".\n\nMAO ZEDONG\n\nNo. 3401\n'
    )
    text = cable.versions[0].text
    assert text.body[0] == Paragraph((Text("I am sending the telegram of Comrade Kim Il Sung."),))
    telegram = text.body[1]
    assert isinstance(telegram, QuotedText)
    assert telegram.text.closer and telegram.text.body
    assert [type(p).__name__ for p in text.closer] == ["Signed", "CloserLine"]


def test_clerk_notes_on_one_line_are_split_and_a_verifier_signs() -> None:
    cable = _cable(
        "CABLE No. 21617\n\nTo Comrade FILIPPOV [Stalin]\n\n"
        "The enemy proposed a meeting in Kaesong on the 10th of July at ten o'clock.\n\n"
        "MAO ZEDONG\n\nPrinted by Chesnokova 1955 11 July Verified: MAJOR [signature] (RUDAKOV)\n"
    )
    closer = cable.versions[0].text.closer
    assert [type(p).__name__ for p in closer] == ["Signed", "ClerkNote", "ClerkNote"]
    assert Gap("signature") in closer[-1].content  # the verifier's signature is the note's


def test_a_field_label_in_the_document_is_the_documents_text() -> None:
    """The fields come once each, in the archive's order: a draft agreement's 'Language:'
    or 'Summary:' line is text of the cable, not a field that replaces the real one."""
    cable = _cable(
        "To Cde. FILIPPOV [Stalin]\n\nThe Americans handed over a draft:\n\n"
        "Language: the agreement is drawn up in Korean, Chinese and English.\n\n"
        "Summary: the enemy wants a line north of Kaesong.\n\nMAO ZEDONG\n"
    )
    assert cable.metadata.summary == ("A test.",)
    assert cable.metadata.original_language == "Russian"
    body = encode_document(cable, "t").getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
    words = " ".join("".join(body.itertext()).split())
    assert "Language: the agreement is drawn up in Korean, Chinese and English." in words
    assert "Summary: the enemy wants a line north of Kaesong." in words


def test_brackets_and_flagged_words_keep_their_line_breaks() -> None:
    """A bracket spanning two lines, a word hyphenated over a line end and flagged [sic]:
    the break is an <lb/> inside the element, never a character of its text."""
    cable = _cable(
        "To Cde. FILIPPOV [Stalin]\n\nAt the session [U.S. Vice Admiral C.\nTurner] Joy spoke "
        "of Kae-\nsong [sic] again.\n\nMAO ZEDONG\n"
    )
    body = encode_document(cable, "t").getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
    xml = without_passage_ids(etree.tostring(body, encoding="unicode"))
    assert (
        '<supplied reason="omitted" resp="#archive">U.S. Vice Admiral C.<lb/>Turner</supplied>'
        in xml
    )
    assert '<sic>Kae<lb break="no"/>song</sic>' in xml
    assert not re.search("[\ue000-\uf8ff]", xml)


@pytest.mark.parametrize(
    ("signature", "date"),
    [("A. VYSHINSKY", "21 July 1951"), ("А. ВЫШИНСКИЙ", "21.VII.51"), ("I. STALIN", "21.7.51")],
)
def test_a_signature_with_an_initial_and_a_dateline_close_the_cable(
    signature: str, date: str
) -> None:
    """The closer: a name with an initial is a signature; a date with its month in Roman
    numerals (21.VII.51, the Soviet ciphered telegrams' own form) is a dateline."""
    cable = _cable(f"To Cde. FILIPPOV [Stalin]\n\nI agree.\n\n{signature}\n\n{date}\n")
    body = encode_document(cable, "t").getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
    xml = without_passage_ids(etree.tostring(body, encoding="unicode"))
    assert f"<signed><persName>{signature}</persName></signed>" in xml
    assert f'<dateline><date when="1951-07-21">{date}</date></dateline>' in xml
    assert "truncated" not in xml


@pytest.mark.parametrize(
    ("bracket", "node"),
    [
        ("[illegible]", Gap("illegible", "illegible")),
        ("[two words illegible]", Gap("illegible", "two words illegible")),
        ("[неразб.]", Gap("illegible", "неразб.")),
        ("[подпись неразборчива]", Gap("signature", "подпись неразборчива")),
        ("[подпись]", Gap("signature", "подпись")),
        ("[illegible signature]", Gap("signature", "illegible signature")),
    ],
)
def test_what_the_editors_could_not_read_is_a_gap(bracket: str, node: Gap) -> None:
    """Not words the editors supplied (<supplied>illegible</supplied> said they had), nor
    an identification: a gap, whose description keeps the bracket's words."""
    assert parse_inline(f"for YAK-9 aircraft {bracket} here") == (
        Text("for YAK-9 aircraft "),
        node,
        Text(" here"),
    )


def test_sic_with_an_exclamation_mark() -> None:
    assert parse_inline("a political question [sic!].") == (
        Text("a political "),
        Sic("question"),
        Text("."),
    )


@pytest.mark.parametrize(
    ("ending", "cut"),
    [
        ("the talks will go on…", False),
        ("美国人对停战的需要并不比你们少。", False),
        ("We agree.\n\nNo. 3590", False),
        ("We agree.\n\n第402/sh号", False),
        ("the talks will go on and the", True),
        ("войска будут отведены от 38", True),
    ],
)
def test_only_a_text_that_breaks_off_is_marked_truncated(ending: str, cut: bool) -> None:
    """An ellipsis, Chinese punctuation or a closing number line end a text; a sentence
    that stops is an export cut off (gap[@reason='truncated'] and a warning)."""
    cable = _cable(f"To Cde. FILIPPOV [Stalin]\n\n{ending}\n")
    body = encode_document(cable, "t").getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
    xml = without_passage_ids(etree.tostring(body, encoding="unicode"))
    assert ('<gap reason="truncated"/>' in xml) == cut
    assert any("stops mid-text" in d.message for d in cable.diagnostics) == cut


@pytest.mark.parametrize(
    ("title", "number", "senders", "addressees", "via"),
    [
        (
            "Memorandum, Vyshinsky to Filippov [Stalin] on the Draft Instructions",
            None,
            ["Vyshinsky"],
            ["Filippov"],
            [],
        ),
        (
            "Cable from Roshchin to Filippov [Stalin] Conveying a Message from Mao Zedong",
            None,
            ["Roshchin"],
            ["Filippov"],
            [],
        ),
        (
            "Ciphered Telegram, Filippov [Stalin] to Mao Zedong, with Instructions for Kim",
            None,
            ["Filippov"],
            ["Mao Zedong"],
            [],
        ),
        ("Cable No. 22481 from Mao Zedong to Filippov [Stalin]", "22481", ["Mao Zedong"],
         ["Filippov"], []),
        ("Cable No. 22481, Mao Zedong to Filippov [Stalin] (via Krasovsky)", "22481",
         ["Mao Zedong"], ["Filippov"], ["Krasovsky"]),
        ("Telegram from Zhou Enlai to Li Kenong, Conveying the Instructions of the CCP", None,
         ["Zhou Enlai"], ["Li Kenong"], []),
        ("Ciphered Telegram, Filippov [Stalin] to Krasovsky, for Mao Zedong", None,
         ["Filippov"], ["Mao Zedong"], ["Krasovsky"]),
        ("Telegram, Zhou Enlai to Kim Il Sung and Peng Dehuai, 1 July 1951", None,
         ["Zhou Enlai"], ["Kim Il Sung", "Peng Dehuai"], []),
    ],
)  # fmt: skip
def test_titles_whose_parties_are_followed_by_a_subject_or_a_channel(
    title: str, number: str | None, senders: list[str], addressees: list[str], via: list[str]
) -> None:
    """The addressee ends where the title's subject begins ('on …', 'Conveying …', ', with
    …'); a number before 'from' is the cable's; '(via X)' is an intermediary."""
    facts = read_title(title)
    found, sent, received, through = (
        facts.number,
        facts.senders,
        facts.addressees,
        facts.intermediaries,
    )
    assert found == number
    assert [p.name for p in sent] == senders
    assert [p.name for p in received] == addressees
    assert [p.name for p in through] == via


def test_every_translator_is_named() -> None:
    header = HEADER.replace(
        "l. 5.",
        "l. 5. Translated by Gary Goldberg and Sergey Radchenko. Translated by Shen Zhihua.",
    )
    cable = parse_bytes("t.txt", (header + "To Cde. FILIPPOV\n\nWe agree.\n").encode())
    assert cable.metadata.translators == ("Gary Goldberg", "Sergey Radchenko", "Shen Zhihua")
    resp = (
        encode_document(cable, "t")
        .getroot()
        .find(".//{*}respStmt[@{http://www.w3.org/XML/1998/namespace}id='translator']")
    )
    assert [p.text for p in resp.iterfind("{*}persName")] == list(cable.metadata.translators)


PDF_HEAD = (
    "                    Digital Archive                         digitalarchive.wilsoncenter.org\n"
)
PDF_EXPORT = (
    PDF_HEAD + "\nJuly 21, 1951\n        Cable No. 22481, Mao Zedong to Filippov [Stalin]\n\n"
    'Citation:\n      "Cable No. 22481, Mao Zedong to Filippov [Stalin]", July 21, 1951, Wilson'
    " Center\n      Digital Archive, APRF, f. 45, op. 1, d. 340, l. 30.\n\nSummary:\n      Mao"
    " reports.\n\nOriginal Language:\n      Russian\n\nContents:\n      Translation - English\n"
    + " " * 79
    + "1\n\f"
    + PDF_HEAD
    + "\nTo Cde. FILIPPOV [Stalin]\n\n"
    "     Is it possible to move the negotiations from Kae-\n\n"
    + " " * 79
    + "2\n\f"
    + PDF_HEAD
    + "song to another location, if the enemy demands this.\n\nMAO ZEDONG\n\n21.7.51\n\n"
    + " " * 79
    + "3\n"
)


def test_a_pdfs_page_numbers_are_its_page_breaks_not_text() -> None:
    """pdftotext sets each page's number at its foot; the export's page break carries it
    (pb[@n]), and a word hyphenated over the page turn is joined across it."""
    cable = parse_bytes("t.txt", PDF_EXPORT.encode())
    body = encode_document(cable, "t").getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
    xml = without_passage_ids(etree.tostring(body, encoding="unicode"))
    assert 'from Kae<pb ed="export" n="3"/><lb break="no" ed="export"/>song to' in xml
    assert not re.search(r">\s*[123]\s*<|>\s*[123]<pb", xml)  # no page number as text
    assert "<closer>" in xml and "truncated" not in xml


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        (
            "The talks resumed in Kaesong.[1] The Americans proposed a recess.[2]\n\n"
            "MAO ZEDONG\n\n[1] Kaesong was held by the Korean People's Army.\n"
            "[2] The recess lasted\ntwo days.\n",
            ["Kaesong was held by the Korean People's Army.", "The recess lasted two days."],
        ),
        (
            "The Americans proposed a recess of two days [1].\n\nMAO ZEDONG\n\n"
            "[1] The recess was later extended.\n",
            ["The recess was later extended."],
        ),
    ],
)
def test_footnotes_go_to_their_anchors(text: str, notes: list[str]) -> None:
    """Footnotes one to a line of a block, or anchored after a space: each at its anchor."""
    cable = _cable("To Cde. FILIPPOV [Stalin]\n\n" + text)
    body = encode_document(cable, "t").getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
    found = body.findall(".//{http://www.tei-c.org/ns/1.0}note[@place='foot']")
    assert [" ".join("".join(n.itertext()).split()) for n in found] == notes
    assert [n.get("n") for n in found] == [str(k) for k in range(1, len(notes) + 1)]
    paragraphs = body.findall(".//{http://www.tei-c.org/ns/1.0}p")
    assert len(paragraphs) == 1  # the footnotes left the flow
    assert "<supplied" not in etree.tostring(body, encoding="unicode")


@pytest.mark.parametrize(
    ("residue", "text"),
    [
        ("Levy Foundation &amp; the Korea Foundation", "Levy Foundation & the Korea Foundation"),
        ("your position&nbsp;– insist", "your position\u00a0– insist"),
        ("(see also [Cable No. 21843](https://digitalarchive.wilsoncenter.org/document/119420))",
         "(see also Cable No. 21843 (https://digitalarchive.wilsoncenter.org/document/119420))"),
        ("N $^{\\rm o}$ 21340", "Nº 21340"),
        ("[between] representatives & [Stalin]", "[between] representatives & [Stalin]"),
    ],
)  # fmt: skip
def test_residue_of_the_web_page_is_normalised(residue: str, text: str) -> None:
    """HTML entities and Markdown links are the page's markup, not the document's text (a
    link's brackets were read as an editorial bracket); the archive's own brackets stay."""
    assert normalise_residue(residue) == text


def test_markdown_emphasis_is_markup() -> None:
    export = decode_export("t.md", b"## **June 30, 1951**\n\nWe *fully* agree; 2 * 3 = 6.\n")
    assert export.layout == "markdown"
    assert [b.text for b in export.blocks] == ["June 30, 1951", "We fully agree; 2 * 3 = 6."]


@pytest.mark.parametrize(
    ("text", "nodes"),
    [
        ("Pak Khen En [sic; should be Pak Hon Yong] came",
         (Sic("Pak Khen En", "Pak Hon Yong"), Text(" came"))),
        ("до линии. [sic] Далее", (Text("до "), Sic("линии"), Text(". Далее"))),
        ("near Chengwen, [?] today", (Text("near "), Unclear("Chengwen"), Text(", today"))),
        ("the river Yalou [sic; should be Yalu] is",
         (Text("the river "), Sic("Yalou", "Yalu"), Text(" is"))),
    ],
)  # fmt: skip
def test_a_flag_takes_the_words_it_flags_and_no_stop(text: str, nodes: tuple) -> None:
    """A name corrected as a whole is flagged whole; the stop between a word and its
    bracket stays text after the flagged word."""
    assert parse_inline(text) == nodes


def test_a_stamp_or_a_note_may_hold_brackets_of_its_own() -> None:
    cable = _cable(
        "[stamp: Incoming N° 2480/sh of 21 [illegible] July 1951]\n\nTo Cde. FILIPPOV [Stalin]"
        "\n\nThe talks resumed. [Ed. note: A remark [illegible] by Stalin.]\n\nMAO ZEDONG\n"
    )
    body = encode_document(cable, "t").getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
    xml = without_passage_ids(etree.tostring(body, encoding="unicode"))
    illegible = '<gap reason="illegible" resp="#archive"><desc>illegible</desc></gap>'
    number = '<idno type="incoming">Incoming N° 2480/sh</idno>'
    assert f"<opener><stamp>{number} of 21 {illegible} July 1951</stamp>" in xml
    assert f'<note type="editorial" resp="#archive">A remark {illegible} by Stalin.</note>' in xml
    assert "[" not in "".join(body.itertext())


def test_points_lettered_in_either_alphabet_are_a_list() -> None:
    cable = _cable(
        "To Cde. FILIPPOV [Stalin]\n\nWe propose:\n\na) to cease fire;\nb) to withdraw the "
        "troops;\n\nв) обменяться пленными.\n\nA. Vyshinsky signed it.\n\nMAO ZEDONG\n"
    )
    lists = [p for p in cable.versions[-1].text.body if isinstance(p, PointList)]
    assert [[item.n for item in found.items] for found in lists] == [["a", "b", "в"]]
    assert isinstance(cable.versions[-1].text.body[-1], Paragraph)  # 'A. Vyshinsky …' is no point


@pytest.mark.parametrize(
    ("opener", "body"),
    [
        (
            "Подлежит возврату в 1-й отдел\nСекретариата МИД СССР\n\nИз МОСКВЫ\n\n"
            "ШИФРТЕЛЕГРАММА № 17493\n\nСнятие копий воспрещается\n\nПХЕНЬЯН\n\n"
            "СОВПОСОЛ - РАЗУВАЕВУ",
            "Посетите Ким Ир Сена и передайте ему от имени инстанции следующий ответ.\n\nГРОМЫКО",
        ),
        (
            "Subject to return to the 1st Section\nof the Secretariat of the USSR MFA\n\n"
            "From MOSCOW\n\nCIPHERED TELEGRAM No. 17493\n\nMaking copies is forbidden\n\n"
            "PYONGYANG\n\nSOVIET AMBASSADOR - TO RAZUVAEV",
            "Visit Kim Il Sung and give him our answer.\n\nGROMYKO",
        ),
    ],
)
def test_the_foreign_ministrys_form_is_an_opener(opener: str, body: str) -> None:
    """The Foreign Ministry's cables head their text otherwise than the General Staff's:
    a return notice, 'From MOSCOW', the destination on a line above the address."""
    cable = _cable(f"{opener}\n\n{body}\n")
    text = cable.versions[-1].text
    kinds = [part.kind for part in text.opener if isinstance(part, Furniture)]
    assert kinds == ["handling", "received", "doctype", "handling", "address", "address"]
    assert len(text.body) == 1


@pytest.mark.parametrize(
    ("ending", "cut"),
    [("a new channel was set up between", True), ("a new channel was set up.", False)],
)
def test_an_export_that_stops_in_a_footnote_is_partial(ending: str, cut: bool) -> None:
    """The footnotes' texts stand last in the export: one it stops in, mid-sentence, is
    placed at its anchor with the truncation's gap, and the document is partial."""
    cable = _cable(
        "To Cde. FILIPPOV [Stalin]\n\nThe channel through Bolshakov[1] was closed.\n\n"
        f"MAO ZEDONG\n\n[1] Georgi Bolshakov had been used as a go-between; {ending}\n"
    )
    assert cable.source.partial is cut
    (note,) = [n for n in cable.versions[-1].text.body[0].content if isinstance(n, Note)]
    assert (note.content[-1] == Gap("truncated")) is cut


def test_a_signature_gives_the_post_under_the_name_as_the_senders_role() -> None:
    cable = _cable(
        "To Comrade FILIPPOV [Stalin]\n\nWe ask you to send the advisers at once.\n\n"
        "MAO ZEDONG\nChairman of the Central People's Government\n"
    )
    (sender,) = cable.metadata.senders
    assert (sender.name, sender.role) == (
        "Mao Zedong",
        "Chairman of the Central People's Government",
    )


def test_a_stamp_the_archive_describes_is_a_stamp() -> None:
    (stamp,) = parse_inline('[Classification level blacked out: "NOT SECRET" Stamped]')
    assert stamp == Stamp((Text('Classification level blacked out: "NOT SECRET" Stamped'),))


def test_an_address_that_names_a_post_and_its_office() -> None:
    """'Secretary, Department of External Affairs, Dublin.': the office is addressed, the
    post is the role of the person the title names."""
    cable = _cable(
        "Secretary,\nDepartment of External Affairs,\nDublin, Ireland.\n\n"
        "The talks in Kaesong were resumed today after a break of two days.\n"
    )
    found = [(p.name, p.kind, p.role) for p in cable.metadata.addressees]
    assert found == [
        ("Filippov", "person", "Secretary"),
        ("Department of External Affairs", "org", None),
    ]


@pytest.mark.parametrize("leader", ["…", " . . . ", "........"])
def test_a_table_of_contents_is_a_list_of_its_entries(leader: str) -> None:
    cable = _cable(
        "The session opened at 4.45 p.m. and the President gave the floor to the first speaker."
        f"\n\nCONTENTS\n\nAgenda item 9:\n\nSpeech by Mr. Florit (Argentina){leader}33\n\n"
        f"Speech by Mr. Aiken (Ireland){leader}39\n\n72. Mr. AIKEN (Ireland): Mr. President, "
        "may I congratulate you on your election.\n"
    )
    (contents,) = [p for p in cable.versions[-1].text.body if isinstance(p, PointList)
                   and p.kind == "contents"]  # fmt: skip
    assert plain_text(contents.head) == "CONTENTS Agenda item 9:"  # (a line break between)
    assert [plain_text(i.content) for i in contents.items] == [
        f"Speech by Mr. Florit (Argentina){leader}33",
        f"Speech by Mr. Aiken (Ireland){leader}39",
    ]


def test_a_note_standing_before_the_furniture_is_the_openers() -> None:
    cable = _cable(
        "[Translator’s note: The Chinese names cannot be verified.]\n\nSecret\n\n"
        "Translation from Chinese\n\nThe delegation arrived on 5 July and met Cde. Stalin.\n"
    )
    text = cable.versions[-1].text
    assert isinstance(text.opener[0], NoteBlock)
    assert [p.kind for p in text.opener if isinstance(p, Furniture)] == ["handling", "handling"]
    assert len(text.body) == 1
    xml = serialise(encode_document(cable, "x")).decode()
    assert re.search(r'<opener>\s*<note type="translator"[^>]*>The Chinese', xml)


@pytest.mark.parametrize(
    ("head", "kinds"),
    [
        # a letterhead: the place printed under its office, in one block, is the office's
        (
            "SECRET\n\nTHE WHITE HOUSE\nWASHINGTON\n\nMEMORANDUM FOR THE RECORD",
            [("handling", "SECRET"), ("office", "THE WHITE HOUSE WASHINGTON"),
             ("doctype", "MEMORANDUM FOR THE RECORD")],
        ),
        # a place under a caption, in a block of its own, is where the document was written
        (
            "RECORD OF CONVERSATION\n\nwith Ambassador Petrov\n\nPyongyang",
            [("doctype", "RECORD OF CONVERSATION"), ("heading", "with Ambassador Petrov"),
             ("dateline", "Pyongyang")],
        ),
        # a caption's party clause names a post: the name under it is the holder's ...
        (
            "RECORD OF CONVERSATION\nof the Consul General of the USSR in Urumqi\nA. Savelyev\n"
            "with the Chairman of the Xinjiang Provincial Government\nBurhan Shahidi\n\n"
            "18 May 1950",
            [("doctype", "RECORD OF CONVERSATION"),
             ("heading", "of the Consul General of the USSR in Urumqi A. Savelyev with the "
              "Chairman of the Xinjiang Provincial Government Burhan Shahidi"),
             ("dateline", "18 May 1950")],
        ),
        # ... but where the clause names its holder, the line under it is the place
        (
            "RECORD OF CONVERSATION\nwith Ambassador Petrov\nPyongyang",
            [("doctype", "RECORD OF CONVERSATION"), ("heading", "with Ambassador Petrov"),
             ("dateline", "Pyongyang")],
        ),
        # a kind of document, letter-spaced, and the caption going on under it (D4)
        (
            "Secret\n\nI n f o r m a t i o n\non the actions of the Red Guards",
            [("handling", "Secret"), ("doctype", "Information"),  # hi: the word unspaced
             ("heading", "on the actions of the Red Guards")],
        ),
        # an address's second line: a rank, a title and a name with its initials after it
        (
            "Top secret\n\nTo the Chief of the General Staff of the Armed Forces of the USSR\n"
            "Army General Cde. SHTEMENKO S. M.",
            [("handling", "Top secret"),
             ("address", "To the Chief of the General Staff of the Armed Forces of the USSR "
              "Army General Cde. SHTEMENKO S. M.")],
        ),
        # an office and the dateline on one line (a copy that lost its layout)
        (
            "TOP SECRET\n\nEmbassy of the USSR in the DPRK Pyongyang, 5 March 1960",
            [("handling", "TOP SECRET"), ("office", "Embassy of the USSR in the DPRK"),
             ("dateline", "Pyongyang, 5 March 1960")],
        ),
        # a caption that ends in the document's date: the caption, then its dateline
        (
            "Record of conversation between Soviet Ambassador in China Apollon Petrov and Mao\n"
            "Zedong and Zhou Enlai. October 10, 1945.",
            [("heading", "Record of conversation between Soviet Ambassador in China Apollon "
              "Petrov and Mao Zedong and Zhou Enlai."),
             ("dateline", "October 10, 1945.")],
        ),
        # a subject under the address, unlabelled, before the text
        (
            "CONFIDENTIAL\n\nSecretary,\nDepartment of External Affairs,\nDublin, Ireland.\n\n"
            "Poland and Our Policy at U.N.O.",
            [("handling", "CONFIDENTIAL"),
             ("address", "Secretary, Department of External Affairs, Dublin, Ireland."),
             ("subject", "Poland and Our Policy at U.N.O.")],
        ),
        # a salutation's title, the name it hails on the next line
        (
            "Top Secret\n\nDear Cde.\nI. V. Stalin",
            [("handling", "Top Secret"), ("salute", "Dear Cde. I. V. Stalin")],
        ),
        # a stamp the archive describes, then a caption that runs on into its date
        (
            '[Classification level blacked out: "NOT SECRET" Stamped]\n\n'
            "RECORD OF CONVERSATION BETWEEN COMRADE I.V. STALIN AND CHAIRMAN MAO\n"
            "ZEDONG on 16 December 1949",
            [("heading", "RECORD OF CONVERSATION BETWEEN COMRADE I.V. STALIN AND CHAIRMAN MAO "
              "ZEDONG on 16 December 1949")],
        ),
        # a transmission log over two lines is one log
        (
            "ШИФРТЕЛЕГРАММА № 31704\n\nИз ПХЕНЬЯНА    Отправлено 13 час. 40 мин. 3.VIII.49\n"
            "               Получено 19 час. 10 мин. 3.VIII.49",
            [("doctype", "ШИФРТЕЛЕГРАММА № 31704"),
             ("received", "Из ПХЕНЬЯНА Отправлено 13 час. 40 мин. 3.VIII.49 Получено 19 час. "
              "10 мин. 3.VIII.49")],
        ),
        # a decision's item in a protocol: its number and its subject head the decision
        (
            "Строго секретно\n\nВыписка из протокола № 12 заседания Политбюро ЦК\n\n"
            "П12/45. О помощи Корейской Народно-Демократической Республике.",
            [("handling", "Строго секретно"),
             ("doctype", "Выписка из протокола № 12 заседания Политбюро ЦК"),
             ("heading", "П12/45. О помощи Корейской Народно-Демократической Республике.")],
        ),
        (
            "TOP SECRET\n\nExtract from Protocol No. 12 of the Politburo\n\n"
            "P12/45. On aid to the Korean People's Democratic Republic.",
            [("handling", "TOP SECRET"),
             ("doctype", "Extract from Protocol No. 12 of the Politburo"),
             ("heading", "P12/45. On aid to the Korean People's Democratic Republic.")],
        ),
    ],
)  # fmt: skip
def test_furniture_read_by_its_place_in_the_head(head: str, kinds: list[tuple[str, str]]) -> None:
    body = (
        "Заседание состоялось, как было условлено, и делегация доложила о его итогах."
        if re.search("[а-я]", head)
        else "The meeting was held as agreed, and the delegation reported on its results."
    )
    cable = _cable(f"{head}\n\n{body}\n")
    text = cable.versions[0].text
    found = [
        (part.kind, " ".join(plain_text(part.content).split()))
        for part in text.opener
        if isinstance(part, Furniture)
    ]
    assert found == kinds
    assert len(text.body) == 1


@pytest.mark.parametrize(
    "body",
    [
        "To Cde. FILIPPOV [Stalin]\n\nAt the session [U.S. Vice Admiral C.\nTurner] Joy spoke of "
        "Kae-\nsong [sic; possibly Kaesong][?] and of Pak Khen En [sic; should be Pak Hon Yong]."
        "\n\nMAO ZEDONG\n",
        "[stamp: Incoming N° 2480/sh of 21 [illegible] July 1951]\n\nTo Cde. FILIPPOV [Stalin]\n\n"
        "We propose:\n\na) to cease fire [two words illegible];\nb) to withdraw.[1]\n\n"
        "A. VYSHINSKY\n\n21.VII.51\n\n[1] Ten km.\n",
    ],
)
def test_what_these_rules_make_is_valid_tei(body: str, tmp_path: Path) -> None:
    """The elements the rules above make (breaks inside brackets, gaps, lettered points,
    footnotes, stamps holding brackets) are valid against the project's schemas."""
    cable = _cable(body)
    target = tmp_path / f"{document_id(cable)}.xml"
    target.write_bytes(serialise(encode_document(cable, document_id(cable))))
    report = validate_files([target])
    assert report.valid, report.summary() + "\n" + "\n".join(map(str, report.issues))


def test_a_short_chinese_translation_after_an_english_one_is_a_version() -> None:
    """Weighed letter for letter, a Chinese text of one short paragraph was too light to
    be cut from the English before it, and stood inside div[@xml:lang='en']."""
    header = HEADER.replace("Original Scan\nTranslation - English", "Translation - English\n"
                            "Translation - Chinese")  # fmt: skip
    text = "for Comrade MAO ZEDONG\n\nWe agree with your assessment.\n\nFILIPPOV\n\n"
    text += "毛泽东同志：\n\n我们同意你的估计。\n"
    cable = parse_bytes("t.txt", (header + text).encode())
    assert [(v.kind, v.lang) for v in cable.versions] == [
        ("translation", "en"),
        ("translation", "zh"),
    ]


def test_a_distribution_label_without_its_list_makes_no_empty_list(tmp_path: Path) -> None:
    """pdftotext set 'Distribution:' apart from the names under it: the TEI had an empty
    <list>, invalid against both schemas."""
    export = (
        PDF_EXPORT.replace(
            "MAO ZEDONG\n\n21.7.51\n", "MAO ZEDONG\n\n21.7.51\n\nDistribution:\n\n"
        ).replace(" " * 79 + "3\n", "")
        + "Cde. Ulbricht\nFile\n"
    )
    cable = parse_bytes("t.txt", export.encode())
    target = tmp_path / f"{document_id(cable)}.xml"
    target.write_bytes(serialise(encode_document(cable, document_id(cable))))
    assert '<list type="distribution"/>' not in target.read_text(encoding="utf-8")
    assert validate_files([target]).valid


@pytest.mark.parametrize(
    "credit",
    [
        "Obtained and translated for CWIHP by Kathryn Weathersby.",
        "Translation by Kathryn Weathersby.",
        "Translated and annotated by Kathryn Weathersby.",
    ],
)
def test_the_translator_in_other_words(credit: str) -> None:
    cable = parse_bytes(
        "t.txt", (HEADER.replace("l. 5.", f"l. 5. {credit}") + "We agree.\n").encode()
    )
    assert cable.metadata.translators == ("Kathryn Weathersby",)


def test_a_russian_date_with_a_roman_month_stays_in_its_version() -> None:
    """'1.VII.51' under a Russian signature: its Latin numerals made it English, and it
    moved into the translation's opener."""
    cable = _cable(
        "Товарищу ФИЛИППОВУ\n\nСогласны с вашей оценкой положения на фронте и переговоров"
        " в Кэсоне.\n\nА. ВЫШИНСКИЙ\n\n1.VII.51\n\nTo Cde. FILIPPOV [Stalin]\n\nWe agree"
        " with your assessment of the situation at the front and of the talks.\n\nA. VYSHINSKY"
        "\n\n1.VII.51\n"
    )
    assert [v.lang for v in cable.versions] == ["ru", "en"]
    assert all(len(v.text.closer) == 2 for v in cable.versions)  # signature and date


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("June 30, 1951", "1951-06-30"),
        ("30 June 1951", "1951-06-30"),
        ("1 July 1951 Cable No. 22481, Mao Zedong to Filippov [Stalin]", "1951-07-01"),
        ("01.07.51 Cable No. 22481, Mao Zedong to Filippov [Stalin]", "1951-07-01"),
        ("Cable No. 22481 of 01.07.51", None),  # a numeric date only leading the line
        ("31 June 1951", None),
    ],
)
def test_date_lines_in_the_forms_exports_use(line: str, iso: str | None) -> None:
    found = parse_date_line(line)
    assert (found[1].when if found else None) == iso


def test_ocr_look_alike_letters_do_not_hide_the_cables_parts() -> None:
    """OCR reads Cyrillic Р, С, Е as Latin P, C, E and 1 as I: the heading and the closer
    are still recognised, the text keeps the source's reading, and no date is misread
    ('I3.7.5I' was dated 3 July)."""
    cable = _cable(
        'ШИФPТЕЛЕГPАММА № 2I758\n\nИз ПЕКИНА получена 22.40 13.7.I95I г.\n\nCEPИЯ "Г"\n\n'
        "Товарищу ФИЛИППОВУ\n\nСегодня тов. Мао Цзэ-дун принял меня.\n\nКPАСОВСКИЙ\n\n"
        "№ 0612 I3.7.5I\n\nрасш. Елезов 23.30 13.7\n"
    )
    text = cable.versions[0].text
    assert [p.kind for p in text.opener if isinstance(p, Furniture)] == [
        "doctype",
        "received",
        "series",
        "salute",
    ]
    # the signature, the number, its date (a part of its own), the clerk's note
    assert len(text.body) == 1 and len(text.closer) == 4
    xml = etree.tostring(encode_document(cable, "t").getroot(), encoding="unicode")
    assert "<persName>КPАСОВСКИЙ</persName>" in xml  # as the source reads it
    assert 'when="1951-07-03"' not in xml


def test_a_summary_keeps_its_paragraphs(tmp_path: Path) -> None:
    header = HEADER.replace(
        "Summary:\n\nA test.\n", "Summary:\n\nA test.\n\nAnd a second\nparagraph.\n"
    )
    cable = parse_bytes("t.txt", (header + "To Cde. FILIPPOV\n\nWe agree.\n").encode())
    assert cable.metadata.summary == ("A test.", "And a second paragraph.")
    target = tmp_path / f"{document_id(cable)}.xml"
    target.write_bytes(serialise(encode_document(cable, document_id(cable))))
    abstract = etree.parse(str(target)).find(".//{*}abstract")
    assert [p.text for p in abstract] == list(cable.metadata.summary)
    assert validate_files([target]).valid


@pytest.mark.parametrize(
    "first",
    ["Cde. Mao Zedong asked that the following be conveyed to you:",
     "Тов. Мао Цзэ-дун просил передать вам следующее:"],
)  # fmt: skip
def test_a_sentence_that_begins_with_a_title_is_no_salute(first: str) -> None:
    cable = _cable(f"To Cde. FILIPPOV [Stalin]\n\n{first}\n\nWe agree.\n\nKRASOVSKY\n")
    text = cable.versions[-1].text
    salutes = [p for p in text.opener if isinstance(p, Furniture) and p.kind == "salute"]
    assert len(salutes) == 1 and len(text.body) == 2


def test_markdown_quotation_marks_are_markup() -> None:
    export = decode_export(
        "t.md", b'## **June 30, 1951**\n\nHe read me:\n\n> "Comrade Nam Il!\n>\n> Insist.\n'
    )
    assert [b.text for b in export.blocks] == [
        "June 30, 1951",
        "He read me:",
        '"Comrade Nam Il!',
        "Insist.",
    ]


def test_a_bracket_cut_by_a_pdfs_page_turn_is_one_bracket() -> None:
    """'Kaidzio [sic; possibly' at a page's foot, 'Kaesong].' on the next page: the
    paragraph was cut in two and both halves kept literal brackets (invalid TEI)."""
    export = PDF_EXPORT.replace(
        "Is it possible to move the negotiations from Kae-\n",
        "Is it possible to move the negotiations to Kaidzio [sic; possibly\n",
    ).replace("song to another location", "Kaesong] or to another location")
    cable = parse_bytes("t.txt", export.encode())
    body = encode_document(cable, "t").getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
    xml = without_passage_ids(etree.tostring(body, encoding="unicode"))
    # 'possibly': a doubtful correction
    assert '<sic>Kaidzio</sic><corr resp="#archive" cert="low"><pb ed="export" n="3"/>' in xml
    assert "[" not in "".join(body.itertext()) and "possibly" not in xml


def test_a_note_whose_label_runs_over_a_line_end_in_a_pdf() -> None:
    """'… the talks. [Ed.' | 'note: …]': the short line ended a paragraph, and each half
    kept a literal bracket (or the label became supplied words)."""
    export = PDF_EXPORT.replace(
        "Is it possible to move the negotiations from Kae-\n",
        "We should not break off the talks. [Ed.\nnote: Underlined by hand.] Report from Kae-\n",
    )
    body = encode_document(parse_bytes("t.txt", export.encode()), "t").getroot()
    xml = etree.tostring(body.find(".//{http://www.tei-c.org/ns/1.0}body"), encoding="unicode")
    assert '<note type="editorial" resp="#archive">Underlined by hand.</note>' in xml
    assert "Ed." not in xml


@pytest.mark.parametrize(
    ("line", "kind"),
    [("Sent to: Cdes. Stalin, Molotov", "ClerkNote"),
     ("Разослано: тт. Сталину, Молотову", "Distribution")],
)  # fmt: skip
def test_whom_a_cable_was_sent_to_closes_it(line: str, kind: str) -> None:
    """The secretariat's distribution line after the signature closed nothing: the
    signature stayed a paragraph and the line, with no stop, was taken for a text cut off."""
    cable = _cable(f"To Cde. VYSHINSKY\n\nKelly came to me.\n\nMALIK\n\n{line}\n")
    closer = cable.versions[-1].text.closer
    assert [type(p).__name__ for p in closer] == ["Signed", kind]
    assert not any("stops mid-text" in d.message for d in cable.diagnostics)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Liu [Shaoqi] Gao [Gang] Wang Jiaxiang] came.", Supplied("Jiaxiang")),
        ("[handwritten in the left Yes! [our] answer", Supplied("our")),
    ],
)
def test_an_unbalanced_bracket_is_read_and_reported(text: str, kept: Supplied) -> None:
    """A ']' that closes no bracket closes one opened at the word before it; a '[' never
    closed runs to the end of its block (ENCODING.md); both are reported, and no bracket
    is left as text."""
    ctx = InlineContext()
    nodes = parse_inline(text, ctx)
    assert ctx.unbalanced
    assert not any("[" in n.text or "]" in n.text for n in nodes if isinstance(n, Text))
    if text.count("]") > text.count("["):  # read by the bracket's own rule
        assert any(getattr(n, "text", None) == kept.text for n in nodes if not isinstance(n, Text))
    else:
        assert isinstance(nodes[0], Added) and kept in nodes[0].content


@pytest.mark.parametrize(
    ("cited", "repository", "shelfmark", "pages"),
    [
        ("PRC FMA 106-00142-03, 15-17", "PRC FMA", "106-00142-03", ("15", "17")),
        ("Bundesarchiv Koblenz, B 136/59748, Bl. 212-214", "Bundesarchiv Koblenz", "B 136/59748",
         ("212", "214")),
        ("National Archives and Records Administration, RG 59, Lot 55D128, Box 4",
         "National Archives and Records Administration", "RG 59, Lot 55D128, Box 4", (None, None)),
    ],
)  # fmt: skip
def test_references_in_the_archives_styles(
    cited: str, repository: str, shelfmark: str, pages: tuple[str | None, str | None]
) -> None:
    """A repository's acronym with its file number glued on, a German archive's 'Bl.', a
    bare page range, an American record group: one copy each, its signature as given."""
    (copy,) = parse_references(cited)
    assert (copy.repository, copy.shelfmark) == (repository, shelfmark)
    assert (copy.locus_from, copy.locus_to) == pages


@pytest.mark.parametrize(
    ("title", "senders", "addressees"),
    [
        ("Resolution of the VKP(b) CC Politburo, 'On Sending Soviet Specialists to the PRC'",
         ["VKP(b) CC Politburo"], []),
        ("Resolution of the USSR Council of Ministers on Aid to the DPRK",
         ["USSR Council of Ministers"], []),
        ("Letter from Con Cremin, ‘The Representation of China’", ["Con Cremin"], []),
        ("Vyshinsky to Stalin, transmitting a Letter from Pak Hon Yong", ["Vyshinsky"], ["Stalin"]),
        ("Cable from Zhou Enlai to Mao on the Draft Agreement", ["Zhou Enlai"], ["Mao"]),
        ("Report from Chief Military Adviser Vasiliev to Chief of the General Staff Shtemenko",
         ["Vasiliev"], ["Shtemenko"]),
    ],
)  # fmt: skip
def test_a_titles_subject_is_not_a_party(
    title: str, senders: list[str], addressees: list[str]
) -> None:
    """The subject after the parties (', on …', a quoted one, 'transmitting …') names no
    correspondent, even when it holds a ' to ' of its own; a role ending in an office word
    ('Chief of the General Staff') is the role, not the name."""
    facts = read_title(title)
    assert [p.name for p in facts.senders] == senders
    assert [p.name for p in facts.addressees] == addressees


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Date: 10/9/50\n\nSubject: Talks", "1950-10-09"),  # an American office: month first
        ("Решение от 30 июня 1951 г.\n\nО направлении специалистов", "1951-06-30"),
    ],
)
def test_a_page_without_a_date_takes_its_dateline(text: str, when: str) -> None:
    """No date line, no citation: the document's date is its own dateline's."""
    page = (
        "Memorandum for the Record\n\nCitation:\n\n“Memorandum for the Record,” History and "
        f"Public Policy Program Digital Archive.\n\nDEPARTMENT OF STATE\n\n{text}\n\nWe talked.\n"
    )
    document = parse_bytes("t.txt", page.encode())
    assert document.metadata.date is not None
    assert document.metadata.date.value.when == when


def _page(title: str, body: str) -> str:
    return (
        f"June 30, 1951\n\n{title}\n\nCitation:\n\n“{title},” June 30, 1951, History and Public "
        f"Policy Program Digital Archive.\n\nContents:\n\nEnglish Translation\n\n{body}\n"
    )


@pytest.mark.parametrize(
    ("title", "head", "addressees", "roles"),
    [
        ("Message from Bagirov on the Situation",
         "to Cde. Stalin\n\nto Cde. Molotov\n\nto Cde. Beriya", ["Stalin", "Molotov", "Beriya"],
         [None, None, None]),
        ("Cable from Liu Shaoqi to Mao Zedong", "To the Center, to Chairman Mao:",
         ["Mao Zedong", "Center"], ["Chairman", None]),
        ("Letter from Lebedev to Kim Il Sung",
         "To the Chairman of the North Korean People’s Committee Comrade\nKIM IL SUNG",
         ["Kim Il Sung"], ["Chairman of the North Korean People’s Committee"]),
        ("Cable from the Embassy in Hungary",
         "To the Foreign Ministry and Party Central Committee:",
         ["Foreign Ministry", "Party Central Committee"], [None, None]),
        ("Letter from Cremin to Boland", "Dear Freddie,", ["Boland"], [None]),
    ],
)  # fmt: skip
def test_the_texts_head_completes_the_addressees(
    title: str, head: str, addressees: list[str], roles: list[str | None]
) -> None:
    """The address lines and salutation complete the title's addressees: each 'to X' line
    one more, the role an address gives, offices named together; a salutation by first
    name adds no one."""
    document = parse_bytes("t.txt", _page(title, f"{head}\n\nWe report.\n").encode())
    found = document.metadata.addressees
    assert [p.name for p in found] == addressees
    assert [p.role for p in found] == roles


def test_an_address_to_the_addressee_names_no_intermediary() -> None:
    """'MOSCOW — TO CDE. MOLOTOV' under a cable to Molotov is its address, not a channel;
    'BEIJING—TO KRASOVSKY' under a cable to Mao is one."""
    to_molotov = _page(
        "Ciphered Telegram, Kuznetsov to Molotov", "MOSCOW — TO CDE. MOLOTOV\n\nWe report."
    )
    to_mao = _page(
        "Ciphered Telegram, Filippov to Mao Zedong", "BEIJING—TO KRASOVSKY\n\nWe report."
    )
    assert parse_bytes("a.txt", to_molotov.encode()).metadata.intermediaries == ()
    (via,) = parse_bytes("b.txt", to_mao.encode()).metadata.intermediaries
    assert via.name == "KRASOVSKY"


def test_a_transcripts_double_slash_is_its_page_turn() -> None:
    """'на материке // Китая': a Russian transcript marks the original's page turn with
    '//' (a pb of the document's own); a URL's slashes are no page turn."""
    nodes = parse_inline("на материке // Китая, см. https://example.org/a//b")
    assert nodes.count(PageBreak()) == 1
    assert not any("//" in n.text for n in nodes if isinstance(n, Text))


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("in Beiping [Beijing] with general Fu Zuoyi.", Identification("Beijing")),
        ("the Guomindang\ue000[Kuomintang] forces", Identification("Kuomintang")),
        ("by Tan [Tang] Wenhua, who", Sic("Tan", "Tang")),
        ("Zhong [Zheng?] said", Sic("Zhong", "Zheng", "low")),
        ("near Shikho [sic, possibly Shihezi?], where", Sic("Shikho", "Shihezi", "low")),
    ],
)
def test_another_name_or_another_reading(text: str, node: object) -> None:
    """A name's other name after it, on its line or the next, identifies it (D6); a reading
    inside a name ('Tan [Tang] Wenhua') or a doubtful one is an alternative reading
    (ENCODING's `choice` of `sic` and `corr`), '?' making it doubtful."""
    assert node in parse_inline(text)


@pytest.mark.parametrize(
    ("text", "place", "hand", "words"),
    [
        ("[In the margin, handwritten by Stalin: “Correct. St.”]", "margin",
         "handwritten by Stalin", "Correct. St."),
        ("[handwritten in the left 3. What is this?: Is this a president?\"]", "margin",
         "handwritten", "3. What is this?: Is this a president?"),
        ("[handwritten in the\ue000left 8. But the compradors?]", "margin", "handwritten",
         "8. But the compradors?"),
        ("[Handwritten across the upper left-hand corner: \"To the file.\"]", "top", "handwritten",
         "To the file."),
    ],
)  # fmt: skip
def test_a_hands_label_and_its_words(text: str, place: str, hand: str, words: str) -> None:
    """A hand's bracket: its label (place first or after, over a line end) is only the
    place's and hand's words, a colon in the hand's own words is theirs; the quotation
    marks round the words are the editors'."""
    (added,) = parse_inline(text)
    assert isinstance(added, Added)
    assert (added.place, added.hand, plain_text(added.content)) == (place, hand, words)


@pytest.mark.parametrize("word", ["s promysh-kami", "ukazaniya", "s mest", "pod."])
def test_the_originals_wording_in_latin_letters(word: str) -> None:
    """Russian words in the Latin alphabet, by their prepositions and endings too."""
    (note,) = parse_inline(f"[{word}]")
    assert note == Note("original-wording", (Text(word),))


def test_a_quotation_mark_that_opens_nothing_is_no_letter_of_the_original_wording() -> None:
    """'[[ pod."]]': the mark stays, after the word; a soft sign's apostrophe is a letter."""
    assert parse_inline('sign [ pod."]') == (
        Text("sign "),
        Note("original-wording", (Text("pod."),)),
        Text('"'),
    )
    assert parse_inline("district [oblast']")[1] == Note("original-wording", (Text("oblast'"),))


def test_an_unlabelled_pages_last_words_about_its_title_are_its_summary() -> None:
    """A page copied without labels ends with the archive's summary (cut with the page):
    its sentence speaks of the title's parties, it is no text of the document."""
    page = (
        "September 28, 1950\nTelegram, Gromyko to Cde. I.V. Stalin, Transmitting Letter from "
        "Kim Il Sung\nThis document was made possible with support from Leon Levy Foundation\n"
        "to Cde. I. V. STALIN\nI am sending the original of a letter.\nIt reached us today.\n"
        "I report the other letters too.\n"
        "Kim Il Sung expresses his gratitude. In his telegram Gromyko informs Stalin of other "
        "letters from Kim Il Sung concerning the training of pil\n"
    )
    document = parse_bytes("t.txt", page.encode())
    assert document.metadata.summary[0].startswith("Kim Il Sung expresses his gratitude.")
    assert "expresses" not in repr(document.versions)


@pytest.mark.parametrize(
    ("head", "kinds"),
    [
        ("COUNCIL OF MINISTERS OF THE USSR\n\nRESOLUTION No. 2187\n\nOn Aid to the KPDR\n\n"
         "for the Restoration of the National Economy\n\n"
         "The Council of Ministers of the USSR RESOLVES:",
         ["office", "doctype", "heading"]),
        ("A Telegram about the Meeting of Stalin with the Communist Party's\n"
         "Delegation (18 July 1949)\n\nTo the Center, to Chairman Mao:",
         ["heading", "salute"]),
    ],
)  # fmt: skip
def test_a_caption_goes_on_over_its_lines(head: str, kinds: list[str]) -> None:
    """A caption's further line (in lower case, or after a possessive) is the caption's, not
    a salutation or a dateline; a decree's enacting formula is its text."""
    document = parse_bytes(
        "t.txt", _page("Resolution of the Council", f"{head}\n\n1. To grant aid.").encode()
    )
    opener = document.versions[-1].text.opener
    assert [p.kind for p in opener if isinstance(p, Furniture)] == kinds


@pytest.mark.parametrize(
    ("title", "head", "kind"),
    [
        ("Message from Bagirov on the Situation", "No. 17\n\nto Cde. Stalin\n\nWe report the "
         "situation in Iranian Azerbaijan.", "report"),
        ("Message from Mao Zedong to Filippov", "CIPHERED TELEGRAM No. 2617\n\nWe report the "
         "situation at the front.", "cable"),
    ],
)  # fmt: skip
def test_a_message_that_reports_without_a_telegrams_form(title: str, head: str, kind: str) -> None:
    """D1: a 'Message' that reports a situation, with no telegram's head or log, is a
    report; with them, a cable."""
    document = parse_bytes("t.txt", _page(title, head).encode())
    assert document.metadata.kind == kind


@pytest.mark.parametrize(
    ("title", "head", "name", "role"),
    [
        ("Letter from Con Cremin, ‘The Representation of China’",
         "Mr. F. H. Boland, Permanent Representative of Ireland to the United Nations, New York."
         "\n\nDear Freddie,", "F. H. Boland", "Permanent Representative of Ireland to the "
         "United Nations"),
        ("Report, GDR Embassy in Hanoi, 'On the Plenum'",
         "To the\nMinistry of Foreign Affairs\nFar Eastern Department\nBerlin\n\nRe: the Plenum",
         "Ministry of Foreign Affairs", None),
        ("Cable from the Chinese Embassy in the DPRK, 'Kim Il Sung on the Plan'",
         "Foreign Ministry:", "Foreign Ministry", None),
        ("List of Questions, Prepared by V.V. Kuznetsov", "To Cde. V. M. Molotov",
         "V. M. Molotov", None),
    ],
)  # fmt: skip
def test_the_addressee_of_an_address_block(
    title: str, head: str, name: str, role: str | None
) -> None:
    """A postal address (name, post, place), an office over lines under 'To the', an office
    hailed: the addressee the title does not name; any kind of document but a record's."""
    document = parse_bytes(
        "t.txt", _page(title, f"{head}\n\nWe have the honour to report.").encode()
    )
    (party,) = document.metadata.addressees
    assert (party.name, party.role) == (name, role)


@pytest.mark.parametrize(
    ("text", "nodes"),
    [
        ("Taiyuqin [sic; ed. note— perhaps Taiyuan] was", [Sic("Taiyuqin", "Taiyuan", "low")]),
        ("Xinxibo [sic, Xibaipo], which", [Sic("Xinxibo", "Xibaipo")]),
        ("the groups [SIC, plural] are", [Sic("groups"), Note("explanation", (Text("plural"),))]),
        ("how they manage… [sic, the remainder of the document is missing].",
         [Gap("missing", "the remainder of the document is missing")]),
    ],
)  # fmt: skip
def test_what_a_sic_bracket_adds(text: str, nodes: list[object]) -> None:
    """After 'sic': a correction after the word that says it is one ('perhaps' doubtful),
    a name alone, a remark (noted), or the document's lost end (a gap)."""
    found = parse_inline(text)
    for node in nodes:
        assert node in found


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("into our power [arrangements]. In case", Supplied("arrangements")),
        ("the archives of the Rhee Syngmann [South Korean] government", Supplied("South Korean")),
    ],
)
def test_words_that_read_as_part_of_the_sentence_are_supplied(text: str, node: object) -> None:
    """D6: an English plural is no Russian word in Latin letters; a nationality before the
    noun it qualifies is supplied, not another name of the name before it."""
    assert node in parse_inline(text)


@pytest.mark.parametrize("dots", ["...", ". . .", "…"])
def test_a_paragraph_of_dots_alone_is_an_omission(dots: str) -> None:
    """D9: a paragraph that is only dots marks what the editors left out."""
    talk = "We talked about the situation at the front for an hour."
    page = _page("Record of Conversation between A and B", f"{talk}\n\n{dots}\n\nWe agreed.")
    body = parse_bytes("t.txt", page.encode()).versions[-1].text.body
    assert any(isinstance(part, Gapped) for part in body)


PARTY_PARTS = (
    "Below we give what we know of the two parties of the front.\n\n"
    "1. The Democratic Party.\n\n"
    "The Democratic Party was founded in 1944 by students and officials.\n\n"
)


@pytest.mark.parametrize(
    ("body", "partial"),
    [
        (PARTY_PARTS, True),
        (
            PARTY_PARTS + "2. The Socialist Party.\n\n"
            "The Socialist Party was founded in 1946 by teachers.\n",
            False,
        ),
        (PARTY_PARTS + "Ambassador\n\nI. Petrov\n", False),
        ("The front has one party.\n\nThe Democratic Party was founded in 1944.\n", False),
    ],
    ids=["first-part-only", "two-parts", "signed", "no-parts"],
)
def test_a_text_that_ends_in_the_first_of_its_numbered_parts_stops_there(
    body: str, partial: bool
) -> None:
    """No author numbers one part alone: a text without a closer that ends in its part 1
    is a page copied that far (a truncation gap, a warning that says why), though its last
    sentence is whole; a second part, or a signature, shows the text complete."""
    document = parse_bytes("t.txt", _page("Information on the Parties of the Front", body).encode())
    assert document.source.partial == partial
    assert any("first of its numbered parts" in d.message for d in document.diagnostics) == partial
    xml = etree.tostring(encode_document(document, "t").getroot(), encoding="unicode")
    assert ('<gap reason="truncated"/>' in xml) == partial
    # 'Information on …' names a subject, no sender (the signature alone may name one)
    assert [p.name for p in document.metadata.senders] == (
        ["I. Petrov"] if "Petrov" in body else []
    )


MASTHEAD = (
    "United Nations\n\nGENERAL ASSEMBLY\n\nTenth Session\n\nOfficial Records\n\n530th\n\n"
    "PLENARY MEETING\n\nTuesday, 20 September 1955, at 3.15 p.m.\n\nNEW YORK\n\n"
    "1. The PRESIDENT: I declare open the general debate of the tenth session.\n"
)


def test_a_records_masthead_gives_its_series_meeting_and_dateline() -> None:
    """The masthead of a body's official records: the session and the records are series,
    the meeting's number over its name one heading, the date, the time (afternoon) and the
    place one dateline; the text begins after them."""
    document = parse_bytes("t.txt", _page("Address by the President", MASTHEAD).encode())
    text = document.versions[0].text
    parts = [(p.kind, plain_text(p.content)) for p in text.opener if isinstance(p, Furniture)]
    assert parts[2:] == [
        ("series", "Tenth Session"),
        ("series", "Official Records"),
        ("heading", "530th PLENARY MEETING"),
        ("dateline", "Tuesday, 20 September 1955, at 3.15 p.m. NEW YORK"),
    ]
    xml = etree.tostring(encode_document(document, "t").getroot(), encoding="unicode")
    assert '<time when="15:15:00">3.15 p.m.</time>' in xml
    assert "<p>NEW YORK</p>" not in xml and "<p><placeName" not in xml


@pytest.mark.parametrize(
    ("title", "author"),
    [
        ("Statement by V. V. Kuznetsov in the Security Council on the Congo", "V. V. Kuznetsov"),
        ("Speech by Zhou Enlai at the Second Session of the National People's Congress",
         "Zhou Enlai"),
        ("Journal of Soviet Ambassador in the DPRK A. M. Puzanov for 7 March 1960",
         "A. M. Puzanov"),
    ],
)  # fmt: skip
def test_where_a_speech_was_made_is_no_part_of_its_author(title: str, author: str) -> None:
    assert [party.name for party in read_title(title).authors] == [author]


def test_the_editors_quotation_marks_round_a_hands_words_go_though_the_words_begin_a_line() -> None:
    """'[handwritten:' | '"to Cdes. … 9 April 1960"]': the marks are the editors', the line
    break before the words stays the hand's."""
    content = parse_inline(f'[handwritten:{LB}"to Cdes. Varnov and Samsonov{LB}9 April 1960"]')
    assert content == (
        Added(
            (LineBreak(), Text("to Cdes. Varnov and Samsonov"), LineBreak(), Text("9 April 1960")),
            None,
            "handwritten",
        ),
    )


@pytest.mark.parametrize(
    ("text", "abbreviation"),
    [
        ("the CC CPC [Central Committee of the Communist Party of China] asks", "CC CPC"),
        ("from CC VKP/b/ [All-Union Communist Party of bolsheviks].", "VKP/b/"),
        (f"the CC{LB}CPC [Central Committee of the Communist Party of China] asks", f"CC{LB}CPC"),
        (f"FOR CONVENING THE{LB}PCM [POLITICAL CONSULTATIVE MEETING]", "PCM"),
    ],
)
def test_an_abbreviation_is_what_its_spelling_out_begins_with(text: str, abbreviation: str) -> None:
    """The words in capitals before the bracket from the first, short, that begins as the
    bracket does ('CC' is not 'All-Union …'), over a line's end too; a head's last word."""
    (expansion,) = [node for node in parse_inline(text) if isinstance(node, Expansion)]
    assert expansion.abbr == abbreviation


@pytest.mark.parametrize(
    ("text", "original", "wording"),
    [
        ("it is disadvantageous [buli] for imperialism", "zh", True),
        ("the possibility of war [neng chuwai] is", "zh", True),
        ("S[talin] said", "zh", False),  # letters of a word
        ("by [deducing] from it", "zh", False),  # an English word
        ("it is disadvantageous [buli] for imperialism", "ru", False),  # no Chinese original
    ],
)
def test_the_originals_wording_in_pinyin(text: str, original: str, wording: bool) -> None:
    """A Chinese original's words in pinyin, in brackets (D9): lower-case words of pinyin's
    syllables, standing apart, in a document whose original is Chinese."""
    nodes = parse_inline(text, InlineContext(original=original))
    notes = [n for n in nodes if isinstance(n, Note) and n.kind == "original-wording"]
    assert bool(notes) == wording
    assert all(n.lang == "zh-Latn-pinyin" for n in notes)
