"""Bad input and unsafe writes: one clear line naming the file and the problem, a non-zero
exit, never a traceback, never a half-written or clobbered file; the batch goes on."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from cablegram import files, pipeline
from conftest import ROOT, TEI_DIR, seed_paths
from conftest import run_cli as run

SEED = seed_paths()[0]  # seeds/000_…: the README's example document
SEED_ID = "cable-1951-06-30-21340-mao-zedong"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
NO_METADATA = (
    "no recognisable metadata: no date line (e.g. 'June 30, 1951') and no "
    "'Citation:' or 'Summary:' field"
)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary working directory, so messages show short relative paths."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def temporaries(directory: Path) -> list[Path]:
    return sorted(directory.glob(".*.xml.*")) if directory.exists() else []


def assert_refused(name: str, problem: str) -> None:
    """Converting `name` alone fails with exactly one line and writes nothing."""
    result = run("convert", name, "--out", "out")
    assert result.exit_code == 1
    assert result.stderr == f"error: {name}: {problem}\n"
    assert (
        result.stdout == "0 of 1 documents converted into out/ (0 written, 0 unchanged, 1 failed)\n"
    )
    out = Path("out")
    assert not out.exists() or not any(out.iterdir())


# ----------------------------------------------------------------- bad sources


def test_empty_file(workdir: Path) -> None:
    Path("empty.txt").write_bytes(b"")
    assert_refused("empty.txt", "is empty")


def test_whitespace_only_file(workdir: Path) -> None:
    Path("blank.txt").write_bytes(b"  \n\t\n\r\n\f\n   ")
    assert_refused("blank.txt", "is empty")


def test_binary_png(workdir: Path) -> None:
    Path("scan.txt").write_bytes(PNG)
    assert_refused("scan.txt", "is a binary file, not a text export")


def test_binary_nul_bytes(workdir: Path) -> None:
    Path("nul.txt").write_bytes(b"June 30, 1951\n\x00\x00\x00\x00Citation: x\n")
    assert_refused("nul.txt", "is a binary file, not a text export")


def test_binary_control_characters(workdir: Path) -> None:
    Path("ctl.txt").write_bytes(b"June 30, 1951\n" + bytes(range(1, 9)) * 4)
    assert_refused("ctl.txt", "is a binary file, not a text export")


@pytest.mark.parametrize(
    ("codec", "named"),
    [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE"),
     ("utf-32", "UTF-32")],
)  # fmt: skip
def test_a_wide_encoding_is_named(workdir: Path, codec: str, named: str) -> None:
    """A UTF-16 export (as Windows tools save 'Unicode' text) was 'a binary file'."""
    text = "July 21, 1951\nCable No. 22481, Mao Zedong to Filippov [Stalin]\n\nМао Цзэдун\n"
    Path("wide.txt").write_bytes(text.encode(codec))
    assert_refused(
        "wide.txt", f"is {named}, not UTF-8: save it as UTF-8 (iconv -f {named} -t UTF-8)"
    )


def test_a_source_that_is_no_export_is_named_with_its_directory(workdir: Path) -> None:
    Path("corpus").mkdir()
    Path("corpus/notes.txt").write_text("Shopping list\n\nmilk, bread\n", encoding="utf-8")
    result = run("convert", "corpus", "--out", "out")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {Path('corpus/notes.txt')}: no recognisable metadata")


def test_non_utf8_names_byte_and_offset(workdir: Path) -> None:
    text = "30 июня 1951 г.\nШифротелеграмма № 21340"
    Path("cp1251.txt").write_bytes(text.encode("cp1251"))
    # "30 " is ASCII; "и" is 0xe8 in cp1251, at offset 3.
    assert_refused("cp1251.txt", "is not UTF-8 (invalid byte 0xe8 at offset 3)")


def test_non_utf8_after_valid_utf8(workdir: Path) -> None:
    prefix = "June 30, 1951 — Москва\n".encode()
    Path("mixed.txt").write_bytes(prefix + "Шифротелеграмма".encode("cp1251"))
    byte = "Ш".encode("cp1251")[0]
    assert_refused("mixed.txt", f"is not UTF-8 (invalid byte 0x{byte:02x} at offset {len(prefix)})")


def test_text_without_metadata(workdir: Path) -> None:
    Path("notes.txt").write_text(
        "Shopping list\n\nmilk, bread [sic]\n\nCall the archive on Monday.\n", encoding="utf-8"
    )
    assert_refused("notes.txt", NO_METADATA)


def test_missing_source_file(workdir: Path) -> None:
    assert_refused("nowhere.txt", "no such file or directory")


def test_missing_source_directory(workdir: Path) -> None:
    result = run("convert", "nodir/", "--out", "out")
    assert result.exit_code == 1
    assert result.stderr == "error: nodir: no such file or directory\n"
    assert "0 of 1 documents converted" in result.stdout
    assert not Path("out").exists()


def test_source_directory_without_exports(workdir: Path) -> None:
    """Hidden files (an editor's backups, locks) are not sources; an empty directory is an
    error, not '0 of 0 converted' and success."""
    Path("corpus").mkdir()
    Path("corpus/.draft.txt").write_text("June 30, 1951\n", encoding="utf-8")
    Path("corpus/notes.odt").write_bytes(b"PK")
    result = run("convert", "corpus", "--out", "out")
    assert result.exit_code == 1
    assert result.stderr == "error: corpus: no export files (.txt, .md) in this directory\n"
    assert not Path("out").exists()


def test_a_readme_beside_the_exports_is_no_source(workdir: Path) -> None:
    """A directory of exports often has its README (the archive samples' has a table of
    dates and parties): it is the directory's documentation, not a document."""
    Path("corpus").mkdir()
    shutil.copy(SEED, "corpus/cable.txt")
    Path("corpus/README.md").write_text(
        "# Exports\n\nJune 30, 1951 | Mao Zedong to Filippov | cable\n", encoding="utf-8"
    )
    result = run("convert", "corpus", "--out", "out")
    assert result.exit_code == 0, result.output
    assert [p.name for p in Path("out").iterdir()] == [f"{SEED_ID}.xml"]


def test_source_suffixes_in_capitals_are_exports(workdir: Path) -> None:
    Path("corpus").mkdir()
    shutil.copy(SEED, "corpus/CABLE.TXT")
    result = run("convert", "corpus", "--out", "out")
    assert result.exit_code == 0, result.output
    assert [p.name for p in Path("out").iterdir()] == [f"{SEED_ID}.xml"]


def test_default_sources_directory_missing(workdir: Path) -> None:
    """Without a cablegram.toml, an edition's sources are in sources/."""
    result = run("convert")
    assert result.exit_code == 1
    assert result.stderr == "error: sources: no such file or directory\n"


def test_directory_named_like_a_source(workdir: Path) -> None:
    Path("corpus/odd.txt").mkdir(parents=True)
    result = run("convert", "corpus", "--out", "out")
    assert result.exit_code == 1
    assert result.stderr == f"error: {Path('corpus/odd.txt')}: is a directory, not a source file\n"


def test_batch_goes_on_after_a_bad_file(workdir: Path) -> None:
    corpus = workdir / "corpus"
    corpus.mkdir()
    good = seed_paths()[:2]
    for seed in good:
        shutil.copy(seed, corpus / seed.name)
    # Sorted between the two good seeds, so the batch must go on after it.
    bad = corpus / "000_zz_bad.txt"
    bad.write_bytes("30 июня 1951".encode("cp1251"))
    result = run("convert", "corpus", "--out", "out")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {Path('corpus/000_zz_bad.txt')}: is not UTF-8 (invalid byte 0xe8 at offset 3)"
    ]
    written = sorted(p.name for p in Path("out").iterdir())
    assert len(written) == 2
    assert f"{SEED_ID}.xml" in written
    lines = result.stdout.splitlines()
    assert lines[-1] == "2 of 3 documents converted into out/ (2 written, 0 unchanged, 1 failed)"
    assert sorted(line.split()[0] for line in lines[:-1]) == sorted(
        name.removesuffix(".xml") for name in written
    )


