"""An edition's configuration (`cablegram.toml`), `cablegram init`, and what an edition may
change of the packaged output: its own stylesheet and templates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import html

from cablegram import pipeline
from cablegram.edition import Edition, load_edition
from cablegram.edition.config import DEFAULT_TITLE, read_config
from cablegram.errors import CablegramError
from conftest import TEI_DIR, seed_paths
from conftest import run_cli as run

SEED_ID = "cable-1951-06-30-21340-mao-zedong"


def write_config(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cablegram.toml"
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ reading it


def test_a_full_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write_config(
        tmp_path,
        '[edition]\ntitle = "Letters"\nsubtitle = "Sub"\neditors = ["A B", " C D "]\n'
        'publisher = "Press"\nlicence = "CC0-1.0"\nbase_url = "https://example.org/x"\n'
        'language = "ru"\nplace = "Oxford"\ndate = 2026-05-01\nversion = "1.0"\n'
        '[paths]\nsources = "in"\ntei = "data/tei"\nbuild = "out"\n'
        '[web]\ncss = "mine.css"\n[print]\nparallel = true\n',
    )
    edition = load_edition()
    assert edition.title == "Letters" and edition.subtitle == "Sub"
    assert edition.editors == ("A B", "C D")
    assert edition.licence_url == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert edition.base_url == "https://example.org/x/"  # a folder's address ends in /
    assert edition.language == "ru"
    assert (edition.place, edition.date, edition.version) == ("Oxford", "2026-05-01", "1.0")
    params = edition.stylesheet_params()
    assert (params["edition-place"], params["edition-date"]) == ("Oxford", "2026-05-01")
    assert (edition.sources, edition.tei, edition.build) == (
        Path("in"),
        Path("data/tei"),
        Path("out"),
    )
    assert edition.site == Path("out/site") and edition.css == Path("mine.css")
    assert edition.parallel


def test_found_above_and_paths_relative_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(tmp_path / "ed", '[paths]\nsources = "exports"\n')
    deep = tmp_path / "ed" / "tei" / "authority"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    edition = load_edition()
    assert edition.config == (tmp_path / "ed" / "cablegram.toml").resolve()
    assert edition.sources == (tmp_path / "ed" / "exports").resolve()
    assert edition.tei == (tmp_path / "ed" / "tei").resolve()


def test_without_a_configuration_the_defaults_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    edition = load_edition()
    assert edition.config is None and edition.title == DEFAULT_TITLE == "Untitled edition"
    assert (edition.sources, edition.tei, edition.build) == (
        Path("sources"),
        Path("tei"),
        Path("build"),
    )
    assert edition.header_fields() == ("|", "", "", "")  # the header says nothing of it


@pytest.mark.parametrize("given", ['"2026"', '"2026-05"', '" 2026-05-01 "', "2026-05-01"])
def test_a_date_of_publication(tmp_path: Path, given: str) -> None:
    """The edition's date: a TOML date or ISO text, to the year, month or day."""
    edition = read_config(write_config(tmp_path, f"[edition]\ndate = {given}\n"))
    assert edition.date == given.strip('" ')


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[edition]\ntitle = 3\n", "[edition] title: expected text in quotes, got int 3"),
        ('[edition]\ntitle = ""\n', "[edition] title: is empty (leave the key out instead)"),
        ('[edition]\neditors = "Ann"\n', "[edition] editors: expected a list of names"),
        ('[edition]\neditors = ["Ann", 2]\n', "[edition] editors: expected a list of names"),
        ('[edition]\nlicence = "GPL-ish"\n', "[edition] licence: 'GPL-ish' is no licence"),
        ('[edition]\nbase_url = "example.org"\n', "[edition] base_url: expected the site's"),
        ('[edition]\nlanguage = "de"\n', "[edition] language: 'de' is no interface language"),
        ('[edition]\ndate = "May 2026"\n', "[edition] date: expected an ISO date, e.g. 2026-05-01"),
        ('[edition]\ndate = "2026-02-30"\n', "[edition] date: expected an ISO date"),
        ("[edition]\ndate = 2026-05-01T10:00:00\n", "[edition] date: expected an ISO date"),
        ("[edition]\nversion = 2\n", "[edition] version: expected text in quotes, got int 2"),
        ('[edition]\ntitel = "x"\n', "[edition] titel: unknown key (known: title, subtitle"),
        ('[site]\ntitle = "x"\n', "[site]: unknown section (known: edition, paths, web, print)"),
        ('[print]\nparallel = "yes"\n', "[print] parallel: expected true or false (no quotes)"),
        ('edition = "x"\n', "edition: expected a section [edition], got a value"),
        ("[paths]\ntei = 1\n", "[paths] tei: expected text in quotes, got int 1"),
        ("[edition\n", "not valid TOML"),
    ],
)
def test_a_bad_key_is_named_with_what_it_must_be(tmp_path: Path, text: str, message: str) -> None:
    path = write_config(tmp_path, text)
    with pytest.raises(CablegramError) as raised:
        read_config(path)
    assert str(raised.value).startswith(f"{path}: ")
    assert message in str(raised.value)


