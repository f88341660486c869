"""The documented command line: `cablegram convert`, `cablegram build`, `--out`, the
report lines, the progress bar, `--version` and the help of every command."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from click.testing import Result
from lxml import etree

from cablegram import __version__
from cablegram.cli import PROGRESS_THRESHOLD, main
from conftest import SEEDS, TEI_DIR, seed_paths
from conftest import run_cli as run

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SEED_ID = "cable-1951-06-30-21340-mao-zedong"  # the README's example, from seeds/000_…
# One report line: `<xml:id>[ (unchanged)]  [<type>[/<subtype>](<lang>), …]  key=n …`
LINE = re.compile(
    r"^(?P<id>cable-[a-z0-9-]+)(?P<state> \(unchanged\))?  "
    r"\[(?P<versions>[a-z]+(?:/[a-z]+)?\([a-z]{2,3}\)(?:, [a-z]+(?:/[a-z]+)?\([a-z]{2,3}\))*)\]"
    r"  (?P<counts>[a-z]+=\d+(?: [a-z]+=\d+)*)$"
)
SUMMARY = re.compile(
    r"^(?P<done>\d+) of (?P<total>\d+) documents converted into (?P<out>.+)/ "
    r"\((?P<written>\d+) written, (?P<unchanged>\d+) unchanged, (?P<failed>\d+) failed\)$"
)
# The counts the README promises, and what each counts in the TEI text.
COUNTS = {
    "stamps": "//tei:text//tei:stamp",
    "signatures": "//tei:text//tei:signed",
    "sic": "//tei:text//tei:sic",
    "unclear": "//tei:text//tei:unclear | //tei:text//tei:*[@cert='low']",
    "supplied": "//tei:text//tei:supplied",
    "notes": "//tei:text//tei:note",
    "clerk": "//tei:text//tei:note[@type='clerk']",
    "telegrams": "//tei:text//tei:floatingText[@type='telegram']",
    "pages": "//tei:text//tei:pb[not(@ed)]",
}


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary working directory holding a copy of seeds/ and an edition whose sources
    they are, as the repository's own (the repo's tei/ is safe)."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "cablegram.toml").write_text('[paths]\nsources = "seeds"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report(result: Result) -> tuple[list[re.Match[str]], re.Match[str]]:
    """The document lines and the summary line of a `convert` run (for `build`, the part
    before its validation report)."""
    out = result.stdout.splitlines()
    end = next((i for i, line in enumerate(out) if SUMMARY.match(line)), len(out) - 1)
    *lines, last = out[: end + 1]
    matches = []
    for line in lines:
        match = LINE.match(line)
        assert match, f"not a document line: {line!r}"
        matches.append(match)
    summary = SUMMARY.match(last)
    assert summary, f"not a summary line: {last!r}"
    return matches, summary


def check_line_against_file(line: re.Match[str], out: Path) -> None:
    """What a report line says is what the TEI file holds."""
    path = out / f"{line['id']}.xml"
    assert path.is_file(), path
    root = etree.parse(str(path)).getroot()
    assert root.get(XML_ID) == line["id"]
    divs = root.findall("tei:text/tei:body/tei:div", TEI)
    versions = [
        "/".join(filter(None, (div.get("type"), div.get("subtype")))) + f"({div.get(XML_LANG)})"
        for div in divs
    ]
    assert line["versions"].split(", ") == versions
    counts = dict(item.split("=") for item in line["counts"].split())
    assert set(COUNTS) <= set(counts), f"missing counts: {set(COUNTS) - set(counts)}"
    for name, xpath in COUNTS.items():
        assert int(counts[name]) == len(set(root.xpath(xpath, namespaces=TEI))), name


# ----------------------------------------------------------------- convert


def test_convert_without_arguments_converts_seeds_into_tei(workdir: Path) -> None:
    result = run("convert")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines, summary = report(result)
    n = len(seed_paths())
    assert summary.groups() == (str(n), str(n), "tei", str(n), "0", "0")
    assert len(lines) == n
    written = sorted(p.stem for p in (workdir / "tei").glob("*.xml"))
    assert sorted(line["id"] for line in lines) == written
    assert len(set(written)) == n
    for line in lines:
        check_line_against_file(line, workdir / "tei")
    # One line per document, in source-name order: seeds/000_… comes first.
    assert lines[0]["id"] == SEED_ID
    assert "translation(en)" in lines[0]["versions"].split(", ")
    assert "(ru)" in lines[0]["versions"]


def test_every_seed_document_has_a_version(workdir: Path) -> None:
    lines, _ = report(run("convert"))
    for line in lines:
        assert line["versions"], line.string


def test_second_run_reports_unchanged(workdir: Path) -> None:
    first = run("convert")
    second = run("convert")
    assert second.exit_code == 0
    lines, summary = report(second)
    n = len(seed_paths())
    assert summary.groups() == (str(n), str(n), "tei", "0", str(n), "0")
    assert all(line["state"] == " (unchanged)" for line in lines)
    # Apart from the marker the lines are the same as when the files were written.
    assert [line.string.replace(" (unchanged)", "") for line in lines] == (
        first.stdout.splitlines()[:-1]
    )


def test_convert_warns_of_an_earlier_conversion_under_another_id(workdir: Path) -> None:
    """`convert` keeps no history: when a corrected source gets another id, it says which
    file beside the new one was made from the same source, and leaves both."""
    lines, _ = report(run("convert"))
    first = lines[0]["id"]
    number = first.split("-")[4]
    made_from = re.search(
        r'<name type="file">([^<]+)</name>', Path("tei", f"{first}.xml").read_text("utf-8")
    )
    assert made_from
    source = Path("seeds", made_from.group(1))
    source.write_text(
        source.read_text(encoding="utf-8").replace(number, str(int(number) + 1)),
        encoding="utf-8",
    )
    result = run("convert")
    assert result.exit_code == 0, result.output
    renamed = first.replace(f"-{number}-", f"-{int(number) + 1}-")
    assert result.stderr == (
        f"warning: {Path('tei', first + '.xml')}: made earlier from {source.name} too, under "
        f"another id; remove it if {renamed}.xml supersedes it\n"
    )
    assert (workdir / "tei" / f"{first}.xml").is_file()
    assert run("convert").stderr == ""  # no new file name: nothing to say


@pytest.mark.parametrize("option", ["--out", "-o"])
def test_out_directory(workdir: Path, option: str) -> None:
    result = run("convert", "seeds/", option, "edition/tei")
    assert result.exit_code == 0, result.output
    _, summary = report(result)
    assert summary["out"] == str(Path("edition/tei"))
    assert len(list((workdir / "edition" / "tei").glob("*.xml"))) == len(seed_paths())
    assert not (workdir / "tei").exists()


def test_convert_single_files(workdir: Path) -> None:
    first, second = sorted(Path("seeds").glob("*.txt"))[:2]
    result = run("convert", str(second), str(first), "--out", "out")
    assert result.exit_code == 0, result.output
    lines, summary = report(result)
    assert summary.groups() == ("2", "2", "out", "2", "0", "0")
    # Lines follow the order the sources were given in.
    assert lines[1]["id"] == SEED_ID


def test_copies_of_one_seed_get_numbered_ids(workdir: Path) -> None:
    corpus = workdir / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(seed_paths()[0], corpus / name)
    lines, summary = report(run("convert", "corpus", "--out", "out"))
    assert summary.groups() == ("3", "3", "out", "3", "0", "0")
    assert [line["id"] for line in lines] == [SEED_ID, f"{SEED_ID}-2", f"{SEED_ID}-3"]
    for line in lines:
        check_line_against_file(line, workdir / "out")


def test_markdown_suffix_is_a_source(workdir: Path) -> None:
    corpus = workdir / "corpus"
    corpus.mkdir()
    shutil.copy(seed_paths()[0], corpus / "page.md")
    (corpus / "README.rst").write_text("not a source", encoding="utf-8")
    lines, summary = report(run("convert", "corpus", "--out", "out"))
    assert [line["id"] for line in lines] == [SEED_ID]
    assert summary["total"] == "1"


# ----------------------------------------------------------------- progress bar


def make_batch(directory: Path, size: int) -> None:
    """`size` sources: copies of the seeds, each copy of a seed gets a numbered id."""
    directory.mkdir()
    seeds = seed_paths()
    for n in range(size):
        shutil.copy(seeds[n % len(seeds)], directory / f"{n:03d}_{seeds[n % len(seeds)].name}")


def test_progress_bar_on_a_large_batch(workdir: Path) -> None:
    assert PROGRESS_THRESHOLD == 20
    make_batch(workdir / "batch", 20)
    result = run("convert", "batch", "--out", "out")
    assert result.exit_code == 0, result.output
    assert "converting" in result.stderr
    assert "converting" not in result.stdout
    lines, summary = report(result)
    assert summary.groups() == ("20", "20", "out", "20", "0", "0")
    ids = [line["id"] for line in lines]
    assert len(set(ids)) == 20
    # Each of the 5 seeds is there 4 times: its id, then -2, -3, -4 in source-name order.
    bases = Counter(re.sub(r"-[234]$", "", i) for i in ids)
    assert sorted(bases.values()) == [4] * len(seed_paths())
    assert [i for i in ids if i.startswith(SEED_ID)] == [
        SEED_ID,
        f"{SEED_ID}-2",
        f"{SEED_ID}-3",
        f"{SEED_ID}-4",
    ]
    assert len(list((workdir / "out").glob("*.xml"))) == 20


def test_no_progress_bar_on_a_small_batch(workdir: Path) -> None:
    make_batch(workdir / "batch", 19)
    result = run("convert", "batch", "--out", "out")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert report(result)[1]["total"] == "19"


# ----------------------------------------------------------------- build, version, help


def test_build_converts_seeds_into_tei(workdir: Path) -> None:
    result = run("build")
    assert result.exit_code == 0, result.output
    out_lines = result.stdout.splitlines()
    assert any(line.startswith(f"{len(seed_paths())} files checked: ") for line in out_lines)
    assert out_lines[-2].endswith("pages written into build/site/")
    assert out_lines[-1].startswith("build/print/edition.pdf: ")
    assert (workdir / "build" / "site" / "index.html").is_file()
    assert (workdir / "build" / "print" / "edition.pdf").is_file()
    steps = r"convert [\d.]+, validate [\d.]+, web [\d.]+ \(search [\d.]+\), print [\d.]+"
    assert re.search(rf"^seconds: {steps}$", result.stderr, re.MULTILINE), result.stderr
    lines, summary = report(result)
    assert summary.groups()[:3] == (str(len(seed_paths())), str(len(seed_paths())), "tei")
    assert sorted(p.stem for p in (workdir / "tei").glob("*.xml")) == sorted(
        line["id"] for line in lines
    )


def test_build_accepts_a_cable_edited_by_hand(workdir: Path) -> None:
    """A TEI file corrected by hand is no failure of the build while its source is as it
    was: the line says it is kept, and the build succeeds."""
    assert run("build", "--no-print").exit_code == 0
    tei = sorted((workdir / "tei").glob("*.xml"))[0]
    text = tei.read_text(encoding="utf-8")
    tei.write_text(text.replace("</TEI>", "<!-- checked --></TEI>"), encoding="utf-8")
    result = run("build", "--no-print")
    assert result.exit_code == 0, result.output
    assert f"{tei.stem} (edited by hand, kept)" in result.stdout.splitlines()
    assert "error" not in result.stderr


def test_build_says_which_cables_it_withdrew_and_which_it_kept(workdir: Path) -> None:
    assert run("build", "--no-print").exit_code == 0
    first, second = sorted((workdir / "tei").glob("*.xml"))[:2]
    sources = {p.name: p for p in (workdir / "seeds").iterdir()}
    source_of = {
        tei.name: re.search(
            r"<name type=\"file\">([^<]+)</name>", tei.read_text(encoding="utf-8")
        ).group(1)
        for tei in (first, second)
    }
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("</TEI>", "<!-- checked --></TEI>"), encoding="utf-8")
    for tei in (first, second):
        sources[source_of[tei.name]].unlink()
    result = run("build", "--no-print")
    assert result.exit_code == 0, result.output
    assert f"removed tei/{second.name}: its source {source_of[second.name]} is gone" in (
        result.stdout
    )
    assert (
        f"warning: tei/{first.name} was made from {source_of[first.name]}, which is gone; "
        "it was edited by hand since, so it is kept"
    ) in result.stderr
    assert "2 files of cables no longer in the corpus removed" in result.stdout  # page, TEI


def test_build_with_options(workdir: Path) -> None:
    shutil.move("seeds", "exports")
    result = run("build", "--sources", "exports", "--out", "edition")
    assert result.exit_code == 0, result.output
    assert len(list((workdir / "edition").glob("*.xml"))) == len(seed_paths())


def test_build_without_corpus_fails_cleanly(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("build")
    assert result.exit_code == 1
    assert result.stderr == "error: sources: no such file or directory\n"


def cablegram_process(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m cablegram ARGS` in a process of its own."""
    command = [sys.executable, "-m", "cablegram", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=cwd)


