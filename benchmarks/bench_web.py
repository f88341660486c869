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
from cablegram.render.web import build_search_index

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(n: int, out: Path) -> Path:
    """A directory of N TEI files made from the seeds and variants (ids rewritten to the
    file names) and the authority files."""
    converted, corpus = out / "converted", out / "corpus"
    shutil.copytree(ROOT / "tei" / "authority", converted / "authority")
    shutil.copytree(ROOT / "tei" / "authority", corpus / "authority")
    results = pipeline.convert([ROOT / "seeds", ROOT / "tests" / "variants"], converted)
    failed = [r.message for r in results if r.status == "failed"]
    assert not failed, failed
    originals = sorted(r.output for r in results if r.output)
    for k in range(n):
        original = originals[k % len(originals)]
        stem = f"{original.stem}-copy{k:05d}"
        data = original.read_bytes().replace(
            f'xml:id="{original.stem}"'.encode(), f'xml:id="{stem}"'.encode(), 1
        )
        (corpus / f"{stem}.xml").write_bytes(data)
    return corpus


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
            pages = len(list(site.glob("cable-*.html")))
            assert pages == args.n, f"{pages} cable pages for {args.n} cables"
            if not args.no_search:
                start = time.perf_counter()
                built = build_search_index(site)
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