def test_every_bad_key_at_once_one_line_each_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write_config(tmp_path, '[edition]\ntitle = 1\nlicence = "x"\nfoo = 2\n[paths]\nbuild = 3\n')
    result = run("build", "--no-print")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 4, lines
    assert lines[0].startswith("error: ")
    assert all("cablegram.toml: [" in line for line in lines)
    assert not Path("tei").exists() and not Path("build").exists()  # nothing done


def test_a_config_that_is_no_utf8_text(tmp_path: Path) -> None:
    path = tmp_path / "cablegram.toml"
    path.write_bytes(b'[edition]\ntitle = "\xff"\n')
    with pytest.raises(CablegramError, match=r"not UTF-8 text"):
        read_config(path)


# ------------------------------------------------------------------------ init


def test_init_refuses_an_existing_edition_and_overwrites_nothing(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "ed")).exit_code == 0
    config = tmp_path / "ed" / "cablegram.toml"
    config.write_text("# mine\n", encoding="utf-8")
    result = run("init", str(tmp_path / "ed"))
    assert result.exit_code == 2
    assert result.stderr == f"error: {config}: an edition is already here; nothing was changed\n"
    assert config.read_text(encoding="utf-8") == "# mine\n"


def test_init_into_a_folder_with_a_readme_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "ed").mkdir()
    (tmp_path / "ed" / "README.md").write_text("my notes\n", encoding="utf-8")
    result = run("init", str(tmp_path / "ed"))
    assert result.exit_code == 2
    assert "README.md: already there; nothing was changed" in result.stderr
    assert sorted(p.name for p in (tmp_path / "ed").iterdir()) == ["README.md"]


def test_the_new_edition_is_valid_and_titled(tmp_path: Path) -> None:
    result = run("init", str(tmp_path / "ed"), "--title", 'Say "yes"')
    assert result.exit_code == 0, result.output
    edition = read_config(tmp_path / "ed" / "cablegram.toml")
    assert edition.title == 'Say "yes"'
    assert run("validate", str(tmp_path / "ed" / "tei")).exit_code == 0  # the empty lists


# ------------------------------------------------------------- own stylesheets


@pytest.fixture
def own_edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Edition:
    """An edition with its own CSS and a template of its own for the footer's imprint."""
    monkeypatch.chdir(tmp_path)
    write_config(tmp_path, '[edition]\ntitle = "Mine"\n[web]\ncss = "mine.css"\n')
    Path("mine.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    Path("xslt/web").mkdir(parents=True)
    Path("xslt/web/cable.xsl").write_text(
        '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">\n'
        '  <xsl:template name="imprint"><p class="own-imprint">Our imprint</p></xsl:template>\n'
        "</xsl:stylesheet>\n",
        encoding="utf-8",
    )
    shutil.copytree(TEI_DIR, "tei", ignore=shutil.ignore_patterns("cable-1951-07*"))
    return load_edition()


def test_the_editions_templates_win_where_they_are_given(own_edition: Edition) -> None:
    pipeline.web([own_edition.tei], own_edition.site, search=False, edition=own_edition)
    cable = html.parse(str(own_edition.site / f"{SEED_ID}.html")).getroot()
    assert cable.xpath("//footer/p[@class='own-imprint']/text()") == ["Our imprint"]
    index = html.parse(str(own_edition.site / "index.html")).getroot()
    assert not index.xpath("//*[@class='own-imprint']")  # only cable.xsl was overridden
    assert cable.xpath("//head/link[@href='assets/edition-own.css']")
    own = (own_edition.site / "assets" / "edition-own.css").read_text(encoding="utf-8")
    assert "#123456" in own
    assert cable.findtext(".//title").endswith("Mine")


def test_a_missing_own_css_is_named(own_edition: Edition) -> None:
    Path("mine.css").unlink()
    result = run("web", "--no-search")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: mine.css: the edition's stylesheet ([web] css)")


def test_the_seeds_edition_is_one_like_any_other() -> None:
    """The repository's cablegram.toml: ./dev build builds it with the same code."""
    edition = read_config(TEI_DIR.parent / "cablegram.toml")
    assert edition.title == "Cables on the Korean Armistice, 1951"
    assert edition.sources.name == "seeds" and len(seed_paths()) == 5
