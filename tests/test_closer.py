"""The end of a document (ENCODING.md v2 text/body, Numbers): its kinds of line read by
their form and words, the parts they make, and the numbers of the furniture."""

from __future__ import annotations

import pytest
from lxml import etree

from cablegram.encode.tei import encode_document
from cablegram.model import (
    Added,
    ClerkNote,
    CloserLine,
    CopyNumber,
    Dateline,
    Distribution,
    Furniture,
    Gap,
    Milestone,
    Name,
    Number,
    Signed,
    Spaced,
    Stamp,
    StampBlock,
    Text,
    When,
    plain_text,
)
from cablegram.parse import parse_bytes
from cablegram.parse.closer import line_pieces, mark_clerk
from cablegram.parse.inline import parse_inline
from cablegram.parse.marks import furniture_numbers, mark_numbers
from conftest import without_passage_ids

HEADER = """July 9, 1951 Letter from Someone to Someone Else

Citation:

"Letter from Someone to Someone Else", July 9, 1951, Wilson Center Digital Archive.

Summary:

A test.

Original Language:

English

Contents:

English Translation

"""
TEXT = "Dear Comrade,\n\nI met the Minister today. He said that the talks would go on.\n\n"


def _document(body: str):
    return parse_bytes("t.txt", (HEADER + body).encode())


def _closer(body: str) -> tuple:
    return _document(TEXT + body).versions[0].text.closer


def _closer_xml(body: str) -> str:
    root = encode_document(_document(TEXT + body), "t").getroot()
    closer = root.find(".//{http://www.tei-c.org/ns/1.0}closer")
    assert closer is not None
    xml = without_passage_ids(etree.tostring(closer, encoding="unicode"))
    return xml.replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")


def _kinds(parts: tuple) -> list[str]:
    return [type(part).__name__ for part in parts]


def _text(nodes: tuple) -> str:
    return "".join(
        n.text if isinstance(n, Text | When | Number | CopyNumber) else "" for n in nodes
    )


@pytest.mark.parametrize(
    ("line", "pieces"),
    [
        # closing formulas, in several languages, with the archive's '(Sd).' after one
        ("Yours sincerely,", ["salute"]),
        ("Yours sincerely, (Sd).", ["salute"]),
        ("С коммунистическим приветом", ["salute"]),
        ("Mit freundlichen Grüßen", ["salute"]),
        ("Please accept, Comrade Liu Shaoqi, the assurances of my highest respect.", ["salute"]),
        ("With fraternal greetings, Ho Chi Minh", ["salute", "name"]),
        # signatories: a post or an office, a name, a signature, a rank
        ("USSR AMBASSADOR IN THE DPRK", ["role"]),
        ("Посол СССР в Китае", ["role"]),
        ("chargé d'affaires a.i.", ["role"]),
        ("Administrator of Affairs of the Council of Ministers", ["role"]),
        ("Зам. министра иностранных дел СССР", ["role"]),
        ("Leiter der Abteilung", ["role"]),
        ("gez. Kohl", ["name"]),
        ("Foreign Ministry", ["role"]),
        ("驻朝鲜使馆", ["role"]),
        ("Ambassador of the USSR in China A[pollon] Petrov.", ["name"]),
        ("K. P. S. Menon", ["name"]),
        ("(Osterheld)", ["name"]),
        ("(-) Knothe", ["name"]),
        ("S H T Y K O V", ["name"]),
        ("S. C H E R V O N E N K O", ["name"]),
        ("Recorded by comr. Fedorenko.", ["name"]),
        ("[signature illegible 31/XII]", ["sign"]),
        ("[подпись]", ["sign"]),
        ("ПОЛКОВНИК", ["sign"]),
        # several parts on one line
        ("5.XI.62 A. DOBRYNIN", ["date", "name"]),
        ("MAJOR GENERAL N. LEBEDEV 30.XII.194[illegible]", ["name", "date"]),
        ("[Chinese signature] Gao Gang 10 February 1952", ["name", "date"]),
        ("No. 1873 3.11.50 Deciphered by Lebedeva 03.40 3.11", ["number", "date", "clerk"]),
        ("MAO ZEDONG Nº: 3444 11 July", ["name", "number", "date"]),
        ('Li Kenong. 1145 10 July 1951".', ["name", "date"]),
        # numbers and datelines
        ("No. 1154/sh.", ["number"]),
        ("Nº [handwritten: 328/ag] [signature]", ["number"]),
        ("Hanoi, 3 July 1966", ["date"]),
        ("Bonn, den 25. Juli 1991", ["date"]),
        ("Москва, 7 июля 1951 г.", ["date"]),
        ("13 September of this year", ["date"]),
        ("17th October, 1958.", ["date"]),
        ("一九五七年九月十三日", ["date"]),
        ("30.6 16.50 пекинского времени", ["date"]),
        # clerks' notes and the distribution of copies
        ("Five copies printed", ["clerk"]),
        ("Received at the Office: 1 November, issued: 2 November at 10:00", ["clerk"]),
        ("Drafted by: EUR:SOV:RHDavies 10/14/59", ["clerk"]),
        ("расш. Елезов 15.50 30.6 отп. Корнюшина 16.00 30.6", ["clerk", "clerk"]),
        ("1 - Cde. A. A. Gromyko", ["item"]),
        ("Экз. № 2 - в дело", ["item"]),
        ("экз. № 3-4 - дело", ["clerk"]),  # copies kept: the clerk's note
        ("To all Provincial Premiers.", ["to"]),
        ("Copies: Stalin (2), Molotov", ["label"]),
        ("Выписки посланы: тт. Тевосяну, Бещеву", ["label"]),
        ("——————", ["end"]),
    ],
)
def test_a_closers_line_is_read_into_its_parts(line: str, pieces: list[str]) -> None:
    found = line_pieces(line)
    assert found is not None, line
    assert [kind for kind, _ in found] == pieces
    assert " ".join(text for _, text in found) == " ".join(line.split())  # nothing lost


