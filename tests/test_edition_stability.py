"""An edition of one's own: hand edits survive a forced conversion, addresses survive a
corrected id, and ids survive a changing corpus.

- Per-file force: `--force-file FILE` replaces that hand-edited TEI file and no other, and
  keeps the edited bytes as `NAME.xml.bak` (`.bak.1`, … after it), saying so.
- Redirects: a document whose id changes leaves a page at its old address sending the
  reader to the new one, kept across builds, chains collapsed, dropped when a document
  takes the id again; never indexed, never listed.
- Stable ids: the `-2`, `-3` of documents sharing a base id stay with their sources.

The builds run on copies of the seeds in a temporary directory, without the print edition.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pytest

from cablegram import pipeline
from cablegram.build import Built
from cablegram.build import build as build_edition
from cablegram.edition.ids import IdAssigner
from cablegram.files import tei_files
from cablegram.render.redirects import update_redirects
from cablegram.safexml import parse_xml
from conftest import TEI_DIR, seed_paths
from conftest import run_cli as run

SEEDS = seed_paths()
SEED_ID = "cable-1951-06-30-21340-mao-zedong"  # seeds/000
OTHER_ID = "cable-1951-06-30-21336-mao-zedong"  # seeds/001
TEI = Path("tei")
SITE = Path("build/site")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding the seeds (seeds/) and the authority files (tei/)."""
    monkeypatch.chdir(tmp_path)
    Path("seeds").mkdir()
    for seed in SEEDS:
        shutil.copy(seed, Path("seeds") / seed.name)
    shutil.copytree(TEI_DIR / "authority", TEI / "authority")
    Path("cablegram.toml").write_text('[paths]\nsources = "seeds"\n', encoding="utf-8")
    return tmp_path


def build() -> Built:
    built = build_edition(Path("seeds"), TEI, SITE, None, jobs=1)
    assert built.site is not None, [c.message for c in built.converted if not c.done]
    return built


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: no {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def hand_edit(tei: Path, note: str) -> bytes:
    """Edit a TEI file as an editor does (a comment before its end); its bytes now."""
    edit(tei, "</TEI>", f"<!-- {note} --></TEI>")
    return tei.read_bytes()


def backups(tei: Path) -> list[str]:
    return sorted(path.name for path in tei.parent.glob(f"{tei.name}.bak*"))


# ----------------------------------------------------------------- per-file force


@pytest.mark.parametrize("named", ["tei", "source"])
def test_force_file_replaces_the_named_file_only(workdir: Path, named: str) -> None:
    """Two files edited by hand; --force-file names one (by its TEI file or its source):
    that one is made again, its edits kept in NAME.xml.bak, the other is kept."""
    assert run("convert", "--out", "tei").exit_code == 0
    forced, other = TEI / f"{SEED_ID}.xml", TEI / f"{OTHER_ID}.xml"
    made = forced.read_bytes()
    edited = hand_edit(forced, "checked against the scan")
    kept = hand_edit(other, "mine too")
    name = str(forced) if named == "tei" else str(Path("seeds") / SEEDS[0].name)
    result = run("convert", "--out", "tei", "--force-file", name)
    assert result.exit_code == 1  # the other file was kept
    backup = TEI / f"{SEED_ID}.xml.bak"
    assert backup.read_bytes() == edited  # exactly the edited bytes
    assert forced.read_bytes() == made
    assert other.read_bytes() == kept and backups(other) == []
    assert result.stdout.splitlines()[0] == (
        f"{forced}: edited by hand; the edited file is kept as {backup}"
    )
    assert result.stderr == (
        f"error: {other}: edited by hand since cablegram wrote it; not overwritten "
        f"(--force-file {other} replaces it, keeping the edited file as a .bak)\n"
    )


def test_a_second_forced_overwrite_keeps_the_first_backup(workdir: Path) -> None:
    assert run("convert", "--out", "tei").exit_code == 0
    tei = TEI / f"{SEED_ID}.xml"
    first = hand_edit(tei, "first reading")
    assert run("convert", "--out", "tei", "--force-file", str(tei)).exit_code == 0
    second = hand_edit(tei, "second reading")
    result = run("convert", "--out", "tei", "--force-file", str(tei))
    assert result.exit_code == 0
    assert backups(tei) == [f"{tei.name}.bak", f"{tei.name}.bak.1"]
    assert (TEI / f"{tei.name}.bak").read_bytes() == first
    assert (TEI / f"{tei.name}.bak.1").read_bytes() == second
    assert f"kept as {tei}.bak.1" in result.stdout
    # the same edits again are already kept: no third copy of them
    tei.write_bytes(first)
    result = run("convert", "--out", "tei", "--force-file", str(tei))
    assert f"{tei}: edited by hand; the edited file is kept as {tei}.bak\n" in result.stdout
    assert backups(tei) == [f"{tei.name}.bak", f"{tei.name}.bak.1"]


def test_force_without_a_name_replaces_every_edited_file_keeping_each(workdir: Path) -> None:
    assert run("convert", "--out", "tei").exit_code == 0
    edited = {tei: hand_edit(tei, "edited") for tei in sorted(TEI.glob("*.xml"))[:2]}
    result = run("convert", "--out", "tei", "--force")
    assert result.exit_code == 0
    for tei, data in edited.items():
        assert Path(f"{tei}.bak").read_bytes() == data
        assert f"{tei}: edited by hand; the edited file is kept as {tei}.bak" in result.stdout


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("tei/nowhere.xml", "no such file (--force-file)"),
        ("notes.txt", "neither a source of this run nor a TEI file in tei/ (--force-file)"),
    ],
)
def test_a_force_file_naming_nothing_of_the_run_is_refused(
    workdir: Path, name: str, problem: str
) -> None:
    """A name that is neither a source being converted nor a TEI file (a typo) forces
    nothing silently: the command stops before converting anything."""
    Path("notes.txt").write_text("not a source of this run\n", encoding="utf-8")
    for command in (["convert", "--out", "tei"], ["build", "--no-print"]):
        result = run(*command, "--force-file", name)
        assert result.exit_code == 2
        assert result.stderr == f"error: {name}: {problem}\n"
        assert result.stdout == ""
    assert list(TEI.glob("*.xml")) == []


