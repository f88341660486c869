"""Converting the synthetic corpus with and without the aligner, side by side.

Both run in the same machine state, in turn (without, with, without, with …), each a fresh
process converting the same exports into an empty folder with every core
(`pipeline.convert(..., align=...)`); the median of each and their ratio go to stdout as a
Markdown table row, with the links the aligned run wrote.

    .venv/bin/python benchmarks/bench_align.py --cables 1000 --runs 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate

ROOT = Path(__file__).resolve().parent.parent
CONVERT = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from cablegram import pipeline\n"
    "start = time.perf_counter()\n"
    "results = pipeline.convert([Path(sys.argv[1])], Path(sys.argv[2]), force=True,\n"
    "                           align=sys.argv[3] == 'align')\n"
    "failed = [r for r in results if r.status == 'failed']\n"
    "assert not failed, failed[0].message\n"
    "print(time.perf_counter() - start)\n"
)


def convert_seconds(exports: Path, out: Path, align: bool) -> float:
    """One conversion of `exports`, with or without the aligner, in a fresh process."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(ROOT / "tei" / "authority", out / "authority")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    mode = "align" if align else "no-align"
    done = subprocess.run(
        [sys.executable, "-c", CONVERT, str(exports), str(out), mode],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"conversion ({mode}) failed:\n{done.stderr[-2000:]}")
    return float(done.stdout.strip().splitlines()[-1])


def links_in(out: Path) -> int:
    """The @corresp pointers the conversion wrote."""
    return sum(p.read_text(encoding="utf-8").count(' corresp="#') for p in out.glob("*.xml"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cables", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        exports = base / "exports"
        generate(args.cables, exports)
        times: dict[bool, list[float]] = {False: [], True: []}
        convert_seconds(exports, base / "warm", True)  # the page cache warm
        for _ in range(args.runs):
            for align in (False, True):
                times[align].append(convert_seconds(exports, base / f"out-{align}", align))
        pointers = links_in(base / "out-True")
    without, with_ = statistics.median(times[False]), statistics.median(times[True])
    runs = "; ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(times[False], times[True], strict=True))
    print(
        f"measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, runs without/with: {runs}"
    )
    print(f"blocks pointing at a counterpart in the aligned run: {pointers:,}")
    print("| cables | without alignment, median s | with alignment, median s | with / without |")
    print("| ---: | ---: | ---: | ---: |")
    print(f"| {args.cables:,} | {without:.2f} | {with_:.2f} | {with_ / without:.2f} |")


if __name__ == "__main__":
    main()
