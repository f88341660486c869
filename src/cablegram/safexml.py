"""The one hardened XML parser of cablegram: no DTD loading, no entity expansion, no
network access. Every stage that reads XML (validation, rendering, the authority files,
the stylesheets) parses through it."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from cablegram.errors import CablegramError

# the characters XML 1.0 cannot hold (but the surrogates, which a Python str of UTF-8 bytes
# never holds): lxml refuses to write them
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml(path: Path, data: bytes | None = None) -> etree._ElementTree:
    """An XML file (or its `data`, already read), parsed safely; a `CablegramError` naming
    the file when it cannot be."""
    try:
        if data is not None:
            return etree.ElementTree(etree.fromstring(data, safe_parser(), base_url=str(path)))
        return etree.parse(str(path), safe_parser())
    except (OSError, etree.XMLSyntaxError) as exc:
        raise CablegramError(f"{path}: cannot be read as XML ({exc})") from exc
