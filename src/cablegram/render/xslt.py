"""Compiling and running the project's XSLT stylesheets (XSLT 1.0 + EXSLT, libxslt)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from lxml import etree

from cablegram.errors import CablegramError
from cablegram.safexml import safe_parser

REPO_XSLT = Path(__file__).resolve().parents[3] / "xslt"
# Stylesheets may read their own imports; nothing else, and never the network.
ACCESS = etree.XSLTAccessControl(
    read_file=True, write_file=False, create_dir=False, read_network=False, write_network=False
)


def xslt_dir() -> Path:
    """The stylesheets: $CABLEGRAM_XSLT, else the repository's xslt/."""
    directory = Path(os.environ.get("CABLEGRAM_XSLT", REPO_XSLT))
    if not (directory / "web").is_dir():
        raise CablegramError(f"{directory}: no web/ stylesheets here; set CABLEGRAM_XSLT")
    return directory


@cache
def stylesheet(path: Path) -> etree.XSLT:
    """A stylesheet, compiled once per process."""
    try:
        return etree.XSLT(etree.parse(str(path), safe_parser()), access_control=ACCESS)
    except (etree.XSLTParseError, etree.XMLSyntaxError) as exc:
        raise CablegramError(f"{path}: cannot compile the stylesheet ({exc})") from exc


def transform(path: Path, document: etree._ElementTree, **params: str) -> etree._XSLTResultTree:
    """Transform a document; string parameters are quoted for XSLT."""
    quoted = {key: etree.XSLT.strparam(value) for key, value in params.items()}
    try:
        return stylesheet(path)(document, **quoted)
    except etree.XSLTApplyError as exc:
        raise CablegramError(f"{path}: {exc}") from exc


def html_page(path: Path, document: etree._ElementTree, **params: str) -> bytes:
    """An HTML page from a document (see `transform`), as the bytes to write (the result's
    own serialisation: no round trip through a string)."""
    return b"<!DOCTYPE html>\n" + bytes(transform(path, document, **params))
