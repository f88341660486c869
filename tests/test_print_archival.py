"""The print edition's PDFs as archives keep them (render/archival.py): PDF/A-3b declared
in their XMP, described from the edition's configuration, carrying their TEI files, tagged
with the languages of their passages; `--untagged` leaves the tags out.

No free PDF/A validator can be installed here (veraPDF is on none of the package registries
this machine reaches: not PyPI, Debian or npm), so the PDFs are read back with pikepdf and
Poppler and checked on what PDF/A-3b asks of them: the identification in the XMP, the
document information equal to the XMP, every font embedded, an output intent, attachments
with their MIME type and relationship, no encryption.

The repository's converted seeds are printed with an edition configuration of their own.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import lxml.html
import pikepdf
import pytest

from cablegram import pipeline
from cablegram.edition.config import read_config
from conftest import ROOT, run_cli

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdfinfo", "pdfdetach")),
    reason="Poppler utilities (pdfinfo, pdfdetach) are not installed",
)

CONFIG = """\
[edition]
title = "Cables on the Korean Armistice"
subtitle = "Ciphered telegrams of 1951"
editors = ["Ann Smith", "Ivan Petrov"]
publisher = "University Press"
licence = "CC-BY-4.0"
date = 2026-05-01
version = "1.0"

[paths]
tei = "tei"
"""
DC = "{http://purl.org/dc/elements/1.1/}"
XMP_RIGHTS = "{http://ns.adobe.com/xap/1.0/rights/}"


@pytest.fixture(scope="module")
def edition_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("archival")
    shutil.copytree(ROOT / "tei", root / "tei")
    (root / "cablegram.toml").write_text(CONFIG, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def printed(edition_dir: Path) -> Path:
    """The seeds' volume and their own PDFs, tagged (the default)."""
    edition = read_config(edition_dir / "cablegram.toml")
    out = edition_dir / "print"
    pipeline.print_edition([edition.tei], out, edition=edition, tagged=edition.tagged)
    return out


def tei_files(edition_dir: Path) -> list[Path]:
    return sorted((edition_dir / "tei").glob("*.xml"))


def pdfinfo(pdf: Path) -> dict[str, str]:
    result = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in result.stdout.splitlines() if ":" in line)


