"""Benchmark: how soon `cablegram serve` shows an edited TEI file's page, at N cables.

N synthetic exports (benchmarks/corpus.py) with the authority files; `cablegram serve`
builds them once (kept in the work directory between runs: a second run starts from that
build), then, `--edits` times, one TEI file is edited (a word put into its first
paragraph) and the served page polled over HTTP until it holds the word: the seconds from
the file saved to the page changed. Two series:

- idle: each edit made once the build after the last one has ended (an editor who looks
  at the page a while); also the seconds until that build ends (the corpus pages and the
  search index follow the edit);
- busy: each edit made as soon as the page showed the last one, while the build that
  edit started runs on both cores.

    python3 benchmarks/bench_serve.py --n 10000 --edits 10
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from cablegram import __version__
from cablegram.serve.loop import Project
from cablegram.serve.watch import Watcher

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import generate  # noqa: E402

POLL = 0.01  # seconds between requests for the page
FIRST_PARAGRAPH = re.compile(rb"(<body>.*?<p>)", re.DOTALL)


def prepare(n: int, workdir: Path) -> Project:
    exports, tei = workdir / "exports", workdir / "tei"
    if not exports.exists():
        generate(n, exports)
    if not (tei / "authority").exists():
        shutil.copytree(ROOT / "tei" / "authority", tei / "authority")
    return Project(exports, tei, workdir / "site")


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def wait_idle(base: str, timeout: float = 3600) -> float:
    """Seconds until no build runs or is due."""
    started = time.perf_counter()
    while json.loads(get(base + "__cablegram/status"))["building"]:
        if time.perf_counter() - started > timeout:
            sys.exit("the build did not end")
        time.sleep(0.05)
    return time.perf_counter() - started


def edit(tei: Path, word: str, before: str | None) -> None:
    """Put `word` into the file's first paragraph, in place of the word of the edit
    `before` it."""
    data = tei.read_bytes()
    if before is None:
        data = FIRST_PARAGRAPH.sub(rb"\1" + word.encode() + b" ", data, count=1)
    else:
        data = data.replace(before.encode(), word.encode())
    tei.write_bytes(data)


def until_shown(url: str, word: str, timeout: float = 60) -> float:
    """Seconds until the page served holds `word` (the clock started by the caller)."""
    started = time.perf_counter()
    while word.encode() not in get(url):
        if time.perf_counter() - started > timeout:
            sys.exit(f"{url} did not show {word} within {timeout} s")
        time.sleep(POLL)
    return time.perf_counter() - started


def summary(label: str, seconds: list[float]) -> str:
    runs = ", ".join(f"{s:.2f}" for s in seconds)
    return (
        f"{label}: median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s "
        f"over {len(seconds)} edits: {runs}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--workdir", type=Path, help="default: a directory per N in /tmp")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.gettempdir()) / "cablegram-bench-serve" / f"n{args.n}"
    project = prepare(args.n, workdir)
    log = (workdir / "serve.log").open("w")
    command = [sys.executable, "-m", "cablegram", "serve", "--port", "0"]
    command += ["--sources", str(project.sources), "--out", str(project.tei)]
    command += ["--site", str(project.site)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True)
    try:
        assert server.stdout is not None
        base = server.stdout.readline().split()[1]
        print(f"serving {base}; first build (log: {workdir / 'serve.log'})", flush=True)
        first = wait_idle(base)
        files = sorted(project.tei.glob("*.xml"))
        assert len(files) >= args.n, f"{len(files)} TEI files for {args.n} cables"
        watcher = Watcher(project.roots())
        started = time.perf_counter()
        watcher.poll()
        look = time.perf_counter() - started
        tei = files[len(files) // 2]
        url = f"{base}{tei.stem}.html"
        # words of this run only, none a part of another (an earlier run's are in the file)
        words = [f"Bench{time.time_ns()}n{number}x" for number in range(2 * args.edits)]
        idle, rest, busy = [], [], []
        for number, word in enumerate(words):
            edit(tei, word, words[number - 1] if number else None)
            shown = until_shown(url, word)
            if number < args.edits:
                idle.append(shown)
                rest.append(shown + wait_idle(base))
            else:
                busy.append(shown)
        wait_idle(base)
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    print(
        f"cablegram {__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}; {args.n} cables; "
        f"first build {first:.0f} s (or what was left of it); a look at the inputs "
        f"{look:.3f} s ({watcher.seconds:.3f} s of processor time)"
    )
    print(summary("page changed after the save, idle", idle))
    print(summary("build done after the save, idle", rest))
    print(summary("page changed after the save, a build running", busy))


if __name__ == "__main__":
    main()
