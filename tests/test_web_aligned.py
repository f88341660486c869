"""Aligned versions on the web page (issue 17): the pair's corresponding passages start at
the same height, a passage highlights its counterparts, its permalink opens the page there,
the view survives a reload through the address, a narrow screen puts each passage above
its counterpart. The expected pairs come from the converted TEI's @corresp (the aligner's),
never from a list of ids.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from test_web_browser import Served, _serve

THREE = "cable-1951-07-03-21404-mao-zedong"  # seed 003: scan, transcript, translation
CROSSING = "cable-1951-06-30-21340-mao-zedong"  # seed 000: its salute and series line cross
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NS = {"tei": "http://www.tei-c.org/ns/1.0"}


def links(tei: Path, left: str, right: str) -> list[tuple[str, str]]:
    """Every @corresp link of the document between a block of `left` and one of `right`."""
    tree = etree.parse(str(tei))
    pairs = set()
    for div in tree.xpath("//tei:text/tei:body/tei:div", namespaces=NS):
        key = "-".join(v for v in (div.get("type"), div.get("subtype")) if v)
        if key != left:
            continue
        for block in div.xpath(".//*[@corresp]"):
            for ref in block.get("corresp").split():
                if ref.startswith(f"#{right}-"):
                    pairs.add((block.get(XML_ID), ref[1:]))
    return sorted(pairs)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, converted_tei: Path) -> Iterator[Served]:
    with _serve(converted_tei, tmp_path_factory.mktemp("aligned") / "site") as served:
        yield served


def test_every_link_is_a_row_pairing_in_the_page(site: Served) -> None:
    """Without JavaScript: the default pair's linked passages start on the same grid line,
    and every passage carries its links."""
    doc = lxml.html.parse(str(site.out / f"{THREE}.html")).getroot()
    versions = doc.xpath("//div[contains(@class, 'versions')]")[0]
    assert "aligned" in versions.get("class").split()
    left, right = versions.get("data-left"), versions.get("data-right")
    assert (left, right) == ("original-scan", "translation")
    pairs = links(site.tei / f"{THREE}.xml", left, right)
    assert pairs
    line = {}
    for unit in doc.xpath("//*[@data-u][@id]"):
        style = dict(
            part.split(":")
            for part in (unit.get("style") or "").replace(" ", "").split(";")
            if part
        )
        line[unit.get("id")] = style.get("--r")
    problems = [
        (a, b, line.get(a), line.get(b))
        for a, b in pairs
        if not line.get(a) or (line.get(a) != line.get(b) and not _same_row(doc, a, b))
    ]
    assert not problems, problems
    for a, b in links(site.tei / f"{THREE}.xml", "original-transcript", "translation"):
        unit = doc.get_element_by_id(a)
        assert f"#{b}" in unit.get("data-corresp").split()


def _same_row(doc, a: str, b: str) -> bool:
    """A one-to-many row: the first passages of its sides share its first line; the others
    follow within the lines the row spans."""

    def lines(i: str) -> tuple[int, int]:
        style = doc.get_element_by_id(i).get("style")
        values = dict(p.strip().split(":") for p in style.split(";"))
        r = int(values["--r"])
        return r, r + int(values.get("--s", 1)) - 1

    (a0, a1), (b0, b1) = lines(a), lines(b)
    return a0 <= b1 and b0 <= a1


@pytest.fixture(scope="module")
def browser():
    from test_web_browser import launched  # skips without Chromium

    with launched() as chromium:
        yield chromium


def tops(page, ids: list[str]) -> dict[str, float]:
    return page.evaluate(
        "ids => Object.fromEntries(ids.map("
        "i => [i, document.getElementById(i).getBoundingClientRect().top]))",
        ids,
    )


def document_order(tei: Path) -> dict[str, int]:
    """The place of every element with an id in the TEI document."""
    tree = etree.parse(str(tei))
    return {e.get(XML_ID): n for n, e in enumerate(tree.iter()) if e.get(XML_ID)}


def tei_groups(tei: Path, left: str, right: str) -> list[tuple[list[str], list[str]]]:
    """The groups of a pair of versions, from the TEI alone: the connected components of
    their links, joined where they cross or enclose one another on either side (a row
    cannot hold them apart), each as its two sides' ids in document order."""
    pairs = links(tei, left, right)
    order = document_order(tei)
    groups: list[tuple[set[str], set[str]]] = []
    for a, b in pairs:
        joined = [g for g in groups if a in g[0] or b in g[1]]
        merged = (
            {a}.union(*(g[0] for g in joined)),
            {b}.union(*(g[1] for g in joined)),
        )
        groups = [g for g in groups if g not in joined] + [merged]
    changed = True
    while changed:  # join the groups whose spans overlap on either side
        changed = False
        for g, h in itertools.combinations(groups, 2):
            spans = [([order[x] for x in g[k]], [order[x] for x in h[k]]) for k in (0, 1)]
            crossing = (min(spans[0][0]) < min(spans[0][1])) != (
                min(spans[1][0]) < min(spans[1][1])
            )
            if crossing or any(_overlap(*side) for side in spans):
                groups.remove(g)
                groups.remove(h)
                groups.append((g[0] | h[0], g[1] | h[1]))
                changed = True
                break
    return sorted(
        ([*sorted(g[0], key=order.__getitem__)], [*sorted(g[1], key=order.__getitem__)])
        for g in groups
    )


