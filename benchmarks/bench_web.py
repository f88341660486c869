"""Benchmark: rendering the web edition of N cables, and indexing it with Pagefind.

The corpus is the converted seeds and test variants, replicated to N TEI files (each copy
with its own file name and matching xml:id), with the authority files beside them. Two
timings, each the median of several runs into a fresh output directory:

- render: `pipeline.web(..., search=False)` (cable pages, index, entity pages, assets);
- search: the Pagefind step alone (`build_search_index`) on the rendered site.

    python3 benchmarks/bench_web.py --n 1000 --runs 3
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
from cablegram.render.search import build_search_index

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

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
        render, search = [], []
        for run in range(args.runs):
            site = Path(tmp) / f"site-{run}"
            render.append(
                timed(lambda site=site: pipeline.web([corpus], site, search=False, **options))
            )
            # every document's page (since version 2 not every id begins with cable-)
            made = [site / f"{path.stem}.html" for path in files]
            pages = sum(page.exists() for page in made)
            assert pages == args.n, f"{pages} document pages for {args.n} documents"
            if not args.no_search:
                start = time.perf_counter()
                built = build_search_index(site, made)
                search.append(time.perf_counter() - start)
                if not built:
                    sys.exit("Pagefind is not installed (pip install 'pagefind[bin]')")
                assert (site / "pagefind" / "pagefind-entry.json").is_file()
            shutil.rmtree(site)
    print(
        f"cablegram {__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}"
        + (f", jobs={args.jobs}" if args.jobs is not None else "")
    )
    print(report("web pages (pipeline.web, search=False)", render, args.n))
    if search:
        print(report("Pagefind index (build_search_index)", search, args.n))
        total = [r + s for r, s in zip(render, search, strict=True)]
        print(report("both (pipeline.web, search=True)", total, args.n))


if __name__ == "__main__":
    main()
