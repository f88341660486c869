"""Benchmark: rendering the web edition of N cables, with its search index.

The corpus is the converted seeds and test variants, replicated to N TEI files (each copy
with its own file name and matching xml:id), with the authority files beside them. Each
run renders into a fresh output directory (`pipeline.web`), in this process and its
workers, and gives three figures, each the median over the runs:

- render: the pages (cable pages, index, entity pages, assets), the step's time less the
  search index's;
- search: the search index (`Site.search_seconds`: the records and Pagefind);
- memory: the peak PSS of this process and all its descendants together (workers,
  Pagefind), sampled while the step runs.

    python3 benchmarks/bench_web.py --n 1000 --runs 3

Run from another checkout's code (PYTHONPATH=that/src) it measures that code, so two
commits can be measured side by side, alternately, on one corpus.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cablegram import __version__, pipeline

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_scale import TreeMemory  # noqa: E402
from corpus import replicate_tei  # noqa: E402


def make_corpus(n: int, out: Path) -> Path:
    """The directory of N TEI files (benchmarks/corpus.py, replicate_tei)."""
    return replicate_tei(n, out)[0].parent


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def report(label: str, seconds: list[float], n: int) -> str:
    median = statistics.median(seconds)
    runs = ", ".join(f"{s:.2f}" for s in seconds)
    return (
        f"{label}, {n} cables: median {median:.2f} s ({1000 * median / n:.1f} ms per cable) "
        f"over {len(seconds)} runs: {runs}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="processes for the cable pages")
    parser.add_argument("--no-search", action="store_true", help="skip the Pagefind timing")
    args = parser.parse_args()
    options = {} if args.jobs is None else {"jobs": args.jobs}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = make_corpus(args.n, Path(tmp))
        files = sorted(corpus.glob("*.xml"))
        pipeline.web(files[:25], Path(tmp) / "warm-up", search=False, **options)  # compile XSLT
        assert len(files) == args.n
        render, search, memory = [], [], []
        for run in range(args.runs):
            site = Path(tmp) / f"site-{run}"
            with TreeMemory() as peak:
                start = time.perf_counter()
                made = pipeline.web([corpus], site, search=not args.no_search, **options)
                seconds = time.perf_counter() - start
            render.append(seconds - made.search_seconds)
            search.append(made.search_seconds)
            memory.append(peak.peak / 2**20)
            # every document's page (since version 2 not every id begins with cable-)
            pages = sum((site / f"{path.stem}.html").exists() for path in files)
            assert pages == args.n, f"{pages} document pages for {args.n} documents"
            if not args.no_search and not made.search:
                sys.exit("Pagefind is not installed (pip install 'pagefind[bin]')")
            shutil.rmtree(site)
    print(
        f"cablegram {__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}"
        + (f", jobs={args.jobs}" if args.jobs is not None else "")
    )
    print(report("web pages", render, args.n))
    if not args.no_search:
        print(report("search index", search, args.n))
        total = [r + s for r, s in zip(render, search, strict=True)]
        print(report("both (pipeline.web, search=True)", total, args.n))
    print(
        f"peak memory (all processes): median {statistics.median(memory):.0f} MB, "
        f"largest {max(memory):.0f} MB"
    )


if __name__ == "__main__":
    main()
