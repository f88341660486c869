"""Shared fixtures: the seeds, the variants and their manifest, the real archive samples,
converted once per session."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cablegram import pipeline
from cablegram.cli import main
from cablegram.edition import Edition
from cablegram.edition.config import read_config

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
VARIANTS = Path(__file__).resolve().parent / "variants"
SAMPLES = Path(__file__).resolve().parent / "samples"
TEI_DIR = ROOT / "tei"
SHARED = ROOT.parent / "shared"
# the official tei_all, as the package vendors it (schemas/tei/, with its provenance)
TEI_ALL_RNG = ROOT / "schemas" / "tei" / "tei_all.rng"


def run_cli(*args: str) -> Result:
    """Run the `cablegram` command in this process; whatever happens, it must end by
    `sys.exit`, never by a traceback."""
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.output
    return result


PASSAGE_LINKS = re.compile(r' (?:xml:id="(?:original|translation|version)[\w-]*"|corresp="[^"]*")')


def without_passage_ids(xml: str) -> str:
    """Encoded TEI without the blocks' ids and links (encode/anchors.py, align/): what a
    test of the parser's structure compares."""
    return PASSAGE_LINKS.sub("", xml)


def repo_edition() -> Edition:
    """The repository's own edition (its cablegram.toml: the seeds' title and subtitle)."""
    return read_config(ROOT / "cablegram.toml")


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def variant_paths() -> list[Path]:
    return sorted(VARIANTS.glob("*.txt"))


def sample_paths() -> list[Path]:
    """The real archive exports of tests/samples/ (copied unchanged from shared/)."""
    return sorted(SAMPLES.glob("*.txt"))


def manifest() -> dict[str, dict]:
    with (VARIANTS / "manifest.toml").open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="session")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pipeline.Converted]:
    """Every seed, variant and sample converted once, by source file name."""
    out = tmp_path_factory.mktemp("tei")
    shutil.copytree(TEI_DIR / "authority", out / "authority")
    results = pipeline.convert([SEEDS, VARIANTS, *sample_paths()], out, edition=repo_edition())
    failed = [r.message for r in results if r.status == "failed"]
    assert not failed, failed
    return {r.source.name: r for r in results}


@pytest.fixture(scope="session")
def converted_tei(converted: dict[str, pipeline.Converted]) -> Path:
    """The directory of that conversion (with authority/): shared, so only read it."""
    output = next(iter(converted.values())).output
    assert output is not None
    return output.parent
