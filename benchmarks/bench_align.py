"""Converting the synthetic corpus with and without the aligner, side by side.

Both run in the same machine state, in turn (without, with, without, with …), each a fresh
process converting the same exports into an empty folder with every core
(`pipeline.convert(..., align=...)`); the median of each and their ratio go to stdout as a
Markdown table row, with the links the aligned run wrote.

    .venv/bin/python benchmarks/bench_align.py --cables 1000 --runs 3
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_convert import convert_seconds
from corpus import generate

ROOT = Path(__file__).resolve().parent.parent


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
        convert_seconds(ROOT / "src", exports, base / "warm", True)  # the page cache warm
        for _ in range(args.runs):
            for align in (False, True):
                times[align].append(
                    convert_seconds(ROOT / "src", exports, base / f"out-{align}", align)
                )
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
