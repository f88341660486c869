"""The parallel print (`cablegram print --parallel`): an original facing its translation.

The documents: two seeds whose versions are linked by hand (tests/fixtures/aligned/, the
@corresp the aligner writes), and, once the aligner links the versions of the converted
seeds and variants, those of them it linked. The groups a test expects are derived from the TEI's
@corresp here, independently of render/facing.py. The PDFs are read back with Poppler
(`pdftotext -bbox`): each group's first words on either side stand on the same page at the
same height; every footnote's text is on the page of its call (its call's page from
WeasyPrint's layout of the same paged HTML). Screenshots go to
build/screenshots/print-parallel-*.png.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from cablegram.encode.anchors import versions
from cablegram.render import facing
from cablegram.render.messages import message
from cablegram.render.print import lay_out, paged_html
from cablegram.render.xslt import Styles
from cablegram.safexml import parse_xml
from conftest import ROOT, SEEDS, TEI_DIR, VARIANTS, repo_edition, run_cli
from test_print import footnotes, printed_text

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftotext", "pdftoppm")),
    reason="Poppler utilities (pdftotext, pdftoppm) are not installed",
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "aligned"
THREE_VERSIONS = "cable-1951-07-03-21404-mao-zedong"  # scan, transcript, translation
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XHTML = "{http://www.w3.org/1999/xhtml}"
LEVEL = 4.0  # points: the first lines of a group's two sides start level within this
SCREENSHOTS = ROOT / "build" / "screenshots"


# ============================================================ the groups, from the TEI


def id_blocks(version: etree._Element) -> list[etree._Element]:
    """A version's blocks: its elements with an id, not inside another (document order)."""
    inside = set(version.iter())
    return [
        e
        for e in version.iter()
        if e.get(XML_ID) and not any(a.get(XML_ID) for a in e.iterancestors() if a in inside)
    ]


def expected_groups(
    left: etree._Element, right: etree._Element
) -> list[tuple[list[str], list[str]]]:
    """The groups of two versions (ids on each side, in order): the test's own reading of
    the @corresp links, not render/facing's. Cutting both versions at once, after i blocks
    of the original and j of the translation, is allowed where no link runs across the cut;
    the groups lie between successive cuts, the finest such (a cut after one more block of
    the original first, then of the translation). So a group holds the blocks linked to
    each other, a block without a counterpart is one alone, and where links cross or
    enclose a block the groups they touch are one: both versions keep their order."""
    sides = [id_blocks(left), id_blocks(right)]
    where = [{e.get(XML_ID): n for n, e in enumerate(side)} for side in sides]
    links = set()
    for a, b in ((0, 1), (1, 0)):
        for element in sides[a]:
            for ref in (element.get("corresp") or "").split():
                there = where[b].get(ref.lstrip("#"))
                if there is not None:
                    here = where[a][element.get(XML_ID)]
                    links.add((here, there) if a == 0 else (there, here))

    def allowed(i: int, j: int) -> bool:
        return all((left_at < i) == (right_at < j) for left_at, right_at in links)

    groups = []
    i = j = 0
    ends = (len(sides[0]), len(sides[1]))
    while (i, j) != ends:
        steps = sorted(
            ((a, b) for a in range(i, ends[0] + 1) for b in range(j, ends[1] + 1)
             if (a, b) != (i, j) and allowed(a, b)),
            key=lambda cut: (cut[0] + cut[1], -cut[0]),
        )  # fmt: skip
        a, b = steps[0]
        ids = [[e.get(XML_ID) for e in sides[0][i:a]], [e.get(XML_ID) for e in sides[1][j:b]]]
        groups.append((ids[0], ids[1]))
        i, j = a, b
    return groups


def the_pair(root: etree._Element) -> tuple[etree._Element, etree._Element] | None:
    """The versions expected facing: the translation and the first original linked to it,
    a transcript preferred."""
    divs = root.findall(f"{TEI}text/{TEI}body/{TEI}div")
    translation = next((d for d in divs if d.get("type") == "translation"), None)
    if translation is None:
        return None
    theirs = {e.get(XML_ID) for e in translation.iter() if e.get(XML_ID)}
    linked = [
        d
        for d in divs
        if d.get("type") == "original"
        and any(ref.lstrip("#") in theirs for e in d.iter() for ref in e.get("corresp", "").split())
    ]
    if not linked:
        return None
    transcript = [d for d in linked if d.get("subtype") == "transcript"]
    return (transcript or linked)[0], translation


# ============================================================ the documents


