"""Faults on the user's machine: a full disk, Ctrl-C, SIGTERM, a bug, a worker that dies.

Whatever happens, a command ends with one line on stderr and a documented exit code
(`cablegram.exits`), leaves no temporary or partial file, and running it again makes the
same bytes as a run that was never disturbed. The disk fills and the user presses Ctrl-C
at the k-th file written, for k across the whole run (`files.write_into` is where every
file's bytes are written); real signals and a real full disk are tried too.
"""

from __future__ import annotations

import errno
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from lxml import etree

from cablegram import files, parallel
from cablegram.cli import main
from cablegram.edition.scaffold import init_edition
from cablegram.errors import CablegramError, SourceError
from conftest import SEEDS, TEI_DIR

CACHES = {".cablegram-summaries.sqlite"}  # SQLite's own layout of the same rows may differ


def make_edition(root: Path, seeds: int = 1) -> Path:
    """An edition of `seeds` seeds (the first has a Russian original and an English
    translation: both search bundles), with the repository's authority files."""
    init_edition(root, "Faults", "0")
    for seed in sorted(SEEDS.glob("*.txt"))[:seeds]:
        shutil.copy(seed, root / "sources" / seed.name)
    shutil.rmtree(root / "tei" / "authority")
    shutil.copytree(TEI_DIR / "authority", root / "tei" / "authority")
    return root


