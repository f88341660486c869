"""The 33 real archive exports (tests/samples/, copied unchanged): each converts, and its TEI
states what an expert encoder reads in it (tests/samples/expected.toml, written by reading
every sample beside facts.json), key by key.

A key cablegram does not meet yet is listed in `KNOWN`, with what is missing: the test
then fails if it starts to pass (strict xfail), so the list only shrinks.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from cablegram import pipeline
from conftest import TEI_DIR
from expectations import NOT_CHECKED, load, mismatch

SAMPLES = Path(__file__).resolve().parent / "samples"
EXPECTED = load(SAMPLES / "expected.toml")
# (sample stem, key) → what cablegram does not do yet
KNOWN: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, etree._Element]:
    out = tmp_path_factory.mktemp("samples")
    shutil.copytree(TEI_DIR / "authority", out / "authority")
    results = pipeline.convert(sorted(SAMPLES.glob("*.txt")), out)
    failed = [r.message for r in results if r.status == "failed"]
    assert not failed, failed
    return {r.source.stem: etree.parse(str(r.output)).getroot() for r in results}


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
    assert sorted(EXPECTED) == sorted(p.stem for p in SAMPLES.glob("*.txt"))
