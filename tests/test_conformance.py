"""Every TEI file cablegram writes is valid against the official TEI P5 `tei_all` schema.

One jing call over all files (the committed corpus and every converted test variant):
jing validates a hundred files in about a second, where compiling tei_all in-process
would cost tens of seconds.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from conftest import TEI_ALL_RNG, TEI_DIR


def test_jing_is_installed() -> None:
    assert shutil.which("jing"), "jing is missing: run ./dev test (it installs Debian's jing)"


def test_every_tei_file_is_valid_tei_all(converted) -> None:
    if not shutil.which("jing"):
        pytest.fail("jing is missing: run ./dev test (it installs Debian's jing)")
    files = sorted(TEI_DIR.glob("*.xml")) + [r.output for r in converted.values()]
    assert len(files) >= 25
    run = subprocess.run(
        ["jing", str(TEI_ALL_RNG), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout


def test_jing_rejects_an_invalid_document(tmp_path) -> None:
    """The check can fail: a TEI file without a teiHeader is refused."""
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p/></body></text></TEI>')
    run = subprocess.run(["jing", str(TEI_ALL_RNG), str(bad)], capture_output=True, check=False)
    assert run.returncode != 0
