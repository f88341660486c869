"""`cablegram validate`: the manifest of invalid documents, the output formats, exit codes.

Each fixture under tests/invalid/ breaks one thing; its manifest says which rules (or how
many XSD errors) it must produce. The committed corpus must validate cleanly.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from cablegram.cli import main
from cablegram.validate import validate_files
from conftest import SEEDS, TEI_DIR

INVALID = Path(__file__).resolve().parent / "invalid"
KINDS = ("xml", "xsd", "schematron")
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?:error|warning): .+ \[[\w.-]+\]$")


def _manifest(kind: str) -> dict[str, dict]:
    with (INVALID / kind / "manifest.toml").open("rb") as handle:
        return tomllib.load(handle)


CASES = [(kind, name) for kind in KINDS for name in sorted(_manifest(kind))]


def test_there_are_at_least_25_kinds_of_invalid_document() -> None:
    failing = [(k, n) for k, n in CASES if _manifest(k)[n].get("rules", True)]
    assert len(failing) >= 25
    for kind, name in CASES:
        assert (INVALID / kind / f"{name}.xml").exists(), f"{kind}/{name}.xml is missing"


def _named_copy(fixture: Path, facts: dict, tmp_path: Path) -> Path:
    """A Schematron fixture is checked under the name its manifest gives, else under its
    xml:id, so that the file-name rule fires only where the fixture means it to."""
    data = fixture.read_bytes()
    xml_id = re.search(rb'<TEI[^>]*xml:id="([^"]+)"', data)
    name = Path(facts.get("file_name", "")).name or (
        f"{xml_id.group(1).decode()}.xml" if xml_id else fixture.name
    )
    copy = tmp_path / name
    copy.write_bytes(data)
    return copy


@pytest.mark.parametrize(("kind", "name"), CASES, ids=[f"{k}-{n}" for k, n in CASES])
def test_invalid_document_is_reported_as_the_manifest_says(
    kind: str, name: str, tmp_path: Path
) -> None:
    facts = _manifest(kind)[name]
    path = INVALID / kind / f"{name}.xml"
    if kind == "schematron":
        path = _named_copy(path, facts, tmp_path)
    report = validate_files([path])
    if kind == "schematron" and not facts["rules"]:  # a passing control for the rules
        assert not [i for i in report.issues if i.rule != "xsd"], report.issues
        return
    assert report.issues
    if kind == "xsd":
        assert len([i for i in report.issues if i.rule == "xsd"]) == facts["errors"]
    else:
        # the grammar may catch the same fault too: compare the rule-based findings
        found = {i.rule for i in report.issues if i.rule != "xsd"}
        assert found == set(facts["rules"]), report.issues
    if "line" in facts:
        assert report.errors[0].line == facts["line"]
    for issue in report.issues:
        assert issue.line > 0 and issue.column > 0, issue
        assert LINE.match(str(issue)), str(issue)


def test_committed_corpus_is_valid() -> None:
    report = validate_files([TEI_DIR])
    assert report.valid, "\n".join(map(str, report.issues))
    assert len(report.files) == len(list(TEI_DIR.glob("*.xml"))) + 3  # and the authority files


def test_cli_reports_like_a_compiler_and_exits_1(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = sorted((INVALID / "schematron").glob("*.xml"))[0]
    result = runner.invoke(main, ["validate", str(TEI_DIR), str(bad)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith(f"{len(list(TEI_DIR.rglob('*.xml'))) + 1} files checked")
    problems = [line for line in lines[:-1] if ": error: " in line]
    assert all(LINE.match(line) for line in lines[:-1]) and problems
    assert all(line.startswith(str(bad)) for line in problems)


def test_cli_valid_corpus_exits_0_and_json_is_machine_readable(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["validate", str(TEI_DIR), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["valid"] is True and data["errors"] == 0
    assert len(data["files"]) == len(list(TEI_DIR.rglob("*.xml")))


def test_cli_writes_one_svrl_report_per_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(TEI_DIR), "--svrl", str(tmp_path)])
    assert result.exit_code == 0, result.output
    reports = sorted(p.name for p in tmp_path.glob("*.svrl.xml"))
    assert reports == sorted(f"{p.stem}.svrl.xml" for p in TEI_DIR.rglob("*.xml"))
    assert b"schematron-output" in (tmp_path / reports[0]).read_bytes()


def test_cli_tei_all_runs_jing(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(TEI_DIR), "--tei-all"])
    assert result.exit_code == 0, result.output
    broken = tmp_path / "broken.xml"
    text = sorted(TEI_DIR.glob("*.xml"))[0].read_text(encoding="utf-8")
    broken.write_text(text.replace("<teiHeader>", "<teiHeader><bogus/>", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(broken), "--tei-all"])
    assert result.exit_code == 1
    assert "[tei_all]" in result.output and "[xsd]" in result.output


def test_cli_says_how_to_install_jing_when_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = CliRunner().invoke(main, ["validate", str(TEI_DIR), "--tei-all"])
    assert result.exit_code == 2
    assert "apt-get install jing" in result.output


def test_cli_missing_path_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.xml")])
    assert result.exit_code == 1
    assert "no such file or directory" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_validate_counts_only_the_files_it_checked(tmp_path: Path) -> None:
    """A missing path or a directory without TEI files is an error; it is not an invalid
    file (the count once read '0 files checked: -1 valid, 1 invalid')."""
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope"), str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert (
        f"{tmp_path / 'empty'}:0:0: error: no .xml files in this directory [xml]" in result.output
    )
    assert "0 files checked: 0 valid, 0 invalid (2 errors, 0 warnings)" in result.output
    seed = sorted(TEI_DIR.glob("*.xml"))[0]
    result = CliRunner().invoke(main, ["validate", str(seed), str(tmp_path / "nope")])
    assert "1 files checked: 1 valid, 0 invalid (1 errors, 0 warnings)" in result.output


def test_build_stops_with_exit_1_when_the_corpus_is_invalid(tmp_path: Path) -> None:
    out = tmp_path / "tei"
    out.mkdir()
    shutil.copy(INVALID / "xsd" / sorted(_manifest("xsd"))[0].__add__(".xml"), out / "x.xml")
    result = CliRunner().invoke(main, ["build", "--sources", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 1
    assert "x.xml:" in result.output
    result_ok = CliRunner().invoke(
        main, ["build", "--sources", str(SEEDS), "--out", str(tmp_path / "clean")]
    )
    assert result_ok.exit_code == 0, result_ok.output
