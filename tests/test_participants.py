"""The people of records: lists of those present, turns of speech, participants and authors
(parse/persons, participants, turns, authors, people), on small inputs of each form."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablegram.encode.tei import document_id, encode_document, serialise
from cablegram.model import (
    DocText,
    Gap,
    Gapped,
    LineBreak,
    ListItem,
    Name,
    Paragraph,
    Participant,
    PointList,
    Signed,
    Speech,
    Supplied,
    Text,
    Version,
    plain_text,
)
from cablegram.parse import parse_bytes
from cablegram.parse.authors import record_authors
from cablegram.parse.inline import parse_inline
from cablegram.parse.participants import listed, merged, participant_lists, present_in
from cablegram.parse.persons import person_in, same_person
from cablegram.parse.spans import Reading
from cablegram.parse.title import read_title
from cablegram.parse.turns import script
from cablegram.validate import validate_files

# ------------------------------------------------------------------ names in phrases


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Secretary of State Christian A. Herter", "Christian A. Herter"),
        ("Mr. Foy D. Kohler, Assistant Secretary for European Affairs", "Foy D. Kohler"),
        ("Lt. General K. S. Thimayya (India), Chairman", "K. S. Thimayya"),
        ("Robert Hutchings, NSC Staff (notetaker)", "Robert Hutchings"),
        ("Brezhnev, L.I.", "Brezhnev, L.I."),
        ("From our side Kovalev I. V.", "Kovalev I. V."),
        ("Embassy counselor cde. Miklashevskii", "Miklashevskii"),
        ("the interpreter Shi Zhe /Karskii/.", "Shi Zhe"),
        ("Ши Чжэ (Карский).", "Ши Чжэ"),
        ("Gheorghe Stoica.", "Gheorghe Stoica"),
        ("Kiss Károly elvtársak.", "Kiss Károly"),
        ("Ambassador of the USSR in China A Petrov", "A Petrov"),
        ("тт. Брежнев Л.И.", "Брежнев Л.И."),
        ("John M. Allison Director, Office of Northeast Asian Affairs", "John M. Allison"),
        ("The President", None),
        ("NSC Staff", None),
    ],
)
def test_the_name_in_a_phrase_leaves_titles_offices_and_places_out(
    phrase: str, name: str | None
) -> None:
    span = person_in(phrase)
    assert (phrase[span[0] : span[1]] if span else None) == name


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Christian Herter", "Christian A. Herter", True),
        ("BREZHNEV", "Brezhnev, L.I.", True),
        ("Comrade Stalin", "I.V. Stalin", True),
        ("O. DORTICOS", "Osvaldo Dorticos", True),
        ("Chancellor Kohl", "Helmut Kohl", True),
        ("Н. Рощин", "N.V. Roshchin", True),
        ("Gero", "Ernő Gerő", True),
        ("Kovalev I. V.", "Kovalev E.F.", False),
        ("Zhou Enlai", "Zhou Xiaoping", False),
        ("The President", "George H.W. Bush", False),
    ],
)
def test_one_person_named_in_several_ways(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same
    assert same_person(b, a) is same


# ------------------------------------------------------------------ lists of those present


def _list(text: str) -> PointList:
    (found,) = participant_lists((Paragraph(parse_inline(text)),))
    assert isinstance(found, PointList) and found.kind == "participants"
    return found


def _names(found: PointList) -> list[str]:
    return [p.name for p in listed((found,))]


def test_a_label_and_comrades_separated_by_commas() -> None:
    found = _list("Participants : comrades Nicolae Ceausescu, Gheorghe Apostol, Emil Bodnaras.")
    assert plain_text(found.head) == "Participants : comrades"
    assert _names(found) == ["Nicolae Ceausescu", "Gheorghe Apostol", "Emil Bodnaras"]
    # each item: the name marked, the separator kept
    assert found.items[0].content == (Name("person", (Text("Nicolae Ceausescu"),)), Text(","))
    assert found.items[-1].content == (Name("person", (Text("Emil Bodnaras"),)), Text("."))


def test_surnames_with_initials_separated_by_semicolons() -> None:
    found = _list("In attendance: Comrades Andropov, Iu.V.; Gromyko, A.A.; Kosygin, A.N.")
    assert plain_text(found.head) == "In attendance: Comrades"
    assert _names(found) == ["Andropov, Iu.V.", "Gromyko, A.A.", "Kosygin, A.N."]


def test_a_chairman_without_a_colon() -> None:
    found = _list("Chaired by Comrade Brezhnev, L.I.")
    assert plain_text(found.head) == "Chaired by Comrade"
    assert _names(found) == ["Brezhnev, L.I."]


def test_one_person_a_line_with_offices_and_countries() -> None:
    nodes = (
        Text("Present:"),
        LineBreak(),
        Text("Lt. General K. S. Thimayya (India), Chairman"),
        LineBreak(),
        Text("Mr. A. Daeniker (Switzerland)"),
        LineBreak(),
        Text("The President"),
    )
    (found,) = participant_lists((Paragraph(nodes),))
    assert isinstance(found, PointList) and len(found.items) == 3
    assert _names(found) == ["K. S. Thimayya", "A. Daeniker"]  # an office alone: no name
    assert plain_text(found.items[0].content) == "Lt. General K. S. Thimayya (India), Chairman"


def test_lines_wrapped_inside_a_comma_list_are_one_list() -> None:
    nodes = (
        Text("Participants : comrades Edward Gierek, Stanisław Kania,"),
        LineBreak(edition="export"),
        Text("Jan Szydlak."),
    )
    (found,) = participant_lists((Paragraph(nodes),))
    assert isinstance(found, PointList)
    assert _names(found) == ["Edward Gierek", "Stanisław Kania", "Jan Szydlak"]


def test_the_archives_brackets_stay_in_the_items_but_not_in_the_names() -> None:
    found = _list(
        "Also present at the meeting: comrs. Molotov, [Soviet translator N.T.] Fedorenko and"
        " [Chinese translator] Shi Zhe /Karskii/."
    )
    assert plain_text(found.head) == "Also present at the meeting: comrs."
    assert _names(found) == ["Molotov", "Fedorenko", "Shi Zhe"]
    assert any(isinstance(n, Supplied) for n in found.items[1].content)
    assert [p.role for p in listed((found,))] == [None, "interpreter", "interpreter"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Присутствовали: тт. Андропов Ю.В., Громыко А.А.", ["Андропов Ю.В.", "Громыко А.А."]),
        ("Anwesend: Bundeskanzler Helmut Kohl, Staatssekretär Dieter Köhler", [
            "Helmut Kohl", "Dieter Köhler"]),
        ("Jelen vannak: Gerő Ernő, Hegedüs András, Kiss Károly elvtársak.", [
            "Gerő Ernő", "Hegedüs András", "Kiss Károly"]),
        ("Participanți: tovarășii Nicolae Ceaușescu, Ion Gheorghe Maurer.", [
            "Nicolae Ceaușescu", "Ion Gheorghe Maurer"]),
    ],
)  # fmt: skip
def test_labels_in_other_languages(text: str, names: list[str]) -> None:
    assert _names(_list(text)) == names


def test_two_labels_in_one_paragraph_are_two_lists() -> None:
    found = participant_lists((Paragraph(parse_inline("Chaired: L.I. Brezhnev. Present: "
                                                      "A.N. Kosygin, M.A. Suslov.")),))  # fmt: skip
    assert [plain_text(p.head) for p in found if isinstance(p, PointList)] == [
        "Chaired:",
        "Present:",
    ]
    assert [p.name for p in listed(found)] == ["L.I. Brezhnev", "A.N. Kosygin", "M.A. Suslov"]


def test_a_label_alone_takes_the_lines_of_names_after_it() -> None:
    body = (
        Paragraph((Text("PARTICIPANTS:"),)),
        Paragraph((Text("Secretary of State Christian A. Herter"),)),
        Paragraph((Text("Soviet Ambassador Mikhail A. Menshikov"),)),
        Paragraph((Text("The Soviet Ambassador called at his own request."),)),
    )
    found = participant_lists(body)
    assert isinstance(found[0], PointList) and len(found) == 2
    assert [p.name for p in listed(found)] == ["Christian A. Herter", "Mikhail A. Menshikov"]


def test_a_label_that_names_no_one_stays_a_paragraph() -> None:
    body = (Paragraph(parse_inline("Present situation: the front is quiet, the rear calm.")),)
    assert participant_lists(body) == body


# ------------------------------------------------------------------ sentences naming those present


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "On 4 February another meeting took place in the presence of CCP CC Politburo "
            "members Zhou Enlai, Liu Shaoqi and the interpreter Shi Zhe. From our side "
            "Kovalev I[van]. V. and Kovalev E.F. were present.",
            ["Zhou Enlai", "Liu Shaoqi", "Shi Zhe", "Kovalev I. V.", "Kovalev E.F."],
        ),
        (
            "From our side the dinner was attended by: Embassy counselor cde. Miklashevskii, "
            "military attache major general [Nikolai] Roshchin.",
            ["Miklashevskii", "Roshchin"],
        ),
        ("Беседу переводил Ши Чжэ (Карский).", ["Ши Чжэ"]),
        (
            "Present were Zhou Enlai, Chen Yi and Ye Jianying. Also present: Wang Bingnan.",
            ["Zhou Enlai", "Chen Yi", "Ye Jianying", "Wang Bingnan"],
        ),
        ("При беседе присутствовали тт. Федоренко и Ледовский.", ["Федоренко", "Ледовский"]),
        ("He said that Zhou Enlai was present at the signing.", []),
    ],
)
def test_those_present_named_in_a_sentence(text: str, names: list[str]) -> None:
    found = present_in((Paragraph(parse_inline(text)),))
    assert [p.name for p in found] == names


def test_the_interpreter_is_told_by_the_sentence_not_by_its_neighbours() -> None:
    found = present_in((Paragraph(parse_inline("in the presence of Zhou Enlai and the "
                                               "interpreter Shi Zhe.")),))  # fmt: skip
    assert [(p.name, p.role) for p in found] == [("Zhou Enlai", None), ("Shi Zhe", "interpreter")]


def test_the_text_completes_the_titles_participants() -> None:
    titled = (Participant("George H.W. Bush"), Participant("Christian Herter"))
    found = [Participant("Christian A. Herter"), Participant("Foy D. Kohler")]
    assert [p.name for p in merged(titled, found)] == [
        "George H.W. Bush",
        "Christian A. Herter",
        "Foy D. Kohler",
    ]


# ------------------------------------------------------------------ turns of speech

MAO, STALIN = Participant("Mao Zedong"), Participant("I.V. Stalin")


def _turns(*paragraphs: str, people: tuple[Participant, ...] = (MAO, STALIN)) -> tuple:
    text = DocText(body=tuple(Paragraph(parse_inline(p)) for p in paragraphs))
    return script(text, people).body


def _speakers(body: tuple) -> list[tuple[str, str | None]]:
    return [(plain_text(p.speaker), p.who) for p in body if isinstance(p, Speech)]


def test_comrade_labels_open_turns_that_run_over_unlabelled_paragraphs() -> None:
    body = _turns(
        "After an exchange of greetings the following conversation took place.",
        "Comrade Mao Zedong: The most important question is peace.",
        "Comrade Stalin: In China a war for peace is taking place.",
        "Peace will depend on our efforts.",
        "Recorded by comr. Fedorenko.",
    )
    assert isinstance(body[0], Paragraph) and isinstance(body[-1], Paragraph)
    assert _speakers(body) == [
        ("Comrade Mao Zedong:", "Mao Zedong"),
        ("Comrade Stalin:", "I.V. Stalin"),
    ]
    assert len(body[2].blocks) == 2  # the continuation is Stalin's
    assert body[1].blocks == (Paragraph((Text("The most important question is peace."),)),)


def test_capitals_with_a_stop_are_labels_of_participants_only() -> None:
    people = (Participant("L.I. Brezhnev"), Participant("J. Kádár"))
    body = _turns(
        "BREZHNEV. Good evening, János.",
        "KÁDÁR. Good evening.",
        "A.I. MIKOYAN expressed his sympathy.",
        "The conversation ended at 20 hours 21 minutes.",
        people=people,
    )
    assert _speakers(body) == [("BREZHNEV.", "L.I. Brezhnev"), ("KÁDÁR.", "J. Kádár")]
    assert isinstance(body[-1], Paragraph)  # the end of the conversation is the record's
    decided = _turns("BREZHNEV. We agree.", "Decided: to approve the draft.", people=people)
    assert isinstance(decided[0], Speech) and isinstance(decided[1], Paragraph)


@pytest.mark.parametrize(
    ("label", "who"),
    [
        ("Gerő elvtárs:", "Gerő"),
        ("Tovarășul Nicolae Ceaușescu:", "Nicolae Ceaușescu"),
        ("Тов. Громыко:", "Громыко"),
    ],
)
def test_a_form_of_address_before_or_after_the_name_makes_a_label(label: str, who: str) -> None:
    body = _turns(f"{label} I agree with the proposal.", people=())
    assert _speakers(body) == [(label, who)]


def test_letter_spaced_labels_in_russian() -> None:
    people = (Participant("M.S. Gorbachev"), Participant("J. Kádár"))
    body = _turns("Г о р б а ч е в: Товарищи, начнем.", "К а д а р: Согласен.", people=people)
    # the labels' letter-spaced words are hi[@rend='letterspaced'] holding the word (v2)
    assert _speakers(body) == [("Горбачев:", "M.S. Gorbachev"), ("Кадар:", "J. Kádár")]


def test_a_label_alone_on_its_line_and_a_speaker_no_title_names() -> None:
    body = _turns("Comrade Nicolae Ceausescu :", "Comrades, I want to inform you.", people=())
    assert _speakers(body) == [("Comrade Nicolae Ceausescu :", "Nicolae Ceausescu")]
    assert body[0].blocks == (Paragraph((Text("Comrades, I want to inform you."),)),)


def test_turns_inside_one_line_are_cut_at_each_participants_label() -> None:
    people = (Participant("Zhou Enlai"), Participant("Pham Van Dong"))
    body = _turns(
        "Zhou Enlai: We have studied your statement. Pham Van Dong: We have not changed our "
        "position. Mao replied: no.",
        people=people,
    )
    assert _speakers(body) == [("Zhou Enlai:", "Zhou Enlai"), ("Pham Van Dong:", "Pham Van Dong")]
    assert plain_text(body[1].blocks[0].content).endswith("Mao replied: no.")


def test_an_office_is_a_label_only_in_a_script() -> None:
    people = (Participant("George H.W. Bush"), Participant("Helmut Kohl"))
    body = _turns("The President: Helmut, congratulations.", "Chancellor Kohl: Thank you.",
                  people=people)  # fmt: skip
    assert _speakers(body) == [("The President:", None), ("Chancellor Kohl:", "Helmut Kohl")]
    alone = _turns("The President: Helmut, congratulations.", people=people)
    assert not _speakers(alone)


def test_a_turn_holds_omissions_and_points_and_is_valid(tmp_path: Path) -> None:
    text = DocText(
        body=(
            Paragraph(parse_inline("Zhou Enlai: Three things.")),
            Gapped(Gap("editorial")),
            PointList((ListItem("1", (Text("The first."),)),), "ordered"),
            Paragraph(parse_inline("That is all.")),
        )
    )
    body = script(text, (Participant("Zhou Enlai"),)).body
    assert len(body) == 1 and isinstance(body[0], Speech) and len(body[0].blocks) == 4
    export = RECORD.format(title="Discussion between Zhou Enlai and Le Duan") + (
        "Zhou Enlai: Three things.\n\n...\n\n1. The first.\n\n2. The second.\n\nLe Duan: No.\n"
    )
    record = parse_bytes("t.txt", export.encode())
    target = tmp_path / f"{document_id(record)}.xml"
    target.write_bytes(serialise(encode_document(record, document_id(record))))
    report = validate_files([target])
    assert report.valid, report.summary() + "\n" + "\n".join(map(str, report.issues))
    assert '<sp who="#p-' in target.read_text(encoding="utf-8")


def test_no_turns_outside_records() -> None:
    cable = parse_bytes(
        "t.txt",
        (RECORD.format(title="Cable, Zhou Enlai to Le Duan") + "Zhou Enlai: We agree.\n").encode(),
    )
    assert not any(isinstance(p, Speech) for p in cable.versions[0].text.body)


# ------------------------------------------------------------------ records end to end

RECORD = """March 22, 1979 {title}

