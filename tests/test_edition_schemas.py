"""The schemas an editor's tools use: each TEI file's `<?xml-model?>` names the project's XSD
and Schematron beside the edition, and those rules run alone (as Oxygen runs them: no
parameter, one file) give `cablegram validate`'s verdict, authority references included.
The one rule a single file cannot decide, the file's name (`cg-file-id`), is left out."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree, isoschematron

from cablegram import pipeline
from cablegram.validate import validate_files
from conftest import TEI_DIR

SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
XML_MODEL = re.compile(r'<\?xml-model href="([^"]+)"')
SINGLE_FILE_EXCEPTIONS = {"cg-file-id"}  # XPath 1.0 cannot see the file's name


def standalone_verdict(path: Path) -> set[tuple[int, str]]:
    """The failed asserts of the Schematron the file names, run alone: (line, id)."""
    text = path.read_text(encoding="utf-8")
    sch = next(h for h in XML_MODEL.findall(text) if h.endswith(".sch"))
    schema = isoschematron.Schematron(etree.parse(str(path.parent / sch)), store_report=True)
    document = etree.parse(str(path))
    schema.validate(document)
    found = set()
    for failed in schema.validation_report.xpath("//svrl:failed-assert", namespaces=SVRL):
        if failed.get("role") == "warning":
            continue
        node = document.xpath(failed.get("location"))
        line = node[0].sourceline if node and hasattr(node[0], "sourceline") else 0
        found.add((line, failed.get("id")))
    return found


def cablegram_verdict(path: Path) -> set[tuple[int, str]]:
    report = validate_files([path], jobs=1)
    return {
        (issue.line, issue.rule)
        for issue in report.issues
        if issue.severity == "error" and issue.rule not in {"xsd", "xml", *SINGLE_FILE_EXCEPTIONS}
    }


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory, converted_tei: Path) -> Path:
    """The converted corpus as an edition: tei/ with its authority files, schemas/ beside."""
    root = tmp_path_factory.mktemp("edition")
    shutil.copytree(converted_tei, root / "tei")
    shutil.copytree(TEI_DIR.parent / "schemas", root / "schemas")
    return root / "tei"


def test_the_xml_model_points_at_schemas_beside_the_edition(edition: Path) -> None:
    for path in sorted(edition.glob("*.xml"))[:40]:
        hrefs = XML_MODEL.findall(path.read_text(encoding="utf-8"))
        assert sorted(Path(h).name for h in hrefs) == ["cablegram.sch", "cablegram.xsd"]
        assert all((path.parent / h).is_file() for h in hrefs)


def test_standalone_rules_agree_with_cablegram_on_the_corpus(edition: Path) -> None:
    """Every seed's, and a sample of the variants' and samples', files: both say valid."""
    files = sorted(edition.glob("*.xml"))
    chosen = files[:: max(1, len(files) // 25)]
    for path in chosen:
        assert standalone_verdict(path) == cablegram_verdict(path) == set(), path.name


def test_a_missing_authority_file_fails_alone_too(edition: Path) -> None:
    """libxslt stops at a document() it cannot read, naming it (Saxon, in Oxygen, reads it
    as empty and fails the assert): either way the file is not passed."""
    path = _broken(
        edition, "broken-file.xml", 'ref="authority/places.xml#', 'ref="authority/nowhere.xml#'
    )
    try:
        assert "cg-authority-ref" in {rule for _, rule in cablegram_verdict(path)}
        with pytest.raises(etree.XSLTApplyError, match=r"nowhere\.xml"):
            standalone_verdict(path)
    finally:
        path.unlink()


def _broken(edition: Path, name: str, old: str, new: str) -> Path:
    source = next(p for p in sorted(edition.glob("*.xml")) if old in p.read_text("utf-8"))
    target = edition / name
    target.write_text(source.read_text("utf-8").replace(old, new, 1), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        ('ref="authority/persons.xml#', 'ref="authority/persons.xml#nobody-', "cg-authority-ref"),
        (' resp="#archive"', "", "cg-resp"),
    ],
)
def test_standalone_rules_agree_on_a_broken_file(
    edition: Path, old: str, new: str, rule: str
) -> None:
    path = _broken(edition, f"broken-{rule}-{len(new)}.xml", old, new)
    try:
        alone, ours = standalone_verdict(path), cablegram_verdict(path)
        assert rule in {found for _, found in ours}
        assert alone == ours
    finally:
        path.unlink()


def test_downloaded_tei_passes_the_sites_rules_alone(tmp_path: Path, edition: Path) -> None:
    """The site carries the schemas and the authority files its TEI copies point at: a
    reader's XML editor finds every name's entry there (seeds, variants and samples)."""
    site = tmp_path / "site"
    pipeline.web([edition], site, search=False)
    copies = sorted((site / "tei").glob("*.xml"))
    assert len(copies) == len(list(edition.glob("*.xml")))
    named = [path for path in copies if "authority/" in path.read_text(encoding="utf-8")]
    assert len(named) > len(copies) // 2  # names to resolve in most of them
    for path in named[:: max(1, len(named) // 25)]:
        assert standalone_verdict(path) == set(), path.name
