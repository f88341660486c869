"""Benchmark: validating N cables with the project's XSD + Schematron, against jing/tei_all.

The corpus is the converted seeds and test variants, replicated to N files (each copy with
its own file name and matching xml:id). Prints the median of several runs.

    .venv/bin/python benchmarks/bench_validate.py --n 1000 --runs 3
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cablegram import __version__
from cablegram.validate import validate_files
from cablegram.validate.schemas import schema_dir, tei_all_rng

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import replicate_tei  # noqa: E402


def make_corpus(n: int, out: Path) -> list[Path]:
    """N TEI files (benchmarks/corpus.py, replicate_tei)."""
    return replicate_tei(n, out)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = make_corpus(args.n, Path(tmp))
        schema_dir()  # fail early when the schemas are missing
        validate_files(files[:1])  # compile the schemas once, outside the timing
        ours = []
        for _ in range(args.runs):
            report = None

            def run() -> None:
                nonlocal report
                report = validate_files(files)

            ours.append(timed(run))
            assert report is not None and report.valid, report.summary() if report else ""
        jing = []
        if shutil.which("jing"):
            rng = tei_all_rng()
            for _ in range(args.runs):
                jing.append(
                    timed(
                        lambda: subprocess.run(
                            ["jing", str(rng), *map(str, files)], capture_output=True, check=True
                        )
                    )
                )
    ours_median = statistics.median(ours)
    print(
        f"cablegram {__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}"
    )
    print(
        f"validate (XSD + Schematron), {args.n} cables: median {ours_median:.2f} s "
        f"({1000 * ours_median / args.n:.1f} ms per cable) over {args.runs} runs: "
        + ", ".join(f"{t:.2f}" for t in ours)
    )
    if jing:
        jing_median = statistics.median(jing)
        print(
            f"jing tei_all, same {args.n} files, one call: median {jing_median:.2f} s "
            f"({1000 * jing_median / args.n:.1f} ms per cable)"
        )


if __name__ == "__main__":
    main()
