"""The 33 real archive exports (tests/samples/, copied unchanged): each converts, and its TEI
states what an expert encoder reads in it (tests/samples/expected.toml, written by reading
every sample beside facts.json), key by key.

A key cablegram does not meet yet is listed in `KNOWN`, with what is missing: the test
then fails if it starts to pass (strict xfail), so the list only shrinks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import sample_paths
from expectations import NOT_CHECKED, load, mismatch

SAMPLES = Path(__file__).resolve().parent / "samples"
EXPECTED = load(SAMPLES / "expected.toml")
# (sample stem, key) → what cablegram does not do yet
KNOWN: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def samples(converted) -> dict[str, etree._Element]:
    return {
        path.stem: etree.parse(str(converted[path.name].output)).getroot()
        for path in sample_paths()
    }


CASES = [
    pytest.param(
        stem,
        key,
        marks=[pytest.mark.xfail(reason=KNOWN[(stem, key)], strict=True)]
        if (stem, key) in KNOWN
        else [],
        id=f"{stem[:3]}-{key}",
    )
    for stem, facts in sorted(EXPECTED.items())
    for key in facts
    if key not in NOT_CHECKED
]


@pytest.mark.parametrize(("stem", "key"), CASES)
def test_sample_encodes_what_an_expert_reads(stem: str, key: str, samples) -> None:
    problem = mismatch(samples[stem], key, EXPECTED[stem][key])
    assert problem is None, f"{stem}, {key}: {problem}"


def test_every_sample_has_its_expectations() -> None:
    assert sorted(EXPECTED) == sorted(p.stem for p in sample_paths())