def test_backups_are_no_documents(workdir: Path) -> None:
    """validate, web, print and build read `*.xml`: a backup is none of theirs."""
    assert run("convert", "--out", "tei").exit_code == 0
    tei = TEI / f"{SEED_ID}.xml"
    hand_edit(tei, "edited")
    assert run("convert", "--out", "tei", "--force-file", str(tei)).exit_code == 0
    hand_edit(tei, "edited again")
    assert run("convert", "--out", "tei", "--force-file", str(tei)).exit_code == 0
    assert len(backups(tei)) == 2
    assert tei_files([TEI]) == sorted(TEI.glob("*.xml"))  # web, print, entities
    validated = run("validate", "tei")
    assert f"{len(SEEDS) + 3} files checked" in validated.stdout  # the cables, 3 authority
    built = build()
    assert len(built.converted) == len(SEEDS) and not built.withdrawn
    assert not list(SITE.glob("*.bak*")) and not list((SITE / "tei").glob("*.bak*"))


def test_build_force_file_makes_only_the_named_file_again(workdir: Path) -> None:
    build()
    forced, other = TEI / f"{SEED_ID}.xml", TEI / f"{OTHER_ID}.xml"
    made = forced.read_bytes()
    edited = hand_edit(forced, "checked")
    kept = hand_edit(other, "mine")
    result = run("build", "--no-print", "--force-file", str(forced))
    assert result.exit_code == 0, result.output
    assert forced.read_bytes() == made and Path(f"{forced}.bak").read_bytes() == edited
    assert other.read_bytes() == kept and backups(other) == []
    assert f"{forced}: edited by hand; the edited file is kept as {forced}.bak" in result.stdout
    assert f"{OTHER_ID} (edited by hand, kept)" in result.stdout
    assert (SITE / "tei" / other.name).read_bytes() == kept  # the edition's text


# ----------------------------------------------------------------- redirects


