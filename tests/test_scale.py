"""Scale: the synthetic corpus of benchmarks/corpus.py, and output that does not depend on
the number of processes (--jobs)."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from cablegram import pipeline
from cablegram.build import Built, Withdrawn, steps
from cablegram.build import build as build_edition
from cablegram.edition import load_edition
from cablegram.errors import CablegramError
from cablegram.hashes import file_hash
from cablegram.parallel import parallel_map
from cablegram.render import print as print_module
from cablegram.render import web
from cablegram.render.records import Facts
from cablegram.render.search import MANIFEST, STAMP, build_search_index
from cablegram.render.summaries import Summary
from cablegram.render.web import SummaryCache, render_site
from cablegram.render.xslt import Styles
from cablegram.safexml import parse_xml
from cablegram.validate import runner, validate_files
from conftest import ROOT, SEEDS, TEI_DIR, VARIANTS

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate

NS = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(40, tmp_path_factory.mktemp("exports"))[0].parent


def _convert(sources: list[Path], out: Path, jobs: int) -> dict[str, bytes]:
    shutil.copytree(TEI_DIR / "authority", out / "authority")
    results = pipeline.convert(sources, out, jobs=jobs)
    assert all(r.status == "written" for r in results), [r.message for r in results]
    return {p.name: p.read_bytes() for p in out.glob("*.xml")}


def test_the_synthetic_corpus_converts_and_validates(synthetic: Path, tmp_path: Path) -> None:
    files = _convert([synthetic], tmp_path / "tei", jobs=2)
    assert len(files) == 40
    report = validate_files([tmp_path / "tei"], jobs=2)
    assert report.valid, "\n".join(map(str, report.errors[:10]))


def test_the_synthetic_corpus_is_varied(synthetic: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(synthetic.glob("*.txt"))]
    assert len(set(texts)) == len(texts)
    assert any(t.startswith("\n\n## **") for t in texts)  # Markdown
    assert any("\f" in t for t in texts)  # pdftotext
    assert any(not t.endswith("\n") for t in texts)  # partial pages
    assert len({len(t) // 500 for t in texts}) > 3  # lengths vary


def test_convert_output_is_the_same_whatever_the_jobs(synthetic: Path, tmp_path: Path) -> None:
    one = _convert([SEEDS, synthetic], tmp_path / "one", jobs=1)
    two = _convert([SEEDS, synthetic], tmp_path / "two", jobs=2)
    assert one == two


def test_repeated_ids_are_the_same_whatever_the_jobs(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three copies of a seed among other sources: the second and third get -2 and -3 in
    source order, and are encoded (names tagged) as fully as the first, also when the
    workers did the tagging and this process holds no name index of its own."""
    sources = tmp_path / "sources"
    sources.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    for name in ("a-copy.txt", "m-copy.txt", "z-copy.txt"):
        shutil.copy(seed, sources / name)
    for path in sorted(synthetic.glob("*.txt"))[:8]:
        shutil.copy(path, sources / path.name)
    monkeypatch.setattr(pipeline, "_INDEX", {})
    two = _convert([sources], tmp_path / "two", jobs=2)
    one = _convert([sources], tmp_path / "one", jobs=1)
    assert one == two
    base = pipeline.convert([seed], tmp_path / "alone")[0].xml_id
    copies = sorted(name for name in two if name.startswith(str(base)))
    assert copies == [f"{base}-2.xml", f"{base}-3.xml", f"{base}.xml"]
    for name in copies:
        assert two[name].count(b"<persName ref=") == two[f"{base}.xml"].count(b"<persName ref=")
        assert f'xml:id="{name.removesuffix(".xml")}"'.encode() in two[name]


def test_validate_and_web_are_the_same_whatever_the_jobs(synthetic: Path, tmp_path: Path) -> None:
    _convert([synthetic], tmp_path / "tei", jobs=2)
    reports = [validate_files([tmp_path / "tei"], jobs=jobs) for jobs in (1, 2)]
    assert reports[0].issues == reports[1].issues
    sites = []
    for jobs in (1, 2):
        site = tmp_path / f"site{jobs}"
        pipeline.web([tmp_path / "tei"], site, search=False, jobs=jobs)
        sites.append({p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()})
    assert sites[0] == sites[1]


