"""cablegram as an editor gets it: the wheel built from this repository, installed into a
fresh virtual environment outside it, used on an edition of her own (`cablegram init`, four
sources, `cablegram build`). Nothing may come from the repository's tree: the wheel carries
the stylesheets, schemas, web assets and the official tei_all.

The fresh environment reaches the dependencies (lxml, WeasyPrint …) through a `.pth` line
naming the test environment's site-packages, so no network is needed; cablegram itself is
the installed wheel (checked: the module's file is in the fresh environment).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import urllib.request
from pathlib import Path

import pytest
from lxml import etree, html, isoschematron

from conftest import ROOT, TEI_ALL_RNG, VARIANTS

TITLE = "Letters from Pyongyang, 1950"
SUBTITLE = "Four documents of our own"
EDITORS = ("Ann Smith", "Ivan Petrov")
PUBLISHER = "Example University Press"
BASE_URL = "https://example.org/letters/"
SAMPLE_EDITION = ("Cables on the Korean Armistice", "Ciphered telegrams and reports from")
OWN_SOURCES = (  # variants we wrote: an editor's own documents, not the seeds
    "v21_markdown_letter_transmitting_enclosed_letter.txt",
    "v28_plain_irish_letter_address_lines_quoted_subject.txt",
    "v45_webnav_message_two_senders_two_addressees.txt",
    "v66_oneline_letter_indian_salutation_partial.txt",
)
TEI_ALL_SHA256 = "b0f115095ead2ccc6933aa3365c6f4a82cba3b2ec7eee7f76bb616d7a63b7e48"


def test_the_vendored_tei_all_is_the_official_release() -> None:
    """schemas/tei/tei_all.rng is P5 4.12.0 byte for byte (PROVENANCE.md's hash)."""
    assert hashlib.sha256(TEI_ALL_RNG.read_bytes()).hexdigest() == TEI_ALL_SHA256
    assert (TEI_ALL_RNG.parent / "LICENCE.md").is_file()
    assert TEI_ALL_SHA256[:8] in (TEI_ALL_RNG.parent / "PROVENANCE.md").read_text()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh virtual environment holding the wheel."""
    root = tmp_path_factory.mktemp("installed")
    dist = root / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(dist), str(ROOT)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    wheel = next(dist.glob("cablegram-*.whl"))
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    Path(site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
    )
    where = subprocess.run(
        [str(python), "-c", "import cablegram; print(cablegram.__file__)"],
        capture_output=True, text=True, check=True, cwd=root,
    ).stdout  # fmt: skip
    assert where.startswith(str(venv)), where  # the wheel, not the repository
    return venv / "bin"


@pytest.fixture(scope="module")
def edition(installed: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new edition made with the installed tool, configured, four sources, built."""
    folder = tmp_path_factory.mktemp("editor") / "letters"
    run(installed, "init", str(folder), "--title", TITLE, cwd=folder.parent)
    config = folder / "cablegram.toml"
    text = config.read_text(encoding="utf-8")
    for old, new in [
        ('# subtitle = "…"', f'subtitle = "{SUBTITLE}"'),
        ('# editors = ["…", "…"]', f"editors = {list(EDITORS)!r}".replace("'", '"')),
        ('# publisher = "…"', f'publisher = "{PUBLISHER}"'),
        ('# licence = "CC-BY-4.0"', 'licence = "CC-BY-4.0"'),
        ('# base_url = "https://example.org/edition/"', f'base_url = "{BASE_URL}"'),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")
    for name in OWN_SOURCES:
        shutil.copy(VARIANTS / name, folder / "sources" / name)
    run(installed, "build", cwd=folder)
    return folder


def run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed `cablegram` in `cwd`, outside the repository; it must succeed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CABLEGRAM", "PYTHON"))}
    result = subprocess.run(
        [str(bin_dir / "cablegram"), *args],
        cwd=cwd, capture_output=True, text=True, check=False, env=env, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, f"cablegram {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return result


def test_init_makes_a_complete_edition(edition: Path) -> None:
    parts = [
        "cablegram.toml", "README.md", ".gitignore", ".github/workflows/edition.yml", "sources",
        "tei/authority/persons.xml", "tei/authority/places.xml", "tei/authority/orgs.xml",
        "schemas/cablegram.xsd", "schemas/cablegram.sch",
    ]  # fmt: skip
    for part in parts:
        assert (edition / part).exists(), part
    workflow = (edition / ".github/workflows/edition.yml").read_text()
    assert "cablegram build" in workflow and "build/site" in workflow
    assert "deploy-pages" in workflow


def test_every_command_runs_from_the_wheel(installed: Path, edition: Path) -> None:
    """convert, validate (with tei_all), web, print, entities: each works there."""
    run(installed, "convert", "--out", "converted", cwd=edition)
    assert len(list((edition / "converted").glob("*.xml"))) == len(OWN_SOURCES)
    checked = run(installed, "validate", "--tei-all", cwd=edition)
    assert re.search(rf"{len(OWN_SOURCES) + 3} files checked: \d+ valid, 0 invalid", checked.stdout)
    run(installed, "web", "--out", "site2", "--no-search", cwd=edition)
    assert (edition / "site2" / "index.html").is_file()
    run(installed, "print", "--out", "print2", "--volume-only", cwd=edition)
    assert (edition / "print2" / "edition.pdf").is_file()
    run(installed, "entities", cwd=edition)


def test_the_tei_says_who_edits_and_publishes_under_which_licence(edition: Path) -> None:
    files = sorted((edition / "tei").glob("*.xml"))
    assert len(files) == len(OWN_SOURCES)
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    for path in files:
        root = etree.parse(str(path)).getroot()
        header = root.find("tei:teiHeader/tei:fileDesc", ns)
        assert [e.text for e in header.findall("tei:titleStmt/tei:editor", ns)] == list(EDITORS)
        assert header.findtext("tei:publicationStmt/tei:publisher", namespaces=ns) == PUBLISHER
        licence = header.find("tei:publicationStmt/tei:availability/tei:licence", ns)
        assert licence.text == "CC-BY-4.0"
        assert licence.get("target") == "https://creativecommons.org/licenses/by/4.0/"
        url = header.findtext("tei:publicationStmt/tei:idno[@type='URL']", namespaces=ns)
        assert url == f"{BASE_URL}{root.get('{http://www.w3.org/XML/1998/namespace}id')}.html"
        assert header.findtext("tei:seriesStmt/tei:title[@level='s']", namespaces=ns) == TITLE


def test_site_and_pdf_carry_the_edition_and_nothing_of_the_sample(edition: Path) -> None:
    site = edition / "build" / "site"
    pages = sorted(site.glob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for words in SAMPLE_EDITION:
            assert words not in text, (page.name, words)
        doc = html.fromstring(text)
        assert doc.findtext(".//title").endswith(TITLE), page.name
        footer = doc.find(".//footer").text_content()
        assert all(name in footer for name in EDITORS), page.name
        assert PUBLISHER in footer and "CC-BY-4.0" in footer and BASE_URL in footer
    cable = next(p for p in pages if p.name.startswith(("letter-", "cable-", "message-")))
    citation = html.fromstring(cable.read_bytes()).get_element_by_id("citation").text_content()
    assert f"{BASE_URL}{cable.stem}.html" in citation and TITLE in citation
    pdf = edition / "build" / "print" / "edition.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    for words in (TITLE, SUBTITLE, *EDITORS, PUBLISHER, "CC-BY-4.0", BASE_URL):
        assert words in flat, words
    for words in SAMPLE_EDITION:
        assert words not in flat
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert re.search(rf"Title:\s+{re.escape(TITLE)}", info)
    assert re.search(rf"Author:\s+{re.escape(EDITORS[0])}", info)


XML_MODEL = re.compile(r'<\?xml-model href="([^"]+)"')


def test_every_xml_model_target_exists(edition: Path) -> None:
    """In the edition's tei/ and in the site's downloadable copies."""
    files = [*(edition / "tei").rglob("*.xml"), *(edition / "build/site/tei").glob("*.xml")]
    targets = 0
    for path in files:
        for href in XML_MODEL.findall(path.read_text(encoding="utf-8")):
            assert (path.parent / href).resolve().is_file(), (path, href)
            targets += 1
    assert targets >= 2 * 2 * len(OWN_SOURCES)


def test_downloaded_tei_validates_against_the_sites_schemas(edition: Path) -> None:
    """A reader who downloads a document and its schemas from the site gets a valid pair."""
    site = edition / "build" / "site"
    xsd = etree.XMLSchema(etree.parse(str(site / "schemas" / "cablegram.xsd")))
    sch = isoschematron.Schematron(
        etree.parse(str(site / "schemas" / "cablegram.sch")), store_report=True
    )
    svrl = {"svrl": "http://purl.oclc.org/dsdl/svrl"}
    copies = sorted((site / "tei").glob("*.xml"))
    assert len(copies) == len(OWN_SOURCES)
    for path in copies:
        document = etree.parse(str(path))
        assert xsd.validate(document), (path.name, xsd.error_log.last_error)
        sch.validate(document)
        failed = sch.validation_report.xpath("//svrl:failed-assert", namespaces=svrl)
        assert not [f.get("id") for f in failed if f.get("role") != "warning"], path.name


def test_serve_runs_from_the_wheel(installed: Path, edition: Path) -> None:
    """`cablegram serve` from the installed tool serves the edition's pages (with the
    configured title), and stops on SIGTERM."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CABLEGRAM", "PYTHON"))}
    process = subprocess.Popen(
        [str(installed / "cablegram"), "serve", "--port", "0"],
        cwd=edition, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"serving (http://127\.0\.0\.1:\d+/)", line)
        assert match, line
        with urllib.request.urlopen(match[1] + "index.html", timeout=60) as response:
            page = response.read().decode("utf-8")
        assert TITLE in page and "__cablegram" in page  # served with its reload script
    finally:
        process.terminate()
        assert process.wait(timeout=60) is not None