@pytest.mark.parametrize(
    "line",
    [
        "We ask your orders.",
        "Report execution by telegraph.",
        "The Ambassador said he would report the Secretary's views to his Government.",
        "2 января состоится консилиум врачей.",
        "From Beijing",  # a sentence's first words, no one's name
        "Party CC",  # an institution's words
        "END OF DOCUMENT",  # capitals, but no one's name
        "The Deputy C",  # a word the export cut
        "Conversation of 15 July",
        "Sent 2.11.50 20.15 Received 3.11.50. Zhou Enlai asked me to convey the telegram.",
    ],
)
def test_running_text_is_no_closers_line(line: str) -> None:
    assert line_pieces(line) is None


def test_a_signature_goes_on_until_it_names_someone() -> None:
    """Role, the signature, the name under it: one signatory (the name in parentheses a
    person's name); a role under a name is that name's."""
    closer = _closer("USSR AMBASSADOR IN CUBA\n\n[signature]\n\n(A. ALEKSEEV)\n")
    assert _kinds(closer) == ["Signed"]
    assert Gap("signature") in closer[0].content
    assert Name("person", (Text("A. ALEKSEEV"),)) in closer[0].content
    assert _kinds(_closer("Mehnert\nAmbassador\n")) == ["Signed"]
    assert _kinds(_closer("[signature]\n\nC. C. Cremin\nSecretary\n")) == ["Signed"]


def test_a_role_before_a_second_name_is_the_second_signatorys() -> None:
    closer = _closer(
        "Chairman of the Council of Ministers of the USSR\n\nG. MALENKOV\n\n"
        "Administrator of Affairs of the Council of Ministers\n\nA. KOROBOV\n"
    )
    assert _kinds(closer) == ["Signed", "Signed"]
    assert _text(closer[1].content).startswith("Administrator of Affairs")


def test_each_name_signs_on_its_own_and_the_place_goes_with_the_date() -> None:
    closer = _closer(
        "With fraternal greetings,\n\nHo Chi Minh\n\nPham Van Dong\n\nHanoi,\n\n22 January 1965\n"
    )
    assert _kinds(closer) == ["Furniture", "Signed", "Signed", "Dateline"]
    assert isinstance(closer[0], Furniture) and closer[0].kind == "salute"
    assert _text(closer[-1].content) == "Hanoi,22 January 1965"  # one dateline, a line break


@pytest.mark.parametrize(
    "behalf",
    [
        "at the instruction of the Political Council of the CC of the Korean Worker’s Party",
        "on behalf of the Government of the Democratic People's Republic of Korea",
    ],
)
def test_on_whose_behalf_the_signatory_signs_goes_on_the_signature(behalf: str) -> None:
    closer = _closer(f"Devotedly yours,\nKim Il Sung\n{behalf}\nPyongyang\n31 August 1950\n")
    assert _kinds(closer) == ["Furniture", "Signed", "Dateline"]
    assert behalf in plain_text(closer[1].content)
    assert _text(closer[2].content) == "Pyongyang31 August 1950"  # the place, then the date


def test_a_recorders_line_and_a_signature_under_it_are_two_signatures() -> None:
    closer = _closer("Recorded by comr. Fedorenko.\n\n[signature illegible 31/XII]\n")
    assert _kinds(closer) == ["Signed", "Signed"]
    assert closer[1].content == (Gap("signature", "signature illegible 31/XII"),)


