"""The layout reader: chrome, one-line copies, running heads, alignment and blocks."""

from __future__ import annotations

import pytest

from cablegram.read import decode_export

HEAD = "Digital Archive                      digitalarchive.wilsoncenter.org\n"
HEAD2 = "International History Declassified\n"


def blocks(text: str) -> list[str]:
    return [block.text for block in decode_export("t.txt", text.encode()).blocks]


def test_site_navigation_and_footer_are_chrome_not_text() -> None:
    export = decode_export(
        "t.txt",
        (
            b"Skip to content\n\nMarch 7, 1960\n\nJournal of Ambassador X\n\nI visited Kim.\n"
            b"He was ill.\nAuthor(s):\nAssociated Places\nSubjects Discussed\nRights\n"
            b"The History and Public Policy Program welcomes reuse of Digital Archive materials"
        ),
    )
    texts = [block.text for block in export.blocks]
    assert "Skip to content" not in " ".join(texts)
    assert "Rights" not in " ".join(texts)
    assert export.chrome[0] == "Skip to content"
    assert export.chrome[1:4] == ("Author(s):", "Associated Places", "Subjects Discussed")


def test_the_old_sites_citation_box_controls_are_chrome() -> None:
    export = decode_export(
        "t.txt",
        (
            "Search in\nADD SEARCH FILTER CANCEL SEARCH FILTER\n\nDigital Archive International"
            " History Declassified\n\nFebruary 26, 1955\n\nREPORT, X TO Y\n\nCITATION SHARE "
            'DOWNLOAD\n  • Citation\n\n    get citation\n\n    A summary.\n    "Report, X to Y,"'
            " February 26, 1955, History and Public Policy Program Digital Archive.\n  • share "
            "document\n\n    https://digitalarchive.wilsoncenter.org/document/1\n\nVIEW DOCUMENT IN"
            "\n\nEnglish HTML\n\nThe text.\n"
        ).encode(),
    )
    assert "get citation" in export.chrome and "English HTML" in export.chrome
    assert "https://digitalarchive.wilsoncenter.org/document/1" in export.chrome
    assert [b.text for b in export.blocks][-1] == "The text."


def test_a_footer_label_in_the_text_is_no_footer() -> None:
    texts = blocks("June 1, 1951\n\nTitle\n\nSource\n\nThe source of the river is far.\n")
    assert texts[-2:] == ["Source", "The source of the river is far."]


def test_a_page_captured_without_blank_lines_has_a_block_per_line() -> None:
    text = (
        "May 1, 1950\nTelegram, A to B\n\nCitation:\nx\n\n"
        + "To the Embassy in Hungary:\nWe have received your telegram of 28 October.\n"
        "(1) We received 48 telegrams.\n(2) At present the situation is complicated.\n"
        "Copies: Stalin (2), Molotov, Malenkov, Beria,\nMikoyan, Kaganovich.\n"
        "The fighting goes on in the\nstreets and the squares.\n"
    )
    texts = blocks(text)
    assert texts[-6:] == [
        "To the Embassy in Hungary:",
        "We have received your telegram of 28 October.",
        "(1) We received 48 telegrams.",
        "(2) At present the situation is complicated.",
        "Copies: Stalin (2), Molotov, Malenkov, Beria, Mikoyan, Kaganovich.",
        "The fighting goes on in the streets and the squares.",
    ]


def test_lines_of_a_block_stay_together_unless_a_sentence_ends() -> None:
    text = (
        "May 1, 1950\n\nTitle\n\nThe talks began.\n\nThey went on.\n\nThey ended.\n\n"
        "ПОДЛЕЖИТ ВОЗВРАТУ\nв IV кв. ст. ОС 11 - ВКП(б)\nВх. № 2114 от 30/VI 1950 г.\n\n"
        "BREZHNEV. We reviewed the issues.\nThe situation is complicated.\nGROMYKO. Indeed.\n"
    )
    assert blocks(text)[-4:] == [
        "ПОДЛЕЖИТ ВОЗВРАТУ в IV кв. ст. ОС 11 - ВКП(б) Вх. № 2114 от 30/VI 1950 г.",
        "BREZHNEV. We reviewed the issues.",
        "The situation is complicated.",
        "GROMYKO. Indeed.",
    ]


