"""Where the project's schemas are, and each compiled once per process."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import xmlschema
from lxml import etree, isoschematron

from cablegram.errors import CablegramError
from cablegram.validate.xmlsafe import safe_parser

REPO_SCHEMAS = Path(__file__).resolve().parents[3] / "schemas"
XSD_NAME = "cablegram.xsd"
SCH_NAME = "cablegram.sch"
AUTHORITY_XSD = "authority.xsd"
AUTHORITY_SCH = "authority.sch"
TEI_ALL_RNG = Path(__file__).resolve().parents[4] / "shared" / "tei-p5" / "relaxng" / "tei_all.rng"


def schema_dir() -> Path:
    """The schemas directory: $CABLEGRAM_SCHEMAS, else the repository's schemas/."""
    directory = Path(os.environ.get("CABLEGRAM_SCHEMAS", REPO_SCHEMAS))
    if not (directory / XSD_NAME).exists():
        raise CablegramError(
            f"{directory}: no {XSD_NAME} here; set CABLEGRAM_SCHEMAS to the schemas directory"
        )
    return directory


def tei_all_rng() -> Path:
    """The official tei_all RELAX NG schema: $CABLEGRAM_TEI_ALL, else ../shared/tei-p5/."""
    path = Path(os.environ.get("CABLEGRAM_TEI_ALL", TEI_ALL_RNG))
    if not path.exists():
        raise CablegramError(f"{path}: tei_all.rng not found; set CABLEGRAM_TEI_ALL to its path")
    return path


@cache
def lxml_xsd(directory: Path, name: str = XSD_NAME) -> etree.XMLSchema:
    """An XSD compiled by libxml2: the fast verdict."""
    return etree.XMLSchema(etree.parse(str(directory / name), safe_parser()))


@cache
def xmlschema_xsd(directory: Path, name: str = XSD_NAME) -> xmlschema.XMLSchema10:
    """An XSD compiled by xmlschema: detailed messages for the documents that fail."""
    return xmlschema.XMLSchema10(str(directory / name))


@cache
def schematron(directory: Path, name: str = SCH_NAME) -> isoschematron.Schematron:
    """Schematron rules compiled to XSLT (XPath 1.0 query binding). The SVRL report holds
    the failed asserts and the active patterns, not a `fired-rule` for every node a rule
    met (about 250 per cable, most of the report and an eighth of the time)."""
    tree = etree.parse(str(directory / name), safe_parser())
    return isoschematron.Schematron(
        tree,
        store_report=True,
        store_xslt=True,
        compile_params={"generate-fired-rule": "false"},
    )