def test_build_redoes_only_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Incremental builds, decided from content hashes: nothing changed, nothing redone;
    one source changed, its TEI, page and PDF redone (and the pages spanning the corpus)."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "seeds")
    shutil.copytree(TEI_DIR / "authority", "tei/authority")
    args = (Path("seeds"), Path("tei"), Path("build/site"), Path("build/print"))
    first = build_edition(*args)
    assert first.redone == {"convert": 5, "validate": 5, "web": 5, "print": 5}
    assert set(first.seconds) == {"convert", "validate", "web", "search", "print"}
    assert 0 < first.seconds["search"] < first.seconds["web"]  # indexing is part of the step
    index = Path("build/site/index.html").read_bytes()
    again = build_edition(*args)
    assert again.redone == {"convert": 0, "validate": 0, "web": 0, "print": 0}
    assert again.site is not None and again.site.pages == []
    assert again.seconds["search"] == 0  # no page written: the index is not made again
    source = sorted(Path("seeds").glob("*.txt"))[0]
    source.write_text(source.read_text(encoding="utf-8").replace("Mao asks", "Mao asks now"))
    third = build_edition(*args)
    assert third.redone == {"convert": 1, "validate": 1, "web": 1, "print": 1}
    assert Path("build/site/index.html").read_bytes() != index  # the summary is in the index
    assert third.volume is not None and third.volume.pages > 0  # the volume is made again


def _seed_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: list[Path] | None = None
) -> tuple[Path, ...]:
    """The arguments of `pipeline.build` for the seeds (or the exports of `corpus`) in
    `tmp_path`."""
    monkeypatch.chdir(tmp_path)
    Path("seeds").mkdir()
    for source in corpus or sorted(SEEDS.iterdir()):
        shutil.copy(source, "seeds")
    shutil.copytree(TEI_DIR / "authority", "tei/authority")
    return Path("seeds"), Path("tei"), Path("build/site"), Path("build/print")


@pytest.fixture(params=["seeds", "synthetic"])
def corpus(request: pytest.FixtureRequest, synthetic: Path) -> list[Path] | None:
    """The seeds, or exports of the synthetic corpus none of the tests was written for."""
    return None if request.param == "seeds" else sorted(synthetic.glob("*.txt"))[:6]


def _outputs(xml_id: str) -> list[Path]:
    """What a build makes of one cable: its TEI, page, downloadable TEI, PDF and the PDF's
    copy in the site."""
    site, printed = Path("build/site"), Path("build/print")
    return [Path("tei", f"{xml_id}.xml"), site / f"{xml_id}.html", site / "tei" / f"{xml_id}.xml",
            printed / f"{xml_id}.pdf", site / "pdf" / f"{xml_id}.pdf"]  # fmt: skip


def test_a_cable_whose_id_changes_leaves_nothing_under_its_old_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: list[Path] | None
) -> None:
    """A corrected cable number gives the document another id: the build removes what it
    made under the old one, so the edition does not hold the cable twice (its old page is
    a redirect to the new one: tests/test_edition_stability.py)."""
    args = _seed_build(tmp_path, monkeypatch, corpus)
    first = build_edition(*args)
    result = next(c for c in first.converted if c.xml_id and c.xml_id.split("-")[4].isdigit())
    assert result.xml_id and all(path.is_file() for path in _outputs(result.xml_id))
    number = result.xml_id.split("-")[4]
    corrected = str(int(number) + 1)
    _edit(result.source, number, corrected)
    again = build_edition(*args)
    new_id = result.xml_id.replace(f"-{number}-", f"-{corrected}-")
    assert again.withdrawn == [
        Withdrawn(Path("tei", f"{result.xml_id}.xml"), result.source.name, new_id, True)
    ]
    tei, page, copy, pdf, carried = _outputs(result.xml_id)
    assert not tei.exists() and not copy.exists() and not pdf.exists() and not carried.exists()
    assert sorted(again.removed) == sorted([page, copy, pdf, carried])
    # the old address keeps working: its page, removed, is made again as a redirect
    assert again.redirected == {page: new_id}
    assert f'content="0; url={new_id}.html"' in page.read_text(encoding="utf-8")
    assert all(path.is_file() for path in _outputs(new_id))
    assert result.xml_id not in Path("build/site/index.html").read_text(encoding="utf-8")
    assert len(list(Path("tei").glob("*.xml"))) == len(first.converted)