def test_a_dateline_and_a_signature_on_one_line_are_two_parts() -> None:
    assert _closer_xml("9.VII.51 A. DOBRYNIN\n") == (
        '<closer><dateline><date when="1951-07-09">9.VII.51</date></dateline>'
        "<signed><persName>A. DOBRYNIN</persName></signed></closer>"
    )


def test_a_letter_spaced_name_is_one_word() -> None:
    xml = _closer_xml("USSR AMBASSADOR TO THE PRC\nS. C H E R V O N E N K O\n")
    assert 'S. <hi rend="letterspaced">CHERVONENKO</hi></signed>' in xml  # as example-v2.xml
    closer = _closer("S H T Y K O V\n\nNo. 0431\n\n3.VIII.49\n")
    assert closer[0] == Signed((Spaced("SHTYKOV"),))
    assert _kinds(closer) == ["Signed", "CloserLine", "Dateline"]
    assert Number("outgoing", "No. 0431") in closer[1].content


def test_a_verification_note_holds_the_verifiers_signature() -> None:
    closer = _closer(
        "MAO ZEDONG\n\nDeciphered by Yelezov at 1550 30 June\n\n"
        "Verified: Chief of the Section\nCOLONEL [signature] (Makarov)\n"
    )
    assert _kinds(closer) == ["Signed", "ClerkNote", "ClerkNote"]
    note = closer[-1]
    assert isinstance(note, ClerkNote)
    assert Gap("signature") in note.content
    assert Name("person", (Text("Makarov"),)) in note.content
    assert _text(note.content).startswith("Verified: Chief of the SectionCOLONEL")


def test_a_translators_attestation_holds_the_translators_signature() -> None:
    closer = _closer(
        "4 July 1949\n\nTranslated from Chinese [by]\n\n[signature] (S. P. Andreyev)\n"
    )
    assert _kinds(closer) == ["Dateline", "ClerkNote"]


def test_copies_printed_and_their_recipients() -> None:
    closer = _closer(
        "USSR AMBASSADOR IN THE DPRK\n\n(A. PUZANOV)\n\nFive copies printed\n"
        "1 - Cde. A. A. Gromyko\n2 - Cde. Yu. V. Andropov\n5 - to file\n\nNº [208]\n"
    )
    assert _kinds(closer) == ["Signed", "ClerkNote", "Distribution", "CloserLine"]
    distribution = closer[2]
    assert isinstance(distribution, Distribution)
    assert [item.n for item in distribution.items] == ["1", "2", "5"]


def test_a_labelled_list_of_recipients_is_one_item_each() -> None:
    closer = _closer(
        "No. 1154/sh.\n\n13 September of this year\n\nCopies: Stalin (2), Molotov, file.\n"
    )
    assert _kinds(closer) == ["CloserLine", "Dateline", "Distribution"]
    assert isinstance(closer[2], Distribution)
    assert [_text(item.content) for item in closer[2].items] == [
        "Stalin (2), ",
        "Molotov, ",
        "file.",
    ]
    assert _text(closer[2].label) == "Copies: "
    assert Number("outgoing", "No. 1154/sh") in closer[0].content


def test_a_list_of_recipients_cut_by_the_export_ends_in_a_gap() -> None:
    document = _document(
        TEXT + "No. 1154/sh.\n\nCopies: Stalin (2), Molotov, Beria,\nMikoyan, Bulga"
    )
    closer = document.versions[0].text.closer
    assert document.source.partial
    assert isinstance(closer[-1], Distribution)
    assert closer[-1].items[-1].content[-1] == Gap("truncated")
    whole = _document(TEXT + "MALIK\n\nРазослано: тт. Сталину, Молотову\n")
    assert not whole.source.partial


def test_a_number_written_in_by_a_hand_is_marked_inside_the_addition() -> None:
    closer = _closer("(A. Gromyko)\n\n28 September 1950\n\nNº [handwritten: 328/ag] [signature]\n")
    assert _kinds(closer) == ["Signed", "Dateline", "CloserLine"]
    added = next(node for node in closer[2].content if isinstance(node, Added))
    assert Number("outgoing", "328/ag") in added.content


def test_an_end_mark_closes_the_closer() -> None:
    closer = _closer("USSR AMBASSADOR TO THE PRC\nP. YUDIN\n\n——————\n")
    assert closer[-1] == Milestone("end", "——————")


