"""The data downloads (render/data.py): CMIF valid against the vendored correspSearch
schema (RELAX NG with jing, Schematron with lxml), the CSV and JSON rows equal to the
corpus, `cablegram export`'s bad inputs, and the site's data/ and sitemap.xml."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from importlib.resources import files
from pathlib import Path

import pytest
from lxml import etree
from lxml.isoschematron import Schematron

from cablegram import pipeline
from cablegram.build import build as build_edition
from cablegram.edition import Edition, load_edition
from cablegram.render import data
from cablegram.render.print import CORRESPONDENCE
from cablegram.validate import validate_files
from conftest import SEEDS, TEI_DIR, repo_edition, run_cli

CMIF = Path(str(files("cablegram") / "schemas" / "cmif"))
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
BASE = "https://example.org/cables/"
# The one XSLT 2 test of cmif.sch ([W0001], a warning), in XPath 1.0: the id ends in a
# UUID (36 characters, hyphens at 9, 14, 19, 24, lowercase hex digits elsewhere).
UUID_XSLT2 = "matches(@xml:id, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')"
UUID_XPATH1 = (
    "string-length(@xml:id) >= 36 and "
    "translate(substring(@xml:id, string-length(@xml:id) - 35), '0123456789abcdef', '')"
    " = '----' and "
    "substring(@xml:id, string-length(@xml:id) - 27, 1) = '-' and "
    "substring(@xml:id, string-length(@xml:id) - 22, 1) = '-' and "
    "substring(@xml:id, string-length(@xml:id) - 17, 1) = '-' and "
    "substring(@xml:id, string-length(@xml:id) - 12, 1) = '-'"
)


def editions() -> dict[str, Edition]:
    plain = repo_edition()
    published = dataclasses.replace(
        plain, base_url=BASE, licence="CC-BY-4.0", editors=("Ann Smith", "Ivan Petrov")
    )
    return {"plain": plain, "published": published}


@pytest.fixture(scope="module")
def documents(converted_tei: Path) -> list[data.Document]:
    return data.read_documents(data.tei_paths([converted_tei]))


@pytest.fixture(scope="module")
def cmif_files(converted_tei: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The corpus's CMIF, for an edition without base_url or licence and for one with."""
    out = tmp_path_factory.mktemp("cmif")
    written = []
    for name, edition in editions().items():
        target = out / f"{name}.xml"
        data.export([converted_tei], "cmif", target, edition)
        written.append(target)
    return written


def test_the_vendored_cmif_schema_is_the_one_its_provenance_names() -> None:
    provenance = (CMIF / "PROVENANCE.md").read_text("utf-8")
    for name in ("cmi-customization.rng", "cmif.sch", "LICENSE-BSD-2-Clause"):
        digest = hashlib.sha256((CMIF / name).read_bytes()).hexdigest()
        assert f"`{name}` | " in provenance and digest in provenance, name