def _overlap(first: list[int], second: list[int]) -> bool:
    return min(first) <= max(second) and min(second) <= max(first)


def groups(tei: Path, left: str, right: str) -> list[tuple[str, str]]:
    """The first passage of each side of every group."""
    return [(lefts[0], rights[0]) for lefts, rights in tei_groups(tei, left, right)]


def test_every_group_of_every_document_starts_on_one_line(site: Served, converted: dict) -> None:
    """Without JavaScript, in every document with linked versions, each group of the
    default pair (crossing links joined in one) starts on the same grid line on both sides."""
    checked = 0
    for page in sorted(site.out.glob("*.html")):
        tei = site.tei / f"{page.stem}.xml"
        if not tei.exists():
            continue
        doc = lxml.html.parse(str(page)).getroot()
        found = doc.xpath("//div[contains(@class, 'versions')][@data-left]")
        if not found or "aligned" not in found[0].get("class").split():
            continue
        left, right = found[0].get("data-left"), found[0].get("data-right")
        for lefts, rights in tei_groups(tei, left, right):
            starts = {_line(doc, lefts[0]), _line(doc, rights[0])}
            assert len(starts) == 1, (page.stem, lefts, rights, starts)
        checked += 1
    assert checked >= 15


def _line(doc, anchor: str) -> str:
    style = doc.get_element_by_id(anchor).get("style") or ""
    return dict(p.strip().split(":") for p in style.split(";") if p.strip()).get("--r", "")


@pytest.mark.parametrize("width", [1400, 1024])
@pytest.mark.parametrize(
    ("document", "left", "right"),
    [
        (THREE, "original-scan", "translation"),
        (THREE, "original-transcript", "translation"),
        (CROSSING, "original-scan", "translation"),
    ],
)
def test_corresponding_passages_start_at_the_same_height(
    site: Served, browser, width: int, document: str, left: str, right: str
) -> None:
    """Measured in the browser, with the page's script choosing the pair: each group's
    first passages level (two crossing links, in cable 21340, are one group)."""
    firsts = groups(site.tei / f"{document}.xml", left, right)
    assert firsts
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{site.base}{document}.html?left={left}&right={right}")
    at = tops(page, sorted(set(itertools.chain.from_iterable(firsts))))
    off = [(a, b, at[a], at[b]) for a, b in firsts if abs(at[a] - at[b]) > 4]
    assert not off, off
    assert page.evaluate(
        f"!document.getElementById('{left}').hidden && !document.getElementById('{right}').hidden"
    )
    page.screenshot(path=str(site.out.parent / f"aligned-{document}-{left}-{width}.png"))
    page.close()


def test_focus_highlights_the_counterparts(site: Served, browser) -> None:
    a, b = links(site.tei / f"{THREE}.xml", "original-scan", "translation")[-1]
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{site.base}{THREE}.html")
    anchor = page.locator(f"#{a} > a.anchor")
    anchor.focus()
    assert page.evaluate("document.activeElement.classList.contains('anchor')")
    assert anchor.evaluate("a => getComputedStyle(a).opacity") == "1"
    assert "passage-linked" in page.locator(f"#{b}").get_attribute("class").split()
    page.close()


def test_permalink_opens_at_the_passage_with_its_counterparts(site: Served, browser) -> None:
    pairs = links(site.tei / f"{THREE}.xml", "original-transcript", "translation")
    _, b = pairs[len(pairs) // 2]
    page = browser.new_page(viewport={"width": 1024, "height": 700})
    page.goto(f"{site.base}{THREE}.html#{b}")
    assert "passage-current" in page.locator(f"#{b}").get_attribute("class").split()
    box = page.locator(f"#{b}").bounding_box()
    assert box and -1 <= box["y"] < 700
    counterparts = page.locator(".passage-counterpart")
    assert counterparts.count() >= 1
    cite = page.locator("#passage-citation").inner_text()
    assert f"#{b}" in cite
    page.close()


def test_the_view_survives_a_reload(site: Served, browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{site.base}{THREE}.html")
    page.select_option("select[name='left']", "original-transcript")
    assert "left=original-transcript" in page.url
    page.reload()
    assert page.locator("select[name='left']").input_value() == "original-transcript"
    assert page.evaluate("document.getElementById('original-scan').hidden")
    assert not page.evaluate("document.getElementById('original-transcript').hidden")
    page.close()


def test_a_narrow_screen_puts_the_counterpart_under_each_passage(site: Served, browser) -> None:
    pairs = links(site.tei / f"{THREE}.xml", "original-scan", "translation")
    page = browser.new_page(viewport={"width": 400, "height": 900})
    page.goto(f"{site.base}{THREE}.html")
    page.screenshot(path=str(site.out.parent / "aligned-400.png"), full_page=True)
    for a, b in pairs:
        ra = page.locator(f"#{a}").bounding_box()
        rb = page.locator(f"#{b}").bounding_box()
        assert ra and rb and rb["y"] >= ra["y"] + ra["height"] - 1, (a, b)
        # nothing of the left version between them
        later = [
            x
            for x, _ in pairs
            if (bx := page.locator(f"#{x}").bounding_box())
            and ra["y"] < bx["y"] < rb["y"]
            and x != a
        ]
        assert all(x in {p for p, q in pairs if q == b} for x in later), (a, b, later)
    page.uncheck("input[name='under']")
    assert not page.locator(f"#{pairs[0][1]}").is_visible()
    page.close()