def test_a_removed_source_takes_its_cable_out_of_the_edition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: list[Path] | None
) -> None:
    args = _seed_build(tmp_path, monkeypatch, corpus)
    first = build_edition(*args)
    gone = first.converted[-1]
    assert gone.xml_id
    gone.source.unlink()
    again = build_edition(*args)
    assert [(w.tei, w.source, w.now, w.removed) for w in again.withdrawn] == [
        (Path("tei", f"{gone.xml_id}.xml"), gone.source.name, None, True)
    ]
    assert not any(path.exists() for path in _outputs(gone.xml_id))
    assert again.redone["convert"] == 0 and again.report.valid
    state = Path("build/.cablegram-state.json").read_text(encoding="utf-8")
    assert gone.source.name not in state and gone.xml_id not in state  # nothing kept of it
    assert gone.xml_id not in Path("build/site/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("sources", ["missing", "empty"])
def test_sources_that_cannot_be_read_or_hold_none_withdraw_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sources: str
) -> None:
    """A sources directory missing (not mounted) or empty is no reason to empty the
    edition: the TEI files stay, and a later build with the sources keeps them all."""
    args = _seed_build(tmp_path, monkeypatch)
    first = build_edition(*args[:3], None)
    before = {path.name: path.read_bytes() for path in Path("tei").glob("*.xml")}
    shutil.move("seeds", "seeds.away")
    if sources == "empty":
        Path("seeds").mkdir()
    again = build_edition(Path("seeds"), *args[1:3], None)
    assert again.withdrawn == [] and again.removed == []
    assert {path.name: path.read_bytes() for path in Path("tei").glob("*.xml")} == before
    shutil.rmtree("seeds", ignore_errors=True)
    shutil.move("seeds.away", "seeds")
    back = build_edition(*args[:3], None)
    assert back.withdrawn == [] and back.redone["convert"] == 0
    assert len(back.converted) == len(first.converted)