def test_cmif_is_valid_against_the_relax_ng(cmif_files: list[Path]) -> None:
    if not shutil.which("jing"):
        pytest.fail("jing is missing: run ./dev test (it installs Debian's jing)")
    run = subprocess.run(
        ["jing", str(CMIF / "cmi-customization.rng"), *map(str, cmif_files)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout


def test_jing_with_the_cmif_schema_rejects_a_broken_file(cmif_files: list[Path], tmp_path) -> None:
    tree = etree.parse(str(cmif_files[0]))
    action = tree.find(".//tei:correspAction", TEI)
    action.set("type", "forwarded")
    bad = tmp_path / "bad.xml"
    tree.write(str(bad))
    run = subprocess.run(
        ["jing", str(CMIF / "cmi-customization.rng"), str(bad)], capture_output=True, check=False
    )
    assert run.returncode != 0


def cmif_schematron() -> Schematron:
    """cmif.sch as lxml can run it: XSLT 1.0, its one XSLT 2 test rewritten (above)."""
    text = (CMIF / "cmif.sch").read_text("utf-8")
    assert text.count(UUID_XSLT2) == 1 and text.count('queryBinding="xslt2"') == 1
    text = text.replace(UUID_XSLT2, UUID_XPATH1).replace(
        'queryBinding="xslt2"', 'queryBinding="xslt"'
    )
    return Schematron(etree.fromstring(text.encode("utf-8")), store_report=True)


def test_cmif_passes_the_schematron_rules(cmif_files: list[Path]) -> None:
    schematron = cmif_schematron()
    for path in cmif_files:
        valid = schematron.validate(etree.parse(str(path)))
        failed = schematron.validation_report.xpath("//svrl:failed-assert", namespaces=SVRL)
        assert valid and not failed, [f.findtext("svrl:text", namespaces=SVRL) for f in failed]


def test_the_schematron_rules_catch_a_missing_addressee(cmif_files: list[Path]) -> None:
    tree = etree.parse(str(cmif_files[0]))
    received = tree.find(".//tei:correspAction[@type='received']", TEI)
    received.getparent().remove(received)
    assert not cmif_schematron().validate(tree)


def test_cmif_has_every_letter_like_document(cmif_files: list[Path], converted_tei: Path) -> None:
    letters = {
        path.stem
        for path in converted_tei.glob("*.xml")
        if etree.parse(str(path)).xpath("string(/tei:TEI/tei:text/@type)", namespaces=TEI)
        in CORRESPONDENCE
    }
    assert 0 < len(letters) < len(list(converted_tei.glob("*.xml")))
    plain, published = (etree.parse(str(path)) for path in cmif_files)
    refs = plain.xpath("//tei:correspDesc/@ref", namespaces=TEI)
    assert sorted(refs) == sorted(f"{stem}.html" for stem in letters)
    absolute = published.xpath("//tei:correspDesc/@ref", namespaces=TEI)
    assert sorted(absolute) == sorted(f"{BASE}{stem}.html" for stem in letters)
    # names with an authority URI: Stalin is Wikidata's Q855
    assert published.xpath(
        "//tei:persName[@ref='http://www.wikidata.org/entity/Q855']", namespaces=TEI
    )


def header_date(root: etree._Element) -> str:
    """The document's date as the header gives it, read here independently of the code."""
    kind = root.xpath("string(tei:text/@type)", namespaces=TEI)
    sent = root.xpath("tei:teiHeader//tei:correspAction[@type='sent']/tei:date", namespaces=TEI)
    created = root.xpath("tei:teiHeader/tei:profileDesc/tei:creation/tei:date", namespaces=TEI)
    first, other = (sent, created) if kind in CORRESPONDENCE else (created, sent)
    chosen = (first or other or [None])[0]
    if chosen is None:
        return ""
    if chosen.get("when"):
        return chosen.get("when").partition("T")[0]
    start = chosen.get("from") or chosen.get("notBefore") or ".."
    end = chosen.get("to") or chosen.get("notAfter") or ".."
    return f"{start}/{end}"


def header_parties(root: etree._Element, kind: str) -> list[str]:
    """The senders (or addressees) of the header: the entry each name points at, else the
    name."""
    names = root.xpath(
        f"tei:teiHeader//tei:correspAction[@type='{kind}']"
        "/*[self::tei:persName or self::tei:orgName]",
        namespaces=TEI,
    )
    shown = []
    for name in names:
        ref = (name.get("ref") or "").split()
        shown.append(
            ref[0].rpartition("#")[2] if ref else " ".join("".join(name.xpath("text()")).split())
        )
    return shown


def rows_of(fmt: str, text: str) -> list[dict]:
    if fmt == "json":
        return json.loads(text)
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        for key in ("senders", "addressees", "persons", "places", "orgs", "versions", "languages"):
            row[key] = row[key].split("; ") if row[key] else []
    return rows


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_rows_equal_the_corpus(fmt: str, converted_tei: Path, tmp_path: Path) -> None:
    target = tmp_path / f"documents.{fmt}"
    count = data.export([converted_tei], fmt, target, editions()["published"])
    rows = rows_of(fmt, target.read_text("utf-8"))
    tei_files = sorted(converted_tei.glob("*.xml"))
    assert count == len(rows) == len(tei_files)
    by_id = {row["id"]: row for row in rows}
    assert set(by_id) == {path.stem for path in tei_files}
    for path in tei_files:
        root = etree.parse(str(path)).getroot()
        row = by_id[path.stem]
        assert row["type"] == root.xpath("string(tei:text/@type)", namespaces=TEI)
        assert row["date"] == header_date(root), path.name
        assert row["senders"] == header_parties(root, "sent"), path.name
        assert row["addressees"] == header_parties(root, "received"), path.name
        langs = root.xpath("tei:text/tei:body/tei:div/@xml:lang", namespaces=TEI)
        assert row["languages"] == list(dict.fromkeys(langs))
        assert len(row["versions"]) == len(langs)
        assert row["page_url"] == f"{BASE}{path.stem}.html"
        assert row["tei_url"] == f"{BASE}tei/{path.stem}.xml"


def test_the_rows_name_the_entries(documents: list[data.Document]) -> None:
    first = next(d for d in documents if d.id == "cable-1951-06-30-21340-mao-zedong")
    assert first.sent.parties[0].uri == "http://www.wikidata.org/entity/Q5816"
    assert first.received.parties[0].name == "Joseph Stalin"  # written Filippov
    assert {"mao-zedong", "stalin"} <= set(first.persons)
    assert "Gary Goldberg" not in first.persons  # the translator is the edition's, not the cable's
    assert first.page_url == f"{first.id}.html"  # without base_url, relative to the site


def test_the_cli_exports_each_format(converted_tei: Path, tmp_path: Path) -> None:
    for fmt, name in data.FORMATS.items():
        target = tmp_path / name
        result = run_cli("export", str(converted_tei), "--format", fmt, "--out", str(target))
        assert result.exit_code == 0, result.output
        assert target.is_file() and "documents exported" in result.output


@pytest.mark.parametrize(
    "case",
    ["missing path", "unknown format", "text file", "XML not TEI", "authority file", "empty dir"],
)
def test_the_cli_refuses_bad_inputs_in_one_line(
    case: str, converted_tei: Path, tmp_path: Path
) -> None:
    not_tei = tmp_path / "notes.xml"
    not_tei.write_text("<notes><note>hello</note></notes>", "utf-8")
    text = tmp_path / "notes.txt"
    text.write_text("not XML at all", "utf-8")
    (tmp_path / "empty").mkdir()
    # each bad input beside the good corpus (but the empty directory, alone)
    paths, fmt = {
        "missing path": ([converted_tei, tmp_path / "nowhere"], "csv"),
        "unknown format": ([converted_tei], "xls"),
        "text file": ([converted_tei, text], "json"),
        "XML not TEI": ([converted_tei, not_tei], "cmif"),
        "authority file": ([converted_tei, converted_tei / "authority" / "persons.xml"], "csv"),
        "empty dir": ([tmp_path / "empty"], "csv"),
    }[case]
    args = [*map(str, paths), "--format", fmt]
    out = tmp_path / "out" / "documents.data"
    result = run_cli("export", *args, "--out", str(out))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert not out.parent.exists() or not list(out.parent.iterdir())  # nothing half-written
    # an existing output file stays as it was
    out.parent.mkdir(exist_ok=True)
    out.write_text("before", "utf-8")
    result = run_cli("export", *args, "--out", str(out))
    assert result.exit_code == 2 and out.read_text("utf-8") == "before"
    assert [p.name for p in out.parent.iterdir()] == ["documents.data"]


def test_the_site_has_the_data_downloads(converted_tei: Path, tmp_path: Path) -> None:
    plain, published = editions().values()
    site = pipeline.web([converted_tei], tmp_path / "site", search=False, edition=plain)
    for name in data.FORMATS.values():
        assert (site.out / "data" / name).is_file(), name
    assert not (site.out / "sitemap.xml").exists()  # the protocol wants absolute URLs
    exported = tmp_path / "documents.json"
    data.export([converted_tei], "json", exported, plain)
    assert (site.out / "data" / "documents.json").read_bytes() == exported.read_bytes()

    pipeline.web([converted_tei], site.out, search=False, edition=published)
    sitemap = etree.parse(str(site.out / "sitemap.xml"))
    locs = sitemap.xpath(
        "//s:loc/text()", namespaces={"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    )
    pages = sorted(p.name for p in site.out.glob("*.html"))
    assert sorted(locs) == sorted(BASE + ("" if p == "index.html" else p) for p in pages)
    assert all(loc.startswith(BASE) for loc in locs)
    # the published edition's URLs are absolute in the site's files too
    rows = json.loads((site.out / "data" / "documents.json").read_text("utf-8"))
    assert all(row["page_url"].startswith(BASE) for row in rows)

    pipeline.web([converted_tei], site.out, search=False, edition=plain)
    assert not (site.out / "sitemap.xml").exists()  # base_url removed: no stale sitemap


def test_a_build_keeps_the_data_and_the_sitemap_current(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build writes data/ and sitemap.xml after the redirect pages (which the sitemap
    leaves out), and reads the documents again only when something changed."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, "seeds")
    shutil.copytree(TEI_DIR / "authority", "tei/authority")
    Path("cablegram.toml").write_text(
        f'[edition]\nbase_url = "{BASE}"\n[paths]\nsources = "seeds"\n', encoding="utf-8"
    )
    edition = load_edition()
    site = edition.site

    def build() -> tuple[set[str], set[str]]:
        built = build_edition(edition.sources, edition.tei, site, None, jobs=1, edition=edition)
        assert built.site is not None
        rows = json.loads((site / "data" / "documents.json").read_text("utf-8"))
        sitemap = etree.parse(str(site / "sitemap.xml"))
        locs = sitemap.xpath("//*[local-name()='loc']/text()")
        return {row["id"] for row in rows}, {loc.removeprefix(BASE) for loc in locs}

    ids, pages = build()
    old = "cable-1951-06-30-21340-mao-zedong"
    new = old.replace("21340", "21341")
    assert old in ids and f"{old}.html" in pages and "index.html" not in pages
    made = (site / "data" / "documents.json").stat().st_mtime_ns
    build()  # nothing changed: nothing read or written again
    assert (site / "data" / "documents.json").stat().st_mtime_ns == made
    source = next(Path("seeds").glob("000_*.txt"))
    source.write_text(source.read_text("utf-8").replace("21340", "21341"), "utf-8")
    ids, pages = build()
    assert (site / f"{old}.html").is_file()  # the redirect page, not in the sitemap
    assert new in ids and old not in ids
    assert f"{new}.html" in pages and f"{old}.html" not in pages


def test_the_site_carries_the_corpus_as_a_zip_that_validates_where_it_is_unzipped(
    converted_tei: Path, tmp_path: Path
) -> None:
    """data/tei.zip holds every TEI file, the authority files and the schemas at their
    paths in the site; unzipped elsewhere, a file's xml-model finds its schemas and its
    names their entries; a second rendering of the same corpus gives the same bytes."""
    site = pipeline.web([converted_tei], tmp_path / "site", search=False, edition=repo_edition())
    archive = site.out / "data" / "tei.zip"
    made = archive.read_bytes()
    with zipfile.ZipFile(archive) as opened:
        names = set(opened.namelist())
        tei_files = sorted(converted_tei.glob("*.xml"))
        assert {f"tei/{p.name}" for p in tei_files} <= names
        assert len([n for n in names if n.count("/") == 1 and n.startswith("tei/")]) == len(
            tei_files
        )
        authority = sorted((converted_tei / "authority").glob("*.xml"))
        assert authority and {f"tei/authority/{p.name}" for p in authority} <= names
        assert {"schemas/cablegram.xsd", "schemas/cablegram.sch"} <= names
        for path in tei_files[:5]:
            assert opened.read(f"tei/{path.name}") == path.read_bytes()
        opened.extractall(tmp_path / "unzipped")
    checked = validate_files([tmp_path / "unzipped" / "tei"])
    assert len(checked.files) >= len(tei_files)
    assert not checked.errors, [str(i) for i in checked.errors][:3]
    first = tei_files[0].name
    root = etree.parse(str(tmp_path / "unzipped" / "tei" / first)).getroot()
    model = root.getprevious()
    while model is not None and "cablegram.xsd" not in (model.text or ""):
        model = model.getprevious()
    assert model is not None
    href = model.text.split('href="', 1)[1].split('"', 1)[0]
    assert (tmp_path / "unzipped" / "tei" / href).resolve().is_file()
    pipeline.web([converted_tei], site.out, search=False, edition=repo_edition())
    assert archive.read_bytes() == made