def redirect_target(page: Path) -> str | None:
    """Where a redirect page sends the reader (None: not a redirect page), after checking
    it says so in every way: refresh, canonical link, a link in the text, noindex."""
    doc = lxml.html.parse(str(page)).getroot()
    refresh = doc.xpath("//head/meta[@http-equiv='refresh']/@content")
    if not refresh:
        return None
    [content] = refresh
    assert content.startswith("0; url=")
    target = content.removeprefix("0; url=")
    assert doc.xpath("//head/link[@rel='canonical']/@href") == [target]
    assert doc.xpath("//head/meta[@name='robots']/@content") == ["noindex"]
    assert target in doc.xpath("//main//a/@href")  # for a reader whose browser stays
    assert not doc.xpath("//*[@data-pagefind-body]")
    for href in doc.xpath("//a/@href | //link/@href | //script/@src"):
        path = urlsplit(href).path
        assert href.startswith("data:") or not path or (page.parent / path).is_file(), href
    return target


def redirects() -> dict[str, str]:
    """The site's redirect pages, old id -> new id, as the pages say and as listed."""
    found = {}
    for page in sorted(SITE.glob("*.html")):
        target = redirect_target(page)
        if target is not None:
            found[page.stem] = target.removesuffix(".html")
    assert json.loads((SITE / "redirects.json").read_text(encoding="utf-8")) == found
    return found


def listed_and_searched(xml_id: str) -> bool:
    """Whether the index lists a page, or the search index holds it."""
    index = (SITE / "index.html").read_text(encoding="utf-8")
    shards = json.loads((SITE / "search-shards.json").read_text("utf-8"))
    searched = {name for shard in shards for name in shard["pages"]}
    return f'href="{xml_id}.html"' in index or f"{xml_id}.html" in searched


def test_a_corrected_number_leaves_a_redirect_at_the_old_address(workdir: Path) -> None:
    source = Path("seeds") / SEEDS[0].name
    build()
    assert redirects() == {}
    a, b, c = (SEED_ID.replace("21340", number) for number in ("21340", "21341", "21342"))
    edit(source, "21340", "21341")
    moved = build()
    assert moved.redirected == {SITE / f"{a}.html": b}
    assert redirects() == {a: b}
    assert not listed_and_searched(a) and listed_and_searched(b)
    assert not (SITE / "tei" / f"{a}.xml").exists()  # redirects.json lists it for a server
    again = build()  # nothing changed: the redirect stays, not even written again
    assert again.redirected == {} and redirects() == {a: b}
    shutil.rmtree(SITE)  # the site made afresh: the redirect too (the state keeps it)
    build()
    assert redirects() == {a: b}
    edit(source, "21341", "21342")  # corrected again: the chain collapses
    build()
    assert redirects() == {a: c, b: c}
    assert not listed_and_searched(a) and not listed_and_searched(b)
    edit(source, "21342", "21340")  # back to the first number: its page is the cable's again
    build()
    assert redirects() == {b: a, c: a}
    assert listed_and_searched(a)
    source.unlink()  # the document leaves the edition: its redirects with it
    gone = build()
    assert redirects() == {}
    assert not any((SITE / f"{x}.html").exists() for x in (a, b, c))
    assert [(w.tei.stem, w.now) for w in gone.withdrawn] == [(a, None)]


def test_the_cli_says_where_the_old_address_now_sends(workdir: Path) -> None:
    assert run("build", "--no-print").exit_code == 0
    edit(Path("seeds") / SEEDS[0].name, "21340", "21341")
    result = run("build", "--no-print")
    assert result.exit_code == 0, result.output
    new = SEED_ID.replace("21340", "21341")
    assert f"{SITE / SEED_ID}.html: redirects to {new}.html (the document's id changed)" in (
        result.stdout.splitlines()
    )


def test_a_hand_edited_file_under_the_old_id_stays_and_gets_no_redirect(workdir: Path) -> None:
    """The edited file is kept (it is still the edition's): its page stays a cable's."""
    build()
    hand_edit(TEI / f"{SEED_ID}.xml", "mine")
    edit(Path("seeds") / SEEDS[0].name, "21340", "21341")
    built = build()
    assert [(w.tei.stem, w.removed) for w in built.withdrawn] == [(SEED_ID, False)]
    assert redirects() == {} and listed_and_searched(SEED_ID)