def test_internal_error_while_encoding_does_not_stop_the_batch(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug in the encoder is reported for its document only, without a traceback."""
    real = pipeline.encode_document

    def flaky(cable, xml_id=None, edition=None):
        if cable.source.name == SEED.name:
            raise KeyError("boom")
        return real(cable, xml_id, edition)

    monkeypatch.setattr(pipeline, "encode_document", flaky)
    result = run("convert", str(SEED), str(seed_paths()[1]), "--out", "out")
    assert result.exit_code == 1
    assert result.stderr == (f"error: {SEED}: internal error while encoding (KeyError: 'boom')\n")
    assert len(list(Path("out").glob("*.xml"))) == 1


def test_no_traceback_reaches_stderr_in_a_real_process(workdir: Path) -> None:
    Path("empty.txt").write_bytes(b"")
    Path("scan.png.txt").write_bytes(PNG)
    Path("cp1251.txt").write_bytes("30 июня 1951".encode("cp1251"))
    Path("notes.txt").write_text("nothing to see\n", encoding="utf-8")
    shutil.copy(SEED, "good.txt")
    sources = ["empty.txt", "scan.png.txt", "cp1251.txt", "notes.txt", "missing.txt", "good.txt"]
    proc = subprocess.run(
        [sys.executable, "-m", "cablegram", "convert", *sources, "--out", "out"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert sorted(proc.stderr.splitlines()) == sorted(
        [
            "error: missing.txt: no such file or directory",
            "error: empty.txt: is empty",
            "error: scan.png.txt: is a binary file, not a text export",
            "error: cp1251.txt: is not UTF-8 (invalid byte 0xe8 at offset 3)",
            f"error: notes.txt: {NO_METADATA}",
        ]
    )
    assert proc.stdout.splitlines()[0].startswith(f"{SEED_ID}  [")
    assert proc.stdout.splitlines()[-1] == (
        "1 of 6 documents converted into out/ (1 written, 0 unchanged, 5 failed)"
    )
    assert [p.name for p in Path("out").iterdir()] == [f"{SEED_ID}.xml"]


def test_usage_error_exits_2(workdir: Path) -> None:
    result = run("convert", "--no-such-option")
    assert result.exit_code == 2
    assert "Error: No such option" in result.stderr
    assert "--no-such-option" in result.stderr
    assert result.stdout == ""


def test_unknown_command_exits_2(workdir: Path) -> None:
    result = run("transmogrify")
    assert result.exit_code == 2
    assert "No such command 'transmogrify'" in result.stderr


# ----------------------------------------------------------------- atomic writes


def test_success_leaves_no_temporary_file(workdir: Path) -> None:
    result = run("convert", str(SEED), "--out", "out")
    assert result.exit_code == 0, result.output
    assert [p.name for p in Path("out").iterdir()] == [f"{SEED_ID}.xml"]


def test_written_file_is_readable_by_others(workdir: Path) -> None:
    """A TEI file is published work: its mode follows the umask, not mkstemp's 0600."""
    old = os.umask(0o022)
    try:
        assert run("convert", str(SEED), "--out", "out").exit_code == 0
    finally:
        os.umask(old)
    mode = stat.S_IMODE((Path("out") / f"{SEED_ID}.xml").stat().st_mode)
    assert mode == 0o644


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_atomic_write_follows_the_umask_and_makes_directories(
    tmp_path: Path, umask: int, mode: int
) -> None:
    target = tmp_path / "site" / "tei" / "cable.xml"  # neither directory exists yet
    old = os.umask(umask)
    try:
        files.write_atomic(target, b"<TEI/>")
        files.write_atomic(target, b"<TEI>again</TEI>")  # over the first
    finally:
        os.umask(old)
    assert target.read_bytes() == b"<TEI>again</TEI>"
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert [p.name for p in target.parent.iterdir()] == ["cable.xml"]


def test_failed_rename_leaves_target_untouched_and_no_temporary(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = Path("cable.txt")
    shutil.copy(SEED, source)
    assert run("convert", "cable.txt", "--out", "out").exit_code == 0
    target = Path("out") / f"{SEED_ID}.xml"
    before = target.read_bytes()
    # The source changes, so the TEI file must be rewritten; the rename fails.
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("Mao asks Stalin", "Mao asks Stalin again"), encoding="utf-8")

    def full_disk(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "replace", full_disk)
    result = run("convert", "cable.txt", "--out", "out")
    assert result.exit_code == 3  # the system failed: no document can be written
    advice = "the disk is full: free some space and run the command again"
    assert result.stderr == f"error: {target}: {advice}\n"
    assert target.read_bytes() == before
    assert temporaries(Path("out")) == []
    assert [p.name for p in Path("out").iterdir()] == [target.name]


def test_failed_write_of_new_file_leaves_nothing(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src, dst):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(files.os, "replace", refuse)
    result = run("convert", str(SEED), "--out", "out")
    assert result.exit_code == 3
    assert result.stderr == f"error: {Path('out') / SEED_ID}.xml: {os.strerror(errno.EIO)}\n"
    assert list(Path("out").iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores modes")
def test_read_only_output_directory(workdir: Path) -> None:
    out = Path("out")
    out.mkdir()
    out.chmod(0o555)
    try:
        result = run("convert", str(SEED), "--out", "out")
    finally:
        out.chmod(0o755)
    assert result.exit_code == 1
    assert result.stderr == f"error: {out / SEED_ID}.xml: cannot write (Permission denied)\n"
    assert list(out.iterdir()) == []


def test_output_path_is_a_file(workdir: Path) -> None:
    Path("out").write_text("not a directory", encoding="utf-8")
    result = run("convert", str(SEED), "--out", "out")
    assert result.exit_code == 2  # a usage error, said before anything is read
    assert "Directory 'out' is a file" in result.stderr
    assert Path("out").read_text(encoding="utf-8") == "not a directory"


# ----------------------------------------------------------------- hand-edit protection


@pytest.fixture
def converted_seed(workdir: Path) -> Path:
    result = run("convert", str(SEED), "--out", "out")
    assert result.exit_code == 0, result.output
    return Path("out") / f"{SEED_ID}.xml"


def kept_message(target: Path) -> str:
    return (
        f"error: {target}: edited by hand since cablegram wrote it; not overwritten "
        f"(--force-file {target} replaces it, keeping the edited file as a .bak)\n"
    )


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(lambda b: b + b"<!-- checked against the scan -->\n", id="appended-comment"),
        pytest.param(lambda b: b.replace(b"Kim Il Sung", b"Kim Il-sung", 1), id="changed-word"),
        pytest.param(lambda b: b + b"\n", id="trailing-newline"),
        pytest.param(lambda b: b.replace(b'<?cablegram sha256="', b"<?x "), id="seal-removed"),
    ],
)
def test_hand_edited_file_is_kept(converted_seed: Path, edit) -> None:
    original = converted_seed.read_bytes()
    edited = edit(original)
    assert edited != original
    converted_seed.write_bytes(edited)
    result = run("convert", str(SEED), "--out", "out")
    assert result.exit_code == 1
    assert result.stderr == kept_message(converted_seed)
    assert "--force" in result.stderr
    assert converted_seed.read_bytes() == edited
    assert temporaries(converted_seed.parent) == []


