"""A second text printed after the document's own (D7 of tests/samples/expected.toml): a
letter after a covering note's signature, texts under their own heads; each a quoted text
of its own, before the covering text's closer."""

from __future__ import annotations

import pytest

from cablegram.model import Furniture, QuotedText, Signed, plain_text
from cablegram.parse import parse_bytes


def _page(title: str, body: str) -> str:
    return (
        f"June 30, 1951\n\n{title}\n\nCitation:\n\n“{title},” June 30, 1951, History and Public "
        f"Policy Program Digital Archive.\n\nContents:\n\nEnglish Translation\n\n{body}\n"
    )


COVERING = (
    "To Cde. I. V. STALIN\n\nI am sending by diplomatic post the original of a letter of "
    "Kim Il Sung addressed to you.\n\n(A. Gromyko)\n\n28 September 1950\n\n"
)


@pytest.mark.parametrize("label", ["", "[handwritten:]\n\n"])
def test_a_letter_after_the_covering_notes_signature(label: str) -> None:
    """'(A. Gromyko)' | '28 September 1950' | 'Dear Cde. …': the letter is enclosed, the
    covering note keeps its closer (perhaps under a hand's label alone)."""
    body = (
        COVERING
        + label
        + (
            "Dear Cde. Stalin\n\nWe are deeply touched by your attention.\n\nDevotedly yours,\n\n"
            "Kim Il Sung"
        )
    )
    text = parse_bytes("t.txt", _page("Letter, Gromyko to Stalin", body).encode())
    version = text.versions[-1].text
    (quoted,) = [part for part in version.body if isinstance(part, QuotedText)]
    assert quoted.kind == "letter"
    salutes = [p for p in quoted.text.opener if isinstance(p, Furniture) and p.kind == "salute"]
    assert plain_text(salutes[0].content).startswith("Dear Cde. Stalin")
    signed = [p for p in version.closer if isinstance(p, Signed)]
    assert plain_text(signed[0].content) == "(A. Gromyko)"
    assert version.body[-1] is quoted  # before the covering note's closer


def test_texts_under_their_own_heads() -> None:
    """'Text of speech made by …', 'DRAFT': each head opens an enclosure of its own."""
    body = (
        "The Minister spoke today. The texts are attached.\n\n"
        "Text of speech made by the Minister for External Affairs on 17th October 1958.\n\n"
        "Mr. Chairman, we have several resolutions before us.\n\nDRAFT\n\n"
        "The General Assembly decides to act."
    )
    document = parse_bytes(
        "t.txt", _page("Press Release, Department of External Affairs", body).encode()
    )
    quoted = [p for p in document.versions[-1].text.body if isinstance(p, QuotedText)]
    assert [q.kind for q in quoted] == ["enclosure", "enclosure"]


def test_a_document_without_enclosure_keeps_its_text() -> None:
    """A salutation inside the text (no signed closer before it) encloses nothing."""
    body = "Dear Comrade Kim,\n\nWe agree.\n\nDear friends, we thank you.\n\nA. GROMYKO"
    document = parse_bytes("t.txt", _page("Letter, Gromyko to Kim", body).encode())
    assert not [p for p in document.versions[-1].text.body if isinstance(p, QuotedText)]


def test_a_letter_given_in_full_within_the_text() -> None:
    """'… the text of his letter of 8 March:' | 'Dear Comrade …' … 'With fraternal
    greetings,' | 'Ho Chi Minh': the letter is a quoted text, the covering letter goes on."""
    body = (
        "Respected Comrade Liu Shaoqi,\n\nI have the honour to transmit to you the text of his "
        "letter of 8 March 1960:\n\nDear Comrade Liu Shaoqi,\n\nWe thank you for the help.\n\n"
        "With fraternal greetings,\n\nHo Chi Minh\n\nThe original will be handed over.\n\n"
        "Tran Tu Binh"
    )
    document = parse_bytes("t.txt", _page("Letter from Tran Tu Binh to Liu Shaoqi", body).encode())
    version = document.versions[-1].text
    kinds = [type(part).__name__ for part in version.body]
    assert kinds == ["Paragraph", "QuotedText", "Paragraph"]
    (quoted,) = [part for part in version.body if isinstance(part, QuotedText)]
    assert quoted.kind == "letter"
    assert any(isinstance(part, Signed) for part in quoted.text.closer)


def test_an_appended_excerpt_is_a_quotation() -> None:
    """'Excerpt from Kovalev Transcript …' after the signature: another document quoted,
    not enclosed; the report keeps its signature."""
    body = (
        "I report the delegation's requests.\n\nKovalev.\n\nExcerpt from Kovalev Transcript for "
        "Stalin, July 7, 1949\n\nComrades Gao Gang and Liu Shaoqi stressed their wish."
    )
    document = parse_bytes("t.txt", _page("Report, Kovalev to Stalin", body).encode())
    version = document.versions[-1].text
    (quoted,) = [part for part in version.body if isinstance(part, QuotedText)]
    assert quoted.kind == "quotation"
    assert [plain_text(p.content) for p in version.closer if isinstance(p, Signed)] == ["Kovalev."]