def aligned_sources(converted: dict) -> list[Path]:
    """The seeds and variants, converted, whose versions the aligner linked."""
    paths = [
        result.output
        for result in converted.values()
        if result.output is not None and result.source.parent in (SEEDS, VARIANTS)
    ]
    return [p for p in sorted(paths) if the_pair(parse_xml(p).getroot())]


@dataclass
class Printed:
    tei: Path
    out: Path
    trees: dict[str, etree._ElementTree]

    def pdf(self, xml_id: str) -> Path:
        return self.out / f"{xml_id}.pdf"


def print_parallel(tmp: Path, sources: list[Path]) -> Printed:
    tei = tmp / "tei"
    tei.mkdir()
    shutil.copytree(TEI_DIR / "authority", tei / "authority")
    for path in sources:
        shutil.copy(path, tei / path.name)
    out = tmp / "print"
    result = run_cli("print", str(tei), "--out", str(out), "--parallel")
    assert result.exit_code == 0, result.output
    trees = {t.getroot().get(XML_ID): t for t in (parse_xml(p) for p in sorted(tei.glob("*.xml")))}
    return Printed(tei, out, trees)


@pytest.fixture(
    scope="module",
    params=["by-hand", "aligner"],
)
def printed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, converted: dict
) -> Printed:
    if request.param == "by-hand":
        sources = sorted(FIXTURES.glob("*.xml"))
    else:
        sources = aligned_sources(converted)
        if not sources:
            pytest.skip("the aligner has not linked the versions of the seeds and variants yet")
    return print_parallel(tmp_path_factory.mktemp(f"parallel-{request.param}"), sources)


# ============================================================ reading the PDF


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    y0: float
    x1: float
    text: str