def test_a_change_of_script_starts_a_block() -> None:
    text = (
        "May 1, 1950\n\nTitle\n\nТоварищу Сталину. Прошу Вас рассмотреть вопрос.\n"
        "To Comrade Stalin. I ask you to consider the question.\n"
    )
    assert blocks(text)[-2:] == [
        "Товарищу Сталину. Прошу Вас рассмотреть вопрос.",
        "To Comrade Stalin. I ask you to consider the question.",
    ]


def test_pdf_running_heads_without_form_feeds_are_pages_not_text() -> None:
    body = "The negotiations went on for a long time and nothing was decided on that day\n"
    text = (
        HEAD
        + HEAD2
        + "\n        June 1, 1951\n        Cable, A to B\n\nCitation:\nx\n\n"
        + body * 3
        + " " * 60
        + "1\n"
        + HEAD
        + HEAD2
        + "and the next day the talks resumed at ten o'clock.\n"
    )
    export = decode_export("t.txt", text.encode())
    joined = " ".join(b.text for b in export.blocks)
    assert "Declassified" not in joined and "digitalarchive" not in joined
    assert " 1 " not in f" {joined} "  # the page number is gone
    assert export.chrome == (
        "Digital Archive digitalarchive.wilsoncenter.org",
        "International History Declassified",
    )
    last = export.blocks[-1]
    assert last.lines[-1].page == 2 and last.text.endswith("ten o'clock.")


def test_pdf_centred_and_right_aligned_lines_and_wide_gaps() -> None:
    wide = "x" * 90 + "\n"
    text = (
        HEAD
        + HEAD2
        + "\nJune 1, 1951\nCable, A to B\n\nCitation:\nx\n\n"
        + " " * 80
        + "Top Secret\n\n"
        + " " * 30
        + "MEMORANDUM OF CONVERSATION\n\n"
        + "Referatsleiter 211"
        + " " * 49
        + "Bonn, den 25. Juli 1991\n\n"
        + wide * 6
    )
    export = decode_export("t.txt", text.encode())
    found = {b.text: b.align for b in export.blocks}
    assert found["Top Secret"] == "right"
    assert found["MEMORANDUM OF CONVERSATION"] == "center"
    assert found["Referatsleiter 211"] is None
    assert found["Bonn, den 25. Juli 1991"] == "right"