def test_redirects_follow_withdrawals() -> None:
    """The bookkeeping alone: added, collapsed, dropped when the id is taken again or the
    document is gone."""
    state: dict[str, str] = {}
    update_redirects(state, [("a", "b")], {"b", "x"})
    assert state == {"a": "b"}
    update_redirects(state, [("b", "c")], {"c", "x"})
    assert state == {"a": "c", "b": "c"}
    update_redirects(state, [("c", "a")], {"a", "x"})
    assert state == {"b": "a", "c": "a"}
    update_redirects(state, [("x", None)], {"a"})
    assert state == {"b": "a", "c": "a"}
    update_redirects(state, [("a", None)], set())
    assert state == {}


# ----------------------------------------------------------------- stable ids


def made_from(tei: Path) -> str:
    """The source file a TEI file was converted from (its provenance)."""
    return parse_xml(tei).findtext(pipeline.SOURCE_NAME, namespaces=pipeline.NS) or ""


def ids_by_source() -> dict[str, str]:
    return {made_from(tei): tei.stem for tei in sorted(TEI.glob("*.xml"))}


def test_documents_sharing_an_id_keep_their_suffixes_as_the_corpus_changes(
    workdir: Path,
) -> None:
    """Three documents of one day, sender and number (copies of a seed, each its own
    summary): -2 and -3 in source order at first; then a new one that sorts first gets the
    next free suffix, and the others keep theirs (and their pages), also when everything
    is converted again or one of them is removed."""
    shutil.rmtree("seeds")
    Path("seeds").mkdir()
    for name in ("b.txt", "c.txt", "d.txt"):
        shutil.copy(SEEDS[0], Path("seeds") / name)
        edit(Path("seeds") / name, "Mao asks Stalin", f"Mao asks Stalin ({name})")
    build()
    first = {"b.txt": SEED_ID, "c.txt": f"{SEED_ID}-2", "d.txt": f"{SEED_ID}-3"}
    assert ids_by_source() == first
    pages = {xml_id: own_page(xml_id) for xml_id in first.values()}
    shutil.copy(SEEDS[0], "seeds/a.txt")  # sorts before the others
    build()
    assert ids_by_source() == {**first, "a.txt": f"{SEED_ID}-4"}
    assert {x: own_page(x) for x in first.values()} == pages
    edit(TEI / "authority" / "persons.xml", "</listPerson>", "<!-- --></listPerson>")
    everything = build()  # the authority changed: every source is converted again
    assert all(c.versions for c in everything.converted)  # parsed: none was kept as it was
    assert ids_by_source() == {**first, "a.txt": f"{SEED_ID}-4"}
    Path("seeds/b.txt").unlink()
    build()
    assert ids_by_source() == {"c.txt": f"{SEED_ID}-2", "d.txt": f"{SEED_ID}-3",
                               "a.txt": f"{SEED_ID}-4"}  # fmt: skip
    Path("seeds/e.txt").write_bytes(Path("seeds/a.txt").read_bytes())
    build()  # the id given up is the first free one again
    assert ids_by_source()["e.txt"] == SEED_ID
    assert redirects() == {}


def own_page(xml_id: str) -> str:
    """A document's page, less its links to the documents before and after it by date
    (a document added beside it changes them, not the page's own)."""
    page = (SITE / f"{xml_id}.html").read_text(encoding="utf-8")
    page = re.sub(r'<link rel="(?:prev|next)"[^>]*>', "", page)
    return re.sub(r'<nav class="neighbours".*?</nav>', "", page, flags=re.S)


def test_the_assigner_holds_each_sources_id_for_it() -> None:
    ids = IdAssigner(
        reserved=["x-3"], previous={"b": ("x", "x"), "c": ("x-2", "x"), "m": ("y", "y")}
    )
    assert ids.assign("a", "x") == "x-4"  # new: the first id no other source holds
    assert ids.assign("b", "x") == "x"
    assert ids.assign("m", "x") == "x-5"  # its base changed: a new id, "y" given up
    assert ids.assign("c", "x") == "x-2"
    assert ids.assign("n", "y") == "y"
    # a number of the base id is no suffix of a shorter one (its number gone since)
    assert IdAssigner(previous={"s": ("x-21340", "x-21340")}).assign("s", "x") == "x"
    # a state that recorded no base ids: an id of the same base, a suffix after it
    assert IdAssigner(previous={"s": ("x-2", None)}).assign("s", "x") == "x-2"
    assert IdAssigner(previous={"s": ("x-2", None)}).assign("s", "z") == "z"
