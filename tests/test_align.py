"""The aligner (issue 17): block ids, links between versions, measured against gold links
written by hand (tests/alignments/), the same whatever the number of jobs, kept in a file
an editor changed, made again on request by `cablegram align`."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest
from lxml import etree

from cablegram import pipeline
from cablegram.align import align_document, links_of
from cablegram.align.lengths import LengthModel, learn, model_for
from cablegram.align.passages import Passage
from cablegram.align.sequence import align
from cablegram.encode.anchors import document_blocks, versions
from cablegram.encode.xml import XML_ID
from cablegram.safexml import parse_xml
from conftest import SEEDS, TEI_DIR, VARIANTS, repo_edition, run_cli

GOLD = Path(__file__).resolve().parent / "alignments"
SOURCE_NAME = pipeline.SOURCE_NAME
NS = pipeline.NS
MINIMUM = 0.9


def gold_links(path: Path) -> set[frozenset[str]]:
    """The links of a gold file: `<id> <id>` per line, `#` comments."""
    found: set[frozenset[str]] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        assert len(words) == 2, f"{path.name}:{number}: a link is two ids, not {words}"
        found.add(frozenset(words))
    return found


def bilingual(converted: dict[str, pipeline.Converted]) -> list[str]:
    """The seeds and variants converted into more than one version."""
    names = {p.name for p in [*SEEDS.glob("*.txt"), *VARIANTS.glob("*.txt")]}
    return sorted(n for n, r in converted.items() if n in names and len(r.versions) > 1)


# ------------------------------------------------------------------ gold


def _gold_cases() -> list[Path]:
    return sorted(GOLD.glob("*.txt"))


@pytest.mark.parametrize("gold", _gold_cases(), ids=lambda p: p.stem)
def test_links_match_the_gold_with_precision_and_recall_of_at_least_0_9(
    gold: Path, converted: dict[str, pipeline.Converted]
) -> None:
    source = next(n for n in converted if Path(n).stem == gold.stem)
    result = converted[source]
    assert result.output is not None
    root = parse_xml(result.output).getroot()
    ids = {block.element.get(XML_ID) for block in document_blocks(root)}
    expected = gold_links(gold)
    unknown = {i for link in expected for i in link} - ids
    assert not unknown, f"the gold names ids the document lacks: {sorted(unknown)}"
    found = links_of(root)
    hits = found & expected
    precision = len(hits) / len(found) if found else float(not expected)
    recall = len(hits) / len(expected) if expected else float(not found)
    missed = sorted(sorted(link) for link in expected - found)
    extra = sorted(sorted(link) for link in found - expected)
    detail = f"missed {missed}; extra {extra}"
    assert precision >= MINIMUM, f"precision {precision:.2f}: {detail}"
    assert recall >= MINIMUM, f"recall {recall:.2f}: {detail}"


# ------------------------------------------------------------------ the links in the TEI


def test_every_block_has_a_unique_id_and_links_are_symmetric_across_versions(
    converted: dict[str, pipeline.Converted],
) -> None:
    for name in bilingual(converted):
        output = converted[name].output
        assert output is not None
        root = parse_xml(output).getroot()
        version_of = {}
        for key, div in versions(root):
            for element in div.iter():
                if element.get(XML_ID):
                    version_of[element.get(XML_ID)] = key
        blocks = list(document_blocks(root))
        anchors = [b.element.get(XML_ID) for b in blocks]
        assert all(anchors) and len(set(anchors)) == len(anchors), name
        pointers = {b.element.get(XML_ID): (b.element.get("corresp") or "").split() for b in blocks}
        assert any(pointers.values()), f"{name}: no links"
        for anchor, targets in pointers.items():
            for target in targets:
                assert target.startswith("#"), (name, anchor, target)
                assert version_of[target[1:]] != version_of[anchor], (name, anchor, target)
                assert f"#{anchor}" in pointers[target[1:]], (name, anchor, target)


def test_ids_and_links_are_the_same_whatever_the_jobs(tmp_path: Path) -> None:
    sources = [SEEDS, *sorted(VARIANTS.glob("v0[1-9]*.txt"))]
    made = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}"
        shutil.copytree(TEI_DIR / "authority", out / "authority")
        results = pipeline.convert(sources, out, jobs=jobs, edition=repo_edition())
        assert all(r.done for r in results)
        made[jobs] = {
            r.xml_id: [(b.element.get(XML_ID), b.element.get("corresp")) for b in
                       document_blocks(parse_xml(r.output).getroot())]
            for r in results if r.output
        }  # fmt: skip
    assert made[1] == made[2]
    assert sum(1 for blocks in made[1].values() for _, c in blocks if c) > 100


def test_convert_without_alignment_gives_ids_but_no_links(tmp_path: Path) -> None:
    out = tmp_path / "tei"
    results = pipeline.convert([SEEDS], out, align=False, edition=repo_edition())
    root = parse_xml(next(r.output for r in results if r.output and "21404" in r.output.name))
    blocks = list(document_blocks(root.getroot()))
    assert blocks and all(b.element.get(XML_ID) for b in blocks)
    assert not any(b.element.get("corresp") for b in blocks)
    assert align_document(root) > 40  # the aligner, run after, links them


# ------------------------------------------------------------------ an editor's links


def _seed_tei(tmp_path: Path) -> Path:
    out = tmp_path / "tei"
    shutil.copytree(TEI_DIR / "authority", out / "authority")
    results = pipeline.convert([SEEDS], out, edition=repo_edition())
    return next(r.output for r in results if r.output and "21404" in r.output.name)


def test_a_hand_edited_file_keeps_the_links_its_editor_gave_it(tmp_path: Path) -> None:
    path = _seed_tei(tmp_path)
    text = path.read_text(encoding="utf-8")
    # the editor unlinks the scan's first paragraph from the translation's
    edited = text.replace(
        'xml:id="original-scan-p1" corresp="#translation-p1"', 'xml:id="original-scan-p1"'
    ).replace('xml:id="translation-p1" corresp="#original-scan-p1"', 'xml:id="translation-p1"')
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    results = pipeline.convert([SEEDS], path.parent, edition=repo_edition())
    assert next(r for r in results if r.output == path).status == "kept"
    assert path.read_text(encoding="utf-8") == edited


def test_align_command_realigns_on_request_keeping_the_edited_file(tmp_path: Path) -> None:
    path = _seed_tei(tmp_path)
    sealed = path.read_bytes()
    result = run_cli("align", str(path))
    assert result.exit_code == 0, result.output
    assert "(unchanged)" in result.output and path.read_bytes() == sealed
    # an editor removes one side of a link, and changes a word
    edited = sealed.replace(b"MAO ZEDONG</persName>!", b"MAO ZEDONG</persName>!!")
    edited = edited.replace(
        b'xml:id="translation-q1-i7" corresp="#original-scan-q1-i7 #original-transcript-q1-i7"',
        b'xml:id="translation-q1-i7"',
    )
    assert edited.count(b"!!") == 1 and b'"translation-q1-i7">' in edited
    path.write_bytes(edited)
    result = run_cli("align", str(path))
    assert result.exit_code == 0, result.output
    backup = path.with_name(path.name + ".bak")
    assert backup.read_bytes() == edited and "kept as" in result.output
    after = path.read_bytes()
    assert b"!!" in after  # the editor's words stay
    assert b'xml:id="translation-q1-i7" corresp="#original-scan-q1-i7' in after
    # only the link changed: the rest of the file is byte for byte the editor's
    link = b' corresp="#original-scan-q1-i7 #original-transcript-q1-i7"'
    assert after.replace(link, b"", 1) == edited


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not xml at all", "cannot be read as XML"),
        (b'<?xml version="1.0"?><html/>', "not a TEI document"),
    ],
)
def test_align_command_refuses_what_is_not_tei(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(content)
    result = run_cli("align", str(path))
    assert result.exit_code == 1
    assert message in result.output and path.read_bytes() == content


def test_align_command_on_a_missing_path_fails_in_one_line(tmp_path: Path) -> None:
    result = run_cli("align", str(tmp_path / "nowhere.xml"))
    assert result.exit_code == 2
    assert "no such file or directory" in result.output


# ------------------------------------------------------------------ the aligner's steps


def passage(
    anchor: str,
    length: int,
    *,
    role: str = "p",
    zone: str = "body",
    refs: Sequence[str] = (),
    numbers: Sequence[str] = (),
    point: str = "",
    quote: str = "",
) -> Passage:
    return Passage(anchor, zone, role, quote, point, frozenset(refs), frozenset(),
                   frozenset(numbers), length, length == 0)  # fmt: skip


def test_a_split_paragraph_is_linked_one_to_two_and_a_joined_pair_two_to_one() -> None:
    original = [passage("a1", 300, refs=["#kim"]), passage("a2", 120), passage("a3", 140)]
    translation = [passage("b1", 150, refs=["#kim"]), passage("b2", 160), passage("b3", 270)]
    links = align(original, translation, LengthModel(1.08, 3.4))
    assert links == [((0,), (0, 1)), ((1, 2), (2,))]


def test_a_block_in_one_version_only_is_left_alone() -> None:
    scan = [
        passage("o1", 20, role="seg:office", zone="opener"),
        passage("o2", 90, role="seg:distribution", zone="opener"),
        passage("o3", 25, role="salute", zone="opener", refs=["#stalin"]),
        passage("p1", 200, refs=["#mao"]),
        passage("c1", 40, role="note:clerk", zone="closer", numbers=["12", "50"]),
    ]
    translation = [
        passage("o1", 22, role="seg:office", zone="opener"),
        passage("o3", 28, role="salute", zone="opener", refs=["#stalin"]),
        passage("p1", 215, refs=["#mao"]),
    ]
    links = align(scan, translation, model_for("ru", "en"))
    assert links == [((0,), (0,)), ((2,), (1,)), ((3,), (2,))]


def test_points_are_paired_by_their_numbers_when_the_translation_drops_one() -> None:
    original = [passage(f"i{n}", 100, role="item", point=str(n)) for n in range(1, 6)]
    translation = [passage(f"i{n}", 105, role="item", point=str(n)) for n in (1, 2, 4, 5)]
    links = align(original, translation, model_for("ru", "en"))
    assert links == [((0,), (0,)), ((1,), (1,)), ((3,), (2,)), ((4,), (3,))]


def test_the_length_model_is_learnt_from_pairs_and_read_both_ways() -> None:
    model = learn([(100, 110), (200, 214), (50, 56)])
    assert 1.05 < model.c < 1.12 and model.s2 >= 1.0
    assert model.cost(100, 108) < model.cost(100, 200)
    there, back = model_for("ru", "en"), model_for("en", "ru")
    assert back.c == pytest.approx(1 / there.c)
    assert model_for("ru", "ru").c == 1.0


def test_a_document_of_one_version_has_no_links() -> None:
    root = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
        b'<div type="translation" xml:lang="en"><p>One.</p><p>Two.</p></div>'
        b"</body></text></TEI>"
    )
    assert align_document(root) == 0
    assert [p.get(XML_ID) for p in root.iter("{*}p")] == ["translation-p1", "translation-p2"]


def test_crossing_links_stay_only_between_lines_of_one_role() -> None:
    """A translation that moves its salute after the series line keeps both links; a
    weak link across a strong one is dropped (links of different roles never cross)."""
    scan = [
        passage("series", 9, role="seg:series", zone="opener"),
        passage("salute", 18, role="salute", zone="opener", refs=["#stalin"]),
    ]
    moved = [
        passage("salute", 23, role="salute", zone="opener", refs=["#stalin"]),
        passage("series", 8, role="seg:series", zone="opener"),
    ]
    assert align(scan, moved, model_for("ru", "en")) == [((0,), (1,)), ((1,), (0,))]
    scan = [
        passage("note", 12, role="seg:line", zone="opener", refs=["#stalin"]),
        passage("office", 50, role="seg:office", zone="opener", refs=["#gs"]),
    ]
    translation = [
        passage("office", 66, role="seg:office", zone="opener", refs=["#gs"]),
        passage("copies", 18, role="seg:distribution", zone="opener", refs=["#stalin"]),
    ]
    assert align(scan, translation, model_for("ru", "en")) == [((1,), (0,))]