def bbox_words(pdf: Path) -> tuple[list[Word], float, float]:
    """Every word of the PDF with its box; the page width and height."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-bbox", str(pdf), "-"],
        capture_output=True,
        check=True,
    )
    root = etree.fromstring(result.stdout, etree.XMLParser(recover=True))
    words: list[Word] = []
    width = height = 0.0
    for number, page in enumerate(root.iter(f"{XHTML}page"), 1):
        width, height = float(page.get("width")), float(page.get("height"))
        for word in page.iter(f"{XHTML}word"):
            box = [float(word.get(k)) for k in ("xMin", "yMin", "xMax")]
            words.append(Word(number, *box, word.text or ""))
    return words, width, height


LETTERS = re.compile(r"[^\W\d_]{2,}")


def cell_words(elements: list[etree._Element]) -> list[str]:
    """The words (of two letters or more) that a cell sets of these elements."""
    found: list[str] = []
    for element in elements:
        holder = etree.Element("holder")
        inner = copy.deepcopy(element)
        inner.tail = None
        holder.append(inner)
        found += LETTERS.findall(printed_text(holder))
    return found


def line_of(words: list[Word], page: int, y0: float) -> str:
    """The text of a line: the words of a page at this height."""
    return " ".join(w.text for w in words if w.page == page and abs(w.y0 - y0) < 2)


def column(words: list[Word], width: float, height: float, left: bool) -> list[tuple[str, Word]]:
    """The words of one column in reading order, within the text block (not the running
    head nor the page number), as runs of letters (numbers, brackets, footnote calls left
    out; 'ЦЗЕ-ДУН' two), each with the box of its word."""
    middle = width / 2
    chosen = [
        w
        for w in words
        if 60 < w.y0 < height - 60 and ((w.x1 < middle) if left else (w.x0 > middle))
    ]
    chosen.sort(key=lambda w: (w.page, round(w.y0), w.x0))
    return [(run, w) for w in chosen for run in LETTERS.findall(w.text)]


def same(token: str, word: str) -> bool:
    """Whether a run of the PDF is the word (or its part before a hyphen at a line end)."""
    return token.startswith(word) or word.startswith(token)


def find(tokens: list[tuple[str, Word]], wanted: list[str], start: int) -> int | None:
    """Where the words `wanted` stand in `tokens` from `start`: the first at the index
    returned, each next one among the few runs after the one before (a line's hyphen, a
    distribution list set in columns does not read line by line)."""
    end = find_end(tokens, wanted, start)
    return None if end is None else end[0]


def find_end(
    tokens: list[tuple[str, Word]], wanted: list[str], start: int
) -> tuple[int, int] | None:
    """As `find`: the index of the first word and that after the last."""
    for i in range(start, len(tokens)):
        at = i
        for k, word in enumerate(wanted):
            window = range(at, at + 1) if k == 0 else range(at + 1, min(at + 5, len(tokens)))
            at = next((n for n in window if same(tokens[n][0], word)), -1)
            if at < 0:
                break
        if at >= 0:
            return i, at + 1
    return None


# ============================================================ tests


def test_the_pair_prefers_a_transcript() -> None:
    root = parse_xml(FIXTURES / f"{THREE_VERSIONS}.xml").getroot()
    chosen = facing.pair(root)
    assert chosen is not None
    assert (chosen[1].get("type"), chosen[1].get("subtype")) == ("original", "transcript")
    assert chosen[3].get("type") == "translation"
    expected = the_pair(root)
    assert expected is not None and expected == (chosen[1], chosen[3])


def test_groups_follow_the_links() -> None:
    """render/facing's groups are those the links give (expected_groups), in order; for
    each original of the fixtures against its translation."""
    shapes = set()
    for path in sorted(FIXTURES.glob("*.xml")):
        root = parse_xml(path).getroot()
        found = versions(root)
        right_key, right = next((k, d) for k, d in found if d.get("type") == "translation")
        for left_key, left in ((k, d) for k, d in found if d.get("type") == "original"):
            made = [
                ([e.get(XML_ID) for e in g.original if e.get(XML_ID)],
                 [e.get(XML_ID) for e in g.translation if e.get(XML_ID)])
                for g in facing.groups((left_key, left), (right_key, right))
            ]  # fmt: skip
            made = [g for g in made if g != ([], [])]  # (what stands before the blocks)
            expected = expected_groups(left, right)
            assert made == expected, f"{path.name} {left_key}"
            shapes |= {(min(len(a), 2), min(len(b), 2)) for a, b in expected}
    # one-to-one, one-to-many both ways, blocks without a counterpart on either side
    assert shapes >= {(1, 1), (1, 2), (2, 1), (1, 0), (0, 1)}, shapes


def test_without_links_the_print_is_as_before(converted_tei: Path) -> None:
    """A document without links between its versions (or with one version) is set as in
    the plain print: only the principles say more."""
    paths = [p for p in sorted(converted_tei.glob("*.xml")) if not the_pair(parse_xml(p).getroot())]
    trees = [parse_xml(p) for p in paths[:12]]
    styles = Styles.of(repo_edition())
    plain = paged_html(trees, converted_tei / "authority", False, styles=styles)
    parallel = paged_html(trees, converted_tei / "authority", False, styles=styles, parallel=True)
    assert 'table class="facing"' not in parallel
    said = message("print.principles.parallel", "en").split()[:4]
    assert " ".join(said) in " ".join(lxml.html.fromstring(parallel).text_content().split())
    strip = re.compile(r"<p>In this edition the original and its translation face.*?</p>", re.S)
    assert strip.sub("", parallel) == plain


def test_groups_stand_level(printed: Printed) -> None:
    """In each document's own PDF and in the volume, every group's first words on the
    original's side and on the translation's stand on the same page, their first lines
    level; the groups follow each other down the columns."""
    checked = 0
    for xml_id, tree in printed.trees.items():
        root = tree.getroot()
        pair = the_pair(root)
        if pair is None:
            continue
        left, right = pair
        groups = expected_groups(left, right)
        by_id = {e.get(XML_ID): e for e in root.iter() if e.get(XML_ID)}
        own, width, height = bbox_words(printed.pdf(xml_id))
        heading = line_of(own, 1, min(w.y0 for w in own if w.page == 1))
        for pdf in (printed.pdf(xml_id), printed.out / "edition.pdf"):
            words, width, height = bbox_words(pdf)
            # in the volume, the document's pages: those it heads (the running head; on its
            # first page, which has none, the heading itself at the top of the text block)
            pages = {w.page for w in words if w.y0 < 90 and line_of(words, w.page, w.y0) == heading}
            words = [w for w in words if w.page in pages or pdf == printed.pdf(xml_id)]
            columns = [
                column(words, width, height, left=True),
                column(words, width, height, left=False),
            ]
            labels = [
                message(f"version.{left.get('subtype') or 'original'}", "en"),
                message("version.translation", "en"),
            ]
            # the columns start under their headings, on the document's first page of them
            starts = [
                find(col, [LETTERS.findall(label)[0].upper()], 0)
                for col, label in zip(columns, labels, strict=True)
            ]
            assert None not in starts, f"{pdf.name}: no column headings {labels}"
            at = [s + 1 for s in starts if s is not None]
            problems = []
            for ids_left, ids_right in groups:
                texts = [cell_words([by_id[k] for k in ids]) for ids in (ids_left, ids_right)]
                sides = [text[:3] for text in texts]
                found: list[Word | None] = [None, None]
                for side in (0, 1):
                    if not sides[side]:
                        continue
                    hit = find(columns[side], sides[side], at[side])
                    if hit is None:
                        problems.append(f"{ids_left + ids_right}: {sides[side]} not found in order")
                        continue
                    found[side] = columns[side][hit][1]
                    # the next group is looked for after this one's last words
                    end = find_end(columns[side], texts[side][-2:], hit)
                    at[side] = end[1] if end else hit + 1
                a, b = found
                if a and b:
                    checked += 1
                    if a.page != b.page or abs(a.y0 - b.y0) > LEVEL:
                        one = f"{sides[0]} (p. {a.page}, y {a.y0:.1f})"
                        problems.append(f"{one} / {sides[1]} (p. {b.page}, y {b.y0:.1f})")
            assert not problems, f"{pdf.name}:\n" + "\n".join(problems)
    assert checked > 20, "too few groups with words on both sides"


def test_three_versions_face_transcript_and_translation(printed: Printed) -> None:
    """The three-version seed is among the documents: its transcript heads the left
    column, the translation the right, on one line; its scan follows, whole."""
    assert THREE_VERSIONS in printed.trees
    words, width, _ = bbox_words(printed.pdf(THREE_VERSIONS))
    heads = [message(f"version.{key}", "en").upper() for key in ("transcript", "translation")]
    lines: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        lines.setdefault((word.page, round(word.y0)), []).append(word)
    headed = [
        line
        for line in lines.values()
        if " ".join(w.text for w in line if w.x1 < width / 2) == heads[0]
        and " ".join(w.text for w in line if w.x0 > width / 2) == heads[1]
    ]
    assert headed and headed[0][0].page == 1, f"no line headed {heads}"
    text = " ".join(w.text for w in words).upper()
    assert message("version.scan", "en").upper() in text


def test_footnotes_on_the_page_of_their_call(printed: Printed) -> None:
    """Every footnote of a facing document's own PDF is at the foot of the page of its call:
    the page of the call in WeasyPrint's layout of the same paged HTML, its text found on
    that page of the PDF."""
    styles = Styles.of(repo_edition())
    checked = 0
    for xml_id, tree in printed.trees.items():
        if the_pair(tree.getroot()) is None:
            continue
        source = paged_html([tree], printed.tei / "authority", True, styles=styles, parallel=True)
        document = lay_out(source, styles)
        pages = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-layout", str(printed.pdf(xml_id)), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split("\f")
        assert len(document.pages) == len([p for p in pages if p.strip()])
        html = lxml.html.fromstring(source)
        calls, bodies, _ = footnotes(document)
        for span in html.xpath("//table[@class='facing']//span[contains(@class, 'footnote')]"):
            key = span.get("id")
            assert calls[key] and calls[key] == bodies[key], (
                f"{xml_id} {key}: {calls[key]} {bodies[key]}"
            )
            wanted = LETTERS.findall(span.text_content())[:3]
            page = " ".join(pages[calls[key][0] - 1].split())
            assert " ".join(wanted) in " ".join(LETTERS.findall(page)), f"{xml_id} {key}: {wanted}"
            checked += 1
    assert checked >= 3, "too few footnotes in facing documents"


def test_screenshots(printed: Printed) -> None:
    """A few pages as a reader sees them (build/screenshots/print-parallel-*.png)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for xml_id in sorted(printed.trees)[:2]:
        prefix = SCREENSHOTS / f"print-parallel-{xml_id}"
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-l", "2", str(printed.pdf(xml_id)), str(prefix)],
            check=True,
        )
    assert list(SCREENSHOTS.glob("print-parallel-*.png"))


def test_build_honours_the_editions_print_parallel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`[print] parallel = true` makes `build` set the linked documents facing (and says
    the print redone when it changes); `--no-parallel` and a plain print as before."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    config = tmp_path / "cablegram.toml"
    config.write_text('[paths]\nsources = "seeds"\n[print]\nparallel = true\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    volume = tmp_path / "build" / "print" / "edition.html"
    result = run_cli("build")
    assert result.exit_code == 0, result.output
    facing_tables = volume.read_text(encoding="utf-8").count('<table class="facing">')
    linked = [p for p in (tmp_path / "tei").glob("*.xml") if the_pair(parse_xml(p).getroot())]
    assert linked and facing_tables == len(linked)
    result = run_cli("build", "--no-parallel")
    assert result.exit_code == 0, result.output
    assert re.search(r"print [1-9]\d* redone", result.stderr + result.stdout)
    assert '<table class="facing">' not in volume.read_text(encoding="utf-8")
