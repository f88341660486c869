"""The body's structure on small inputs of its own: points and (nested) lists, sections,
separators and end marks, blocks cut from what the lines are, the document's own
footnotes, letter-spaced words."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablegram.encode.tei import document_id, encode_document, serialise
from cablegram.lexicon.hyphens import kept_hyphen
from cablegram.model import (
    DocText,
    ListItem,
    Milestone,
    Paragraph,
    PointList,
    Section,
    Spaced,
    Text,
)
from cablegram.parse import parse_bytes
from cablegram.parse.inline import parse_inline
from cablegram.parse.lists import label_of
from cablegram.read import decode_export
from cablegram.validate import validate_files
from conftest import without_passage_ids

HEADER = """June 30, 1951
Report, Ivanov to Petrov

Citation:

"Report, Ivanov to Petrov", June 30, 1951, Wilson Center Digital Archive, AVPRF.

Original Language:

Russian

Contents:

Translation - English

"""


def _text(body: str) -> DocText:
    return parse_bytes("t.txt", (HEADER + body).encode()).versions[-1].text


def _lists(parts: tuple) -> list[PointList]:
    return [p for p in parts if isinstance(p, PointList)]


def _words(item: ListItem) -> str:
    return "".join(n.text for n in item.content if isinstance(n, Text))


def _shape(found: PointList) -> list:
    """[n, [sub-lists' shapes]] for each point."""
    return [
        [item.n, [_shape(b) for b in item.blocks if isinstance(b, PointList)]]
        for item in found.items
    ]


# ----------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("line", "n", "style"),
    [
        ("1. To grant", "1", "1."),
        ("2) concerning", "2", "1)"),
        ("(3) The draft", "3", "(1)"),
        ("а) срок командировки", "а", "a)"),
        ("b. With the structure", "b", "a."),
        ("(c) the third", "c", "(a)"),
        ("IV. A QUESTION", "IV", "I."),
        ("(ii) the raising", "ii", "(i)"),
        ("（一）五年计划草案", "一", "(一)"),
        ("三、计划", "三", "一、"),
        ("- 1. Adoption of the agenda.", "1", "1."),
        ("2.Text of amendments", "2", "1."),
        ("– to agree in principle.", None, "dash"),
        ("• equipment", None, "bullet"),
    ],
)
def test_a_points_label_and_its_kind(line: str, n: str | None, style: str) -> None:
    label = label_of(line)
    assert label is not None and label.n == n
    assert label.readings[0].style == style


@pytest.mark.parametrize(
    "line", ["I. V. Stalin said so.", "e.g. a case", "1.5 million tons", "1950. The year", "Cde. X"]
)
def test_what_is_no_label(line: str) -> None:
    assert label_of(line) is None


def test_i_reads_as_a_letter_or_a_roman_numeral() -> None:
    label = label_of("(i) continuous tension,")
    assert label is not None
    assert {(r.style, r.value) for r in label.readings} == {("(a)", 9), ("(i)", 1)}


# ----------------------------------------------------------------- lists


def test_the_printed_number_is_the_items_n_not_its_text() -> None:
    text = _text("We propose:\n\n1. To cease fire.\n\n2. To exchange prisoners.\n\nIVANOV\n")
    (found,) = _lists(text.body)
    assert [item.n for item in found.items] == ["1", "2"]
    assert _words(found.items[0]) == "To cease fire."


def test_a_point_that_introduces_points_holds_them() -> None:
    text = _text(
        "The Politburo decides:\n\n1. To send 120 specialists, of whom:\n\n"
        "- for the steel works - 75;\n\n- for the railways - 45.\n\n"
        "2. To set the following conditions:\n\nа) one year;\n\nб) salaries paid by China.\n\n"
        "3. To inform the government.\n\nIVANOV\n"
    )
    (found,) = _lists(text.body)
    assert _shape(found) == [
        ["1", [[[None, []], [None, []]]]],
        ["2", [[["а", []], ["б", []]]]],
        ["3", []],
    ]
    dashed = found.items[0].blocks[0]
    assert isinstance(dashed, PointList) and dashed.kind == "dash"


def test_paragraphs_between_two_points_belong_to_the_first() -> None:
    text = _text(
        "We report:\n\n1. The divisions have completed their training.\n\n"
        "The three new divisions have combat experience.\n\n"
        "2. The tank brigade has its tanks.\n\nAfter the list, a paragraph of the body again.\n\n"
        "IVANOV\n"
    )
    (found,) = _lists(text.body)
    assert found.items[0].blocks == (
        Paragraph((Text("The three new divisions have combat experience."),)),
    )
    assert isinstance(text.body[-1], Paragraph)


def test_a_restarted_sequence_is_nested_when_the_outer_list_goes_on() -> None:
    text = _text(
        "They asked:\n\n1. First request.\n\n2. Second request.\n\n3. Third, on Manchuria:\n\n"
        "a. Machines.\n\nb. Trade.\n\nThey also raised the question of the port, and asked two "
        "things.\n\n1. Free access to the port.\n\n2. One currency note.\n\n4. Last request.\n\n"
        "IVANOV\n"
    )
    (found,) = _lists(text.body)
    assert _shape(found) == [
        ["1", []],
        ["2", []],
        ["3", [[["a", []], ["b", []]], [["1", []], ["2", []]]]],
        ["4", []],
    ]


def test_a_list_that_starts_again_is_another_list() -> None:
    text = _text(
        "The parties:\n\n1. CCP\n\n2. PLA\n\nThe commission will approve two things, as "
        "follows.\n\n"
        "1. The program.\n\n2. The government.\n\n3. The treaty.\n\nIVANOV\n"
    )
    assert [len(found.items) for found in _lists(text.body)] == [2, 3]


def test_points_run_on_after_a_sentence_are_split() -> None:
    text = _text(
        "He intends to call a session with the following agenda:\n\n"
        "1. Regarding the budget for 1950. 2. Regarding the criminal code. 3. Regarding the plan. "
        "They have no firm decision yet.\n\nIVANOV\n"
    )
    (found,) = _lists(text.body)
    assert [_words(item) for item in found.items] == [
        "Regarding the budget for 1950.",
        "Regarding the criminal code.",
        "Regarding the plan. They have no firm decision yet.",
    ]


def test_a_lone_dash_is_no_list() -> None:
    text = _text("He said nothing.\n\n— Yes, we shall go, he said then to us.\n\nIVANOV\n")
    assert not _lists(text.body)


def test_dashed_points_after_a_colon_are_a_list_on_lines_without_blank_lines() -> None:
    page = (
        "October 9, 1950\nMemorandum for the Record\nDEPARTMENT OF STATE\nSubject: Conversation\n"
        "He made the following points:\n- the Republic of Korea expects to administer the whole "
        "of Korea;\n- elections must not be held without his government;\n- the ROK Army must "
        "enter Pyongyang first.\nI told the Ambassador that the resolution stands.\nThe Ambassador "
        "said that he would report.\nJohn M. Allison\n"
    )
    found = _lists(parse_bytes("t.txt", page.encode()).versions[-1].text.body)
    assert [(f.kind, len(f.items)) for f in found] == [("dash", 3)]


# ----------------------------------------------------------------- sections


def _heads(text: DocText) -> list[str]:
    return [
        "".join(n.text for n in part.head if isinstance(n, Text))
        for part in text.body
        if isinstance(part, Section)
    ]


def test_heads_in_capitals_open_sections() -> None:
    text = _text(
        "On 4 February another meeting took place in the presence of the Politburo.\n\n"
        "THE NATIONAL QUESTION\n\nI conveyed to him that our CC does not advise going overboard "
        "in the national question.\n\nHe was glad to hear this advice.\n\n"
        "III. CONCLUSIONS\n\nThe Embassy considers that the leadership relies on Chinese help.\n"
    )
    assert _heads(text) == ["THE NATIONAL QUESTION", "III. CONCLUSIONS"]
    assert isinstance(text.body[0], Paragraph)  # before the first head: the body's own
    first = text.body[1]
    assert isinstance(first, Section) and len(first.blocks) == 2


def test_subject_heads_and_parallel_title_lines_open_sections() -> None:
    text = _text(
        "Conversation of 14 July\n\nI visited Kim Il Sung at his invitation and we spoke for an "
        "hour.\n\nOn the loan.\n\nWe are grateful, he said, to the CC for this big loan.\n\n"
        "On 9 April a three hour conversation took place at which were present members of the "
        "Politburo.\n\nConversation of 15 July\n\nKim Il Sung informed me of the results of the "
        "elections.\n"
    )
    assert _heads(text) == ["Conversation of 14 July", "On the loan.", "Conversation of 15 July"]


def test_an_entry_date_after_an_omission_heads_the_entry() -> None:
    text = _text(
        "JOURNAL of Soviet Ambassador A. M. Puzanov\n\nPyongyang\n\n[…]\n\n7 March 1960\n\n"
        "I visited Kim Il Sung and familiarized him with the record of the conversation.\n\n"
        "Kim Il Sung asked, will the text of the record be left?\n"
    )
    assert _heads(text) == ["7 March 1960"]


def test_a_signature_in_capitals_heads_nothing() -> None:
    text = _text(
        "The Ministry of Foreign Affairs is to inform the government of the resolution.\n\n"
        "G. MALENKOV\n\nAdministrator of Affairs of the Council\n\nA. KOROBOV\n"
    )
    assert _heads(text) == []


# ----------------------------------------------------------------- separators, end marks


def test_separators_and_end_marks_are_milestones() -> None:
    text = _text(
        "In the morning I visited Zhou Enlai before his departure for Moscow.\n\n* * *\n\n"
        "In the evening Chen Yi invited me to dinner.\n\n###\n"
    )
    marks = [(p.unit, p.rend) for p in text.body if isinstance(p, Milestone)]
    assert marks == [("section", "* * *"), ("end", "###")]


def test_an_end_mark_after_the_signature_stays_in_the_closer() -> None:
    text = _text(
        "In the evening Chen Yi invited me to dinner and spoke about the events in Hungary.\n\n"
        "The Embassy has advised the specialists to stay in.\n\nUSSR AMBASSADOR\nP. YUDIN\n\n"
        "——————\n"
    )
    assert text.closer[-1] == Milestone("end", "——————")


def test_an_end_of_conversation_line_is_an_end_mark() -> None:
    text = _text(
        "The President: We will stay in close touch on this.\n\n-- End of Conversation --\n"
    )
    assert text.body[-1] == Milestone("end", "-- End of Conversation --")


# ----------------------------------------------------------------- blocks from lines


def test_a_blank_line_inside_a_sentence_cuts_no_paragraph() -> None:
    export = decode_export(
        "t.txt",
        (
            HEADER + "The end result was that Mao Zedong laughed and then he stopped\n\n"
            "defending his opinion.\nTHE XINJIANG QUESTION\nSince Mao Zedong earlier told me that "
            "he wanted to discuss the question, I asked him.\n"
        ).encode(),
    )
    texts = [block.text for block in export.blocks]
    assert (
        "The end result was that Mao Zedong laughed and then he stopped defending his opinion."
        in texts
    )
    assert "THE XINJIANG QUESTION" in texts


# ----------------------------------------------------------------- valid TEI


def test_nested_lists_sections_and_milestones_are_valid_tei(tmp_path: Path) -> None:
    document = parse_bytes(
        "t.txt",
        (
            HEADER + "I. THE FRONT\n\nThe Vietnamese leaders asked for the following things:\n\n"
            "1. Missiles, of two kinds:\n\na) anti-aircraft;\n\nb) coastal.\n\nThe crews are to be "
            "trained in the USSR, he said.\n\n2. Specialists.\n\n* * *\n\nII. CONCLUSIONS\n\n"
            "The Embassy considers that the leadership relies on Chinese help.\n\nIVANOV\n\n###\n"
        ).encode(),
    )
    target = tmp_path / f"{document_id(document)}.xml"
    target.write_bytes(serialise(encode_document(document, document_id(document))))
    report = validate_files([target])
    assert report.valid, report.summary() + "\n" + "\n".join(map(str, report.issues))


# ----------------------------------------------------------------- the document's footnotes

TEI_NS = "{http://www.tei-c.org/ns/1.0}"


def _footnotes(body: str) -> list[tuple[str | None, str]]:
    document = parse_bytes("t.txt", (HEADER + body).encode())
    tree = encode_document(document, "t").getroot()
    return [
        (note.get("n"), " ".join("".join(note.itertext()).split()))
        for note in tree.iter(f"{TEI_NS}note")
        if note.get("type") == "authorial"
    ]


def test_marked_footnotes_go_to_their_anchors() -> None:
    found = _footnotes(
        "The Ninth Plenum x/ took place in December. The Deputy Minister, Comrade Hoang Van "
        "Loi*, emphasized the line.\n\nMEHNERT\n\nx/ held from 11 to 22 December 1963.\n\n"
        "* Hoang Van Loi is not a member of the CC.\n"
    )
    assert found == [
        ("x", "held from 11 to 22 December 1963."),
        ("*", "Hoang Van Loi is not a member of the CC."),
    ]


def test_numbers_glued_to_words_anchor_the_numbered_notes_after_the_text() -> None:
    text = _text(
        "The national bourgeoisie, the comprador1, is weak. Ma's cavalry2 can be beaten, he "
        "said, and this concerns us.3\n\nLiu Shaoqi\n\n1. Intermediary between the government "
        "and western powers.\n\n2. Probably Ma Bufang.\n\n3. Forrestal's suicide.\n"
    )
    assert not _lists(text.body)  # the notes are not a list
    found = _footnotes(
        "The national bourgeoisie, the comprador1, is weak. Ma's cavalry2 can be beaten.\n\n"
        "1. Intermediary.\n\n2. Probably Ma Bufang.\n"
    )
    assert found == [("1", "Intermediary."), ("2", "Probably Ma Bufang.")]


def test_a_number_after_a_word_and_before_a_stop_is_an_anchor() -> None:
    assert _footnotes(
        "Among them were the city mayor, CC-ist 1, and a member of the Yuan.\n\n"
        "The conversation ended at this.\n\n1. CC clique, a faction within the Guomindang.\n"
    ) == [("1", "CC clique, a faction within the Guomindang.")]


def test_numbered_points_without_anchors_stay_a_list() -> None:
    text = _text("The delegation asked for two things.\n\n1. Credits.\n\n2. Advisers.\n")
    assert [len(found.items) for found in _lists(text.body)] == [2]


def test_a_footnote_whose_anchor_is_not_on_the_page_stays_where_printed() -> None:
    text = _text(
        "Zhou Enlai: We prefer bilateral contacts [2] with the parties.\n\n[1] A Vietnamese "
        "delegation was in Beijing.\n"
    )
    last = text.body[-1]
    assert isinstance(last, Paragraph) and last.content[0].n == "1"  # type: ignore[union-attr]


def test_a_starred_line_without_an_anchor_is_no_footnote() -> None:
    assert _footnotes("The delegation asked for credits.\n\n* credits for the plan\n") == []


def test_numbered_notes_at_the_end_of_a_one_line_copy() -> None:
    page = (
        "Digital Archive digitalarchive.wilsoncenter.org International History Declassified "
        "February 10, 1952 Report, Gao Gang to Mao Zedong Citation: “Report, Gao Gang to Mao "
        "Zedong,” February 10, 1952, CWIHP Archive. Summary: Gao Gang reports. Original "
        "Language: Chinese Contents: English Translation Chairman Mao: The Three-Anti campaign1 "
        "has entered its second stage. A group of cadres, with private merchants2, embezzled "
        "more than 3 billion yuan. [Chinese signature] Gao Gang 10 February 1952 1. The campaign "
        "against corruption, launched in December 1951. 2. The “law-breaking capitalists”."
    )
    blocks = decode_export("t.txt", page.encode()).blocks
    assert [line.text for block in blocks for line in block.lines][-4:] == [
        "[Chinese signature] Gao Gang",
        "10 February 1952",
        "1. The campaign against corruption, launched in December 1951.",
        "2. The “law-breaking capitalists”.",
    ]


# ----------------------------------------------------------------- letter-spacing


@pytest.mark.parametrize(
    ("text", "nodes"),
    [
        ("S H T Y K O V", (Spaced("SHTYKOV"),)),
        (
            "USSR AMBASSADOR S. C H E R V O N E N K O",
            (Text("USSR AMBASSADOR S. "), Spaced("CHERVONENKO")),
        ),
        ("V e r m e r k", (Spaced("Vermerk"),)),
        ("Г о р б а ч е в сказал", (Spaced("Горбачев"), Text(" сказал"))),
        ("points a b c here", (Text("points a b c here"),)),  # three letters: no word
        ("C OMMITTEE", (Text("C OMMITTEE"),)),  # an OCR break, not letter-spacing
    ],
)
def test_a_letter_spaced_word_is_kept_as_the_word(text: str, nodes: tuple) -> None:
    assert parse_inline(text) == nodes


def test_letter_spacing_is_hi_in_the_tei() -> None:
    document = parse_bytes(
        "t.txt",
        (HEADER + "The attack was repulsed, the enemy lost 40 men.\n\nS H T Y K O V\n").encode(),
    )
    xml = without_passage_ids(serialise(encode_document(document, "t")).decode())
    assert '<hi rend="letterspaced">SHTYKOV</hi>' in xml


# ----------------------------------------------------------------- lines of a layout


@pytest.mark.parametrize(
    ("left", "right", "kept"),
    [
        ("anti", "aircraft", True),
        ("военно", "морской", True),
        ("дол", "жен", False),
        ("артил", "лерии", False),
        ("disagree", "ment", False),
    ],
)
def test_a_hyphen_at_a_line_end_is_kept_where_the_word_has_it(
    left: str, right: str, kept: bool
) -> None:
    assert kept_hyphen(left, right) is kept


def test_a_kept_hyphen_joins_its_word_over_the_line() -> None:
    document = parse_bytes(
        "t.txt",
        (HEADER + "They ask for anti-\naircraft guns and for the train-\ning of crews.\n").encode(),
    )
    xml = without_passage_ids(serialise(encode_document(document, "t")).decode())
    assert 'anti-<lb break="no"/>aircraft' in xml and 'train<lb break="no"/>ing' in xml


def test_words_set_apart_on_a_pdf_line_that_goes_on_are_one_line() -> None:
    page = HEADER.replace("\n\n", "\n") + (
        "\f                                                  Secret\n\n"
        "                                   Beijing,          3 September 1966\n\n"
        "     Since 20 August groups of Red Guards have been marching through the streets.\n"
        "Referatsleiter 211                                Bonn, den 25. Juli 1991\n"
    )
    texts = [
        line.text for block in decode_export("t.txt", page.encode()).blocks for line in block.lines
    ]
    assert "Beijing, 3 September 1966" in texts
    assert "Referatsleiter 211" in texts and "Bonn, den 25. Juli 1991" in texts


def test_a_paragraph_cut_by_a_sheet_turn_after_a_preposition_goes_on() -> None:
    text = _text(
        "The work of the delegation will be led by Cde. Li Kenong, whom I am sending to\n\n"
        "/see next sheet/\n\nSheet 2\n\nKorea. He will stay there until the end.\n\nIVANOV\n"
    )
    paragraphs = [p for p in text.body if isinstance(p, Paragraph)]
    assert len(paragraphs) == 1 and _words_of(paragraphs[0]).endswith("until the end.")


def test_a_sheet_turn_inside_a_point_stays_inline() -> None:
    document = parse_bytes(
        "t.txt",
        (
            HEADER + "We propose:\n\n1. To break off the sessions until the answer comes.\n\n"
            "/see next sheet/\n\nSheet 2\n\n2. To publish a statement.\n\nIVANOV\n"
        ).encode(),
    )
    xml = without_passage_ids(serialise(encode_document(document, "t")).decode())
    assert '<item n="1">To break off the sessions until the answer comes.<fw type="catch">' in xml


def _words_of(paragraph: Paragraph) -> str:
    return "".join(n.text for n in paragraph.content if isinstance(n, Text))


def test_a_parts_letter_or_numbered_name_heads_it_and_points_ending_with_commas_split() -> None:
    text = _text(
        "The General Assembly,\n\nReaffirming its interest in disarmament, adopts the following.\n"
        " A\n1. Urges that the parties reach early agreement on the tests,\n"
        "2. Urges the parties not to test while they negotiate,\nB\n"
        "3. Calls attention to the importance of the study of surprise attack.\n\nArticle 4\n\n"
        "The present resolution comes into force on the day of its adoption.\n"
    )
    assert _heads(text) == ["A", "B", "Article 4"]
    sections = [p for p in text.body if isinstance(p, Section)]
    assert [[item.n for item in found.items] for found in _lists(sections[0].blocks)] == [
        ["1", "2"]
    ]
    assert [[item.n for item in found.items] for found in _lists(sections[1].blocks)] == [["3"]]


def test_a_numbered_head_said_again_by_its_text_heads_a_section() -> None:
    text = _text(
        "Below we present the parties.\n\n1. The Revolutionary Committee of the Guomindang.\n\n"
        "The Revolutionary Committee of the Guomindang was formed on 1 January 1948 in Hong Kong.\n"
    )
    assert _heads(text) == ["1. The Revolutionary Committee of the Guomindang."]
    assert not _lists(text.body)


def test_a_one_line_copy_sets_a_numbered_head_said_again_on_its_own_line() -> None:
    page = (
        "July 7, 1949 Democratic Parties Citation: “Democratic Parties,” July 7, 1949, APRF. "
        "Contents: English Translation Below we present the parties. 1. The Revolutionary "
        "Committee of the Guomindang. The Revolutionary Committee of the Guomindang was formed "
        "on 1 January 1948."
    )
    blocks = decode_export("t.txt", page.encode()).blocks
    texts = [line.text for block in blocks for line in block.lines]
    assert "1. The Revolutionary Committee of the Guomindang." in texts


def test_a_page_break_between_paragraphs_is_no_paragraph() -> None:
    document = parse_bytes(
        "t.txt",
        (
            HEADER
            + "The Minister has read your minute.\n\n[page break]\n\nHe would like your views.\n"
        ).encode(),
    )
    xml = without_passage_ids(serialise(encode_document(document, "t")).decode())
    assert "<p><pb/></p>" not in xml and "</p>\n        <pb/>\n        <p>" in xml
