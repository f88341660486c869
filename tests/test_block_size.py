"""One very long block converts whole and lossless (issue 20, hangs).

A seed's export frames the block, so that its header and furniture parse as usual: the
first paragraph of its English translation is replaced by about 1 MB of prose without a
blank line (Windows line ends), or by one line dense with the archive's brackets. Each
stage was once quadratic in a block's size (benchmarks/bench_block_size.py measures the
time; these tests assert what comes out, not how fast).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from cablegram import pipeline
from cablegram.entities.intervals import Intervals
from conftest import ROOT, SEEDS, TEI_DIR
from test_lossless import source_words, tei_text, tei_words

sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_block_size import BRACKETS, ONELINE, PROSE  # the benchmark's blocks, tested whole

SEED = SEEDS / "000_eb221e658215b803.txt"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# what each sentence of the fourteen brackets in BRACKETS becomes
PER_SENTENCE = {"sic": 1, "corr": 1, "gap": 3, "supplied": 2, "unclear": 1, "expan": 1,
                "stamp": 1, "add": 1, "note": 3}  # fmt: skip


def export_with(paragraph: str) -> str:
    """Seed 000 with the first paragraph of its translation replaced by `paragraph`."""
    frame = SEED.read_text(encoding="utf-8")
    start = frame.index("Ridgway, the Commanding")
    return frame[:start] + paragraph + frame[frame.index("\n\n", start) :]


def lines_of(text: str, width: int = 80) -> str:
    """Text on lines of about `width` characters, none ending at a sentence's end (which
    would begin a new paragraph)."""
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) > width and line and not line.endswith("."):
            lines.append(line)
            line = ""
        line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])


def convert(tmp_path: Path, text: str) -> etree._Element:
    source = tmp_path / "long.txt"
    source.write_bytes(text.encode("utf-8"))
    [result] = pipeline.convert([source], tmp_path / "tei", authority=TEI_DIR / "authority", jobs=1)
    assert result.status == "written", result.message
    assert result.output is not None
    return etree.parse(str(result.output)).getroot()


def paragraph_starting(root: etree._Element, words: str) -> etree._Element:
    [found] = [
        p
        for p in root.iterfind(".//tei:body//tei:p", NS)
        if " ".join(tei_text(p).split()).startswith(words)
    ]
    return found


def test_a_megabyte_paragraph_with_windows_line_ends_stays_one_paragraph(
    tmp_path: Path,
) -> None:
    prose = lines_of(PROSE * 2800)  # 1 MB on 13,000 lines
    text = export_with(prose).replace("\n", "\r\n")
    root = convert(tmp_path, text)
    paragraph = paragraph_starting(root, "Ridgway, the Commanding")
    assert " ".join(tei_text(paragraph).split()) == " ".join(prose.split())
    assert len(paragraph.findall("tei:lb", NS)) == prose.count("\n")  # each line kept
    assert len(paragraph.findall("tei:placeName", NS)) == 2800  # Wonsan, each time
    source = tmp_path / "long.txt"
    assert not source_words(source) - tei_words(tmp_path / "tei" / f"{root.get(XML_ID)}.xml")


@pytest.mark.parametrize("sentences", [1, 1500])
def test_a_line_of_twenty_thousand_brackets_becomes_their_elements(
    tmp_path: Path, sentences: int
) -> None:
    """1,500 sentences of fourteen brackets each, on one line of 500 KB: each bracket
    is an element of its kind, as in a sentence alone; no bracket is left in the text."""
    root = convert(tmp_path, export_with((BRACKETS * sentences).strip()))
    paragraph = paragraph_starting(root, "The meeting at Kaidzio")
    counts = Counter(etree.QName(e).localname for e in paragraph.iterdescendants())
    assert {name: counts[name] for name in PER_SENTENCE} == {
        name: n * sentences for name, n in PER_SENTENCE.items()
    }
    assert not re.search(r"[\[\]]", "".join(paragraph.itertext()))
    assert tei_text(paragraph).count("representatives.") == sentences


def test_intervals_answer_as_a_scan_of_every_span() -> None:
    """The tagger's spans asked by bisection (what made tagging linear) answer exactly as
    going through them all, overlapping spans too."""
    spans = [(0, 4), (2, 3), (6, 9), (6, 7), (12, 12), (15, 30), (16, 18)]
    found = Intervals(spans)
    for a in range(-1, 33):
        assert found.contains(a) == any(s <= a < e for s, e in spans)
        assert found.inside(a) == any(s < a < e for s, e in spans)
        assert found.starting_at(a) == next((sp for sp in spans if sp[0] == a), None)
        for b in range(a, 33):
            assert found.overlaps(a, b) == any(s < b and a < e for s, e in spans)


def test_a_one_line_copy_of_a_megabyte_keeps_its_closer(tmp_path: Path) -> None:
    """A page copied into one line (v67), its body grown by 1 MB of sentences: the closer
    glued to the last sentence ('… afraid of it. Pyongyang, 27 January 1968') is found as
    in the short copy (it was sought after every sentence of the line: quadratic)."""
    (tmp_path / "short").mkdir()
    (tmp_path / "grown").mkdir()
    short = convert(tmp_path / "short", ONELINE.read_text(encoding="utf-8"))
    frame = ONELINE.read_text(encoding="utf-8")
    cut = frame.index("[...]")
    grown = frame[:cut] + " ".join(PROSE.split()) * 2800 + " " + frame[cut:]
    root = convert(tmp_path / "grown", grown)

    def closers(root: etree._Element) -> list[str]:
        return [" ".join(tei_text(c).split()) for c in root.iterfind(".//tei:closer", NS)]

    assert closers(root) == closers(short) == ["Pyongyang, 27 January 1968"]
