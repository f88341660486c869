"""Benchmark: typesetting the print volume (edition.pdf) of N cables with WeasyPrint.

The corpus is the converted seeds and test variants, replicated to N files (each copy with
its own file name and matching xml:id), the authority files beside them. Only the volume is
made (`per_cable=False`). Prints the pages, the median time of several runs, the time of the
XSLT step alone, and the process's peak memory (ru_maxrss).

    python3 benchmarks/bench_print.py --n 100 --runs 3 [--untagged]

`--untagged`: PDFs without the structure tree (`cablegram print --untagged`). (Before
tagging existed, the option is not passed on: run the old commit without it.)
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cablegram import __version__, pipeline
from cablegram.render.print import paged_html
from cablegram.safexml import parse_xml as parse_tei

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import replicate_tei  # noqa: E402


def make_corpus(n: int, out: Path) -> list[Path]:
    """N TEI files (benchmarks/corpus.py, replicate_tei)."""
    return replicate_tei(n, out)


def peak_mib() -> float:
    """The process's peak resident set size (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--untagged", action="store_true")
    args = parser.parse_args()
    options = {"tagged": False} if args.untagged else {}
    with tempfile.TemporaryDirectory() as tmp:
        files = make_corpus(args.n, Path(tmp))
        corpus = files[0].parent
        baseline = peak_mib()
        start = time.perf_counter()
        trees = [parse_tei(path) for path in files]
        paged_html(trees, corpus / "authority", standalone=False)
        xslt = time.perf_counter() - start
        times, pages = [], 0
        for run in range(args.runs):
            out = Path(tmp) / f"print-{run}"
            start = time.perf_counter()
            volume = pipeline.print_edition([corpus], out, per_cable=False, **options)
            times.append(time.perf_counter() - start)
            pages = volume.pages
            size = (out / "edition.pdf").stat().st_size
    median = statistics.median(times)
    print(
        f"cablegram {__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}"
    )
    print(
        f"print volume{' (untagged)' if args.untagged else ''}, {args.n} cables: "
        f"{pages} pages, {size / 1024:.0f} KiB; "
        f"median {median:.2f} s ({1000 * median / pages:.0f} ms per page, "
        f"{1000 * median / args.n:.0f} ms per cable) over {args.runs} runs: "
        + ", ".join(f"{t:.2f}" for t in times)
    )
    print(f"of which XSLT (corpus + volume.xsl): {xslt:.2f} s")
    print(f"peak RSS {peak_mib():.0f} MiB (before printing: {baseline:.0f} MiB)")


if __name__ == "__main__":
    main()