def test_force_replaces_hand_edited_file(converted_seed: Path) -> None:
    original = converted_seed.read_bytes()
    edited = original.replace(b"Kim Il Sung", b"Kim Il-sung", 1)
    converted_seed.write_bytes(edited)
    result = run("convert", str(SEED), "--out", "out", "--force")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert converted_seed.read_bytes() == original
    backup = converted_seed.with_name(f"{converted_seed.name}.bak")  # the edits are kept
    assert backup.read_bytes() == edited
    assert f"{converted_seed}: edited by hand; the edited file is kept as {backup}" in result.stdout
    assert result.stdout.splitlines()[-1].endswith("(1 written, 0 unchanged, 0 failed)")


def test_foreign_file_at_target_is_kept(workdir: Path) -> None:
    out = Path("out")
    out.mkdir()
    foreign = out / f"{SEED_ID}.xml"
    foreign.write_text("<TEI>my own edition</TEI>\n", encoding="utf-8")
    result = run("convert", str(SEED), "--out", "out")
    assert result.exit_code == 1
    assert result.stderr == kept_message(foreign)
    assert foreign.read_text(encoding="utf-8") == "<TEI>my own edition</TEI>\n"


def test_own_older_output_is_replaced_without_force(converted_seed: Path) -> None:
    """A file cablegram wrote (intact seal) but from another source version is updated."""
    current = converted_seed.read_bytes()
    older = pipeline.seal(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI/>\n')
    converted_seed.write_bytes(older)
    result = run("convert", str(SEED), "--out", "out")
    assert result.exit_code == 0, result.output
    assert converted_seed.read_bytes() == current


def test_unchanged_corpus_is_left_alone(converted_seed: Path) -> None:
    data = converted_seed.read_bytes()
    past = converted_seed.stat().st_mtime_ns - 10_000_000_000
    os.utime(converted_seed, ns=(past, past))
    result = run("convert", str(SEED), "--out", "out")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith(f"{SEED_ID} (unchanged)  [")
    assert result.stdout.splitlines()[-1] == (
        "1 of 1 documents converted into out/ (0 written, 1 unchanged, 0 failed)"
    )
    assert converted_seed.read_bytes() == data
    assert converted_seed.stat().st_mtime_ns == past
    assert temporaries(converted_seed.parent) == []


def test_seal_recognises_only_intact_output() -> None:
    data = pipeline.seal(b"<TEI/>\n")
    assert pipeline.is_sealed(data)
    assert not pipeline.is_sealed(data.replace(b"TEI", b"TEx"))
    assert not pipeline.is_sealed(b"<TEI/>\n")
    assert not pipeline.is_sealed(data + b" ")


def test_a_broken_stylesheet_is_named_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index is made by a worker process (the entries' pages by others): an error in
    the edition's own stylesheet still reaches the user as one line naming it, and the exit
    status says it failed."""
    monkeypatch.chdir(tmp_path)
    Path("cablegram.toml").write_text('[edition]\ntitle = "Mine"\n', encoding="utf-8")
    broken = tmp_path / "xslt" / "web" / "index.xsl"
    broken.parent.mkdir(parents=True)
    packaged = (ROOT / "xslt" / "web" / "index.xsl").read_bytes()
    broken.write_bytes(packaged[:-40])  # the editor's copy, saved half-way
    result = run("web", str(TEI_DIR), "--out", str(tmp_path / "site"), "--no-search")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {broken}: cannot compile the stylesheet")
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_summary_store_that_cannot_be_used_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build keeps the cables' summaries in an SQLite file; when that path cannot hold
    one (here a directory stands there), the user gets one line naming it, not an SQLite
    traceback."""
    monkeypatch.chdir(tmp_path)
    Path("sources").mkdir()
    for seed in seed_paths():
        shutil.copy(seed, Path("sources") / seed.name)
    shutil.copytree(TEI_DIR / "authority", "tei/authority")
    store = Path("build/.cablegram-summaries.sqlite")
    store.mkdir(parents=True)
    result = run("build", "--no-print")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {store}: cannot keep the cables' summaries here")
    assert len(result.stderr.splitlines()) == 1
    assert store.is_dir()  # left as it was
