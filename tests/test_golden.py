"""Golden TEI files for the five seeds, and the committed tei/ corpus kept up to date.

A golden file changes only when the output really should: read the diff, then accept it
with the command the failure prints (and review the new files by eye before committing).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from conftest import TEI_DIR, seed_paths

GOLDEN = Path(__file__).resolve().parent / "golden"
ACCEPT = "CABLEGRAM_ACCEPT_GOLDEN"
ACCEPT_COMMAND = f"{ACCEPT}=1 .venv/bin/pytest tests/test_golden.py"


@pytest.mark.parametrize("source", seed_paths(), ids=[p.stem for p in seed_paths()])
def test_seed_matches_its_golden_tei(source: Path, converted) -> None:
    produced = converted[source.name].output.read_bytes()
    golden = GOLDEN / f"{source.stem}.xml"
    if os.environ.get(ACCEPT):
        golden.write_bytes(produced)
        return
    assert golden.exists(), f"no golden file for {source.name}; create it with: {ACCEPT_COMMAND}"
    expected = golden.read_bytes()
    if produced != expected:
        diff = difflib.unified_diff(
            expected.decode().splitlines(),
            produced.decode().splitlines(),
            f"golden/{golden.name}",
            "produced",
            lineterm="",
        )
        shown = "\n".join(list(diff)[:120])
        pytest.fail(
            f"{source.name}: output differs from its golden file\n{shown}\n\n"
            f"If the change is right, accept it with: {ACCEPT_COMMAND}"
        )


def test_committed_tei_corpus_is_up_to_date(converted) -> None:
    """tei/ is exactly what converting seeds/ produces: no stale, missing or extra file."""
    expected = {
        converted[s.name].output.name: converted[s.name].output.read_bytes() for s in seed_paths()
    }
    present = {p.name: p.read_bytes() for p in TEI_DIR.glob("*.xml")}
    stale = sorted(name for name in expected if present.get(name) != expected[name])
    extra = sorted(set(present) - set(expected))
    assert not stale and not extra, (
        f"tei/ is stale (changed or missing: {stale}; no longer produced: {extra}); "
        "run ./dev build (and delete files no source produces)"
    )