def run_in(root: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    """`cablegram ARGS` in this process, in the edition `root`: it must end by an exit."""
    cwd = Path.cwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(main, list(args), env=env)
    finally:
        os.chdir(cwd)
    assert isinstance(result.exception, SystemExit | None), result.exc_info
    assert "Traceback" not in result.output
    return result


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of an edition, by its path, but the caches kept in a database, and the
    search bundles' files, which Pagefind names and fills differently from one run to the
    next, however undisturbed (their file count is kept)."""
    found: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if not path.is_file() or path.name in CACHES:
            continue
        bundle = next((part for part in path.parts if part.startswith("pagefind-")), None)
        if bundle:
            key = f"{bundle}: files"
            found[key] = str(int(found.get(key, b"0")) + 1).encode()
        else:
            found[name] = path.read_bytes()
    return found


def leftovers(root: Path) -> list[Path]:
    """Temporary files (a writer's `.NAME.xxxxxxxxxxxx`, a search scratch folder) and
    empty files: what a run stopped half-way must not leave."""
    found = []
    for path in root.rglob("*"):
        if path.name.startswith(".search-") or (
            path.is_file() and path.name.startswith(".") and not path.name.startswith(".cablegram")
        ):
            if path.name not in {".gitignore"}:
                found.append(path)
        elif path.is_file() and path.stat().st_size == 0:
            found.append(path)
    return found


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], int]:
    """An edition built once without a fault: its files, and how many files it wrote."""
    root = make_edition(tmp_path_factory.mktemp("clean") / "edition")
    count = [0]
    real = files.write_into

    def counting(fd: int, data: bytes) -> None:
        count[0] += 1
        real(fd, data)

    files.write_into = counting  # type: ignore[assignment]
    try:
        result = run_in(root, "build", "--no-print")
    finally:
        files.write_into = real  # type: ignore[assignment]
    assert result.exit_code == 0, result.output
    return root, snapshot(root), count[0]


def failing_at(k: int, fault: Callable[[], BaseException]) -> Callable[[int, bytes], None]:
    """A `write_into` that writes half of the k-th file, then fails as `fault` says."""
    real = files.write_into
    calls = [0]

    def write(fd: int, data: bytes) -> None:
        calls[0] += 1
        if calls[0] == k:
            os.write(fd, data[: len(data) // 2])
            os.close(fd)
            raise fault()
        real(fd, data)

    return write


def disk_full() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


FAULTS = {
    "Ctrl-C": (KeyboardInterrupt, 130, "interrupted"),
    "disk full": (disk_full, 3, "the disk is full"),
}
POINTS = (0.0, 0.5, 0.99)  # where in the run, as a share of its writes: convert, web, state


def stopped(monkeypatch: pytest.MonkeyPatch, root: Path, fault: str, k: int, *args: str) -> Result:
    """`cablegram ARGS` in `root` with `fault` at its k-th file written: it ends as the
    fault's exit code and line say, and leaves no temporary or empty file; the fault is
    then taken away, for the rerun."""
    raised, status, said = FAULTS[fault]
    monkeypatch.setattr(files, "write_into", failing_at(k, raised))
    result = run_in(root, *args)
    monkeypatch.undo()
    assert result.exit_code == status
    assert error_lines(result)[-1:] and said in error_lines(result)[-1]
    assert not leftovers(root)
    return result


@pytest.mark.parametrize("point", POINTS)
@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_build_stopped_at_any_file_leaves_none_half_written_and_a_rerun_converges(
    clean: tuple[Path, dict[str, bytes], int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
    point: float,
) -> None:
    _, clean_files, writes = clean
    root = make_edition(tmp_path / "edition")
    k = 1 + int(point * (writes - 1))
    result = stopped(monkeypatch, root, fault, k, "build", "--no-print")
    assert sum(line.startswith(("error:", "interrupted")) for line in error_lines(result)) == 1
    again = run_in(root, "build", "--no-print")
    assert again.exit_code == 0, again.output
    assert snapshot(root) == clean_files


def test_a_full_disk_names_the_file_that_could_not_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_edition(tmp_path / "edition", seeds=1)
    monkeypatch.setattr(files, "write_into", failing_at(1, disk_full))
    result = run_in(root, "build", "--no-print")
    (line,) = error_lines(result)
    name = line.removeprefix("error: ").split(": ")[0]
    assert result.exit_code == 3
    assert Path(root / name).parent.is_dir()  # a path of the edition, not a temporary name
    assert not Path(name).name.startswith(".")


@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize("point", (0.0, 0.5, 0.99))
def test_an_interrupted_print_leaves_no_partial_pdf_and_a_rerun_makes_the_same_bytes(
    clean: tuple[Path, dict[str, bytes], int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
    point: float,
) -> None:
    root = tmp_path / "edition"
    shutil.copytree(clean[0], root)
    for path in (root / "tei").glob("*.xml"):  # the PDFs carry their TEI files' dates
        os.utime(path, (1_000_000_000, 1_000_000_000))
    whole = run_in(root, "print", "--untagged", "--out", "whole")
    assert whole.exit_code == 0, whole.output
    writes = len(list((root / "whole").iterdir()))
    k = 1 + int(point * (writes - 1))
    stopped(monkeypatch, root, fault, k, "print", "--untagged", "--out", "stopped")
    assert run_in(root, "print", "--untagged", "--out", "stopped").exit_code == 0
    assert snapshot(root / "stopped") == snapshot(root / "whole")


@pytest.mark.parametrize("k", (1, 2, 3))
def test_an_interrupted_convert_leaves_no_temporary_file_and_a_rerun_converges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, k: int
) -> None:
    whole = make_edition(tmp_path / "whole", seeds=3)
    assert run_in(whole, "convert").exit_code == 0
    root = make_edition(tmp_path / "edition", seeds=3)
    monkeypatch.setattr(files, "write_into", failing_at(k, KeyboardInterrupt))
    result = run_in(root, "convert")
    assert result.exit_code == 130
    assert error_lines(result) == ["interrupted (SIGINT): the files written are whole"]
    assert not leftovers(root)
    monkeypatch.undo()
    assert run_in(root, "convert").exit_code == 0
    assert snapshot(root / "tei") == snapshot(whole / "tei")


def test_a_forced_conversion_stopped_while_keeping_the_edited_file_loses_no_edit(
    clean: tuple[Path, dict[str, bytes], int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "edition"
    shutil.copytree(clean[0], root)
    edited = next((root / "tei").glob("cable-*.xml"))
    text = edited.read_bytes().replace(b"</TEI>", b"<!-- an editor's note --></TEI>")
    edited.write_bytes(text)
    monkeypatch.setattr(files, "write_into", failing_at(1, KeyboardInterrupt))
    assert run_in(root, "convert", "--force").exit_code == 130
    assert edited.read_bytes() == text  # the edited file is there, whole
    assert not leftovers(root)
    monkeypatch.undo()
    assert run_in(root, "convert", "--force").exit_code == 0
    assert (edited.parent / f"{edited.name}.bak").read_bytes() == text


# -- real signals, a real full disk --------------------------------------------------------


def started(root: Path, *args: str) -> subprocess.Popen[str]:
    """`cablegram ARGS` as the shell starts it: a process group of its own (Ctrl-C goes to
    the whole group: the main process and its workers)."""
    return subprocess.Popen(
        [sys.executable, "-m", "cablegram", *args],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wait_for(path: Path, process: subprocess.Popen[str]) -> None:
    for _ in range(600):
        if path.exists() or process.poll() is not None:
            return
        time.sleep(0.05)


@pytest.mark.parametrize(
    ("number", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["Ctrl-C", "SIGTERM"]
)
def test_a_signal_stops_a_build_cleanly_even_in_its_worker_processes(
    tmp_path: Path, number: int, status: int
) -> None:
    """Ctrl-C once the site is there: the build is in its print step (WeasyPrint, on a
    process per core); every process of the group gets the signal."""
    root = make_edition(tmp_path / "edition", seeds=5)
    process = started(root, "build", "--untagged")
    wait_for(root / "build" / "site" / "index.html", process)
    os.killpg(process.pid, number)
    _, err = process.communicate(timeout=120)
    assert process.returncode == status, err
    assert err.strip().splitlines()[-1].startswith("interrupted")
    assert "Traceback" not in err
    assert not leftovers(root)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A file system of 1.5 MB (a tmpfs); skipped where this machine may not mount one."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if made.returncode:
        pytest.skip("no tmpfs can be mounted here (needs root): the in-process faults stand in")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_really_full_disk_ends_the_build_in_one_line_and_leaves_no_empty_file(
    small_disk: Path, tmp_path: Path
) -> None:
    """The disk fills in the search index (Pagefind says nothing of it) or in cablegram's own
    writes, whichever comes first; then there is space again, and the build is done."""
    root = make_edition(small_disk / "edition", seeds=5)
    command = [sys.executable, "-m", "cablegram", "build", "--no-print"]
    run = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    assert run.returncode == 3, run.stderr
    assert "Traceback" not in run.stderr
    (line,) = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert "disk" in line
    assert not leftovers(root)
    subprocess.run(["mount", "-o", "remount,size=64m", str(small_disk)], check=True)
    again = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr
    whole = make_edition(tmp_path / "whole" / "edition", seeds=5)
    subprocess.run(command, cwd=whole, capture_output=True, check=True)
    assert snapshot(root) == snapshot(whole)


# -- a bug, a worker that dies --------------------------------------------------------------


def test_a_bug_is_one_line_and_exit_4_and_its_traceback_is_there_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cablegram import pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("a bug")

    root = make_edition(tmp_path / "edition", seeds=1)
    monkeypatch.setattr(pipeline, "web", broken)
    result = run_in(root, "web")
    assert result.exit_code == 4
    (line,) = error_lines(result)
    assert line.startswith("error: internal error (TypeError: a bug)")
    assert "CABLEGRAM_DEBUG=1" in line
    debug = CliRunner().invoke(main, ["web"], env={"CABLEGRAM_DEBUG": "1"})
    assert isinstance(debug.exception, TypeError)


def _lxml_failure(item: int) -> int:
    etree.fromstring(b"<broken")  # its exception holds an error log that cannot be pickled
    return item


def _source_failure(item: int) -> int:
    raise SourceError(f"source-{item}.txt", "is empty")  # rebuilt from its message: fails


def _init_failure() -> None:
    raise CablegramError("authority/persons.xml: cannot be read as XML")


def _identity(item: int) -> int:
    return item


def test_a_workers_exception_that_cannot_travel_reaches_the_caller_as_its_message() -> None:
    with pytest.raises(parallel.WorkerError, match=r"XMLSyntaxError: .*broken"):
        list(parallel.parallel_map(_lxml_failure, range(8), jobs=2))
    with pytest.raises(CablegramError, match=r"source-\d\.txt: is empty"):
        list(parallel.parallel_map(_source_failure, range(8), jobs=2))
    pickle.loads(pickle.dumps(parallel.WorkerError("travels")))


def test_a_worker_whose_initializer_fails_says_why_and_the_pool_does_not_break() -> None:
    with pytest.raises(CablegramError, match=r"persons\.xml: cannot be read as XML"):
        list(parallel.parallel_map(_identity, range(8), jobs=2, initializer=_init_failure))
    assert list(parallel.parallel_map(_identity, range(8), jobs=2)) == list(range(8))


def test_a_caller_that_stops_reading_stops_the_workers() -> None:
    results = parallel.parallel_map(_identity, range(10_000), jobs=2)
    assert next(results) == 0
    results.close()  # GeneratorExit: the pool is shut down, its queued work dropped


@pytest.mark.parametrize("k", (1, 6, 14))
@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_an_init_stopped_half_way_takes_back_what_it_made_and_a_rerun_makes_the_edition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fault: str, k: int
) -> None:
    assert run_in(tmp_path, "init", "whole").exit_code == 0
    stopped(monkeypatch, tmp_path, fault, k, "init", "stopped")
    assert not (tmp_path / "stopped").exists()  # nothing of it: `init` would refuse a half
    assert run_in(tmp_path, "init", "stopped", "--title", "whole").exit_code == 0
    assert snapshot(tmp_path / "stopped") == snapshot(tmp_path / "whole")


def test_init_refuses_a_title_xml_cannot_hold(tmp_path: Path) -> None:
    result = run_in(tmp_path, "init", "mine", "--title", "A\x01B")
    assert result.exit_code == 2
    assert error_lines(result) == [
        "error: --title: holds U+0001, a control character XML cannot hold"
    ]
    assert not (tmp_path / "mine").exists()


def test_a_second_build_of_the_edition_meanwhile_stops_before_anything_is_done(
    tmp_path: Path,
) -> None:
    """`build` while another build of the edition runs (`serve` rebuilding): the two would
    write the same files and state. The first holds the build folder; the second says so
    and does nothing; once the first has ended, a build runs."""
    root = make_edition(tmp_path / "edition")
    (root / "build").mkdir()
    holder = subprocess.Popen(  # holds the folder as a build does (flock), until told
        [sys.executable, "-c", "import fcntl, os, sys; d = os.open(sys.argv[1], os.O_RDONLY); "
         "fcntl.flock(d, fcntl.LOCK_EX); print('held', flush=True); sys.stdin.read()",
         str(root / "build")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    try:
        result = run_in(root, "build", "--no-print")
    finally:
        holder.communicate("")
    assert result.exit_code == 2
    assert error_lines(result) == [
        "error: build: another build of this edition is running; run this one when it ends"
    ]
    assert not list((root / "tei").glob("*.xml")) and list((root / "build").iterdir()) == []
    assert run_in(root, "build", "--no-print").exit_code == 0
