"""Hostile files among the ones a command is given: TEI files that are not XML or not TEI,
sources that are not regular files, file names that are not UTF-8, characters XML cannot
hold. Each bad file is one line on stderr naming it, the rest of the batch is done, the
exit code says so, and nothing hangs or leaves a partial file."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lxml import etree

from cablegram.cli import main
from conftest import SEEDS, TEI_DIR

TEI = "http://www.tei-c.org/ns/1.0"
GOOD = "cable-1951-06-30-3917-filippov.xml"
SEED = sorted(SEEDS.glob("*.txt"))[2]  # the one GOOD is converted from


def bad_tei() -> dict[str, bytes]:
    """TEI files broken in every way a file can reach an edition's tei/ folder."""
    good = (TEI_DIR / GOOD).read_bytes()
    declaration = b'<?xml version="1.0" encoding="UTF-8"?>'
    return {
        "empty": b"",
        "binary": bytes(range(256)) * 8,
        "not TEI": b"<html><body/></html>",
        "TEI without header": f'<TEI xmlns="{TEI}"><text/></TEI>'.encode(),
        "TEI without text": f'<TEI xmlns="{TEI}"><teiHeader/></TEI>'.encode(),
        "truncated": good[: len(good) // 2],
        "a NUL byte": good.replace(b"<p>", b"<p>\x00", 1),
        "Latin-1 bytes in UTF-8": good.replace(b"Filippov", b"Fil\xe9ppov", 1),
        "nested past the parser's limit": b"<TEI>" + b"<div>" * 300 + b"</div>" * 300 + b"</TEI>",
        "UTF-16 with a DOCTYPE": good.replace(
            declaration, b'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE TEI [<!ENTITY a "b">]>'
        )
        .decode("utf-8")
        .encode("utf-16"),
    }


BAD = bad_tei()
UNRENDERABLE = [name for name in BAD if name != "UTF-16 with a DOCTYPE"]  # no entity is used


@pytest.fixture
def tei(tmp_path: Path) -> Path:
    """A tei/ folder of two good cables and the authority files."""
    folder = tmp_path / "tei"
    shutil.copytree(TEI_DIR / "authority", folder / "authority")
    for name in (GOOD, "cable-1951-07-11-21680-mao-dong.xml"):
        shutil.copy(TEI_DIR / name, folder / name)
    return folder


def run_at(folder: Path, *args: str) -> Result:
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        os.chdir(cwd)
    assert isinstance(result.exception, SystemExit | None), result.exc_info
    assert "Traceback" not in result.output
    return result


def errors(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


@pytest.mark.parametrize("kind", UNRENDERABLE)
def test_the_web_edition_leaves_out_a_file_it_cannot_render_and_renders_the_rest(
    tei: Path, kind: str
) -> None:
    (tei / "zz-bad.xml").write_bytes(BAD[kind])
    result = run_at(tei.parent, "web", "tei", "--out", "site", "--no-search")
    assert result.exit_code == 1
    (line,) = errors(result)
    assert line.startswith("error: tei/zz-bad.xml: ") and line.endswith("; left out")
    assert (tei.parent / "site" / GOOD.replace(".xml", ".html")).is_file()
    assert not (tei.parent / "site" / "zz-bad.html").exists()
    assert all("\n" not in line for line in result.stderr.splitlines())


@pytest.mark.parametrize("kind", ["not TEI", "truncated", "a NUL byte"])
def test_the_print_edition_leaves_out_a_file_it_cannot_typeset_and_prints_the_rest(
    tei: Path, kind: str
) -> None:
    (tei / "zz-bad.xml").write_bytes(BAD[kind])
    result = run_at(tei.parent, "print", "tei", "--out", "print", "--volume-only", "--untagged")
    assert result.exit_code == 1
    (line,) = errors(result)
    assert line.startswith("error: tei/zz-bad.xml: ")
    assert (tei.parent / "print" / "edition.pdf").stat().st_size > 10_000


@pytest.mark.parametrize("kind", sorted(BAD))
def test_validate_says_what_is_wrong_with_each_file_in_lines_of_its_own(
    tei: Path, kind: str
) -> None:
    (tei / "zz-bad.xml").write_bytes(BAD[kind])
    result = run_at(tei.parent, "validate", "tei")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    bad = [line for line in lines if line.startswith("tei/zz-bad.xml:")]
    assert any(": error: " in line for line in bad)
    assert all(
        re.match(r"tei/zz-bad\.xml:\d+:\d+: (error|warning): .+ \[[\w-]+\]$", line) for line in bad
    )
    assert re.match(r"6 files checked: 5 valid, 1 invalid", lines[-1])  # 3 are authority files
    assert all(line.startswith("tei/") for line in lines[:-1])


@pytest.mark.parametrize("kind", ["empty", "not TEI", "a NUL byte"])
def test_align_and_export_name_the_bad_file_in_one_line(tei: Path, kind: str) -> None:
    (tei / "zz-bad.xml").write_bytes(BAD[kind])
    aligned = run_at(tei.parent, "align", "tei")
    assert aligned.exit_code == 1
    assert [line.split(":")[1] for line in errors(aligned)] == [" tei/zz-bad.xml"]
    exported = run_at(tei.parent, "export", "tei", "--format", "csv", "--out", "d.csv")
    assert exported.exit_code == 2
    (line,) = errors(exported)
    assert line.startswith("error: tei/zz-bad.xml: ")
    assert not (tei.parent / "d.csv").exists()


# -- sources that are not regular files --------------------------------------------------


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def convert_in_a_process(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`cablegram convert ARGS` in its own process: a source that blocks would block it,
    not the tests (the timeout fails the test)."""
    command = [sys.executable, "-m", "cablegram", "convert", *args, "--out", "tei"]
    return subprocess.run(
        command, cwd=folder, capture_output=True, text=True, timeout=120, check=False
    )


def test_a_named_pipe_among_the_sources_is_named_and_not_read(sources: Path) -> None:
    os.mkfifo(sources / "pipe.txt")  # opened for reading, it waits for a writer for ever
    run = convert_in_a_process(sources.parent, "sources")
    assert run.returncode == 0, run.stderr
    assert run.stderr == (
        "warning: sources/pipe.txt: a named pipe, not a regular file: not read "
        "(only regular files are)\n"
    )
    assert (sources.parent / "tei" / GOOD).is_file()


def test_a_named_pipe_given_by_name_is_a_failure(sources: Path) -> None:
    os.mkfifo(sources / "pipe.txt")
    run = convert_in_a_process(sources.parent, "sources/pipe.txt")
    assert run.returncode == 1
    assert run.stderr.startswith("error: sources/pipe.txt: a named pipe, not a regular file")


@pytest.mark.parametrize(
    ("device", "kind"),
    [("/dev/zero", "a character device"), ("/dev/null", "a character device")],
)
def test_a_link_to_a_device_among_the_sources_is_not_read(
    sources: Path, device: str, kind: str
) -> None:
    (sources / "endless.txt").symlink_to(device)  # /dev/zero never ends
    run = convert_in_a_process(sources.parent, "sources")
    assert run.returncode == 0, run.stderr
    assert f"sources/endless.txt: {kind}, not a regular file" in run.stderr


@pytest.fixture
def unix_socket(sources: Path) -> Iterator[Path]:
    path = sources / "socket.txt"
    cwd = Path.cwd()
    os.chdir(sources)  # a socket's path is limited to 108 bytes: bind it by its name
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(path.name)
    finally:
        os.chdir(cwd)
    yield path
    server.close()


def test_a_socket_among_the_sources_is_not_read(sources: Path, unix_socket: Path) -> None:
    run = convert_in_a_process(sources.parent, "sources")
    assert run.returncode == 0
    assert "sources/socket.txt: a socket, not a regular file" in run.stderr


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: p.symlink_to(p.parent / "gone.txt"), "gone.txt, which cannot be read"),
        (lambda p: p.symlink_to(p), "is a link to"),
        (lambda p: p.mkdir(), "is a directory, not a source file"),
    ],
    ids=["broken link", "link to itself", "directory"],
)
def test_an_odd_entry_among_the_sources_is_one_failure_and_the_rest_is_converted(
    sources: Path, make: object, problem: str
) -> None:
    odd = sources / "odd.txt"
    make(odd)  # type: ignore[operator]
    run = convert_in_a_process(sources.parent, "sources")
    assert run.returncode == 1
    (line,) = [line for line in run.stderr.splitlines() if line]
    assert line.startswith("error: sources/odd.txt: ") and problem in line
    assert (sources.parent / "tei" / GOOD).is_file()


# -- file names and characters -----------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [b"bad\xff\xfe.txt", b"latin-1 \xe9t\xe9.txt", b"line\nbreak.txt", b"tab\tand \x1b[31m.txt"],
    ids=["invalid UTF-8", "Latin-1", "a line break", "control characters"],
)
def test_a_source_file_name_of_any_bytes_is_converted_and_recorded(
    sources: Path, name: bytes
) -> None:
    os.rename(sources / SEED.name, os.path.join(os.fsencode(sources), name))
    run = convert_in_a_process(sources.parent, "sources")
    assert run.returncode == 0, run.stderr
    recorded = etree.parse(str(sources.parent / "tei" / GOOD)).findtext(
        f".//{{{TEI}}}change/{{{TEI}}}name[@type='file']"
    )
    assert recorded == re.sub("[\x00-\x08\x0b-\x1f]", "\ufffd", name.decode("utf-8", "replace"))
    again = convert_in_a_process(sources.parent, "sources")
    assert "(unchanged)" in again.stdout


@pytest.mark.parametrize(
    "text",
    ["\ufffe", "\uffff", "\x01\x02\x1f", "\x7f\x85\x9f", "\ufeff", "\U0010ffff", "\ud7ff"],
    ids=["U+FFFE", "U+FFFF", "C0 controls", "C1 controls", "BOM inside", "last plane", "U+D7FF"],
)
def test_characters_xml_cannot_hold_are_kept_out_of_the_tei(sources: Path, text: str) -> None:
    source = sources / SEED.name
    body = source.read_text(encoding="utf-8").replace("Mao Zedong", f"Mao{text} Zedong", 1)
    source.write_text(body, encoding="utf-8")
    run = convert_in_a_process(sources.parent, "sources")
    assert run.returncode == 0, run.stderr
    etree.parse(str(sources.parent / "tei" / GOOD))  # well-formed XML


# -- the edition's configuration ---------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "problem"),
    [
        ('[edition]\ntitle = "A\\u0001B"\n', "[edition] title: holds U+0001, a control character"),
        ('[edition]\neditors = ["A\\u0000"]\n', "[edition] editors: holds a control character"),
        (
            '[paths]\ntei = "cablegram.toml"\n',
            "[paths] tei: cablegram.toml is a file, not a folder",
        ),
        (
            '[paths]\nbuild = "sources/x.txt"\n',
            "[paths] build: sources/x.txt is a file, not a folder",
        ),
    ],
    ids=["control character in the title", "NUL in an editor", "tei is a file", "build is a file"],
)
def test_a_configuration_xml_or_the_folders_cannot_take_is_refused_before_anything_is_done(
    sources: Path, config: str, problem: str
) -> None:
    (sources / "x.txt").write_text("x", encoding="utf-8")
    (sources.parent / "cablegram.toml").write_text(config, encoding="utf-8")
    result = run_at(sources.parent, "build", "--no-print")
    assert result.exit_code == 2
    (line,) = errors(result)
    assert line.startswith("error: ") and problem in line
    assert not (sources.parent / "tei").exists() and not (sources.parent / "build").exists()


def test_a_configuration_saved_with_a_byte_order_mark_is_read(sources: Path) -> None:
    (sources.parent / "cablegram.toml").write_text('\ufeff[edition]\ntitle = "Mine"\n', "utf-8")
    result = run_at(sources.parent, "convert")
    assert result.exit_code == 0, result.output
    assert "Mine" in (sources.parent / "tei" / GOOD).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("command", "status"),
    [
        (("web", "tei", "--out", "site", "--no-search"), 1),
        (("print", "tei", "--out", "print", "--volume-only", "--untagged"), 1),
        (("export", "tei", "--format", "cmif", "--out", "cmif.xml"), 2),
        (("align", "tei"), 2),
        (("validate", "tei"), 1),
    ],
    ids=lambda value: value[0] if isinstance(value, tuple) else str(value),
)
def test_a_tei_file_name_that_is_not_utf8_is_named_in_one_line(
    tei: Path, command: tuple[str, ...], status: int
) -> None:
    shutil.copy(tei / GOOD, os.path.join(os.fsencode(tei), b"bad\xff.xml"))
    result = run_at(tei.parent, *command)
    assert result.exit_code == status
    said = "tei/bad\ufffd.xml:" + ("0:0: error: " if command[0] == "validate" else " ")
    lines = result.stdout.splitlines() if command[0] == "validate" else errors(result)
    assert [line for line in lines if "bad" in line] == [
        f"{'' if command[0] == 'validate' else 'error: '}{said}the file name is not UTF-8 "
        "text; rename it as its xml:id says" + (" [xml]" if command[0] == "validate" else "")
    ]