def test_a_cable_edited_by_hand_is_the_editions_text_until_its_source_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editors correct the TEI by hand: with its source unchanged, the build keeps the
    edited file, validates and renders it, and converts nothing again; once the source
    changes too, the two disagree and the file is kept, reported as not overwritten."""
    args = _seed_build(tmp_path, monkeypatch)
    first = build_edition(*args[:3], None)
    cable = first.converted[0]
    assert cable.output and cable.xml_id
    _edit(cable.output, "</TEI>", "<!-- checked against the scan --></TEI>")
    edited = cable.output.read_bytes()
    again = build_edition(*args[:3], None)
    assert [(c.source, c.status) for c in again.converted if c.status != "unchanged"] == [
        (cable.source, "edited")
    ]
    assert again.redone["convert"] == 0 and again.redone["validate"] == 1
    assert again.redone["web"] == 1 and again.site is not None
    assert cable.output.read_bytes() == edited
    page = Path("build/site/tei") / f"{cable.xml_id}.xml"
    assert page.read_bytes() == edited  # the downloadable TEI is the edited one
    assert build_edition(*args[:3], None).redone["web"] == 0  # and stays done
    # the authority files change (every source is due to be converted again): the edited
    # file is kept, with a word that a conversion now might differ
    _edit(Path("tei/authority/persons.xml"), "</listPerson>", "<!-- --></listPerson>")
    upgraded = build_edition(*args[:3], None)
    [edited_now] = [c for c in upgraded.converted if c.source == cable.source]
    assert edited_now.status == "edited" and cable.output.read_bytes() == edited
    assert edited_now.warnings == [
        f"{cable.output}: edited by hand, kept as it is, although the code or the authority "
        f"files changed since it was made from its source (--force-file {cable.output} makes "
        "it again)"
    ]
    _edit(cable.source, "Cable", "Cable ")
    conflict = build_edition(*args[:3], None)
    [kept] = [c for c in conflict.converted if c.source == cable.source]
    assert kept.status == "kept" and "edited by hand" in (kept.message or "")
    assert cable.output.read_bytes() == edited
    forced = build_edition(*args[:3], None, force=True)
    assert [c.status for c in forced.converted if c.source == cable.source] == ["written"]
    assert cable.output.read_bytes() != edited


def test_pages_and_pdfs_deleted_since_are_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: list[Path] | None
) -> None:
    """The state says what was made; what is on disk decides too: a deleted page, TEI
    copy or PDF, or a whole output directory, is made again."""
    args = _seed_build(tmp_path, monkeypatch, corpus)
    first = build_edition(*args)
    ids = [c.xml_id for c in first.converted if c.xml_id]
    everything = [path for xml_id in ids for path in _outputs(xml_id)]
    one, two = ids[:2]
    _outputs(one)[1].unlink()  # its page
    _outputs(two)[2].unlink()  # its downloadable TEI
    _outputs(two)[3].unlink()  # its PDF
    again = build_edition(*args)
    assert (again.redone["web"], again.redone["print"]) == (2, 1)
    assert all(path.is_file() for path in everything)
    shutil.rmtree("build/site")
    shutil.rmtree("build/print")
    third = build_edition(*args)
    assert (third.redone["web"], third.redone["print"]) == (len(ids), len(ids))
    assert all(path.is_file() for path in everything)
    assert Path("build/site/index.html").is_file() and Path("build/print/edition.pdf").is_file()


def test_print_reads_only_the_tei_files_of_what_it_makes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: list[Path] | None
) -> None:
    """A rebuild with nothing to print reads no TEI file; one PDF deleted, its cable's only
    (the volume is not due: nothing in the corpus changed)."""
    args = _seed_build(tmp_path, monkeypatch, corpus)
    first = build_edition(*args)
    read: list[Path] = []

    def counting_parse(path: Path) -> etree._ElementTree:
        read.append(path)
        return parse_xml(path)

    monkeypatch.setattr(print_module, "parse_xml", counting_parse)
    again = build_edition(*args)
    assert again.redone["print"] == 0 and read == []
    one = sorted(c.xml_id for c in first.converted if c.xml_id)[2]
    _outputs(one)[3].unlink()
    third = build_edition(*args)
    assert third.redone["print"] == 1 and read == [Path("tei", f"{one}.xml")]
    assert third.volume is not None and third.volume.pdfs == [_outputs(one)[3]]


def test_a_change_prints_again_only_the_volume_of_its_cable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, synthetic: Path
) -> None:
    """The print edition in volumes: a changed cable makes its own PDF and its volume
    again, the other volumes are kept; nothing changed, nothing is typeset."""
    sources = sorted(synthetic.glob("*.txt"))[:6]
    args = _seed_build(tmp_path, monkeypatch, sources)
    first = build_edition(*args, volume_size=2)
    names = ["edition-1.pdf", "edition-2.pdf", "edition-3.pdf"]
    assert first.volume is not None and list(first.volume.volumes) == names
    again = build_edition(*args, volume_size=2)
    assert again.volume is not None and again.volume.pdfs == [] and again.volume.pages == 0
    source = next(p for p in Path("seeds").iterdir() if "negotiations" in p.read_text())
    source.write_text(source.read_text().replace("negotiations", "talks", 1))
    third = build_edition(*args, volume_size=2)
    assert third.volume is not None and third.redone["print"] == 1
    xml_id = next(c.xml_id for c in third.converted if c.source.name == source.name)
    remade = [pdf.name for pdf in third.volume.pdfs if pdf.name in names]
    assert len(remade) == 1 and f'href="#{xml_id}"' in (
        Path("build/print") / remade[0]
    ).with_suffix(".html").read_text(encoding="utf-8")
    assert Path("build/print", f"{xml_id}.pdf") in third.volume.pdfs
    # the index of the volumes is made again from the pages kept beside each volume
    assert Path("build/print/edition-index.pdf") in third.volume.pdfs
    Path("build/print/edition-index.pdf").unlink()  # gone: made again, no volume with it
    fourth = build_edition(*args, volume_size=2)
    assert fourth.volume is not None
    assert fourth.volume.pdfs == [Path("build/print/edition-index.pdf")]


def test_a_cable_edited_by_hand_is_kept_when_its_source_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = _seed_build(tmp_path, monkeypatch)
    first = build_edition(*args, jobs=1)
    kept = first.converted[0]
    assert kept.output and kept.xml_id
    _edit(kept.output, "</TEI>", "<!-- checked against the scan --></TEI>")
    kept.source.unlink()
    again = build_edition(*args, jobs=1)
    assert [(w.tei, w.removed) for w in again.withdrawn] == [(kept.output, False)]
    assert all(path.is_file() for path in _outputs(kept.xml_id))  # still in the edition
    assert again.removed == []


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: no {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_build_redoes_what_a_stylesheet_schema_or_authority_change_touches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each input of a step is in its hashes: a web stylesheet redoes the pages, a print
    stylesheet the PDFs, a shared one both, a schema the validation, an authority file the
    validation and the pages; new timestamps alone redo nothing."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "seeds")
    shutil.copytree(TEI_DIR / "authority", "tei/authority")
    Path("cablegram.toml").write_text('[paths]\nsources = "seeds"\n', encoding="utf-8")
    empty = '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
    for name in ("web/cable.xsl", "print/volume.xsl", "common/text.xsl"):  # the edition's own
        Path("xslt", name).parent.mkdir(parents=True, exist_ok=True)
        Path("xslt", name).write_text(f"{empty}\n</xsl:stylesheet>\n", encoding="utf-8")
    # the package's schemas, as a new version of cablegram may bring them
    packaged = tmp_path / "package" / "schemas"
    shutil.copytree(ROOT / "schemas", packaged, ignore=shutil.ignore_patterns("tei"))
    monkeypatch.setattr(steps, "schema_dir", lambda: packaged)
    monkeypatch.setattr(runner, "schema_dir", lambda: packaged)
    edition = load_edition()
    args = (Path("seeds"), Path("tei"), Path("build/site"), Path("build/print"))

    def redone() -> dict[str, int]:
        built = build_edition(*args, jobs=1, edition=edition)
        assert built.report.valid
        return built.redone

    nothing = {"convert": 0, "validate": 0, "web": 0, "print": 0}
    assert redone() == {"convert": 5, "validate": 5, "web": 5, "print": 5}
    later = time.time() + 3600
    for path in [*Path(".").rglob("*.xml"), *Path(".").rglob("*.xsl"), *Path(".").rglob("*.txt")]:
        os.utime(path, (later, later))
    assert redone() == nothing

    comment = "<!-- changed -->\n</xsl:stylesheet>"
    _edit(Path("xslt/web/cable.xsl"), "</xsl:stylesheet>", comment)
    assert redone() == {**nothing, "web": 5}
    _edit(Path("xslt/print/volume.xsl"), "</xsl:stylesheet>", comment)
    assert redone() == {**nothing, "print": 5}
    _edit(Path("xslt/common/text.xsl"), "</xsl:stylesheet>", comment)
    assert redone() == {**nothing, "web": 5, "print": 5}
    _edit(packaged / "cablegram.sch", "</sch:schema>", "<!-- changed -->\n</sch:schema>")
    assert redone() == {**nothing, "validate": 5}

    persons = Path("build/site/persons.html").read_text(encoding="utf-8")
    volume = Path("build/print/edition.pdf").read_bytes()
    _edit(Path("tei/authority/persons.xml"), ">Joseph</forename>", ">Iosif</forename>")
    # the documents themselves are the same; their pages identify the entries they name
    # from the authority files (the side panel)
    assert redone() == {**nothing, "validate": 5, "web": 5}
    assert Path("build/print/edition.pdf").read_bytes() != volume  # its index of persons
    assert "Iosif Stalin" not in persons
    assert "Iosif Stalin" in Path("build/site/persons.html").read_text(encoding="utf-8")
    assert "Iosif Stalin" in Path("build/site/person-stalin.html").read_text(encoding="utf-8")


def _corpus_pages(site: Path) -> dict[str, bytes]:
    """Every page of a site that spans the corpus (all but the cables' own)."""
    return {p.name: p.read_bytes() for p in site.glob("*.html") if not p.name.startswith("cable-")}


def _entries_named(tei: Path) -> set[str]:
    """person-stalin.html … for every entry a TEI file's names point at."""
    return _entries_named_by(tei.read_text(encoding="utf-8"))


def _entries_named_by(text: str) -> set[str]:
    """The entry pages of the pointers (authority/persons.xml#stalin …) in a text."""
    prefix = {"persons": "person", "places": "place", "orgs": "org"}
    refs = re.findall(r"authority/(\w+)\.xml#([\w-]+)", text)
    return {f"{prefix[file]}-{entry}.html" for file, entry in refs}


def _untag_a_name(tei_dir: Path) -> tuple[Path, str]:
    """An editor's correction by hand: the first name in a cable's text that points at an
    authority entry no longer does (the words stay). The file, and the entry's page."""
    for tei in sorted(tei_dir.glob("*.xml")):
        tree = etree.parse(str(tei))
        names = tree.xpath(
            "//tei:text//*[self::tei:persName or self::tei:placeName or self::tei:orgName]"
            "[contains(@ref, '#')]",
            namespaces=NS,
        )
        if names:
            (page,) = _entries_named_by(names[0].get("ref"))
            del names[0].attrib["ref"]
            tree.write(str(tei), encoding="UTF-8", xml_declaration=True)
            return tei, page
    raise AssertionError(f"no name points at an entry in {tei_dir}")


def _synthetic_build(synthetic: Path) -> tuple[Path, Path, Path, None]:
    """The build's arguments for a copy of the synthetic corpus (in the current directory)."""
    shutil.copytree(synthetic, "sources")
    shutil.copytree(TEI_DIR / "authority", "tei/authority")
    return Path("sources"), Path("tei"), Path("build/site"), None


def test_a_rebuild_makes_again_only_the_entry_pages_of_the_changed_cable(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a cable was corrected, the pages of the entries it names (before and after)
    are made again and no other entry's; every corpus page is then what a fresh render
    makes."""
    monkeypatch.chdir(tmp_path)
    args = _synthetic_build(synthetic)
    build_edition(*args, jobs=1)
    pages = {p.name: p.stat().st_ino for p in Path("build/site").glob("*-*.html")}
    entry_pages = {n for n in pages if n.startswith(("person-", "place-", "org-"))}
    first = sorted(Path("tei").glob("*.xml"))[0]
    named = _entries_named(first)
    tei, entry = _untag_a_name(Path("tei"))
    assert tei == first and named < entry_pages  # other entries' pages, to be left alone
    before = Path("build/site", entry).read_bytes()
    build_edition(*args, jobs=1)
    assert Path("build/site", entry).read_bytes() != before  # a passage fewer
    again = {
        p.name for p in Path("build/site").glob("*-*.html") if p.stat().st_ino != pages[p.name]
    }
    assert again & entry_pages == named | _entries_named(tei)
    fresh = tmp_path / "fresh"
    render_site(sorted(Path("tei").glob("*.xml")), fresh, search=False, jobs=1)
    assert _corpus_pages(Path("build/site")) == _corpus_pages(fresh)


def test_pages_a_failed_build_left_unmade_are_made_by_the_next(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The summaries are kept as soon as they are made; if the corpus pages then fail
    halfway, the next build still makes every page that the change touched."""
    monkeypatch.chdir(tmp_path)
    args = _synthetic_build(synthetic)
    build_edition(*args, jobs=1)
    _untag_a_name(Path("tei"))
    real = web._list_page

    def failing(job: Any, stylesheet: str, *rest: Any) -> Path:
        if stylesheet == "entity.xsl":
            raise CablegramError("the disk is full")
        return real(job, stylesheet, *rest)

    monkeypatch.setattr(web, "_list_page", failing)
    with pytest.raises(CablegramError, match="the disk is full"):
        build_edition(*args, jobs=1)
    monkeypatch.setattr(web, "_list_page", real)
    build_edition(*args, jobs=1)
    fresh = tmp_path / "fresh"
    render_site(sorted(Path("tei").glob("*.xml")), fresh, search=False, jobs=1)
    assert _corpus_pages(Path("build/site")) == _corpus_pages(fresh)


def test_only_the_pages_that_list_a_changed_cable_are_made_again(
    tmp_path: Path, converted_tei: Path
) -> None:
    """Lists in pages of 2 cables, kept summaries: after one cable changed (not its date),
    the one index page and the entry pages that list it are written again, no other."""
    tei = tmp_path / "tei"
    shutil.copytree(converted_tei, tei)
    files = sorted(tei.glob("*.xml"))
    site = tmp_path / "site"

    def render(changed: set[Path] | None) -> None:
        keys = {path: file_hash(path) for path in files}
        kept = SummaryCache(tmp_path / "summaries.sqlite", keys, "the same stylesheets")
        render_site(files, site, search=False, page_size=2, changed=changed, summary_cache=kept)

    render(None)
    lists = [p for p in site.glob("*.html") if not p.name.startswith("cable-")]
    before = {p.name: p.stat().st_ino for p in lists}
    changed = files[len(files) // 2]
    head, body = changed.read_text(encoding="utf-8").split("<body>", 1)
    changed.write_text(head + "<body>" + body.replace("</p>", " Addendum.</p>", 1))
    render({changed})
    paged = {p.name for p in lists if re.fullmatch(r"(index|person|place|org)\b.*", p.name)}
    listing = {name for name in paged if f'href="{changed.stem}.html"' in (site / name).read_text()}
    again = {name for name in paged if (site / name).stat().st_ino != before[name]}
    assert again == listing
    assert len([name for name in listing if name.startswith("index")]) == 1
    assert len(paged) > 2 * len(listing)  # most pages were left alone


def _shards(site: Path) -> list[dict]:
    """What each shard of the search index holds: its pages, its bundle per language."""
    return json.loads((site / STAMP).read_text(encoding="utf-8"))


def _entries(site: Path) -> dict[str, int]:
    """Each bundle of the search index, by the inode of its entry file (a bundle made again
    gets a new one)."""
    bundles = [b for b in site.glob("pagefind*") if b.is_dir()]
    return {b.name: (b / "pagefind-entry.json").stat().st_ino for b in bundles}


def test_search_shards_are_indexed_again_only_where_pages_changed(tmp_path: Path) -> None:
    """The search index in shards, a bundle per language in each: a changed page
    re-indexes its own shard's bundles only; fewer shards leave no stale bundle behind."""
    tei = tmp_path / "tei"
    _convert([SEEDS, VARIANTS], tei, jobs=2)
    files = sorted(tei.glob("*.xml"))
    site = tmp_path / "site"
    render_site(files, site, shard_size=4)
    shards = _shards(site)
    assert len(shards) == -(-len(files) // 4)  # 4 pages each
    assert sorted(name for s in shards for name in s["pages"]) == sorted(
        f"{f.stem}.html" for f in files
    )
    listed = {name for s in shards for name in s["bundles"].values()}
    assert set(_entries(site)) == listed
    before = _entries(site)
    changed = files[3]
    head, body = changed.read_text(encoding="utf-8").split("<body>", 1)
    changed.write_text(head + "<body>" + body.replace("</p>", " Addendum.</p>", 1))
    render_site(files, site, shard_size=4, changed={changed})
    [own] = [s for s in _shards(site) if f"{changed.stem}.html" in s["pages"]]
    after = _entries(site)
    assert {name for name in before if before[name] != after[name]} == set(own["bundles"].values())
    render_site(files, site, shard_size=8, changed=set())
    fewer = _shards(site)
    assert len(fewer) == -(-len(files) // 8) < len(shards)
    assert set(_entries(site)) == {name for s in fewer for name in s["bundles"].values()}
    manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    assert {b for language in manifest["languages"] for b in language["bundles"]} == {
        f"{name}/" for s in fewer for name in s["bundles"].values()
    }


def test_no_cable_page_no_search_index(tmp_path: Path) -> None:
    assert build_search_index(tmp_path, [], _no_facts, []) is False
    assert not list(tmp_path.iterdir())


def _no_facts(page: str) -> Facts:
    return Facts(title=page, date="", when="", type="")


def test_the_search_index_reads_again_only_the_pages_written(tmp_path: Path) -> None:
    """Told which pages were written since the last index, the search step reads only
    those: a page edited behind its back is taken as indexed; not told, it reads them all
    and indexes the edit."""
    site = tmp_path / "site"
    pipeline.web([TEI_DIR], site)
    pages = sorted(site.glob("cable-*.html"))
    assert build_search_index(site, pages, _no_facts, [])  # indexed with these facts
    before = _entries(site)
    text = pages[0].read_text(encoding="utf-8")
    pages[0].write_text(text.replace('<p id="', '<p id="x-">word</p><p id="', 1))
    assert build_search_index(site, pages, _no_facts, [], written=set(pages[1:]))
    assert _entries(site) == before  # nothing written changed: not indexed again
    assert build_search_index(site, pages, _no_facts, [])
    again = _entries(site)
    assert again != before
    assert build_search_index(site, pages, _no_facts, [], written={pages[0]})  # the same
    assert _entries(site) == again


def test_a_failed_search_index_keeps_the_last_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shard is replaced only once Pagefind has succeeded; no scratch site is left."""
    site = tmp_path / "site"
    pipeline.web([TEI_DIR], site)
    before = {b.name: (b / "pagefind-entry.json").read_bytes() for b in site.glob("pagefind*")}
    assert before
    monkeypatch.setattr(sys, "executable", "/bin/false")  # Pagefind runs as python -m pagefind
    with pytest.raises(CablegramError, match="pagefind failed on pagefind-"):
        build_search_index(site, sorted(site.glob("cable-*.html")), _no_facts, [])
    after = {b.name: (b / "pagefind-entry.json").read_bytes() for b in site.glob("pagefind*")}
    assert after == before
    assert not list(site.glob(".search-*"))


def test_build_keeps_the_summaries_of_unchanged_cables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After one source changed, only its cable is read again for the corpus pages (the
    other summaries come from the last build), and the pages are those a fresh render
    makes."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "seeds")
    shutil.copytree(TEI_DIR / "authority", "tei/authority")
    args = (Path("seeds"), Path("tei"), Path("build/site"), None)
    build_edition(*args, jobs=1)
    assert _kept_summaries() == 5
    read: list[Path] = []
    real = web._summary_of

    def counting(job: tuple[Path, Styles]) -> Summary:
        read.append(job[0])
        return real(job)

    monkeypatch.setattr(web, "_summary_of", counting)
    source = sorted(Path("seeds").glob("*.txt"))[0]
    source.write_text(source.read_text(encoding="utf-8").replace("Mao asks", "Mao asks now"))
    build_edition(*args, jobs=1)
    assert len(read) == 1
    assert _kept_summaries() == 5  # the old one replaced
    fresh = tmp_path / "fresh"
    render_site(sorted(Path("tei").glob("*.xml")), fresh, search=False, jobs=1)
    for name in ("index.html", "persons.html", "person-stalin.html"):
        assert (Path("build/site") / name).read_bytes() == (fresh / name).read_bytes(), name


def _kept_summaries() -> int:
    """The cables whose summary the build keeps (each with its names)."""
    with closing(sqlite3.connect("build/.cablegram-summaries.sqlite")) as db:
        (cables,) = db.execute("SELECT count(*) FROM cable").fetchone()
        (without_names,) = db.execute(
            "SELECT count(*) FROM cable WHERE name NOT IN (SELECT name FROM mention)"
        ).fetchone()
    assert without_names == 0
    return cables


def test_build_starts_afresh_from_a_damaged_summary_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kept summaries are a cache: a damaged database is made again, not trusted, and
    the pages are those of a build without it."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "seeds")
    shutil.copytree(TEI_DIR / "authority", "tei/authority")
    Path("build").mkdir()
    Path("build/.cablegram-summaries.sqlite").write_bytes(b"not a database\n" * 100)
    built = build_edition(Path("seeds"), Path("tei"), Path("build/site"), None, jobs=1)
    assert built.site is not None
    assert _kept_summaries() == 5
    fresh = tmp_path / "fresh"
    render_site(sorted(Path("tei").glob("*.xml")), fresh, search=False, jobs=1)
    assert (fresh / "index.html").read_bytes() == Path("build/site/index.html").read_bytes()


def test_nothing_to_do_starts_no_worker_and_no_initializer() -> None:
    """A no-change rebuild converts nothing: loading the name index for it (pymorphy3's
    paradigms of every authority form) took most of the convert step's time."""

    def loaded(*_: object) -> None:
        raise AssertionError("initializer called with nothing to do")

    assert list(parallel_map(str, [], jobs=2, initializer=loaded)) == []
    assert list(parallel_map(str, [1], jobs=2, initializer=lambda: None)) == ["1"]


def test_authority_files_are_checked_again_only_when_what_they_are_checked_against_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The authority files' rules read the corpus's references (cg-authority-unused): a
    rebuild with nothing changed reports their warnings without checking them again; a
    cable that comes to name an unused entry has them checked again."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "seeds")
    shutil.copytree(TEI_DIR / "authority", "tei/authority")
    args = (Path("seeds"), Path("tei"), Path("build/site"), None)
    checked: list[list[str]] = []
    validate = steps.validate_files

    def spy(paths: list[Path], **options: Any) -> Any:
        checked.append([Path(path).parent.name for path in paths])
        return validate(paths, **options)

    monkeypatch.setattr(steps, "validate_files", spy)

    def unused(built: Built) -> dict[str, str]:
        found = (
            re.search(r'mentions "(?P<id>[^"]+)" \((?P<name>[^)]+)\)', issue.message)
            for issue in built.report.issues
            if issue.rule == "cg-authority-unused"
        )
        return {match["id"]: match["name"] for match in found if match}

    every_file = ["authority"] * len(list(Path("tei/authority").glob("*.xml")))
    built = build_edition(*args)
    first = unused(built)
    assert first and every_file in checked
    checked.clear()
    assert unused(build_edition(*args)) == first  # still reported …
    assert all("authority" not in names for names in checked)  # … not checked again
    # an editor's correction: a name the corpus tags gives way to an unused entry's name
    entry, name = next((e, n) for e, n in first.items() if n.isascii() and " " not in n)
    translated = "//tei:text/tei:body/tei:div[@type='translation']//tei:*[@ref][not(*)]"
    source, old, old_entry = next(
        (converted.source, mention.text, mention.get("ref").split("#")[-1])
        for converted in built.converted
        if converted.output
        for mention in etree.parse(str(converted.output)).xpath(translated, namespaces=NS)
        if mention.text in converted.source.read_text(encoding="utf-8")
    )
    text = source.read_text(encoding="utf-8")
    at = text.rindex(old)
    source.write_text(text[:at] + name + text[at + len(old) :], encoding="utf-8")
    checked.clear()
    after = unused(build_edition(*args))
    assert every_file in checked
    assert entry not in after  # … and only the replaced name's entry may have become unused
    assert set(after) - set(first) <= {old_entry}