Citation:

"{title}", March 22, 1979, Wilson Center Digital Archive, TsKhSD, f. 89, per. 25, dok. 2.

Summary:

A test.

Original Language:

Russian

Contents:

Translation - English

"""


def _record(title: str, body: str):
    return parse_bytes("t.txt", (RECORD.format(title=title) + body).encode())


def test_attendance_and_agenda_make_minutes_named_after_the_chairman() -> None:
    record = _record(
        "Record of the Meeting of the Political Committee",
        "Chaired by Comrade Brezhnev, L.I.\n\nIn attendance: Comrades Andropov, Iu.V.; "
        "Gromyko, A.A.\n\nAgenda:\n\nBREZHNEV. We reviewed the issues.\n\nGROMYKO. But all the "
        "same the situation continues to remain complicated.\n",
    )
    assert record.metadata.kind == "minutes"
    assert [p.name for p in record.metadata.participants] == [
        "Brezhnev, L.I.",
        "Andropov, Iu.V.",
        "Gromyko, A.A.",
    ]
    assert document_id(record) == "minutes-1979-03-22-brezhnev"
    speeches = [p for p in record.versions[0].text.body if isinstance(p, Speech)]
    assert [s.who for s in speeches] == ["Brezhnev, L.I.", "Gromyko, A.A."]


def test_a_record_of_conversation_listing_those_present_stays_a_memorandum() -> None:
    record = _record(
        "Record of Conversation between I.V. Stalin and Mao Zedong",
        "Present: Molotov, Malenkov.\n\nComrade Stalin: Welcome.\n",
    )
    assert record.metadata.kind == "memorandum"
    assert document_id(record) == "memorandum-1979-03-22-stalin"  # not its recorder's


def test_the_recorders_line_names_the_author_and_his_role() -> None:
    record = _record(
        "Record of Conversation between I.V. Stalin and Mao Zedong",
        "Comrade Mao Zedong: Peace.\n\nComrade Stalin: Peace.\n\nAlso present: comrs. "
        "Molotov and Fedorenko.\n\nRecorded by comr. Fedorenko.\n",
    )
    assert [a.name for a in record.metadata.authors] == ["Fedorenko"]
    roles = {p.name: p.role for p in record.metadata.participants}
    assert roles["Fedorenko"] == "recorder"


@pytest.mark.parametrize(
    ("signature", "author"),
    [
        ("Ambassador of the USSR in China A[pollon] Petrov", "Apollon Petrov"),
        ("(Petrov)", "Apollon Petrov"),
        ("Посол СССР в Китае\nА. Петров", "Apollon Petrov"),
        ("John M. Allison\nDirector, Office of Northeast Asian Affairs", "John M. Allison"),
    ],
)
def test_the_signature_names_the_author_as_the_participants_are(
    signature: str, author: str
) -> None:
    lines = [parse_inline(line) for line in signature.split("\n")]
    content = tuple(node for k, line in enumerate(lines) for node in (*(LineBreak(),)[:k], *line))
    text = DocText(body=(Paragraph(parse_inline("Zhou Enlai asked about the talks.")),),
                   closer=(Signed(content),))  # fmt: skip
    people = (Participant("Apollon Petrov"), Participant("Zhou Enlai"))
    version = Version("translation", None, "en", text, 1)
    assert [a.name for a in record_authors(version, people, people)] == [author]


def test_a_first_person_record_is_by_the_first_participant_it_never_names() -> None:
    record = _record(
        "Memorandum of Conversation between Anastas Mikoyan and Mao Zedong",
        "I conveyed to Mao Zedong that our CC does not advise this.\n\n"
        "Mao Zedong was glad to hear this advice.\n",
    )
    assert [a.name for a in record.metadata.authors] == ["Anastas Mikoyan"]
    third = _record(
        "Memorandum of Conversation, A.I. Mikoyan with Osvaldo Dorticos",
        "A.I. MIKOYAN expressed his sympathy to Dorticos.\n",
    )
    assert third.metadata.authors == ()


@pytest.mark.parametrize(
    ("title", "kind", "author"),
    [
        ("Journal of Soviet Ambassador to the DRV I.S. Shcherbakov for 10 February 1967",
         "journal", "I.S. Shcherbakov"),
        ("From the Journal of Soviet Ambassador in Cuba A.I. Alekseev, 14 October 1963",
         "journal", "A.I. Alekseev"),
        ("Speech by Frank Aiken to the General Assembly", "statement", "Frank Aiken"),
        ("List of Questions for the Talks with the Chinese Delegation, Prepared by V.V. "
         "Kuznetsov", "other", "V.V. Kuznetsov"),
    ],
)  # fmt: skip
def test_the_author_a_title_names(title: str, kind: str, author: str) -> None:
    facts = read_title(title)
    assert facts.kind == kind
    assert [a.name for a in facts.authors] == [author]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Memorandum of Telephone Conversation between George H.W. Bush and Helmut Kohl", "telcon"),
        ("Minutes of the Meeting of the Political Committee", "minutes"),
        ("Minutes of Conversation between Zhou Enlai and Le Duan", "memorandum"),
    ],
)
def test_the_kind_of_a_record_from_its_title(title: str, kind: str) -> None:
    assert read_title(title).kind == kind


def test_a_reading_leaves_the_archives_words_out_and_cuts_back_at_offsets() -> None:
    nodes = parse_inline("Kovalev I[van]. V. and Fedorenko")
    reading = Reading.of(nodes)
    assert reading.text == "Kovalev I. V. and Fedorenko"
    assert reading.between(0, 13) == (Text("Kovalev I"), Supplied("van"), Text(". V."))