def test_a_closer_glued_to_the_last_paragraph_is_cut_off_at_its_sentence() -> None:
    """A copy that lost its line breaks: the closer follows the last sentence."""
    text = (
        _document(
            "I ask you to keep these specialists until the spring. "
            "MAJOR GENERAL N. LEBEDEV 30.XII.194[illegible]\n"
        )
        .versions[0]
        .text
    )
    assert _text(text.body[-1].content).endswith("until the spring.")
    assert _kinds(text.closer) == ["Signed", "Dateline"]
    quoted = _document("He sent this: “We agree. MAO ZEDONG 2 November 1950”\n").versions[0]
    assert not quoted.text.closer  # the quotation's own signature, not the document's


def test_the_last_lines_of_a_paragraph_that_ends_a_sentence_may_be_the_closer() -> None:
    text = _document("Zhou Enlai asked to be informed.\nKUZNETSOV\nNo. 117\n").versions[0].text
    assert _kinds(text.closer) == ["Signed", "CloserLine"]


def test_an_omission_before_the_closer_stays_in_the_text() -> None:
    text = (
        _document(TEXT + "[…]\n\nUSSR AMBASSADOR TO THE DRV\n\n(I. SHCHERBAKOV)\n").versions[0].text
    )
    assert _kinds(text.closer) == ["Signed"]
    assert type(text.body[-1]).__name__ == "Gapped"


# ----------------------------------------------------------------- numbers
@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("Incoming No. 2114", Number("incoming", "Incoming No. 2114")),
        ("Вх. № 2114", Number("incoming", "Вх. № 2114")),
        ("Special No. 62", Number("special", "Special No. 62")),
        ("СПЕЦ. № 118", Number("special", "СПЕЦ. № 118")),
        ("Issuing No. 8600", Number("issuing", "Issuing No. 8600")),
        ("No. 1154/sh.", Number("outgoing", "No. 1154/sh")),
        ("Отп. 8 экз., экз. № 3-4 в дело", CopyNumber("экз. № 3-4")),
        ("Eight copies printed, copy No. 3-4 to file", CopyNumber("copy No. 3-4")),
        ("TOP SECRET, Copy Nº 2", CopyNumber("Copy Nº 2")),
    ],
)
def test_a_number_is_of_the_kind_its_words_say(text: str, node: object) -> None:
    assert node in mark_numbers(parse_inline(text), 1951)


def test_the_copies_kept_in_a_note_counting_copies_are_copy_numbers() -> None:
    note = mark_clerk(parse_inline("Four copies printed. Nº 3 and 4 filed"), _context())
    assert CopyNumber("Nº 3 and 4") in note
    assert not any(isinstance(node, Number) for node in note)


def test_a_day_and_month_after_a_time_is_a_date() -> None:
    note = mark_clerk(parse_inline("Deciphered by Kornilova 12.10 2.10"), _context(1965))
    whens = [node for node in note if isinstance(node, When)]
    assert [(w.kind, w.iso) for w in whens] == [("time", "12:10:00"), ("date", "1965-10-02")]


def test_the_numbers_of_the_head_are_read_by_their_kind() -> None:
    parts = (
        Furniture("doctype", (Text("No. "), Number("cable", "17"))),
        Furniture("doctype", (Text("CIPHERED TELEGRAM No. "), Number("cable", "2617"))),
        Furniture("handling", (Text("TOP SECRET, Copy Nº 2"),)),
        Furniture("received", (Text("From Pyongyang, No. 4040. 8.II.1950"),)),
        Furniture("reference", (Text("Issuing No. 8600"),)),
        StampBlock((Stamp((Text("USSR MFA, Incoming No. 02317, 1 November 1963"),)),)),
    )
    document, telegram, handling, log, reference, stamp = furniture_numbers(parts, 1963)
    assert Number("document", "17") in document.content
    assert Number("cable", "2617") in telegram.content
    assert CopyNumber("Copy Nº 2") in handling.content
    assert Number("cable", "No. 4040") in log.content
    assert Number("issuing", "Issuing No. 8600") in reference.content
    inside = stamp.content[0].content
    assert Number("incoming", "Incoming No. 02317") in inside
    assert any(isinstance(n, When) and n.iso == "1963-11-01" for n in inside)


def _context(year: int = 1951):
    from cablegram.parse.context import BodyContext

    return BodyContext(layout="plain", year=year)


def test_dateline_and_number_stay_apart_and_keep_their_values() -> None:
    closer = _closer("MAO ZEDONG\n\nNº 3444 11 July\n")
    assert _kinds(closer) == ["Signed", "CloserLine", "Dateline"]
    assert isinstance(closer[1], CloserLine) and isinstance(closer[2], Dateline)
    assert any(isinstance(n, When) and n.iso == "1951-07-11" for n in closer[2].content)