def test_version_in_a_subprocess(tmp_path: Path) -> None:
    proc = cablegram_process("--version", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"cablegram, version {__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", __version__)


def test_module_help_in_a_subprocess(tmp_path: Path) -> None:
    proc = cablegram_process("--help", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    for name in main.commands:
        assert re.search(rf"^\s+{name}\s+\S", proc.stdout, re.M), name


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_is_documented(name: str) -> None:
    command = main.commands[name]
    assert command.help and command.help.strip(), f"{name} has no help text"
    result = run(name, "--help")
    assert result.exit_code == 0
    examples = [line.strip() for line in result.stdout.splitlines() if "Example:" in line]
    assert examples, f"`cablegram {name} --help` has no 'Example:' line"
    assert all(e.startswith(f"Example: cablegram {name}") for e in examples), examples
    for param in command.params:
        if param.param_type_name == "option":
            assert getattr(param, "help", None), f"{name} {param.opts} has no help"


def test_commands_exist() -> None:
    """The commands the README documents; a new command needs a help text (above)."""
    assert {"convert", "build"} <= set(main.commands)


def test_short_help_option(workdir: Path) -> None:
    result = run("-h")
    assert result.exit_code == 0
    assert "convert" in result.stdout and "build" in result.stdout


def test_the_parsers_diagnostics_reach_the_user(tmp_path: Path) -> None:
    """A page that stops mid-text converts, and says so with its file and line."""
    partial = sorted((SEEDS.parent / "tests" / "variants").glob("v03_*.txt"))[0]
    result = run("convert", str(partial), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert re.search(
        rf"^warning: {re.escape(str(partial))}:\d+: the export stops mid-text$", result.stderr, re.M
    ), result.stderr


def test_web_pages_long_lists_as_asked(tmp_path: Path) -> None:
    """`--page-size` sets how many cables a page of the index lists; 0 is refused."""
    site = tmp_path / "site"
    result = run("web", str(TEI_DIR), "--out", str(site), "--no-search", "--page-size", "2")
    assert result.exit_code == 0, result.output
    cables = len(list(TEI_DIR.glob("*.xml")))
    pages = {p.name for p in site.glob("index*.html")}
    assert pages == {"index.html"} | {f"index-p{n}.html" for n in range(2, -(-cables // 2) + 1)}
    refused = run("web", str(TEI_DIR), "--out", str(site), "--page-size", "0")
    assert refused.exit_code == 2
    assert "--page-size" in refused.output


def test_build_pages_long_lists_as_asked_and_again_when_that_changes(workdir: Path) -> None:
    """`build --page-size` pages the index; building again with the default page size
    makes the index one page again (the page size is among what the pages are made from),
    though no document changed."""
    shutil.copytree(TEI_DIR / "authority", workdir / "tei" / "authority")
    first = run("build", "--no-print", "--page-size", "2")
    assert first.exit_code == 0, first.output
    assert (workdir / "build/site/index-p2.html").exists()
    again = run("build", "--no-print")
    assert again.exit_code == 0, again.output
    assert "validate 0 redone" in again.output  # nothing else was done again
    assert not list((workdir / "build/site").glob("index-p*.html"))
    index = (workdir / "build/site/index.html").read_text(encoding="utf-8")
    assert index.count("<tr data-in=") == len(seed_paths())  # a row per document


def test_a_builds_output_counts_the_warnings_of_one_kind_after_a_few() -> None:
    """77 'authority entry unused' lines drowned a build's messages: after three warnings
    of one rule in one file, a count; errors always in full; four are shown as four."""
    from cablegram.cli import _build_issue_lines
    from cablegram.validate import Issue

    def warning(path: str, line: int, rule: str) -> Issue:
        return Issue(path, line, 9, "warning", f"entry {line} unused", rule)

    issues = [
        *[warning("tei/authority/persons.xml", n, "cg-authority-unused") for n in range(1, 11)],
        *[warning("tei/authority/places.xml", n, "cg-authority-unused") for n in range(1, 5)],
        Issue("tei/a.xml", 3, 1, "error", "bad", "cg-x"),
        Issue("tei/a.xml", 4, 1, "error", "bad", "cg-x"),
    ]
    lines = list(_build_issue_lines(issues, Path("tei")))
    persons = [line for line in lines if "persons.xml" in line]
    assert persons[:3] == [str(i) for i in issues[:3]]
    assert persons[3:] == [
        "tei/authority/persons.xml: 7 more warnings [cg-authority-unused] "
        "(cablegram validate tei lists them all)"
    ]
    assert len([line for line in lines if "places.xml" in line]) == 4
    assert [line for line in lines if "a.xml" in line] == [str(i) for i in issues[-2:]]
