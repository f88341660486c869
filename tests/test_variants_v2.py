"""The variants v21 on (tests/variants/, written for issue 15 in every layout and for every
class of phenomenon of ENCODING.md v2): each states in tests/variants/expected.toml what an
expert encoder reads in it; the TEI says the same, key by key.

A key cablegram does not meet yet is listed in `KNOWN`, with what is missing (strict xfail:
the list only shrinks).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from expectations import NOT_CHECKED, load, mismatch

VARIANTS = Path(__file__).resolve().parent / "variants"
EXPECTED = load(VARIANTS / "expected.toml")
KNOWN: dict[tuple[str, str], str] = {
    # v75-v76 were written for the gold alignments (tests/alignments/README.md); what they
    # showed the converter does not read yet:
    ("v75_plain_transcript_translation_puzanov_zhou_telegram_dropped_point", "closer"): (
        "a distribution line 'Разослать: тт. …' after the date line is not taken for the "
        "closer: signature, number and date become paragraphs of the body"
    ),
    ("v75_plain_transcript_translation_puzanov_zhou_telegram_dropped_point", "paragraphs"): (
        "the closer read as body: ПУЗАНОВ, № 117 and the Разослать line counted as paragraphs"
    ),
    ("v75_plain_transcript_translation_puzanov_zhou_telegram_dropped_point", "lists"): (
        "the date line '19.II.58', read as body, becomes point 19 of a list ('II.58')"
    ),
    ("v76_pdftotext_scan_translation_yudin_embassy_telegram_joined_split", "quotes"): (
        "the quoted telegram's address '\"Министерству иностранных дел.' is read as a paragraph, "
        "not as the quoted text's opener (its English 'To the Ministry …' is a salute)"
    ),
}


@pytest.fixture(scope="module")
def documents(converted) -> dict[str, etree._Element]:
    return {name: etree.parse(str(converted[f"{name}.txt"].output)).getroot() for name in EXPECTED}


CASES = [
    pytest.param(
        name,
        key,
        marks=[pytest.mark.xfail(reason=KNOWN[(name, key)], strict=True)]
        if (name, key) in KNOWN
        else [],
        id=f"{name[:3]}-{key}",
    )
    for name, facts in sorted(EXPECTED.items())
    for key in facts
    if key not in NOT_CHECKED
]


@pytest.mark.parametrize(("name", "key"), CASES)
def test_variant_encodes_what_an_expert_reads(name: str, key: str, documents) -> None:
    problem = mismatch(documents[name], key, EXPECTED[name][key])
    assert problem is None, f"{name}, {key}: {problem}"


def test_every_new_variant_has_its_expectations() -> None:
    stems = {p.stem for p in VARIANTS.glob("v*.txt") if int(p.stem[1:3]) >= 21}
    assert stems == set(EXPECTED)