def fonts_of(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every font the pages use, the descendant font of a composite font in its place."""
    found = []
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            found += list(font.DescendantFonts) if "/DescendantFonts" in font else [font]
    return found


def test_every_pdf_declares_pdfa_3b_and_is_what_it_says(printed: Path) -> None:
    pdfs = sorted(printed.glob("*.pdf"))
    assert len(pdfs) == 6  # the volume and five cables
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            meta = pdf.open_metadata()
            assert meta.pdfa_status == "3B", path.name
            assert not pdf.is_encrypted
            intents = pdf.Root.OutputIntents
            assert [str(intent.S) for intent in intents] == ["/GTS_PDFA1"], path.name
            assert "/DestOutputProfile" in intents[0]
            for font in fonts_of(pdf):
                descriptor = font.FontDescriptor
                embedded = {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys())
                assert embedded, f"{path.name}: font {font.BaseFont} not embedded"
            # the document information says what the XMP says (PDF/A 6.6.2.3)
            info = pdf.docinfo
            assert str(info.Title) == meta[f"{DC}title"]
            assert str(info.Author) == "Ann Smith; Ivan Petrov" == meta[f"{DC}creator"][0]
            assert str(info.Creator).startswith("cablegram ")
            assert str(info.Creator) == meta["{http://ns.adobe.com/xap/1.0/}CreatorTool"]


def test_the_xmp_describes_the_edition(printed: Path) -> None:
    with pikepdf.open(printed / "edition.pdf") as pdf:
        meta = pdf.open_metadata()
        assert meta[f"{DC}title"] == "Cables on the Korean Armistice"
        assert meta[f"{DC}description"] == "Ciphered telegrams of 1951"
        assert meta[f"{DC}rights"] == "CC-BY-4.0 https://creativecommons.org/licenses/by/4.0/"
        assert meta[f"{XMP_RIGHTS}WebStatement"] == "https://creativecommons.org/licenses/by/4.0/"
        assert meta[f"{DC}publisher"] == {"University Press"}
        assert meta[f"{DC}date"] == ["2026-05-01"]
        assert meta["{http://ns.adobe.com/xap/1.0/mm/}VersionID"] == "1.0"
        # the interface's language and the languages of the texts: the seeds' Russian
        # originals and English translations
        assert meta[f"{DC}language"] >= {"en", "ru"}
        assert str(pdf.Root.Lang) == "en"


def attachments(pdf: Path) -> dict[str, bytes]:
    with pikepdf.open(pdf) as opened:
        return {name: spec.get_file().read_bytes() for name, spec in opened.attachments.items()}


def test_a_cables_pdf_carries_its_tei_byte_for_byte(printed: Path, edition_dir: Path) -> None:
    for tei in tei_files(edition_dir):
        pdf = printed / f"{tei.stem}.pdf"
        assert attachments(pdf) == {tei.name: tei.read_bytes()}
        with pikepdf.open(pdf) as opened:
            spec = opened.attachments[tei.name].obj
            assert spec.AFRelationship == "/Source"
            assert list(opened.Root.AF) == [spec]  # associated with the document
            assert str(spec.EF.F.Subtype) == "/application/tei+xml"  # RFC 6129
        # and Poppler, which an archivist would use, lists and extracts it alike
        listed = subprocess.run(
            ["pdfdetach", "-list", str(pdf)], capture_output=True, text=True, check=True
        ).stdout
        assert tei.name in listed


def test_the_volume_carries_the_tei_of_its_cables(printed: Path, edition_dir: Path) -> None:
    expected = {tei.name: tei.read_bytes() for tei in tei_files(edition_dir)}
    assert attachments(printed / "edition.pdf") == expected


def section_languages(pdf: Path) -> list[str]:
    """The /Lang of the structure elements made of the volume's sections, in the order of
    the structure tree (a section running over pages is an element on each page: once)."""
    found: list[str] = []

    def walk(element: pikepdf.Object) -> None:
        if not isinstance(element, pikepdf.Dictionary):
            return
        if element.get("/S") == "/Sect" and "/Lang" in element:
            found.append(str(element.Lang))
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk(kid)

    with pikepdf.open(pdf) as opened:
        walk(opened.Root.StructTreeRoot)
    return found


def test_the_volume_is_tagged_with_the_languages_of_its_passages(printed: Path) -> None:
    assert pdfinfo(printed / "edition.pdf")["Tagged"].strip() == "yes"
    html = lxml.html.fromstring((printed / "edition.html").read_bytes())
    versions = [section.get("lang") for section in html.xpath("//section[@lang]")]
    assert "ru" in versions and "en" in versions
    tagged = section_languages(printed / "edition.pdf")
    # every version's section carries its language, in order, once per page it runs on
    collapsed = [lang for i, lang in enumerate(tagged) if i == 0 or tagged[i - 1] != lang]
    expected = [lang for i, lang in enumerate(versions) if i == 0 or versions[i - 1] != lang]
    assert collapsed == expected
    with pikepdf.open(printed / "edition.pdf") as pdf:
        assert pdf.Root.MarkInfo.Marked
        elements = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary)]
        made = [o for o in elements if o.get("/Type") == "/StructElem"]
        kinds = {str(o.S) for o in made}
        # every footnote is a note (with the ID PDF/UA asks of one), once per page it is on
        notes = {str(o.ID).rsplit("-", 1)[0] for o in made if o.S == "/Note"}
    assert {"/H1", "/H2", "/P", "/L", "/LI", "/Sect", "/Link", "/Note"} <= kinds
    assert notes == set(html.xpath("//span[contains(@class, 'footnote')]/@id"))


def test_untagged_pdfs_are_still_pdfa_and_carry_their_tei(edition_dir: Path) -> None:
    out = edition_dir / "untagged"
    result = run_cli("print", str(edition_dir / "tei"), "--out", str(out), "--untagged")
    assert result.exit_code == 0, result.output
    assert pdfinfo(out / "edition.pdf")["Tagged"].strip() == "no"
    for path in out.glob("*.pdf"):
        with pikepdf.open(path) as pdf:
            assert pdf.open_metadata().pdfa_status == "3B"
            assert "/StructTreeRoot" not in pdf.Root
    tei = tei_files(edition_dir)[0]
    assert attachments(out / f"{tei.stem}.pdf") == {tei.name: tei.read_bytes()}


def test_a_pdf_made_again_from_the_same_files_is_the_same_bytes(
    printed: Path, edition_dir: Path
) -> None:
    edition = read_config(edition_dir / "cablegram.toml")
    again = edition_dir / "again"
    pipeline.print_edition([edition.tei], again, edition=edition)
    for path in printed.glob("*.pdf"):
        assert (again / path.name).read_bytes() == path.read_bytes(), path.name


def test_the_configuration_can_leave_the_tags_out(tmp_path: Path) -> None:
    (tmp_path / "cablegram.toml").write_text("[print]\ntagged = false\n", encoding="utf-8")
    assert read_config(tmp_path / "cablegram.toml").tagged is False
    (tmp_path / "cablegram.toml").write_text('[print]\ntagged = "no"\n', encoding="utf-8")
    with pytest.raises(Exception, match=r"\[print\] tagged: expected true or false"):
        read_config(tmp_path / "cablegram.toml")


def test_another_weasyprint_is_refused_not_silently_misprinted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The footnote correction is made on WeasyPrint 70's own line layout; a line layout
    without the statement it changes (another version) stops the print with a message."""
    from weasyprint.layout import block

    from cablegram.errors import CablegramError
    from cablegram.render.weasyprint_fixes import keep_footnotes_by_their_calls

    def _linebox_layout(context: object, box: object) -> None:
        report = True  # (another WeasyPrint's way of moving footnotes)
        del context, box, report

    monkeypatch.setattr(block, "_linebox_layout", _linebox_layout)
    with pytest.raises(CablegramError, match=r"install weasyprint 70"):
        keep_footnotes_by_their_calls()
