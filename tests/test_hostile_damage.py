"""Silent damage: input that cablegram used to turn into a worse edition without a word.
Authority files missing or malformed stop `convert` and `build` before anything is written
(one error line, exit 2: the corpus is not written again without its names); a source URL
with quotes or an attribute-like tail keeps every character of its line, and injects no
attribute anywhere; a source whose fields are very long gets an id (a file name) of a
readable length, still distinct from every other."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result
from lxml import etree, html

from cablegram import pipeline
from cablegram.edition.scaffold import init_edition
from cablegram.encode.ids import ID_LENGTH
from cablegram.validate import validate_files
from conftest import SEEDS, TEI_DIR, run_cli

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI}
SEED = SEEDS / "004_09aff54373f04107.txt"  # a short cable; its citation ends with its URL
SEED_URL = "https://wilson-center.drivingcreative.com/document/117409"
SEED_SENDER = "Mao Dong"
NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*\Z")
TEMPORARY = re.compile(r"\..+\.[0-9a-f]{12}")  # files.write_atomic's


def files_of(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def error_lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if line.startswith("error:")]


# -- authority files ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def named(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An edition of the five seeds converted with the repository's authority files: its
    TEI files name their entries."""
    edition = tmp_path_factory.mktemp("named") / "edition"
    init_edition(edition, "Names", "0")
    shutil.rmtree(edition / "tei" / "authority")
    shutil.copytree(TEI_DIR / "authority", edition / "tei" / "authority")
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, edition / "sources")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(edition)
        assert run_cli("convert").exit_code == 0
    assert 'ref="authority/persons.xml#' in (edition / "tei").joinpath(
        "cable-1951-07-11-21680-mao-dong.xml"
    ).read_text(encoding="utf-8")
    yield edition


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda authority: (authority / name).write_bytes(data)


def _cable_as(name: str) -> Callable[[Path], None]:
    """A TEI document of the edition copied over an authority file."""
    return lambda authority: shutil.copy(
        authority.parent / "cable-1951-07-11-21680-mao-dong.xml", authority / name
    )


def _text_of(name: str, source: str) -> Callable[[Path], None]:
    """An authority file holding another's text (its list of another kind)."""
    return lambda authority: shutil.copy(authority / source, authority / name)


def _without_ids(authority: Path) -> None:
    path = authority / "orgs.xml"
    path.write_bytes(re.sub(rb'(<org) xml:id="[^"]*"', rb"\1", path.read_bytes(), count=1))


# damage -> what the error line names
AUTHORITY_DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "the folder missing": (shutil.rmtree, "the authority folder is missing"),
    "the folder empty": (
        lambda a: [path.unlink() for path in a.glob("*.xml")],
        "persons.xml, places.xml, orgs.xml missing",
    ),
    **{
        f"{name} missing": ((lambda a, n=name: (a / n).unlink()), f"{name} missing")
        for name in ("persons.xml", "places.xml", "orgs.xml")
    },
    "not XML": (_write("places.xml", b"<TEI xmlns='x'><text"), "places.xml: cannot be read"),
    "empty": (_write("persons.xml", b""), "persons.xml: cannot be read as XML"),
    "binary": (_write("orgs.xml", bytes(range(256))), "orgs.xml: cannot be read as XML"),
    "another root": (
        _write("persons.xml", f'<listPerson xmlns="{TEI}"/>'.encode()),
        "persons.xml: not an authority file (its root is listPerson",
    ),
    "a document of the edition": (_cable_as("persons.xml"), "persons.xml: not an authority"),
    "another kind's list": (
        _text_of("persons.xml", "places.xml"),
        "its body holds listPlace, not a listPerson",
    ),
    "an entry without id": (_without_ids, "orgs.xml:"),
}