def test_a_one_line_copy_gets_its_fields_and_lines_back() -> None:
    text = (
        "Digital Archive digitalarchive.wilsoncenter.org International History Declassified "
        "October 05, 1945 Record of Conversation between A and B Citation: “Record of "
        "Conversation between A and B,” October 05, 1945, History and Public Policy Program "
        "Digital Archive, AVPRF: fond 0100. http://digitalarchive.wilsoncenter.org/document/1 "
        "Summary: They talk. Original Language: Russian Contents: English Translation "
        "[Translator’s note: Names are unsure.] Secret Translation from Chinese RECORD OF "
        "CONVERSATION WITH B On 5 October I was visited by B. We talked. 1. The first point. "
        "2. The second point. Ambassador of the USSR in China A[pollon] Petrov. " * 1
    ) + "x " * 600
    export = decode_export("t.txt", text.encode())
    assert export.layout == "oneline"
    texts = [b.text for b in export.blocks]
    assert texts[:2] == ["October 05, 1945", "Record of Conversation between A and B"]
    assert "Summary: They talk." in texts and "Original Language: Russian" in texts
    assert texts[texts.index("Contents:") + 1] == "English Translation"
    assert "[Translator’s note: Names are unsure.]" in texts
    assert "Secret" in texts and "Translation from Chinese" in texts
    assert "RECORD OF CONVERSATION WITH B" in texts
    assert any(t.startswith("1. The first point.") for t in texts)
    assert any(t.startswith("2. The second point.") for t in texts)
    assert export.chrome[:1] == ("Digital Archive digitalarchive.wilsoncenter.org",)


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        ("Beijing, 13 April 1968 Zhou Enlai: We have studied your statement.",
         ["Beijing, 13 April 1968", "Zhou Enlai: We have studied your statement."]),
        ("From Beijing Sent 2.11.50 20.15 Received 3.11.50 0315 CIPHERED TELEGRAM No. 2617 To "
         "Comrade FILIPPOV [Stalin]. Zhou Enlai asked me to convey it.",
         ["From Beijing Sent 2.11.50 20.15 Received 3.11.50 0315", "CIPHERED TELEGRAM No. 2617",
          "To Comrade FILIPPOV [Stalin].", "Zhou Enlai asked me to convey it."]),
        ("SECRET & PERSONAL Washington, D.C., 14th October, 1950. My dear Bhai, Your cable came.",
         ["SECRET & PERSONAL", "Washington, D.C., 14th October, 1950.", "My dear Bhai,",
          "Your cable came."]),
        ("STATEMENT of the Spokesman of the Ministry of Foreign Affairs On 23 January 1968 the "
         "ship was captured.",
         ["STATEMENT of the Spokesman of the Ministry of Foreign Affairs",
          "On 23 January 1968 the ship was captured."]),
        ("Chairman Mao and the Central Committee: The campaign has entered its second stage.",
         ["Chairman Mao and the Central Committee:",
          "The campaign has entered its second stage."]),
        ("Record of Conversation between A and B, October 5, 1945. On 5 October I was visited.",
         ["Record of Conversation between A and B", "October 5, 1945.",
          "On 5 October I was visited."]),
    ],
)  # fmt: skip
def test_a_one_line_copy_gets_its_opening_lines_back(body: str, lines: list[str]) -> None:
    """At the document's head, a one-line copy's furniture is told by its form: a place and
    date, a transmission log, a form's name and number, a caption in capitals, a salutation,
    the title said again with its date; a speaker's label stays with the turn."""
    text = (
        "October 05, 1945 Record of Conversation between A and B Citation: “Record of "
        "Conversation between A and B,” October 05, 1945, History and Public Policy Program "
        f"Digital Archive. Contents: English Translation {body} " + "x " * 700
    )
    texts = [b.text for b in decode_export("t.txt", text.encode()).blocks]
    start = texts.index("English Translation") + 1
    assert texts[start : start + len(lines) - 1] == lines[:-1]
    assert texts[start + len(lines) - 1].startswith(lines[-1])


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        # a telegram quoted whole, its salutation, text and signature, then the closer
        ("Zhou Enlai asked me to convey to you the following telegram of Comrade Mao Zedong: "
         "“Comrade FILIPPOV! The enemy air force has begun to bomb Andong. We ask you to send "
         "one fighter air division to cover the bridges. MAO ZEDONG 2 November 1950” "
         "R O S H C H I N No. 1873",
         ["Zhou Enlai asked me to convey to you the following telegram of Comrade Mao Zedong:",
          "“Comrade FILIPPOV!", "The enemy air force has begun to bomb Andong. We ask you to "
          "send one fighter air division to cover the bridges.", "MAO ZEDONG 2 November 1950”",
          "R O S H C H I N", "No. 1873"]),
        # in Russian, with guillemets, unsigned
        ("Передаю Вам ответ Ким Ир Сена: «Товарищ ШТЫКОВ! Мы согласны с Вашим предложением и "
         "просим прислать специалистов. Ответ ждем в течение двух дней.» ШТЫКОВ",
         ["Передаю Вам ответ Ким Ир Сена:", "«Товарищ ШТЫКОВ!",
          "Мы согласны с Вашим предложением и просим прислать специалистов. Ответ ждем в "
          "течение двух дней.»", "ШТЫКОВ"]),
        # a phrase quoted inside a sentence stays in it
        ("He said in reply: “we shall see” and left the room. The talk ended at noon.",
         ["He said in reply: “we shall see” and left the room. The talk ended at noon."]),
    ],
)  # fmt: skip
def test_a_one_line_copy_gets_a_quoted_text_back(body: str, lines: list[str]) -> None:
    """A text quoted whole after its lead's colon gets its lines back, so that the parser
    reads it as a quoted text with its own opener and closer."""
    text = (
        "October 05, 1945 Record of Conversation between A and B Citation: “Record of "
        "Conversation between A and B,” October 05, 1945, History and Public Policy Program "
        f"Digital Archive. Summary: {'word ' * 700}end. Contents: English Translation {body}"
    )
    texts = [b.text for b in decode_export("t.txt", text.encode()).blocks]
    start = texts.index("English Translation") + 1
    assert texts[start:] == lines
