"""Benchmark at scale: each stage (convert, validate, web, print) for 100, 1,000 and 10,000
synthetic cables (benchmarks/corpus.py), medians of several runs, peak memory; writes
benchmarks/RESULTS.md.

Every stage runs in a fresh process (as `cablegram` would), so its time includes start-up
and its peak memory (ru_maxrss of the process and of its workers) is its own.

    .venv/bin/python benchmarks/bench_scale.py --sizes 100 1000 10000
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import generate  # noqa: E402

STAGES = ("convert", "validate", "web", "print", "build", "rebuild", "rebuild-one")


class TreeMemory:
    """The peak of the memory (PSS) of this process and all its descendants together,
    sampled every 50 ms: workers and Pagefind run beside the parent, so the peak of any
    one process (ru_maxrss) understates what the machine needs."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, _tree_pss(os.getpid()))


def _tree_pss(root: int) -> int:
    """Proportional resident bytes (PSS: a page shared by n processes counts 1/n in each,
    so forked workers are not counted twice) of `root` and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)  # ppid
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss(pid)
        todo.extend(children.get(pid, []))
    return total


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_stage(stage: str, exports: Path, tei: Path, site: Path, pdf: Path) -> dict:
    """Run one stage in this (fresh) process; its seconds, the peak memory of its largest
    process (ru_maxrss) and of all its processes together (sampled)."""
    with TreeMemory() as memory:
        figures = _run_stage(stage, exports, tei, site, pdf)
    figures["tree_mb"] = memory.peak / 2**20
    return figures


def _run_stage(stage: str, exports: Path, tei: Path, site: Path, pdf: Path) -> dict:
    from cablegram import pipeline
    from cablegram.build import build as build_edition
    from cablegram.validate import validate_files

    start = time.perf_counter()
    steps: dict[str, float] = {}
    if stage == "convert":
        results = pipeline.convert([exports], tei, force=True)
        failed = [r for r in results if r.status == "failed"]
        assert not failed, failed[0].message
    elif stage == "validate":
        report = validate_files([tei])
        assert report.valid, report.summary()
    elif stage == "web":
        pipeline.web([tei], site, search=False)
    elif stage == "print":
        pipeline.print_edition([tei], pdf, per_cable=False)
    elif stage in {"build", "rebuild", "rebuild-one"}:
        # build = convert + validate + web from scratch (no print: its own target is 100)
        state = tei.parent / "state.json"
        if stage == "build":  # nothing kept from an earlier build, the site included
            state.unlink(missing_ok=True)
            (tei.parent / ".cablegram-summaries.sqlite").unlink(missing_ok=True)
            shutil.rmtree(site, ignore_errors=True)
            start = time.perf_counter()  # the clearing is not the build's
        if stage == "rebuild-one":
            source = sorted(exports.glob("*.txt"))[0]
            text = source.read_text(encoding="utf-8")
            marker = f"negotiations ({time.time_ns()})"
            source.write_text(text.replace("negotiations", marker, 1), encoding="utf-8")
            start = time.perf_counter()
        built = build_edition(exports, tei, site, None, force=True, state_path=state)
        assert built.report.valid, built.report.summary()
        steps = built.seconds
    seconds = time.perf_counter() - start
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    return {"seconds": seconds, "peak_mb": peak / 1024, "steps": steps}


def measure(stage: str, workdir: Path, runs: int) -> dict:
    times, peaks, trees, steps = [], [], [], []
    for _ in range(runs):
        command = [sys.executable, __file__, "--stage", stage, "--workdir", str(workdir)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            raise SystemExit(f"{stage} failed:\n{done.stderr[-2000:]}")
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        times.append(figures["seconds"])
        peaks.append(figures["peak_mb"])
        trees.append(figures["tree_mb"])
        steps.append(figures["steps"])
    return {
        "median": statistics.median(times),
        "runs": times,
        "peak_mb": max(peaks),
        "tree_mb": max(trees),
        "steps": steps[times.index(statistics.median_low(times))],  # of the median run
    }


def prepare(n: int, base: Path) -> Path:
    workdir = base / f"n{n}"
    exports = workdir / "exports"
    if not exports.exists():
        generate(n, exports)
    tei = workdir / "tei"
    if not (tei / "authority").exists():
        shutil.copytree(ROOT / "tei" / "authority", tei / "authority")
    return workdir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="runs per stage below 10,000")
    parser.add_argument("--stage", choices=STAGES)
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--print-max", type=int, default=100, help="largest N to print")
    args = parser.parse_args()
    if args.stage:  # a child process: one stage
        w = args.workdir
        print(json.dumps(run_stage(args.stage, w / "exports", w / "tei", w / "site", w / "pdf")))
        return
    base = Path(tempfile.gettempdir()) / "cablegram-bench"
    rows = []
    reference = [reference_seconds()]
    for n in args.sizes:
        workdir = prepare(n, base)
        runs = args.runs if n < 10000 else 1
        for stage in STAGES:
            if stage == "print" and n > args.print_max:
                continue
            figures = measure(stage, workdir, runs)
            rows.append((n, stage, figures))
            print(
                f"{n:>6} {stage:<9} {figures['median']:8.2f} s  "
                f"{1000 * figures['median'] / n:7.2f} ms/cable  {figures['peak_mb']:7.0f} MB"
                f"  {figures['tree_mb']:7.0f} MB all processes",
                flush=True,
            )
    reference.append(reference_seconds())
    write_results(rows, reference)


def reference_seconds() -> float:
    """How fast this machine runs Python at the moment: the median of five runs of a fixed
    loop of ten million additions. Figures taken on other machines, or on a shared machine
    at another time, compare after scaling by it."""

    def once() -> float:
        start, total = time.perf_counter(), 0
        for number in range(10_000_000):
            total += number
        return time.perf_counter() - start

    return statistics.median(once() for _ in range(5))


def _versions() -> str:
    """The versions of what does the work: lxml with its libxml2 and libxslt, and the
    libraries the stages call."""
    from importlib.metadata import version

    from lxml import etree

    def dotted(parts: tuple[int, ...]) -> str:
        return ".".join(map(str, parts))

    names = ["xmlschema", "py3langid", "pymorphy3", "pagefind", "weasyprint"]
    return ", ".join(
        [
            f"lxml {version('lxml')} (libxml2 {dotted(etree.LIBXML_VERSION)}, "
            f"libxslt {dotted(etree.LIBXSLT_VERSION)})",
            *(f"{name} {version(name)}" for name in names),
        ]
    )


def write_results(rows: list, reference: list[float]) -> None:
    from cablegram import __version__

    lines = [
        "# Benchmark results",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; cablegram {__version__}.",
        f"Libraries: {_versions()}.",
        "Corpus: benchmarks/corpus.py (synthetic exports in the three layouts). Each stage in a",
        "fresh process, all cores (`--jobs` default); median of 3 runs (1 run at 10,000).",
        "build: convert + validate + web + search from scratch, through the incremental build;",
        "rebuild: the same with nothing changed; rebuild-one: after one source changed.",
        f"Speed of the machine (`reference_seconds`, a fixed Python loop): "
        f"{reference[0]:.2f} s before the runs, {reference[-1]:.2f} s after.",
        "",
        "| cables | stage | median s | ms per cable | largest process MB | all processes MB (PSS) "
        "| runs (s) |",
        "| ---: | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for n, stage, figures in rows:
        runs = ", ".join(f"{t:.2f}" for t in figures["runs"])
        lines.append(
            f"| {n:,} | {stage} | {figures['median']:.2f} | "
            f"{1000 * figures['median'] / n:.2f} | {figures['peak_mb']:.0f} | "
            f"{figures['tree_mb']:.0f} | {runs} |"
        )
    lines += [
        "",
        "Steps of `build` from scratch (the median run), as `Built.seconds` times them; the",
        "target is on convert + validate + web without its search index:",
        "",
        "| cables | convert s | validate s | web s (without search) | search s "
        "| convert + validate + web s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for n, stage, figures in rows:
        if stage == "build":
            steps = figures["steps"]
            web = steps["web"] - steps["search"]
            lines.append(
                f"| {n:,} | {steps['convert']:.1f} | {steps['validate']:.1f} | {web:.1f} | "
                f"{steps['search']:.1f} | {steps['convert'] + steps['validate'] + web:.1f} |"
            )
    target = ROOT / "benchmarks" / "RESULTS.md"
    previous = target.read_text(encoding="utf-8") if target.exists() else ""
    notes = previous.split("<!-- notes -->", 1)[1] if "<!-- notes -->" in previous else "\n"
    target.write_text("\n".join(lines) + "\n\n<!-- notes -->" + notes, encoding="utf-8")


if __name__ == "__main__":
    main()
