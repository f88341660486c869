"""Converting the synthetic corpus, this checkout against an earlier commit, side by side.

Both run in the same machine state, in turn (old, new, old, new …), each a fresh process
converting the same exports into an empty folder with every core (`pipeline.convert`);
the earlier commit runs from a temporary git worktree with this checkout's environment.
The median of each and their ratio go to stdout, as a Markdown table row.

    .venv/bin/python benchmarks/bench_convert.py --against 27c4c36 --cables 1000 --runs 5
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
    "options = {'align': sys.argv[3] == 'align'} if len(sys.argv) > 3 else {}\n"
    "start = time.perf_counter()\n"
    "results = pipeline.convert([Path(sys.argv[1])], Path(sys.argv[2]), force=True, **options)\n"
    "failed = [r for r in results if r.status == 'failed']\n"
    "assert not failed, failed[0].message\n"
    "print(time.perf_counter() - start)\n"
)


def convert_seconds(src: Path, exports: Path, out: Path, align: bool | None = None) -> float:
    """One conversion of `exports` by the code under `src`, in a fresh process; with or
    without the aligner when `align` says (None: the code's default, for commits older
    than the aligner)."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(ROOT / "tei" / "authority", out / "authority")
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", CONVERT, str(exports), str(out)]
        + ([] if align is None else ["align" if align else "no-align"]),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"conversion by {src} failed:\n{done.stderr[-2000:]}")
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--against", required=True, help="the earlier commit")
    parser.add_argument("--cables", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        exports = base / "exports"
        generate(args.cables, exports)
        old = base / "old"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old), args.against],
            check=True,
            capture_output=True,
        )
        try:
            times: dict[str, list[float]] = {"old": [], "new": []}
            convert_seconds(ROOT / "src", exports, base / "warm")  # the page cache warm
            for _ in range(args.runs):
                times["old"].append(convert_seconds(old / "src", exports, base / "out-old"))
                times["new"].append(convert_seconds(ROOT / "src", exports, base / "out-new"))
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old)],
                check=False,
                capture_output=True,
            )
    old_s, new_s = statistics.median(times["old"]), statistics.median(times["new"])
    runs = "; ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(times["old"], times["new"], strict=True))
    print(f"measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, runs old/new: {runs}")
    print("| cables | against | old median s | new median s | new / old |")
    print("| ---: | --- | ---: | ---: | ---: |")
    print(f"| {args.cables:,} | {args.against} | {old_s:.2f} | {new_s:.2f} | {new_s / old_s:.2f} |")


if __name__ == "__main__":
    main()