@pytest.mark.parametrize("command", ["build", "convert"])
@pytest.mark.parametrize("damage", AUTHORITY_DAMAGE, ids=list(AUTHORITY_DAMAGE))
def test_unusable_authority_files_stop_before_anything_is_written(
    named: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, damage: str
) -> None:
    """`build` and `convert` (on several processes) stop with exit 2 and one error line
    naming the file and the problem; no file of the edition changes, none is added."""
    edition = tmp_path / "edition"
    shutil.copytree(named, edition)
    monkeypatch.chdir(edition)
    spoil, problem = AUTHORITY_DAMAGE[damage]
    spoil(edition / "tei" / "authority")
    before = files_of(edition)
    result = run_cli(*([command, "--no-print"] if command == "build" else [command, "-j", "2"]))
    assert result.exit_code == 2, result.output
    errors = error_lines(result)
    assert len(errors) == 1, result.output
    assert "tei/authority" in errors[0]
    assert problem in errors[0]
    assert files_of(edition) == before
    assert not [p for p in edition.rglob(".*") if TEMPORARY.fullmatch(p.name)]


def test_a_new_edition_without_authority_folder_is_built_with_names_untagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No authority folder and no TEI file naming an entry: a new edition set up by hand,
    built with its names left untagged (and built again so)."""
    shutil.copytree(SEEDS, tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        result = run_cli("build", "--no-print")
        assert result.exit_code == 0, result.output
        assert not error_lines(result)
    tei = (tmp_path / "tei" / "cable-1951-07-11-21680-mao-dong.xml").read_text(encoding="utf-8")
    assert "<persName" in tei and 'ref="authority/' not in tei


# -- source URL lines ---------------------------------------------------------------------

URL_LINES = {
    "quote and onclick": 'https://digitalarchive.wilsoncenter.org/document/123" onclick="alert(1)',
    "quoted query values": "https://x.org/a?b=\"c\" d='e'",
    "title attribute after it": 'https://x.org/doc/1" title="A title of several words"',
    "attribute glued to it": 'https://x.org/doc/1"title="glued words here"',
    "single quotes": "https://x.org/doc/1'onmouseover='alert(1)'",
    "angle brackets and a tail": '<https://x.org/doc/1> "a quoted tail"',
    "an unclosed angle bracket": "<https://x.org/doc/1 and words after",
    "a tag after it": "https://x.org/doc/1><script>alert(1)</script>",
    "spaces in it": "https://x.org/doc with spaces/1",
    "javascript": "javascript:alert(document.cookie)",
    "no scheme": "www.x.org/document/123",
    "unicode": "https://x.org/документ/123?q=ünï",
    "very long": "https://x.org/" + "a/" * 1500 + "end",
    "an ampersand and a tag": "https://x.org/a?q=1&r=<b>bold</b>",
}
# what the citation says of a line, where not the line itself: a Markdown autolink's
# angle brackets are the export's markup, not the archive's words
SAID = {"angle brackets and a tail": 'https://x.org/doc/1 "a quoted tail"'}


@pytest.fixture(scope="module")
def urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """The seed, its URL line replaced by each odd one, converted, rendered (pages, no
    search) and exported (CMIF, JSON) together; by case, its TEI file."""
    root = tmp_path_factory.mktemp("urls")
    sources = root / "sources"
    sources.mkdir()
    text = SEED.read_text(encoding="utf-8")
    assert SEED_URL in text
    for number, line in enumerate(URL_LINES.values()):
        changed = text.replace(SEED_URL, line).replace(SEED_SENDER, f"Sender{chr(65 + number)}")
        (sources / f"url-{number:02}.txt").write_text(changed, encoding="utf-8")
    results = pipeline.convert([sources], root / "tei", jobs=1)
    assert all(r.status == "written" for r in results), [r.message for r in results]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        assert run_cli("web", "tei", "--out", "site", "--no-search").exit_code == 0
        for fmt in ("cmif", "json"):
            assert run_cli("export", "tei", "--format", fmt, "--out", f"data.{fmt}").exit_code == 0
    by_case = {r.source.name: r.output for r in results if r.output}
    yield {case: by_case[f"url-{n:02}.txt"] for n, case in enumerate(URL_LINES)}


def _attribute_names(tree: etree._Element) -> set[str]:
    return {str(name) for element in tree.iter() for name in element.attrib}


@pytest.mark.parametrize("case", URL_LINES)
def test_an_odd_source_url_keeps_its_whole_line_and_injects_nothing(
    urls: dict[str, Path], case: str
) -> None:
    """Every word of the URL line is in the citation (the link's URL as its target, the
    rest as text); the TEI file is valid; no page, CMIF or JSON gains an attribute."""
    tei = urls[case]
    root = etree.parse(str(tei)).getroot()
    bibl = root.find(".//tei:sourceDesc/tei:bibl", NS)
    assert bibl is not None
    said = " ".join("".join(bibl.itertext()).split())
    assert " ".join(SAID.get(case, URL_LINES[case]).split()) in said
    for ptr in bibl.iterfind("tei:ptr", NS):
        target = ptr.get("target", "")
        assert target.startswith(("http://", "https://"))
        assert not set(target) & set('"<> \n')
    assert validate_files([tei]).valid
    page = html.parse(str(tei.parent.parent / "site" / f"{tei.stem}.html")).getroot()
    assert not {n for n in _attribute_names(page) if n.startswith("on")}
    assert not [s for s in page.iter("script") if "alert" in (s.text or "")]
    for link in page.iter("a"):
        assert not link.get("href", "").lower().startswith("javascript")
    cmif = etree.parse(str(tei.parent.parent / "data.cmif"))
    assert not {n for n in _attribute_names(cmif.getroot()) if n.startswith("on")}
    assert tei.stem in (tei.parent.parent / "data.json").read_text(encoding="utf-8")


# -- ids of long fields -------------------------------------------------------------------

LONG = " ".join(["Wonderfully"] * 30)  # 359 characters
ID_DAMAGE: dict[str, Callable[[str], str]] = {
    "a long sender": lambda t: t.replace(SEED_SENDER, LONG),
    "a long one-word sender": lambda t: t.replace(SEED_SENDER, "Mao " + "Z" * 300),
    "a long hyphenated sender": lambda t: t.replace(SEED_SENDER, "-".join(["Mao"] * 100)),
    "a long recipient": lambda t: t.replace("Cde. Filippov", f"Cde. {LONG}"),
    "a long number": lambda t: t.replace("No. 21680", "No. " + "9" * 300),
    "a number of date-like junk": lambda t: t.replace("No. 21680", "No. " + "1951-07-11-" * 30),
    "a number of punctuation": lambda t: t.replace("No. 21680", "No. " + "-/." * 100),
    "a 5,000-character title line": lambda t: t.replace(
        "Mao Dong to Cde. Filippov [Stalin]\n", f"Mao Dong to Cde. Filippov {'x' * 5000}\n", 1
    ),
    "a Cyrillic sender": lambda t: t.replace(SEED_SENDER, "Мао " + "Цзэдун" * 60),
    "a Chinese sender": lambda t: t.replace(SEED_SENDER, "毛泽东" * 100),
    "an emoji sender": lambda t: t.replace(SEED_SENDER, "🙂" * 300),
    "a sender of punctuation": lambda t: t.replace(SEED_SENDER, "!?*" * 100),
    "the same long sender again": lambda t: t.replace(SEED_SENDER, LONG + " Senior"),
}


@pytest.fixture(scope="module")
def long_fields(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pipeline.Converted]:
    """The seed with each field made very long, converted together through the command
    (the file names the ids make are written)."""
    root = tmp_path_factory.mktemp("long")
    (root / "sources").mkdir()
    text = SEED.read_text(encoding="utf-8")
    for number, spoil in enumerate(ID_DAMAGE.values()):
        (root / "sources" / f"long-{number:02}.txt").write_text(spoil(text), encoding="utf-8")
    results = pipeline.convert([root / "sources"], root / "tei", jobs=1)
    by_name = {r.source.name: r for r in results}
    return {case: by_name[f"long-{n:02}.txt"] for n, case in enumerate(ID_DAMAGE)}


@pytest.mark.parametrize("case", ID_DAMAGE)
def test_a_long_field_gives_a_readable_distinct_id(
    long_fields: dict[str, pipeline.Converted], case: str
) -> None:
    """The source converts; its id is at most ID_LENGTH characters (with the suffix that
    tells it from another), a valid xml:id and the name of its file; no two are alike."""
    result = long_fields[case]
    assert result.status == "written", result.message
    assert result.xml_id is not None and result.output is not None
    assert len(result.xml_id) <= ID_LENGTH + len("-99")
    assert NCNAME.match(result.xml_id)
    assert result.output.name == f"{result.xml_id}.xml"
    root = etree.parse(str(result.output)).getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}id") == result.xml_id
    ids = [r.xml_id for r in long_fields.values()]
    assert ids.count(result.xml_id) == 1
