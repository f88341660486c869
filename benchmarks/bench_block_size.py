"""Converting one export whose text is one long block, time against the block's size.

A real export frames the block, so that its header and furniture parse as usual: the
English translation of seed 000 (a cable) with its first paragraph replaced by one of
growing size, without a blank line, in one of three kinds:
- `prose`: running sentences on lines of ordinary width (no line ends a sentence, so that
  the reader keeps them one paragraph);
- `brackets`: sentences dense with the archive's brackets ([sic; possibly …], [?],
  [illegible], [...], supplied letters and words, an expansion, a stamp, a hand's words,
  an editor's note, an explanation): one bracket every 25 characters or so;
- `oneline`: variant v67 (a one-line copy, its white space collapsed) with its body grown
  into one long run of prose on its single line.

Each size is converted by `pipeline.convert` (library call, one process, one job) in a
fresh process, killed after `--limit` seconds (reported as "> N s"). Against an older
commit, side by side:

    git worktree add -f /tmp/wt-old COMMIT
    PYTHONPATH=/tmp/wt-old/src .venv/bin/python benchmarks/bench_block_size.py --max-mb 5
    .venv/bin/python benchmarks/bench_block_size.py
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_eb221e658215b803.txt"
ONELINE = ROOT / "tests" / "variants" / "v67_oneline_statement_generic_mfa_gap.txt"
SIZES_MB = (0.05, 0.2, 1, 5, 20, 50)
PROSE = (
    "Ridgway, the Commanding General of enemy forces, made a statement today with a proposal "
    "that representatives of both warring sides meet on a Danish ship in the port of Wonsan "
    "for a meeting on a cessation of combat operations. He declared at the same time that an "
    "appropriate guarantee is required; only in this event might combat operations be halted. "
)
BRACKETS = (
    "The meeting at Kaidzio [sic; possibly Kaesong][?] was postponed [illegible] and G[roup?] "
    "leader Chang [?] arrived [...] with the [one word missing] delegation of the MPR "
    "[Mongolian People's Republic] [stamp: Incoming N° 2212/sh of 30 June 1951] [handwritten: "
    'Yes.] [sic] the [Ed. note: a remark.] [literally, "ways"] negotiations [between] '
    "representatives. "
)
COLLAPSED = (
    "The naval forces of the Korean People’s Army captured in the territorial waters of the "
    "DPRK the armed spy ship of the United States Navy, which had intruded deep into our "
    "waters off Wonsan, and the United States imperialists are moving aircraft carriers into "
    "the East Sea of Korea "
)
KINDS = ("prose", "brackets", "oneline")
WIDTH = 80  # characters of a line of the block
CONVERT = (
    "import json, sys, time\n"
    "from pathlib import Path\n"
    "from cablegram import pipeline\n"
    "start = time.perf_counter()\n"
    "results = pipeline.convert([Path(sys.argv[1])], Path(sys.argv[2]), force=True, jobs=1)\n"
    "seconds = time.perf_counter() - start\n"
    "failed = [r.message for r in results if r.status == 'failed']\n"
    "assert not failed, failed[0]\n"
    # (the peak of this program's own memory: ru_maxrss would count the parent's, forked)
    "status = open('/proc/self/status').read()\n"
    "rss = int(status.split('VmHWM:')[1].split()[0]) / 1024\n"
    "print(json.dumps({'seconds': seconds, 'rss': rss}))\n"
)


def block(unit: str, size: int) -> str:
    """`unit` repeated to about `size` characters, ending at a sentence's end."""
    text = unit * (size // len(unit) + 1)
    return text[: text.rfind(". ", 0, size) + 1]


def wrapped(text: str) -> str:
    """Text on lines of about `WIDTH` characters, none ending a sentence (a line that
    does is joined to the next: a line ending in a full stop before a capital would begin
    a new paragraph)."""
    lines: list[str] = []
    line: list[str] = []
    width = 0
    for word in text.split(" "):
        if width + len(word) > WIDTH and line and not line[-1].endswith((".", "]", '"')):
            lines.append(" ".join(line))
            line, width = [], 0
        line.append(word)
        width += len(word) + 1
    lines.append(" ".join(line))
    return "\n".join(lines)


def export(kind: str, size: int) -> str:
    """An export whose first paragraph of the translation (or a one-line copy's body) is
    one block of about `size` characters of `kind`."""
    if kind == "oneline":
        frame = ONELINE.read_text(encoding="utf-8")
        cut = frame.index("[...]")
        return frame[:cut] + block(COLLAPSED.replace("Korea ", "Korea. "), size) + frame[cut:]
    frame = SEED.read_text(encoding="utf-8")
    cut = frame.index("Ridgway, the Commanding")
    end = frame.index("\n\n", cut)
    paragraph = wrapped(block(PROSE if kind == "prose" else BRACKETS, size))
    return frame[:cut] + paragraph + frame[end:]


def measure(source: Path, out: Path, limit: float) -> dict[str, float] | None:
    """Seconds and peak memory (MiB) of converting `source` in a fresh process (the code
    PYTHONPATH names, else this checkout's); None when it ran out of time."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(ROOT / "tei" / "authority", out / "authority")
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT / "src"))}
    with subprocess.Popen(
        [sys.executable, "-c", CONVERT, str(source), str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as process:
        try:
            stdout, stderr = process.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return None
    if process.returncode:
        raise SystemExit(f"conversion of {source} failed:\n{stderr[-2000:]}")
    result: dict[str, float] = json.loads(stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-mb", type=float, default=50.0, help="the largest block, in MB")
    parser.add_argument("--limit", type=float, default=120.0, help="seconds before giving up")
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    args = parser.parse_args()
    code = os.environ.get("PYTHONPATH", str(ROOT / "src"))
    print(f"code: {code}; measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print("| kind | block MB | seconds | s per MB | peak RSS MiB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for kind in args.kinds:
            timed_out = False
            for mb in (mb for mb in SIZES_MB if mb <= args.max_mb):
                source = base / f"block_{kind}.txt"
                source.write_text(export(kind, int(mb * 1_000_000)), encoding="utf-8")
                size = source.stat().st_size / 1_000_000
                result = None if timed_out else measure(source, base / "out", args.limit)
                if result is None:  # (a larger block would take longer still)
                    timed_out = True
                    print(f"| {kind} | {size:.2f} | > {args.limit:.0f} | | |", flush=True)
                    continue
                seconds = result["seconds"]
                print(
                    f"| {kind} | {size:.2f} | {seconds:.2f} | {seconds / size:.2f} "
                    f"| {result['rss']:.0f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
